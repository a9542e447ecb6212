import logging
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class CrmLeadScoringRule(models.Model):
    """A rule that gives a lead points: for what it is (fit) or for what its customer did (engagement)."""

    _name = 'crm.lead.scoring.rule'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'crm.rule.domain.mixin']
    _description = 'Lead Scoring Rule'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    rule_type = fields.Selection(
        [
            ('fit', 'Fit'),
            ('engagement', 'Engagement'),
        ],
        string='Kind',
        required=True,
        default='fit',
        tracking=True,
        help='Fit: points for a lead that matches the condition. '
        'Engagement: points for every event of the customer, fading with age.',
    )
    domain = fields.Char('Condition', default='[]', tracking=True, help='The leads that get the points of a fit rule.')
    event_kind = fields.Selection(
        [
            ('interaction', 'Interaction'),
            ('inbound_email', 'E-mail received'),
        ],
        string='Event',
        tracking=True,
        help='What the customer did that an engagement rule counts.',
    )
    interaction_type_id = fields.Many2one(
        'crm.interaction.type',
        ondelete='cascade',
        tracking=True,
        help='Resolved interactions of this type count.',
    )
    points = fields.Integer(
        required=True,
        tracking=True,
        help='Points of a matching lead (fit) or of each event (engagement); negative takes points off.',
    )
    cap = fields.Integer(tracking=True, help='Most points an engagement rule gives or takes in all; 0 for no limit.')
    half_life_days = fields.Float(
        'Half-life (days)',
        default=30,
        tracking=True,
        help='An event this many days old counts half its points, twice as old a quarter; '
        '0 keeps every event at full points.',
    )
    description = fields.Text(translate=True)
    last_error = fields.Char(
        readonly=True, copy=False, help='Why the rule was skipped in its last run; empty when it ran.'
    )

    _positive_cap = models.Constraint('CHECK (cap >= 0)', 'The cap of a scoring rule cannot be negative.')
    _positive_half_life = models.Constraint(
        'CHECK (half_life_days >= 0)', 'The half-life of a scoring rule cannot be negative.'
    )

    @api.constrains('rule_type', 'domain')
    def _check_domain(self):
        self._crm_check_domain(
            self.filtered(lambda rule: rule.rule_type == 'fit'),
            'crm.lead',
            _('The condition of the scoring rule "%(rule)s" is not valid: %(error)s'),
        )

    @api.constrains('rule_type', 'event_kind', 'interaction_type_id')
    def _check_event(self):
        for rule in self.filtered(lambda rule: rule.rule_type == 'engagement'):
            if not rule.event_kind:
                raise ValidationError(_('The engagement rule "%(rule)s" needs an event.', rule=rule.name))
            if rule.event_kind == 'interaction' and not rule.interaction_type_id:
                raise ValidationError(
                    _('The engagement rule "%(rule)s" counts interactions: choose their type.', rule=rule.name)
                )

    # --- evaluation -----------------------------------------------------------------------------------------

    @api.model
    def _crm_scoring_fields(self):
        """What scoring reads of its rules, fetched with their search; an event kind that reads more adds it."""
        return [
            'name',
            'rule_type',
            'domain',
            'event_kind',
            'interaction_type_id',
            'points',
            'cap',
            'half_life_days',
            'last_error',
        ]

    def _crm_evaluate(self, leads, now):
        """Return the contributions of these rules to ``leads`` as {lead id: [(rule, points, detail)]}.

        All rules are applied to the whole batch in one query. A rule that fails (its condition refers to a field
        that no longer exists, say) is skipped and reported to the manager; the others go on: when the query
        of all of them fails in the database, each one runs alone to tell the broken ones apart."""
        failed = {}
        queries = {}
        for rule in self:
            try:
                queries[rule] = rule._crm_contribution_query(leads, now)
            except Exception as error:  # noqa: BLE001 - a broken rule must never stop the others
                failed[rule] = str(error)
        # Pending writes go to the database before, outside the guard below: a concurrent update that fails
        # there must reach the server, which retries the request, instead of being taken for a broken rule.
        self.env.flush_all()
        try:
            rows = self._crm_run_contribution_queries(queries.values())
        except Exception:  # noqa: BLE001 - one of the rules is broken in a way only the database finds out
            rows = []
            for rule, query in queries.items():
                try:
                    rows += self._crm_run_contribution_queries([query])
                except Exception as error:  # noqa: BLE001
                    failed[rule] = str(error)
        for rule, error in failed.items():
            _logger.info('Scoring rule %s skipped: %s', rule.id, error)
        self._crm_record_outcome(failed)
        contributions = defaultdict(list)
        rules_by_id = {rule.id: rule for rule in self}
        for rule_id, lead_id, count, youngest_days, oldest_days, weight in rows:
            rule = rules_by_id[rule_id]
            contributions[lead_id].append((rule, *rule._crm_points(count, youngest_days, oldest_days, weight)))
        return contributions

    def _crm_run_contribution_queries(self, queries):
        if not queries:
            return []
        with self.env.cr.savepoint(flush=False):
            return self.env.execute_query(SQL(' UNION ALL ').join(SQL('(%s)', query) for query in queries))

    def _crm_contribution_query(self, leads, now):
        """The SQL of this rule's rows (rule_id, lead_id, count, youngest_days, oldest_days, weight) over the
        leads; a fit rule gives one row per matching lead, with no event figures."""
        self.ensure_one()
        if self.rule_type == 'fit':
            # Searched on no record: a condition on an amount (expected revenue) would otherwise be rounded in the
            # currency of the leads, which reads their companies and fails for a batch in two currencies.
            query = leads.browse()._search(Domain.AND([self._crm_parsed_domain(), [('id', 'in', leads.ids)]]))
            return query.select(
                SQL('%s', self.id),
                SQL.identifier(query.table, 'id'),
                SQL('NULL::bigint'),
                SQL('NULL::float'),
                SQL('NULL::float'),
                SQL('NULL::float'),
            )
        events = getattr(self, f'_crm_{self.event_kind}_events')(leads, now)
        weight = SQL('POWER(0.5, events.age_days / %s)', self.half_life_days) if self.half_life_days else SQL('1')
        return SQL(
            """SELECT %s, events.lead_id, COUNT(*)::bigint, MIN(events.age_days)::float,
                      MAX(events.age_days)::float, SUM(%s)::float
                 FROM (%s) events
                GROUP BY events.lead_id""",
            self.id,
            weight,
            events,
        )

    def _crm_points(self, count, youngest_days, oldest_days, weight):
        """The points of one row of this rule and the detail the breakdown shows of it."""
        if self.rule_type == 'fit':
            return self.points, False
        points = self.points * weight
        if self.cap:
            points = max(-self.cap, min(self.cap, points))
        return round(points), (count, int(youngest_days), int(oldest_days))

    @api.model
    def _crm_age_days(self, date_sql, now):
        return SQL('GREATEST(EXTRACT(EPOCH FROM (%s - %s)) / 86400, 0)', now, date_sql)

    def _crm_interaction_events(self, leads, now):
        """Resolved interactions of the rule's type on the leads, as (lead_id, age_days). Written in SQL: the
        table has no access rule the superuser would apply, and the query is built for every interaction logged."""
        return SQL(
            """SELECT interaction.lead_id AS lead_id, %s AS age_days
                 FROM crm_interaction interaction
                WHERE interaction.lead_id IN %s
                  AND interaction.interaction_type_id = %s
                  AND interaction.state = 'resolved'""",
            self._crm_age_days(SQL('interaction.date'), now),
            tuple(leads.ids),
            self.interaction_type_id.id,
        )

    def _crm_inbound_email_events(self, leads, now):
        """E-mails received on the leads (through the mail gateway), as (lead_id, age_days)."""
        return SQL(
            """SELECT message.res_id AS lead_id, %s AS age_days
                 FROM mail_message message
                WHERE message.model = 'crm.lead'
                  AND message.res_id IN %s
                  AND message.message_type = 'email'""",
            self._crm_age_days(SQL('message.date'), now),
            tuple(leads.ids),
        )

    def _crm_detail_format(self):
        """How this rule's lines of a lead's breakdown read, in the language of the environment: a function of the
        points and the detail of one line. The template is translated once per rule and language, and each
        line only fills it: a list of leads reads many lines of few rules."""
        self.ensure_one()
        name = self.name
        if self.rule_type == 'fit':
            template = _('%(rule)s %(points)s')
            return lambda points, detail: template % {'rule': name, 'points': f'{points:+d}'}
        template = _('%(rule)s: %(count)s×, latest %(days)s days ago %(points)s')
        return lambda points, detail: (
            template % {'rule': name, 'count': detail[0], 'days': detail[1], 'points': f'{points:+d}'}
        )

    # --- reporting --------------------------------------------------------------------------------------------

    def _crm_record_outcome(self, failed):
        """Clear the error of the rules that ran; record it on those that failed and tell the manager who last
        changed each one, once per new error. The error is written in SQL: it is no change of the rule, so it
        leaves who last changed it as it was."""
        ran = self.filtered(lambda rule: rule not in failed and rule.last_error)
        if ran:
            ran._crm_set_last_error(False)
        for rule, error in failed.items():
            if rule.last_error == error:
                continue
            rule._crm_set_last_error(error)
            manager = (
                rule.write_uid
                if rule.write_uid.has_group('sales_team.group_sale_manager')
                else self.env.ref('base.user_admin', raise_if_not_found=False) or self.env.user
            )
            rule.activity_schedule(
                'mail.mail_activity_data_todo',
                user_id=manager.id,
                summary=_('Scoring rule skipped'),
                note=_(
                    'The scoring rule "%(rule)s" could not be applied and was skipped: %(error)s',
                    rule=rule.name,
                    error=error,
                ),
            )

    def _crm_set_last_error(self, error):
        self.env.cr.execute(
            SQL('UPDATE crm_lead_scoring_rule SET last_error = %s WHERE id IN %s', error or None, tuple(self.ids))
        )
        self.invalidate_recordset(['last_error'])
