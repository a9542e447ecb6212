from odoo import models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    def _crm_payment_reminder_lead(self):
        return self
