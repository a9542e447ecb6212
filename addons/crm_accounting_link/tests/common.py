from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class CrmAccountingLinkCommon(AccountTestInvoicingCommon):
    """A Czech company in CZK with a Slovak branch in EUR, a customer company with a contact and an invoicing
    address, an opportunity, and users of every profile the addon serves."""

    @classmethod
    def setup_independent_company(cls, **kwargs):
        return super().setup_independent_company(currency_id=cls._enable_currency('CZK').id, **kwargs)

    @classmethod
    def get_default_groups(cls):
        # the user that prepares the data also creates opportunities and orders
        return super().get_default_groups() | cls.quick_ref('sales_team.group_sale_manager')

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.czk = cls.company.currency_id
        # An invoice in euros in the Czech company books at 25 CZK for 1 EUR.
        cls.eur = cls.setup_other_currency('EUR', rates=[('2000-01-01', 0.04)])
        cls.branch = cls.setup_other_company(name='Slovenská pobočka s.r.o.', currency_id=cls.eur.id)['company']
        both_companies = [Command.set((cls.company | cls.branch).ids)]

        cls.user_salesman = new_test_user(
            cls.env,
            'cal_salesman',
            groups='sales_team.group_sale_salesman',
            name='Karel Prodejce',
            company_id=cls.company.id,
            company_ids=both_companies,
        )
        cls.user_salesman_colleague = new_test_user(
            cls.env,
            'cal_salesman_colleague',
            groups='sales_team.group_sale_salesman',
            name='Eva Kolegyně',
            company_id=cls.company.id,
            company_ids=both_companies,
        )
        cls.user_salesman_czech_only = new_test_user(
            cls.env,
            'cal_salesman_czech_only',
            groups='sales_team.group_sale_salesman_all_leads',
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.user_accountant = new_test_user(
            cls.env,
            'cal_accountant',
            groups='base.group_user,account.group_account_user',
            name='Jana Účetní',
            company_id=cls.company.id,
            company_ids=both_companies,
        )
        cls.user_billing = new_test_user(
            cls.env,
            'cal_billing',
            groups='account.group_account_invoice',
            name='Marie Fakturantka',
            company_id=cls.company.id,
            company_ids=both_companies,
        )
        cls.user_accounting_readonly = new_test_user(
            cls.env,
            'cal_accounting_readonly',
            groups='base.group_user,account.group_account_readonly',
            name='Tomáš Revizor',
            company_id=cls.company.id,
            company_ids=both_companies,
        )
        cls.user_portal = new_test_user(cls.env, 'cal_portal', groups='base.group_portal')

        cls.customer = cls.env['res.partner'].create({'name': 'Strojírny Brno a.s.', 'is_company': True})
        cls.customer_contact = cls.env['res.partner'].create(
            {'name': 'Petr Svoboda', 'parent_id': cls.customer.id, 'type': 'contact'}
        )
        cls.customer_invoice_address = cls.env['res.partner'].create(
            {'name': 'Účtárna', 'parent_id': cls.customer.id, 'type': 'invoice'}
        )
        cls.other_customer = cls.env['res.partner'].create({'name': 'Pekárna Olomouc s.r.o.', 'is_company': True})

        cls.service = cls.env['product.product'].create(
            {
                'name': 'Servisní zásah',
                'type': 'service',
                'invoice_policy': 'order',
                'list_price': 1000.0,
                'taxes_id': [Command.clear()],
            }
        )
        cls.opportunity = cls.env['crm.lead'].create(
            {
                'name': 'Modernizace lisovny',
                'type': 'opportunity',
                'partner_id': cls.customer_contact.id,
                'user_id': cls.user_salesman.id,
            }
        )

    @classmethod
    def _create_invoice(
        cls,
        partner,
        amount,
        due_in_days=30,
        move_type='out_invoice',
        company=None,
        currency=None,
        user=None,
        post=True,
        taxes=None,
    ):
        """An invoice with no sales order behind it, due ``due_in_days`` from today (negative: already due), without
        taxes unless ``taxes`` are given."""
        company = company or cls.company
        invoice = (
            cls.env['account.move']
            .with_company(company)
            .create(
                {
                    'move_type': move_type,
                    'partner_id': partner.id,
                    'company_id': company.id,
                    'currency_id': (currency or company.currency_id).id,
                    'invoice_date': cls.today - timedelta(days=60),
                    'invoice_date_due': cls.today + timedelta(days=due_in_days),
                    'invoice_user_id': (user or cls.user_salesman).id,
                    'invoice_line_ids': [
                        Command.create(
                            {
                                'product_id': cls.service.id,
                                'quantity': 1,
                                'price_unit': amount,
                                'tax_ids': [Command.set(taxes.ids if taxes else [])],
                            }
                        )
                    ],
                }
            )
        )
        if post:
            invoice.action_post()
        return invoice

    @classmethod
    def _create_order(cls, partner=None, amount=1000.0, opportunity=None, company=None, confirm=True):
        company = company or cls.company
        order = (
            cls.env['sale.order']
            .with_company(company)
            .create(
                {
                    'partner_id': (partner or cls.customer_contact).id,
                    'company_id': company.id,
                    'opportunity_id': opportunity.id if opportunity else False,
                    'user_id': cls.user_salesman.id,
                    'order_line': [
                        Command.create({'product_id': cls.service.id, 'product_uom_qty': 1, 'price_unit': amount})
                    ],
                }
            )
        )
        if confirm:
            order.action_confirm()
        return order

    @classmethod
    def _invoice_orders(cls, orders, due_in_days=30, **values):
        invoices = orders._create_invoices(**values)
        invoices.write(
            {
                'invoice_date': cls.today - timedelta(days=60),
                'invoice_date_due': cls.today + timedelta(days=due_in_days),
                'invoice_payment_term_id': False,
            }
        )
        invoices.action_post()
        return invoices

    @classmethod
    def _down_payment_invoice(cls, order, amount):
        wizard = cls.env['sale.advance.payment.inv'].with_context(active_model='sale.order', active_ids=order.ids)
        wizard.create({'advance_payment_method': 'fixed', 'fixed_amount': amount}).create_invoices()
        invoice = order.invoice_ids.filtered(lambda move: move.state == 'draft')
        invoice.action_post()
        return invoice

    @classmethod
    def _pay(cls, invoices, amount=None, **values):
        """Register a payment the way an accountant does, with the wizard of the invoice list."""
        wizard_values = dict(values, group_payment=True)
        if amount is not None:
            wizard_values['amount'] = amount
        return (
            cls.env['account.payment.register']
            .with_context(
                active_model='account.move',
                active_ids=invoices.ids,
            )
            .create(wizard_values)
            ._create_payments()
        )
