from odoo import fields
from odoo.tests import tagged

from .common import CrmPersonalDataCommon


@tagged('post_install', '-at_install')
class TestRetention(CrmPersonalDataCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_contacts = cls.env.ref('crm_personal_data.data_recycle_model_contacts')
        cls.forgotten = cls.env['res.partner'].create({'name': 'Bohumil Zapomenutý'})
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE res_partner SET privacy_last_activity_date = now() - interval '61 months' WHERE id = %s",
            [cls.forgotten.id],
        )
        cls.forgotten.invalidate_recordset(['privacy_last_activity_date'])

    def test_last_activity_is_the_latest_interaction_opportunity_or_consent(self):
        self._create_interaction(date='2026-03-01 09:00:00', state='resolved')
        self._record_consent(date='2026-05-01 09:00:00')
        self.assertEqual(
            fields.Datetime.to_string(self.customer_contact.privacy_last_activity_date),
            '2026-05-01 09:00:00'
            if self.customer_contact.create_date < fields.Datetime.to_datetime('2026-05-01')
            else fields.Datetime.to_string(self.customer_contact.create_date),
        )

    def test_contacts_past_the_retention_are_listed_for_review_not_deleted(self):
        self.review_contacts._recycle_records()
        listed = (
            self.env['data_recycle.record']
            .with_user(self.user_dpo)
            .search([('recycle_model_id', '=', self.review_contacts.id)])
        )
        self.assertIn(self.forgotten.id, listed.mapped('res_id'))
        self.assertNotIn(self.customer_contact.id, listed.mapped('res_id'))
        self.assertTrue(self.forgotten.active)
        self.assertEqual(self.review_contacts.recycle_action, 'archive')
        self.assertEqual(self.review_contacts.recycle_mode, 'manual')

    def test_a_longer_retention_lists_nothing_of_that_age(self):
        self.purpose_customer.with_user(self.user_dpo).retention_months = 72
        self.review_contacts._recycle_records()
        self.assertNotIn(
            self.forgotten.id,
            self.env['data_recycle.record']
            .search([('recycle_model_id', '=', self.review_contacts.id)])
            .mapped('res_id'),
        )
