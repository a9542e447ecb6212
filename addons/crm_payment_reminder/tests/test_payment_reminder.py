from odoo.tests import Form, tagged

from odoo.addons.crm_accounting_link.tests.common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestPaymentReminder(CrmAccountingLinkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_invoice(cls.customer, 1000.0, due_in_days=-3)

    def _log(self, record):
        action = record.with_user(self.user_salesman).action_crm_log_payment_reminder()
        with Form(
            self.env['crm.interaction'].with_user(self.user_salesman).with_context(**action['context']),
            view='crm_extended.crm_interaction_view_form_quick',
        ) as quick:
            self.assertEqual(quick.subject, 'Payment reminder')
        return quick.record

    def test_reminder_from_an_opportunity_is_logged_with_the_customer_company_and_the_opportunity(self):
        logged = self._log(self.opportunity)
        self.assertEqual(
            (logged.partner_id, logged.lead_id, logged.state, logged.user_id),
            (self.customer, self.opportunity, 'resolved', self.user_salesman),
        )
        self.assertIn('Overdue invoices: 1', str(logged.description))

    def test_reminder_from_a_contact_person_is_logged_with_their_company(self):
        logged = self._log(self.customer_contact)
        self.assertEqual((logged.partner_id, logged.lead_id), (self.customer, self.env['crm.lead']))

    def test_reminder_from_a_quotation_is_about_its_opportunity(self):
        order = self._create_order(opportunity=self.opportunity, confirm=False)
        logged = self._log(order)
        self.assertEqual((logged.partner_id, logged.lead_id), (self.customer, self.opportunity))

    def test_reminder_button_is_offered_to_salespeople_not_to_accountants(self):
        for model in ('res.partner', 'crm.lead', 'sale.order'):
            with self.subTest(model=model):
                salesperson_form = self.env[model].with_user(self.user_salesman).get_views([(False, 'form')])
                self.assertIn('action_crm_log_payment_reminder', salesperson_form['views']['form']['arch'])
        for model in ('res.partner', 'sale.order'):
            with self.subTest(model=model):
                accountant_form = self.env[model].with_user(self.user_accountant).get_views([(False, 'form')])
                self.assertIn('crm_overdue_warning', accountant_form['views']['form']['arch'])
                self.assertNotIn('action_crm_log_payment_reminder', accountant_form['views']['form']['arch'])
