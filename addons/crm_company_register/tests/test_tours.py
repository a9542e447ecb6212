from odoo.tests import new_test_user, tagged

from odoo.addons.crm_extended.tests.test_tours import BrowserTourCase

from .common import serve_recorded_registers


@tagged('post_install', '-at_install')
class TestTours(BrowserTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.salesperson = new_test_user(
            cls.env, 'register_tour_sales', name='Jana Dvořáková', groups='sales_team.group_sale_salesman'
        )
        cls.server = serve_recorded_registers(cls)
        cls.company = cls.env['res.partner'].create(
            {'name': 'Alza', 'is_company': True, 'country_id': cls.env.ref('base.cz').id}
        )

    def test_salesperson_fills_a_company_from_ares_in_three_actions(self):
        self.start_tour(
            f'/odoo/contacts/{self.company.id}', 'crm_company_register_fill_from_ares', login=self.salesperson.login
        )
        self.assertEqual(self.company.street, 'Jankovcova 1522/53')
        self.assertEqual(self.company.vat, 'CZ27082440')
        self.assertEqual(self.company.crm_vat_reliability, 'reliable')
        self.assertEqual(self.company.name, 'Alza', 'the name typed differently stays unless chosen')

    def test_salesperson_fills_a_new_company_from_its_ico_alone(self):
        self.start_tour(
            '/odoo/contacts/new', 'crm_company_register_fill_new_company_from_ico', login=self.salesperson.login
        )
        company = self.env['res.partner'].search([('company_registry', '=', '27082440')])
        self.assertEqual(company.name, 'Alza.cz a.s.')
        self.assertEqual(company.street, 'Jankovcova 1522/53')
        self.assertEqual(company.city, 'Praha')
        self.assertEqual(company.create_uid, self.salesperson)
