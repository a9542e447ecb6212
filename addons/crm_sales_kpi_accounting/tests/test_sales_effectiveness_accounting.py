import io
from datetime import timedelta

import openpyxl

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.crm_accounting_link.tests.common import CrmAccountingLinkCommon

MEASURES = ['invoiced_amount:sum', 'paid_amount:sum', 'interaction_count:sum']


@tagged('post_install', '-at_install')
class TestSalesEffectivenessAccounting(CrmAccountingLinkCommon):
    """The salesperson's customer is invoiced 1,000 and pays 400 of it, and gets a credit note of 100; the
    colleague's customer is invoiced 500, in euros, and pays nothing; a draft invoice of the salesperson counts for
    nothing. None of these bear taxes; the tests that need VAT of 21 % add their own invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        invoice = cls._create_invoice(cls.customer, 1000.0)
        cls._pay(invoice, amount=400.0)
        cls._create_invoice(cls.customer, 100.0, move_type='out_refund')
        cls._create_invoice(cls.other_customer, 20.0, user=cls.user_salesman_colleague, currency=cls.eur)
        cls._create_invoice(cls.customer, 7000.0, post=False)
        cls.salespeople = cls.user_salesman | cls.user_salesman_colleague
        cls.vat = cls.env['account.tax'].create(
            {
                'name': 'DPH 21 %',
                'amount_type': 'percent',
                'amount': 21.0,
                'type_tax_use': 'sale',
                'company_id': cls.company.id,
            }
        )
        cls.odoobot = cls.env.ref('base.user_root')

    def _figures(self, user):
        report = self.env['crm.salesperson.effectiveness.report'].with_user(user)
        return {
            salesperson.login: figures
            for salesperson, *figures in report._read_group(
                [('user_id', 'in', self.salespeople.ids)], ['user_id'], MEASURES
            )
        }

    def test_manager_sees_each_salespersons_invoiced_and_paid_revenue_in_company_currency(self):
        self.assertEqual(
            self._figures(self.env.user),
            {
                'cal_salesman': [900.0, 400.0, 0],
                'cal_salesman_colleague': [500.0, 0.0, 0],
            },
        )

    def test_invoiced_is_the_net_revenue_without_taxes(self):
        self._create_invoice(self.other_customer, 1000.0, user=self.user_salesman_colleague, taxes=self.vat)
        self.assertEqual(self._figures(self.env.user)['cal_salesman_colleague'], [1500.0, 0.0, 0])

    def test_paid_is_the_paid_share_of_the_net_revenue(self):
        invoice = self._create_invoice(self.other_customer, 1000.0, user=self.user_salesman_colleague, taxes=self.vat)
        self._pay(invoice, amount=605.0)
        self.assertEqual(self._figures(self.env.user)['cal_salesman_colleague'], [1500.0, 500.0, 0])

    def test_invoice_of_an_order_counts_for_the_salesperson_of_the_order(self):
        invoice = self._invoice_orders(self._create_order(amount=2000.0))
        invoice.invoice_user_id = self.user_salesman_colleague
        self.assertEqual(
            self._figures(self.env.user),
            {
                'cal_salesman': [2900.0, 400.0, 0],
                'cal_salesman_colleague': [500.0, 0.0, 0],
            },
        )

    def test_invoices_of_users_who_are_not_salespeople_count_for_no_salesperson(self):
        self._create_invoice(self.other_customer, 300.0, user=self.odoobot)
        self._create_invoice(self.other_customer, 200.0, user=self.user_accountant)
        report = self.env['crm.salesperson.effectiveness.report']
        invoiced = dict(report._read_group([], ['user_id'], ['invoiced_amount:sum']))
        self.assertEqual(invoiced[self.env['res.users']], 500.0)
        self.assertNotIn(self.odoobot, invoiced)
        self.assertNotIn(self.user_accountant, invoiced)

    def test_invoiced_adds_up_to_the_net_revenue_of_the_company(self):
        # Every revenue move counts once, for one salesperson or for none: an invoice of two orders of different
        # salespeople, and an invoice of OdooBot's, as well.
        self._create_invoice(self.other_customer, 1000.0, user=self.odoobot, taxes=self.vat)
        orders = self._create_order(amount=300.0) | self._create_order(amount=200.0)
        orders[1].user_id = self.user_salesman_colleague
        self._invoice_orders(orders)
        self.env.flush_all()
        moves = self.env['account.move']
        self.env.cr.execute(
            SQL(
                'SELECT SUM(%s) FROM account_move m WHERE %s AND m.company_id = %s',
                moves._crm_net_revenue_sql('m'),
                moves._crm_is_revenue_sql('m'),
                self.company.id,
            )
        )
        [[revenue]] = self.env.cr.fetchall()
        [[invoiced]] = self.env['crm.salesperson.effectiveness.report']._read_group(
            [('company_id', '=', self.company.id)], [], ['invoiced_amount:sum']
        )
        self.assertEqual((invoiced, revenue), (2900.0, 2900.0))

    def test_salesperson_sees_only_their_revenue(self):
        self.assertEqual(self._figures(self.user_salesman), {'cal_salesman': [900.0, 400.0, 0]})

    def test_workbook_has_the_revenue_and_its_chart(self):
        invoice_day = self.today - timedelta(days=60)
        wizard = (
            self.env['crm.sales.kpi.workbook']
            .with_user(self.user_salesman)
            .create({'date_from': invoice_day, 'date_to': invoice_day})
        )
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._build_workbook()))
        header, *rows = workbook['Salespeople'].iter_rows(values_only=True)
        self.assertEqual([row[0] for row in rows], [self.user_salesman.name, 'Total'])
        invoiced, paid = header.index('Invoiced'), header.index('Paid')
        self.assertEqual((rows[0][invoiced], rows[0][paid]), (900, 400))
        self.assertEqual(len(workbook['Salespeople']._charts), 4)

    def test_workbook_lists_the_revenue_of_users_who_are_not_salespeople_under_no_salesperson(self):
        self._create_invoice(self.other_customer, 300.0, user=self.odoobot)
        invoice_day = self.today - timedelta(days=60)
        wizard = self.env['crm.sales.kpi.workbook'].create({'date_from': invoice_day, 'date_to': invoice_day})
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._build_workbook()))
        header, *rows = workbook['Salespeople'].iter_rows(values_only=True)
        invoiced = header.index('Invoiced')
        rows = {row[0]: row[invoiced] for row in rows}
        self.assertEqual(
            rows,
            {
                self.user_salesman_colleague.name: 500,
                self.user_salesman.name: 900,
                'No Salesperson': 300,
                'Total': 1700,
            },
        )

    def test_invoice_outside_the_period_is_left_out(self):
        day_before = self.today - timedelta(days=61)
        wizard = (
            self.env['crm.sales.kpi.workbook']
            .with_user(self.user_salesman)
            .create({'date_from': day_before, 'date_to': day_before})
        )
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._build_workbook()))
        self.assertEqual(
            [row[0] for row in workbook['Salespeople'].iter_rows(values_only=True)], ['Salesperson', 'Total']
        )

    def test_revenue_of_many_invoices_takes_one_query(self):
        for _index in range(10):
            self._create_invoice(self.customer, 10.0)
        self.env.flush_all()
        report = self.env['crm.salesperson.effectiveness.report'].with_user(self.user_salesman)
        report._read_group([], ['user_id'], MEASURES)  # the record rules are read and cached once
        with self.assertQueryCount(1):
            report._read_group([], ['user_id'], MEASURES)
