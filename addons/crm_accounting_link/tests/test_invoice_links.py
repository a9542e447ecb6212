from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestInvoiceLinks(CrmAccountingLinkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(opportunity=cls.opportunity)
        cls.invoice = cls._invoice_orders(cls.order)

    def test_invoice_links_the_orders_and_opportunities_of_its_lines(self):
        invoice = self.invoice.with_user(self.user_accountant)
        self.assertEqual(invoice.crm_sale_order_ids, self.order)
        self.assertEqual(invoice.crm_opportunity_ids, self.opportunity)

    def test_links_do_not_depend_on_the_source_document_text(self):
        other_order = self._create_order()
        self.invoice.invoice_origin = other_order.name
        self.assertEqual(self.invoice.crm_sale_order_ids, self.order)

    def test_one_invoice_for_two_orders_links_both(self):
        second_opportunity = self.env['crm.lead'].create(
            {'name': 'Servisní smlouva', 'type': 'opportunity', 'partner_id': self.customer.id}
        )
        orders = self._create_order(opportunity=self.opportunity) | self._create_order(opportunity=second_opportunity)
        invoice = self._invoice_orders(orders)
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.crm_sale_order_ids, orders)
        self.assertEqual(invoice.crm_opportunity_ids, self.opportunity | second_opportunity)

    def test_credit_note_keeps_the_links_of_its_invoice(self):
        credit_note = self.invoice._reverse_moves()
        self.assertEqual(credit_note.move_type, 'out_refund')
        self.assertEqual(credit_note.crm_sale_order_ids, self.order)
        self.assertEqual(credit_note.crm_opportunity_ids, self.opportunity)

    def test_opportunity_set_on_the_order_later_reaches_its_invoices(self):
        order = self._create_order()
        invoice = self._invoice_orders(order)
        self.assertFalse(invoice.crm_opportunity_ids)
        order.opportunity_id = self.opportunity
        self.assertEqual(invoice.crm_opportunity_ids, self.opportunity)

    def test_invoice_without_order_links_nothing(self):
        invoice = self._create_invoice(self.customer, 1000.0)
        self.assertFalse(invoice.crm_sale_order_ids)
        self.assertFalse(invoice.crm_opportunity_ids)

    def test_search_invoices_by_order_name_and_by_opportunity(self):
        other_invoice = self._invoice_orders(self._create_order())
        invoices = self.env['account.move'].with_user(self.user_accountant)
        ours = [('id', 'in', (self.invoice | other_invoice).ids)]
        self.assertEqual(invoices.search(ours + [('crm_sale_order_ids', 'ilike', self.order.name)]), self.invoice)
        self.assertEqual(invoices.search(ours + [('crm_opportunity_ids', 'ilike', 'lisovny')]), self.invoice)
        self.assertEqual(invoices.search(ours + [('crm_opportunity_ids', '=', False)]), other_invoice)

    def test_group_invoices_by_order_and_by_opportunity(self):
        other_order = self._create_order()
        other_invoice = self._invoice_orders(other_order)
        invoices = self.env['account.move'].with_user(self.user_accountant)
        ours = [('id', 'in', (self.invoice | other_invoice).ids)]
        by_order = invoices._read_group(ours, ['crm_sale_order_ids'], ['__count'])
        self.assertEqual(dict(by_order), {self.order: 1, other_order: 1})
        by_opportunity = invoices._read_group(ours, ['crm_opportunity_ids'], ['id:recordset'])
        self.assertEqual(dict(by_opportunity), {self.opportunity: self.invoice, self.env['crm.lead']: other_invoice})

    def test_accountant_without_sales_rights_reads_the_links_with_their_names(self):
        self.assertFalse(self.user_accountant.has_group('sales_team.group_sale_salesman'))
        values = self.invoice.with_user(self.user_accountant).web_read(
            {
                'crm_sale_order_ids': {'fields': {'display_name': {}}},
                'crm_opportunity_ids': {'fields': {'display_name': {}}},
            }
        )[0]
        self.assertEqual(values['crm_sale_order_ids'], [{'id': self.order.id, 'display_name': self.order.name}])
        self.assertEqual(
            values['crm_opportunity_ids'], [{'id': self.opportunity.id, 'display_name': 'Modernizace lisovny'}]
        )

    def test_salesperson_sees_the_links_of_their_invoices(self):
        invoice = self.invoice.with_user(self.user_salesman)
        self.assertEqual(invoice.crm_sale_order_ids, self.order)
        self.assertEqual(invoice.crm_opportunity_ids, self.opportunity)

    def test_portal_user_cannot_read_the_links(self):
        self.user_portal.partner_id.parent_id = self.customer
        invoice = self.invoice.with_user(self.user_portal)
        self.assertEqual(invoice.name, self.invoice.name)
        for fname in ('crm_sale_order_ids', 'crm_opportunity_ids'):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                invoice.read([fname])
