import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CrmCustomerCareCommon


@tagged('post_install', '-at_install')
class TestComplaints(CrmCustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reported = datetime.datetime(2026, 3, 2, 8, 0)

    def _complaint(self, **values):
        return self._create_interaction(
            subject='Cracked welds',
            interaction_type_id=self.type_complaint.id,
            date=self.reported,
            state='in_progress',
            **values,
        )

    def test_deadline_follows_the_hours_of_the_priority(self):
        self.env['ir.config_parameter'].set_param('crm_extended.sla_hours_3', 4)
        urgent = self._complaint(priority='3')
        normal = self._create_interaction(interaction_type_id=self.type_service_request.id, date=self.reported)
        self.assertEqual(urgent.date_deadline, datetime.datetime(2026, 3, 2, 12, 0))
        self.assertEqual(normal.date_deadline, datetime.datetime(2026, 3, 5, 8, 0), 'normal: 72 hours by default')
        urgent.priority = '2'
        self.assertEqual(urgent.date_deadline, datetime.datetime(2026, 3, 3, 8, 0))

    def test_other_interactions_have_no_deadline(self):
        self.assertFalse(self._create_interaction(date=self.reported).date_deadline)

    def test_a_type_that_gains_or_loses_a_deadline_changes_its_interactions(self):
        # The deadline types are kept in the registry's cache: filled here, it must follow the types' changes.
        visit = self._create_interaction(date=self.reported)
        self.assertFalse(visit.date_deadline)
        self.type_phone_call.has_resolution_deadline = True
        self.assertEqual(visit.date_deadline, datetime.datetime(2026, 3, 5, 8, 0))
        self.assertEqual(
            self._create_interaction(date=self.reported).date_deadline, datetime.datetime(2026, 3, 5, 8, 0)
        )
        self.type_phone_call.has_resolution_deadline = False
        self.assertFalse(visit.date_deadline)
        warranty = self.env['crm.interaction.type'].create({'name': 'Warranty Claim', 'has_resolution_deadline': True})
        self.assertEqual(
            self._create_interaction(interaction_type_id=warranty.id, date=self.reported).date_deadline,
            datetime.datetime(2026, 3, 5, 8, 0),
        )

    def test_complaint_is_overdue_past_its_deadline_not_its_date(self):
        complaint = self._complaint(priority='2')
        overdue = self.env['crm.interaction'].with_user(self.user_sales_own)
        with freeze_time('2026-03-03 07:59:00'):
            self.assertFalse(complaint.is_overdue)
            self.assertNotIn(complaint, overdue.search([('is_overdue', '=', True)]))
        complaint.invalidate_recordset(['is_overdue'])
        with freeze_time('2026-03-03 08:01:00'):
            self.assertTrue(complaint.is_overdue)
            self.assertIn(complaint, overdue.search([('is_overdue', '=', True)]))

    def test_time_to_resolve_once_resolved(self):
        complaint = self._complaint()
        self.assertEqual(complaint.resolution_hours, 0.0)
        complaint.write({'state': 'resolved', 'date_done': datetime.datetime(2026, 3, 3, 20, 30)})
        self.assertEqual(complaint.resolution_hours, 36.5)

    def test_settings_refuse_a_priority_without_hours(self):
        from odoo.exceptions import ValidationError

        with self.assertRaises(ValidationError):
            self.env['res.config.settings'].create({'crm_sla_hours_1': 0})
