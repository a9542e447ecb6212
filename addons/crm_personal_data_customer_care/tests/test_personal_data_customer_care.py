import datetime

from odoo.tests import tagged

from odoo.addons.crm_customer_care.tests.common import CrmCustomerCareCommon
from odoo.addons.crm_personal_data.tests.common import EMAIL, NAME, CrmPersonalDataCommon

COMMENT = 'Zdeňka: technik přijel pozdě, ale opravil vše.'


@tagged('post_install', '-at_install')
class TestPersonalDataCustomerCare(CrmPersonalDataCommon, CrmCustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env['res.partner'].create(
            {'name': NAME, 'email': EMAIL, 'birthdate_date': '1980-05-04', 'crm_wish_on': 'birthday'}
        )
        cls.rating = cls._create_interaction(
            interaction_type_id=cls.type_satisfaction.id,
            partner_id=cls.person.id,
            state='resolved',
            satisfaction_rating='4',
            satisfaction_comment=COMMENT,
            date=datetime.datetime(2026, 1, 5, 10, 0),
        )
        cls.unrated_call = cls._create_interaction(partner_id=cls.person.id, subject='Dotaz na servis')

    def test_access_export_lists_the_care_data_and_the_ratings_with_their_comments(self):
        data = self._exported_data(self.person)
        [care] = data['customer_care']
        self.assertEqual(
            (care['crm_first_name'], care['birthdate_date'][:10], care['crm_wish_on']),
            ('Zdeňka', '1980-05-04', 'Birthday'),
        )
        self.assertEqual(
            [(row['satisfaction_rating'], row['satisfaction_comment']) for row in data['satisfaction']],
            [('Satisfied', COMMENT)],
        )

    def test_erasure_blanks_the_occasions_and_the_comments_and_keeps_the_rating(self):
        self.env['crm.personal.data.erasure'].with_user(self.user_dpo).create(
            {'partner_id': self.person.id}
        ).action_erase()
        self.assertEqual(
            (self.person.crm_first_name, self.person.birthdate_date, self.person.crm_wish_on), (False, False, 'none')
        )
        self.assertEqual((self.rating.satisfaction_rating, self.rating.satisfaction_comment), ('4', False))
        self.assertFalse(self.env['crm.interaction'].search([('satisfaction_comment', 'ilike', 'Zdeňka')]))
        self.assertFalse(self.person.crm_name_day_date)
