from psycopg2.errors import UniqueViolation

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CrmExtendedCommon

CODEBOOK_MODELS = ('crm.company.type', 'crm.company.status', 'crm.contact.position', 'crm.address.type')


@tagged('post_install', '-at_install')
class TestCodebook(CrmExtendedCommon):
    def test_preset_values_are_loaded_in_order(self):
        expected = {
            'crm.company.type': ['Supplier', 'Investor', 'Competitor', 'Media', 'Customer'],
            'crm.company.status': ['Current', 'Not interested', 'Former', 'Potential'],
            'crm.contact.position': [
                'Assistant',
                'Economist',
                'Managing director',
                'HR',
                'Marketing',
                'Buyer',
                'Sales representative',
                'Director',
                'Accountant',
            ],
            'crm.address.type': ['Headquarters', 'Offices', 'Store', 'Warehouse', 'Production plant'],
        }
        for model, names in expected.items():
            with self.subTest(model=model):
                self.assertEqual(self.env[model].with_context(lang='en_US').search([]).mapped('name'), names)

    def test_every_preset_industry_is_found_by_name(self):
        industries = self.env['res.partner.industry']
        for name in (
            'IT',
            'Retail',
            'Manufacturing',
            'Services',
            'Telecommunications',
            'Wholesale',
            'Education',
            'Healthcare',
        ):
            with self.subTest(industry=name):
                self.assertTrue(industries.name_search(name), f'no industry found for "{name}"')

    def test_industries_reuse_standard_records(self):
        manufacturing = self.env['res.partner.industry'].search([('name', '=', 'Manufacturing')])
        self.assertEqual(manufacturing, self.env.ref('base.res_partner_industry_C'))

    def test_duplicate_name_is_refused_whatever_the_case(self):
        for model in CODEBOOK_MODELS:
            existing = self.env[model].search([], limit=1)
            with self.subTest(model=model), self.assertRaises(UniqueViolation), mute_logger('odoo.sql_db'):
                self.env[model].with_user(self.user_sales_manager).create({'name': existing.name.upper()})

    def test_duplicate_of_archived_value_is_refused(self):
        self.company_type_supplier.action_archive()
        with self.assertRaises(UniqueViolation), mute_logger('odoo.sql_db'):
            self.env['crm.company.type'].with_user(self.user_sales_manager).create({'name': 'supplier'})

    def test_names_with_wildcard_characters_are_not_taken_for_duplicates(self):
        # As patterns, "S%" would match "Supplier", and "Sales_representative" would match "Sales representative".
        company_type = self.env['crm.company.type'].with_user(self.user_sales_manager).create({'name': 'S%'})
        position = (
            self.env['crm.contact.position'].with_user(self.user_sales_manager).create({'name': 'Sales_representative'})
        )
        self.assertEqual(company_type.name, 'S%')
        self.assertEqual(position.name, 'Sales_representative')

    def test_value_in_use_cannot_be_deleted_and_says_how_often(self):
        self.env['res.partner'].create(
            {'name': 'Second', 'is_company': True, 'crm_company_status_id': self.company_status_current.id}
        )
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
        crm_administrator = new_test_user(
            self.env, 'crm_configurator', groups='base.group_system,sales_team.group_sale_manager'
        )
        settings = Form(self.env['res.config.settings'].with_user(crm_administrator))
        self.assertEqual(settings.crm_company_type_count, 6)
        self.assertEqual(settings.crm_company_status_count, 4)
        self.assertEqual(settings.crm_contact_position_count, 9)
        self.assertEqual(settings.crm_address_type_count, 5)
        self.assertEqual(settings.crm_industry_count, self.env['res.partner.industry'].search_count([]))


@tagged('post_install', '-at_install')
class TestCodebookSavedAtTheSameTime(TransactionCase):
    """Two transactions besides the test's own, as two saves in the web client are. The test's transaction
    writes nothing, so that the others wait for nothing it holds."""

    def _other_transaction(self):
        cr = self.registry.cursor()
        self.addCleanup(cr.close)
        # A lock that the test's own transaction would hold makes this one fail instead of hang the run.
        cr.execute("SET lock_timeout = '10s'")
        return cr

    def _committed_sales_manager(self):
        """A sales administrator committed to the database; they and the values they create are deleted when
        the test ends."""
        cr = self._other_transaction()
        manager = new_test_user(
            api.Environment(cr, SUPERUSER_ID, {'no_reset_password': True}),
            'crm_committed_manager',
            groups='sales_team.group_sale_manager',
        )
        manager_id, partner_id = manager.id, manager.partner_id.id
        # The other transaction's user must be visible to the test's own: only a commit shows it.
        cr.commit()  # pylint: disable=invalid-commit

        def delete():
            env = api.Environment(cr, SUPERUSER_ID, {'active_test': False})
            env['crm.company.type'].search([('create_uid', '=', manager_id)]).unlink()
            env['res.users'].browse(manager_id).unlink()
            env['res.partner'].browse(partner_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

        self.addCleanup(delete)
        return manager_id

    def test_second_of_two_simultaneous_saves_of_a_name_is_refused_by_the_database(self):
        manager_id = self._committed_sales_manager()
        first = api.Environment(self._other_transaction(), manager_id, {})['crm.company.type']
        second = api.Environment(self._other_transaction(), manager_id, {})['crm.company.type']
        # The second save has started and sees no such value: the first one is not committed yet.
        self.assertFalse(second.with_context(active_test=False).search([('name', '=ilike', 'reseller')]))
        first.create({'name': 'Reseller'})
        first.env.cr.commit()
        with self.assertRaises(UniqueViolation), mute_logger('odoo.sql_db'):
            second.create({'name': 'RESELLER'})


class CzechCodebookCommon(CrmExtendedCommon):
    """Czech installed with the addon's translations, and a sales administrator who works in Czech."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env['res.lang']._activate_lang('cs_CZ')
        cls.env.ref('base.module_crm_extended')._update_translations(['cs_CZ'])
        cls.czech_manager = new_test_user(
            cls.env, 'crm_czech_manager', groups='sales_team.group_sale_manager', lang='cs_CZ'
        )


@tagged('post_install', '-at_install')
class TestCodebookNamesInCzech(CzechCodebookCommon):
    def test_name_of_another_value_in_czech_is_refused_naming_the_codebook_in_czech(self):
        customer = self.company_type_customer.with_user(self.czech_manager).with_context(lang='cs_CZ')
        with self.assertRaises(ValidationError) as error:
            customer.write({'name': 'DODAVATEL'})
        self.assertIn('DODAVATEL', str(error.exception))
        self.assertIn('Typ firmy', str(error.exception))
        self.assertNotIn('Company Type', str(error.exception))

    def test_english_name_that_czech_shows_for_another_value_is_refused(self):
        # A value without a Czech name shows its English one to Czech users, next to the preset "Zákazník".
        with self.assertRaises(ValidationError):
            self.env['crm.company.type'].with_user(self.user_sales_manager).create({'name': 'zákazník'})

    def test_czech_names_with_wildcard_characters_are_not_taken_for_duplicates(self):
        positions = self.env['crm.contact.position'].with_user(self.czech_manager).with_context(lang='cs_CZ')
        # As patterns, both would match the preset "Obchodní zástupce".
        position = positions.create({'name': 'Obchodní_zástupce'})
        self.assertEqual(position.name, 'Obchodní_zástupce')
        position.write({'name': 'O%'})
        self.assertEqual(position.name, 'O%')


@tagged('post_install', '-at_install')
class TestCodebookSavedInTheWebClient(CzechCodebookCommon, HttpCase):
    def _web_save(self, user, model, values):
        """Save a new value as the form view does, and return the JSON-RPC answer."""
        self.authenticate(user.login, user.login)
        return self.url_open(
            f'/web/dataset/call_kw/{model}/web_save',
            json={
                'jsonrpc': '2.0',
                'method': 'call',
                'id': 1,
                'params': {
                    'model': model,
                    'method': 'web_save',
                    'args': [[], values],
                    'kwargs': {'specification': {'name': {}}, 'context': {'lang': user.lang}},
                },
            },
        ).json()

    def test_duplicate_refused_by_the_database_names_the_codebook_in_the_users_language(self):
        company_types = self.env['crm.company.type'].with_user(self.czech_manager).with_context(lang='cs_CZ')
        company_types.create({'name': 'Velkoobchod'})
        with mute_logger('odoo.sql_db'):
            answer = self._web_save(self.czech_manager, 'crm.company.type', {'name': 'VELKOOBCHOD'})
        self.assertEqual(answer['error']['data']['name'], 'odoo.exceptions.ValidationError')
        message = answer['error']['data']['message']
        self.assertIn('Typ firmy', message)
        self.assertNotIn('Company Type', message)
        self.assertNotIn('crm_company_type', message, 'the database error is shown instead of the reason')
        self.assertEqual(company_types.search_count([('name', '=ilike', 'velkoobchod')]), 1)
