import uuid
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


class WebsiteScoringCommon(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The presets are the manager's to tune; the tests score with a rule of their own.
        cls.env['crm.lead.scoring.rule'].search([]).active = False
        cls.env['ir.config_parameter'].set_param('crm_extended.score_threshold', 1000)
        cls.rule_pricing = cls.env['crm.lead.scoring.rule'].create(
            {
                'name': 'Pricing page',
                'rule_type': 'engagement',
                'event_kind': 'website_visit',
                'url_pattern': '/cenik|/pricing',
                'points': 10,
                'cap': 30,
                'half_life_days': 10,
            }
        )
        cls.lead = cls.env['crm.lead'].create(
            {
                'name': 'Dodávka lisovacích nástrojů',
                'type': 'opportunity',
                'partner_id': cls.customer_contact.id,
                'user_id': cls.user_sales_own.id,
            }
        )
        cls.website = cls.env.ref('website.default_website')
        cls.visitor = cls._create_visitor(lead_ids=[(4, cls.lead.id)])

    @classmethod
    def _create_visitor(cls, **values):
        # Outside a web request a visitor needs the token its browser cookie would give it.
        return cls.env['website.visitor'].create(
            {'access_token': uuid.uuid4().hex, 'website_id': cls.website.id, **values}
        )

    def _visit(self, url, days_ago=0, visitor=None):
        return (
            self.env['website.track']
            .sudo()
            .create(
                {
                    'visitor_id': (visitor or self.visitor).id,
                    'url': url,
                    'visit_datetime': fields.Datetime.now() - timedelta(days=days_ago),
                }
            )
        )


@tagged('post_install', '-at_install')
class TestWebsiteScoring(WebsiteScoringCommon):
    def test_visits_of_the_pricing_page_score_the_lead_of_the_visitor_with_decay(self):
        self._visit('https://www.lisy-prostejov.cz/cenik', days_ago=10)
        self.assertEqual(self.lead.crm_score, 5, 'a visit one half-life old counts half of 10')
        self._visit('https://www.lisy-prostejov.cz/blog/novinky')
        self._visit('https://www.lisy-prostejov.cz/en/PRICING?utm_source=newsletter')
        self.assertEqual(self.lead.crm_score, 15, 'the blog is no pricing page; the pattern ignores case')
        self.assertEqual(self.lead.crm_score_breakdown, 'Pricing page: 2×, latest 0 days ago +15')

    def test_visits_stop_at_the_cap_and_count_for_every_lead_of_the_visitor(self):
        other_lead = self.env['crm.lead'].create({'name': 'Náhradní díly', 'partner_id': self.customer_contact.id})
        self.visitor.lead_ids = [(4, other_lead.id)]
        for _visit in range(4):
            self._visit('/cenik')
        self.assertEqual((self.lead.crm_score, other_lead.crm_score), (30, 30))

    def test_visits_of_another_visitor_do_not_count(self):
        self._visit('/cenik', visitor=self._create_visitor())
        self.assertEqual(self.lead.crm_score, 0)

    def test_nightly_recompute_lets_old_visits_fade(self):
        track = self._visit('/cenik')
        self.assertEqual(self.lead.crm_score, 10)
        self.env.cr.execute(
            SQL("UPDATE website_track SET visit_datetime = visit_datetime - interval '10 days' WHERE id = %s", track.id)
        )
        self.env['crm.lead']._cron_crm_recompute_scores()
        self.assertEqual(self.lead.crm_score, 5, 'one half-life old: half of 10')

    def test_lead_sent_with_its_visitor_is_scored_for_earlier_visits(self):
        visitor = self._create_visitor()
        self._visit('/pricing', days_ago=0, visitor=visitor)
        lead = self.env['crm.lead'].create({'name': 'Poptávka z webu', 'visitor_ids': [(6, 0, visitor.ids)]})
        self.assertEqual(lead.crm_score, 10)
        lead.visitor_ids = [(5, 0, 0)]
        self.assertEqual(lead.crm_score, 0)

    def test_merging_leads_carries_the_visits_to_the_lead_kept(self):
        self._visit('/cenik')
        duplicate = self.env['crm.lead'].create(
            {
                'name': 'Dodávka lisovacích nástrojů (z webu)',
                'type': 'opportunity',
                'partner_id': self.customer_contact.id,
            }
        )
        kept = (duplicate | self.lead).merge_opportunity(auto_unlink=False)
        self.assertEqual((kept.visitor_ids, kept.crm_score), (self.visitor, 10))

    def test_merging_leads_without_visitors_runs_no_score(self):
        leads = self.env['crm.lead'].create(
            [
                {'name': f'Poptávka {index}', 'type': 'opportunity', 'partner_id': self.customer_contact.id}
                for index in range(2)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        # The visitors are read and none is written; a score run would cost about ten more.
        with self.assertQueryCount(2):
            leads.write({'visitor_ids': [(6, 0, [])]})
            self.env.flush_all()

    def test_invalid_url_pattern_is_refused_on_save(self):
        with self.assertRaisesRegex(ValidationError, 'is not a valid regular expression'):
            self.rule_pricing.url_pattern = '/cenik(.*'
        with self.assertRaisesRegex(ValidationError, 'enter the pattern of their address'):
            self.env['crm.lead.scoring.rule'].create(
                {'name': 'Any page', 'rule_type': 'engagement', 'event_kind': 'website_visit', 'points': 1}
            )

    def test_invalid_pattern_error_is_translated(self):
        self.env['res.lang']._activate_lang('cs_CZ')
        with self.assertRaisesRegex(ValidationError, 'není platný regulární výraz'):
            self.rule_pricing.with_context(lang='cs_CZ').url_pattern = '[cenik'

    def test_page_view_of_a_rule_written_around_the_check_does_not_fail(self):
        self.env.cr.execute(
            SQL("UPDATE crm_lead_scoring_rule SET url_pattern = '(' WHERE id = %s", self.rule_pricing.id)
        )
        self.rule_pricing.invalidate_recordset(['url_pattern'])
        track = self._visit('/cenik')
        self.assertTrue(track.exists())
        self.assertEqual(self.lead.crm_score, 0)

    def test_salesperson_sees_the_website_points_of_their_lead_and_cannot_change_the_rule(self):
        self._visit('/cenik', days_ago=0)
        lead = self.lead.with_user(self.user_sales_own)
        lead.action_crm_recompute_score()
        self.assertEqual((lead.crm_score, lead.crm_score_breakdown), (10, 'Pricing page: 1×, latest 0 days ago +10'))
        with self.assertRaises(AccessError):
            self.rule_pricing.with_user(self.user_sales_own).url_pattern = '/.*'

    def test_tracking_a_visit_query_count(self):
        # Odoo's path for a track through the ORM: the visitor adds it (4 queries), then one query finds the
        # lead a rule counts the page for (3 with its savepoint) and the lead is rescored (10).
        visitor = self.visitor.sudo()
        visitor._add_tracking([('url', '=', '/cenik?v=0')], {'url': '/cenik?v=0'})
        self.env.invalidate_all()
        with self.assertQueryCount(17):
            visitor._add_tracking([('url', '=', '/cenik?v=1')], {'url': '/cenik?v=1'})
        self.assertEqual(self.lead.crm_score, 20)

    def test_tracking_a_visit_of_a_visitor_without_lead_costs_only_the_lookup(self):
        # The 4 queries of the track and the lookup of the leads to rescore, in its savepoint: nothing to rescore.
        visitor = self._create_visitor().sudo()
        visitor._add_tracking([('url', '=', '/cenik?v=0')], {'url': '/cenik?v=0'})
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            visitor._add_tracking([('url', '=', '/cenik?v=1')], {'url': '/cenik?v=1'})


@tagged('post_install', '-at_install')
class TestWebsitePageView(HttpCase, WebsiteScoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Page views are tracked on the read-write cursor a tracked page is served with outside of tests.
        cls.set_registry_readonly_mode(False)

    def test_page_view_on_the_website_rescores_the_lead_of_its_visitor(self):
        pricing_view = self.env['ir.ui.view'].create(
            {
                'name': 'Ceník',
                'type': 'qweb',
                'key': 'crm_lead_scoring_website.test_pricing_page',
                'track': True,
                'arch': '''<t t-name="crm_lead_scoring_website.test_pricing_page">
                        <t t-call="website.layout">Ceník servisních smluv</t>
                    </t>''',
            }
        )
        self.env['website.page'].create({'view_id': pricing_view.id, 'url': '/cenik', 'website_published': True})
        portal_user = new_test_user(
            self.env, 'crm_website_buyer', groups='base.group_portal', password='crm_website_buyer_password'
        )
        # A logged-in customer's visitor is known by their partner; the lead came from them earlier.
        self._create_visitor(access_token=str(portal_user.partner_id.id), lead_ids=[(4, self.lead.id)])
        self.authenticate('crm_website_buyer', 'crm_website_buyer_password')
        response = self.url_open('/cenik')
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(self.lead.visitor_ids.website_track_ids.mapped('url'), [response.url])
        self.assertEqual(self.lead.crm_score, 10)
        self.assertEqual(self.lead.crm_score_breakdown, 'Pricing page: 1×, latest 0 days ago +10')
