from odoo.tests import tagged

from .common import CrmExtendedCommon

FIELDS = ['name', 'is_company', 'crm_company_type_ids', 'crm_company_status_id', 'industry_id']


@tagged('post_install', '-at_install')
class TestContactImport(CrmExtendedCommon):
    def _import(self, rows, lang='en_US'):
        partners = self.env['res.partner'].with_user(self.user_sales_own).with_context(lang=lang)
        return partners.load(FIELDS, rows)

    def test_import_resolves_codebook_values_by_name(self):
        result = self._import([['Kovárna Vsetín a.s.', '1', 'Customer,Supplier', 'Potential', 'Manufacturing']])
        self.assertFalse(result['messages'])
        company = self.env['res.partner'].browse(result['ids'])
        self.assertEqual(company.crm_company_type_ids, self.company_type_customer | self.company_type_supplier)
        self.assertEqual(company.crm_company_status_id, self.company_status_potential)
        self.assertEqual(company.industry_id, self.env.ref('base.res_partner_industry_C'))

    def test_import_resolves_codebook_values_in_the_users_language(self):
        self.env['res.lang']._activate_lang('cs_CZ')
        self.env.ref('base.module_crm_extended')._update_translations(['cs_CZ'])
        result = self._import([['Papírna Štětí a.s.', '1', 'Zákazník', 'Současný', '']], lang='cs_CZ')
        self.assertFalse(result['messages'])
        company = self.env['res.partner'].browse(result['ids'])
        self.assertEqual(company.crm_company_type_ids, self.company_type_customer)
        self.assertEqual(company.crm_company_status_id, self.company_status_current)

    def test_import_with_unknown_value_fails_clearly_and_creates_nothing(self):
        count_before = self.env['res.partner'].search_count([])
        result = self._import(
            [
                ['Známá firma a.s.', '1', 'Customer', 'Current', ''],
                ['Neznámá firma a.s.', '1', 'Customer', 'Bankrupt', ''],
            ]
        )
        self.assertFalse(result['ids'])
        [message] = result['messages']
        self.assertEqual(message['type'], 'error')
        self.assertIn('Bankrupt', message['message'])
        self.assertEqual(message['field'], 'crm_company_status_id')
        self.assertEqual(self.env['res.partner'].search_count([]), count_before)
