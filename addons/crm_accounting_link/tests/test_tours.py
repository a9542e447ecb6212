import unittest

from odoo.tests import HttpCase, tagged

from .common import CrmAccountingLinkCommon

ORDER_NUMBER = 'S04217'


class BrowserTourCase(CrmAccountingLinkCommon, HttpCase):
    """A tour that cannot start a browser fails: Odoo's own runner would skip it and hide the missing check."""

    # The browser's requests take turns on the test's cursor; on a busy machine the first page of a class, which
    # builds the asset bundles, holds it longer than Odoo's 20 s, and the request that gave up got an HTML error
    # page where the web client expected JSON.
    test_cursor_lock_timeout = 180

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(amount=48500.0, opportunity=cls.opportunity)
        cls.order.name = ORDER_NUMBER
        cls.invoice = cls._invoice_orders(cls.order, due_in_days=-12)
        other_order = cls._create_order(partner=cls.other_customer, amount=7300.0)
        cls.other_invoice = cls._invoice_orders(other_order)

    def browser_js(self, *args, **kwargs):
        try:
            return super().browser_js(*args, **kwargs)
        except unittest.SkipTest as reason:
            self.fail(f'The browser tour could not run in headless Chromium: {reason}')

    def _run_tour(self, url, tour, user):
        self.start_tour(url, tour, login=user.login)
        # The browser's requests changed the records behind this test's cache.
        self.env.invalidate_all()


@tagged('post_install', '-at_install')
class TestTours(BrowserTourCase):
    def test_salesperson_sees_the_overdue_banner_and_lists_the_invoices(self):
        self._run_tour(f'/odoo/contacts/{self.customer.id}', 'crm_accounting_link_overdue_banner', self.user_salesman)

    def test_unpaid_invoices_opened_in_a_new_tab_are_still_the_customers(self):
        self._run_tour(
            f'/odoo/contacts/{self.customer.id}', 'crm_accounting_link_unpaid_list_in_new_tab', self.user_salesman
        )

    def test_accountant_follows_a_payment_to_its_order_and_finds_invoices_by_order_number(self):
        payment = self._pay(self.invoice)
        self._run_tour(
            f'/odoo/customer-payments/{payment.id}', 'crm_accounting_link_payment_to_order', self.user_accountant
        )
