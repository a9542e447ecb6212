import time
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CompanyRegisterCommon


@tagged('post_install', '-at_install')
class TestAresLookup(CompanyRegisterCommon):
    def test_czech_company_is_filled_from_ares(self):
        partner = self._company(name='Alza', company_registry='27082440', country_id=self.czechia.id)
        wizard = self._open_wizard(partner)
        lines = self._lines(wizard)
        self.assertEqual(lines['name'].current_value, 'Alza')
        self.assertEqual(lines['name'].new_value, 'Alza.cz a.s.')
        self.assertFalse(lines['name'].apply, 'a name typed differently is only replaced when chosen')
        self.assertTrue(all(line.apply for name, line in lines.items() if name != 'name'))
        lines['name'].apply = True
        wizard.action_apply()

        self.assertEqual(partner.name, 'Alza.cz a.s.')
        self.assertEqual(partner.street, 'Jankovcova 1522/53')
        self.assertEqual(partner.city, 'Praha')
        self.assertEqual(partner.zip, '170 00')
        self.assertEqual(partner.country_id, self.czechia)
        self.assertEqual(partner.vat, 'CZ27082440')
        self.assertEqual(partner.crm_legal_form, 'Akciová společnost')
        self.assertEqual(partner.crm_date_established, date(2003, 8, 26))
        self.assertFalse(partner.crm_date_dissolved)
        self.assertEqual(
            partner.industry_id,
            self.env.ref('base.res_partner_industry_G'),
            'the first CZ-NACE code that names a division (46190) gives the section',
        )
        self.assertEqual(partner.crm_address_type_id, self.env.ref('crm_extended.crm_address_type_headquarters'))
        self.assertEqual(
            [request[:2] for request in self.server.requests],
            [('GET', '/ares/ekonomicke-subjekty/27082440'), ('POST', '/adis')],
            'a Czech VAT payer filled from ARES is checked in the register of VAT payers',
        )
        self.assertEqual(partner.crm_vat_reliability, 'reliable')

    def test_values_typed_differently_stay_unless_chosen(self):
        partner = self._company(
            name='Alza.cz a.s.',
            company_registry='27082440',
            street='Dělnická 213/12',
            industry_id=self.env.ref('base.res_partner_industry_J').id,
        )
        wizard = self._open_wizard(partner)
        lines = self._lines(wizard)
        self.assertTrue(lines['name'].apply, 'an equal value is pre-ticked')
        self.assertFalse(lines['street'].apply)
        self.assertFalse(lines['industry_id'].apply)
        self.assertEqual(lines['industry_id'].current_value, 'IT/Communication')
        wizard.action_apply()
        self.assertEqual(partner.street, 'Dělnická 213/12')
        self.assertEqual(partner.industry_id, self.env.ref('base.res_partner_industry_J'))
        self.assertEqual(partner.city, 'Praha')

    def test_unknown_ico_says_the_register_does_not_know_it(self):
        partner = self._company(name='Nová firma s.r.o.', company_registry='00000019', country_id=self.czechia.id)
        with self.assertRaisesRegex(UserError, 'ARES .* has no company with the IČO 00000019'):
            self._open_wizard(partner)

    def test_dissolved_company_shows_when_it_ended(self):
        partner = self._company(name='Textilana Liberec', company_registry='25596641')
        wizard = self._open_wizard(partner)
        self.assertEqual(wizard.date_dissolved, date(2019, 3, 31))
        self.assertNotIn('vat', self._lines(wizard), 'a field the register leaves empty is not proposed')
        wizard.action_apply()
        self.assertEqual(partner.crm_date_dissolved, date(2019, 3, 31))
        self.assertEqual(partner.industry_id, self.env.ref('base.res_partner_industry_C'))

    def test_answer_that_is_not_json_is_reported(self):
        self.server.routes[('GET', '/ares/ekonomicke-subjekty/27082440')] = [(200, 'ares_maintenance.html', 0)]
        partner = self._company(name='Alza', company_registry='27082440')
        self.assertIn('gave an answer that cannot be read', self._load_unavailable(partner))

    def test_answer_without_a_name_is_reported(self):
        self.server.routes[('GET', '/ares/ekonomicke-subjekty/27082440')] = [(200, 'ares_27082440_truncated.json', 0)]
        partner = self._company(name='Alza', company_registry='27082440')
        self.assertIn('gave an answer that cannot be read', self._load_unavailable(partner))

    def test_busy_register_is_asked_again(self):
        self.server.routes[('GET', '/ares/ekonomicke-subjekty/27082440')] = [
            (503, 'ares_maintenance.html', 0),
            (200, 'ares_27082440.json', 0),
        ]
        partner = self._company(name='Alza', company_registry='27082440')
        wizard = self._open_wizard(partner)
        self.assertEqual(self._lines(wizard)['name'].new_value, 'Alza.cz a.s.')
        self.assertEqual(len(self.server.requests), 2)

    def test_register_that_stays_busy_is_reported(self):
        self.server.routes[('GET', '/ares/ekonomicke-subjekty/27082440')] = [(503, 'ares_maintenance.html', 0)]
        partner = self._company(name='Alza', company_registry='27082440')
        self.assertIn('refused the request (HTTP 503)', self._load_unavailable(partner))
        self.assertEqual(len(self.server.requests), 3, 'asked once and again twice')

    def test_unreachable_register_is_reported_and_the_contact_still_saves(self):
        self.env['ir.config_parameter'].sudo().set_param('crm_company_register.ares_url', self._unreachable_url())
        partner = self._company(name='Alza', company_registry='27082440')
        self.assertIn('cannot be reached right now', self._load_unavailable(partner))
        partner.with_user(self.salesperson).write({'city': 'Praha'})
        self.assertEqual(partner.city, 'Praha')

    def test_unreachable_register_is_titled_so(self):
        self.env['ir.config_parameter'].sudo().set_param('crm_company_register.ares_url', self._unreachable_url())
        partner = self._company(name='Alza', company_registry='27082440')
        action = partner.with_user(self.salesperson).action_crm_load_from_register()
        self.assertEqual(
            action['tag'],
            'display_notification',
            'a warning of its own, not the error dialog titled "Invalid Operation"',
        )
        self.assertEqual(action['params']['title'], 'Register unreachable')
        self.assertEqual(action['params']['type'], 'warning')

    def test_unreachable_register_leaves_nothing_behind(self):
        self.env['ir.config_parameter'].sudo().set_param('crm_company_register.ares_url', self._unreachable_url())
        partner = self._company(name='Alza', company_registry='27082440')
        self._load_unavailable(partner)
        self.assertFalse(
            self.env['crm.company.register.load'].search([('partner_id', '=', partner.id)]),
            'the wizard opened for the company is undone, as an error would undo it',
        )

    def test_ico_typed_while_the_register_is_unreachable_is_titled_so(self):
        self.env['ir.config_parameter'].sudo().set_param('crm_company_register.ares_url', self._unreachable_url())
        with Form(self.env['res.partner'].with_user(self.salesperson)) as form:
            form.company_type = 'company'
            with self.assertLogs('odoo.tests.form.onchange', 'WARNING') as warning:
                form.company_registry = '27082440'
            self.assertIn('Register unreachable', warning.output[0])
            self.assertIn('cannot be reached right now', warning.output[0])
            self.assertFalse(form.name)
            form.name = 'Alza'
        self.assertEqual(form.record.company_registry, '27082440', 'the company saves without the register')

    def test_slow_register_times_out(self):
        # Odoo's test harness raises any timeout under 10 s to 10 s, so the register sleeps past that.
        self.env['ir.config_parameter'].sudo().set_param('crm_company_register.timeout', '1')
        self.server.routes[('GET', '/ares/ekonomicke-subjekty/27082440')] = [(200, 'ares_27082440.json', 11)]
        partner = self._company(name='Alza', company_registry='27082440')
        started = time.monotonic()
        self.assertIn('cannot be reached right now', self._load_unavailable(partner))
        self.assertLess(time.monotonic() - started, 11, 'a slow register is not asked twice')

    def test_company_found_by_name_is_filled(self):
        partner = self._company(name='Alza', country_id=self.czechia.id)
        wizard = self._open_wizard(partner)
        self.assertEqual(wizard.state, 'search')
        self.assertFalse(self.server.requests, 'without an IČO nothing is asked until the salesperson searches')
        wizard.action_search()
        self.assertEqual(self.server.requests[0][2], {'obchodniJmeno': 'Alza', 'pocet': 10, 'start': 0})
        self.assertEqual(wizard.result_ids.mapped('name'), ['Alza.cz a.s.', 'Alza Media s.r.o.'])
        self.assertEqual(wizard.result_ids[0].address, 'Jankovcova 1522/53, 170 00, Praha')
        wizard.result_ids[0].action_choose()
        self.assertEqual(wizard.state, 'compare')
        self._lines(wizard)['name'].apply = True
        wizard.action_apply()
        self.assertEqual(partner.company_registry, '27082440')
        self.assertEqual(partner.name, 'Alza.cz a.s.')

    def test_name_search_needs_three_letters(self):
        partner = self._company(name='Al')
        wizard = self._open_wizard(partner)
        with self.assertRaisesRegex(UserError, 'at least three letters'):
            wizard.action_search()
        self.assertFalse(self.server.requests)
