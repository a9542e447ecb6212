from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import CrmAccountingLinkCommon

PARTNER_LIST = {
    'complete_name': {},
    'email': {},
    'crm_currency_id': {'fields': {}},
    'crm_unpaid_invoice_count': {},
    'crm_unpaid_amount': {},
    'crm_overdue_invoice_count': {},
    'crm_overdue_amount': {},
    'crm_oldest_overdue_days': {},
}
LINKS = {
    'crm_sale_order_ids': {'fields': {'display_name': {}}},
    'crm_opportunity_ids': {'fields': {'display_name': {}}},
}
INVOICE_LIST = {'name': {}, 'partner_id': {'fields': {'display_name': {}}}, 'amount_total_signed': {}, **LINKS}
PAYMENT_LIST = {'name': {}, 'partner_id': {'fields': {'display_name': {}}}, 'amount': {}, **LINKS}


class ListPerformanceCase(CrmAccountingLinkCommon):
    """Customers, with their opportunities, orders, invoices and payments, in growing numbers, and the lists of
    80 records that are opened on them."""

    def _create_customers(self, count, orders_each):
        """Customer companies, each with a contact, orders of an opportunity invoiced to the contact and paid, and
        an open invoice (every other one overdue) and credit note."""
        batch = len(self.env['res.partner'].search([('name', '=like', 'Perf %')]))
        customers = self.env['res.partner'].create(
            [{'name': f'Perf {batch + index:04d} a.s.', 'is_company': True} for index in range(count)]
        )
        contacts = self.env['res.partner'].create(
            [{'name': f'Perf contact {customer.id}', 'parent_id': customer.id} for customer in customers]
        )
        opportunities = self.env['crm.lead'].create(
            [
                {'name': f'Perf deal {contact.id}', 'type': 'opportunity', 'partner_id': contact.id}
                for contact in contacts
            ]
        )
        orders = self.env['sale.order'].create(
            [
                {
                    'partner_id': opportunity.partner_id.id,
                    'opportunity_id': opportunity.id,
                    'order_line': [
                        Command.create(
                            {'product_id': self.service.id, 'product_uom_qty': 1, 'price_unit': 100.0 * (index + 1)}
                        )
                    ],
                }
                for opportunity in opportunities
                for index in range(orders_each)
            ]
        )
        orders.action_confirm()
        invoices = orders._create_invoices(grouped=True)
        self._refresh_statistics()
        invoices.action_post()
        self._refresh_statistics()
        self._pay(invoices, group_payment=False)
        open_documents = self.env['account.move'].create(
            [
                {
                    'move_type': move_type,
                    'partner_id': customer.id,
                    'invoice_date': self.today - timedelta(days=60),
                    'invoice_date_due': self.today + timedelta(days=-10 if index % 2 else 10),
                    'invoice_line_ids': [
                        Command.create(
                            {'product_id': self.service.id, 'price_unit': price, 'tax_ids': [Command.clear()]}
                        )
                    ],
                }
                for index, customer in enumerate(customers)
                for move_type, price in (('out_invoice', 1000.0 + index), ('out_refund', 10.0))
            ]
        )
        open_documents.action_post()
        self._refresh_statistics()
        self.env.invalidate_all()

    def _refresh_statistics(self):
        # The tables grow by thousands of rows inside the test transaction: without fresh statistics the planner
        # runs the standard reconciliation queries of invoicing and payments as nested loops over all of them.
        self.env.flush_all()
        self.env.cr.execute('ANALYZE account_move, account_move_line, account_partial_reconcile, account_payment')

    def _lists(self):
        """The lists by name: the user who works with each, the model, the fields read, the domain and the
        order."""
        return {
            'customers': (self.user_salesman, 'res.partner', PARTNER_LIST, [('name', '=like', 'Perf %')], None),
            'customers with overdue invoices, most overdue first': (
                self.user_salesman,
                'res.partner',
                PARTNER_LIST,
                [('name', '=like', 'Perf %'), ('crm_overdue_invoice_count', '>', 0)],
                'crm_overdue_amount desc',
            ),
            'invoices': (
                self.user_accountant,
                'account.move',
                INVOICE_LIST,
                [('move_type', '=', 'out_invoice'), ('partner_id.name', '=like', 'Perf contact%')],
                None,
            ),
            'payments': (
                self.user_accountant,
                'account.payment',
                PAYMENT_LIST,
                [('partner_id.name', '=like', 'Perf %')],
                None,
            ),
        }

    def _open_lists(self, counts):
        """Open each list as the user who works with it, with the query count expected for each."""
        lists = self._lists()
        for name, count in counts.items():
            user, model, specification, domain, order = lists[name]
            records = self.env[model].with_user(user)
            records.web_search_read(domain, specification, order=order, limit=80)
            self.env.invalidate_all()
            with self.subTest(list=name), self.assertQueryCount(count):
                result = records.web_search_read(domain, specification, order=order, limit=80)
                self.assertEqual(len(result['records']), 80)


@tagged('post_install', '-at_install', 'crm_accounting_link_performance')
class TestListPerformance(ListPerformanceCase):
    """Lists of 80 records cost the same number of queries whatever the number of partners, invoices and
    payments behind them."""

    def test_lists_of_80_records_cost_the_same_queries_when_the_data_grows(self):
        counts = {
            'customers': 6,
            'customers with overdue invoices, most overdue first': 6,
            'invoices': 9,
            'payments': 9,
        }
        self._create_customers(80, 1)
        self._open_lists(counts)
        # half as many customers again, with two orders each: the orders, invoices and payments double
        self._create_customers(40, 2)
        self._open_lists(counts)
