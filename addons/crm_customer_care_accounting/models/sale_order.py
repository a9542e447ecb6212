from odoo import models


class SaleOrder(models.Model):
    _name = 'sale.order'
    _inherit = ['sale.order', 'crm.complaint.document.mixin']
    _crm_complaint_field = 'crm_sale_order_id'
