import io
from datetime import date, datetime
from urllib.parse import parse_qsl

import openpyxl

from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon
from odoo.addons.crm_sales_kpi.wizard import crm_sales_kpi_workbook

HEADER = [
    'Salesperson',
    'Interactions Logged',
    'Interactions Resolved',
    'Resolved by Their Date (%)',
    'Hand-overs Received',
    'Hand-overs Resolved',
    'Opportunities Won',
    'Won Amount',
]


@tagged('post_install', '-at_install')
class TestSalesKpiWorkbook(CrmExtendedCommon):
    """In the first quarter of 2026, the own salesperson of team North logs three calls, resolves two of them, one
    on its day and one later, and wins an opportunity of 12,000 in February; the colleague of team South logs one
    call in March and resolves it on its day. A call in April is outside the period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = 'UTC'
        cls.user_sales_manager.tz = 'UTC'
        cls.team_north = cls.env['crm.team'].create(
            {'name': 'Sever', 'member_ids': [Command.set(cls.user_sales_own.ids)]}
        )
        cls.team_south = cls.env['crm.team'].create(
            {'name': 'Jih', 'member_ids': [Command.set(cls.user_sales_colleague.ids)]}
        )
        for user, day, resolved_on in (
            (cls.user_sales_own, datetime(2026, 1, 10, 9), datetime(2026, 1, 10, 15)),
            (cls.user_sales_own, datetime(2026, 1, 20, 9), datetime(2026, 2, 2, 9)),
            (cls.user_sales_own, datetime(2026, 2, 3, 9), None),
            (cls.user_sales_colleague, datetime(2026, 3, 5, 9), datetime(2026, 3, 5, 11)),
            (cls.user_sales_own, datetime(2026, 4, 1, 9), None),
        ):
            cls._create_interaction(
                user=user, date=day, **({'state': 'resolved', 'date_done': resolved_on} if resolved_on else {})
            )
        won_stage = cls.env['crm.stage'].create({'name': 'Sešit vyhráno', 'sequence': 2000, 'is_won': True})
        won = cls.env['crm.lead'].create(
            {
                'name': 'Varna',
                'type': 'opportunity',
                'partner_id': cls.customer.id,
                'user_id': cls.user_sales_own.id,
                'expected_revenue': 12000.0,
                'stage_id': won_stage.id,
            }
        )
        cls.env.cr.execute('UPDATE crm_lead SET date_closed = %s WHERE id = %s', (datetime(2026, 2, 14, 10), won.id))
        cls.env.invalidate_all()

    def _workbook(self, user=None, **filters):
        wizard = (
            self.env['crm.sales.kpi.workbook']
            .with_user(user or self.user_sales_manager)
            .create(
                {
                    'date_from': date(2026, 1, 1),
                    'date_to': date(2026, 3, 31),
                    **filters,
                }
            )
        )
        route, query = wizard.action_export()['url'].split('?')
        self.assertEqual(route, crm_sales_kpi_workbook.DOWNLOAD_ROUTE)
        downloaded = wizard.browse()._from_download_params(dict(parse_qsl(query)))
        return openpyxl.load_workbook(io.BytesIO(downloaded._build_workbook()))

    def _rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def _both_teams(self):
        return {'team_ids': [Command.set((self.team_north | self.team_south).ids)]}

    def test_workbook_has_the_salespeople_and_the_months(self):
        self.assertEqual(self._workbook().sheetnames, ['Salespeople', 'Per month'])

    def test_salespeople_sheet_has_each_salespersons_figures_of_the_period(self):
        # An addon that adds figures adds their columns after these.
        rows = self._rows(self._workbook(**self._both_teams())['Salespeople'])
        self.assertEqual(
            [row[: len(HEADER)] for row in rows[:3]],
            [
                HEADER,
                [self.user_sales_colleague.name, 1, 1, 100, 0, 0, 0, 0],
                [self.user_sales_own.name, 3, 2, 50, 0, 0, 1, 12000],
            ],
        )

    def test_total_row_sums_the_salespeople(self):
        rows = self._rows(self._workbook(**self._both_teams())['Salespeople'])
        self.assertEqual(rows[-1][: len(HEADER)], ['Total', 4, 3, 66.67, 0, 0, 1, 12000])

    def test_months_sheet_has_the_figures_of_each_month(self):
        rows = self._rows(self._workbook(team_ids=[Command.set(self.team_north.ids)])['Per month'])
        self.assertEqual(
            [row[:3] + row[6:8] for row in rows],
            [
                ['Month', 'Interactions Logged', 'Interactions Resolved', 'Opportunities Won', 'Won Amount'],
                ['2026-01', 2, 2, 0, 0],
                ['2026-02', 1, 0, 1, 12000],
            ],
        )

    def test_sheets_have_native_charts(self):
        workbook = self._workbook()
        charts = self.env['crm.sales.kpi.workbook']._charts()
        self.assertGreaterEqual(len(charts), 3)
        self.assertEqual([len(workbook[name]._charts) for name in workbook.sheetnames], [len(charts), 1])

    def test_team_and_salesperson_filters_restrict_the_figures(self):
        by_team = self._rows(self._workbook(team_ids=[Command.set(self.team_south.ids)])['Salespeople'])
        self.assertEqual([row[0] for row in by_team[1:]], [self.user_sales_colleague.name, 'Total'])
        by_user = self._rows(self._workbook(user_ids=[Command.set(self.user_sales_own.ids)])['Salespeople'])
        self.assertEqual([row[0] for row in by_user[1:]], [self.user_sales_own.name, 'Total'])

    def test_salesperson_with_own_documents_gets_only_their_figures(self):
        rows = self._rows(self._workbook(user=self.user_sales_own)['Salespeople'])
        self.assertEqual([row[:3] for row in rows[1:]], [[self.user_sales_own.name, 3, 2], ['Total', 3, 2]])

    def test_download_route_is_read_only_so_a_replica_may_serve_it(self):
        ir_http = self.env['ir.http']
        endpoints = dict(
            ir_http._generate_routing_rules(sorted(self.env.registry._init_modules), ir_http._get_converters())
        )
        self.assertIs(endpoints[crm_sales_kpi_workbook.DOWNLOAD_ROUTE].routing['readonly'], True)

    def test_workbook_takes_a_fixed_number_of_queries_however_many_salespeople(self):
        wizard = (
            self.env['crm.sales.kpi.workbook']
            .with_user(self.user_sales_manager)
            .create({'date_from': date(2026, 1, 1), 'date_to': date(2026, 3, 31)})
        )
        for index in range(10):
            self._create_interaction(user=self.user_sales_manager, subject=f'Call {index}', date=datetime(2026, 3, 9))
        self.env.flush_all()
        wizard._build_workbook()  # the record rules are read and cached once
        with self.assertQueryCount(3):
            wizard._build_workbook()
