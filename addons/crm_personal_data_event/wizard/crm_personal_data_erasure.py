import re

from odoo import _, models


def _digits(phone):
    return re.sub(r'\D', '', phone or '')


class CrmPersonalDataErasure(models.TransientModel):
    _inherit = 'crm.personal.data.erasure'

    def _erase(self, partner, kept_fields):
        # Found by the address the erasure is about to blank.
        registrations = partner._privacy_event_registrations().sudo().with_context(tracking_disable=True)
        # A colleague the person booked keeps their registration, but not the person's phone it was filled with.
        booked = (
            self.env['event.registration']
            .sudo()
            .with_context(tracking_disable=True, active_test=False)
            .search([('partner_id', '=', partner.id), ('id', 'not in', registrations.ids), ('phone', '!=', False)])
        )
        booked = booked.filtered(
            lambda registration: partner.phone and _digits(registration.phone) == _digits(partner.phone)
        )
        result = super()._erase(partner, kept_fields)
        booked.write({'phone': False})
        # What the attendee wrote in answer to the event's questions is theirs; the choices they picked are not
        # personal without them.
        registrations.registration_answer_ids.filtered(lambda answer: answer.value_text_box).unlink()
        # The registration stays, so that the event's attendance figures do not change, but no longer says who.
        registrations.write({'name': _('Erased'), 'email': False, 'phone': False, 'company_name': False})
        return result
