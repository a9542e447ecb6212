from odoo import api, fields, models

from odoo.addons.crm_accounting_link.models.res_partner import RECEIVABLE_GROUPS


class ResPartner(models.Model):
    _inherit = 'res.partner'

    crm_customer_value_id = fields.Many2one(
        'crm.customer.value',
        string='Customer Value',
        compute='_compute_crm_customer_value_id',
        search='_search_crm_customer_value_id',
        compute_sudo=True,
        groups=RECEIVABLE_GROUPS,
        help='The value of the customer company in the current company.',
    )
    crm_abc_class = fields.Selection(related='crm_customer_value_id.abc_class', groups=RECEIVABLE_GROUPS)
    crm_rfm_segment = fields.Selection(related='crm_customer_value_id.rfm_segment', groups=RECEIVABLE_GROUPS)
    crm_average_days_late = fields.Float(related='crm_customer_value_id.average_days_late', groups=RECEIVABLE_GROUPS)

    @api.depends_context('company')
    def _compute_crm_customer_value_id(self):
        values = self.env['crm.customer.value']._values_by_partner(self, self.env.company)
        for partner in self:
            partner.crm_customer_value_id = values.get(partner.commercial_partner_id._origin.id, False)

    def _search_crm_customer_value_id(self, operator, value):
        if operator != 'in':
            return NotImplemented
        values = (
            self.env['crm.customer.value']
            .sudo()
            ._search([('id', 'in', value), ('company_id', '=', self.env.company.id)])
        )
        return [('commercial_partner_id', 'in', values.subselect('partner_id'))]
