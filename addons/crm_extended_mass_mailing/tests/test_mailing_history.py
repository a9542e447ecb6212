from odoo.tests import new_test_user, tagged, users

from odoo.addons.crm_extended.tests.common import HistoryListPerformanceMixin

from .common import CrmMailingCommon


@tagged('post_install', '-at_install')
class TestMailingHistory(CrmMailingCommon):
    def _kinds(self, partner, user=None):
        # The entries of a contact are cached for every user alike: read them afresh as this one.
        self.env.invalidate_all()
        partner = partner.with_user(user or self.user_sales_own)
        entries = partner.crm_company_history_entry_ids if partner.is_company else partner.crm_history_entry_ids
        return [(entry.kind, entry.name) for entry in entries]

    def test_mailing_received_opened_and_clicked_is_in_the_history(self):
        trace = self._trace(self.customer_contact)
        self.assertEqual(self._kinds(self.customer_contact), [('mailing_sent', 'Jarní novinky pivovarské techniky')])
        trace.set_opened()
        self.env.invalidate_all()
        self.assertEqual(self._kinds(self.customer_contact)[0][0], 'mailing_opened')
        trace.set_clicked()
        self.env.invalidate_all()
        self.assertEqual(self._kinds(self.customer_contact)[0][0], 'mailing_clicked')
        self.assertEqual(self._kinds(self.customer), [('mailing_clicked', 'Jarní novinky pivovarské techniky')])

    def test_bounced_mailing_is_in_the_history(self):
        self._trace(self.customer_contact, trace_status='bounce', failure_type='mail_bounce')
        self.assertEqual(self._kinds(self.customer_contact)[0][0], 'mailing_bounced')

    def test_mailing_to_a_list_contact_belongs_to_the_contact_with_that_address(self):
        list_contact = self.env['mailing.contact'].create(
            {'name': 'Jana N.', 'email': 'jana.novakova@pivovar-hodonin.example.com'}
        )
        self._trace(list_contact, trace_status='open')
        self.assertEqual(self._kinds(self.customer_contact)[0][0], 'mailing_opened')

    def test_mailing_to_an_opportunity_belongs_to_its_customer(self):
        lead = self.env['crm.lead'].create({'name': 'Varna 2027', 'partner_id': self.customer_contact.id})
        self._trace(lead, email='nakup@pivovar-hodonin.example.com')
        self.assertEqual(self._kinds(self.customer_contact)[0][0], 'mailing_sent')

    def test_queued_failed_and_test_mailings_are_not_in_the_history(self):
        self._trace(self.customer_contact, trace_status='outgoing')
        self._trace(self.customer_contact, trace_status='error', failure_type='mail_smtp')
        self._trace(self.customer_contact, trace_status='cancel')
        self._trace(self.customer_contact, is_test_trace=True)
        self.assertEqual(self._kinds(self.customer_contact), [])

    def test_a_trace_is_one_entry_even_when_contacts_share_the_address(self):
        twin = self.env['res.partner'].create(
            {'name': 'Jana Nováková (faktury)', 'email': 'jana.novakova@pivovar-hodonin.example.com'}
        )
        list_contact = self.env['mailing.contact'].create({'email': 'jana.novakova@pivovar-hodonin.example.com'})
        self._trace(list_contact)
        first, second = sorted((self.customer_contact, twin), key=lambda partner: partner.id)
        self.assertEqual(len(self._kinds(first)), 1)
        self.assertEqual(self._kinds(second), [])

    def test_salesperson_without_mailing_rights_sees_the_mailings_in_the_history(self):
        self._trace(self.customer_contact, trace_status='open')
        self.assertFalse(self.env['mailing.trace'].with_user(self.user_sales_own).has_access('read'))
        self.assertEqual(self._kinds(self.customer_contact, self.user_sales_own)[0][0], 'mailing_opened')

    def test_interactions_and_mailings_share_the_history_newest_first(self):
        self._create_interaction(subject='Hovor po newsletteru', date='2026-01-10 10:00:00')
        self._trace(self.customer_contact, sent_datetime='2026-01-05 08:00:00')
        self.assertEqual(
            [kind for kind, _name in self._kinds(self.customer_contact, self.user_sales_all)],
            ['interaction', 'mailing_sent'],
        )


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestMailingHistoryPerformance(HistoryListPerformanceMixin, CrmMailingCommon):
    def _create_entries(self, count):
        contacts = (
            self.env['res.partner']
            .sudo()
            .create(
                [
                    {
                        'name': f'Perf Contact {index}',
                        'parent_id': self.customer.id,
                        'email': f'perf.{index}@pivovar-hodonin.example.com',
                    }
                    for index in range(10)
                ]
            )
        )
        list_contacts = self.env['mailing.contact'].sudo().create([{'email': contact.email} for contact in contacts])
        for index in range(count):
            self._trace(
                (contacts, list_contacts)[index % 2][index % 10],
                email=contacts[index % 10].email_normalized,
                trace_status=('sent', 'open')[index % 2],
            )
        self.env.flush_all()
        self.env.invalidate_all()

    @users('crm_sales_own')
    def test_history_list_with_mailings_query_count_is_flat_as_data_grows(self):
        self._assert_history_list_is_flat(300, crm_sales_own=6)


@tagged('post_install', '-at_install')
class TestMailingHistoryCompanies(CrmMailingCommon):
    """A mailing sent by a colleague of the other company is in the timeline of that company's salespeople only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env['res.company'].create({'name': 'Pivotechna Slovensko s.r.o.'})
        cls.other_marketer = new_test_user(
            cls.env,
            'crm_marketer_sk',
            groups='mass_mailing.group_mass_mailing_user',
            company_id=cls.other_company.id,
            company_ids=[cls.other_company.id],
        )
        cls.user_sales_both = new_test_user(
            cls.env,
            'crm_sales_both',
            groups='sales_team.group_sale_salesman_all_leads',
            company_ids=[cls.company.id, cls.other_company.id],
        )

    def _entries(self, user, companies):
        self.env.invalidate_all()
        partner = self.customer_contact.with_user(user).with_context(allowed_company_ids=companies.ids)
        return partner.crm_history_entry_ids.mapped('company_id')

    def test_mailing_entries_carry_the_company_of_their_responsible(self):
        self.mailing.user_id = self.other_marketer
        self._trace(self.customer_contact)
        self.assertEqual(self._entries(self.user_sales_both, self.company | self.other_company), self.other_company)
        self.assertFalse(self._entries(self.user_sales_both, self.company))
        self.assertFalse(self._entries(self.user_sales_all, self.company))

    def test_mailing_of_this_company_stays_in_its_timeline(self):
        self.mailing.user_id = self.user_sales_all
        self._trace(self.customer_contact)
        self.assertEqual(self._entries(self.user_sales_all, self.company), self.company)
