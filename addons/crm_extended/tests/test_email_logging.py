from odoo.tests import new_test_user, tagged

from .common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestSentEmailLogging(CrmExtendedCommon):
    """With "log sent e-mails" on, whoever may post on a contact or an opportunity still can, and the e-mail is
    recorded as an interaction on their behalf, in the company of the record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env['ir.config_parameter'].set_param('crm_extended.log_sent_emails', True)
        cls.other_company = cls.env['res.company'].create({'name': 'Košická obchodná a.s.'})
        # Invoicing clerks manage contacts (Contact Creation) without sales rights.
        cls.user_billing = new_test_user(cls.env, 'crm_billing', groups='base.group_user,base.group_partner_manager')
        cls.user_sales_both = new_test_user(
            cls.env,
            'crm_sales_both',
            groups='sales_team.group_sale_salesman',
            company_id=cls.company.id,
            company_ids=[(6, 0, (cls.company | cls.other_company).ids)],
        )
        cls.customer.user_id = cls.user_sales_colleague
        cls.slovak_customer = cls.env['res.partner'].create(
            {'name': 'Železiarne Podbrezová a.s.', 'is_company': True, 'company_id': cls.other_company.id}
        )
        cls.slovak_lead = cls.env['crm.lead'].create(
            {
                'name': 'Rúry pre Podbrezovú',
                'type': 'opportunity',
                'partner_id': cls.slovak_customer.id,
                'company_id': cls.other_company.id,
                'user_id': cls.user_sales_both.id,
            }
        )

    def _send(self, record, user, subject='Offer'):
        return record.with_user(user).message_post(
            body='<p>Offer attached</p>', subject=subject, message_type='comment', subtype_xmlid='mail.mt_comment'
        )

    def _logged(self, partner):
        return self.env['crm.interaction'].search([('commercial_partner_id', '=', partner.id)])

    def test_billing_clerk_without_sales_rights_sends_and_the_email_is_logged_for_the_salesperson(self):
        message = self._send(self.customer, self.user_billing)

        self.assertEqual(message.model, 'res.partner')
        logged = self._logged(self.customer)
        self.assertEqual(len(logged), 1)
        self.assertEqual(
            (logged.interaction_type_id, logged.state, logged.subject), (self.type_email, 'resolved', 'Offer')
        )
        self.assertEqual(logged.create_uid, self.user_billing, 'recorded on behalf of whoever sent it')
        self.assertEqual(logged.user_id, self.user_sales_colleague, "the customer's salesperson is responsible")
        self.assertEqual(logged.company_id, self.company)

    def test_salesperson_sending_from_an_opportunity_of_another_company_logs_it_in_that_company(self):
        # Both companies selected in the web client, the first one active.
        env = self.env(
            user=self.user_sales_both,
            context=dict(self.env.context, allowed_company_ids=(self.company | self.other_company).ids),
        )
        self.assertEqual(env.company, self.company)
        self._send(self.slovak_lead.with_env(env), self.user_sales_both)

        logged = self._logged(self.slovak_customer)
        self.assertEqual(logged.company_id, self.other_company)
        self.assertEqual((logged.lead_id, logged.user_id), (self.slovak_lead, self.user_sales_both))

    def test_email_on_a_contact_of_another_company_is_logged_in_the_contacts_company(self):
        self._send(self.slovak_customer, self.user_sales_both)
        self.assertEqual(self._logged(self.slovak_customer).company_id, self.other_company)

    def test_archived_email_type_skips_the_log_and_the_email_is_still_sent(self):
        self.type_email.action_archive()
        message = self._send(self.customer_contact, self.user_sales_own)
        self.assertTrue(message.exists())
        self.assertIn(message, self.customer_contact.message_ids)
        self.assertFalse(self._logged(self.customer))

    def test_deleted_email_type_skips_the_log_and_the_email_is_still_sent(self):
        self.env['crm.interaction'].search([('interaction_type_id', '=', self.type_email.id)]).unlink()
        self.type_email.unlink()
        message = self._send(self.customer_contact, self.user_billing)
        self.assertIn(message, self.customer_contact.message_ids)
        self.assertFalse(self._logged(self.customer))

    def test_notes_and_system_messages_are_not_logged(self):
        self.customer.with_user(self.user_sales_own).message_post(
            body='Internal remark', message_type='comment', subtype_xmlid='mail.mt_note'
        )
        self.customer.with_user(self.user_sales_own).message_post(body='Automatic', message_type='notification')
        self.assertFalse(self._logged(self.customer))
