from datetime import timedelta

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.crm_accounting_link.tests.common import CrmAccountingLinkCommon


class CrmCustomerValueCommon(CrmAccountingLinkCommon):
    """The companies, customers and users of crm_accounting_link's tests, with a sales administrator, who
    recomputes the customer values and enters the sales and marketing costs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_values = cls.env['crm.customer.value']
        cls.user_sales_manager = new_test_user(
            cls.env,
            'cal_sales_manager',
            groups='sales_team.group_sale_manager',
            company_id=cls.company.id,
            company_ids=[Command.set((cls.company | cls.branch).ids)],
        )

    @classmethod
    def _dated_invoice(
        cls, partner, amount, days_ago, move_type='out_invoice', company=None, currency=None, due_after=30
    ):
        """A posted invoice dated ``days_ago`` and due ``due_after`` days later."""
        company = company or cls.company
        invoice_date = cls.today - timedelta(days=days_ago)
        invoice = (
            cls.env['account.move']
            .with_company(company)
            .create(
                {
                    'move_type': move_type,
                    'partner_id': partner.id,
                    'company_id': company.id,
                    'currency_id': (currency or company.currency_id).id,
                    'invoice_date': invoice_date,
                    'invoice_date_due': invoice_date + timedelta(days=due_after),
                    'invoice_line_ids': [
                        Command.create(
                            {
                                'product_id': cls.service.id,
                                'quantity': 1,
                                'price_unit': amount,
                                'tax_ids': [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        invoice.action_post()
        return invoice
