import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class CrmLeadScoringRule(models.Model):
    _inherit = 'crm.lead.scoring.rule'

    event_kind = fields.Selection(
        selection_add=[('website_visit', 'Website page visit')], ondelete={'website_visit': 'cascade'}
    )
    url_pattern = fields.Char(
        'URL Pattern',
        tracking=True,
        help='A regular expression that the address of a visited page matches somewhere, regardless of case: '
        '/cenik|/pricing counts the visits of the pricing page.',
    )

    @api.constrains('rule_type', 'event_kind', 'url_pattern')
    def _check_url_pattern(self):
        for rule in self.filtered(lambda rule: rule.rule_type == 'engagement' and rule.event_kind == 'website_visit'):
            if not rule.url_pattern:
                raise ValidationError(
                    _(
                        'The engagement rule "%(rule)s" counts website page visits: enter the '
                        'pattern of their address.',
                        rule=rule.name,
                    )
                )
            # The pattern is matched by the database, so the database says whether it is one.
            try:
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(SQL("SELECT '' ~* %s", rule.url_pattern))
            except psycopg2.DataError as error:
                raise ValidationError(
                    _(
                        'The URL pattern "%(pattern)s" of the scoring rule "%(rule)s" is not a valid regular '
                        'expression: %(error)s',
                        pattern=rule.url_pattern,
                        rule=rule.name,
                        error=error.diag.message_primary or error,
                    )
                ) from error

    @api.model
    def _crm_scoring_fields(self):
        return [*super()._crm_scoring_fields(), 'url_pattern']

    def _crm_website_visit_events(self, leads, now):
        """Page views of the leads' website visitors whose address matches the rule's pattern, as
        (lead_id, age_days)."""
        link = self.env['crm.lead']._fields['visitor_ids']
        return SQL(
            """SELECT link.%(lead)s AS lead_id, %(age)s AS age_days
                 FROM %(link)s link
                 JOIN website_track track ON track.visitor_id = link.%(visitor)s
                WHERE link.%(lead)s IN %(lead_ids)s AND track.url ~* %(pattern)s""",
            lead=SQL.identifier(link.column1),
            visitor=SQL.identifier(link.column2),
            link=SQL.identifier(link.relation),
            lead_ids=tuple(leads.ids),
            pattern=self.url_pattern,
            age=self._crm_age_days(SQL('track.visit_datetime'), now),
        )
