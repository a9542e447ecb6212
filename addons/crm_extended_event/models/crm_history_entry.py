from odoo import fields, models


class CrmHistoryEntry(models.Model):
    _inherit = 'crm.history.entry'

    kind = fields.Selection(
        selection_add=[
            ('event_registered', 'Registered for an event'),
            ('event_attended', 'Attended an event'),
            ('event_cancelled', 'Event registration cancelled'),
        ]
    )
