from odoo.tests import tagged

from odoo.addons.crm_accounting_link.tests.test_performance import PARTNER_LIST, ListPerformanceCase

CUSTOMER_VALUE_LIST = {
    'partner_id': {'fields': {'display_name': {}}},
    'company_id': {'fields': {'display_name': {}}},
    'currency_id': {'fields': {}},
    'abc_class': {},
    'rfm_segment': {},
    'revenue': {},
    'invoice_count': {},
    'recency_days': {},
    'due_invoice_count': {},
    'average_days_late': {},
    'on_time_share': {},
    'overdue_amount': {},
    'clv': {},
}


@tagged('post_install', '-at_install', 'crm_customer_value_performance')
class TestListPerformance(ListPerformanceCase):
    """The customers' class and payment discipline, and the list of customer values, cost the same number of
    queries for 80 records whatever the number of customers, invoices and payments behind them."""

    def _create_customers(self, count, orders_each):
        result = super()._create_customers(count, orders_each)
        self.env['crm.customer.value']._compute_customer_values(self.env.company)
        self.env.invalidate_all()
        return result

    def _lists(self):
        return {
            'customers with their class': (
                self.user_salesman,
                'res.partner',
                {**PARTNER_LIST, 'crm_abc_class': {}, 'crm_average_days_late': {}},
                [('name', '=like', 'Perf %')],
                None,
            ),
            'customer values, largest first': (
                self.user_salesman,
                'crm.customer.value',
                CUSTOMER_VALUE_LIST,
                [('partner_id.name', '=like', 'Perf %')],
                None,
            ),
        }

    def test_lists_of_80_records_cost_the_same_queries_when_the_data_grows(self):
        counts = {
            'customers with their class': 7,
            'customer values, largest first': 6,
        }
        self._create_customers(80, 1)
        self._open_lists(counts)
        # half as many customers again, with two orders each: the orders, invoices and payments double
        self._create_customers(40, 2)
        self._open_lists(counts)
