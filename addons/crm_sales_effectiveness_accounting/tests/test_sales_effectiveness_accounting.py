import io
from datetime import timedelta

import openpyxl

from odoo.tests import tagged

from odoo.addons.crm_accounting_link.tests.common import CrmAccountingLinkCommon

MEASURES = ['invoiced_amount:sum', 'paid_amount:sum', 'interaction_count:sum']


@tagged('post_install', '-at_install')
class TestSalesEffectivenessAccounting(CrmAccountingLinkCommon):
    """The salesperson's customer is invoiced 1,000 and pays 400 of it, and gets a credit note of 100; the
    colleague's customer is invoiced 500, in euros, and pays nothing; a draft invoice of the salesperson counts for
    nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        invoice = cls._create_invoice(cls.customer, 1000.0)
        cls._pay(invoice, amount=400.0)
        cls._create_invoice(cls.customer, 100.0, move_type='out_refund')
        cls._create_invoice(cls.other_customer, 20.0, user=cls.user_salesman_colleague, currency=cls.eur)
        cls._create_invoice(cls.customer, 7000.0, post=False)
        cls.salespeople = cls.user_salesman | cls.user_salesman_colleague

    def _figures(self, user):
        report = self.env['crm.salesperson.effectiveness.report'].with_user(user)
        return {salesperson.login: figures for salesperson, *figures in report._read_group(
            [('user_id', 'in', self.salespeople.ids)], ['user_id'], MEASURES)}

    def test_manager_sees_each_salespersons_invoiced_and_paid_revenue_in_company_currency(self):
        self.assertEqual(self._figures(self.env.user), {
            'cal_salesman': [900.0, 400.0, 0],
            'cal_salesman_colleague': [500.0, 0.0, 0],
        })

    def test_salesperson_sees_only_their_revenue(self):
        self.assertEqual(self._figures(self.user_salesman), {'cal_salesman': [900.0, 400.0, 0]})

    def test_workbook_has_the_revenue_and_its_chart(self):
        invoice_day = self.today - timedelta(days=60)
        wizard = self.env['crm.sales.kpi.workbook'].with_user(self.user_salesman).create({
            'date_from': invoice_day, 'date_to': invoice_day})
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._build_workbook()))
        rows = [list(row) for row in workbook['Salespeople'].iter_rows(values_only=True)]
        self.assertEqual([row[0] for row in rows], ['Salesperson', self.user_salesman.name, 'Total'])
        self.assertEqual(rows[0][-2:], ['Invoiced', 'Paid'])
        self.assertEqual(rows[1][-2:], [900, 400])
        self.assertEqual(len(workbook['Salespeople']._charts), 4)

    def test_invoice_outside_the_period_is_left_out(self):
        day_before = self.today - timedelta(days=61)
        wizard = self.env['crm.sales.kpi.workbook'].with_user(self.user_salesman).create({
            'date_from': day_before, 'date_to': day_before})
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._build_workbook()))
        self.assertEqual([row[0] for row in workbook['Salespeople'].iter_rows(values_only=True)],
                         ['Salesperson', 'Total'])

    def test_revenue_of_many_invoices_takes_one_query(self):
        for _index in range(10):
            self._create_invoice(self.customer, 10.0)
        self.env.flush_all()
        report = self.env['crm.salesperson.effectiveness.report'].with_user(self.user_salesman)
        report._read_group([], ['user_id'], MEASURES)  # the record rules are read and cached once
        with self.assertQueryCount(1):
            report._read_group([], ['user_id'], MEASURES)
