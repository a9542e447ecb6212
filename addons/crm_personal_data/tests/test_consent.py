from psycopg2.errors import CheckViolation

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestProcessingPurpose(CrmPersonalDataCommon):
    def test_presets_have_a_legal_basis_and_retention(self):
        self.assertEqual(self.purpose_customer.legal_basis, 'contract')
        self.assertEqual(self.purpose_marketing_email.legal_basis, 'consent')
        self.assertEqual(self.purpose_marketing_email.consent_validity_months, 24)
        self.assertTrue(self.purpose_marketing_email.blacklist_on_withdrawal)
        self.assertEqual(
            self.env.ref('crm_personal_data.crm_processing_purpose_phone_marketing').legal_basis, 'consent'
        )
        self.assertEqual(self.purpose_profiling.retention_months, 24)

    def test_only_the_data_protection_officer_and_administrators_change_purposes(self):
        with self.assertRaises(AccessError):
            self.purpose_newsletter.with_user(self.user_sales_manager).retention_months = 12
        self.purpose_newsletter.with_user(self.user_dpo).retention_months = 12
        self.purpose_newsletter.with_user(self.user_settings_admin).retention_months = 18
        self.assertEqual(self.purpose_newsletter.retention_months, 18)

    def test_retention_of_at_least_a_month(self):
        with self.assertRaises(CheckViolation), mute_logger('odoo.sql_db'):
            self.purpose_newsletter.with_user(self.user_dpo).retention_months = 0

    def test_retention_sets_the_review_rule(self):
        self.purpose_customer.with_user(self.user_dpo).retention_months = 48
        review_rules = self.env['data_recycle.model'].search([('crm_purpose_id', '=', self.purpose_customer.id)])
        self.assertEqual(set(review_rules.mapped('time_field_delta')), {48})


@tagged('post_install', '-at_install')
class TestConsent(CrmPersonalDataCommon):
    def test_recorded_by_is_the_user_whatever_the_client_sends(self):
        consent = self._record_consent(user_id=self.user_sales_manager.id)
        self.assertEqual(consent.user_id, self.user_sales_own)

    def test_consent_records_cannot_be_changed_or_deleted(self):
        consent = self._record_consent()
        for user in (self.user_sales_own, self.user_dpo, self.user_settings_admin):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    consent.with_user(user).state = 'withdrawn'
                with self.assertRaises(UserError):
                    consent.with_user(user).unlink()
        with self.assertRaises(UserError):
            consent.sudo().write({'channel': 'paper'})
        with self.assertRaises(UserError):
            consent.sudo().unlink()
        self.assertEqual((consent.state, consent.channel), ('given', 'form'))

    def test_a_withdrawal_is_a_new_record_that_becomes_current(self):
        given = self._record_consent(date=self._days_ago(10))
        withdrawn = self._record_consent(state='withdrawn', date=self._days_ago(1))
        self.assertEqual((given.is_current, withdrawn.is_current), (False, True))
        self.assertEqual(
            self.env['crm.consent'].search([('partner_id', '=', self.customer_contact.id), ('is_current', '=', True)]),
            withdrawn,
        )

    def test_withdrawal_dated_before_the_consent_it_withdraws_is_refused(self):
        self._record_consent(date=self._days_ago(5))
        with self.assertRaises(ValidationError):
            self._record_consent(state='withdrawn', date=self._days_ago(6))
        self.assertEqual(self.customer_contact.privacy_consent_ids.mapped('state'), ['given'])

    def test_statement_dated_in_the_future_is_refused(self):
        with self.assertRaises(ValidationError):
            self._record_consent(date=self._days_ago(-1))

    def test_forged_and_foreign_references_are_refused(self):
        with self.assertRaises(ValidationError):
            self._record_consent(partner_id=987654321)
        with self.assertRaises(ValidationError):
            self._record_consent(partner_id='Jana Nováková')
        with self.assertRaises(UserError):
            self._record_consent(partner_id=self.other_company_contact.id)
        foreign_interaction = self._create_interaction(partner_id=self.customer.id).copy(
            {'partner_id': self.env['res.partner'].create({'name': 'Someone Else s.r.o.'}).id}
        )
        with self.assertRaises(ValidationError):
            self._record_consent(interaction_id=foreign_interaction.id)
        self.assertFalse(self.customer_contact.privacy_consent_ids)

    def test_evidence_interaction_of_the_contact_is_kept(self):
        interaction = self._create_interaction(subject='Souhlas po telefonu')
        consent = self._record_consent(channel='phone', interaction_id=interaction.id)
        self.assertEqual(consent.interaction_id, interaction)

    def test_expiry_follows_the_purpose_validity(self):
        consent = self._record_consent(date='2026-01-15 10:00:00')
        self.assertEqual(str(consent.expiry_date), '2028-01-15')
        self.assertFalse(self._record_consent(purpose_id=self.purpose_customer.id).expiry_date)

    def test_withdrawing_marketing_emails_blacklists_the_address_and_consent_removes_it(self):
        blacklist = self.env['mail.blacklist'].with_context(active_test=False)
        email = self.customer_contact.email_normalized
        self._record_consent(state='withdrawn', channel='phone')
        self.assertTrue(blacklist.search([('email', '=', email), ('active', '=', True)]))
        self._record_consent(state='given', channel='email')
        self.assertFalse(blacklist.search([('email', '=', email), ('active', '=', True)]))

    def test_backdated_consent_does_not_lift_a_later_withdrawal(self):
        self._record_consent(state='withdrawn', date=self._days_ago(1))
        self._record_consent(state='given', date=self._days_ago(30))
        self.assertTrue(self.env['mail.blacklist'].search([('email', '=', self.customer_contact.email_normalized)]))

    def test_other_purposes_leave_the_blacklist_alone(self):
        self._record_consent(purpose_id=self.purpose_newsletter.id, state='withdrawn')
        self.assertFalse(self.env['mail.blacklist'].search([('email', '=', self.customer_contact.email_normalized)]))

    def test_contact_without_valid_consent_is_flagged_and_found(self):
        Partner = self.env['res.partner']
        domain = [
            ('privacy_missing_purpose_ids', 'in', self.purpose_newsletter.ids),
            ('id', 'in', (self.customer_contact | self.customer).ids),
        ]
        self.assertIn(self.purpose_newsletter, self.customer_contact.privacy_missing_purpose_ids)
        self.assertEqual(Partner.search(domain), self.customer_contact | self.customer)
        self._record_consent(purpose_id=self.purpose_newsletter.id)
        self.customer_contact.invalidate_recordset(['privacy_missing_purpose_ids'])
        self.assertNotIn(self.purpose_newsletter, self.customer_contact.privacy_missing_purpose_ids)
        self.assertEqual(Partner.search(domain), self.customer)
        self.assertNotIn(self.purpose_customer, self.customer_contact.privacy_missing_purpose_ids)

    def test_expired_consent_is_no_basis(self):
        self._record_consent(purpose_id=self.purpose_newsletter.id, date=self._days_ago(800))
        self.assertIn(self.purpose_newsletter, self.customer_contact.privacy_missing_purpose_ids)

    def test_consent_in_another_company_is_no_basis_here(self):
        self.env['crm.consent'].create(
            {
                'partner_id': self.customer_contact.id,
                'purpose_id': self.purpose_profiling.id,
                'company_id': self.other_company.id,
                'channel': 'form',
            }
        )
        self.assertFalse(self.customer_contact._privacy_allowed_for(self.purpose_profiling))
        self.assertTrue(
            self.customer_contact.with_company(self.other_company)._privacy_allowed_for(self.purpose_profiling)
        )

    def test_profiling_hook_leaves_out_contacts_without_consent(self):
        contacts = self.customer_contact | self.env['res.partner'].create({'name': 'Tomáš Bez Souhlasu'})
        self._record_consent(purpose_id=self.purpose_profiling.id)
        self.assertEqual(contacts._privacy_allowed_for(self.purpose_profiling), self.customer_contact)
        self.assertEqual(contacts._privacy_allowed_for(self.purpose_customer), contacts)

    def test_flag_of_a_batch_costs_a_constant_number_of_queries(self):
        contacts = self.env['res.partner'].create([{'name': f'Kontakt {index}'} for index in range(30)])
        self.env['crm.consent'].create(
            [
                {
                    'partner_id': contact.id,
                    'purpose_id': self.purpose_newsletter.id,
                    'channel': 'form',
                }
                for contact in contacts[:15]
            ]
        )
        contacts = contacts.with_user(self.user_sales_own)
        contacts[0].mapped('privacy_missing_purpose_ids')  # the user's groups and rules, read once whatever the batch
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            missing = {contact.id: contact.privacy_missing_purpose_ids.ids for contact in contacts}
        self.assertNotIn(self.purpose_newsletter.id, missing[contacts[0].id])
        self.assertIn(self.purpose_newsletter.id, missing[contacts[20].id])
