from odoo import _, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = 'res.partner'

    def _privacy_event_registrations(self):
        """The registrations of this person as an attendee: with their e-mail address, or booked by them without
        an address of someone else. What they booked for colleagues is the colleagues' data."""
        self.ensure_one()
        own = Domain('partner_id', '=', self.id) & Domain('email', 'in', [False, ''])
        if self.email_normalized:
            own |= Domain('email', '=ilike', self.email_normalized)
        return self.env['event.registration'].with_context(active_test=False).search(own, order='id')

    def _privacy_access_sections(self):
        sections = super()._privacy_access_sections()
        return sections + [
            self._privacy_section(
                'event_registrations',
                _('Event Registrations'),
                self._privacy_event_registrations(),
                (
                    'event_id',
                    'event_begin_date',
                    'state',
                    'name',
                    'email',
                    'phone',
                    'company_name',
                    'event_ticket_id',
                    'registration_answer_ids',
                    'create_date',
                ),
            ),
        ]

    def _privacy_message_domain(self, interactions, leads):
        return super()._privacy_message_domain(interactions, leads) | (
            Domain('model', '=', 'event.registration') & Domain('res_id', 'in', self._privacy_event_registrations().ids)
        )

    def _privacy_attachment_domain(self, interactions, leads, messages):
        return super()._privacy_attachment_domain(interactions, leads, messages) | (
            Domain('res_model', '=', 'event.registration')
            & Domain('res_id', 'in', self._privacy_event_registrations().ids)
        )
