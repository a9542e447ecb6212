from datetime import timedelta

from odoo.tests import freeze_time, tagged

from .common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestReceivableBanner(CrmAccountingLinkCommon):
    def _banner(self, record, user=None):
        record = record.with_user(user or self.user_salesman)
        record.invalidate_recordset()
        return record.crm_overdue_warning, record.crm_not_due_note

    def test_banner_appears_when_an_invoice_falls_due_and_disappears_once_paid(self):
        invoice = self._create_invoice(self.customer_contact, 12345.0, due_in_days=5)
        self.assertEqual(self._banner(self.customer), (False, 'Unpaid, not overdue yet: 1 · Total 12,345.00\xa0Kč'))
        with freeze_time(self.today + timedelta(days=52)):
            self.assertEqual(
                self._banner(self.customer),
                ('Overdue invoices: 1 · Total 12,345.00\xa0Kč · Days past due (oldest): 47', False),
            )
            self._pay(invoice)
            self.assertEqual(self._banner(self.customer), (False, False))

    def test_quiet_line_shows_what_is_not_overdue_beside_the_warning(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-3)
        self._create_invoice(self.customer, 2500.0, due_in_days=14)
        self._create_invoice(self.customer, 500.0, due_in_days=-20, move_type='out_refund')
        warning, note = self._banner(self.customer_contact)
        self.assertEqual(warning, 'Overdue invoices: 1 · Total 1,000.00\xa0Kč · Days past due (oldest): 3')
        self.assertEqual(note, 'Unpaid, not overdue yet: 2 · Total 2,000.00\xa0Kč')

    def test_opportunity_and_order_show_the_banner_of_their_customer(self):
        self._create_invoice(self.customer_invoice_address, 1000.0, due_in_days=-3)
        order = self._create_order(opportunity=self.opportunity, confirm=False)
        expected = 'Overdue invoices: 1 · Total 1,000.00\xa0Kč · Days past due (oldest): 3'
        self.assertEqual(self._banner(self.opportunity)[0], expected)
        self.assertEqual(self._banner(order)[0], expected)

    def test_order_of_the_branch_shows_the_debts_in_the_branch(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-3)
        self._create_invoice(self.customer, 80.0, due_in_days=-4, company=self.branch)
        order = self._create_order(company=self.branch, confirm=False)
        warning = self._banner(order.with_context(allowed_company_ids=(self.company | self.branch).ids))[0]
        self.assertEqual(warning, 'Overdue invoices: 1 · Total 80.00\xa0€ · Days past due (oldest): 4')

    def test_banner_is_translated(self):
        self.env['res.lang']._activate_lang('cs_CZ')
        self.env['ir.module.module']._load_module_terms(['crm_accounting_link'], ['cs_CZ'])
        self._create_invoice(self.customer, 1000.0, due_in_days=-3)
        customer = self.customer.with_user(self.user_salesman).with_context(lang='cs_CZ')
        self.assertEqual(
            customer.crm_overdue_warning,
            'Faktury po splatnosti: 1 · Celkem 1\xa0000,00\xa0Kč · Dní po splatnosti (nejstarší): 3',
        )

    def test_unpaid_list_shows_what_the_salesperson_may_open_and_counts_all(self):
        mine = self._create_invoice(self.customer, 1000.0, due_in_days=-3)
        self._create_invoice(self.customer, 2000.0, due_in_days=-3, user=self.user_salesman_colleague)
        customer = self.customer_contact.with_user(self.user_salesman)
        self.assertEqual(customer.crm_unpaid_invoice_count, 2)
        action = customer.action_crm_unpaid_invoices()
        self.assertEqual(action['res_model'], 'account.move')
        invoices = self.env['account.move'].with_user(self.user_salesman)
        self.assertEqual(invoices.search(action['domain']), mine)
        self.assertEqual(invoices.sudo().search_count(action['domain']), customer.crm_unpaid_invoice_count)
        self.assertEqual(
            self.opportunity.with_user(self.user_salesman).action_crm_unpaid_invoices()['domain'], action['domain']
        )
