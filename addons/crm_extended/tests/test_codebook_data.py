from odoo.tests import tagged
from odoo.tools import convert_file

from .common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestCodebookData(CrmExtendedCommon):
    def _reload_preset_data(self):
        convert_file(self.env, 'crm_extended', 'data/crm_codebook_data.xml', {}, mode='update')

    def test_upgrade_keeps_administrator_edits(self):
        self.company_type_customer.write({'name': 'Client', 'sequence': 1, 'color': 3})
        self.company_status_potential.action_archive()
        self._reload_preset_data()
        self.assertEqual(self.company_type_customer.name, 'Client')
        self.assertEqual(self.company_type_customer.sequence, 1)
        self.assertFalse(self.company_status_potential.active)

    def test_preset_values_are_translated_to_czech_and_slovak(self):
        for lang in ('cs_CZ', 'sk_SK'):
            self.env['res.lang']._activate_lang(lang)
        self.env.ref('base.module_crm_extended')._update_translations(['cs_CZ', 'sk_SK'])
        expected = {
            'crm_extended.crm_company_type_customer': ('Zákazník', 'Zákazník'),
            'crm_extended.crm_company_type_supplier': ('Dodavatel', 'Dodávateľ'),
            'crm_extended.crm_company_status_not_interested': ('Nemá zájem', 'Nemá záujem'),
            'crm_extended.crm_contact_position_managing_director': ('Jednatel', 'Konateľ'),
            'crm_extended.crm_address_type_production_plant': ('Výrobní závod', 'Výrobný závod'),
            'crm_extended.res_partner_industry_healthcare': ('Zdravotnictví', 'Zdravotníctvo'),
        }
        for xmlid, (czech, slovak) in expected.items():
            record = self.env.ref(xmlid)
            with self.subTest(xmlid=xmlid):
                self.assertEqual(record.with_context(lang='cs_CZ').name, czech)
                self.assertEqual(record.with_context(lang='sk_SK').name, slovak)
