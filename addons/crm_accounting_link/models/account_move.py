from odoo import api, fields, models
from odoo.tools import SQL

# Who sees which orders and opportunities an invoice belongs to; portal users read their own invoices but not these.
LINK_GROUPS = 'sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly'


class AccountMove(models.Model):
    _name = 'account.move'
    _inherit = ['account.move', 'crm.sale.link.mixin']

    crm_sale_order_ids = fields.Many2many(
        'sale.order',
        'crm_account_move_sale_order_rel',
        'move_id',
        'order_id',
        string='Sales Orders',
        compute='_compute_crm_sale_order_ids',
        store=True,
        copy=False,
        groups=LINK_GROUPS,
        help='Sales orders this invoice or credit note bills, taken from its lines.',
    )
    crm_opportunity_ids = fields.Many2many(
        'crm.lead',
        'crm_account_move_crm_lead_rel',
        'move_id',
        'lead_id',
        string='Opportunities',
        compute='_compute_crm_opportunity_ids',
        store=True,
        copy=False,
        groups=LINK_GROUPS,
        help='Opportunities of the sales orders this invoice or credit note bills.',
    )

    # The unpaid and overdue figures of customers read only the open customer invoices, by customer company.
    _crm_open_receivable_idx = models.Index(
        "(commercial_partner_id, company_id, invoice_date_due) WHERE state = 'posted'"
        " AND move_type IN ('out_invoice', 'out_refund') AND payment_state IN ('not_paid', 'partial', 'in_payment')"
    )

    @api.depends('move_type', 'invoice_line_ids.sale_line_ids.order_id')
    def _compute_crm_sale_order_ids(self):
        for move in self:
            move.crm_sale_order_ids = (
                move.invoice_line_ids.sale_line_ids.order_id
                if move.move_type in ('out_invoice', 'out_refund')
                else False
            )

    @api.depends('crm_sale_order_ids.opportunity_id')
    def _compute_crm_opportunity_ids(self):
        for move in self:
            move.crm_opportunity_ids = move.crm_sale_order_ids.opportunity_id

    @api.model
    def _crm_is_revenue_sql(self, alias):
        """Whether the move of ``alias`` makes revenue: a posted invoice or credit note of a customer. The customer
        value and the salesperson effectiveness count the same moves, so their figures agree."""
        return SQL(
            "%s = 'posted' AND %s IN ('out_invoice', 'out_refund') AND %s IS NOT NULL",
            SQL.identifier(alias, 'state'),
            SQL.identifier(alias, 'move_type'),
            SQL.identifier(alias, 'commercial_partner_id'),
        )

    @api.model
    def _crm_net_revenue_sql(self, alias):
        """The net revenue of such a move: untaxed, negative for a credit note, in the currency of its company."""
        return SQL.identifier(alias, 'amount_untaxed_signed')
