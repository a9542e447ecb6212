from odoo import _, models


class CrmPersonalDataErasure(models.TransientModel):
    _inherit = 'crm.personal.data.erasure'

    def _erase(self, partner, kept_fields):
        # Found by the address the erasure is about to blank.
        registrations = partner._privacy_event_registrations().sudo().with_context(tracking_disable=True)
        super()._erase(partner, kept_fields)
        # What the attendee wrote in answer to the event's questions is theirs; the choices they picked are not
        # personal without them.
        registrations.registration_answer_ids.filtered(lambda answer: answer.value_text_box).unlink()
        # The registration stays, so that the event's attendance figures do not change, but no longer says who.
        registrations.write({'name': _('Erased'), 'email': False, 'phone': False, 'company_name': False})
