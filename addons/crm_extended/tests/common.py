import io
from datetime import date, datetime
from urllib.parse import parse_qsl

import openpyxl

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.crm_extended.wizard import crm_interaction_statistics


class CrmExtendedCommon(TransactionCase):
    """Users of every profile the addon serves, and a customer company with a contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.company = cls.env.company
        cls.user_internal = new_test_user(cls.env, 'crm_internal', groups='base.group_user')
        cls.user_sales_own = new_test_user(cls.env, 'crm_sales_own', groups='sales_team.group_sale_salesman')
        cls.user_sales_colleague = new_test_user(
            cls.env, 'crm_sales_colleague', groups='sales_team.group_sale_salesman'
        )
        cls.user_sales_all = new_test_user(cls.env, 'crm_sales_all', groups='sales_team.group_sale_salesman_all_leads')
        cls.user_sales_manager = new_test_user(cls.env, 'crm_sales_manager', groups='sales_team.group_sale_manager')
        cls.user_settings_admin = new_test_user(
            cls.env, 'crm_settings_admin', groups='base.group_user,base.group_system'
        )
        cls.user_portal = new_test_user(cls.env, 'crm_portal', groups='base.group_portal')

        cls.company_type_customer = cls.env.ref('crm_extended.crm_company_type_customer')
        cls.company_type_supplier = cls.env.ref('crm_extended.crm_company_type_supplier')
        cls.company_status_current = cls.env.ref('crm_extended.crm_company_status_current')
        cls.company_status_potential = cls.env.ref('crm_extended.crm_company_status_potential')
        cls.position_buyer = cls.env.ref('crm_extended.crm_contact_position_buyer')
        cls.address_type_warehouse = cls.env.ref('crm_extended.crm_address_type_warehouse')

        cls.customer = cls.env['res.partner'].create(
            {
                'name': 'Pivovar Hodonín s.r.o.',
                'is_company': True,
                'crm_company_type_ids': [(6, 0, cls.company_type_customer.ids)],
                'crm_company_status_id': cls.company_status_current.id,
            }
        )
        cls.customer_contact = cls.env['res.partner'].create(
            {
                'name': 'Jana Nováková',
                'parent_id': cls.customer.id,
                'crm_position_id': cls.position_buyer.id,
            }
        )

        cls.type_phone_call = cls.env.ref('crm_extended.crm_interaction_type_phone_call')
        cls.type_meeting = cls.env.ref('crm_extended.crm_interaction_type_meeting')
        cls.type_email = cls.env.ref('crm_extended.crm_interaction_type_email')

    @classmethod
    def _create_interaction(cls, user=None, **values):
        return (
            cls.env['crm.interaction']
            .with_user(user or cls.user_sales_own)
            .create(
                {
                    'subject': 'Call about the offer',
                    'interaction_type_id': cls.type_phone_call.id,
                    'partner_id': cls.customer_contact.id,
                    **values,
                }
            )
        )


class StatisticsWorkbookCommon(CrmExtendedCommon):
    """Interactions of the first quarter of 2026, and one after it, in UTC; the workbook of the quarter as its reader
    downloads it. The statistics workbook's sheets are tested on them, crm_extended's and those addons add."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = 'UTC'
        cls.user_sales_own.tz = 'UTC'
        create = cls.env['crm.interaction'].create
        common = {'partner_id': cls.customer_contact.id}
        cls.env['crm.interaction'].search([]).unlink()
        cls.january_call = create(
            {
                **common,
                'subject': 'January call',
                'interaction_type_id': cls.type_phone_call.id,
                'date': datetime(2026, 1, 10, 9),
                'user_id': cls.user_sales_own.id,
            }
        )
        cls.january_meeting = create(
            {
                **common,
                'subject': 'January meeting',
                'interaction_type_id': cls.type_meeting.id,
                'date': datetime(2026, 1, 20, 9),
                'user_id': cls.user_sales_own.id,
                'state': 'resolved',
            }
        )
        cls.february_call = create(
            {
                **common,
                'subject': 'February call',
                'interaction_type_id': cls.type_phone_call.id,
                'date': datetime(2026, 2, 3, 14),
                'user_id': cls.user_sales_colleague.id,
            }
        )
        cls.february_call.action_cancel()
        create(
            {
                **common,
                'subject': 'Outside the period',
                'interaction_type_id': cls.type_phone_call.id,
                'date': datetime(2026, 4, 1, 9),
                'user_id': cls.user_sales_own.id,
            }
        )

    def _workbook(self, user=None, **filters):
        wizard = (
            self.env['crm.interaction.statistics']
            .with_user(user or self.user_sales_manager)
            .create(
                {
                    'date_from': date(2026, 1, 1),
                    'date_to': date(2026, 3, 31),
                    **filters,
                }
            )
        )
        return openpyxl.load_workbook(io.BytesIO(self._downloaded(wizard)._build_workbook()))

    def _downloaded(self, wizard):
        """The wizard that the download route rebuilds from the URL of the wizard's export action."""
        route, query = wizard.action_export()['url'].split('?')
        self.assertEqual(route, crm_interaction_statistics.DOWNLOAD_ROUTE)
        return wizard.browse()._from_download_params(dict(parse_qsl(query)))

    def _rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]


# The columns of the timeline list, as the web client asks for them.
HISTORY_LIST_SPECIFICATION = {
    'date': {},
    'kind': {},
    'name': {},
    'interaction_type_id': {'fields': {'display_name': {}}},
    'partner_id': {'fields': {'display_name': {}}},
    'user_id': {'fields': {'display_name': {}}},
}


class HistoryListPerformanceMixin:
    """The timeline of the customer company costs the same queries with a page of entries or many more; a test
    class gives ``_create_entries(count)``, which adds entries of its kind to the company's timeline."""

    def _open_history(self):
        return self.env['crm.history.entry'].web_search_read(
            [('commercial_partner_id', '=', self.customer.id)], HISTORY_LIST_SPECIFICATION, limit=80
        )

    def _assert_history_list_is_flat(self, more, **queries):
        self._create_entries(80)
        self._open_history()
        self.env.invalidate_all()
        with self.assertQueryCount(**queries):
            self._open_history()

        self._create_entries(more)
        self.env.invalidate_all()
        with self.assertQueryCount(**queries):
            self.assertEqual(len(self._open_history()['records']), 80)
