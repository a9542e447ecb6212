from odoo import api, models
from odoo.tools import SQL

HISTORY_CODE_MAILING = 1
# The traces of mailings that reached the contact or tried to; queued, failed and cancelled ones did not happen.
HISTORY_TRACE_STATES = ('pending', 'sent', 'open', 'reply', 'bounce')


class CrmHistoryMixin(models.AbstractModel):
    _inherit = 'crm.history.mixin'

    @api.model
    def _crm_history_parts(self):
        return super()._crm_history_parts() + self._crm_history_mailing_parts()

    @api.model
    def _crm_history_mailing_parts(self):
        """The mailing traces of each contact, read from Odoo's own traces: a mailing to the contact, to one of
        their leads, or to another recipient (a mailing list contact) with the contact's e-mail address, which
        then belongs to the first contact with that address. The three are disjoint by the trace's model, so a
        trace is one entry. A mailing belongs to no company in Odoo: its entries take the company its responsible
        works in, as Odoo sends it from that company's mail server."""
        values = {
            'id': self._crm_history_id('trace', HISTORY_CODE_MAILING),
            'date': SQL(
                'COALESCE(trace.links_click_datetime, trace.reply_datetime, trace.open_datetime, '
                'trace.sent_datetime, trace.create_date)'
            ),
            'kind': SQL("""CASE WHEN trace.links_click_datetime IS NOT NULL THEN 'mailing_clicked'
                                WHEN trace.trace_status = 'reply' THEN 'mailing_replied'
                                WHEN trace.trace_status = 'open' OR trace.open_datetime IS NOT NULL
                                     THEN 'mailing_opened'
                                WHEN trace.trace_status = 'bounce' THEN 'mailing_bounced'
                                ELSE 'mailing_sent' END"""),
            'name': SQL('mailing.subject'),
            'partner_id': SQL('partner.id'),
            'commercial_partner_id': SQL('partner.commercial_partner_id'),
            'user_id': SQL('mailing.user_id'),
            'company_id': SQL('responsible.company_id'),
            'res_model': SQL("'mailing.trace'"),
            'res_id': SQL('trace.id'),
        }
        traces = SQL(
            """mailing_trace trace
               JOIN mailing_mailing mailing ON mailing.id = trace.mass_mailing_id
               LEFT JOIN res_users responsible ON responsible.id = mailing.user_id"""
        )
        reached = SQL('trace.trace_status IN %s AND NOT COALESCE(trace.is_test_trace, FALSE)', HISTORY_TRACE_STATES)
        return [
            (
                values,
                SQL(
                    """%s JOIN res_partner partner ON partner.id = trace.res_id
                             WHERE trace.model = 'res.partner' AND %s""",
                    traces,
                    reached,
                ),
            ),
            (
                values,
                SQL(
                    """%s JOIN crm_lead lead ON lead.id = trace.res_id
                             JOIN res_partner partner ON partner.id = lead.partner_id
                             WHERE trace.model = 'crm.lead' AND %s""",
                    traces,
                    reached,
                ),
            ),
            (
                values,
                SQL(
                    """%s JOIN res_partner partner ON partner.email_normalized = trace.email
                             WHERE trace.model NOT IN ('res.partner', 'crm.lead') AND %s
                               AND NOT EXISTS (SELECT FROM res_partner earlier
                                                WHERE earlier.email_normalized = trace.email
                                                  AND earlier.id < partner.id)""",
                    traces,
                    reached,
                ),
            ),
        ]
