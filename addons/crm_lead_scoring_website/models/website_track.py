import logging

import psycopg2

from odoo import api, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class WebsiteTrack(models.Model):
    _inherit = 'website.track'

    @api.model_create_multi
    def create(self, vals_list):
        tracks = super().create(vals_list)
        self._crm_rescore_visits([(track.visitor_id.id, track.url) for track in tracks])
        return tracks

    @api.model
    def _crm_rescore_visits(self, visits):
        """Rescore the leads of the visitors of these page views, given as (visitor id, url), when a website page
        visit rule counts one of the pages. One query finds those leads, so that a view of a visitor without a
        lead, or of a page no rule counts, costs no more than that."""
        visits = [(visitor_id, url) for visitor_id, url in visits if visitor_id and url]
        if not visits:
            return
        link = self.env['crm.lead']._fields['visitor_ids']
        self.env['crm.lead'].flush_model(['visitor_ids'])
        self.env['crm.lead.scoring.rule'].flush_model(['active', 'rule_type', 'event_kind', 'url_pattern'])
        query = SQL(
            """SELECT DISTINCT link.%(lead)s
                 FROM (VALUES %(visits)s) AS visit(visitor_id, url)
                 JOIN %(link)s link ON link.%(visitor)s = visit.visitor_id
                 JOIN crm_lead_scoring_rule rule ON rule.active AND rule.rule_type = 'engagement'
                  AND rule.event_kind = 'website_visit' AND visit.url ~* rule.url_pattern""",
            visits=SQL(', ').join(SQL('(%s::integer, %s::text)', visitor_id, url) for visitor_id, url in visits),
            lead=SQL.identifier(link.column1),
            visitor=SQL.identifier(link.column2),
            link=SQL.identifier(link.relation),
        )
        # A page view never fails for the score: a pattern the database refuses (written around the check on
        # save) skips the rescore here, and the nightly recompute reports the rule to the manager.
        try:
            with self.env.cr.savepoint(flush=False):
                lead_ids = [lead_id for (lead_id,) in self.env.execute_query(query)]
        except psycopg2.DataError as error:
            _logger.info('Website visits not scored: %s', error)
            return
        self.env['crm.lead'].browse(lead_ids)._crm_recompute_score()
