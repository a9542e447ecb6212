from odoo.tests import Form, tagged

from .common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestPaymentLinks(CrmAccountingLinkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(amount=1000.0, opportunity=cls.opportunity)
        cls.invoice = cls._invoice_orders(cls.order)
        cls.other_opportunity = cls.env['crm.lead'].create(
            {'name': 'Rekonstrukce kotelny', 'type': 'opportunity', 'partner_id': cls.customer.id}
        )
        cls.other_order = cls._create_order(amount=500.0, opportunity=cls.other_opportunity)
        cls.other_invoice = cls._invoice_orders(cls.other_order)

    def _links(self, payment):
        payment = payment.with_user(self.user_accountant)
        return payment.crm_sale_order_ids, payment.crm_opportunity_ids

    def test_full_payment_pays_the_order_and_its_opportunity(self):
        payment = self._pay(self.invoice)
        self.assertEqual(self.invoice.payment_state, 'paid')
        self.assertEqual(self._links(payment), (self.order, self.opportunity))

    def test_accountant_follows_a_payment_to_its_order(self):
        payment = self._pay(self.invoice, 300.0).with_user(self.user_accountant)
        action = payment.action_crm_sale_orders()
        self.assertEqual((action['res_model'], action['res_id']), ('sale.order', self.order.id))
        self.assertEqual(
            self.env['sale.order'].with_user(self.user_accountant).browse(action['res_id']).name, self.order.name
        )

        both = self._pay(self.invoice | self.other_invoice).with_user(self.user_accountant)
        orders = self.env['sale.order'].with_user(self.user_accountant).search(both.action_crm_sale_orders()['domain'])
        self.assertEqual(orders, self.order | self.other_order)

    def test_partial_payment_pays_the_order(self):
        payment = self._pay(self.invoice, 300.0)
        self.assertEqual(self.invoice.payment_state, 'partial')
        self.assertEqual(self._links(payment), (self.order, self.opportunity))

    def test_one_payment_for_several_invoices_pays_all_their_orders(self):
        payment = self._pay(self.invoice | self.other_invoice)
        self.assertEqual(len(payment), 1)
        self.assertEqual(
            self._links(payment), (self.order | self.other_order, self.opportunity | self.other_opportunity)
        )

    def test_several_payments_for_one_invoice_each_pay_the_order(self):
        first = self._pay(self.invoice, 600.0)
        second = self._pay(self.invoice, 400.0)
        self.assertEqual(self.invoice.payment_state, 'paid')
        for payment in (first, second):
            with self.subTest(payment=payment.name):
                self.assertEqual(self._links(payment), (self.order, self.opportunity))

    def test_down_payment_and_final_invoice_payments_pay_the_order(self):
        order = self._create_order(amount=2000.0, opportunity=self.opportunity)
        down_payment_invoice = self._down_payment_invoice(order, 500.0)
        down_payment = self._pay(down_payment_invoice)
        final_invoice = self._invoice_orders(order, final=True)
        self.assertEqual(final_invoice.amount_total, 1500.0)
        final_payment = self._pay(final_invoice)
        for payment in (down_payment, final_payment):
            with self.subTest(payment=payment.name):
                self.assertEqual(self._links(payment), (order, self.opportunity))

    def test_refund_paid_out_on_a_credit_note_belongs_to_the_order(self):
        self._pay(self.invoice)
        credit_note = self.invoice._reverse_moves()
        credit_note.action_post()
        refund = self._pay(credit_note)
        self.assertEqual(refund.payment_type, 'outbound')
        self.assertEqual(self._links(refund), (self.order, self.opportunity))

    def test_payment_reconciled_later_gains_the_link_and_loses_it_when_unreconciled(self):
        payment = self.env['account.payment'].create(
            {'payment_type': 'inbound', 'partner_type': 'customer', 'partner_id': self.customer.id, 'amount': 1000.0}
        )
        payment.action_post()
        self.assertEqual(self._links(payment), (self.env['sale.order'], self.env['crm.lead']))
        receivable = self.invoice.line_ids.filtered(lambda line: line.account_type == 'asset_receivable')
        counterpart = payment.move_id.line_ids.filtered(lambda line: line.account_type == 'asset_receivable')
        (receivable | counterpart).reconcile()
        self.assertEqual(self._links(payment), (self.order, self.opportunity))
        counterpart.remove_move_reconcile()
        self.assertEqual(self._links(payment), (self.env['sale.order'], self.env['crm.lead']))

    def test_unreconciled_payment_says_it_pays_no_order(self):
        payment = self.env['account.payment'].create(
            {'payment_type': 'inbound', 'partner_type': 'customer', 'partner_id': self.customer.id, 'amount': 50.0}
        )
        payment.action_post()
        paid = self._pay(self.invoice)
        payments = self.env['account.payment'].with_user(self.user_accountant)
        ours = [('id', 'in', (payment | paid).ids)]
        self.assertEqual(payments.search(ours + [('crm_sale_order_ids', '=', False)]), payment)
        form = Form(payment.with_user(self.user_accountant))
        self.assertFalse(form.crm_sale_order_ids)

    def test_search_payments_by_order_name_and_group_them_by_order(self):
        first = self._pay(self.invoice)
        second = self._pay(self.other_invoice)
        payments = self.env['account.payment'].with_user(self.user_accountant)
        ours = [('id', 'in', (first | second).ids)]
        self.assertEqual(payments.search(ours + [('crm_sale_order_ids', 'ilike', self.order.name)]), first)
        self.assertEqual(payments.search(ours + [('crm_opportunity_ids', 'ilike', 'kotelny')]), second)
        grouped = dict(payments._read_group(ours, ['crm_sale_order_ids'], ['id:recordset']))
        self.assertEqual(grouped, {self.order: first, self.other_order: second})

    def test_order_lists_the_payments_applied_to_its_invoices(self):
        first = self._pay(self.invoice, 600.0)
        second = self._pay(self.invoice | self.other_invoice)
        order = self.order.with_user(self.user_accountant)
        self.assertEqual(order.crm_payment_ids, first | second)
        self.assertEqual(order.crm_payment_count, 2)
        action = order.action_crm_payments()
        self.assertEqual(
            self.env['account.payment'].with_user(self.user_accountant).search(action['domain']), first | second
        )
        self.assertEqual(self.other_order.with_user(self.user_accountant).crm_payment_ids, second)
