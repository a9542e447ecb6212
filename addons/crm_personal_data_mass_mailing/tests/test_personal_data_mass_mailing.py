from odoo import fields
from odoo.tests import tagged

from odoo.addons.crm_personal_data.tests.common import EMAIL, NAME, CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestPersonalDataMassMailing(CrmPersonalDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env['res.partner'].create({'name': NAME, 'email': EMAIL})
        cls.mailing = cls.env['mailing.mailing'].create(
            {
                'subject': 'Pozvánka na degustaci',
                'body_html': '<p>Pozvánka</p>',
                'state': 'done',
                'mailing_model_id': cls.env['ir.model']._get_id('mailing.contact'),
            }
        )
        cls.newsletter = cls.env['mailing.list'].create({'name': 'Zpravodaj pivovarů'})
        cls.list_contact = cls.env['mailing.contact'].create(
            {
                'first_name': 'Zdeňka',
                'last_name': 'Průšová',
                'email': EMAIL,
                'company_name': 'Pivovar Hodonín',
                'list_ids': [(4, cls.newsletter.id)],
            }
        )
        cls.traces = cls.env['mailing.trace'].create(
            [
                {
                    'mass_mailing_id': cls.mailing.id,
                    'model': record._name,
                    'res_id': record.id,
                    'email': EMAIL,
                    'trace_status': 'open',
                    'sent_datetime': fields.Datetime.now(),
                    'open_datetime': fields.Datetime.now(),
                }
                for record in (cls.list_contact, cls.person)
            ]
        )
        cls.other_contact = cls.env['mailing.contact'].create({'name': 'Karel Jiný', 'email': 'karel@example.com'})

    def test_access_export_lists_the_mailings_and_mailing_list_entries(self):
        data = self._exported_data(self.person)
        self.assertEqual(
            [(row['mass_mailing_id'], row['trace_status']) for row in data['mailings']],
            [('Pozvánka na degustaci', 'Opened')] * 2,
        )
        self.assertEqual(
            [(row['name'], row['email'], row['list_ids']) for row in data['mailing_contacts']],
            [('Zdeňka Průšová', EMAIL, self.newsletter.display_name)],
        )

    def test_erasure_anonymises_the_mailing_list_entries_and_the_addresses_of_the_mailings(self):
        self.env['crm.personal.data.erasure'].with_user(self.user_dpo).create(
            {'partner_id': self.person.id}
        ).action_erase()
        for model in ('mailing.contact', 'mailing.trace'):
            for value in ('Průšová', 'zdenka.prusova', 'Zdeňka'):
                with self.subTest(model=model, value=value):
                    self.assertFalse(
                        self.env[model]
                        .with_context(active_test=False)
                        .search(
                            [
                                '|',
                                ('name' if model == 'mailing.contact' else 'email', 'ilike', value),
                                ('email', 'ilike', value),
                            ]
                        )
                    )
        self.assertEqual(
            (self.list_contact.name, self.list_contact.email, self.list_contact.company_name), ('Erased', False, False)
        )
        self.assertEqual(len(self.traces.exists()), 2, 'the mailing statistics keep their traces')
        self.assertEqual(self.other_contact.email, 'karel@example.com')
