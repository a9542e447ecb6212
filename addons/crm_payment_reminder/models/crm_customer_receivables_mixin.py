from odoo import models


class CrmCustomerReceivablesMixin(models.AbstractModel):
    _inherit = 'crm.customer.receivables.mixin'

    def _crm_payment_reminder_lead(self):
        """The opportunity a payment reminder logged from this document is about."""
        return self.env['crm.lead']

    def action_crm_log_payment_reminder(self):
        return self._crm_customer_in_company()._crm_payment_reminder_action(self._crm_payment_reminder_lead())
