from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.query import Query


class CrmAcquisitionReport(models.Model):
    """Per company, month and UTM source and medium, the sales and marketing costs against the customers acquired:
    those whose first posted invoice in the company fell in the month, by the source and medium of that invoice
    (from its sales order). Costs and customers without a source or medium are a row of their own."""

    _name = 'crm.acquisition.report'
    _description = 'Acquisition Cost Analysis'
    _auto = False
    _order = 'month desc'
    # Searching the report writes these first.
    _depends = {
        'crm.acquisition.cost': ['date', 'company_id', 'amount', 'source_id', 'medium_id'],
        'crm.customer.value': ['partner_id', 'company_id', 'clv'],
        'account.move': [
            'state',
            'move_type',
            'company_id',
            'commercial_partner_id',
            'invoice_date',
            'source_id',
            'medium_id',
        ],
    }

    month = fields.Date(readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    currency_id = fields.Many2one('res.currency', readonly=True)
    source_id = fields.Many2one('utm.source', readonly=True)
    medium_id = fields.Many2one('utm.medium', readonly=True)
    cost = fields.Monetary('Costs', readonly=True, aggregator='sum')
    new_customer_count = fields.Integer(
        'New Customers', readonly=True, aggregator='sum', help='Customers whose first invoice fell in the month.'
    )
    cac = fields.Monetary(
        'CAC',
        readonly=True,
        aggregator='avg',
        help='Customer acquisition cost: the costs of the month divided by its new customers.',
    )
    average_clv = fields.Monetary(
        'Average CLV of New Customers',
        readonly=True,
        aggregator='avg',
        help='Average customer lifetime value of the customers acquired in the month, by the last customer value pass.',
    )
    clv_cac_ratio = fields.Float(
        'CLV / CAC',
        readonly=True,
        aggregator='avg',
        digits=(16, 2),
        help='How many times the new customers bring back what acquiring one cost; above 1 they pay off.',
    )

    @property
    def _table_query(self):
        # Sources and media are compared through COALESCE: a full join needs an equality, and "none" is one value.
        return SQL("""
            WITH costs AS (
                SELECT company_id, date_trunc('month', date)::date AS month, source_id, medium_id, SUM(amount) AS cost
                  FROM crm_acquisition_cost
                 GROUP BY company_id, date_trunc('month', date), source_id, medium_id
            ),
            first_invoices AS (
                SELECT DISTINCT ON (company_id, commercial_partner_id)
                       company_id, commercial_partner_id, date_trunc('month', invoice_date)::date AS month,
                       source_id, medium_id
                  FROM account_move
                 WHERE state = 'posted' AND move_type = 'out_invoice' AND commercial_partner_id IS NOT NULL
                 ORDER BY company_id, commercial_partner_id, invoice_date, id
            ),
            newcomers AS (
                SELECT f.company_id, f.month, f.source_id, f.medium_id, COUNT(*) AS customers,
                       SUM(v.clv) AS clv_total, COUNT(v.clv) AS clv_count
                  FROM first_invoices f
                  LEFT JOIN crm_customer_value v
                         ON v.partner_id = f.commercial_partner_id AND v.company_id = f.company_id
                 GROUP BY f.company_id, f.month, f.source_id, f.medium_id
            ),
            months AS (
                SELECT COALESCE(c.company_id, n.company_id) AS company_id, COALESCE(c.month, n.month) AS month,
                       COALESCE(c.source_id, n.source_id) AS source_id, COALESCE(c.medium_id, n.medium_id) AS medium_id,
                       COALESCE(c.cost, 0) AS cost, COALESCE(n.customers, 0) AS new_customer_count,
                       n.clv_total, COALESCE(n.clv_count, 0) AS clv_count
                  FROM costs c
                  FULL JOIN newcomers n
                         ON n.company_id = c.company_id AND n.month = c.month
                        AND COALESCE(n.source_id, 0) = COALESCE(c.source_id, 0)
                        AND COALESCE(n.medium_id, 0) = COALESCE(c.medium_id, 0)
            )
            SELECT ROW_NUMBER() OVER (ORDER BY m.company_id, m.month, m.source_id, m.medium_id) AS id,
                   m.company_id, rc.currency_id, m.month, m.source_id, m.medium_id,
                   m.cost, m.new_customer_count, m.clv_total, m.clv_count,
                   m.cost / NULLIF(m.new_customer_count, 0) AS cac,
                   m.clv_total / NULLIF(m.clv_count, 0) AS average_clv,
                   (m.clv_total / NULLIF(m.clv_count, 0)) / NULLIF(m.cost / NULLIF(m.new_customer_count, 0), 0)
                       AS clv_cac_ratio
              FROM months m
              JOIN res_company rc ON rc.id = m.company_id
        """)

    def _read_group_select(self, aggregate_spec: str, query: Query) -> SQL:
        """A group of rows (a month of every source, a source over a year) has the CAC and average CLV of all its
        costs and customers together, not the mean of its rows'."""
        total = {
            name: SQL('SUM(%s)', SQL.identifier(self._table, name))
            for name in ('cost', 'new_customer_count', 'clv_total', 'clv_count')
        }
        cac = SQL('%s / NULLIF(%s, 0)', total['cost'], total['new_customer_count'])
        average_clv = SQL('%s / NULLIF(%s, 0)', total['clv_total'], total['clv_count'])
        expression = {
            'cac:avg': cac,
            'average_clv:avg': average_clv,
            'clv_cac_ratio:avg': SQL('%s / NULLIF(%s, 0)', average_clv, cac),
        }.get(aggregate_spec)
        return expression if expression is not None else super()._read_group_select(aggregate_spec, query)
