import datetime

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class CustomerCareCommon(CrmExtendedCommon):
    """Contacts tagged for these tests only, so that the rules plan for them and for no other contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = 'Europe/Prague'
        cls.cz = cls.env.ref('base.cz')
        cls.sk = cls.env.ref('base.sk')
        cls.tag = cls.env['res.partner.category'].create({'name': 'Customer care test'})
        cls.customer.user_id = cls.user_sales_own
        cls.team = cls.env['crm.team'].create({'name': 'Care team', 'user_id': cls.user_sales_manager.id})

    @classmethod
    def _contact(cls, name, **values):
        # A person of their own: a company's contacts share its address, and with it the country and the city.
        return cls.env['res.partner'].create(
            {
                'name': name,
                'user_id': cls.user_sales_own.id,
                'country_id': cls.cz.id,
                'category_id': [(6, 0, cls.tag.ids)],
                **values,
            }
        )

    @classmethod
    def _rule(cls, kind, **values):
        return cls.env['crm.care.rule'].create(
            {
                'name': f'Care {kind}',
                'kind': kind,
                'interaction_type_id': cls.type_phone_call.id,
                'days_ahead': 0,
                'domain': repr([('category_id', 'in', cls.tag.ids)]),
                **values,
            }
        )

    @staticmethod
    def _utc(*args):
        return datetime.datetime(*args)

    def _planned(self, rule):
        return self.env['crm.interaction'].search([('care_rule_id', '=', rule.id)], order='care_occasion_date, id')


class TestCareBirthdays(CustomerCareCommon):
    def test_birthday_is_planned_from_midnight_prague_time(self):
        contact = self._contact('Jana Dvořáková', birthdate_date=datetime.date(1980, 5, 12))
        rule = self._rule('birthday')
        rule._crm_plan(self._utc(2026, 5, 11, 21, 59))  # 23:59 in Prague, still the 11th
        self.assertFalse(self._planned(rule))
        rule._crm_plan(self._utc(2026, 5, 11, 22, 0))  # midnight in Prague (CEST), the 12th
        planned = self._planned(rule)
        self.assertEqual(planned.partner_id, contact)
        self.assertEqual(planned.care_occasion_date, datetime.date(2026, 5, 12))
        self.assertEqual(planned.date, self._utc(2026, 5, 12, 7, 0), 'planned at 9:00 in Prague')
        self.assertEqual((planned.state, planned.user_id, planned.subject), ('planned', self.user_sales_own, rule.name))

    def test_leap_day_birthday_falls_on_28_february_in_common_years(self):
        self._contact('Radek Malý', birthdate_date=datetime.date(1988, 2, 29))
        rule = self._rule('birthday', days_ahead=3)
        rule._crm_plan(self._utc(2027, 2, 25, 12, 0))
        rule._crm_plan(self._utc(2028, 2, 26, 12, 0))
        self.assertEqual(
            self._planned(rule).mapped('care_occasion_date'), [datetime.date(2027, 2, 28), datetime.date(2028, 2, 29)]
        )

    def test_days_ahead_plan_the_wish_before_the_birthday(self):
        self._contact('Karel Beneš', birthdate_date=datetime.date(1975, 6, 20))
        rule = self._rule('birthday', days_ahead=7)
        rule._crm_plan(self._utc(2026, 6, 12, 8, 0))
        self.assertFalse(self._planned(rule), 'eight days before is too early')
        rule._crm_plan(self._utc(2026, 6, 13, 8, 0))
        self.assertEqual(self._planned(rule).care_occasion_date, datetime.date(2026, 6, 20))

    def test_running_twice_plans_nothing_more(self):
        self._contact('Eva Horáková', birthdate_date=datetime.date(1990, 3, 3))
        rule = self._rule('birthday', days_ahead=5)
        rule._crm_plan(self._utc(2026, 3, 1, 6, 0))
        rule._crm_plan(self._utc(2026, 3, 1, 6, 0))
        rule.last_run_date = False  # even a rule that forgot its last run
        rule._crm_plan(self._utc(2026, 3, 1, 7, 0))
        self.assertEqual(len(self._planned(rule)), 1)

    def test_run_after_missed_days_catches_up(self):
        first = self._contact('Petr Černý', birthdate_date=datetime.date(1970, 4, 2))
        second = self._contact('Ivana Černá', birthdate_date=datetime.date(1972, 4, 5))
        rule = self._rule('birthday', days_ahead=1)
        rule._crm_plan(self._utc(2026, 3, 30, 6, 0))
        self.assertFalse(self._planned(rule))
        rule._crm_plan(self._utc(2026, 4, 4, 6, 0))  # the cron did not run from 31 March to 3 April
        self.assertEqual(self._planned(rule).partner_id, first | second)
        self.assertEqual(rule.last_run_date, datetime.date(2026, 4, 4))

    def test_archived_blacklisted_and_unwished_contacts_are_skipped(self):
        wished = self._contact('Lenka Malá', birthdate_date=datetime.date(1985, 9, 9), email='lenka@example.com')
        self._contact('Tomáš Starý', birthdate_date=datetime.date(1985, 9, 9), active=False)
        self._contact('Jiří Tichý', birthdate_date=datetime.date(1985, 9, 9), email='jiri@example.com')
        self.env['mail.blacklist'].create({'email': 'jiri@example.com'})
        self._contact('Olga Nová', birthdate_date=datetime.date(1985, 9, 9), crm_wish_on='name_day')
        rule = self._rule('birthday')
        rule._crm_plan(self._utc(2026, 9, 9, 6, 0))
        self.assertEqual(self._planned(rule).partner_id, wished)

    def test_contact_without_salesperson_goes_to_team_leader_or_is_skipped(self):
        loner = self.env['res.partner'].create(
            {
                'name': 'Marek Samotný',
                'birthdate_date': datetime.date(1980, 1, 20),
                'category_id': [(6, 0, self.tag.ids)],
            }
        )
        without_team = self._rule('birthday')
        with_team = self._rule('birthday', team_id=self.team.id)
        (without_team | with_team)._crm_plan(self._utc(2026, 1, 20, 6, 0))
        self.assertFalse(self._planned(without_team))
        self.assertEqual(
            self._planned(with_team).mapped(lambda i: (i.partner_id, i.user_id)), [(loner, self.user_sales_manager)]
        )


class TestCareNameDays(CustomerCareCommon):
    def test_name_with_several_days_is_wished_on_each(self):
        petr = self._contact('Ing. Petr Novotný')
        rule = self._rule('name_day', days_ahead=0)
        rule._crm_plan(self._utc(2026, 2, 22, 6, 0))
        rule._crm_plan(self._utc(2026, 6, 29, 6, 0))
        self.assertEqual(petr.crm_first_name, 'Petr')
        self.assertEqual(
            self._planned(rule).mapped('care_occasion_date'), [datetime.date(2026, 2, 22), datetime.date(2026, 6, 29)]
        )

    def test_calendar_of_the_country_then_of_the_language(self):
        slovak = self._contact('Dáša Hudáková', country_id=False, lang=False)
        slovak.lang = self.env['res.lang']._activate_lang('sk_SK').code
        czech = self._contact('Dáša Procházková', lang=slovak.lang)
        with freeze_time('2026-01-05'):
            self.assertEqual(slovak.crm_name_day_date, datetime.date(2026, 1, 10), 'Slovak calendar by language')
            self.assertFalse(czech.crm_name_day_date, 'no Dáša in the Czech calendar, whatever the language')
        rule = self._rule('name_day', days_ahead=7)
        rule._crm_plan(self._utc(2026, 1, 5, 6, 0))
        self.assertEqual(self._planned(rule).partner_id, slovak)

    def test_name_not_in_the_calendar_has_no_name_day(self):
        kevin = self._contact('Kevin Dvořák')
        with freeze_time('2026-03-01'):
            self.assertFalse(kevin.crm_name_day_date)

    def test_leap_day_name_day_falls_on_28_february_in_common_years(self):
        horymir = self._contact('Horymír Král')
        with freeze_time('2027-02-01'):
            self.assertEqual(horymir.crm_name_day_date, datetime.date(2027, 2, 28))
        rule = self._rule('name_day')
        rule._crm_plan(self._utc(2027, 2, 28, 6, 0))
        self.assertEqual(self._planned(rule).care_occasion_date, datetime.date(2027, 2, 28))

    def test_first_name_set_by_hand_wins_and_birthday_only_is_not_wished(self):
        contact = self._contact('MUDr. Jan Veselý', crm_first_name='Petr')
        self._contact('Petr Birthday', crm_wish_on='birthday')
        rule = self._rule('name_day')
        rule._crm_plan(self._utc(2026, 2, 22, 6, 0))
        self.assertEqual(self._planned(rule).partner_id, contact)


class TestCareOtherKinds(CustomerCareCommon):
    def test_customer_anniversary_from_the_year_after(self):
        self.customer.write({'crm_customer_since': datetime.date(2020, 3, 15), 'category_id': [(4, self.tag.id)]})
        rule = self._rule('anniversary', days_ahead=10)
        rule._crm_plan(self._utc(2020, 3, 10, 6, 0))
        self.assertFalse(self._planned(rule), 'not on the day it began')
        rule._crm_plan(self._utc(2026, 3, 10, 6, 0))
        self.assertEqual(
            self._planned(rule).mapped(lambda i: (i.partner_id, i.care_occasion_date)),
            [(self.customer, datetime.date(2026, 3, 15))],
        )

    def test_service_check_months_after_the_last_resolved_one(self):
        contact = self._contact('Roman Servisní')
        service = self.type_meeting
        self._create_interaction(
            partner_id=contact.id,
            interaction_type_id=service.id,
            state='resolved',
            date=self._utc(2025, 5, 2, 8),
            date_done=self._utc(2025, 5, 2, 9),
        )
        last = self._create_interaction(
            partner_id=contact.id, interaction_type_id=service.id, state='resolved', date=self._utc(2025, 11, 10, 8)
        )
        last.date_done = self._utc(2025, 11, 10, 9)
        rule = self._rule(
            'service_check',
            service_type_id=service.id,
            interval_months=6,
            days_ahead=14,
            interaction_type_id=service.id,
        )
        rule._crm_plan(self._utc(2026, 4, 25, 6, 0))
        self.assertFalse(self._planned(rule))
        rule._crm_plan(self._utc(2026, 4, 26, 6, 0))
        planned = self._planned(rule)
        self.assertEqual(
            planned.mapped(lambda i: (i.partner_id, i.care_occasion_date)), [(contact, datetime.date(2026, 5, 10))]
        )
        planned.write({'state': 'resolved', 'date': self._utc(2026, 5, 4, 8)})
        planned.date_done = self._utc(2026, 5, 4, 9)
        rule._crm_plan(self._utc(2026, 10, 21, 6, 0))
        self.assertEqual(
            self._planned(rule).mapped('care_occasion_date'), [datetime.date(2026, 5, 10), datetime.date(2026, 11, 4)]
        )

    def test_overdue_service_check_of_a_new_rule_is_planned_late(self):
        contact = self._contact('Ondřej Zapomenutý')
        self._create_interaction(
            partner_id=contact.id,
            interaction_type_id=self.type_meeting.id,
            state='resolved',
            date=self._utc(2024, 1, 10, 8),
            date_done=self._utc(2024, 1, 10, 9),
        )
        rule = self._rule('service_check', service_type_id=self.type_meeting.id, interval_months=12)
        rule._crm_plan(self._utc(2026, 4, 1, 6, 0))
        self.assertEqual(self._planned(rule).care_occasion_date, datetime.date(2025, 1, 10))

    def test_campaign_plans_one_interaction_per_contact_of_the_segment(self):
        brno = self._contact('Alois Brněnský', city='Brno') | self._contact('Zdeňka Brněnská', city='Brno')
        self._contact('Pavla Ostravská', city='Ostrava')
        rule = self._rule(
            'campaign',
            campaign_date=datetime.date(2026, 5, 12),
            days_ahead=14,
            domain=repr([('category_id', 'in', self.tag.ids), ('city', '=', 'Brno')]),
        )
        rule._crm_plan(self._utc(2026, 4, 27, 6, 0))
        self.assertFalse(self._planned(rule))
        rule._crm_plan(self._utc(2026, 4, 28, 6, 0))
        rule._crm_plan(self._utc(2026, 4, 29, 6, 0))
        self.assertEqual(self._planned(rule).partner_id, brno)
        self.assertEqual(set(self._planned(rule).mapped('care_occasion_date')), {datetime.date(2026, 5, 12)})

    def test_invalid_domain_is_refused(self):
        with self.assertRaises(ValidationError):
            self._rule('campaign', campaign_date=datetime.date(2026, 5, 12), domain="[('no_such_field', '=', 1)]")
        rule = self._rule('birthday')
        for domain in ("[('city', '=',", "[('no_such_field', '=', 1)]"):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                rule.write({'domain': domain})
        self.assertEqual(rule.domain, repr([('category_id', 'in', self.tag.ids)]))

    def test_rule_whose_condition_broke_after_saving_is_skipped_by_the_daily_run(self):
        broken, working = self._rule('birthday'), self._rule('birthday', name='Care working')
        today = working._crm_today(fields.Datetime.now())
        contact = self._contact('Petra Horáková', birthdate_date=today - relativedelta(years=30))
        # As when the module of a field the condition names is uninstalled: the saved condition is not checked again.
        self.env.cr.execute(
            "UPDATE crm_care_rule SET domain = %s WHERE id = %s", ("[('no_such_field', '=', 1)]", broken.id)
        )
        broken.invalidate_recordset(['domain'])
        with mute_logger('odoo.addons.crm_customer_care.models.crm_care_rule'):
            self.env['crm.care.rule']._cron_crm_plan_care()
        self.assertEqual(self._planned(working).partner_id, contact)
        self.assertFalse(self._planned(broken))
        self.assertIn('no longer a valid condition', broken.message_ids[0].body)

    def test_campaign_needs_a_date_and_service_check_a_type(self):
        with self.assertRaises(ValidationError):
            self._rule('campaign')
        with self.assertRaises(ValidationError):
            self._rule('service_check', interval_months=6)


class TestCareAccess(CustomerCareCommon):
    def test_salesperson_reads_rules_and_sees_only_own_care_interactions(self):
        self.env['res.partner'].create(
            {
                'name': 'Colleague Customer s.r.o.',
                'is_company': True,
                'user_id': self.user_sales_colleague.id,
                'child_ids': [
                    (
                        0,
                        0,
                        {
                            'name': 'Věra Kolegová',
                            'birthdate_date': datetime.date(1980, 7, 7),
                            'category_id': [(6, 0, self.tag.ids)],
                        },
                    )
                ],
            }
        )
        mine = self._contact('Věra Moje', birthdate_date=datetime.date(1981, 7, 7))
        rule = self._rule('birthday')
        rule._crm_plan(self._utc(2026, 7, 7, 6, 0))
        self.assertEqual(len(self._planned(rule)), 2)
        as_salesperson = self.env['crm.interaction'].with_user(self.user_sales_own)
        self.assertEqual(as_salesperson.search([('care_rule_id', '=', rule.id)]).partner_id, mine)
        self.assertEqual(rule.with_user(self.user_sales_own).name, rule.name)
        with self.assertRaises(AccessError):
            rule.with_user(self.user_sales_own).write({'days_ahead': 3})
        rule.with_user(self.user_sales_manager).write({'days_ahead': 3})

    def test_plan_now_by_sales_manager(self):
        self._contact('Jitka Dnešní', birthdate_date=datetime.date(1979, 12, 5))
        rule = self._rule('birthday').with_user(self.user_sales_manager)
        with freeze_time('2026-12-05 10:00:00'):
            rule.action_run_now()
        self.assertEqual(len(self._planned(rule)), 1)


class TestCareActivities(CustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.call = cls.env.ref('mail.mail_activity_data_call')
        cls._contact('Alena Činná', birthdate_date=datetime.date(1984, 10, 20))

    def _plan_with_activity(self):
        rule = self._rule('birthday', days_ahead=3, activity_type_id=self.call.id)
        rule._crm_plan(self._utc(2026, 10, 17, 6, 0))
        return self._planned(rule)

    def test_rule_with_an_activity_type_schedules_it_for_the_salesperson_on_the_occasion(self):
        planned = self._plan_with_activity()
        task = planned.care_activity_id
        self.assertEqual(planned.activity_ids, task)
        self.assertEqual(
            (task.activity_type_id, task.user_id, task.date_deadline, task.summary),
            (self.call, self.user_sales_own, datetime.date(2026, 10, 20), planned.subject),
        )

    def test_rule_without_an_activity_type_schedules_none(self):
        rule = self._rule('birthday', days_ahead=3)
        rule._crm_plan(self._utc(2026, 10, 17, 6, 0))
        self.assertFalse(self._planned(rule).activity_ids)

    def test_finishing_the_activity_resolves_the_interaction(self):
        planned = self._plan_with_activity()
        planned.care_activity_id.with_user(self.user_sales_own).action_feedback(feedback='Popřáno')
        self.assertEqual(planned.state, 'resolved')

    def test_resolving_the_interaction_finishes_its_activity(self):
        planned = self._plan_with_activity()
        task = planned.care_activity_id
        planned.with_user(self.user_sales_own).action_resolve()
        self.assertFalse(task.active, 'the task is done')
        self.assertFalse(planned.activity_ids)

    def test_handing_over_moves_the_task_to_the_new_owner(self):
        planned = self._plan_with_activity()
        self.env['crm.interaction.handover'].with_user(self.user_sales_own).create(
            {
                'interaction_ids': [(6, 0, planned.ids)],
                'user_id': self.user_sales_colleague.id,
            }
        ).action_handover()
        self.assertEqual(planned.activity_ids.user_id, self.user_sales_colleague)
        self.assertFalse(planned.care_activity_id)


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestCarePerformance(CustomerCareCommon):
    def _tagged_rule(self, count, birthday, **values):
        tag = self.env['res.partner.category'].create({'name': f'Care perf {count}'})
        self.env['res.partner'].create(
            [
                {
                    'name': f'Contact {index}',
                    'parent_id': self.customer.id,
                    'birthdate_date': birthday,
                    'category_id': [(6, 0, tag.ids)],
                }
                for index in range(count)
            ]
        )
        rule = self._rule('birthday', domain=repr([('category_id', 'in', tag.ids)]), **values)
        self.env.flush_all()
        self.env.invalidate_all()
        return rule

    def _assert_same_queries_for_2_or_40_contacts(self, expected, **values):
        warm_up = self._tagged_rule(1, datetime.date(1979, 8, 1), **values)
        few = self._tagged_rule(2, datetime.date(1980, 8, 1), **values)
        many = self._tagged_rule(40, datetime.date(1981, 8, 1), **values)
        now = self._utc(2026, 8, 1, 6, 0)
        warm_up._crm_plan(now)  # what every run reads once (access rules, the company's time zone) is cached
        for rule in (few, many):
            self.env.invalidate_all()
            with self.assertQueryCount(expected):
                rule._crm_plan(now)
        return many

    def test_care_run_costs_the_same_queries_for_2_or_40_contacts(self):
        many = self._assert_same_queries_for_2_or_40_contacts(13)
        self.assertEqual(len(self._planned(many)), 40)

    def test_care_run_with_activities_costs_the_same_queries_for_2_or_40_contacts(self):
        # Eleven more: the activities' insert, their salesperson (which the run itself no longer reads) made a
        # follower, their record names and the notification of the salesperson's activity counter.
        many = self._assert_same_queries_for_2_or_40_contacts(
            24, activity_type_id=self.env.ref('mail.mail_activity_data_call').id
        )
        self.assertEqual(len(self._planned(many).activity_ids), 40)
