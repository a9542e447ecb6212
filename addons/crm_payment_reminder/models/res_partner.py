from odoo import _, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    def action_crm_log_payment_reminder(self):
        self.ensure_one()
        return self._crm_payment_reminder_action(self.env['crm.lead'])

    def _crm_payment_reminder_action(self, lead):
        """Log a payment reminder or dunning call with the customer company as an interaction, its overdue
        figures as the notes."""
        customer = self.commercial_partner_id
        return self.env['crm.interaction']._action_quick_log(
            {
                'default_partner_id': customer.id,
                'default_lead_id': lead.id,
                'default_subject': _('Payment reminder'),
                'default_description': customer.crm_overdue_warning or customer.crm_not_due_note,
            }
        )
