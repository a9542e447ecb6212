from lxml import etree

from odoo.tests import tagged

from .common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestViews(CrmAccountingLinkCommon):
    def _arch(self, user, model, view_type):
        views = self.env[model].with_user(user).get_views([(False, view_type)])
        return views['views'][view_type]['arch']

    def test_forms_lists_and_searches_open_for_every_profile(self):
        screens = {
            self.user_salesman: ('res.partner', 'crm.lead', 'sale.order', 'account.move'),
            self.user_billing: ('res.partner', 'sale.order', 'account.move', 'account.payment'),
            self.user_accounting_readonly: ('res.partner', 'sale.order', 'account.move', 'account.payment'),
            self.user_accountant: ('res.partner', 'sale.order', 'account.move', 'account.payment'),
        }
        for user, models in screens.items():
            for model in models:
                for view_type in ('form', 'list', 'search'):
                    with self.subTest(user=user.login, model=model, view_type=view_type):
                        self.assertTrue(self._arch(user, model, view_type))
        self.assertIn('crm_overdue_amount', self._arch(self.user_salesman, 'res.partner', 'kanban'))

    def test_salesperson_and_accountant_both_get_the_banner(self):
        for model in ('res.partner', 'sale.order'):
            with self.subTest(model=model):
                salesperson_form = self._arch(self.user_salesman, model, 'form')
                accountant_form = self._arch(self.user_accountant, model, 'form')
                self.assertIn('crm_overdue_warning', salesperson_form)
                self.assertIn('crm_overdue_warning', accountant_form)

    def test_payments_button_is_for_accounting_only(self):
        self.assertNotIn('action_crm_payments', self._arch(self.user_salesman, 'sale.order', 'form'))
        self.assertIn('action_crm_payments', self._arch(self.user_accountant, 'sale.order', 'form'))

    def test_invoice_has_one_sales_orders_button_for_everyone_who_opens_it(self):
        users = self.user_salesman | self.user_billing | self.user_accounting_readonly | self.user_accountant
        for user in users:
            with self.subTest(user=user.login):
                form = etree.fromstring(self._arch(user, 'account.move', 'form'))
                buttons = form.xpath(
                    "//div[@name='button_box']/button[@name='action_view_source_sale_orders' "
                    "or @name='action_crm_sale_orders']"
                )
                self.assertEqual(len(buttons), 1)

    def _list_column(self, user, model, fname, view_id=False):
        arch = etree.fromstring(self.env[model].with_user(user).get_views([(view_id, 'list')])['views']['list']['arch'])
        columns = arch.xpath(f"//list/field[@name='{fname}']")
        return columns[0] if columns else None

    def test_opportunity_list_offers_invoiced_paid_and_due_columns(self):
        for fname in ('crm_invoiced_amount', 'crm_paid_amount', 'crm_amount_due'):
            with self.subTest(field=fname):
                column = self._list_column(self.user_salesman, 'crm.lead', fname)
                self.assertIsNotNone(column)
                self.assertEqual(column.get('optional'), 'hide')

    def test_payment_list_shows_the_opportunities_to_accountants(self):
        for user in (self.user_accountant, self.user_billing, self.user_accounting_readonly):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._list_column(user, 'account.payment', 'crm_opportunity_ids').get('optional'), 'show'
                )

    def test_unpaid_invoices_list_shows_the_amount_due(self):
        action = self.customer.with_user(self.user_salesman).action_crm_unpaid_invoices()
        list_view_id = next(view_id for view_id, view_type in action['views'] if view_type == 'list')
        column = self._list_column(self.user_salesman, 'account.move', 'amount_residual_signed', list_view_id)
        self.assertEqual(column.get('optional'), 'show')
