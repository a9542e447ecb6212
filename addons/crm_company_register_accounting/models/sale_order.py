from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    crm_vat_reliability = fields.Selection(related='partner_id.commercial_partner_id.crm_vat_reliability')
    crm_vat_unreliable_since = fields.Date(related='partner_id.commercial_partner_id.crm_vat_unreliable_since')
