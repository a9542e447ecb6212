from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.crm_extended_mass_mailing.tests.common import CrmMailingCommon


@tagged('post_install', '-at_install')
class TestMailingScoring(CrmMailingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opened_rule = cls.env.ref('crm_lead_scoring_mass_mailing.crm_lead_scoring_rule_mailing_opened')
        cls.clicked_rule = cls.env.ref('crm_lead_scoring_mass_mailing.crm_lead_scoring_rule_mailing_clicked')
        cls.document_rule = cls.env.ref('crm_lead_scoring_mass_mailing.crm_lead_scoring_rule_document_downloaded')
        (
            cls.env['crm.lead.scoring.rule'].search([]) - cls.opened_rule - cls.clicked_rule - cls.document_rule
        ).active = False
        cls.lead = cls.env['crm.lead'].create(
            {
                'name': 'Nová varna',
                'type': 'opportunity',
                'partner_id': cls.customer_contact.id,
                'user_id': cls.user_sales_own.id,
            }
        )
        cls.lead._crm_recompute_score()
        cls.price_list = cls.env['link.tracker'].create(
            {'url': 'https://www.example.com/cenik-2026.pdf', 'title': 'Ceník 2026', 'mass_mailing_id': cls.mailing.id}
        )
        cls.reference_page = cls.env['link.tracker'].create(
            {'url': 'https://www.example.com/reference', 'title': 'Reference', 'mass_mailing_id': cls.mailing.id}
        )

    def _click(self, trace, link):
        self.env['link.tracker.click'].sudo().add_click(
            link.code, ip='192.0.2.10', country_code='CZ', mailing_trace_id=trace.id
        )

    def test_opening_a_mailing_scores_the_lead_at_once(self):
        trace = self._trace(self.customer_contact)
        self.assertEqual(self.lead.crm_score, 0)
        trace.set_opened()
        self.assertEqual(self.lead.crm_score, 3)
        self.assertEqual(self.lead.crm_score_breakdown, 'Mailing opened: 1×, latest 0 days ago +3')

    def test_clicking_a_document_link_counts_as_opened_clicked_and_downloaded(self):
        trace = self._trace(self.customer_contact)
        self._click(trace, self.price_list)
        self.assertEqual(self.lead.crm_score, 3 + 8 + 15)
        self.assertEqual(
            self.lead.crm_score_breakdown.splitlines()[0], 'Price list downloaded: 1×, latest 0 days ago +15'
        )

    def test_a_click_on_another_link_is_no_download(self):
        trace = self._trace(self.customer_contact)
        self._click(trace, self.reference_page)
        self.assertEqual(self.lead.crm_score, 3 + 8)

    def test_mailings_to_the_lead_and_to_a_list_contact_with_its_address_count(self):
        self.lead.email_from = 'nakup@pivovar-hodonin.example.com'
        list_contact = self.env['mailing.contact'].create({'email': 'nakup@pivovar-hodonin.example.com'})
        self._trace(self.lead, email='nakup@pivovar-hodonin.example.com').set_opened()
        self._trace(list_contact, email='nakup@pivovar-hodonin.example.com').set_opened()
        self.assertEqual(self.lead.crm_score, 6)

    def test_mailings_of_other_people_and_test_mailings_do_not_count(self):
        stranger = self.env['res.partner'].create({'name': 'Karel Cizí', 'email': 'karel@jinde.example.com'})
        self._trace(stranger, email='karel@jinde.example.com').set_opened()
        self._trace(self.customer_contact, is_test_trace=True).set_opened()
        self.assertEqual(self.lead.crm_score, 0)

    def test_opened_points_stop_at_the_cap(self):
        for _index in range(6):
            self._trace(self.customer_contact).set_opened()
        self.assertEqual(self.lead.crm_score, 12)

    def test_rescoring_a_batch_of_traces_is_one_score_run(self):
        traces = self.env['mailing.trace'].concat(*(self._trace(self.customer_contact) for _index in range(5)))
        self.env.flush_all()
        traces.set_opened()
        self.env.flush_all()
        with self.assertQueryCount(8):
            traces.write({'links_click_datetime': fields.Datetime.now()})
            self.env.flush_all()
        self.assertEqual(self.lead.crm_score, 12 + 24)

    def test_a_document_rule_without_a_link_is_refused(self):
        with self.assertRaises(ValidationError):
            self.document_rule.document_link = ' '

    def test_salesperson_sees_the_mailing_points_of_their_lead(self):
        self._trace(self.customer_contact).set_opened()
        lead = self.lead.with_user(self.user_sales_own)
        self.assertEqual((lead.crm_score, lead.crm_score_breakdown), (3, 'Mailing opened: 1×, latest 0 days ago +3'))
