import datetime

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.crm_extended.models.res_partner import next_occurrence, occurrence_in_year

# Every kind of year for the leap-day rule: divisible by 4, by 100 and by 400, and none of them.
FIRST_YEAR, LAST_YEAR = 1896, 2104
YEARLY_DATES = [(1, 2, 29), (2, 2, 28), (3, 3, 1), (4, 1, 1), (5, 12, 31)]


@tagged('post_install', '-at_install')
class TestCareCalendar(TransactionCase):
    """The daily care run dates the yearly occasions in SQL, the contact form in Python: both must agree."""

    def test_sql_and_python_date_yearly_occasions_alike_over_two_centuries(self):
        yearly_dates = SQL(
            'SELECT * FROM (VALUES %s) AS d(partner_id, month, day, since)',
            SQL(', ').join(SQL('(%s, %s, %s, NULL::date)', *row) for row in YEARLY_DATES))
        rows = self.env.execute_query(self.env['crm.care.rule']._crm_yearly_occasions_sql(
            yearly_dates, datetime.date(FIRST_YEAR, 1, 1), datetime.date(LAST_YEAR, 12, 31)))
        expected = {(partner_id, occurrence_in_year(year, month, day))
                    for partner_id, month, day in YEARLY_DATES for year in range(FIRST_YEAR, LAST_YEAR + 1)}
        self.assertEqual(len(rows), len(YEARLY_DATES) * (LAST_YEAR - FIRST_YEAR + 1))
        self.assertEqual(set(rows), expected)
        leap_days = sorted(date for partner_id, date in rows if partner_id == 1 and date.day == 29)
        self.assertIn(datetime.date(2000, 2, 29), leap_days)
        self.assertNotIn(datetime.date(1900, 2, 28), leap_days)
        self.assertEqual(len(leap_days), 51, 'the leap years from 1896 to 2104, without 1900 and 2100')

    def test_next_occurrence_of_a_leap_day_after_the_28th_of_a_common_year(self):
        self.assertEqual(next_occurrence(2, 29, datetime.date(2027, 2, 28)), datetime.date(2027, 2, 28))
        self.assertEqual(next_occurrence(2, 29, datetime.date(2027, 3, 1)), datetime.date(2028, 2, 29))
        self.assertEqual(next_occurrence(2, 29, datetime.date(2099, 3, 1)), datetime.date(2100, 2, 28))
