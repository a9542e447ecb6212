from odoo import api, fields, models
from odoo.fields import Domain


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    crm_customer_value_id = fields.Many2one(
        'crm.customer.value',
        string='Customer Value',
        compute='_compute_crm_customer_value_id',
        search='_search_crm_customer_value_id',
        compute_sudo=True,
        help='The value of the customer company in the company of the opportunity.',
    )
    crm_abc_class = fields.Selection(related='crm_customer_value_id.abc_class')
    crm_rfm_segment = fields.Selection(related='crm_customer_value_id.rfm_segment')

    @api.depends_context('company')
    @api.depends('partner_id', 'company_id')
    def _compute_crm_customer_value_id(self):
        customer_values = self.env['crm.customer.value']
        for company, leads in self.grouped(lambda lead: lead._crm_invoicing_company()).items():
            values = customer_values._values_by_partner(leads.partner_id, company)
            for lead in leads:
                lead.crm_customer_value_id = values.get(lead.partner_id.commercial_partner_id._origin.id, False)

    def _search_crm_customer_value_id(self, operator, value):
        if operator != 'in':
            return NotImplemented
        values = self.env['crm.customer.value'].sudo().search([('id', 'in', value)])
        return Domain.OR(
            Domain('partner_id.commercial_partner_id', '=', customer_value.partner_id.id)
            & Domain('company_id', '=', customer_value.company_id.id)
            for customer_value in values
        )
