from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    crm_partner_company_type_ids = fields.Many2many(
        related='partner_id.commercial_partner_id.crm_company_type_ids', string='Customer Types'
    )
    crm_partner_company_status_id = fields.Many2one(
        related='partner_id.commercial_partner_id.crm_company_status_id', string='Customer Status'
    )
    crm_industry_id = fields.Many2one(
        'res.partner.industry', string='Industry', help='Industry given to the customer created from this lead.'
    )
    crm_company_type_ids = fields.Many2many(
        'crm.company.type',
        'crm_company_type_crm_lead_rel',
        'lead_id',
        'type_id',
        string='Company Types',
        help='Company types given to the customer created from this lead.',
    )

    crm_interaction_ids = fields.One2many(
        'crm.interaction', 'lead_id', string='Interactions', groups='sales_team.group_sale_salesman'
    )
    crm_interaction_count = fields.Integer(
        'Interaction Count', compute='_compute_crm_interaction_count', groups='sales_team.group_sale_salesman'
    )

    @api.depends('crm_interaction_ids')
    def _compute_crm_interaction_count(self):
        counts = dict(self.env['crm.interaction']._read_group([('lead_id', 'in', self.ids)], ['lead_id'], ['__count']))
        for lead in self:
            lead.crm_interaction_count = counts.get(lead, 0)

    def action_crm_interactions(self):
        self.ensure_one()
        return self.env['crm.interaction']._action_open_for(
            [('lead_id', '=', self.id)],
            {
                'default_lead_id': self.id,
                'default_partner_id': self.partner_id.id,
            },
        )

    def action_crm_log_interaction(self):
        self.ensure_one()
        return self.env['crm.interaction']._action_quick_log(
            {
                'default_lead_id': self.id,
                'default_partner_id': self.partner_id.id,
            }
        )

    def _message_post_after_hook(self, message, msg_vals):
        if self.partner_id:
            self.env['crm.interaction']._log_sent_email(message, msg_vals, self.partner_id, self)
        return super()._message_post_after_hook(message, msg_vals)

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        values = super()._prepare_customer_values(partner_name, is_company=is_company, parent_id=parent_id)
        if is_company or not parent_id:
            values.update(
                {
                    'industry_id': self.crm_industry_id.id,
                    'crm_company_type_ids': [fields.Command.set(self.crm_company_type_ids.ids)],
                }
            )
        return values
