from lxml import etree

from odoo.tests import tagged

from .common import CrmCustomerValueCommon


@tagged('post_install', '-at_install')
class TestViews(CrmCustomerValueCommon):
    def _arch(self, user, model, view_type):
        views = self.env[model].with_user(user).get_views([(False, view_type)])
        return etree.fromstring(views['views'][view_type]['arch'])

    def test_customer_values_open_for_salespeople_and_accounting_users(self):
        for user in (self.user_salesman, self.user_billing, self.user_accounting_readonly):
            for view_type in ('list', 'form', 'pivot', 'graph', 'search'):
                with self.subTest(user=user.login, view_type=view_type):
                    self.assertTrue(len(self._arch(user, 'crm.customer.value', view_type)))

    def test_contacts_and_opportunities_show_the_class_of_the_customer(self):
        partner_list = self._arch(self.user_salesman, 'res.partner', 'list')
        self.assertEqual(partner_list.xpath("//list/field[@name='crm_abc_class']/@optional"), ['show'])
        self.assertEqual(partner_list.xpath("//list/field[@name='crm_average_days_late']/@optional"), ['hide'])
        opportunity_form = self._arch(self.user_salesman, 'crm.lead', 'form')
        self.assertTrue(opportunity_form.xpath("//field[@name='crm_abc_class']"))
        self.assertTrue(opportunity_form.xpath("//field[@name='crm_rfm_segment']"))

    def test_crm_settings_set_the_window_and_the_shares(self):
        settings = self._arch(self.env.ref('base.user_admin'), 'res.config.settings', 'form')
        for fname in (
            'crm_customer_value_window_months',
            'crm_customer_value_class_a_share',
            'crm_customer_value_class_b_share',
        ):
            with self.subTest(field=fname):
                self.assertTrue(settings.xpath(f"//app[@name='crm']//field[@name='{fname}']"))
