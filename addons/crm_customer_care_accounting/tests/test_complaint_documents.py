import datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .test_after_sales import CustomerCareAccountingCommon


@tagged('post_install', '-at_install')
class TestComplaintDocuments(CustomerCareAccountingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order()
        cls.invoice = cls._invoice(cls.order, datetime.date(2026, 3, 2))
        cls.colleague_order = cls._create_order(partner=cls.other_customer)
        cls.colleague_order.user_id = cls.user_salesman_colleague

    def _complaint(self, user=None, **values):
        return (
            self.env['crm.interaction']
            .with_user(user or self.user_salesman)
            .create(
                {
                    'subject': 'Reklamace: vadný díl',
                    'interaction_type_id': self.type_complaint.id,
                    'partner_id': self.customer_contact.id,
                    **values,
                }
            )
        )

    def test_salesperson_links_a_complaint_to_their_order_and_its_invoice(self):
        complaint = self._complaint(crm_sale_order_id=self.order.id, crm_invoice_id=self.invoice.id)
        order = self.order.with_user(self.user_salesman)
        self.assertEqual(order.crm_complaint_count, 1)
        action = order.action_crm_complaints()
        self.assertEqual(self.env['crm.interaction'].with_user(self.user_salesman).search(action['domain']), complaint)
        self.assertEqual(action['context']['default_crm_sale_order_id'], self.order.id)
        self.assertEqual(self.invoice.with_user(self.user_salesman).crm_complaint_count, 1)

    def test_document_of_another_customer_is_refused(self):
        with self.assertRaises(ValidationError):
            self._complaint(crm_sale_order_id=self.colleague_order.id)
        other_invoice = self._create_invoice(self.other_customer, 500.0)
        complaint = self._complaint()
        with self.assertRaises(ValidationError):
            complaint.crm_invoice_id = other_invoice
        self.assertFalse(complaint.crm_invoice_id)

    def test_salesperson_with_own_documents_counts_only_the_complaints_they_may_read(self):
        self._complaint(user=self.user_salesman_colleague, crm_sale_order_id=self.order.id)
        mine = self._complaint(crm_sale_order_id=self.order.id)
        order = self.order.with_user(self.user_salesman)
        self.assertEqual(order.crm_complaint_count, 1)
        self.assertEqual(
            self.env['crm.interaction'].with_user(self.user_salesman).search(order.action_crm_complaints()['domain']),
            mine,
        )
        self.assertEqual(self.order.crm_complaint_count, 2, 'the administrator counts both')

    def test_salesperson_with_own_documents_cannot_open_a_colleagues_order(self):
        with self.assertRaises(AccessError):
            self.colleague_order.with_user(self.user_salesman).check_access('read')

    def test_accountant_without_sales_rights_opens_the_invoice(self):
        self._complaint(crm_invoice_id=self.invoice.id)
        invoice = self.invoice.with_user(self.user_accountant)
        arch = invoice.get_views([(False, 'form')])['views']['form']['arch']
        self.assertNotIn('action_crm_complaints', arch)
        self.assertEqual(invoice.web_read({'name': {}, 'crm_complaint_count': {}})[0]['crm_complaint_count'], 0)

    def test_salesperson_form_shows_the_complaints_button(self):
        arch = self.order.with_user(self.user_salesman).get_views([(False, 'form')])['views']['form']['arch']
        self.assertIn('action_crm_complaints', arch)

    def test_complaint_list_of_an_order_costs_the_same_queries_for_one_or_many_orders(self):
        orders = self.order | self._create_order() | self._create_order()
        for order in orders:
            self._complaint(crm_sale_order_id=order.id)
        as_salesperson = orders.with_user(self.user_salesman)
        as_salesperson[0].mapped('crm_complaint_count')  # the record rules are read and cached once
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            self.assertEqual(as_salesperson[0].crm_complaint_count, 1)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            self.assertEqual(as_salesperson.mapped('crm_complaint_count'), [1, 1, 1])
