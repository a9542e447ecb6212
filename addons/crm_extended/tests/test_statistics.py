from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.crm_extended.wizard import crm_interaction_statistics

from .common import StatisticsWorkbookCommon

# The queries of the whole workbook, whatever the number of interactions and customers of the period.
QUERIES = 17


@tagged('post_install', '-at_install')
class TestStatisticsWorkbook(StatisticsWorkbookCommon):
    def test_workbook_has_the_three_sheets(self):
        # Addons that add sheets (customer care's complaints) add them after these.
        self.assertEqual(self._workbook().sheetnames[:3], ['Summary', 'Per responsible', 'Records'])

    def test_summary_counts_each_type_per_month(self):
        self.assertEqual(
            self._rows(self._workbook()['Summary']),
            [
                ['Month', 'Meeting', 'Phone call', 'Total'],
                ['2026-01', 1, 1, 2],
                ['2026-02', 0, 1, 1],
            ],
        )

    def test_summary_has_a_native_chart(self):
        self.assertEqual(len(self._workbook()['Summary']._charts), 1)

    def test_per_responsible_counts_states_and_overdue(self):
        rows = self._rows(self._workbook()['Per responsible'])
        self.assertEqual(
            rows[0],
            ['Responsible', 'Planned', 'In Progress', 'Resolved', 'Cancelled', 'Overdue', 'Median days to resolve'],
        )
        by_name = {row[0]: row[1:6] for row in rows[1:]}
        self.assertEqual(by_name[self.user_sales_own.name], [1, 0, 1, 0, 1])
        self.assertEqual(by_name[self.user_sales_colleague.name], [0, 0, 0, 1, 0])

    def _median_days(self):
        return {row[0]: row[6] for row in self._rows(self._workbook()['Per responsible'])[1:]}

    def test_median_days_to_resolve_is_the_middle_of_the_resolution_times(self):
        # With the January meeting, resolved at its date, the salesperson took 0, 2, 4 and 10 days: the median is 3
        # (the mean would be 4); the colleague resolved nothing.
        self.january_meeting.date_done = self.january_meeting.date
        for day, days_to_resolve in ((11, 2), (12, 4), (13, 10)):
            moment = datetime(2026, 1, day, 9)
            self._create_interaction(
                subject=f'Resolved in {days_to_resolve} days',
                state='resolved',
                date=moment,
                date_done=moment + timedelta(days=days_to_resolve),
            )
        self.assertEqual(self._median_days(), {self.user_sales_own.name: 3.0, self.user_sales_colleague.name: None})

    def test_median_days_to_resolve_counts_from_the_interactions_date_not_from_its_recording(self):
        # A call of 12 January resolved two days later, recorded only now (logged afterwards, imported, demo).
        self._create_interaction(
            user=self.user_sales_colleague,
            subject='Logged afterwards',
            state='resolved',
            date=datetime(2026, 1, 12, 9),
            date_done=datetime(2026, 1, 14, 9),
        )
        self.assertEqual(self._median_days()[self.user_sales_colleague.name], 2.0)

    def test_interaction_planned_for_next_week_and_resolved_today_took_no_days(self):
        with freeze_time('2026-01-14 09:00:00'):
            call = self._create_interaction(
                user=self.user_sales_colleague, subject='Planned for next Monday', date=datetime(2026, 1, 19, 9)
            )
        with freeze_time('2026-01-14 15:00:00'):
            call.with_user(self.user_sales_colleague).action_resolve()
        self.assertEqual(self._median_days()[self.user_sales_colleague.name], 0.0)

    def test_workbook_takes_the_same_queries_for_one_or_many_customers(self):
        # The count of crm_extended's own sheets, checked where it stands alone; an addon that adds a sheet locks the
        # count of the whole workbook in its own test.
        if self.env['ir.module.module'].search_count([('name', '=', 'crm_customer_care'), ('state', '=', 'installed')]):
            self.skipTest('customer care adds its complaints sheet: its own test locks that workbook')
        wizard = (
            self.env['crm.interaction.statistics']
            .with_user(self.user_sales_manager)
            .create({'date_from': date(2026, 1, 1), 'date_to': date(2026, 3, 31)})
        )
        for _warm_up in range(2):  # what the first ones read (record rules, ...) is cached for the later ones
            self.env.invalidate_all()
            wizard._build_workbook()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES):
            wizard._build_workbook()
        customers = self.env['res.partner'].create(
            [{'name': f'Zákazník {index}', 'is_company': True} for index in range(10)]
        )
        self.env['crm.interaction'].create(
            [
                {
                    'subject': 'Objednávka',
                    'interaction_type_id': self.type_phone_call.id,
                    'partner_id': customer.id,
                    'date': datetime(2026, 2, 10, 8),
                    'user_id': self.user_sales_own.id,
                }
                for customer in customers
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES):
            wizard._build_workbook()

    def test_records_sheet_lists_every_record_of_the_period(self):
        rows = self._rows(self._workbook()['Records'])
        self.assertEqual(rows[0][:3], ['Date', 'Subject', 'Type'])
        self.assertEqual([row[1] for row in rows[1:]], ['January call', 'January meeting', 'February call'])
        self.assertEqual(rows[1][0], datetime(2026, 1, 10, 9))
        self.assertEqual(
            rows[3][3:9],
            [
                self.customer_contact.display_name,
                self.customer.display_name,
                None,
                self.user_sales_colleague.name,
                self.february_call.team_id.name or None,
                'Cancelled',
            ],
        )

    def test_filters_restrict_the_records(self):
        rows = self._rows(self._workbook(interaction_type_ids=[(6, 0, self.type_meeting.ids)])['Records'])
        self.assertEqual([row[1] for row in rows[1:]], ['January meeting'])

    def test_download_route_is_read_only_so_a_replica_may_serve_it(self):
        ir_http = self.env['ir.http']
        endpoints = dict(
            ir_http._generate_routing_rules(sorted(self.env.registry._init_modules), ir_http._get_converters())
        )
        self.assertIs(endpoints[crm_interaction_statistics.DOWNLOAD_ROUTE].routing['readonly'], True)

    def test_download_of_a_reversed_period_is_refused(self):
        with self.assertRaises(UserError):
            self.env['crm.interaction.statistics'].with_user(self.user_sales_manager)._from_download_params(
                {'date_from': '2026-03-31', 'date_to': '2026-01-01'}
            )

    def test_headers_follow_the_users_language(self):
        self.env['res.lang']._activate_lang('cs_CZ')
        self.env.ref('base.module_crm_extended')._update_translations(['cs_CZ'])
        self.user_sales_manager.lang = 'cs_CZ'
        workbook = self._workbook()
        self.assertEqual(workbook.sheetnames[:3], ['Souhrn', 'Podle odpovědných', 'Záznamy'])
        self.assertEqual(workbook['Záznamy']['B1'].value, 'Předmět')

    def test_dates_are_in_the_users_time_zone(self):
        self.user_sales_manager.tz = 'Europe/Prague'
        self.january_meeting.date_done = datetime(2026, 3, 30, 8)
        rows = self._rows(self._workbook()['Records'])
        # Winter time is an hour ahead of UTC, summer time (from the last Sunday of March) two.
        self.assertEqual(rows[1][0], datetime(2026, 1, 10, 10))
        self.assertEqual(rows[2][9], datetime(2026, 3, 30, 10))

    def test_records_read_in_batches_keep_every_record_once_in_order(self):
        create = self.env['crm.interaction'].create
        same_time = datetime(2026, 2, 3, 14)
        for index in range(4):
            create(
                {
                    'subject': f'Same time {index}',
                    'partner_id': self.customer_contact.id,
                    'date': same_time,
                    'interaction_type_id': self.type_phone_call.id,
                    'user_id': self.user_sales_own.id,
                }
            )
        self.patch(crm_interaction_statistics, 'BATCH_SIZE', 2)
        subjects = [row[1] for row in self._rows(self._workbook()['Records'])[1:]]
        self.assertEqual(
            subjects,
            [
                'January call',
                'January meeting',
                'February call',
                'Same time 0',
                'Same time 1',
                'Same time 2',
                'Same time 3',
            ],
        )

    def test_salesperson_gets_only_the_records_they_may_read(self):
        workbook = self._workbook(user=self.user_sales_own)
        self.assertEqual([row[1] for row in self._rows(workbook['Records'])[1:]], ['January call', 'January meeting'])
        self.assertEqual([row[0] for row in self._rows(workbook['Per responsible'])[1:]], [self.user_sales_own.name])

    def _calls_at(self, user, moments):
        for subject, moment in moments.items():
            self._create_interaction(user=user, subject=subject, date=moment)

    def _assert_month_in_prague_time(self, utc_moments, month, expected_records):
        """Four calls around the edges of ``month``, stored in UTC: the workbook of that month, for a salesperson in
        Prague, holds the two that fall in it in Prague time, at their Prague times."""
        self.user_sales_own.tz = 'Europe/Prague'
        self._calls_at(self.user_sales_own, utc_moments)
        last_day = date(month.year, month.month + 1, 1) - timedelta(days=1)
        workbook = self._workbook(user=self.user_sales_own, date_from=month, date_to=last_day)
        records = self._rows(workbook['Records'])[1:]
        self.assertEqual([row[:2] for row in records], expected_records)
        self.assertEqual(
            self._rows(workbook['Summary']), [['Month', 'Phone call', 'Total'], [month.strftime('%Y-%m'), 2, 2]]
        )

    def test_period_and_months_follow_the_users_time_zone_in_winter_time(self):
        # Prague is an hour ahead of UTC in winter time.
        self._assert_month_in_prague_time(
            {
                'Last evening of January': datetime(2026, 1, 31, 22, 30),
                'First night of February': datetime(2026, 1, 31, 23, 30),
                'Last evening of February': datetime(2026, 2, 28, 22, 30),
                'First night of March': datetime(2026, 2, 28, 23, 30),
            },
            date(2026, 2, 1),
            [
                [datetime(2026, 2, 1, 0, 30), 'First night of February'],
                [datetime(2026, 2, 28, 23, 30), 'Last evening of February'],
            ],
        )

    def test_period_and_months_follow_the_users_time_zone_in_summer_time(self):
        # Prague is two hours ahead of UTC in summer time.
        self._assert_month_in_prague_time(
            {
                'Last evening of June': datetime(2026, 6, 30, 21, 30),
                'First night of July': datetime(2026, 6, 30, 22, 30),
                'Last evening of July': datetime(2026, 7, 31, 21, 30),
                'First night of August': datetime(2026, 7, 31, 22, 30),
            },
            date(2026, 7, 1),
            [
                [datetime(2026, 7, 1, 0, 30), 'First night of July'],
                [datetime(2026, 7, 31, 23, 30), 'Last evening of July'],
            ],
        )
