from odoo import _, models


class CrmPersonalDataErasure(models.TransientModel):
    _inherit = 'crm.personal.data.erasure'

    def _erase(self, partner, kept_fields):
        # Found by the address the erasure is about to blank.
        contacts = partner._privacy_mailing_contacts().sudo().with_context(tracking_disable=True)
        traces = partner._privacy_mailing_traces(partner._privacy_leads()).sudo()
        result = super()._erase(partner, kept_fields)
        contacts.write(
            {'name': _('Erased'), 'first_name': False, 'last_name': False, 'company_name': False, 'email': False}
        )
        # A trace keeps that a mailing went out, for the mailing's statistics, but no longer to whom.
        traces.write({'email': False, 'message_id': False})
        return result
