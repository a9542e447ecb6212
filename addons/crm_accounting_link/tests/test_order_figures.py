from odoo.tests import tagged

from .common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestOrderAndOpportunityFigures(CrmAccountingLinkCommon):
    def _figures(self, record, user=None):
        record = record.with_user(user or self.user_salesman)
        record.invalidate_recordset()
        return record.crm_invoiced_amount, record.crm_paid_amount, record.crm_amount_due

    def test_order_shows_what_is_paid_and_due_on_its_invoices(self):
        order = self._create_order(amount=1000.0)
        self.assertEqual(self._figures(order), (0.0, 0.0, 0.0))
        invoice = self._invoice_orders(order)
        self._pay(invoice, 400.0)
        self.assertEqual(self._figures(order), (1000.0, 400.0, 600.0))

    def test_salesperson_sees_the_figures_of_invoices_they_may_not_open(self):
        order = self._create_order(amount=1000.0)
        invoice = self._invoice_orders(order)
        invoice.invoice_user_id = self.user_salesman_colleague
        self._pay(invoice, 250.0)
        self.assertFalse(self.env['account.move'].with_user(self.user_salesman).search([('id', '=', invoice.id)]))
        self.assertEqual(self._figures(order), (1000.0, 250.0, 750.0))

    def test_credit_note_lowers_the_invoiced_amount(self):
        order = self._create_order(amount=1000.0)
        invoice = self._invoice_orders(order)
        credit_note = invoice._reverse_moves([{'invoice_date': self.today}])
        credit_note.invoice_line_ids.price_unit = 200.0
        credit_note.action_post()
        self.assertEqual(self._figures(order), (800.0, 0.0, 800.0))
        self._pay(invoice | credit_note)
        self.assertEqual(self._figures(order), (800.0, 800.0, 0.0))

    def test_invoice_of_two_orders_is_shared_by_their_lines(self):
        big = self._create_order(amount=3000.0)
        small = self._create_order(amount=1000.0)
        invoice = self._invoice_orders(big | small)
        self._pay(invoice, 2000.0)
        self.assertEqual(self._figures(big), (3000.0, 1500.0, 1500.0))
        self.assertEqual(self._figures(small), (1000.0, 500.0, 500.0))

    def test_down_payment_counts_once(self):
        order = self._create_order(amount=2000.0)
        self._pay(self._down_payment_invoice(order, 500.0))
        self.assertEqual(self._figures(order), (500.0, 500.0, 0.0))
        self._invoice_orders(order, final=True)
        self.assertEqual(self._figures(order), (2000.0, 500.0, 1500.0))

    def test_foreign_currency_order_counts_in_the_company_currency(self):
        pricelist = self.env['product.pricelist'].create({'name': 'EUR', 'currency_id': self.eur.id})
        order = self._create_order(amount=100.0, confirm=False)
        order.write({'pricelist_id': pricelist.id})
        order.order_line.price_unit = 100.0
        order.action_confirm()
        invoice = self._invoice_orders(order)
        self.assertEqual(invoice.currency_id, self.eur)
        self._pay(invoice, 40.0)
        self.assertEqual(self._figures(order), (2500.0, 1000.0, 1500.0))
        self.assertEqual(order.crm_company_currency_id, self.czk)

    def test_opportunity_sums_its_orders_and_opens_its_invoices(self):
        first = self._create_order(amount=1000.0, opportunity=self.opportunity)
        second = self._create_order(amount=500.0, opportunity=self.opportunity)
        self._create_order(amount=700.0, opportunity=self.opportunity, confirm=False)
        invoices = self._invoice_orders(first) | self._invoice_orders(second)
        self._pay(invoices[0], 1000.0)
        opportunity = self.opportunity.with_user(self.user_salesman)
        self.assertEqual(self._figures(opportunity), (1500.0, 1000.0, 500.0))
        self.assertEqual(opportunity.crm_invoice_count, 2)
        action = opportunity.action_crm_invoices()
        self.assertEqual(self.env['account.move'].with_user(self.user_salesman).search(action['domain']), invoices)

    def test_opportunity_counts_and_lists_the_invoices_its_amounts_sum(self):
        posted = self._invoice_orders(self._create_order(amount=1000.0, opportunity=self.opportunity))
        self._create_order(amount=300.0, opportunity=self.opportunity)._create_invoices()
        self._invoice_orders(self._create_order(amount=500.0, opportunity=self.opportunity)).button_cancel()
        opportunity = self.opportunity.with_user(self.user_salesman)
        self.assertEqual(self._figures(opportunity), (1000.0, 0.0, 1000.0))
        self.assertEqual(opportunity.crm_invoice_count, 1)
        action = opportunity.action_crm_invoices()
        self.assertEqual(self.env['account.move'].with_user(self.user_salesman).search(action['domain']), posted)

    def test_opportunity_leaves_out_orders_of_another_company(self):
        self.opportunity.company_id = False
        invoice = self._invoice_orders(self._create_order(amount=1000.0, opportunity=self.opportunity))
        self._invoice_orders(self._create_order(amount=80.0, opportunity=self.opportunity, company=self.branch))
        opportunity = self.opportunity.with_user(self.user_salesman).with_context(
            allowed_company_ids=(self.company | self.branch).ids
        )
        self.assertEqual(self._figures(opportunity), (1000.0, 0.0, 1000.0))
        self.assertEqual(opportunity.crm_invoice_count, 1)
        self.assertEqual(opportunity.env['account.move'].search(opportunity.action_crm_invoices()['domain']), invoice)

    def test_opportunity_list_sorts_by_the_invoice_figures(self):
        # invoiced, paid: due is what is left
        figures = {
            'Sklad Zlín': (1000.0, 900.0),
            'Linka Kladno': (3000.0, 2800.0),
            'Hala Plzeň': (2000.0, 500.0),
            'Nic nefakturováno': (0.0, 0.0),
        }
        opportunities = self.env['crm.lead'].create(
            [
                {
                    'name': name,
                    'type': 'opportunity',
                    'partner_id': self.customer_contact.id,
                    'user_id': self.user_salesman.id,
                }
                for name in figures
            ]
        )
        for opportunity, (invoiced, paid) in zip(opportunities, figures.values(), strict=True):
            if invoiced:
                invoice = self._invoice_orders(self._create_order(amount=invoiced, opportunity=opportunity))
                self._pay(invoice, paid)
        zlin, kladno, plzen, nothing = opportunities
        leads = self.env['crm.lead'].with_user(self.user_salesman)
        domain = [('id', 'in', opportunities.ids)]
        expected = {
            'crm_invoiced_amount': [kladno, plzen, zlin, nothing],
            'crm_paid_amount': [kladno, zlin, plzen, nothing],
            'crm_amount_due': [plzen, kladno, zlin, nothing],
        }
        for fname, ranking in expected.items():
            with self.subTest(field=fname):
                self.assertTrue(leads.fields_get([fname], ['sortable'])[fname]['sortable'])
                self.assertEqual(leads.search(domain, order=f'{fname} desc').ids, [lead.id for lead in ranking])
                self.assertEqual(leads.search(domain, order=fname).ids, [lead.id for lead in reversed(ranking)])
