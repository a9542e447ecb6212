import io
import json
import zipfile

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestAccessExport(CrmPersonalDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_interaction(subject='Schůzka o rozšíření smlouvy')
        cls.env['crm.lead'].create(
            {'name': 'Dodávka sladu 2027', 'type': 'opportunity', 'partner_id': cls.customer_contact.id}
        )
        cls.customer_contact.message_post(body='Paní Nováková prosí o zavolání po 15. hodině.')
        cls._record_consent(purpose_id=cls.purpose_newsletter.id, channel='paper')

    def _export(self, user, partner=None):
        action = (partner or self.customer_contact).with_user(user).action_privacy_access_export()
        attachment = self.env['ir.attachment'].browse(int(action['url'].split('/')[3].split('?')[0]))
        return attachment, zipfile.ZipFile(io.BytesIO(attachment.raw))

    def test_dpo_gets_a_workbook_and_json_of_everything_about_the_person(self):
        attachment, archive = self._export(self.user_dpo)
        self.assertEqual(sorted(archive.namelist()), ['data.json', 'summary.xlsx'])
        data = json.loads(archive.read('data.json'))
        self.assertEqual(data['contact'][0]['email'], 'jana.novakova@pivovar-hodonin.example.com')
        self.assertEqual([row['subject'] for row in data['interactions']], ['Schůzka o rozšíření smlouvy'])
        self.assertEqual([row['name'] for row in data['opportunities']], ['Dodávka sladu 2027'])
        self.assertTrue(any('15. hodině' in (row['body'] or '') for row in data['messages']))
        self.assertEqual(
            [(row['purpose_id'], row['channel']) for row in data['consents']], [(self.purpose_newsletter.name, 'Paper')]
        )
        workbook = openpyxl.load_workbook(io.BytesIO(archive.read('summary.xlsx')))
        self.assertEqual(workbook.sheetnames[:5], ['Contact', 'Interactions', 'Opportunities', 'Messages', 'Consents'])
        self.assertEqual(workbook['Interactions']['B2'].value, 'Schůzka o rozšíření smlouvy')
        log = self.env['privacy.log'].browse(attachment.res_id)
        self.assertEqual(
            (attachment.res_model, log.crm_request, log.crm_partner_id, log.user_id),
            ('privacy.log', 'access', self.customer_contact, self.user_dpo),
        )
        self.assertEqual(log.anonymized_email, 'j***.n*******@p**************.e******.com')

    def test_dpo_opens_the_contact_form(self):
        with Form(self.customer_contact.with_user(self.user_dpo)) as contact:
            self.assertEqual(contact.email, 'jana.novakova@pivovar-hodonin.example.com')

    def test_administrator_may_export(self):
        attachment, _archive = self._export(self.user_settings_admin)
        self.assertEqual(attachment.with_user(self.user_settings_admin).res_model, 'privacy.log')

    def test_export_is_refused_to_salespeople_and_managers(self):
        for user in (self.user_sales_own, self.user_sales_manager, self.user_internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.customer_contact.with_user(user).action_privacy_access_export()
        self.assertFalse(self.env['privacy.log'].search([('crm_partner_id', '=', self.customer_contact.id)]))

    def test_another_companys_contact_and_forged_ids_are_refused(self):
        for partner in (
            self.other_company_contact,
            self.env['res.partner'].browse(987654321),
            self.customer_contact | self.customer,
        ):
            with self.subTest(partner=partner.ids), self.assertRaises(AccessError):
                partner.with_user(self.user_dpo).action_privacy_access_export()

    def test_a_company_is_not_a_data_subject(self):
        with self.assertRaises(UserError):
            self.customer.with_user(self.user_dpo).action_privacy_access_export()

    def test_contact_without_email_is_logged_without_one(self):
        person = self.env['res.partner'].create({'name': 'Karel Bezadresy'})
        attachment, _archive = self._export(self.user_dpo, person)
        self.assertEqual(self.env['privacy.log'].browse(attachment.res_id).anonymized_email, '-')
