from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    crm_company_type_count = fields.Integer('Number of Company Types', compute='_compute_crm_codebook_counts')
    crm_company_status_count = fields.Integer('Number of Company Statuses', compute='_compute_crm_codebook_counts')
    crm_industry_count = fields.Integer('Number of Industries', compute='_compute_crm_codebook_counts')
    crm_contact_position_count = fields.Integer('Number of Contact Positions', compute='_compute_crm_codebook_counts')
    crm_address_type_count = fields.Integer('Number of Address Types', compute='_compute_crm_codebook_counts')
    crm_interaction_type_count = fields.Integer('Number of Interaction Types', compute='_compute_crm_codebook_counts')
    crm_log_sent_emails = fields.Boolean(
        'Log Sent E-mails as Interactions',
        config_parameter='crm_extended.log_sent_emails',
        help='E-mails sent from the chatter of a contact or an opportunity are recorded as E-mail interactions.',
    )
    crm_email_type_available = fields.Boolean(
        'E-mail Type Available',
        compute='_compute_crm_email_type_available',
        help='Sent e-mails are logged with the E-mail interaction type; without it they are not logged.',
    )

    @api.model
    def _crm_codebooks(self):
        """{count field: model} of the codebooks the settings link to with their number of records; an addon
        with a codebook of its own adds its count field here, computed by ``_compute_crm_codebook_counts``."""
        return {
            'crm_company_type_count': 'crm.company.type',
            'crm_company_status_count': 'crm.company.status',
            'crm_industry_count': 'res.partner.industry',
            'crm_contact_position_count': 'crm.contact.position',
            'crm_address_type_count': 'crm.address.type',
            'crm_interaction_type_count': 'crm.interaction.type',
        }

    @api.depends('company_id')
    def _compute_crm_codebook_counts(self):
        counts = {field: self.env[model].search_count([]) for field, model in self._crm_codebooks().items()}
        for settings in self:
            settings.update(counts)

    def _compute_crm_email_type_available(self):
        self.crm_email_type_available = bool(self.env['crm.interaction']._email_interaction_type())
