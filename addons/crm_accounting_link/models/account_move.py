from odoo import api, fields, models

# Who sees which orders and opportunities an invoice belongs to; portal users read their own invoices but not these.
LINK_GROUPS = 'sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly'


class AccountMove(models.Model):
    _name = 'account.move'
    _inherit = ['account.move', 'crm.sale.link.mixin']

    crm_sale_order_ids = fields.Many2many(
        'sale.order', 'crm_account_move_sale_order_rel', 'move_id', 'order_id', string='Sales Orders',
        compute='_compute_crm_sale_order_ids', store=True, copy=False, groups=LINK_GROUPS,
        help='Sales orders this invoice or credit note bills, taken from its lines.')
    crm_opportunity_ids = fields.Many2many(
        'crm.lead', 'crm_account_move_crm_lead_rel', 'move_id', 'lead_id', string='Opportunities',
        compute='_compute_crm_opportunity_ids', store=True, copy=False, groups=LINK_GROUPS,
        help='Opportunities of the sales orders this invoice or credit note bills.')

    # The unpaid and overdue figures of customers read only the open customer invoices, by customer company.
    _crm_open_receivable_idx = models.Index(
        "(commercial_partner_id, company_id, invoice_date_due) WHERE state = 'posted'"
        " AND move_type IN ('out_invoice', 'out_refund') AND payment_state IN ('not_paid', 'partial', 'in_payment')")

    @api.depends('move_type', 'invoice_line_ids.sale_line_ids.order_id')
    def _compute_crm_sale_order_ids(self):
        for move in self:
            move.crm_sale_order_ids = move.invoice_line_ids.sale_line_ids.order_id \
                if move.move_type in ('out_invoice', 'out_refund') else False

    @api.depends('crm_sale_order_ids.opportunity_id')
    def _compute_crm_opportunity_ids(self):
        for move in self:
            move.crm_opportunity_ids = move.crm_sale_order_ids.opportunity_id
