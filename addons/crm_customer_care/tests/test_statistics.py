from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.crm_extended.tests.common import StatisticsWorkbookCommon

from .common import CrmCustomerCareCommon


@tagged('post_install', '-at_install')
class TestStatisticsComplaints(CrmCustomerCareCommon, StatisticsWorkbookCommon):
    def test_complaints_sheet_comes_after_the_others(self):
        self.assertEqual(self._workbook().sheetnames, ['Summary', 'Per responsible', 'Records', 'Complaints'])

    def test_complaint_resolved_before_its_date_took_no_hours(self):
        with freeze_time('2026-01-14 09:00:00'):
            visit = self._create_interaction(
                subject='Reklamace na příští pondělí',
                interaction_type_id=self.type_complaint.id,
                date=datetime(2026, 1, 19, 9),
            )
        with freeze_time('2026-01-14 15:00:00'):
            visit.with_user(self.user_sales_own).action_resolve()
        self.assertEqual(visit.resolution_hours, 0.0)
        self.assertEqual(self._rows(self._workbook()['Complaints'])[1][-1], 0)

    def _complaints(self):
        """For the customer: an urgent service request of 1 February still open, so overdue, and a high complaint
        resolved in 10 hours; for another customer, a low complaint of 1 March, not due before 8 March."""
        complaint, service_request = self.type_complaint, self.type_service_request
        other = self.env['res.partner'].create({'name': 'Mlýn Kroměříž a.s.', 'is_company': True})
        create = self.env['crm.interaction'].create
        resolved = create(
            {
                'subject': 'Prasklý sud',
                'interaction_type_id': complaint.id,
                'priority': '2',
                'partner_id': self.customer_contact.id,
                'date': datetime(2026, 1, 5, 8),
                'user_id': self.user_sales_own.id,
                'state': 'in_progress',
            }
        )
        resolved.write({'state': 'resolved', 'date_done': datetime(2026, 1, 5, 18)})
        create(
            {
                'subject': 'Porucha chlazení',
                'interaction_type_id': service_request.id,
                'priority': '3',
                'partner_id': self.customer_contact.id,
                'date': datetime(2026, 2, 1, 8),
                'user_id': self.user_sales_own.id,
                'state': 'in_progress',
            }
        )
        create(
            {
                'subject': 'Špatně zabalené pytle',
                'interaction_type_id': complaint.id,
                'priority': '0',
                'partner_id': other.id,
                'date': datetime(2026, 3, 1, 8),
                'user_id': self.user_sales_colleague.id,
            }
        )
        return other

    def test_complaints_sheet_counts_per_customer_priority_overdue_and_hours_to_resolve(self):
        other = self._complaints()
        with freeze_time('2026-03-02 12:00:00'):
            rows = self._rows(self._workbook()['Complaints'])
        self.assertEqual(
            rows,
            [
                [
                    'Customer',
                    'Complaint',
                    'Service request',
                    'Low',
                    'Normal',
                    'High',
                    'Urgent',
                    'Overdue',
                    'Average hours to resolve',
                ],
                [other.name, 1, 0, 1, 0, 0, 0, 0, None],
                [self.customer.name, 1, 1, 0, 0, 1, 1, 1, 10],
            ],
        )

    def test_complaints_sheet_of_a_salesperson_counts_only_what_they_may_read(self):
        self._complaints()
        rows = self._rows(self._workbook(user=self.user_sales_own)['Complaints'])
        self.assertEqual([row[0] for row in rows[1:]], [self.customer.name])

    def test_workbook_takes_the_same_queries_for_one_or_many_complaining_customers(self):
        self._complaints()
        wizard = (
            self.env['crm.interaction.statistics']
            .with_user(self.user_sales_manager)
            .create({'date_from': date(2026, 1, 1), 'date_to': date(2026, 3, 31)})
        )
        for _warm_up in range(2):  # what the first ones read (record rules, ...) is cached for the later ones
            self.env.invalidate_all()
            wizard._build_workbook()
        self.env.invalidate_all()
        with self.assertQueryCount(22):
            wizard._build_workbook()
        customers = self.env['res.partner'].create(
            [{'name': f'Zákazník {index}', 'is_company': True} for index in range(10)]
        )
        self.env['crm.interaction'].create(
            [
                {
                    'subject': 'Reklamace',
                    'interaction_type_id': self.type_complaint.id,
                    'partner_id': customer.id,
                    'priority': str(index % 4),
                    'date': datetime(2026, 2, 10, 8),
                    'user_id': self.user_sales_own.id,
                }
                for index, customer in enumerate(customers)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(22):
            wizard._build_workbook()
