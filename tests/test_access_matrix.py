"""The documented security of both addons, checked as each kind of user (with_user, never sudo).

access_matrix.csv next to this file is the product's security documentation: for every model the addons add
or extend, what each profile may read (the records and every field the addons add), write, create and delete.
record_rule_matrix.csv says how many of the records spread over two companies and two owners each profile
sees ('-' where the profile may not read the model at all)."""

import csv
import pathlib

from odoo import Command, models
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

HERE = pathlib.Path(__file__).parent
OUR_MODULES = tuple(sorted(path.parent.name for path in (HERE.parent / 'addons').glob('*/__manifest__.py')))
OPERATIONS = ('read', 'write', 'create', 'unlink')

PROFILES = {
    'public': 'base.group_public',
    'portal': 'base.group_portal',
    'internal': 'base.group_user',
    'sales_own': 'sales_team.group_sale_salesman',
    'sales_all': 'sales_team.group_sale_salesman_all_leads',
    'sales_manager': 'sales_team.group_sale_manager',
    'billing': 'account.group_account_invoice',
    'accounting_readonly': 'base.group_user,account.group_account_readonly',
    'accountant': 'account.group_account_user',
    'settings_admin': 'base.group_user,base.group_system',
}
# Profiles of groups an addon adds, checked where that addon is installed.
ADDON_PROFILES = {
    'dpo': 'crm_personal_data.group_data_protection_officer',
}


def read_table(name):
    with (HERE / name).open(newline='') as table:
        return list(csv.DictReader(table))


@tagged('post_install', '-at_install')
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.company = cls.env.company
        cls.other_company = cls.env['res.company'].create({'name': 'Matrix Other Company'})
        cls.users = {
            profile: new_test_user(
                cls.env,
                login=f'matrix_{profile}',
                groups=groups,
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
            for profile, groups in PROFILES.items()
        } | {
            profile: new_test_user(
                cls.env,
                login=f'matrix_{profile}',
                groups=group,
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
            for profile, group in ADDON_PROFILES.items()
            if cls.env.ref(group, raise_if_not_found=False)
        }
        cls.owner = cls.users['sales_own']
        cls.colleague = new_test_user(cls.env, login='matrix_colleague', groups='sales_team.group_sale_salesman')
        cls.customer = cls.env['res.partner'].create({'name': 'Matrix Customer s.r.o.', 'is_company': True})
        cls.records_by_model = {
            model: builder() for model, builder in cls._record_builders().items() if model in cls.env
        }

    @classmethod
    def _record_builders(cls):
        """Per model, three records: the owner's, a colleague's, and one in the other company."""
        builders = {
            'crm.interaction': cls._build_interactions,
            'crm.care.rule': cls._build_care_rules,
            'crm.history.entry': cls._build_history_entries,
            'crm.salesperson.effectiveness.report': cls._build_effectiveness_rows,
        }
        if 'crm.consent' in cls.env:
            builders['crm.consent'] = cls._build_consents
        installed = cls.env['ir.module.module']._installed()
        if 'crm_accounting_link' in installed:
            builders['crm.lead'] = cls._build_opportunities
        if 'crm_customer_value' in installed:
            builders['crm.customer.value'] = cls._build_customer_values
        return builders

    @classmethod
    def _spread_over_owners_and_companies(cls):
        """The label, owner and company of each record a matrix counts."""
        return (
            ('own', cls.owner, cls.company),
            ('colleague', cls.colleague, cls.company),
            ('other company', cls.env.user, cls.other_company),
        )

    @classmethod
    def _build_interactions(cls):
        phone_call = cls.env.ref('crm_extended.crm_interaction_type_phone_call')
        return cls.env['crm.interaction'].create(
            [
                {
                    'subject': f'Matrix {label}',
                    'interaction_type_id': phone_call.id,
                    'partner_id': cls.customer.id,
                    'user_id': user.id,
                    'company_id': company.id,
                }
                for label, user, company in cls._spread_over_owners_and_companies()
            ]
        )

    @classmethod
    def _build_history_entries(cls):
        """The timeline entries of the interactions spread over owners and companies."""
        interactions = cls._build_interactions()
        return cls.env['crm.history.entry'].search([('interaction_id', 'in', interactions.ids)])

    @classmethod
    def _build_effectiveness_rows(cls):
        """The report's rows of interactions of a day no other record has."""
        day = '1999-01-05 10:00:00'
        cls._build_interactions().write({'date': day})
        return cls.env['crm.salesperson.effectiveness.report'].search([('date', '=', day)])

    @classmethod
    def _build_care_rules(cls):
        """Care rules belong to a company, not to an owner."""
        phone_call = cls.env.ref('crm_extended.crm_interaction_type_phone_call')
        return cls.env['crm.care.rule'].create(
            [
                {
                    'name': f'Matrix {label}',
                    'kind': 'birthday',
                    'interaction_type_id': phone_call.id,
                    'company_id': company.id,
                }
                for label, _user, company in cls._spread_over_owners_and_companies()
            ]
        )

    @classmethod
    def _build_consents(cls):
        newsletter = cls.env.ref('crm_personal_data.crm_processing_purpose_newsletter')
        return cls.env['crm.consent'].create(
            [
                {
                    'partner_id': cls.customer.id,
                    'purpose_id': newsletter.id,
                    'channel': 'form',
                    'user_id': user.id,
                    'company_id': company.id,
                }
                for _label, user, company in cls._spread_over_owners_and_companies()
            ]
        )

    @classmethod
    def _build_opportunities(cls):
        """Only the owner's opportunity is invoiced: accounting users see it through its invoice."""
        opportunities = cls.env['crm.lead'].create(
            [
                {
                    'name': f'Matrix {label}',
                    'type': 'opportunity',
                    'partner_id': cls.customer.id,
                    'user_id': user.id,
                    'company_id': company.id,
                }
                for label, user, company in cls._spread_over_owners_and_companies()
            ]
        )
        service = cls.env['product.product'].create(
            {'name': 'Matrix service', 'type': 'service', 'invoice_policy': 'order', 'list_price': 100.0}
        )
        order = cls.env['sale.order'].create(
            {
                'partner_id': cls.customer.id,
                'opportunity_id': opportunities[0].id,
                'order_line': [Command.create({'product_id': service.id})],
            }
        )
        order.action_confirm()
        order._create_invoices()
        return opportunities

    @classmethod
    def _build_customer_values(cls):
        """Customer values belong to a company, not to an owner: one customer each."""
        return cls.env['crm.customer.value'].create(
            [
                {
                    'partner_id': cls.env['res.partner']
                    .create({'name': f'Matrix value {label}', 'is_company': True})
                    .id,
                    'company_id': company.id,
                }
                for label, _user, company in cls._spread_over_owners_and_companies()
            ]
        )

    def _our_fields(self, model):
        return (
            self.env['ir.model.fields']
            .search(
                [
                    ('model', '=', model),
                    ('id', 'in', self._our_ids('ir.model.fields')),
                    ('name', 'not in', models.MAGIC_COLUMNS + ['display_name']),
                ]
            )
            .mapped('name')
        )

    def _our_ids(self, model):
        return self.env['ir.model.data'].search([('module', 'in', OUR_MODULES), ('model', '=', model)]).mapped('res_id')

    def _can_read(self, model, user):
        try:
            self.env[model].with_user(user).search_read([], self._our_fields(model) or ['display_name'], limit=5)
        except AccessError:
            return False
        return True

    def _actual_rights(self, model, user):
        records = self.env[model].with_user(user)
        rights = {'read': self._can_read(model, user)}
        rights.update({operation: records.has_access(operation) for operation in OPERATIONS[1:]})
        return rights

    def _visible_count(self, model, user):
        records = self.records_by_model[model].with_user(user)
        try:
            return str(records.search_count([('id', 'in', records.ids)]))
        except AccessError:
            return '-'

    def test_matrix_covers_every_model_our_addons_add_or_extend(self):
        added = set(self.env['ir.model'].browse(self._our_ids('ir.model')).mapped('model'))
        extended = set(self.env['ir.model.fields'].browse(self._our_ids('ir.model.fields')).mapped('model'))
        concrete = {model for model in added | extended if not self.env[model]._abstract}
        listed = {row['model'] for row in read_table('access_matrix.csv')}
        self.assertFalse(concrete - listed, 'models of the addons missing from access_matrix.csv')

    def test_every_profile_has_the_documented_rights(self):
        for row in read_table('access_matrix.csv'):
            if row['model'] not in self.env or row['profile'] not in self.users:
                continue
            expected = {operation: row[operation] == '1' for operation in OPERATIONS}
            with self.subTest(model=row['model'], profile=row['profile']):
                self.assertEqual(self._actual_rights(row['model'], self.users[row['profile']]), expected)

    def test_every_profile_sees_the_documented_records(self):
        for row in read_table('record_rule_matrix.csv'):
            if row['model'] not in self.records_by_model or row['profile'] not in self.users:
                continue
            with self.subTest(model=row['model'], profile=row['profile']):
                self.assertEqual(self._visible_count(row['model'], self.users[row['profile']]), row['visible'])
