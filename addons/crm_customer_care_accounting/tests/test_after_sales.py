import datetime

from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_accounting_link.tests.common import CrmAccountingLinkCommon


class CustomerCareAccountingCommon(CrmAccountingLinkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = 'Europe/Prague'
        cls.type_phone_call = cls.env.ref('crm_extended.crm_interaction_type_phone_call')
        cls.type_complaint = cls.env.ref('crm_extended.crm_interaction_type_complaint')
        # The customer's own salesperson is the colleague; the orders are sold by the salesperson.
        cls.customer.user_id = cls.user_salesman_colleague

    @classmethod
    def _rule(cls, **values):
        return cls.env['crm.care.rule'].create(
            {
                'name': 'Poprodejní telefonát',
                'kind': 'after_sales',
                'interaction_type_id': cls.type_phone_call.id,
                'after_sales_days': 14,
                'days_ahead': 0,
                'company_id': cls.company.id,
                'domain': repr([('commercial_partner_id', 'in', (cls.customer | cls.other_customer).ids)]),
                **values,
            }
        )

    @classmethod
    def _invoice(cls, orders, invoice_date, post=True, drop_lines=0):
        """Invoice the orders on ``invoice_date``, leaving the last ``drop_lines`` lines out of the invoice."""
        invoice = orders._create_invoices()
        if drop_lines:
            invoice.invoice_line_ids[-drop_lines:].unlink()
        invoice.write(
            {'invoice_date': invoice_date, 'invoice_payment_term_id': False, 'invoice_date_due': invoice_date}
        )
        if post:
            invoice.action_post()
        return invoice

    @classmethod
    def _two_line_order(cls, partner=None):
        order = cls._create_order(partner=partner, confirm=False)
        order.order_line = [Command.create({'product_id': cls.service.id, 'product_uom_qty': 2, 'price_unit': 300})]
        order.action_confirm()
        return order

    def _planned(self, rule):
        return self.env['crm.interaction'].search([('care_rule_id', '=', rule.id)], order='care_occasion_date, id')


@tagged('post_install', '-at_install')
class TestAfterSalesFollowUp(CustomerCareAccountingCommon):
    def test_follow_up_is_planned_days_after_the_invoice_for_the_orders_salesperson(self):
        order = self._create_order()
        self._invoice(order, datetime.date(2026, 3, 2))
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 15, 6, 0))
        self.assertFalse(self._planned(rule))
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        planned = self._planned(rule)
        self.assertEqual(
            (
                planned.partner_id,
                planned.care_occasion_date,
                planned.user_id,
                planned.interaction_type_id,
                planned.state,
                planned.crm_sale_order_id,
            ),
            (
                self.customer_contact,
                datetime.date(2026, 3, 16),
                self.user_salesman,
                self.type_phone_call,
                'planned',
                order,
            ),
        )

    def test_each_order_of_a_contact_is_followed_up_on_its_own_by_its_salesperson(self):
        orders = self._create_order() | self._create_order()
        orders[1].user_id = self.user_salesman_colleague
        self._invoice(orders, datetime.date(2026, 3, 2))
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        rule.last_run_date = False
        rule._crm_plan(datetime.datetime(2026, 3, 16, 7, 0))
        planned = self._planned(rule)
        self.assertEqual(
            sorted(planned.mapped(lambda i: (i.crm_sale_order_id.id, i.user_id.id, i.partner_id.id))),
            sorted((order.id, order.user_id.id, self.customer_contact.id) for order in orders),
        )
        self.assertEqual(orders.mapped('crm_complaint_count'), [0, 0], 'a follow-up is no complaint')

    def test_only_fully_invoiced_orders_from_their_latest_posted_invoice(self):
        order = self._two_line_order()
        self._invoice(order, datetime.date(2026, 3, 2), drop_lines=1)
        draft_only = self._create_order(partner=self.other_customer)
        self._invoice(draft_only, datetime.date(2026, 3, 2), post=False)
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        self.assertEqual(order.invoice_status, 'to invoice')
        self.assertFalse(self._planned(rule), 'neither a partly invoiced order nor one with a draft invoice')
        self._invoice(order, datetime.date(2026, 3, 10))
        self.assertEqual(order.invoice_status, 'invoiced')
        rule._crm_plan(datetime.datetime(2026, 3, 24, 6, 0))
        self.assertEqual(self._planned(rule).care_occasion_date, datetime.date(2026, 3, 24))

    def test_running_twice_plans_one_follow_up_per_order(self):
        orders = self._create_order() | self._create_order(partner=self.other_customer)
        self._invoice(orders[0], datetime.date(2026, 3, 2))
        self._invoice(orders[1], datetime.date(2026, 3, 3))
        rule = self._rule(days_ahead=3)
        rule._crm_plan(datetime.datetime(2026, 3, 14, 6, 0))
        rule._crm_plan(datetime.datetime(2026, 3, 14, 6, 0))
        rule.last_run_date = False
        rule._crm_plan(datetime.datetime(2026, 3, 14, 7, 0))
        self.assertEqual(
            self._planned(rule).mapped(lambda i: (i.partner_id, i.care_occasion_date)),
            [(self.customer_contact, datetime.date(2026, 3, 16)), (self.other_customer, datetime.date(2026, 3, 17))],
        )

    def test_invoice_posted_after_its_follow_up_day_is_followed_up_late(self):
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        rule._crm_plan(datetime.datetime(2026, 3, 17, 6, 0))
        # Posted on the 18th with the invoice date of the 2nd: its follow-up was due on the 16th.
        self._invoice(self._create_order(), datetime.date(2026, 3, 2))
        rule._crm_plan(datetime.datetime(2026, 3, 18, 6, 0))
        rule._crm_plan(datetime.datetime(2026, 3, 19, 6, 0))
        self.assertEqual(self._planned(rule).care_occasion_date, datetime.date(2026, 3, 16))

    def test_order_invoiced_longer_ago_than_the_catch_up_is_not_followed_up(self):
        self._invoice(self._create_order(), datetime.date(2026, 1, 2))
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        self.assertFalse(self._planned(rule))

    def test_order_of_another_company_is_left_to_that_companys_rule(self):
        self._invoice(self._create_order(company=self.branch), datetime.date(2026, 3, 2))
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        self.assertFalse(self._planned(rule))

    def test_salesperson_with_own_documents_sees_the_follow_ups_of_their_orders(self):
        self._invoice(self._create_order(), datetime.date(2026, 3, 2))
        colleague_order = self._create_order(partner=self.other_customer)
        colleague_order.user_id = self.user_salesman_colleague
        self._invoice(colleague_order, datetime.date(2026, 3, 2))
        rule = self._rule()
        rule._crm_plan(datetime.datetime(2026, 3, 16, 6, 0))
        mine = self.env['crm.interaction'].with_user(self.user_salesman).search([('care_rule_id', '=', rule.id)])
        self.assertEqual(mine.partner_id, self.customer_contact)


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestAfterSalesPerformance(CustomerCareAccountingCommon):
    def _invoiced_orders(self, count, invoice_date):
        contacts = self.env['res.partner'].create(
            [{'name': f'Nákupčí {index}', 'parent_id': self.customer.id} for index in range(count)]
        )
        orders = self.env['sale.order']
        for contact in contacts:
            orders |= self._create_order(partner=contact)
        self._invoice(orders, invoice_date)
        self.env.flush_all()
        self.env.invalidate_all()
        return orders

    def test_after_sales_run_costs_the_same_queries_for_1_or_6_orders(self):
        rule = self._rule()
        self._invoiced_orders(1, datetime.date(2026, 3, 1))
        rule._crm_plan(datetime.datetime(2026, 3, 15, 6, 0))  # what every run reads once (access rules) is cached
        for day, count in ((2, 1), (3, 6)):
            self._invoiced_orders(count, datetime.date(2026, 3, day))
            with self.assertQueryCount(14):
                rule._crm_plan(datetime.datetime(2026, 3, 14 + day, 6, 0))
        self.assertEqual(len(self._planned(rule)), 8)
