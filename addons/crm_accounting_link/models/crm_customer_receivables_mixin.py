from odoo import api, fields, models

from .res_partner import RECEIVABLE_GROUPS


class CrmCustomerReceivablesMixin(models.AbstractModel):
    _name = 'crm.customer.receivables.mixin'
    _description = "Customer's Unpaid Invoices on a Sales Document"

    crm_overdue_warning = fields.Char(
        'Overdue Warning', compute='_compute_crm_customer_receivables', compute_sudo=True, groups=RECEIVABLE_GROUPS
    )
    crm_not_due_note = fields.Char(
        'Unpaid, Not Overdue', compute='_compute_crm_customer_receivables', compute_sudo=True, groups=RECEIVABLE_GROUPS
    )

    @api.depends_context('lang')
    @api.depends('partner_id', 'company_id')
    def _compute_crm_customer_receivables(self):
        # The customer's debts in the document's company with its main company and branches, in their currency.
        for company, records in self.grouped(lambda record: record.company_id or self.env.company).items():
            for record in records:
                customer = record.partner_id.with_company(company)
                record.crm_overdue_warning = customer.crm_overdue_warning
                record.crm_not_due_note = customer.crm_not_due_note

    def _crm_customer_in_company(self):
        self.ensure_one()
        return self.partner_id.with_company(self.company_id or self.env.company)

    def action_crm_unpaid_invoices(self):
        return self._crm_customer_in_company().action_crm_unpaid_invoices()
