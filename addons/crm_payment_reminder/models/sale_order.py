from odoo import models


class SaleOrder(models.Model):
    _inherit = 'sale.order'

    def _crm_payment_reminder_lead(self):
        return self.opportunity_id
