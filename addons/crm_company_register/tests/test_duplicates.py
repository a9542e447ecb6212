from odoo.tests import tagged

from .common import CompanyRegisterCommon

ONCHANGE_SPEC = {
    name: {}
    for name in (
        'name',
        'is_company',
        'parent_id',
        'country_id',
        'company_id',
        'company_registry',
        'vat',
        'same_company_registry_partner_id',
        'same_vat_partner_id',
    )
}


@tagged('post_install', '-at_install')
class TestDuplicates(CompanyRegisterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.env['res.partner'].create(
            {
                'name': 'Alza.cz a.s.',
                'is_company': True,
                'company_registry': '27082440',
                'vat': 'CZ27082440',
                'country_id': cls.env.ref('base.cz').id,
            }
        )

    def _type(self, field_name, value):
        partners = self.env['res.partner'].with_user(self.salesperson)
        values = {'name': 'Alza', 'is_company': True, 'country_id': self.czechia.id, field_name: value}
        return partners.onchange(values, [field_name], ONCHANGE_SPEC)

    def test_typing_a_known_ico_warns_with_the_existing_company(self):
        result = self._type('company_registry', '270 82 440')
        self.assertEqual(result['value']['company_registry'], '27082440')
        self.assertIn('Alza.cz a.s. already has this IČO', result['warning']['message'])

    def test_typing_a_known_vat_number_warns_with_the_existing_company(self):
        result = self._type('vat', 'CZ27082440')
        self.assertIn('Alza.cz a.s. already has this IČO or VAT number', result['warning']['message'])

    def test_typing_a_new_ico_offers_the_register(self):
        result = self._type('company_registry', '25596641')
        self.assertIn('Load from register', result['warning']['message'])
        self.assertIn('ARES', result['warning']['message'])

    def test_typing_an_invalid_ico_says_nothing(self):
        self.assertFalse(self._type('company_registry', '27082441').get('warning'))

    def test_import_of_known_ico_updates_the_company_instead_of_duplicating(self):
        csv = (
            b'name,is_company,company_registry,city\n'
            b'Alza.cz a.s.,1,270 82 440,Praha\n'
            b'Textilana Liberec s.r.o.,1,25596641,Liberec\n'
        )
        importer = (
            self.env['base_import.import']
            .with_user(self.salesperson)
            .create({'res_model': 'res.partner', 'file': csv, 'file_type': 'text/csv', 'file_name': 'companies.csv'})
        )
        result = importer.execute_import(
            ['name', 'is_company', 'company_registry', 'city'],
            ['name', 'is_company', 'company_registry', 'city'],
            {'quoting': '"', 'separator': ',', 'has_headers': True, 'encoding': 'utf-8'},
        )
        self.assertFalse(result['messages'])
        self.assertEqual(result['ids'][0], self.existing.id)
        self.assertEqual(self.existing.city, 'Praha')
        companies = self.env['res.partner'].search([('company_registry', 'in', ('27082440', '25596641'))])
        self.assertEqual(len(companies), 2)

    def test_import_of_known_vat_number_without_ico_updates_the_company(self):
        result = (
            self.env['res.partner']
            .with_user(self.salesperson)
            .with_context(import_file=True)
            .load(['name', 'is_company', 'vat', 'zip'], [['Alza.cz a.s.', '1', 'CZ27082440', '170 00']])
        )
        self.assertFalse(result['messages'])
        self.assertEqual(result['ids'], [self.existing.id])
        self.assertEqual(self.existing.zip, '170 00')

    def test_import_without_context_of_a_file_creates_as_usual(self):
        result = self.env['res.partner'].load(
            ['name', 'is_company', 'company_registry'], [['Alza kopie', '1', '27082440']]
        )
        self.assertNotEqual(result['ids'], [self.existing.id])
