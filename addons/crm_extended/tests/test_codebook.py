from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CrmExtendedCommon

CODEBOOK_MODELS = ('crm.company.type', 'crm.company.status', 'crm.contact.position', 'crm.address.type')


@tagged('post_install', '-at_install')
class TestCodebook(CrmExtendedCommon):

    def test_preset_values_are_loaded_in_order(self):
        expected = {
            'crm.company.type': ['Supplier', 'Investor', 'Competitor', 'Media', 'Customer'],
            'crm.company.status': ['Current', 'Not interested', 'Former', 'Potential'],
            'crm.contact.position': ['Assistant', 'Economist', 'Managing director', 'HR', 'Marketing', 'Buyer',
                                     'Sales representative', 'Director', 'Accountant'],
            'crm.address.type': ['Headquarters', 'Offices', 'Store', 'Warehouse', 'Production plant'],
        }
        for model, names in expected.items():
            with self.subTest(model=model):
                self.assertEqual(self.env[model].with_context(lang='en_US').search([]).mapped('name'), names)

    def test_every_preset_industry_is_found_by_name(self):
        industries = self.env['res.partner.industry']
        for name in ('IT', 'Retail', 'Manufacturing', 'Services', 'Telecommunications', 'Wholesale',
                     'Education', 'Healthcare'):
            with self.subTest(industry=name):
                self.assertTrue(industries.name_search(name), f'no industry found for "{name}"')

    def test_industries_reuse_standard_records(self):
        manufacturing = self.env['res.partner.industry'].search([('name', '=', 'Manufacturing')])
        self.assertEqual(manufacturing, self.env.ref('base.res_partner_industry_C'))

    def test_duplicate_name_is_refused_whatever_the_case(self):
        for model in CODEBOOK_MODELS:
            existing = self.env[model].search([], limit=1)
            with self.subTest(model=model), self.assertRaises(ValidationError):
                self.env[model].create({'name': existing.name.upper()})

    def test_duplicate_of_archived_value_is_refused(self):
        self.company_type_supplier.action_archive()
        with self.assertRaises(ValidationError):
            self.env['crm.company.type'].create({'name': 'supplier'})

    def test_value_in_use_cannot_be_deleted_and_says_how_often(self):
        self.env['res.partner'].create({'name': 'Second', 'is_company': True,
                                        'crm_company_status_id': self.company_status_current.id})
        with self.assertRaises(UserError) as error:
            self.company_status_current.unlink()
        # the customer, its contact (which carries its company's status) and the second company
        self.assertIn('3 records', str(error.exception))
        self.assertIn('Archive', str(error.exception))
        self.assertTrue(self.company_status_current.exists())

    def test_value_in_use_by_many2many_cannot_be_deleted(self):
        with self.assertRaises(UserError):
            self.company_type_customer.unlink()

    def test_unused_value_can_be_deleted(self):
        unused = self.env['crm.address.type'].create({'name': 'Showroom'})
        unused.unlink()
        self.assertFalse(unused.exists())

    def test_archived_value_stays_on_records_but_is_not_offered(self):
        self.company_status_current.action_archive()
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.crm_company_status_id, self.company_status_current)
        offered = [name for _id, name in self.env['crm.company.status'].name_search('')]
        self.assertNotIn('Current', offered)

    def test_any_internal_user_reads_codebooks(self):
        for model in CODEBOOK_MODELS:
            with self.subTest(model=model):
                self.assertTrue(self.env[model].with_user(self.user_internal).search([]))

    def test_salesperson_cannot_change_codebooks(self):
        for model in CODEBOOK_MODELS:
            value = self.env[model].search([], limit=1)
            with self.subTest(model=model):
                with self.assertRaises(AccessError):
                    self.env[model].with_user(self.user_sales_all).create({'name': 'Forbidden'})
                with self.assertRaises(AccessError):
                    value.with_user(self.user_sales_all).write({'name': 'Renamed'})
                with self.assertRaises(AccessError):
                    value.with_user(self.user_sales_all).action_archive()

    def test_sales_administrator_and_settings_administrator_manage_codebooks(self):
        for user in (self.user_sales_manager, self.user_settings_admin):
            for model in CODEBOOK_MODELS:
                with self.subTest(model=model, user=user.login):
                    value = self.env[model].with_user(user).create({'name': f'New {user.login}'})
                    value.write({'name': f'Renamed {user.login}', 'sequence': 1})
                    value.action_archive()
                    self.assertFalse(value.active)
                    value.unlink()

    def test_sales_administrator_manages_industries(self):
        industry = self.env['res.partner.industry'].with_user(self.user_sales_manager).create({'name': 'Gaming'})
        industry.write({'name': 'Video games'})
        self.assertEqual(industry.name, 'Video games')

    def test_portal_user_cannot_read_codebooks(self):
        for model in CODEBOOK_MODELS:
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_portal).search([])

    def test_settings_show_the_number_of_values_of_each_codebook(self):
        self.env['crm.company.type'].create({'name': 'Partner'})
        crm_administrator = new_test_user(self.env, 'crm_configurator',
                                          groups='base.group_system,sales_team.group_sale_manager')
        settings = Form(self.env['res.config.settings'].with_user(crm_administrator))
        self.assertEqual(settings.crm_company_type_count, 6)
        self.assertEqual(settings.crm_company_status_count, 4)
        self.assertEqual(settings.crm_contact_position_count, 9)
        self.assertEqual(settings.crm_address_type_count, 5)
        self.assertEqual(settings.crm_industry_count, self.env['res.partner.industry'].search_count([]))
