from datetime import date

from lxml import etree

from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged('post_install', '-at_install')
class TestVatPayerDocuments(AccountTestInvoicingCommon):
    """Where money moves: the quotation, the invoice and the vendor bill of a Czech VAT payer as the register of
    VAT payers last described it."""

    @classmethod
    def get_default_groups(cls):
        # the user that prepares the data also makes quotations
        return super().get_default_groups() | cls.quick_ref('sales_team.group_sale_salesman')

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env, 'register_accountant', groups='account.group_account_invoice', company_id=cls.company.id
        )
        cls.supplier = cls.env['res.partner'].create(
            {
                'name': 'Stavby Kubíček s.r.o.',
                'is_company': True,
                'vat': 'CZ28164059',
                'country_id': cls.env.ref('base.cz').id,
                'company_registry': '28164059',
                'crm_vat_reliability': 'unreliable',
                'crm_vat_unreliable_since': date(2026, 10, 21),
            }
        )
        cls.env['crm.published.bank.account'].create(
            {'partner_id': cls.supplier.id, 'acc_number': '2401187733/2010', 'date_published': date(2016, 3, 1)}
        )
        cls.published = cls.env['res.partner.bank'].create(
            {'partner_id': cls.supplier.id, 'acc_number': 'CZ55 2010 0000 0024 0118 7733'}
        )
        cls.unpublished = cls.env['res.partner.bank'].create(
            {'partner_id': cls.supplier.id, 'acc_number': '1234567890/0800'}
        )
        cls.contact = cls.env['res.partner'].create({'name': 'Roman Kubíček', 'parent_id': cls.supplier.id})

    def _bill(self, bank):
        return (
            self.env['account.move']
            .with_user(self.accountant)
            .create(
                {
                    'move_type': 'in_invoice',
                    'partner_id': self.contact.id,
                    'partner_bank_id': bank.id,
                    'invoice_date': date(2026, 11, 30),
                }
            )
        )

    def test_bill_to_an_unpublished_account_is_warned(self):
        self.assertTrue(self._bill(self.unpublished).crm_bank_account_unpublished)

    def test_bill_to_a_published_account_typed_as_iban_is_not_warned(self):
        self.assertFalse(self._bill(self.published).crm_bank_account_unpublished)

    def test_customer_invoice_is_not_checked_for_accounts(self):
        invoice = self.env['account.move'].create(
            {'move_type': 'out_invoice', 'partner_id': self.contact.id, 'partner_bank_id': self.unpublished.id}
        )
        self.assertFalse(invoice.crm_bank_account_unpublished)
        self.assertEqual(invoice.crm_vat_reliability, 'unreliable', "the contact's company is the payer")

    def test_supplier_never_checked_is_not_warned(self):
        self.supplier.crm_vat_reliability = False
        self.assertFalse(self._bill(self.unpublished).crm_bank_account_unpublished)

    def test_unreliable_payer_is_shown_on_the_quotation(self):
        order = self.env['sale.order'].create({'partner_id': self.contact.id})
        self.assertEqual(order.crm_vat_reliability, 'unreliable')
        self.assertEqual(order.crm_vat_unreliable_since, date(2026, 10, 21))

    def test_banners_are_on_the_forms_accountants_open(self):
        for model in ('account.move', 'sale.order'):
            with self.subTest(model=model):
                arch = self.env[model].with_user(self.accountant).get_views([(False, 'form')])['views']['form']['arch']
                self.assertTrue(etree.fromstring(arch).xpath("//div[@name='warning_unreliable_vat_payer']"))

    def test_nightly_check_follows_customers_and_suppliers_only(self):
        prospect = self.env['res.partner'].create(
            {
                'name': 'Nový zájemce s.r.o.',
                'is_company': True,
                'company_registry': '27082440',
                'country_id': self.env.ref('base.cz').id,
            }
        )
        self.init_invoice('in_invoice', partner=self.supplier, amounts=[1000.0], post=True)
        watched = self.env['res.partner'].search(self.env['res.partner']._crm_register_watch_domain())
        self.assertIn(self.supplier, watched)
        self.assertNotIn(prospect, watched)
