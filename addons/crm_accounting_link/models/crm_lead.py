from odoo import _, api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# What each invoice figure of an opportunity sums of the invoices of its orders, for sorting the list by it.
INVOICE_FIGURE_AMOUNTS = {
    'crm_invoiced_amount': SQL('invoice.amount_total_signed'),
    'crm_paid_amount': SQL('invoice.amount_total_signed - invoice.amount_residual_signed'),
    'crm_amount_due': SQL('invoice.amount_residual_signed'),
}


class CrmLead(models.Model):
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.customer.receivables.mixin']

    crm_invoiced_amount = fields.Monetary(
        'Invoiced Amount',
        currency_field='company_currency',
        compute='_compute_crm_invoice_figures',
        compute_sudo=True,
        help='Posted invoices less credit notes of the quotations and orders of this opportunity.',
    )
    crm_paid_amount = fields.Monetary(
        'Paid Amount',
        currency_field='company_currency',
        compute='_compute_crm_invoice_figures',
        compute_sudo=True,
        help='What the customer has paid on the invoices of this opportunity.',
    )
    crm_amount_due = fields.Monetary(
        'Amount Due',
        currency_field='company_currency',
        compute='_compute_crm_invoice_figures',
        compute_sudo=True,
        help='What the customer still owes on the invoices of this opportunity.',
    )
    crm_invoice_count = fields.Integer(
        'Invoice Count',
        compute='_compute_crm_invoice_count',
        compute_sudo=True,
        help='Posted invoices and credit notes of this opportunity in its company: the ones its amounts count.',
    )
    crm_invoice_ids = fields.Many2many(
        'account.move',
        'crm_account_move_crm_lead_rel',
        'lead_id',
        'move_id',
        string='Invoices',
        readonly=True,
        copy=False,
        help='Invoices and credit notes of the sales orders of this opportunity, in any state.',
    )
    # The record rule of accounting users reads this column rather than the invoices: checking the opportunities
    # of a list of invoices or payments then costs no query of its own.
    crm_has_invoices = fields.Boolean(
        'Has Invoices',
        compute='_compute_crm_has_invoices',
        store=True,
        precompute=True,
        help='An invoice or credit note, in any state, bills a sales order of this opportunity.',
    )

    @api.depends('crm_invoice_ids')
    def _compute_crm_has_invoices(self):
        for lead in self:
            lead.crm_has_invoices = bool(lead.crm_invoice_ids)

    @api.depends_context('company')
    @api.depends('order_ids.company_id', 'order_ids.crm_invoiced_amount', 'order_ids.crm_amount_due')
    def _compute_crm_invoice_figures(self):
        for lead in self:
            orders = lead.order_ids.filtered_domain([('company_id', '=', lead._crm_invoicing_company().id)])
            lead.crm_invoiced_amount = sum(orders.mapped('crm_invoiced_amount'))
            lead.crm_amount_due = sum(orders.mapped('crm_amount_due'))
            lead.crm_paid_amount = lead.crm_invoiced_amount - lead.crm_amount_due

    @api.depends_context('company')
    def _compute_crm_invoice_count(self):
        # An invoice may bill the orders of opportunities of several companies: count it for those of its own.
        counts = {
            (lead, company): count
            for lead, company, count in self.env['account.move']._read_group(
                self._crm_invoice_domain(), ['crm_opportunity_ids', 'company_id'], ['__count']
            )
        }
        for lead in self:
            lead.crm_invoice_count = counts.get((lead._origin, lead._crm_invoicing_company()), 0)

    def _crm_invoicing_company(self):
        """The company whose invoices the figures of this opportunity count: other companies count in other
        currencies."""
        self.ensure_one()
        return self.company_id or self.env.company

    def _crm_invoice_domain(self):
        """The posted invoices and credit notes of these opportunities in the company of each: the amounts sum
        them, and the count and the list show them, so all three agree."""
        return Domain('state', '=', 'posted') & Domain.OR(
            Domain('crm_opportunity_ids', 'in', leads._origin.ids) & Domain('company_id', '=', company.id)
            for company, leads in self.grouped(lambda lead: lead._crm_invoicing_company()).items()
        )

    def _crm_invoice_figure_sql(self, alias, fname):
        """The invoice figure ``fname`` of the opportunity of ``alias``, summed as _compute_crm_invoice_figures
        sums it: each order of the opportunity in its company takes the share of an invoice its own lines make up.
        Unlike the figures shown, it does not round each order's share to the cent, which no sorting notices."""
        fields_read = [
            self._fields['company_id'],
            *(self.env['sale.order']._fields[name] for name in ('opportunity_id', 'company_id')),
            *(self.env['sale.order.line']._fields[name] for name in ('order_id', 'invoice_lines')),
            *(self.env['account.move.line']._fields[name] for name in ('move_id', 'price_total')),
            *(
                self.env['account.move']._fields[name]
                for name in ('state', 'move_type', 'amount_total', 'amount_total_signed', 'amount_residual_signed')
            ),
        ]
        return SQL(
            """COALESCE((
                SELECT SUM(line.price_total / invoice.amount_total * %(amount)s)
                  FROM (SELECT DISTINCT sale_order.id, rel.invoice_line_id
                          FROM sale_order
                          JOIN sale_order_line ON sale_order_line.order_id = sale_order.id
                          JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = sale_order_line.id
                         WHERE sale_order.opportunity_id = %(lead)s
                           AND sale_order.company_id = COALESCE(%(lead_company)s, %(company)s)) AS billed
                  JOIN account_move_line line ON line.id = billed.invoice_line_id
                  JOIN account_move invoice ON invoice.id = line.move_id
                 WHERE invoice.state = 'posted' AND invoice.move_type IN ('out_invoice', 'out_refund')
                   AND invoice.amount_total != 0
            ), 0)""",
            amount=INVOICE_FIGURE_AMOUNTS[fname],
            lead=SQL.identifier(alias, 'id'),
            lead_company=SQL.identifier(alias, 'company_id'),
            company=self.env.company.id,
            to_flush=fields_read,
        )

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        # The invoice figures are not stored: for an opportunity without a company they count the orders of the
        # current one. The list sorts by them as they are computed, in the same request.
        if field_name not in INVOICE_FIGURE_AMOUNTS:
            return super()._order_field_to_sql(alias, field_name, direction, nulls, query)
        self._check_field_access(self._fields[field_name], 'read')
        return SQL('%s %s %s', self._crm_invoice_figure_sql(alias, field_name), direction, nulls)

    def _crm_flush_invoice_links(self):
        # The invoices' links to their opportunities, made possibly earlier in the same transaction, reach
        # crm_invoice_ids and crm_has_invoices only once they are written, and the ORM does not write them before
        # a query or a check that reads crm.lead: write them first.
        self.env['account.move'].flush_model(['crm_opportunity_ids'])

    def _search(self, domain, *args, **kwargs):
        self._crm_flush_invoice_links()
        return super()._search(domain, *args, **kwargs)

    def _check_access(self, operation):
        self._crm_flush_invoice_links()
        return super()._check_access(operation)

    def action_crm_invoices(self):
        """Open the invoices as the current user: the list shows those they may open."""
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('account.action_move_out_invoice_type')
        action.update(
            name=_('Invoices of %s', self.name),
            domain=list(self._crm_invoice_domain()),
            context={'default_move_type': 'out_invoice', 'create': False},
        )
        return action
