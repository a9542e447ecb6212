from odoo import fields, models
from odoo.tools import SQL


class CrmAcquisitionReport(models.Model):
    """Per company and month, the sales and marketing costs against the customers acquired: those whose first
    posted invoice in the company fell in the month."""
    _name = 'crm.acquisition.report'
    _description = 'Acquisition Cost Analysis'
    _auto = False
    _order = 'month desc'
    # Searching the report writes these first.
    _depends = {
        'crm.acquisition.cost': ['date', 'company_id', 'amount'],
        'crm.customer.value': ['partner_id', 'company_id', 'clv'],
        'account.move': ['state', 'move_type', 'company_id', 'commercial_partner_id', 'invoice_date'],
    }

    month = fields.Date('Month', readonly=True)
    company_id = fields.Many2one('res.company', 'Company', readonly=True)
    currency_id = fields.Many2one('res.currency', 'Currency', readonly=True)
    cost = fields.Monetary('Costs', readonly=True, aggregator='sum')
    new_customer_count = fields.Integer(
        'New Customers', readonly=True, aggregator='sum', help='Customers whose first invoice fell in the month.')
    cac = fields.Monetary(
        'CAC', readonly=True, aggregator='avg',
        help='Customer acquisition cost: the costs of the month divided by its new customers.')
    average_clv = fields.Monetary(
        'Average CLV of New Customers', readonly=True, aggregator='avg',
        help='Average customer lifetime value of the customers acquired in the month, by the last customer value '
             'pass.')
    clv_cac_ratio = fields.Float(
        'CLV / CAC', readonly=True, aggregator='avg', digits=(16, 2),
        help='How many times the new customers bring back what acquiring one cost; above 1 they pay off.')

    @property
    def _table_query(self):
        return SQL("""
            WITH costs AS (
                SELECT company_id, date_trunc('month', date)::date AS month, SUM(amount) AS cost
                  FROM crm_acquisition_cost
                 GROUP BY company_id, date_trunc('month', date)
            ),
            first_invoices AS (
                SELECT company_id, commercial_partner_id, date_trunc('month', MIN(invoice_date))::date AS month
                  FROM account_move
                 WHERE state = 'posted' AND move_type = 'out_invoice' AND commercial_partner_id IS NOT NULL
                 GROUP BY company_id, commercial_partner_id
            ),
            newcomers AS (
                SELECT f.company_id, f.month, COUNT(*) AS customers, AVG(v.clv) AS average_clv
                  FROM first_invoices f
                  LEFT JOIN crm_customer_value v
                         ON v.partner_id = f.commercial_partner_id AND v.company_id = f.company_id
                 GROUP BY f.company_id, f.month
            ),
            months AS (
                SELECT COALESCE(c.company_id, n.company_id) AS company_id, COALESCE(c.month, n.month) AS month,
                       COALESCE(c.cost, 0) AS cost, COALESCE(n.customers, 0) AS new_customer_count,
                       c.cost / NULLIF(n.customers, 0) AS cac, n.average_clv
                  FROM costs c
                  FULL JOIN newcomers n ON n.company_id = c.company_id AND n.month = c.month
            )
            SELECT ROW_NUMBER() OVER (ORDER BY m.company_id, m.month) AS id, m.company_id, rc.currency_id, m.month,
                   m.cost, m.new_customer_count, m.cac, m.average_clv,
                   m.average_clv / NULLIF(m.cac, 0) AS clv_cac_ratio
              FROM months m
              JOIN res_company rc ON rc.id = m.company_id
        """)
