from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import EMAIL, NAME, PHONE, CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestErasure(CrmPersonalDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env['res.partner'].create(
            {
                'name': NAME,
                'email': EMAIL,
                'phone': PHONE,
                'street': 'Masarykova 12',
                'city': 'Hodonín',
                'zip': '695 01',
                'comment': f'<p>{NAME} má ráda ráno.</p>',
            }
        )
        cls.interaction = cls._create_interaction(
            partner_id=cls.person.id, subject=f'Hovor s {NAME}', description=f'<p>{NAME}, {PHONE}</p>'
        )
        cls.lead = cls.env['crm.lead'].create(
            {'name': 'Dodávka chmele', 'type': 'opportunity', 'partner_id': cls.person.id, 'contact_name': NAME}
        )
        cls.person.with_context(tracking_disable=False).write({'phone': '+420 777 000 111'})
        cls.message = cls.person.message_post(body=f'{NAME} volala kvůli faktuře.', author_id=cls.person.id)
        cls.consent = cls._record_consent(partner_id=cls.person.id, state='withdrawn')

    def _erase(self, user, partner=None):
        wizard = (
            self.env['crm.personal.data.erasure'].with_user(user).create({'partner_id': (partner or self.person).id})
        )
        return wizard.action_erase()

    def _records_mentioning(self, value):
        """Every record of the models that hold a person's data whose text fields contain ``value``."""
        found = {}
        for model in (
            'res.partner',
            'crm.interaction',
            'crm.lead',
            'mail.message',
            'mail.tracking.value',
            'mail.blacklist',
            'mail.followers',
        ):
            Model = self.env[model].with_context(active_test=False)
            text_fields = [
                name
                for name, field in Model._fields.items()
                if field.type in ('char', 'text', 'html') and field.store and not field.compute
            ]
            domain = ['|'] * (len(text_fields) - 1) + [(name, 'ilike', value) for name in text_fields]
            if records := Model.search(domain):
                found[model] = [
                    (record.id, name, record[name])
                    for record in records
                    for name in text_fields
                    if value.lower() in str(record[name]).lower()
                ]
        return found

    def test_no_personal_value_is_found_after_erasure(self):
        self.assertTrue(self._records_mentioning(NAME))
        self._erase(self.user_dpo)
        for value in (NAME, EMAIL, PHONE, '777 000 111', 'Masarykova'):
            with self.subTest(value=value):
                self.assertEqual(self._records_mentioning(value), {})
        self.assertFalse(self.person.active)
        self.assertEqual(self.interaction.subject, 'Erased')
        self.assertFalse(self.lead.contact_name)
        self.assertIn('Erased', str(self.message.body))

    def test_erasure_keeps_the_history_and_the_consent_proof(self):
        self._erase(self.user_dpo)
        self.assertTrue(self.interaction.exists())
        self.assertTrue(self.lead.exists())
        self.assertEqual(self.consent.partner_id, self.person)

    def test_erasure_deletes_the_files_of_the_person(self):
        Attachment = self.env['ir.attachment']
        files = Attachment.create(
            [
                {
                    'name': 'obcansky-prukaz.pdf',
                    'raw': b'%PDF-1.4 ID',
                    'res_model': 'res.partner',
                    'res_id': self.person.id,
                },
                {
                    'name': 'zapis-z-hovoru.txt',
                    'raw': NAME.encode(),
                    'res_model': 'crm.interaction',
                    'res_id': self.interaction.id,
                },
                {'name': 'poptavka.pdf', 'raw': b'%PDF-1.4 RFQ', 'res_model': 'crm.lead', 'res_id': self.lead.id},
            ]
        )
        sent = Attachment.create(
            {'name': 'vizitka.png', 'raw': b'PNG', 'res_model': 'mail.compose.message', 'res_id': 0}
        )
        self.message.attachment_ids = sent
        other = Attachment.create(
            {'name': 'katalog.pdf', 'raw': b'%PDF-1.4 CAT', 'res_model': 'res.partner', 'res_id': self.customer.id}
        )
        self._erase(self.user_dpo)
        self.assertFalse((files | sent).exists())
        self.assertTrue(other.exists())

    def test_erasure_is_logged_in_the_privacy_log(self):
        self._erase(self.user_dpo)
        log = self.env['privacy.log'].search([('crm_partner_id', '=', self.person.id)])
        self.assertEqual(
            (log.crm_request, log.user_id, log.anonymized_name), ('erasure', self.user_dpo, 'Z***** P******')
        )

    def test_erasure_is_refused_to_salespeople(self):
        for user in (self.user_sales_own, self.user_sales_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._erase(user)
        self.assertEqual(self.person.name, NAME)

    def test_administrator_may_erase(self):
        self._erase(self.user_settings_admin)
        self.assertFalse(self.person.email)

    def test_another_companys_contact_and_forged_ids_are_refused(self):
        for partner in (self.other_company_contact, self.env['res.partner'].browse(987654321)):
            with self.subTest(partner=partner.id), self.assertRaises(AccessError):
                self._erase(self.user_dpo, partner)
        self.assertEqual(self.other_company_contact.name, 'Petra Cizí')

    def test_a_user_is_not_erased_here(self):
        with self.assertRaises(UserError):
            self._erase(self.user_dpo, self.user_sales_own.partner_id)
