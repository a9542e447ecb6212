from datetime import date

from odoo.tests import tagged

from .common import CompanyRegisterCommon


@tagged('post_install', '-at_install')
class TestRegisterWatch(CompanyRegisterCommon):
    """The nightly check: what the registers changed since the last check is posted once, on the company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alza = cls._filled_company(
            '27082440', 'Alza.cz a.s.', street='Jankovcova 1522/53', city='Praha', zip='170 00', vat='CZ27082440'
        )
        cls.textilana = cls._filled_company('25596641', 'Textilana Liberec a.s.', city='Liberec')
        cls.slovak = cls._filled_company('31333532', 'Slovnaft, a.s.', country_id=cls.slovakia.id)

    @classmethod
    def _filled_company(cls, ico, name, **values):
        return cls.env['res.partner'].create(
            {
                'is_company': True,
                'name': name,
                'company_registry': ico,
                'country_id': cls.czechia.id,
                'user_id': cls.salesperson.id,
                **values,
            }
        )

    def setUp(self):
        super().setUp()
        self.server.routes[('POST', '/ares/ekonomicke-subjekty/vyhledat')] = [(200, 'ares_batch_unchanged.json', 0)]
        self.companies = self.alza | self.textilana | self.slovak

    def _recheck(self, ares_answer, adis_answer='adis_27082440_reliable.xml'):
        self.server.routes[('POST', '/ares/ekonomicke-subjekty/vyhledat')] = [(200, ares_answer, 0)]
        self.server.routes[('POST', '/adis')] = [(200, adis_answer, 0)]
        self.companies._crm_register_recheck()

    def _last_report(self, partner):
        return partner.message_ids.filtered(lambda message: 'registers report changes' in (message.body or ''))[:1]

    def test_first_check_reports_what_differs_from_the_company(self):
        self._recheck('ares_batch_unchanged.json')
        self.assertFalse(self._last_report(self.alza), 'the company holds what ARES says')
        report = self._last_report(self.textilana)
        self.assertIn('Dissolved On', report.body)
        self.assertEqual(self.textilana.crm_date_dissolved, date(2019, 3, 31), "the register's facts are stored")
        self.assertTrue(self.textilana.activity_ids, 'a dissolved company is a change that matters')
        self.assertEqual(self.textilana.activity_ids.user_id, self.salesperson)

    def test_a_change_is_reported_once_with_old_and_new_values(self):
        self._recheck('ares_batch_unchanged.json')
        self._recheck('ares_batch_changes.json')
        report = self._last_report(self.alza)
        self.assertIn('Jankovcova 1522/53 → Jankovcova 1595/14', report.body)
        self.assertIn('Load from register', report.body)
        self.assertEqual(self.alza.street, 'Jankovcova 1522/53', 'the address is reported, not overwritten')
        self.assertTrue(self.alza.crm_in_insolvency)
        self.assertEqual(len(self.alza.activity_ids), 1, 'insolvency is a change that matters')
        self._recheck('ares_batch_changes.json')
        self.assertEqual(
            len(self.alza.message_ids.filtered(lambda m: 'registers report changes' in (m.body or ''))),
            1,
            'the same answer the next night reports nothing again',
        )

    def test_becoming_unreliable_is_reported_with_an_activity(self):
        self._recheck('ares_batch_unchanged.json')
        self.alza.vat = 'CZ28164059'
        self._recheck('ares_batch_unchanged.json', 'adis_batch_unreliable.xml')
        report = self._last_report(self.alza)
        self.assertIn('Reliable VAT Payer → Unreliable VAT Payer', report.body)
        self.assertEqual(self.alza.activity_ids.user_id, self.salesperson)

    def test_slovak_company_is_checked_in_rpo(self):
        self._recheck('ares_batch_unchanged.json')
        self.assertTrue(self.slovak.crm_register_checked_on)
        self.assertIn(('GET', '/rpo/search?identifier=31333532', None), self.server.requests)

    def test_register_that_is_down_leaves_the_companies_for_the_next_night(self):
        self.server.routes[('POST', '/ares/ekonomicke-subjekty/vyhledat')] = [(503, 'ares_maintenance.html', 0)]
        self.server.routes[('GET', '/rpo/search?identifier=31333532')] = [(200, 'ares_maintenance.html', 0)]
        self.server.routes[('POST', '/adis')] = [(200, 'adis_maintenance.xml', 0)]
        with self.assertLogs('odoo.addons.crm_company_register', 'WARNING'):
            self.companies._crm_register_recheck()
        self.assertFalse(any(self.companies.mapped('crm_register_checked_on')))
        self.assertFalse(self.alza.crm_vat_checked_on)

    def test_nightly_run_checks_customers_of_companies_that_want_it(self):
        other_company = self.env['res.company'].create(
            {'name': 'Bez kontroly s.r.o.', 'crm_register_nightly_check': False}
        )
        unwatched = self._filled_company('27082440', 'Alza (jiná firma)', company_id=other_company.id)
        if 'customer_rank' in unwatched._fields:
            # With the books at hand only customers and suppliers are followed: these are customers.
            (self.companies | unwatched).customer_rank = 1
        due = self.env['res.partner'].search(self.env['res.partner']._crm_register_watch_domain())
        self.assertIn(self.alza, due)
        self.assertIn(self.slovak, due)
        self.assertNotIn(unwatched, due, 'a company that switched the check off keeps its contacts out of it')

    def test_batch_costs_the_same_queries_for_more_companies(self):
        few = self.alza | self.textilana
        many = few | self._filled_company('27082440', 'Alza.cz (sklad)') | self._filled_company('25596641', 'Textilana')
        self.server.routes[('POST', '/ares/ekonomicke-subjekty/vyhledat')] = [(200, 'ares_batch_unchanged.json', 0)]
        many._crm_register_recheck()
        # Nothing changed since: the registers asked, the answers compared, the check stamped.
        self._queries(few, '_crm_register_recheck')
        queries = self._queries(few, '_crm_register_recheck')
        self.assertEqual(self._queries(many, '_crm_register_recheck'), queries)
        self.assertLessEqual(queries, 20)
