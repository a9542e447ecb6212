import datetime

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.crm_customer_care.models.res_partner import next_occurrence, occurrence_in_year
from odoo.addons.crm_extended.tests.common import CrmExtendedCommon

# Every kind of year for the leap-day rule: divisible by 4, by 100 and by 400, and none of them.
FIRST_YEAR, LAST_YEAR = 1896, 2104
YEARLY_DATES = [(1, 2, 29), (2, 2, 28), (3, 3, 1), (4, 1, 1), (5, 12, 31)]


@tagged('post_install', '-at_install')
class TestCareCalendar(TransactionCase):
    """The daily care run dates the yearly occasions in SQL, the contact form in Python: both must agree."""

    def test_sql_and_python_date_yearly_occasions_alike_over_two_centuries(self):
        yearly_dates = SQL(
            'SELECT * FROM (VALUES %s) AS d(partner_id, month, day, since)',
            SQL(', ').join(SQL('(%s, %s, %s, NULL::date)', *row) for row in YEARLY_DATES),
        )
        rows = self.env.execute_query(
            self.env['crm.care.rule']._crm_yearly_occasions_sql(
                yearly_dates, datetime.date(FIRST_YEAR, 1, 1), datetime.date(LAST_YEAR, 12, 31)
            )
        )
        expected = {
            (partner_id, occurrence_in_year(year, month, day))
            for partner_id, month, day in YEARLY_DATES
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
        }
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


@tagged('post_install', '-at_install')
class TestCareCalendarEvents(CrmExtendedCommon):
    """A salesperson reads the week from the titles of the care calendar's events."""

    def test_care_event_is_titled_with_the_contact_and_the_company(self):
        rule = self.env['crm.care.rule'].create(
            {
                'name': 'Invitation to the International Engineering Fair',
                'kind': 'campaign',
                'campaign_date': datetime.date.today() + datetime.timedelta(days=7),
                'interaction_type_id': self.type_phone_call.id,
            }
        )
        interaction = self._create_interaction(subject=rule.name, care_rule_id=rule.id)
        calendar = self.env.ref('crm_customer_care.crm_interaction_view_calendar_care')
        interactions = self.env['crm.interaction'].with_user(self.user_sales_own)
        arch = etree.fromstring(interactions.get_views([(calendar.id, 'calendar')])['views']['calendar']['arch'])
        # As the calendar titles its events: by the field it names, or else by the record's name.
        title_field = arch.get('create_name_field', 'display_name')
        title = interactions.browse(interaction.id).read([title_field])[0][title_field]
        self.assertIn('Jana Nováková', title)
        self.assertIn('Pivovar Hodonín s.r.o.', title)
        self.assertIn(rule.name, title)
