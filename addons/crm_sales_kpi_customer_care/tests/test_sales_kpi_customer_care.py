import io
from datetime import date, datetime

import openpyxl

from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_customer_care.tests.common import CrmCustomerCareCommon

MEASURES = ['complaint_count:sum', 'complaints_per_customer:avg', 'resolution_hours:avg']
COLUMNS = ['Complaints and Service Requests', 'Complaints per Customer', 'Average Hours to Resolve']


@tagged('post_install', '-at_install')
class TestSalesKpiCustomerCare(CrmCustomerCareCommon):
    """In March 2026 the own salesperson calls the customer once and a second customer complains to them twice,
    resolved in 6 hours and in 10; a third complaint of that customer is still open. The colleague only calls."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = 'UTC'
        cls.other_customer = cls.env['res.partner'].create({'name': 'Sladovna Litovel a.s.', 'is_company': True})
        cls._create_interaction(date=datetime(2026, 3, 1, 9))
        cls._create_interaction(user=cls.user_sales_colleague, date=datetime(2026, 3, 1, 9))
        for hours in (6, 10, None):
            interaction = cls._create_interaction(
                interaction_type_id=cls.type_complaint.id,
                partner_id=cls.other_customer.id,
                date=datetime(2026, 3, 2, 8),
                state='in_progress',
            )
            if hours:
                interaction.write({'state': 'resolved', 'date_done': datetime(2026, 3, 2, 8 + hours)})

    def _figures(self, user):
        report = self.env['crm.salesperson.effectiveness.report'].with_user(user)
        return {
            salesperson.login: figures
            for salesperson, *figures in report._read_group(
                [('user_id', 'in', (self.user_sales_own | self.user_sales_colleague).ids)], ['user_id'], MEASURES
            )
        }

    def test_complaints_per_customer_and_hours_to_resolve_the_resolved_ones(self):
        # 3 complaints over the 2 customers the salesperson had interactions with; the open one takes no hours.
        self.assertEqual(
            self._figures(self.user_sales_manager),
            {
                'crm_sales_own': [3, 1.5, 8.0],
                'crm_sales_colleague': [0, 0.0, False],
            },
        )

    def test_salesperson_with_own_documents_sees_only_their_complaints(self):
        self.assertEqual(list(self._figures(self.user_sales_own)), ['crm_sales_own'])

    def test_workbook_has_the_complaint_columns(self):
        wizard = (
            self.env['crm.sales.kpi.workbook']
            .with_user(self.user_sales_manager)
            .create(
                {
                    'date_from': date(2026, 3, 1),
                    'date_to': date(2026, 3, 31),
                    'user_ids': [Command.set(self.user_sales_own.ids)],
                }
            )
        )
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._build_workbook()))
        header, *rows = workbook['Salespeople'].iter_rows(values_only=True)
        columns = [header.index(name) for name in COLUMNS]
        self.assertEqual(
            [[row[0]] + [row[column] for column in columns] for row in rows],
            [
                [self.user_sales_own.name, 3, 1.5, 8],
                ['Total', 3, 1.5, 8],
            ],
        )
