from odoo import api, fields, models


class AccountPayment(models.Model):
    _name = 'account.payment'
    _inherit = ['account.payment', 'crm.sale.link.mixin']

    crm_sale_order_ids = fields.Many2many(
        'sale.order',
        'crm_account_payment_sale_order_rel',
        'payment_id',
        'order_id',
        string='Sales Orders',
        compute='_compute_crm_sale_order_ids',
        store=True,
        copy=False,
        help='Sales orders of the customer invoices and credit notes this payment is reconciled with.',
    )
    crm_opportunity_ids = fields.Many2many(
        'crm.lead',
        'crm_account_payment_crm_lead_rel',
        'payment_id',
        'lead_id',
        string='Opportunities',
        compute='_compute_crm_opportunity_ids',
        store=True,
        copy=False,
        help='Opportunities of the sales orders this payment pays.',
    )

    # The dependencies walk the reconciliation from the payment's journal items, like reconciled_invoice_ids
    # does, and not through reconciled_invoice_ids itself: its inverse search would run over every
    # reconciliation each time an invoice gets its orders.
    @api.depends(
        'move_id.line_ids.matched_debit_ids.debit_move_id.move_id.crm_sale_order_ids',
        'move_id.line_ids.matched_credit_ids.credit_move_id.move_id.crm_sale_order_ids',
        'invoice_ids.crm_sale_order_ids',
    )
    def _compute_crm_sale_order_ids(self):
        for payment in self:
            lines = payment.move_id.line_ids
            # A payment without journal entry is matched to the invoices it was registered for.
            invoices = (
                lines.matched_debit_ids.debit_move_id.move_id | lines.matched_credit_ids.credit_move_id.move_id
                if payment.move_id
                else payment.invoice_ids
            )
            payment.crm_sale_order_ids = invoices.crm_sale_order_ids

    @api.depends('crm_sale_order_ids.opportunity_id')
    def _compute_crm_opportunity_ids(self):
        for payment in self:
            payment.crm_opportunity_ids = payment.crm_sale_order_ids.opportunity_id

    def action_crm_sale_orders(self):
        """Open the sales orders this payment pays: the order itself when there is only one."""
        self.ensure_one()
        orders = self.crm_sale_order_ids
        action = self.env['ir.actions.act_window']._for_xml_id('sale.action_orders')
        if len(orders) == 1:
            action.update(views=[(False, 'form')], res_id=orders.id)
        else:
            action['domain'] = [('id', 'in', orders.ids)]
        return action
