from odoo import api, models
from odoo.tools import SQL

HISTORY_CODE_EVENT = 2


class CrmHistoryMixin(models.AbstractModel):
    _inherit = 'crm.history.mixin'

    @api.model
    def _crm_history_parts(self):
        return super()._crm_history_parts() + self._crm_history_event_parts()

    @api.model
    def _crm_history_event_parts(self):
        """The event registrations of each contact, read from Odoo's own registrations, on the day of the event:
        the registration of the contact who booked it, or, when someone else attends with an e-mail address of
        another contact, of the first contact with that address. The two are disjoint, so a registration is one
        entry."""
        values = {
            'id': self._crm_history_id('registration', HISTORY_CODE_EVENT),
            'date': SQL('COALESCE(registration.date_closed, event.date_begin)'),
            'kind': SQL("""CASE registration.state WHEN 'done' THEN 'event_attended'
                                                   WHEN 'cancel' THEN 'event_cancelled'
                                                   ELSE 'event_registered' END"""),
            'name': SQL("COALESCE(event.name->>%s, event.name->>'en_US')", self.env.lang or 'en_US'),
            'partner_id': SQL('partner.id'),
            'commercial_partner_id': SQL('partner.commercial_partner_id'),
            'user_id': SQL('event.user_id'),
            'company_id': SQL('registration.company_id'),
            'res_model': SQL("'event.registration'"),
            'res_id': SQL('registration.id'),
        }
        registrations = SQL("""event_registration registration
                               JOIN event_event event ON event.id = registration.event_id""")
        attendee_email = SQL("lower(trim(registration.email))")
        return [
            (
                values,
                SQL(
                    """%s JOIN res_partner partner ON partner.id = registration.partner_id
                             WHERE registration.active
                               AND (COALESCE(registration.email, '') = ''
                                    OR %s = partner.email_normalized
                                    OR NOT EXISTS (SELECT FROM res_partner attendee
                                                    WHERE attendee.email_normalized = %s))""",
                    registrations,
                    attendee_email,
                    attendee_email,
                ),
            ),
            (
                values,
                SQL(
                    """%s JOIN res_partner partner ON partner.email_normalized = %s
                             LEFT JOIN res_partner booker ON booker.id = registration.partner_id
                             WHERE registration.active AND COALESCE(registration.email, '') != ''
                               AND %s IS DISTINCT FROM booker.email_normalized
                               AND NOT EXISTS (SELECT FROM res_partner earlier
                                                WHERE earlier.email_normalized = partner.email_normalized
                                                  AND earlier.id < partner.id)""",
                    registrations,
                    attendee_email,
                    attendee_email,
                ),
            ),
        ]
