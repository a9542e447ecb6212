from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = 'res.partner'

    crm_company_type_ids = fields.Many2many(
        'crm.company.type',
        'crm_company_type_res_partner_rel',
        'partner_id',
        'type_id',
        string='Company Types',
        help='What the company is to us; a supplier can be a customer too.',
    )
    crm_company_status_id = fields.Many2one(
        'crm.company.status', string='Company Status', index='btree_not_null', ondelete='restrict'
    )
    crm_position_id = fields.Many2one(
        'crm.contact.position', string='Position', index='btree_not_null', ondelete='restrict'
    )
    crm_address_type_id = fields.Many2one(
        'crm.address.type', string='Site Type', index='btree_not_null', ondelete='restrict'
    )
    crm_interaction_ids = fields.One2many(
        'crm.interaction', 'partner_id', string='Interactions', groups='sales_team.group_sale_salesman'
    )
    crm_company_interaction_ids = fields.One2many(
        'crm.interaction',
        'commercial_partner_id',
        string='Interactions of the Company',
        groups='sales_team.group_sale_salesman',
        help='Interactions with the company and with all of its contacts.',
    )
    crm_history_entry_ids = fields.One2many(
        'crm.history.entry',
        'partner_id',
        string='Timeline',
        groups='sales_team.group_sale_salesman',
        help='Interactions with the contact and, where the apps are installed, the mailings and events they had.',
    )
    crm_company_history_entry_ids = fields.One2many(
        'crm.history.entry',
        'commercial_partner_id',
        string='Timeline of the Company',
        groups='sales_team.group_sale_salesman',
        help='The timeline of the company and of all of its contacts.',
    )
    crm_interaction_count = fields.Integer(
        'Interaction Count', compute='_compute_crm_interaction_count', groups='sales_team.group_sale_salesman'
    )

    @api.model
    def _commercial_fields(self):
        # Contacts and addresses carry their company's classification, so they can be filtered by it.
        return super()._commercial_fields() + ['crm_company_type_ids', 'crm_company_status_id']

    @api.onchange('crm_position_id')
    def _onchange_crm_position_id(self):
        if self.crm_position_id and not self.function:
            self.function = self.crm_position_id.with_context(lang=self.lang or self.env.lang).name

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners._fill_function_from_position()
        return partners

    def write(self, vals):
        result = super().write(vals)
        if vals.get('crm_position_id'):
            self._fill_function_from_position()
        return result

    def _fill_function_from_position(self):
        """The job title stays free text; a chosen position only fills it when it is empty, in the contact's own
        language (the contact reads it, whoever typed it in)."""
        untitled = self.filtered(lambda partner: partner.crm_position_id and not partner.function)
        for (lang, position), partners in untitled.grouped(
            lambda partner: (partner.lang or self.env.lang, partner.crm_position_id)
        ).items():
            partners.function = position.with_context(lang=lang).name

    def _compute_crm_interaction_count(self):
        # A company counts its contacts' interactions as well; a person only their own.
        interactions = self.env['crm.interaction']
        per_company = dict(
            interactions._read_group(
                [('commercial_partner_id', 'in', self.ids)], ['commercial_partner_id'], ['__count']
            )
        )
        per_person = dict(interactions._read_group([('partner_id', 'in', self.ids)], ['partner_id'], ['__count']))
        for partner in self:
            partner.crm_interaction_count = (per_company if partner.is_company else per_person).get(partner, 0)

    def _crm_interaction_domain(self):
        self.ensure_one()
        return [('commercial_partner_id' if self.is_company else 'partner_id', '=', self.id)]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_crm_interactions(self):
        if self.env['crm.interaction'].sudo().search_count([('partner_id', 'in', self.ids)], limit=1):
            raise UserError(
                _(
                    'Contacts that have interactions cannot be deleted, so that the history of the customer is kept. '
                    'Archive them instead.'
                )
            )

    def action_crm_interactions(self):
        self.ensure_one()
        return self.env['crm.interaction']._action_open_for(
            self._crm_interaction_domain(),
            {
                'default_partner_id': self.id,
            },
        )

    def action_crm_log_interaction(self):
        self.ensure_one()
        return self.env['crm.interaction']._action_quick_log({'default_partner_id': self.id})

    def _message_post_after_hook(self, message, msg_vals):
        self.env['crm.interaction']._log_sent_email(message, msg_vals, self, self.env['crm.lead'])
        return super()._message_post_after_hook(message, msg_vals)
