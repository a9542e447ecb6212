from odoo import fields, models


class CrmHistoryEntry(models.Model):
    _inherit = 'crm.history.entry'

    kind = fields.Selection(
        selection_add=[
            ('mailing_sent', 'Mailing received'),
            ('mailing_opened', 'Mailing opened'),
            ('mailing_replied', 'Mailing replied'),
            ('mailing_clicked', 'Mailing clicked'),
            ('mailing_bounced', 'Mailing bounced'),
        ]
    )
