"""The README pictures of the accounting link with the customer history beside it, taken by scripts/screenshots.sh.

Pictures, not checks: neither the test run nor Odoo's test runner loads this module (its name does not start
with ``test_`` and the package does not import it); scripts/screenshots.sh names it explicitly.
"""

import os
import unittest
from datetime import datetime, timedelta

from odoo.tests import tagged

from odoo.addons.crm_accounting_link.tests.test_tours import BrowserTourCase
from odoo.addons.crm_extended.tests.readme_screenshots import capture_tour_screenshot

# Set by scripts/screenshots.sh: the folder the README pictures are written to.
SCREENSHOTS_DIR = os.environ.get('CRM_SCREENSHOTS_DIR')


@tagged('post_install', '-at_install')
@unittest.skipUnless(SCREENSHOTS_DIR, 'the README pictures are taken by scripts/screenshots.sh')
class TestReadmeScreenshots(BrowserTourCase):
    """The pages of the README pictures, captured once the tour that opens each of them has passed."""

    browser_size = '1280x800'

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.name = 'Moravské strojírny s.r.o.'
        cls.payment = cls._pay(cls.invoice)
        cls.overdue_invoices = cls._create_invoice(
            cls.customer_contact, 23900.0, due_in_days=-18
        ) | cls._create_invoice(cls.customer, 12400.0, due_in_days=-4)
        cls._create_invoice(cls.customer, 8600.0, due_in_days=20)
        cls._create_interactions()

    @classmethod
    def _create_interactions(cls):
        now = datetime.now().replace(minute=0, second=0, microsecond=0)
        cls.env['crm.interaction'].create(
            [
                {
                    'subject': subject,
                    'interaction_type_id': cls.env.ref(type_xmlid).id,
                    'partner_id': cls.customer_contact.id,
                    'user_id': cls.user_salesman.id,
                    'date': now + timedelta(days=days),
                    'state': state,
                }
                for subject, type_xmlid, days, state in [
                    ('Payment reminder', 'crm_extended.crm_interaction_type_phone_call', 2, 'planned'),
                    ('Invoice copies sent again', 'crm_extended.crm_interaction_type_email', -3, 'resolved'),
                    ('Press line service contract', 'crm_extended.crm_interaction_type_contract', -9, 'in_progress'),
                    ('Visit of the press shop', 'crm_extended.crm_interaction_type_meeting', -21, 'resolved'),
                    ('Quote for the spare parts', 'crm_extended.crm_interaction_type_quote', -30, 'resolved'),
                ]
            ]
        )

    def _capture(self, url, tour, user, filename):
        capture_tour_screenshot(self, url, tour, user.login, filename)

    def test_contact_with_overdue_banner_and_history(self):
        self._capture(
            f'/odoo/contacts/{self.customer.id}',
            'crm_accounting_link_screenshot_contact',
            self.user_salesman,
            'contact_overdue_banner.png',
        )

    def test_payment_with_its_order(self):
        self._capture(
            f'/odoo/customer-payments/{self.payment.id}',
            'crm_accounting_link_screenshot_payment',
            self.user_accountant,
            'payment_sales_order.png',
        )
