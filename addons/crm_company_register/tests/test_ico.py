from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import CompanyRegisterCommon


@tagged('post_install', '-at_install')
class TestIco(CompanyRegisterCommon):
    def test_czech_and_slovak_icos_pass_the_checksum(self):
        register = self.env['crm.company.register']
        for ico in ('27082440', '25596641', '31333532', '00006947'):
            with self.subTest(ico=ico):
                self.assertTrue(register._is_valid_ico(ico))

    def test_wrong_check_digit_is_refused_before_any_request(self):
        partner = self._company(name='Překlep s.r.o.', company_registry='27082441', country_id=self.czechia.id)
        with self.assertRaisesRegex(ValidationError, '"27082441" is not a valid IČO'):
            self._open_wizard(partner)
        self.assertFalse(self.server.requests)

    def test_letters_are_refused_before_any_request(self):
        with self.assertRaises(ValidationError):
            self.env['crm.company.register'].with_user(self.salesperson)._lookup('2708244A', 'ares')
        self.assertFalse(self.server.requests)

    def test_ico_typed_with_spaces_is_stored_as_the_register_prints_it(self):
        partner = self._company(name='Alza.cz a.s.', company_registry='270 82 440')
        self.assertEqual(partner.company_registry, '27082440')
        partner.write({'company_registry': '6947'})
        self.assertEqual(partner.company_registry, '00006947')

    def test_foreign_company_id_is_kept_as_typed(self):
        partner = self._company(name='Odoo S.A.', company_registry='0477 472 701')
        self.assertEqual(partner.company_registry, '0477 472 701')
