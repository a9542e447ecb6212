import datetime

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.crm_customer_care.models.crm_care_rule import CATCH_UP_DAYS


class CrmCareRule(models.Model):
    _inherit = 'crm.care.rule'

    kind = fields.Selection(
        selection_add=[('after_sales', 'After-sales Follow-up')], ondelete={'after_sales': 'cascade'}
    )
    after_sales_days = fields.Integer(
        'Days After Invoicing',
        default=14,
        tracking=True,
        help='An after-sales follow-up is due this many days after the last invoice of a fully invoiced sales order.',
    )

    _positive_after_sales_days = models.Constraint(
        'CHECK (after_sales_days >= 0)', 'The days after invoicing cannot be negative.'
    )

    def _crm_occasions_sql(self, first, last):
        if self.kind != 'after_sales':
            return super()._crm_occasions_sql(first, last)
        return self._crm_after_sales_occasions_sql(last)

    def _crm_after_sales_occasions_sql(self, last):
        """The rows (partner_id, occasion_date, user_id, order_id) of the confirmed orders of the rule's company that
        are fully invoiced: the customer of the order, the date of its last posted invoice plus the rule's days, its
        salesperson and the order, each order followed up on its own."""
        self.env['sale.order'].flush_model(['state', 'invoice_status', 'company_id', 'partner_id', 'user_id'])
        self.env['account.move'].flush_model(['state', 'move_type', 'invoice_date', 'crm_sale_order_ids'])
        return SQL(
            '''
            SELECT so.partner_id, so.user_id, so.id AS order_id, max(m.invoice_date) + %(days)s AS occasion_date
              FROM sale_order so
              JOIN crm_account_move_sale_order_rel r ON r.order_id = so.id
              JOIN account_move m ON m.id = r.move_id
             WHERE so.state = 'sale' AND so.invoice_status = 'invoiced' AND so.company_id = %(company)s
               AND m.state = 'posted' AND m.move_type = 'out_invoice'
             GROUP BY so.id
            HAVING max(m.invoice_date) + %(days)s >= %(since)s
        ''',
            days=self.after_sales_days,
            company=self.company_id.id,
            since=last - datetime.timedelta(days=self.days_ahead + CATCH_UP_DAYS),
        )

    def _crm_occasion_res_id_sql(self):
        if self.kind != 'after_sales':
            return super()._crm_occasion_res_id_sql()
        return SQL('o.order_id')

    def _crm_occasion_values(self, res_id):
        values = super()._crm_occasion_values(res_id)
        if self.kind == 'after_sales':
            values['crm_sale_order_id'] = res_id
        return values

    def _crm_plans_missed_occasions(self):
        # An invoice is often posted days after its invoice date: the follow-up it makes due is planned late, at most
        # CATCH_UP_DAYS, rather than never.
        return self.kind == 'after_sales' or super()._crm_plans_missed_occasions()

    def _crm_salesperson_sql(self):
        if self.kind != 'after_sales':
            return super()._crm_salesperson_sql()
        return SQL('COALESCE(o.user_id, %s)', super()._crm_salesperson_sql())
