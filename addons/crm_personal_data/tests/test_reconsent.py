from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestReconsent(CrmPersonalDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reconsent_type = cls.env.ref('crm_personal_data.mail_activity_type_reconsent')
        almost_two_years_ago = fields.Datetime.now() - relativedelta(months=24, days=-10)
        cls.expiring = cls._record_consent(date=almost_two_years_ago) | cls._record_consent(
            purpose_id=cls.purpose_newsletter.id, date=almost_two_years_ago
        )
        cls.recent = cls._record_consent(partner_id=cls.customer.id, date=cls._days_ago(3))

    def _reconsent_activities(self):
        return self.env['mail.activity'].search(
            [
                ('activity_type_id', '=', self.reconsent_type.id),
                ('res_model', '=', 'res.partner'),
                ('res_id', 'in', (self.customer_contact | self.customer).ids),
            ]
        )

    def test_consents_about_to_expire_are_flagged(self):
        flagged = self.env['crm.consent'].search([('is_expiring', '=', True)])
        self.assertEqual(flagged & (self.expiring | self.recent), self.expiring)
        self.assertEqual(self.expiring.mapped('is_expiring'), [True, True])

    def test_one_reconsent_activity_per_contact_however_often_it_runs(self):
        for _run in range(2):
            self.env['crm.consent'].search([('is_expiring', '=', True)])._request_reconsent()
        activity = self._reconsent_activities()
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.res_id, self.customer_contact.id)
        self.assertEqual(activity.user_id, self.user_sales_own)
        self.assertIn(self.purpose_newsletter.name, activity.summary)
        self.assertIn(self.purpose_marketing_email.name, activity.summary)

    def test_a_withdrawn_consent_is_not_renewed(self):
        self._record_consent(state='withdrawn')
        self.env['crm.consent'].search([('is_expiring', '=', True)])._request_reconsent()
        self.assertNotIn(self.purpose_marketing_email.name, self._reconsent_activities().summary)

    def test_scheduling_for_a_batch_costs_a_constant_number_of_queries(self):
        contacts = self.env['res.partner'].create([{'name': f'Kontakt {index}'} for index in range(20)])
        consents = self.env['crm.consent'].create(
            [
                {
                    'partner_id': contact.id,
                    'purpose_id': self.purpose_newsletter.id,
                    'channel': 'form',
                    'date': fields.Datetime.now() - relativedelta(months=24, days=-5),
                }
                for contact in contacts
            ]
        )
        consents[0]._request_reconsent()
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            consents[1:]._request_reconsent()
        self.assertEqual(
            self.env['mail.activity'].search_count(
                [('activity_type_id', '=', self.reconsent_type.id), ('res_id', 'in', contacts.ids)]
            ),
            20,
        )
