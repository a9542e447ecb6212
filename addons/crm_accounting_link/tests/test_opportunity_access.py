from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmAccountingLinkCommon

NAMES = {'crm_opportunity_ids': {'fields': {'display_name': {}}}}


@tagged('post_install', '-at_install')
class TestOpportunityAccessForAccounting(CrmAccountingLinkCommon):
    """Billing and accounting users read the opportunities that invoices are made for, and no other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice_orders(cls._create_order(opportunity=cls.opportunity))
        cls.quoted_opportunity = cls.env['crm.lead'].create(
            {
                'name': 'Rekonstrukce kotelny',
                'type': 'opportunity',
                'partner_id': cls.customer.id,
                'user_id': cls.user_salesman_colleague.id,
            }
        )
        cls._create_order(opportunity=cls.quoted_opportunity)
        cls.new_opportunity = cls.env['crm.lead'].create(
            {
                'name': 'Servisní smlouva',
                'type': 'opportunity',
                'partner_id': cls.customer.id,
                'user_id': cls.user_salesman_colleague.id,
            }
        )
        cls.accounting_users = cls.user_billing | cls.user_accounting_readonly | cls.user_accountant

    def _visible(self, user):
        ours = self.opportunity | self.quoted_opportunity | self.new_opportunity
        return self.env['crm.lead'].with_user(user).search([('id', 'in', ours.ids)])

    def test_accounting_users_see_only_the_opportunities_of_invoices(self):
        for user in self.accounting_users:
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), self.opportunity)
                for opportunity in (self.quoted_opportunity, self.new_opportunity):
                    with self.assertRaises(AccessError):
                        opportunity.with_user(user).read(['name'])

    def test_accounting_users_read_the_opportunity_names_on_invoices_and_payments(self):
        payment = self._pay(self.invoice)
        expected = [{'id': self.opportunity.id, 'display_name': 'Modernizace lisovny'}]
        for user in self.accounting_users:
            for document in (self.invoice, payment):
                with self.subTest(user=user.login, model=document._name):
                    values = document.with_user(user).web_read(NAMES)[0]
                    self.assertEqual(values['crm_opportunity_ids'], expected)

    def test_opportunity_of_an_invoice_being_made_is_readable_at_once(self):
        # The invoice form reads the new invoice's links in the same request that creates it.
        order = self._create_order(opportunity=self.quoted_opportunity)
        invoice = order.with_user(self.user_billing)._create_invoices()
        self.assertEqual(
            invoice.web_read(NAMES)[0]['crm_opportunity_ids'],
            [{'id': self.quoted_opportunity.id, 'display_name': 'Rekonstrukce kotelny'}],
        )

    def test_opportunity_taken_off_its_order_is_hidden_again(self):
        order = self.invoice.crm_sale_order_ids
        order.opportunity_id = self.quoted_opportunity
        self.assertEqual(self._visible(self.user_billing), self.quoted_opportunity)
        order.opportunity_id = False
        self.assertFalse(self._visible(self.user_billing))

    def test_salesperson_who_also_bills_keeps_their_own_and_gains_the_invoiced(self):
        self.user_salesman.group_ids |= self.env.ref('account.group_account_invoice')
        self.opportunity.user_id = self.user_salesman_colleague
        own = self.env['crm.lead'].create(
            {'name': 'Vlastní poptávka', 'type': 'opportunity', 'user_id': self.user_salesman.id}
        )
        self.assertEqual(
            self.env['crm.lead']
            .with_user(self.user_salesman)
            .search([('id', 'in', (own | self.opportunity | self.quoted_opportunity).ids)]),
            own | self.opportunity,
        )
        with self.assertRaises(AccessError):
            # reading the invoice's opportunity does not make it theirs to change
            self.opportunity.with_user(self.user_salesman).write({'name': 'Převzato'})
