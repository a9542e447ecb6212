from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestLeadScoring(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The presets are the manager's to tune; the tests score with rules of their own.
        cls.env['crm.lead.scoring.rule'].search([]).active = False
        Rule = cls.env['crm.lead.scoring.rule']
        cls.rule_big_deal = Rule.create(
            {
                'name': 'Big deal',
                'rule_type': 'fit',
                'points': 10,
                'domain': "[('expected_revenue', '>=', 100000)]",
            }
        )
        cls.rule_meeting = Rule.create(
            {
                'name': 'Meeting',
                'rule_type': 'engagement',
                'event_kind': 'interaction',
                'interaction_type_id': cls.type_meeting.id,
                'points': 20,
                'cap': 40,
                'half_life_days': 10,
            }
        )
        cls.rule_email = Rule.create(
            {
                'name': 'E-mail from the customer',
                'rule_type': 'engagement',
                'event_kind': 'inbound_email',
                'points': 5,
                'cap': 0,
                'half_life_days': 0,
            }
        )
        parameters = cls.env['ir.config_parameter']
        parameters.set_param('crm_extended.score_threshold', 30)
        parameters.set_param('crm_extended.score_hysteresis', 10)
        cls.team = cls.env['crm.team'].create({'name': 'Team Morava', 'user_id': cls.user_sales_manager.id})
        cls.lead = cls._create_lead(user_id=cls.user_sales_own.id)
        cls.call_now = cls.env.ref('crm_lead_scoring.mail_activity_type_call_now')

    @classmethod
    def _create_lead(cls, **values):
        return cls.env['crm.lead'].create(
            {
                'name': 'Dodávka lisovacích nástrojů',
                'type': 'opportunity',
                'partner_id': cls.customer_contact.id,
                'team_id': cls.team.id,
                'expected_revenue': 50000,
                **values,
            }
        )

    def _meeting(self, lead, days_ago, **values):
        return self._create_interaction(
            subject='Jednání o zakázce',
            interaction_type_id=self.type_meeting.id,
            lead_id=lead.id,
            user=self.user_sales_own,
            state='resolved',
            date=fields.Datetime.now() - timedelta(days=days_ago),
            **values,
        )

    def _call_now_activities(self, lead):
        return self.env['mail.activity'].search(
            [('res_model', '=', 'crm.lead'), ('res_id', '=', lead.id), ('activity_type_id', '=', self.call_now.id)]
        )

    # --- the score and its reasons --------------------------------------------------------------------------

    def test_logged_meeting_scores_its_lead_with_decay_and_explains_it(self):
        self.lead.expected_revenue = 150000
        self._meeting(self.lead, days_ago=10)
        self.assertEqual(self.lead.crm_score, 20, 'a meeting one half-life old counts half of 20, plus the big deal')
        self.assertEqual(
            self.lead.crm_score_breakdown.splitlines(), ['Big deal +10', 'Meeting: 1×, latest 10 days ago +10']
        )
        self.assertEqual(self.lead.crm_score_grade, 'c')
        self.assertTrue(self.lead.crm_score_date)
        self.assertEqual(self.lead.probability, self.lead.automated_probability, "Odoo's probability stays its own")

    def test_breakdown_reads_in_the_language_of_its_reader(self):
        for code in ('cs_CZ', 'sk_SK'):
            self.env['res.lang']._activate_lang(code)
        self.rule_meeting.update_field_translations('name', {'cs_CZ': 'Schůzka', 'sk_SK': 'Stretnutie'})
        self.user_sales_own.lang = 'sk_SK'
        self._meeting(self.lead, days_ago=10)
        self.assertEqual(
            self.lead.crm_score_contributions, [[self.rule_meeting.id, 10, 1, 10, 10]], 'kept as data, in no language'
        )
        for user, lang, line in (
            (self.user_sales_manager, 'cs_CZ', 'Schůzka: 1×, naposledy před 10 dny +10'),
            (self.user_sales_own, 'sk_SK', 'Stretnutie: 1×, naposledy pred 10 dňami +10'),
        ):
            with self.subTest(lang=lang):
                lead = self.lead.with_user(user).with_context(lang=lang)
                self.assertEqual(lead.crm_score_breakdown, line)
        self._meeting(self.lead, days_ago=0)
        [activity] = self._call_now_activities(self.lead)
        self.assertIn('Stretnutie: 2×', activity.note, "the call-now task reads in its salesperson's language")

    def test_engagement_points_stop_at_the_cap(self):
        for days_ago in (0, 0, 1):
            self._meeting(self.lead, days_ago=days_ago)
        self.assertEqual(self.lead.crm_score, 40)

    def test_cancelled_meeting_no_longer_counts(self):
        meeting = self._meeting(self.lead, days_ago=0)
        self.assertEqual(self.lead.crm_score, 20)
        meeting.action_reopen()
        self.assertEqual(
            (self.lead.crm_score, self.lead.crm_score_grade, self.lead.crm_score_breakdown), (0, 'd', False)
        )

    def test_email_from_the_customer_scores_the_lead(self):
        self.lead.message_post(
            body='Pošlete nám prosím nabídku.',
            message_type='email',
            author_id=self.customer_contact.id,
            subtype_xmlid='mail.mt_comment',
        )
        self.assertEqual(self.lead.crm_score, 5)
        self.assertIn('E-mail from the customer: 1×', self.lead.crm_score_breakdown)

    def test_nightly_recompute_lets_old_events_fade(self):
        meeting = self._meeting(self.lead, days_ago=0)
        self.assertEqual(self.lead.crm_score, 20)
        # Twenty days on, as the cron finds it: the date is moved in SQL so that no write triggers a recompute.
        self.env.cr.execute(
            SQL('UPDATE crm_interaction SET date = date - interval %s WHERE id = %s', '20 days', meeting.id)
        )
        self.env.invalidate_all()
        self.env['crm.lead']._cron_crm_recompute_scores()
        self.assertEqual(self.lead.crm_score, 5)

    def test_recompute_button_follows_a_changed_lead(self):
        self.lead.expected_revenue = 200000
        self.assertEqual(self.lead.crm_score, 0, 'fit rules follow a changed lead at night or on demand')
        self.lead.with_user(self.user_sales_own).action_crm_recompute_score()
        self.assertEqual(self.lead.crm_score, 10)

    def test_grade_bands_come_from_the_settings(self):
        self.env['res.config.settings'].create(
            {'crm_score_grade_a': 40, 'crm_score_grade_b': 20, 'crm_score_grade_c': 5}
        ).execute()
        self._meeting(self.lead, days_ago=0)
        self.assertEqual(self.lead.crm_score_grade, 'b')
        with self.assertRaises(ValidationError):
            self.env['res.config.settings'].create(
                {'crm_score_grade_a': 10, 'crm_score_grade_b': 20, 'crm_score_grade_c': 5}
            )

    # --- rules that are wrong -------------------------------------------------------------------------------

    def test_rule_with_an_invalid_condition_is_refused(self):
        Rule = self.env['crm.lead.scoring.rule']
        count = Rule.with_context(active_test=False).search_count([])
        for domain in ("[('no_such_field', '=', 1)]", "[('expected_revenue', '>=',", "[('name', 'no_op', 1)]"):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                Rule.create({'name': 'Broken', 'rule_type': 'fit', 'points': 5, 'domain': domain})
        with self.assertRaises(ValidationError):
            self.rule_big_deal.domain = "[('partner_id.no_such_field', '=', 1)]"
        self.assertEqual(Rule.with_context(active_test=False).search_count([]), count)
        self.assertEqual(self.rule_big_deal.domain, "[('expected_revenue', '>=', 100000)]")

    def test_engagement_rule_without_its_event_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env['crm.lead.scoring.rule'].create(
                {'name': 'Some interaction', 'rule_type': 'engagement', 'event_kind': 'interaction', 'points': 5}
            )

    @mute_logger('odoo.addons.crm_lead_scoring.models.crm_lead_scoring_rule', 'odoo.sql_db')
    def test_rule_failing_at_run_time_is_skipped_and_reported_to_its_manager(self):
        self.rule_big_deal.with_user(self.user_sales_manager).points = 15
        # A field removed since the rule was saved (its module uninstalled, say): the constraint cannot see it.
        self.env.cr.execute(
            SQL(
                "UPDATE crm_lead_scoring_rule SET domain = %s WHERE id = %s",
                "[('x_removed_field', '=', 1)]",
                self.rule_big_deal.id,
            )
        )
        self.env.invalidate_all()
        self._meeting(self.lead, days_ago=0)
        self.assertEqual(self.lead.crm_score, 20, 'the other rules still score')
        self.assertIn('x_removed_field', self.rule_big_deal.last_error)
        [report] = self.rule_big_deal.activity_ids
        self.assertEqual(report.user_id, self.user_sales_manager)
        self.lead._crm_recompute_score()
        self.assertEqual(len(self.rule_big_deal.activity_ids), 1, 'the same error is reported once')

    # --- call now -------------------------------------------------------------------------------------------

    def test_call_now_once_per_crossing_with_hysteresis(self):
        first = self._meeting(self.lead, days_ago=0)
        self._meeting(self.lead, days_ago=0)
        [activity] = self._call_now_activities(self.lead)
        self.assertEqual(activity.user_id, self.user_sales_own)
        self.assertIn('Meeting: 2×, latest 0 days ago +40', activity.note)
        inbox = self.env['mail.message'].search(
            [
                ('model', '=', 'crm.lead'),
                ('res_id', '=', self.lead.id),
                ('partner_ids', 'in', self.user_sales_own.partner_id.ids),
            ]
        )
        self.assertEqual(len(inbox), 1)
        for _repeat in range(3):
            self.lead._crm_recompute_score()
            self.env['crm.lead']._cron_crm_recompute_scores()
        self.assertEqual(len(self._call_now_activities(self.lead)), 1, 'repeated recomputes tell once')

        first.action_reopen()
        self.assertEqual(self.lead.crm_score, 20)
        self._meeting(self.lead, days_ago=0)
        self.assertEqual(len(self._call_now_activities(self.lead)), 1, 'not below threshold less hysteresis yet')

        self.lead.crm_interaction_ids.filtered(lambda interaction: interaction.state == 'resolved').action_reopen()
        self.assertFalse(self.lead.crm_score_notified)
        self._meeting(self.lead, days_ago=0)
        self._meeting(self.lead, days_ago=0)
        self.assertEqual(len(self._call_now_activities(self.lead)), 2, 'a new crossing tells again')

    def test_call_now_goes_to_the_team_leader_without_salesperson(self):
        lead = self._create_lead(user_id=False)
        self._meeting(lead, days_ago=0)
        self._meeting(lead, days_ago=0)
        self.assertEqual(self._call_now_activities(lead).user_id, self.user_sales_manager)

    def test_team_threshold_replaces_the_company_one(self):
        self.team.crm_score_threshold = 60
        self._meeting(self.lead, days_ago=0)
        self._meeting(self.lead, days_ago=0)
        self.assertFalse(self._call_now_activities(self.lead))

    def test_call_now_activity_type_comes_from_the_settings(self):
        todo = self.env.ref('mail.mail_activity_data_todo')
        self.env['res.config.settings'].create({'crm_score_activity_type_id': todo.id}).execute()
        self._meeting(self.lead, days_ago=0)
        self._meeting(self.lead, days_ago=0)
        self.assertEqual(self.lead.activity_ids.activity_type_id, todo)

    # --- who may do what ------------------------------------------------------------------------------------

    def test_salesperson_reads_scores_but_not_rules_changes(self):
        self._meeting(self.lead, days_ago=0)
        lead = self.lead.with_user(self.user_sales_own)
        self.assertEqual(lead.read(['crm_score', 'crm_score_grade', 'crm_score_breakdown'])[0]['crm_score'], 20)
        rule = self.rule_meeting.with_user(self.user_sales_own)
        self.assertEqual(rule.points, 20)
        with self.assertRaises(AccessError):
            rule.points = 100
        with self.assertRaises(AccessError):
            self.env['crm.lead.scoring.rule'].with_user(self.user_sales_own).create(
                {'name': 'Mine', 'rule_type': 'fit', 'points': 100}
            )
        self.rule_meeting.with_user(self.user_sales_manager).points = 25
        self.assertEqual(self.rule_meeting.points, 25)

    def test_salesperson_cannot_recompute_a_lead_they_cannot_read(self):
        lead = self._create_lead(user_id=self.user_sales_colleague.id)
        with self.assertRaises(AccessError):
            lead.with_user(self.user_sales_own).action_crm_recompute_score()

    # --- queries --------------------------------------------------------------------------------------------

    def _leads_with_meetings(self, count):
        leads = self.env['crm.lead'].create(
            [
                {
                    'name': f'Poptávka {index}',
                    'type': 'opportunity',
                    'partner_id': self.customer_contact.id,
                    'expected_revenue': 100000 * (index % 2),
                    'user_id': self.user_sales_own.id,
                }
                for index in range(count)
            ]
        )
        self.env['crm.interaction'].create(
            [
                {
                    'subject': 'Jednání',
                    'interaction_type_id': self.type_meeting.id,
                    'partner_id': self.customer_contact.id,
                    'lead_id': lead.id,
                    'state': 'resolved',
                    'date': fields.Datetime.now() - timedelta(days=index % 20),
                }
                for index, lead in enumerate(leads)
            ]
        )
        self.env.flush_all()
        return leads

    def test_batch_recompute_costs_the_same_queries_for_5_and_50_leads(self):
        # No lead crosses the threshold here: telling a salesperson costs a message per lead.
        self.env['ir.config_parameter'].set_param('crm_extended.score_threshold', 1000)
        self.lead._crm_recompute_score()
        queries = []
        # The first batch fills the caches the later ones find warm; the two after it are compared.
        for count in (5, 5, 50):
            leads = self._leads_with_meetings(count)
            # Move every event a day back, so that each lead's score changes and is written.
            self.env.cr.execute(
                SQL(
                    'UPDATE crm_interaction SET date = date - interval %s WHERE lead_id IN %s',
                    '1 day',
                    tuple(leads.ids),
                )
            )
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with self.assertQueryCount(7):
                leads._crm_recompute_score()
            queries.append(self.env.cr.sql_log_count - before)
            self.assertEqual(leads[1].crm_score, 27, 'the big deal and a meeting two days old')
        self.assertEqual(queries[1], queries[2])

    def test_logging_one_interaction_query_count(self):
        self._meeting(self.lead, days_ago=1)
        self.env.invalidate_all()
        # One of them, with the website installed, reads the website that the message of the lead links to; one
        # reads the rules to write the call-now task's breakdown in its salesperson's language.
        with self.assertQueryCount(76):
            self._meeting(self.lead, days_ago=0)
        self.assertEqual(self.lead.crm_score, 39, 'a meeting a day old and one of today')
