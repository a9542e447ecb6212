from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CompanyRegisterCommon


@tagged('post_install', '-at_install')
class TestRpoLookup(CompanyRegisterCommon):
    def test_slovak_company_is_filled_from_rpo(self):
        partner = self._company(name='ESET', company_registry='31333532', country_id=self.slovakia.id)
        wizard = self._open_wizard(partner)
        self.assertEqual(wizard.register, 'rpo')
        self._lines(wizard)['name'].apply = True
        wizard.action_apply()

        self.assertEqual(partner.name, 'ESET, spol. s r.o.')
        self.assertEqual(partner.street, 'Einsteinova 24', 'the current address, not the earlier one')
        self.assertEqual(partner.city, 'Bratislava - mestská časť Petržalka')
        self.assertEqual(partner.zip, '851 01')
        self.assertEqual(partner.country_id, self.slovakia)
        self.assertEqual(partner.crm_legal_form, 'Spoločnosť s ručením obmedzeným')
        self.assertEqual(partner.crm_date_established, date(1992, 9, 9))
        self.assertEqual(partner.industry_id, self.env.ref('base.res_partner_industry_J'))
        self.assertEqual(partner.crm_address_type_id, self.env.ref('crm_extended.crm_address_type_headquarters'))
        self.assertEqual(
            [path for _method, path, _body in self.server.requests],
            ['/rpo/search?identifier=31333532', '/rpo/entity/1042518'],
        )

    def test_unknown_slovak_ico_says_the_register_does_not_know_it(self):
        partner = self._company(name='Slovnaft', company_registry='31322832', country_id=self.slovakia.id)
        with self.assertRaisesRegex(UserError, 'RPO .* has no company with the IČO 31322832'):
            self._open_wizard(partner)
