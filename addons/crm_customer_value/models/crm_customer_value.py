from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

ABC_CLASSES = [('a', 'A'), ('b', 'B'), ('c', 'C'), ('none', 'No Revenue')]
RFM_SEGMENTS = [
    ('champions', 'Champions'),
    ('loyal', 'Loyal'),
    ('promising', 'Promising'),
    ('new', 'New'),
    ('need_attention', 'Need Attention'),
    ('at_risk', 'At Risk'),
    ('hibernating', 'Hibernating'),
    ('lost', 'Lost'),
]
DEFAULT_WINDOW_MONTHS = 12
DEFAULT_CLASS_A_SHARE = 80
DEFAULT_CLASS_B_SHARE = 15
# A customer whose first invoice is this recent is new, whatever its other scores.
NEW_CUSTOMER_MONTHS = 3
# Retention close to 100 % would promise an endless relationship: the expected length is capped.
MAX_RELATIONSHIP_YEARS = 10
# Stored columns the nightly pass writes, in the order of its SELECT.
PASS_COLUMNS = (
    'revenue',
    'invoice_count',
    'first_invoice_date',
    'last_invoice_date',
    'recency_days',
    'recency_score',
    'frequency_score',
    'monetary_score',
    'abc_class',
    'rfm_segment',
    'paid_invoice_count',
    'due_invoice_count',
    'average_days_late',
    'on_time_share',
    'yearly_revenue',
    'relationship_years',
    'clv',
    'computed_on',
)
# What contacts and opportunities show of their customer value, read with it.
BADGE_FIELDS = ['partner_id', 'abc_class', 'rfm_segment', 'average_days_late']


class CrmCustomerValue(models.Model):
    _name = 'crm.customer.value'
    _description = 'Customer Value'
    _order = 'company_id, revenue desc, id'
    _rec_name = 'partner_id'
    _check_company_auto = True

    partner_id = fields.Many2one(
        'res.partner',
        string='Customer',
        required=True,
        readonly=True,
        index=True,
        ondelete='cascade',
        help='The customer company (commercial partner) whose invoices, of all its contacts, make these figures.',
    )
    company_id = fields.Many2one('res.company', required=True, readonly=True, index=True, ondelete='cascade')
    currency_id = fields.Many2one(related='company_id.currency_id', string='Currency')
    revenue = fields.Monetary(
        'Net Revenue',
        readonly=True,
        aggregator='sum',
        help='Untaxed amount of the posted invoices less credit notes dated in the window, in the currency of the '
        'company.',
    )
    invoice_count = fields.Integer(
        'Invoices', readonly=True, aggregator='sum', help='Posted invoices dated in the window (frequency).'
    )
    first_invoice_date = fields.Date('First Invoice', readonly=True)
    last_invoice_date = fields.Date('Last Invoice', readonly=True)
    recency_days = fields.Integer(
        'Days Since Last Invoice', readonly=True, aggregator='avg', help='Recency: days since the last invoice.'
    )
    recency_score = fields.Integer(
        readonly=True,
        aggregator='avg',
        help='1 to 5 by quintile of the last invoice date among the customers of the company; 5 is the most recent.',
    )
    frequency_score = fields.Integer(
        readonly=True,
        aggregator='avg',
        help='1 to 5 by quintile of the number of invoices in the window; 5 buys most often.',
    )
    monetary_score = fields.Integer(
        readonly=True,
        aggregator='avg',
        help='1 to 5 by quintile of the net revenue in the window; 5 brings the most.',
    )
    abc_class = fields.Selection(
        ABC_CLASSES,
        string='ABC Class',
        readonly=True,
        index=True,
        help='A: the customers making the first 80 % of the net revenue of the window, largest first; B: the next '
        '15 %; C: the rest; No Revenue: nothing invoiced, or more credited than invoiced, in the window. The '
        'shares are set in the CRM settings.',
    )
    rfm_segment = fields.Selection(
        RFM_SEGMENTS,
        string='Segment',
        readonly=True,
        index=True,
        help='From the recency score R and the average F+M of the frequency and monetary scores: Lost, no invoice '
        'in the window; New, first invoice in the last three months; Champions, R and F+M at least 4; Loyal, '
        'both at least 3; Promising, R at least 4; At Risk, R at most 2 and F+M at least 3; Hibernating, R at '
        'most 2; Need Attention, the rest.',
    )
    paid_invoice_count = fields.Integer(
        'Paid Invoices', readonly=True, aggregator='sum', help='Invoices of the window that are paid in full.'
    )
    due_invoice_count = fields.Integer(
        'Invoices Fallen Due',
        readonly=True,
        aggregator='sum',
        help='Invoices of the window paid in full, and those still open past their due date: the payment '
        'discipline is measured on them, as credit controllers measure it.',
    )
    average_days_late = fields.Float(
        readonly=True,
        digits=(16, 1),
        aggregator='avg',
        help='On average, how many days beyond their due date the invoices fallen due were paid in full (by the '
        'date of the last payment or credit note reconciled with them), or are overdue until today while '
        'still open; paid in time counts as 0.',
    )
    on_time_share = fields.Float(
        'Paid on Time (%)',
        readonly=True,
        digits=(16, 1),
        aggregator='avg',
        help='Share of the invoices fallen due that were paid in full by their due date; empty when none has '
        'fallen due yet.',
    )
    overdue_amount = fields.Monetary(
        compute='_compute_overdue_amount',
        compute_sudo=True,
        help='What the customer owes now on its overdue invoices, as the contact shows it.',
    )
    yearly_revenue = fields.Monetary(
        'Average Yearly Revenue',
        readonly=True,
        aggregator='avg',
        help='Net revenue of all the invoices of the customer divided by the years since its first invoice (at '
        'least one). Revenue stands for the gross margin, as the costs of the sales are not known.',
    )
    relationship_years = fields.Float(
        'Expected Relationship (Years)',
        readonly=True,
        digits=(16, 1),
        aggregator='avg',
        help='Expected length of a customer relationship from the retention of the company: the window length '
        'divided by the share of the customers of the previous window who bought nothing in this one (one '
        'window when there are no customers before it, at most ten years).',
    )
    clv = fields.Monetary(
        'Customer Lifetime Value',
        readonly=True,
        aggregator='sum',
        help='CLV = Average Yearly Revenue × Expected Relationship (Years).',
    )
    computed_on = fields.Date(readonly=True)

    _partner_company_unique = models.Constraint(
        'UNIQUE(partner_id, company_id)', 'A customer has one customer value per company.'
    )

    @api.depends('partner_id', 'company_id')
    def _compute_overdue_amount(self):
        for company, values in self.grouped('company_id').items():
            partners = values.partner_id.with_company(company)
            for value, partner in zip(values, partners, strict=True):
                value.overdue_amount = partner.crm_overdue_amount

    @api.model
    def _values_by_partner(self, partners, company):
        """The customer value of the commercial partners of ``partners`` in ``company``, by partner id, in one
        query."""
        customers = partners.commercial_partner_id._origin
        values = self.sudo().search_fetch(
            [('partner_id', 'in', customers.ids), ('company_id', '=', company.id)], BADGE_FIELDS
        )
        return {value.partner_id.id: value for value in values}

    @api.model
    def _window_settings(self):
        parameters = self.env['ir.config_parameter'].sudo()
        return {
            'window_months': int(parameters.get_param('crm_customer_value.window_months', DEFAULT_WINDOW_MONTHS)),
            'class_a_share': float(parameters.get_param('crm_customer_value.class_a_share', DEFAULT_CLASS_A_SHARE)),
            'class_b_share': float(parameters.get_param('crm_customer_value.class_b_share', DEFAULT_CLASS_B_SHARE)),
        }

    @api.model
    def _cron_compute_customer_values(self):
        self._compute_customer_values(self.env['res.company'].search([]))

    @api.model
    def action_compute_customer_values(self):
        """Recompute the figures of the companies the user works in now, as the nightly pass does."""
        if not self.env.user.has_group('sales_team.group_sale_manager'):
            raise AccessError(self.env._('Only sales administrators may recompute the customer values.'))
        self._compute_customer_values(self.env.companies)
        return {'type': 'ir.actions.client', 'tag': 'soft_reload'}

    def _compute_customer_values(self, companies):
        """Write the figures of every customer of ``companies`` in one statement over their posted invoices, and
        drop those of customers left without any."""
        if not companies:
            return
        self.env['account.move'].flush_model(
            [
                'state',
                'move_type',
                'company_id',
                'commercial_partner_id',
                'invoice_date',
                'invoice_date_due',
                'payment_state',
                'amount_untaxed_signed',
            ]
        )
        self.env['account.move.line'].flush_model(['move_id', 'display_type'])
        self.env['account.partial.reconcile'].flush_model(['debit_move_id', 'max_date'])
        self.flush_model()
        self.env.cr.execute(self._customer_values_sql(companies))
        self.invalidate_model()

    def _customer_values_sql(self, companies):
        settings = self._window_settings()
        today = fields.Date.context_today(self)
        moves = self.env['account.move']
        columns = SQL(', ').join(SQL.identifier(column) for column in PASS_COLUMNS)
        updates = SQL(', ').join(
            SQL('%s = EXCLUDED.%s', SQL.identifier(column), SQL.identifier(column))
            for column in (*PASS_COLUMNS, 'write_uid', 'write_date')
        )
        return SQL(
            """
            WITH invoices AS (
                SELECT m.id, m.company_id, m.commercial_partner_id AS partner_id, m.move_type, m.invoice_date,
                       m.invoice_date_due, m.payment_state, %(net_revenue)s AS amount,
                       m.invoice_date > %(window_start)s AS in_window,
                       m.invoice_date > %(previous_start)s AND m.invoice_date <= %(window_start)s AS in_previous,
                       m.invoice_date > %(window_start)s AND m.move_type = 'out_invoice'
                           AND m.payment_state IN ('not_paid', 'partial') AND m.invoice_date_due < %(today)s
                           AS open_overdue
                  FROM account_move m
                 WHERE m.company_id IN %(companies)s
                   AND %(is_revenue)s
                   AND m.invoice_date <= %(today)s
            ),
            paid_dates AS (
                SELECT i.id, MAX(r.max_date) AS paid_date
                  FROM invoices i
                  JOIN account_move_line l ON l.move_id = i.id AND l.display_type = 'payment_term'
                  JOIN account_partial_reconcile r ON r.debit_move_id = l.id
                 WHERE i.in_window AND i.move_type = 'out_invoice' AND i.payment_state IN ('paid', 'in_payment')
                 GROUP BY i.id
            ),
            customers AS (
                SELECT i.company_id, i.partner_id,
                       COALESCE(SUM(i.amount) FILTER (WHERE i.in_window), 0) AS revenue,
                       COALESCE(SUM(i.amount) FILTER (WHERE i.in_previous), 0) AS previous_revenue,
                       COUNT(*) FILTER (WHERE i.in_window AND i.move_type = 'out_invoice') AS invoice_count,
                       MIN(i.invoice_date) FILTER (WHERE i.move_type = 'out_invoice') AS first_invoice_date,
                       MAX(i.invoice_date) FILTER (WHERE i.move_type = 'out_invoice') AS last_invoice_date,
                       SUM(i.amount) AS lifetime_revenue,
                       COUNT(p.id) AS paid_invoice_count,
                       COUNT(*) FILTER (WHERE p.id IS NOT NULL OR i.open_overdue) AS due_invoice_count,
                       AVG(CASE WHEN p.id IS NOT NULL THEN GREATEST(p.paid_date - i.invoice_date_due, 0)
                                WHEN i.open_overdue THEN %(today)s - i.invoice_date_due
                           END) AS average_days_late,
                       COUNT(p.id) FILTER (WHERE p.paid_date <= i.invoice_date_due) AS paid_on_time_count
                  FROM invoices i
                  LEFT JOIN paid_dates p ON p.id = i.id
                 GROUP BY i.company_id, i.partner_id
                HAVING COUNT(*) FILTER (WHERE i.move_type = 'out_invoice') > 0
            ),
            retention AS (
                SELECT company_id,
                       CASE WHEN COUNT(*) FILTER (WHERE previous_revenue > 0) = 0
                            THEN %(window_years)s
                            ELSE LEAST(%(max_years)s, %(window_years)s / GREATEST(0.0001,
                                 COUNT(*) FILTER (WHERE previous_revenue > 0 AND revenue <= 0)::numeric
                                 / COUNT(*) FILTER (WHERE previous_revenue > 0)))
                       END AS relationship_years
                  FROM customers
                 GROUP BY company_id
            ),
            ranked AS (
                SELECT c.*, rt.relationship_years,
                       %(today)s - c.last_invoice_date AS recency_days,
                       CEIL(5 * CUME_DIST() OVER (PARTITION BY c.company_id ORDER BY c.last_invoice_date))::int
                           AS recency_score,
                       CEIL(5 * CUME_DIST() OVER (PARTITION BY c.company_id ORDER BY c.invoice_count))::int
                           AS frequency_score,
                       CEIL(5 * CUME_DIST() OVER (PARTITION BY c.company_id ORDER BY c.revenue))::int
                           AS monetary_score,
                       SUM(GREATEST(c.revenue, 0)) OVER (PARTITION BY c.company_id) AS company_revenue,
                       SUM(GREATEST(c.revenue, 0)) OVER (
                           PARTITION BY c.company_id ORDER BY c.revenue DESC, c.partner_id
                           ROWS UNBOUNDED PRECEDING) - GREATEST(c.revenue, 0) AS larger_revenue,
                       c.lifetime_revenue / GREATEST(1, (%(today)s - c.first_invoice_date) / 365.25) AS yearly_revenue
                  FROM customers c
                  JOIN retention rt ON rt.company_id = c.company_id
            ),
            upserted AS (
                INSERT INTO crm_customer_value (company_id, partner_id, %(columns)s,
                                                create_uid, create_date, write_uid, write_date)
                SELECT company_id, partner_id, revenue, invoice_count, first_invoice_date, last_invoice_date,
                       recency_days, recency_score, frequency_score, monetary_score,
                       CASE WHEN revenue <= 0 THEN 'none'
                            WHEN larger_revenue < %(class_a_share)s * company_revenue THEN 'a'
                            WHEN larger_revenue < %(class_b_share)s * company_revenue THEN 'b'
                            ELSE 'c'
                       END,
                       CASE WHEN invoice_count = 0 THEN 'lost'
                            WHEN first_invoice_date > %(new_start)s THEN 'new'
                            WHEN recency_score >= 4 AND frequency_score + monetary_score >= 8 THEN 'champions'
                            WHEN recency_score >= 3 AND frequency_score + monetary_score >= 6 THEN 'loyal'
                            WHEN recency_score >= 4 THEN 'promising'
                            WHEN recency_score <= 2 AND frequency_score + monetary_score >= 6 THEN 'at_risk'
                            WHEN recency_score <= 2 THEN 'hibernating'
                            ELSE 'need_attention'
                       END,
                       paid_invoice_count, due_invoice_count, average_days_late,
                       CASE WHEN due_invoice_count > 0 THEN 100.0 * paid_on_time_count / due_invoice_count END,
                       yearly_revenue, relationship_years, yearly_revenue * relationship_years,
                       %(today)s, %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s, NOW() AT TIME ZONE 'UTC'
                  FROM ranked
                ON CONFLICT (partner_id, company_id) DO UPDATE SET %(updates)s
                RETURNING id
            )
            DELETE FROM crm_customer_value
             WHERE company_id IN %(companies)s AND id NOT IN (SELECT id FROM upserted)
            """,
            companies=tuple(companies.ids),
            is_revenue=moves._crm_is_revenue_sql('m'),
            net_revenue=moves._crm_net_revenue_sql('m'),
            today=today,
            window_start=today - relativedelta(months=settings['window_months']),
            previous_start=today - relativedelta(months=2 * settings['window_months']),
            new_start=today - relativedelta(months=NEW_CUSTOMER_MONTHS),
            window_years=settings['window_months'] / 12,
            max_years=MAX_RELATIONSHIP_YEARS,
            class_a_share=settings['class_a_share'] / 100,
            class_b_share=(settings['class_a_share'] + settings['class_b_share']) / 100,
            uid=self.env.uid,
            columns=columns,
            updates=updates,
        )
