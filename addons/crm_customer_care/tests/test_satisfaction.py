import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CrmCustomerCareCommon


@tagged('post_install', '-at_install')
class TestSatisfaction(CrmCustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.improving = cls.env['res.partner'].create({'name': 'Spokojená a.s.', 'is_company': True})
        cls.improving_contact = cls.env['res.partner'].create({'name': 'Ivo Spokojený', 'parent_id': cls.improving.id})
        for partner, day, rating in (
            (cls.customer_contact, 1, '5'),
            (cls.customer, 2, '4'),
            (cls.customer_contact, 3, '2'),
            (cls.improving_contact, 1, '2'),
            (cls.improving_contact, 2, '4'),
        ):
            cls._create_interaction(
                interaction_type_id=cls.type_satisfaction.id,
                partner_id=partner.id,
                state='resolved',
                satisfaction_rating=rating,
                date=datetime.datetime(2026, 1, day, 10, 0),
            )
        cls._create_interaction(
            interaction_type_id=cls.type_satisfaction.id,
            partner_id=cls.improving.id,
            satisfaction_rating='1',
            date=datetime.datetime(2026, 1, 5, 10, 0),
        )

    def test_contact_and_company_show_their_latest_rating(self):
        partners = (self.customer | self.customer_contact | self.improving).with_user(self.user_sales_own)
        self.assertEqual(
            partners.mapped(lambda partner: (partner.crm_satisfaction_rating, partner.crm_satisfaction_previous)),
            [(2, 4), (2, 5), (4, 2)],
            'a planned rating does not count yet',
        )

    def test_average_of_the_last_twelve_months_shows_the_trend(self):
        self._create_interaction(
            interaction_type_id=self.type_satisfaction.id,
            partner_id=self.improving.id,
            state='resolved',
            satisfaction_rating='1',
            date=datetime.datetime(2024, 6, 1, 10),
        )
        with freeze_time('2026-06-01'):
            self.assertAlmostEqual(self.improving.with_user(self.user_sales_own).crm_satisfaction_year_average, 3.0)

    def test_filter_finds_customers_whose_satisfaction_dropped(self):
        dropped = (
            self.env['res.partner']
            .with_user(self.user_sales_own)
            .search(
                [
                    ('crm_satisfaction_dropped', '=', True),
                    ('id', 'in', (self.customer | self.customer_contact | self.improving | self.improving_contact).ids),
                ]
            )
        )
        self.assertEqual(dropped, self.customer | self.customer_contact)

    def test_satisfaction_history_lists_the_rated_interactions(self):
        action = self.customer.with_user(self.user_sales_own).action_crm_satisfaction_history()
        rated = self.env['crm.interaction'].with_user(self.user_sales_own).search(action['domain'])
        self.assertEqual(sorted(rated.mapped('satisfaction_rating')), ['2', '4', '5'])

    def test_rating_given_to_another_company_does_not_count(self):
        other_company = self.env['res.company'].create({'name': 'Slovenská pobočka s.r.o.'})
        self.env['crm.interaction'].create(
            {
                'subject': 'Spokojnosť',
                'interaction_type_id': self.type_satisfaction.id,
                'partner_id': self.customer_contact.id,
                'company_id': other_company.id,
                'state': 'resolved',
                'satisfaction_rating': '5',
                'date': datetime.datetime(2026, 1, 9, 10, 0),
            }
        )
        contact = self.customer_contact.with_user(self.user_sales_own)
        self.assertEqual((contact.crm_satisfaction_rating, contact.crm_satisfaction_previous), (2, 5))
        self.assertIn(contact, contact.search([('crm_satisfaction_dropped', '=', True)]))
