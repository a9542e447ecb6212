from odoo import api, fields, models

from .res_partner import RECEIVABLE_GROUPS


class CrmCustomerReceivablesMixin(models.AbstractModel):
    _name = 'crm.customer.receivables.mixin'
    _description = "Customer's Unpaid Invoices on a Sales Document"

    crm_overdue_warning = fields.Char(
        'Overdue Warning', compute='_compute_crm_customer_receivables', compute_sudo=True, groups=RECEIVABLE_GROUPS)
    crm_not_due_note = fields.Char(
        'Unpaid, Not Overdue', compute='_compute_crm_customer_receivables', compute_sudo=True,
        groups=RECEIVABLE_GROUPS)
    crm_can_log_payment_reminder = fields.Boolean(
        'Can Log a Payment Reminder', compute='_compute_crm_can_log_payment_reminder')

    @api.depends_context('lang')
    @api.depends('partner_id', 'company_id')
    def _compute_crm_customer_receivables(self):
        # The customer's debts in the document's own company, in that company's currency.
        for company, records in self.grouped(lambda record: record.company_id or self.env.company).items():
            for record in records:
                customer = record.partner_id.with_company(company)
                record.crm_overdue_warning = customer.crm_overdue_warning
                record.crm_not_due_note = customer.crm_not_due_note

    def _compute_crm_can_log_payment_reminder(self):
        self.crm_can_log_payment_reminder = self.env['res.partner']._crm_can_log_payment_reminder()

    def _crm_customer_in_company(self):
        self.ensure_one()
        return self.partner_id.with_company(self.company_id or self.env.company)

    def _crm_payment_reminder_lead(self):
        """The opportunity a payment reminder logged from this document is about."""
        return self.env['crm.lead']

    def action_crm_unpaid_invoices(self):
        return self._crm_customer_in_company().action_crm_unpaid_invoices()

    def action_crm_log_payment_reminder(self):
        return self._crm_customer_in_company()._crm_payment_reminder_action(self._crm_payment_reminder_lead())
