from collections import defaultdict

from odoo import _, api, fields, models

PAYMENT_GROUPS = 'account.group_account_invoice,account.group_account_readonly'


class SaleOrder(models.Model):
    _name = 'sale.order'
    _inherit = ['sale.order', 'crm.customer.receivables.mixin']

    crm_company_currency_id = fields.Many2one(related='company_id.currency_id', string='Company Currency')
    crm_invoiced_amount = fields.Monetary(
        'Invoiced Amount',
        currency_field='crm_company_currency_id',
        compute='_compute_crm_invoice_figures',
        compute_sudo=True,
        help='Posted invoices less credit notes of this order, in the currency of the company.',
    )
    crm_paid_amount = fields.Monetary(
        'Paid Amount',
        currency_field='crm_company_currency_id',
        compute='_compute_crm_invoice_figures',
        compute_sudo=True,
        help='What the customer has paid on the invoices of this order.',
    )
    crm_amount_due = fields.Monetary(
        'Amount Due',
        currency_field='crm_company_currency_id',
        compute='_compute_crm_invoice_figures',
        compute_sudo=True,
        help='What the customer still owes on the invoices of this order.',
    )
    crm_payment_ids = fields.Many2many(
        'account.payment',
        string='Payments',
        compute='_compute_crm_payment_ids',
        groups=PAYMENT_GROUPS,
        help='Payments reconciled with the invoices of this order.',
    )
    crm_payment_count = fields.Integer('Payment Count', compute='_compute_crm_payment_ids', groups=PAYMENT_GROUPS)

    @api.depends(
        'order_line.invoice_lines.price_total',
        'order_line.invoice_lines.move_id.state',
        'order_line.invoice_lines.move_id.amount_total_signed',
        'order_line.invoice_lines.move_id.amount_residual_signed',
    )
    def _compute_crm_invoice_figures(self):
        # An invoice may bill several orders: each order takes the share of the invoice its own lines make up.
        for order in self:
            shares = defaultdict(float)
            for line in order.order_line.invoice_lines:
                invoice = line.move_id
                if (
                    invoice.state == 'posted'
                    and invoice.move_type in ('out_invoice', 'out_refund')
                    and invoice.amount_total
                ):
                    shares[invoice] += line.price_total / invoice.amount_total
            currency = order.crm_company_currency_id
            order.crm_invoiced_amount = currency.round(
                sum(share * invoice.amount_total_signed for invoice, share in shares.items())
            )
            order.crm_amount_due = currency.round(
                sum(share * invoice.amount_residual_signed for invoice, share in shares.items())
            )
            order.crm_paid_amount = order.crm_invoiced_amount - order.crm_amount_due

    def _compute_crm_payment_ids(self):
        payments = dict(
            self.env['account.payment']._read_group(
                self._crm_payment_domain(), ['crm_sale_order_ids'], ['id:recordset']
            )
        )
        for order in self:
            order.crm_payment_ids = payments.get(order._origin, self.env['account.payment'])
            order.crm_payment_count = len(order.crm_payment_ids)

    def _crm_payment_domain(self):
        return [('crm_sale_order_ids', 'in', self._origin.ids), ('state', 'not in', ('canceled', 'rejected'))]

    def action_crm_payments(self):
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('account.action_account_payments')
        action.update(
            name=_('Payments of %s', self.name),
            domain=self._crm_payment_domain(),
            context={'create': False},
        )
        return action
