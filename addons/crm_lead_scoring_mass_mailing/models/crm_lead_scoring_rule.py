from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

MAILING_EVENT_KINDS = ('mailing_opened', 'mailing_clicked', 'document_downloaded')


class CrmLeadScoringRule(models.Model):
    _inherit = 'crm.lead.scoring.rule'

    event_kind = fields.Selection(
        selection_add=[
            ('mailing_opened', 'Mailing opened'),
            ('mailing_clicked', 'Mailing clicked'),
            ('document_downloaded', 'Document downloaded from a mailing'),
        ],
        ondelete={'mailing_opened': 'cascade', 'mailing_clicked': 'cascade', 'document_downloaded': 'cascade'},
    )
    document_link = fields.Char(
        tracking=True,
        help='The links of a mailing that count as a document download: a part of their address, such as .pdf or '
        '/price-list.',
    )

    @api.constrains('rule_type', 'event_kind', 'document_link')
    def _check_document_link(self):
        for rule in self:
            if (
                rule.rule_type == 'engagement'
                and rule.event_kind == 'document_downloaded'
                and not (rule.document_link or '').strip()
            ):
                raise ValidationError(
                    _(
                        'The engagement rule "%(rule)s" counts document downloads: give a part of '
                        'the address of the document links.',
                        rule=rule.name,
                    )
                )

    @api.model
    def _crm_scoring_fields(self):
        return [*super()._crm_scoring_fields(), 'document_link']

    @api.model
    def _crm_mailing_trace_leads(self, leads):
        """The traces of mailings sent to the leads, to their customers or to their e-mail address (a mailing list
        contact), as SQL of (trace id, lead id): a trace counts once per lead."""
        self.env['crm.lead'].flush_model(['partner_id', 'email_normalized'])
        self.env['mailing.trace'].flush_model(
            ['model', 'res_id', 'email', 'is_test_trace', 'open_datetime', 'links_click_datetime']
        )
        return SQL(
            """SELECT trace.id AS trace_id, lead.id AS lead_id
                 FROM crm_lead lead
                 JOIN mailing_trace trace
                   ON (trace.model = 'crm.lead' AND trace.res_id = lead.id)
                   OR (trace.model = 'res.partner' AND trace.res_id = lead.partner_id)
                   OR (trace.model NOT IN ('crm.lead', 'res.partner') AND trace.email = lead.email_normalized)
                WHERE lead.id IN %s AND NOT COALESCE(trace.is_test_trace, FALSE)""",
            tuple(leads.ids),
        )

    def _crm_mailing_opened_events(self, leads, now):
        """Mailings the customer of the lead opened, as (lead_id, age_days)."""
        return SQL(
            """SELECT traced.lead_id, %s AS age_days
                 FROM (%s) traced JOIN mailing_trace trace ON trace.id = traced.trace_id
                WHERE trace.open_datetime IS NOT NULL""",
            self._crm_age_days(SQL('trace.open_datetime'), now),
            self._crm_mailing_trace_leads(leads),
        )

    def _crm_mailing_clicked_events(self, leads, now):
        """Mailings in which the customer of the lead clicked a link, as (lead_id, age_days)."""
        return SQL(
            """SELECT traced.lead_id, %s AS age_days
                 FROM (%s) traced JOIN mailing_trace trace ON trace.id = traced.trace_id
                WHERE trace.links_click_datetime IS NOT NULL""",
            self._crm_age_days(SQL('trace.links_click_datetime'), now),
            self._crm_mailing_trace_leads(leads),
        )

    def _crm_document_downloaded_events(self, leads, now):
        """Clicks of the customer of the lead on a tracked mailing link to a document of the rule, as
        (lead_id, age_days)."""
        self.env['link.tracker.click'].flush_model(['mailing_trace_id', 'link_id'])
        self.env['link.tracker'].flush_model(['url'])
        return SQL(
            """SELECT traced.lead_id, %s AS age_days
                 FROM (%s) traced
                 JOIN link_tracker_click click ON click.mailing_trace_id = traced.trace_id
                 JOIN link_tracker link ON link.id = click.link_id
                WHERE link.url ILIKE %s""",
            self._crm_age_days(SQL('click.create_date'), now),
            self._crm_mailing_trace_leads(leads),
            f'%{self.document_link.strip()}%',
        )
