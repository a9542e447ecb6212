from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .crm_interaction import SLA_DEFAULT_HOURS, SLA_PARAMETERS


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    crm_care_rule_count = fields.Integer('Number of Care Rules', compute='_compute_crm_codebook_counts')
    crm_sla_hours_0 = fields.Integer('Low', config_parameter=SLA_PARAMETERS['0'], default=SLA_DEFAULT_HOURS['0'])
    crm_sla_hours_1 = fields.Integer('Normal', config_parameter=SLA_PARAMETERS['1'], default=SLA_DEFAULT_HOURS['1'])
    crm_sla_hours_2 = fields.Integer('High', config_parameter=SLA_PARAMETERS['2'], default=SLA_DEFAULT_HOURS['2'])
    crm_sla_hours_3 = fields.Integer('Urgent', config_parameter=SLA_PARAMETERS['3'], default=SLA_DEFAULT_HOURS['3'])

    @api.model
    def _crm_codebooks(self):
        return dict(super()._crm_codebooks(), crm_care_rule_count='crm.care.rule')

    @api.constrains('crm_sla_hours_0', 'crm_sla_hours_1', 'crm_sla_hours_2', 'crm_sla_hours_3')
    def _check_crm_sla_hours(self):
        for settings in self:
            if min(settings[f'crm_sla_hours_{priority}'] for priority in SLA_PARAMETERS) <= 0:
                raise ValidationError(
                    _('Every priority needs at least one hour to resolve a complaint or a service request in.')
                )
