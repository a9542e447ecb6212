from odoo.tests import tagged, users

from .common import CrmExtendedCommon

LIST_SPECIFICATION = {
    'complete_name': {},
    'email': {},
    'phone': {},
    'country_id': {'fields': {'display_name': {}}},
    'crm_company_type_ids': {'fields': {'display_name': {}, 'color': {}}},
    'crm_company_status_id': {'fields': {'display_name': {}}},
    'industry_id': {'fields': {'display_name': {}}},
    'crm_position_id': {'fields': {'display_name': {}}},
    'crm_address_type_id': {'fields': {'display_name': {}}},
}


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestCodebookPerformance(CrmExtendedCommon):
    def _create_companies(self, count, contacts_each):
        types = self.env['crm.company.type'].search([])
        statuses = self.env['crm.company.status'].search([])
        industries = self.env['res.partner.industry'].search([])
        companies = self.env['res.partner'].create(
            [
                {
                    'name': f'Perf Company {index:04d}',
                    'is_company': True,
                    'crm_company_type_ids': [
                        (6, 0, types[index % len(types)].ids + types[(index + 1) % len(types)].ids)
                    ],
                    'crm_company_status_id': statuses[index % len(statuses)].id,
                    'industry_id': industries[index % len(industries)].id,
                }
                for index in range(count)
            ]
        )
        self.env['res.partner'].create(
            [
                {
                    'name': f'Contact {company.id}-{index}',
                    'parent_id': company.id,
                    'crm_position_id': self.position_buyer.id,
                }
                for company in companies
                for index in range(contacts_each)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()

    def _open_company_list(self):
        return self.env['res.partner'].web_search_read(
            [('is_company', '=', True), ('name', '=like', 'Perf Company%')], LIST_SPECIFICATION, limit=80
        )

    @users('crm_sales_all')
    def test_company_list_query_count_is_flat_as_data_grows(self):
        self._create_companies(80, 1)
        self._open_company_list()
        self.env.invalidate_all()
        with self.assertQueryCount(crm_sales_all=8):
            self.assertEqual(self._open_company_list()['length'], 80)

        self._create_companies(160, 3)
        self.env.invalidate_all()
        with self.assertQueryCount(crm_sales_all=8):
            self.assertEqual(len(self._open_company_list()['records']), 80)


INTERACTION_LIST_SPECIFICATION = {
    'date': {},
    'interaction_type_id': {'fields': {'display_name': {}}},
    'subject': {},
    'partner_id': {'fields': {'display_name': {}}},
    'commercial_partner_id': {'fields': {'display_name': {}}},
    'lead_id': {'fields': {'display_name': {}}},
    'user_id': {'fields': {'display_name': {}}},
    'team_id': {'fields': {'display_name': {}}},
    'activity_ids': {},
    'date_done': {},
    'company_id': {'fields': {'display_name': {}}},
    'is_overdue': {},
    'state': {},
}


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestInteractionPerformance(CrmExtendedCommon):
    def _create_interactions(self, count):
        contacts = self.env['res.partner'].create(
            [
                {
                    'name': f'Perf Contact {index}',
                    'parent_id': self.customer.id,
                }
                for index in range(10)
            ]
        )
        self.env['crm.interaction'].create(
            [
                {
                    'subject': f'Perf interaction {index}',
                    'interaction_type_id': (self.type_phone_call, self.type_meeting, self.type_email)[index % 3].id,
                    'partner_id': contacts[index % len(contacts)].id,
                    'user_id': self.user_sales_all.id,
                }
                for index in range(count)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()

    def _open_interaction_list(self):
        return self.env['crm.interaction'].web_search_read(
            [('subject', '=like', 'Perf interaction%')], INTERACTION_LIST_SPECIFICATION, limit=80
        )

    @users('crm_sales_all')
    def test_interaction_list_query_count_is_flat_as_data_grows(self):
        self._create_interactions(80)
        self._open_interaction_list()
        self.env.invalidate_all()
        with self.assertQueryCount(crm_sales_all=9):
            self.assertEqual(len(self._open_interaction_list()['records']), 80)

        self._create_interactions(400)
        self.env.invalidate_all()
        with self.assertQueryCount(crm_sales_all=9):
            self.assertEqual(len(self._open_interaction_list()['records']), 80)
