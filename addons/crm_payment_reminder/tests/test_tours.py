from odoo.tests import tagged

from odoo.addons.crm_accounting_link.tests.test_tours import BrowserTourCase


@tagged('post_install', '-at_install')
class TestTours(BrowserTourCase):
    def test_salesperson_logs_a_payment_reminder_from_the_banner(self):
        self._run_tour(f'/odoo/contacts/{self.customer.id}', 'crm_payment_reminder_from_the_banner', self.user_salesman)
        reminder = self.env['crm.interaction'].search([('partner_id', '=', self.customer.id)])
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.subject, 'Payment reminder')
        self.assertEqual(reminder.user_id, self.user_salesman)
        self.assertIn('Overdue invoices: 1', str(reminder.description))
