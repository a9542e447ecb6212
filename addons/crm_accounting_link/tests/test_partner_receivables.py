from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmAccountingLinkCommon

FIGURES = [
    'crm_unpaid_invoice_count',
    'crm_unpaid_amount',
    'crm_overdue_invoice_count',
    'crm_overdue_amount',
    'crm_oldest_overdue_days',
]


@tagged('post_install', '-at_install')
class TestPartnerReceivables(CrmAccountingLinkCommon):
    def _figures(self, partner, user=None, company=None):
        partner = partner.with_user(user or self.user_salesman)
        if company:
            partner = partner.with_context(allowed_company_ids=company.ids)
        partner.invalidate_recordset()
        return [partner[fname] for fname in FIGURES]

    def test_salesperson_without_accounting_rights_sees_invoices_less_credit_notes(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-10)
        self._create_invoice(self.customer, 2000.0, due_in_days=20)
        self._create_invoice(self.customer, 300.0, due_in_days=-40, move_type='out_refund')
        self._create_invoice(self.other_customer, 5000.0, due_in_days=-90)
        self.assertEqual(self._figures(self.customer), [3, 2700.0, 1, 1000.0, 10])
        self.assertEqual(self.customer.with_user(self.user_salesman).crm_currency_id, self.czk)
        with self.assertRaises(AccessError):
            # the standard receivable stays an accounting figure
            self.customer.with_user(self.user_salesman).read(['credit'])

    def test_contacts_and_addresses_roll_up_to_their_company(self):
        self._create_invoice(self.customer_contact, 1000.0, due_in_days=-5)
        self._create_invoice(self.customer_invoice_address, 400.0, due_in_days=-15)
        self._create_invoice(self.customer, 600.0)
        for partner in (self.customer, self.customer_contact, self.customer_invoice_address):
            with self.subTest(partner=partner.name):
                self.assertEqual(self._figures(partner), [3, 2000.0, 2, 1400.0, 15])

    def test_partial_payment_counts_what_is_left_and_full_payment_nothing(self):
        partly_paid = self._create_invoice(self.customer, 1000.0, due_in_days=-3)
        paid = self._create_invoice(self.customer, 700.0, due_in_days=-30)
        self._pay(partly_paid, 400.0)
        self._pay(paid)
        self.assertEqual(partly_paid.payment_state, 'partial')
        self.assertEqual(self._figures(self.customer), [1, 600.0, 1, 600.0, 3])

    def test_draft_and_cancelled_invoices_do_not_count(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-3, post=False)
        self._create_invoice(self.customer, 1000.0, due_in_days=-3).button_cancel()
        self.assertEqual(self._figures(self.customer), [0, 0.0, 0, 0.0, 0])

    def test_foreign_currency_invoice_counts_at_its_own_rate(self):
        invoice = self._create_invoice(self.customer, 100.0, due_in_days=-1, currency=self.eur)
        self.env['res.currency.rate'].create(
            {'name': self.today, 'rate': 0.05, 'currency_id': self.eur.id, 'company_id': self.company.id}
        )
        self.assertEqual(invoice.amount_residual_signed, 2500.0)
        self.assertEqual(self._figures(self.customer), [1, 2500.0, 1, 2500.0, 1])

    def test_each_company_counts_in_its_own_currency(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-2)
        self._create_invoice(self.customer, 80.0, due_in_days=-4, company=self.branch)
        both = self.company | self.branch
        self.assertEqual(self._figures(self.customer, company=both), [1, 1000.0, 1, 1000.0, 2])
        self.assertEqual(self._figures(self.customer, company=self.branch + self.company), [1, 80.0, 1, 80.0, 4])
        self.assertEqual(
            self.customer.with_user(self.user_salesman)
            .with_context(allowed_company_ids=self.branch.ids)
            .crm_currency_id,
            self.eur,
        )

    def test_company_counts_with_its_branches_like_the_standard_receivable(self):
        self.company.write({'child_ids': [Command.create({'name': 'Pobočka Ostrava'})]})
        self.env.cr.precommit.run()  # gives the branch the chart of accounts of its company
        branch = self.company.child_ids
        (self.user_salesman | self.user_accountant).write({'company_ids': [Command.link(branch.id)]})
        self._create_invoice(self.customer, 1000.0, due_in_days=-2)
        branch_invoice = self._create_invoice(self.customer, 500.0, due_in_days=-6, company=branch)
        self.assertEqual(branch_invoice.currency_id, self.czk)
        for active in (self.company, branch):
            with self.subTest(company=active.name):
                self.assertEqual(self._figures(self.customer, company=active), [2, 1500.0, 2, 1500.0, 6])
                self.assertEqual(self.customer.with_user(self.user_accountant).with_company(active).credit, 1500.0)
        customer = self.customer.with_user(self.user_salesman).with_context(
            allowed_company_ids=(self.company | branch).ids
        )
        unpaid = (
            self.env['account.move']
            .with_user(self.user_salesman)
            .with_context(allowed_company_ids=(self.company | branch).ids)
            .search(customer.action_crm_unpaid_invoices()['domain'])
        )
        self.assertEqual(len(unpaid), 2)
        self.assertIn(branch_invoice, unpaid)

    def test_figures_of_a_company_the_user_may_not_see_are_refused(self):
        self._create_invoice(self.customer, 80.0, due_in_days=-4, company=self.branch)
        self.assertEqual(self._figures(self.customer, user=self.user_salesman_czech_only), [0, 0.0, 0, 0.0, 0])
        with self.assertRaises(AccessError):
            self._figures(self.customer, user=self.user_salesman_czech_only, company=self.branch)

    def test_search_customers_with_overdue_invoices(self):
        self._create_invoice(self.customer_contact, 1000.0, due_in_days=-10)
        self._create_invoice(self.other_customer, 500.0, due_in_days=10)
        partners = self.env['res.partner'].with_user(self.user_salesman)
        ours = [
            (
                'id',
                'in',
                (self.customer | self.customer_contact | self.customer_invoice_address | self.other_customer).ids,
            )
        ]
        everyone_of_customer = self.customer | self.customer_contact | self.customer_invoice_address
        self.assertEqual(partners.search(ours + [('crm_overdue_invoice_count', '>', 0)]), everyone_of_customer)
        self.assertEqual(partners.search(ours + [('crm_overdue_invoice_count', '=', 0)]), self.other_customer)
        self.assertEqual(partners.search(ours + [('crm_overdue_invoice_count', '!=', 0)]), everyone_of_customer)
        self.assertEqual(
            partners.search(ours + [('crm_unpaid_amount', '>=', 500)]), everyone_of_customer | self.other_customer
        )
        self.assertEqual(partners.search(ours + [('crm_unpaid_amount', '<', 800)]), self.other_customer)
        self.assertEqual(partners.search(ours + [('crm_oldest_overdue_days', '>', 9)]), everyone_of_customer)
        self.assertEqual(
            partners.search(ours + [('crm_overdue_amount', 'in', [1000.0, 0.0])]),
            everyone_of_customer | self.other_customer,
        )

    def test_list_sorts_by_the_figures(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-10)
        self._create_invoice(self.other_customer, 3000.0, due_in_days=-2)
        quiet = self.env['res.partner'].create({'name': 'Bez dluhů s.r.o.', 'is_company': True})
        partners = self.env['res.partner'].with_user(self.user_salesman)
        ours = [('id', 'in', (self.customer | self.other_customer | quiet).ids)]
        self.assertTrue(partners.fields_get(['crm_overdue_amount'], ['sortable'])['crm_overdue_amount']['sortable'])
        self.assertEqual(
            partners.search(ours, order='crm_overdue_amount desc').ids,
            [self.other_customer.id, self.customer.id, quiet.id],
        )
        self.assertEqual(
            partners.search(ours, order='crm_oldest_overdue_days desc, id').ids,
            [self.customer.id, self.other_customer.id, quiet.id],
        )
        self.assertEqual(
            partners.search(ours, order='crm_unpaid_invoice_count, name').ids,
            [quiet.id, self.other_customer.id, self.customer.id],
        )

    def test_portal_user_reads_none_of_it(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-10)
        self.user_portal.partner_id.parent_id = self.customer
        portal_partner = self.user_portal.partner_id.with_user(self.user_portal)
        for fname in FIGURES + ['crm_overdue_warning', 'crm_not_due_note', 'crm_currency_id']:
            with self.subTest(field=fname), self.assertRaises(AccessError):
                portal_partner.read([fname])
        self.assertFalse(set(FIGURES) & set(portal_partner.fields_get()))

    def test_accountant_sees_the_same_figures(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-10)
        self.assertEqual(self._figures(self.customer, user=self.user_accountant), [1, 1000.0, 1, 1000.0, 10])
