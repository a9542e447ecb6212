from datetime import timedelta

from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CrmCustomerValueCommon


@tagged('post_install', '-at_install')
class TestCustomerValue(CrmCustomerValueCommon):
    """Five customers of the Czech company whose figures are known by hand, over a window of 12 months:

    ========== ============================================== ======= ===== ======= ========== =========
    customer   invoices (days ago: CZK)                       revenue class R F M   segment    days late
    ========== ============================================== ======= ===== ======= ========== =========
    Strojírny  200: 4000 paid 10 days late; 20: 60 EUR half  5000    A     5 5 5   champions  10
               paid, due 10 days ago; credit note 10: 500
    Pekárna    100: 3000, paid 5 days before its due date     3000    A     3 4 4   loyal      0
    Tiskárna   300: 1500, paid 30 days late                   1500    B     2 4 3   at risk    30
    Sklárna    400: 700 (previous window); 50: 500            500     C     4 4 2   loyal
    Pila       500: 1000 (previous window)                    0       none  1 1 1   lost
    ========== ============================================== ======= ===== ======= ========== =========

    Of the two customers of the previous window one came back: half churn, a relationship of 2 years.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env['res.partner'].create(
            [
                {'name': name, 'is_company': True}
                for name in ('Tiskárna Zlín s.r.o.', 'Sklárna Karlovy Vary a.s.', 'Pila Tatry s.r.o.')
            ]
        )
        cls.printer, cls.glassworks, cls.sawmill = partners
        # invoiced to the contact: the figures belong to its company
        old_invoice = cls._dated_invoice(cls.customer_contact, 4000.0, days_ago=200)
        cls._pay(old_invoice, payment_date=cls.today - timedelta(days=160))
        cls.euro_invoice = cls._dated_invoice(cls.customer, 60.0, days_ago=20, currency=cls.eur, due_after=10)
        cls._pay(cls.euro_invoice, amount=30.0, currency_id=cls.eur.id, payment_date=cls.today - timedelta(days=3))
        cls._dated_invoice(cls.customer, 500.0, days_ago=10, move_type='out_refund')
        cls._pay(
            cls._dated_invoice(cls.other_customer, 3000.0, days_ago=100), payment_date=cls.today - timedelta(days=75)
        )
        cls._pay(cls._dated_invoice(cls.printer, 1500.0, days_ago=300), payment_date=cls.today - timedelta(days=240))
        cls._dated_invoice(cls.glassworks, 700.0, days_ago=400)
        cls._dated_invoice(cls.glassworks, 500.0, days_ago=50)
        cls._dated_invoice(cls.sawmill, 1000.0, days_ago=500)
        cls._dated_invoice(cls.customer, 200.0, days_ago=30, company=cls.branch)
        cls.customer_values._compute_customer_values(cls.company | cls.branch)

    def _value(self, partner, company=None):
        return self.customer_values.search(
            [('partner_id', '=', partner.id), ('company_id', '=', (company or self.company).id)]
        )

    def _figures(self, partner, fnames):
        value = self._value(partner)
        return [value[fname] for fname in fnames]

    def test_abc_class_splits_net_revenue_less_credit_notes_at_80_and_95_percent(self):
        expected = {
            self.customer: (5000.0, 'a'),
            self.other_customer: (3000.0, 'a'),
            self.printer: (1500.0, 'b'),
            self.glassworks: (500.0, 'c'),
            self.sawmill: (0.0, 'none'),
        }
        for partner, figures in expected.items():
            with self.subTest(customer=partner.name):
                self.assertEqual(tuple(self._figures(partner, ['revenue', 'abc_class'])), figures)
        self.assertFalse(self._value(self.customer_contact), 'contacts count for their company')

    def test_rfm_scores_by_quintile_name_the_segment(self):
        expected = {
            self.customer: [20, 2, 5, 5, 5, 'champions'],
            self.other_customer: [100, 1, 3, 4, 4, 'loyal'],
            self.printer: [300, 1, 2, 4, 3, 'at_risk'],
            self.glassworks: [50, 1, 4, 4, 2, 'loyal'],
            self.sawmill: [500, 0, 1, 1, 1, 'lost'],
        }
        fnames = ['recency_days', 'invoice_count', 'recency_score', 'frequency_score', 'monetary_score', 'rfm_segment']
        for partner, figures in expected.items():
            with self.subTest(customer=partner.name):
                self.assertEqual(self._figures(partner, fnames), figures)

    def test_payment_discipline_counts_invoices_paid_in_full_by_their_last_payment(self):
        # the half-paid euro invoice is not paid yet: it is overdue by what is left, 30 EUR at 25 CZK, and late
        # by the 10 days since its due date
        fnames = ['paid_invoice_count', 'due_invoice_count', 'average_days_late', 'on_time_share', 'overdue_amount']
        self.assertEqual(self.euro_invoice.payment_state, 'partial')
        self.assertEqual(self._figures(self.customer, fnames), [1, 2, 10.0, 0.0, 750.0])
        self.assertEqual(self._figures(self.other_customer, fnames), [1, 1, 0.0, 100.0, 0.0])
        self.assertEqual(self._figures(self.printer, fnames), [1, 1, 30.0, 0.0, 0.0])

    def test_payment_discipline_counts_open_invoices_late_until_today(self):
        # the glassworks has paid nothing: its invoice of 50 days ago, due 30 days later, is 20 days late today
        fnames = ['paid_invoice_count', 'due_invoice_count', 'average_days_late', 'on_time_share']
        self.assertEqual(self._figures(self.glassworks, fnames), [0, 1, 20.0, 0.0])
        foundry = self.env['res.partner'].create({'name': 'Slévárna Brno s.r.o.', 'is_company': True})
        self._dated_invoice(foundry, 800.0, days_ago=95)
        self._pay(self._dated_invoice(foundry, 400.0, days_ago=60), payment_date=self.today - timedelta(days=25))
        self.customer_values._compute_customer_values(self.company)
        # open 65 days past its due date, and paid 5 days late: (65 + 5) / 2
        self.assertEqual(self._figures(foundry, fnames), [1, 2, 35.0, 0.0])

    def test_payment_discipline_is_empty_until_an_invoice_falls_due(self):
        newcomer = self.env['res.partner'].create({'name': 'Nová Firma s.r.o.', 'is_company': True})
        self._dated_invoice(newcomer, 900.0, days_ago=5)
        self.customer_values._compute_customer_values(self.company)
        value = self._value(newcomer).with_user(self.user_sales_manager)
        self.assertEqual((value.due_invoice_count, value.average_days_late), (0, 0.0))
        form = etree.fromstring(value.get_views([(False, 'form')])['views']['form']['arch'])
        self.assertEqual(
            form.xpath("//field[@name='on_time_share']/@invisible"),
            ['not due_invoice_count'],
            'no share is shown where nothing has fallen due',
        )

    def test_clv_is_yearly_revenue_times_relationship_length_from_retention(self):
        fnames = ['yearly_revenue', 'relationship_years', 'clv']
        self.assertEqual(self._figures(self.other_customer, fnames), [3000.0, 2.0, 6000.0])
        # revenue of all its invoices over the years since the first one
        yearly = 1200.0 / (400 / 365.25)
        self.assertAlmostEqual(self._figures(self.glassworks, fnames)[0], yearly, places=2)
        self.assertAlmostEqual(self._figures(self.glassworks, fnames)[2], 2 * yearly, places=2)

    def test_each_company_has_its_own_row_in_its_currency(self):
        branch_value = self._value(self.customer, self.branch)
        self.assertEqual((branch_value.revenue, branch_value.abc_class), (200.0, 'a'))
        self.assertEqual(branch_value.currency_id, self.eur)
        self.assertEqual(self._value(self.customer).currency_id, self.czk)
        czech_only = self.customer_values.with_user(self.user_salesman_czech_only)
        self.assertEqual(czech_only.search([('partner_id', '=', self.customer.id)]).company_id, self.company)

    def test_contact_and_opportunity_show_the_class_of_their_company_in_the_current_company(self):
        contact = self.customer_contact.with_user(self.user_salesman)
        self.assertEqual((contact.crm_abc_class, contact.crm_rfm_segment), ('a', 'champions'))
        self.assertEqual(contact.crm_average_days_late, 10.0)
        self.assertEqual(self.printer.with_user(self.user_salesman).crm_abc_class, 'b')
        self.assertEqual(self.opportunity.with_user(self.user_salesman).crm_abc_class, 'a')
        in_branch = (
            self.env['res.partner']
            .with_user(self.user_salesman)
            .with_context(allowed_company_ids=self.branch.ids)
            .browse(self.other_customer.id)
        )
        self.assertFalse(in_branch.crm_abc_class, 'no invoice of it in the other company')

    def test_recompute_drops_customers_without_invoices_and_follows_the_settings(self):
        self.env['res.config.settings'].create(
            {
                'crm_customer_value_window_months': 6,
                'crm_customer_value_class_a_share': 50,
                'crm_customer_value_class_b_share': 40,
            }
        ).execute()
        self.env['account.move'].search([('partner_id', '=', self.sawmill.id)]).button_draft()
        self.customer_values.with_user(self.user_sales_manager).action_compute_customer_values()
        self.assertFalse(self._value(self.sawmill))
        # in 6 months: Pekárna 3000, Strojírny 1000 (1500 less 500), Sklárna 500 of 4500, Tiskárna nothing
        self.assertEqual(self._figures(self.other_customer, ['abc_class']), ['a'])
        self.assertEqual(self._figures(self.customer, ['revenue', 'abc_class']), [1000.0, 'b'])
        self.assertEqual(self._figures(self.glassworks, ['abc_class']), ['b'])
        self.assertEqual(self._figures(self.printer, ['abc_class', 'rfm_segment']), ['none', 'lost'])

    def test_only_sales_administrators_recompute(self):
        with self.assertRaises(AccessError):
            self.customer_values.with_user(self.user_salesman).action_compute_customer_values()

    def test_window_and_shares_out_of_range_are_refused(self):
        for values in (
            {'crm_customer_value_window_months': 0},
            {'crm_customer_value_class_a_share': 90, 'crm_customer_value_class_b_share': 15},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self.env['res.config.settings'].create(values)

    def test_nightly_pass_costs_the_same_queries_for_more_customers(self):
        companies = self.company | self.branch
        self.customer_values._compute_customer_values(companies)
        with self.assertQueryCount(1):
            self.customer_values._compute_customer_values(companies)
        customers = self.env['res.partner'].create(
            [{'name': f'Zákazník {index}', 'is_company': True} for index in range(5)]
        )
        for customer in customers:
            self._dated_invoice(customer, 100.0, days_ago=15)
        self.env.flush_all()
        with self.assertQueryCount(1):
            self.customer_values._compute_customer_values(companies)
        self.assertEqual(len(self.customer_values.search([('partner_id', 'in', customers.ids)])), 5)

    def test_nightly_scheduled_action_computes_every_company(self):
        self.customer_values.sudo().search([]).unlink()
        self.env.ref('crm_customer_value.ir_cron_crm_customer_value').ir_actions_server_id.sudo().run()
        self.assertEqual(len(self.customer_values.search([('company_id', 'in', (self.company | self.branch).ids)])), 6)

    def _acquisition(self, month_date, groupby=()):
        report = self.env['crm.acquisition.report'].with_user(self.user_sales_manager)
        month = month_date.replace(day=1)
        return [
            list(figures)
            for figures in report._read_group(
                [('company_id', '=', self.company.id), ('month', '=', month)],
                list(groupby),
                ['cost:sum', 'new_customer_count:sum', 'cac:avg', 'average_clv:avg', 'clv_cac_ratio:avg'],
            )
        ]

    def test_cac_divides_the_costs_of_a_month_by_its_new_customers_next_to_their_clv(self):
        # Pekárna's first invoice, 100 days ago, is the only one of its month; its CLV is 6000
        month = self.today - timedelta(days=100)
        source = self.env['utm.source'].create({'name': 'Veletrh Amper'})
        self.env['crm.acquisition.cost'].create(
            [
                {'name': 'Veletrh', 'date': month.replace(day=15), 'amount': 4000.0, 'source_id': source.id},
                {'name': 'Obchodní cesty', 'date': month.replace(day=1), 'amount': 2000.0},
                {'name': 'Reklama', 'date': self.today, 'amount': 900.0},
            ]
        )
        self.assertEqual(self._acquisition(month), [[6000.0, 1, 6000.0, 6000.0, 1.0]])
        # a month of costs without new customers has no CAC
        self.assertEqual(self._acquisition(self.today)[0][:3], [900.0, 0, False])

    def test_cac_per_source_divides_the_costs_of_a_source_by_the_customers_it_brought(self):
        # In Pekárna's month a fair (4,000) brings Strojírny Vsetín, whose first invoice came from it; the other
        # 2,000 have no source, as Pekárna (CLV 6,000): the month's CAC is 3,000, the fair's 4,000.
        month = self.today - timedelta(days=100)
        fair = self.env['utm.source'].create({'name': 'Veletrh Amper'})
        newcomer = self.env['res.partner'].create({'name': 'Strojírny Vsetín a.s.', 'is_company': True})
        self._dated_invoice(newcomer, 800.0, days_ago=100).source_id = fair
        self.env['crm.acquisition.cost'].create(
            [
                {'name': 'Veletrh', 'date': month.replace(day=15), 'amount': 4000.0, 'source_id': fair.id},
                {'name': 'Obchodní cesty', 'date': month.replace(day=1), 'amount': 2000.0},
            ]
        )
        self.assertEqual(self._acquisition(month), [[6000.0, 2, 3000.0, 6000.0, 2.0]])
        self.assertEqual(
            self._acquisition(month, ['source_id']),
            [
                [fair, 4000.0, 1, 4000.0, False, False],
                [self.env['utm.source'], 2000.0, 1, 2000.0, 6000.0, 3.0],
            ],
        )

    def test_only_sales_administrators_enter_costs_and_see_cac(self):
        for model in ('crm.acquisition.cost', 'crm.acquisition.report'):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_salesman).search([])
        with self.assertRaises(IntegrityError), mute_logger('odoo.sql_db'), self.cr.savepoint():
            self.env['crm.acquisition.cost'].create({'name': 'Chyba', 'amount': -1.0})
            self.env.flush_all()
