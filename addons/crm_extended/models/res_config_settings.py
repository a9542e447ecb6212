from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .crm_interaction import SLA_DEFAULT_HOURS, SLA_PARAMETERS
from .crm_lead import SCORE_SETTINGS

CODEBOOKS = {
    'crm_company_type_count': 'crm.company.type',
    'crm_company_status_count': 'crm.company.status',
    'crm_industry_count': 'res.partner.industry',
    'crm_contact_position_count': 'crm.contact.position',
    'crm_address_type_count': 'crm.address.type',
    'crm_interaction_type_count': 'crm.interaction.type',
    'crm_lead_scoring_rule_count': 'crm.lead.scoring.rule',
    'crm_care_rule_count': 'crm.care.rule',
}


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    crm_company_type_count = fields.Integer('Number of Company Types', compute='_compute_crm_codebook_counts')
    crm_company_status_count = fields.Integer('Number of Company Statuses', compute='_compute_crm_codebook_counts')
    crm_industry_count = fields.Integer('Number of Industries', compute='_compute_crm_codebook_counts')
    crm_contact_position_count = fields.Integer('Number of Contact Positions', compute='_compute_crm_codebook_counts')
    crm_address_type_count = fields.Integer('Number of Address Types', compute='_compute_crm_codebook_counts')
    crm_interaction_type_count = fields.Integer('Number of Interaction Types', compute='_compute_crm_codebook_counts')
    crm_lead_scoring_rule_count = fields.Integer('Number of Scoring Rules', compute='_compute_crm_codebook_counts')
    crm_score_grade_a = fields.Integer(
        'Grade A From', config_parameter='crm_extended.score_grade_a',
        default=SCORE_SETTINGS['crm_extended.score_grade_a'])
    crm_score_grade_b = fields.Integer(
        'Grade B From', config_parameter='crm_extended.score_grade_b',
        default=SCORE_SETTINGS['crm_extended.score_grade_b'])
    crm_score_grade_c = fields.Integer(
        'Grade C From', config_parameter='crm_extended.score_grade_c',
        default=SCORE_SETTINGS['crm_extended.score_grade_c'],
        help='A lead with a score below this is graded D.')
    crm_score_threshold = fields.Integer(
        'Call Now Score', config_parameter='crm_extended.score_threshold',
        default=SCORE_SETTINGS['crm_extended.score_threshold'],
        help='When the score of a lead reaches it, its salesperson gets a "Call now" activity. '
             'A sales team may set its own.')
    crm_score_hysteresis = fields.Integer(
        'Hysteresis', config_parameter='crm_extended.score_hysteresis',
        default=SCORE_SETTINGS['crm_extended.score_hysteresis'],
        help='How far below the threshold the score must fall before a new crossing tells the salesperson again.')
    crm_score_activity_type_id = fields.Many2one(
        'mail.activity.type', string='Call Now Activity', config_parameter='crm_extended.score_activity_type_id',
        domain="[('res_model', 'in', (False, 'crm.lead'))]",
        help='The activity the salesperson gets when a lead reaches the call now score.')
    crm_care_rule_count = fields.Integer('Number of Care Rules', compute='_compute_crm_codebook_counts')
    crm_sla_hours_0 = fields.Integer('Low', config_parameter=SLA_PARAMETERS['0'], default=SLA_DEFAULT_HOURS['0'])
    crm_sla_hours_1 = fields.Integer('Normal', config_parameter=SLA_PARAMETERS['1'], default=SLA_DEFAULT_HOURS['1'])
    crm_sla_hours_2 = fields.Integer('High', config_parameter=SLA_PARAMETERS['2'], default=SLA_DEFAULT_HOURS['2'])
    crm_sla_hours_3 = fields.Integer('Urgent', config_parameter=SLA_PARAMETERS['3'], default=SLA_DEFAULT_HOURS['3'])
    crm_log_sent_emails = fields.Boolean(
        'Log Sent E-mails as Interactions', config_parameter='crm_extended.log_sent_emails',
        help='E-mails sent from the chatter of a contact or an opportunity are recorded as E-mail interactions.')
    crm_email_type_available = fields.Boolean(
        'E-mail Type Available', compute='_compute_crm_email_type_available',
        help='Sent e-mails are logged with the E-mail interaction type; without it they are not logged.')

    @api.depends('company_id')
    def _compute_crm_codebook_counts(self):
        counts = {field: self.env[model].search_count([]) for field, model in CODEBOOKS.items()}
        for settings in self:
            settings.update(counts)

    def _compute_crm_email_type_available(self):
        self.crm_email_type_available = bool(self.env['crm.interaction']._email_interaction_type())

    @api.constrains('crm_score_grade_a', 'crm_score_grade_b', 'crm_score_grade_c', 'crm_score_hysteresis')
    def _check_crm_score_bands(self):
        for settings in self:
            if not settings.crm_score_grade_a > settings.crm_score_grade_b > settings.crm_score_grade_c:
                raise ValidationError(_('The score bands must fall from grade A to grade C.'))
            if settings.crm_score_hysteresis < 0:
                raise ValidationError(_('The hysteresis of the call now score cannot be negative.'))

    @api.constrains('crm_sla_hours_0', 'crm_sla_hours_1', 'crm_sla_hours_2', 'crm_sla_hours_3')
    def _check_crm_sla_hours(self):
        for settings in self:
            if min(settings[f'crm_sla_hours_{priority}'] for priority in SLA_PARAMETERS) <= 0:
                raise ValidationError(_('Every priority needs at least one hour to resolve a complaint or a service '
                                        'request in.'))
