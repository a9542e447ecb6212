from odoo.tests import tagged, users

from .common import CrmExtendedCommon, HistoryListPerformanceMixin


@tagged('post_install', '-at_install')
class TestHistory(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague_contact = cls.env['res.partner'].create({'name': 'Petr Malý', 'parent_id': cls.customer.id})
        cls.own_call = cls._create_interaction(subject='Hovor o nabídce')
        cls.colleague_meeting = cls._create_interaction(
            user=cls.user_sales_colleague,
            subject='Schůzka ve výrobě',
            interaction_type_id=cls.type_meeting.id,
            partner_id=cls.colleague_contact.id,
        )

    def _history(self, user, partner):
        # The entries of a contact are cached for every user alike: read them afresh as this one.
        self.env.invalidate_all()
        field = 'crm_company_history_entry_ids' if partner.is_company else 'crm_history_entry_ids'
        return partner.with_user(user)[field]

    def test_interactions_are_entries_of_their_contact_and_company(self):
        person = self._history(self.user_sales_all, self.customer_contact)
        self.assertEqual(
            person.mapped(lambda entry: (entry.kind, entry.name, entry.interaction_id)),
            [('interaction', 'Hovor o nabídce', self.own_call)],
        )
        company = self._history(self.user_sales_all, self.customer)
        self.assertEqual(set(company.mapped('name')), {'Hovor o nabídce', 'Schůzka ve výrobě'})
        self.assertEqual(company.commercial_partner_id, self.customer)

    def test_entries_follow_the_interaction_they_show(self):
        self.own_call.subject = 'Hovor o nové nabídce'
        self.env.flush_all()
        self.env.invalidate_all()
        entry = self._history(self.user_sales_all, self.customer_contact)
        self.assertEqual(
            (entry.name, entry.interaction_type_id, entry.user_id),
            ('Hovor o nové nabídce', self.type_phone_call, self.user_sales_own),
        )

    def test_salesperson_sees_the_entries_of_the_interactions_they_may_read(self):
        self.assertEqual(self._history(self.user_sales_own, self.customer).interaction_id, self.own_call)
        self.assertEqual(self._history(self.user_sales_colleague, self.customer).interaction_id, self.colleague_meeting)
        self.assertEqual(len(self._history(self.user_sales_manager, self.customer)), 2)

    def test_entries_of_another_company_are_hidden(self):
        other_company = self.env['res.company'].create({'name': 'Jiná firma s.r.o.'})
        self._create_interaction(user=self.env.user, subject='Cizí hovor', company_id=other_company.id)
        self.assertEqual(
            self._history(self.user_sales_manager, self.customer_contact).mapped('name'), ['Hovor o nabídce']
        )

    def test_portal_and_internal_users_cannot_read_the_history(self):
        for user in (self.user_portal, self.user_internal):
            with self.subTest(user=user.login):
                self.assertFalse(self.env['crm.history.entry'].with_user(user).has_access('read'))

    def test_entry_opens_its_interaction(self):
        entry = self._history(self.user_sales_own, self.customer_contact)
        action = entry.action_open_interaction()
        self.assertEqual((action['res_model'], action['res_id']), ('crm.interaction', self.own_call.id))

    def test_history_ids_are_unique_and_stable(self):
        entries = self.env['crm.history.entry'].search([])
        self.assertEqual(len(entries.ids), len(set(entries.ids)))
        self.assertEqual(self.env['crm.history.entry'].search([]).ids, entries.ids)


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestHistoryPerformance(HistoryListPerformanceMixin, CrmExtendedCommon):
    def _create_entries(self, count):
        self.env['crm.interaction'].sudo().create(
            [
                {
                    'subject': f'Perf history {index}',
                    'interaction_type_id': (self.type_phone_call, self.type_meeting, self.type_email)[index % 3].id,
                    'partner_id': self.customer_contact.id,
                    'user_id': (self.user_sales_all | self.user_sales_own)[index % 2].id,
                }
                for index in range(count)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()

    @users('crm_sales_all', 'crm_sales_own')
    def test_history_list_query_count_is_flat_as_data_grows(self):
        self._assert_history_list_is_flat(400, crm_sales_all=7, crm_sales_own=8)
