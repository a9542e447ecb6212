import os
import unittest
from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged

from .common import CrmAccountingLinkCommon

# Set by scripts/screenshots.sh: the folder the README pictures are written to.
SCREENSHOTS_DIR = os.environ.get('CRM_SCREENSHOTS_DIR')
ORDER_NUMBER = 'S04217'


class BrowserTourCase(CrmAccountingLinkCommon, HttpCase):
    """A tour that cannot start a browser fails: Odoo's own runner would skip it and hide the missing check."""

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

    def test_salesperson_logs_a_payment_reminder_from_the_banner(self):
        if 'crm.interaction' not in self.env:
            self.skipTest('payment reminders are logged as interactions of CRM Extended')
        self._run_tour(f'/odoo/contacts/{self.customer.id}', 'crm_accounting_link_log_payment_reminder',
                       self.user_salesman)
        reminder = self.env['crm.interaction'].search([('partner_id', '=', self.customer.id)])
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.subject, 'Payment reminder')
        self.assertEqual(reminder.user_id, self.user_salesman)
        self.assertIn('Overdue invoices: 1', str(reminder.description))

    def test_accountant_follows_a_payment_to_its_order_and_finds_invoices_by_order_number(self):
        payment = self._pay(self.invoice)
        self._run_tour(f'/odoo/customer-payments/{payment.id}', 'crm_accounting_link_payment_to_order',
                       self.user_accountant)


@tagged('post_install', '-at_install', '-standard', 'crm_screenshots')
@unittest.skipUnless(SCREENSHOTS_DIR, 'the README pictures are taken by scripts/screenshots.sh')
class TestReadmeScreenshots(BrowserTourCase):
    """The pages of the README pictures, captured once the tour that opens each of them has passed."""

    browser_size = '1280x800'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.name = 'Moravské strojírny s.r.o.'
        cls.payment = cls._pay(cls.invoice)
        cls.overdue_invoices = cls._create_invoice(cls.customer_contact, 23900.0, due_in_days=-18) \
            | cls._create_invoice(cls.customer, 12400.0, due_in_days=-4)
        cls._create_invoice(cls.customer, 8600.0, due_in_days=20)
        if 'crm.interaction' in cls.env:
            cls._create_interactions()

    @classmethod
    def _create_interactions(cls):
        now = datetime.now().replace(minute=0, second=0, microsecond=0)
        cls.env['crm.interaction'].create([{
            'subject': subject,
            'interaction_type_id': cls.env.ref(type_xmlid).id,
            'partner_id': cls.customer_contact.id,
            'user_id': cls.user_salesman.id,
            'date': now + timedelta(days=days),
            'state': state,
        } for subject, type_xmlid, days, state in [
            ('Payment reminder', 'crm_extended.crm_interaction_type_phone_call', 2, 'planned'),
            ('Invoice copies sent again', 'crm_extended.crm_interaction_type_email', -3, 'resolved'),
            ('Press line service contract', 'crm_extended.crm_interaction_type_contract', -9, 'in_progress'),
            ('Visit of the press shop', 'crm_extended.crm_interaction_type_meeting', -21, 'resolved'),
            ('Quote for the spare parts', 'crm_extended.crm_interaction_type_quote', -30, 'resolved'),
        ]])

    def _capture(self, url, tour, user, filename):
        # The pictures are taken with both addons installed (scripts/screenshots.sh); CRM Extended holds the
        # capture that both use.
        from odoo.addons.crm_extended.tests.test_tours import capture_tour_screenshot  # noqa: PLC0415
        capture_tour_screenshot(self, url, tour, user.login, filename)

    def test_contact_with_overdue_banner_and_history(self):
        if 'crm.interaction' not in self.env:
            self.skipTest('the history tab comes with CRM Extended')
        self._capture(f'/odoo/contacts/{self.customer.id}', 'crm_accounting_link_screenshot_contact',
                      self.user_salesman, 'contact_overdue_banner.png')

    def test_payment_with_its_order(self):
        self._capture(f'/odoo/customer-payments/{self.payment.id}', 'crm_accounting_link_screenshot_payment',
                      self.user_accountant, 'payment_sales_order.png')
