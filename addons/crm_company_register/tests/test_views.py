from lxml import etree

from odoo.tests import Form, tagged

from .common import CompanyRegisterCommon


@tagged('post_install', '-at_install')
class TestViews(CompanyRegisterCommon):
    def test_company_form_offers_load_from_register_to_salespeople(self):
        partners = self.env['res.partner'].with_user(self.salesperson)
        arch = etree.fromstring(partners.get_views([(False, 'form')])['views']['form']['arch'])
        [button] = arch.xpath("//button[@name='action_crm_load_from_register']")
        self.assertEqual(button.getparent().get('invisible'), 'parent_id or not is_company')
        self.assertTrue(arch.xpath("//div[@name='warning_dissolved']"))

    def test_salesperson_fills_a_company_in_three_actions(self):
        # Type the IČO, click "Load from register", click "Fill the company".
        with Form(self.env['res.partner'].with_user(self.salesperson)) as form:
            form.company_type = 'company'
            form.name = 'Alza'
            with self.assertLogs('odoo.tests.form.onchange', 'WARNING') as hint:
                form.company_registry = '27082440'
        self.assertIn('Load from register', hint.output[0])
        partner = form.record
        wizard_form = Form(self._open_wizard(partner))
        self.assertEqual(wizard_form.state, 'compare')
        wizard_form.save().action_apply()
        self.assertEqual(partner.city, 'Praha')
        self.assertEqual(partner.vat, 'CZ27082440')
        self.assertEqual(partner.name, 'Alza', 'the typed name stays unless chosen')

    def test_new_company_typed_by_its_ico_alone_is_named_by_the_register(self):
        # "Load from register" saves the company first, which needs its name.
        with Form(self.env['res.partner'].with_user(self.salesperson)) as form:
            form.company_type = 'company'
            with self.assertLogs('odoo.tests.form.onchange', 'WARNING') as hint:
                form.company_registry = '27082440'
            self.assertEqual(form.name, 'Alza.cz a.s.')
        self.assertIn('Load from register', hint.output[0])
        self.assertEqual(self.server.requests[0][:2], ('GET', '/ares/ekonomicke-subjekty/27082440'))

    def test_typed_name_is_left_for_the_wizard_to_compare(self):
        with Form(self.env['res.partner'].with_user(self.salesperson)) as form:
            form.company_type = 'company'
            form.name = 'Alza'
            with self.assertLogs('odoo.tests.form.onchange', 'WARNING'):
                form.company_registry = '27082440'
            self.assertEqual(form.name, 'Alza')
        self.assertFalse(self.server.requests, 'the register is asked when the salesperson loads from it')

    def test_ico_the_register_does_not_know_says_so_while_typed(self):
        with Form(self.env['res.partner'].with_user(self.salesperson)) as form:
            form.company_type = 'company'
            with self.assertLogs('odoo.tests.form.onchange', 'WARNING') as hint:
                form.company_registry = '00000019'
            self.assertFalse(form.name)
            form.name = 'Nová firma s.r.o.'
        self.assertIn('has no company with the IČO 00000019', hint.output[0])
