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
                    "or @name='action_crm_sale_orders']")
                self.assertEqual(len(buttons), 1)
