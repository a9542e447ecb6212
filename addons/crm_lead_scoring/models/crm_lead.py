import json

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, split_every

# Settings of the lead score (ir.config_parameter) and their values until a manager changes them. The keys keep the
# name they were given when scoring was part of CRM Extended, so that the values managers set stay.
SCORE_SETTINGS = {
    'crm_extended.score_grade_a': 60,
    'crm_extended.score_grade_b': 40,
    'crm_extended.score_grade_c': 20,
    'crm_extended.score_threshold': 50,
    'crm_extended.score_hysteresis': 10,
}
SCORE_FIELDS = ('crm_score', 'crm_score_grade', 'crm_score_contributions', 'crm_score_date')
SCORE_GRADES = [('a', 'A'), ('b', 'B'), ('c', 'C'), ('d', 'D')]
SCORE_BATCH = 1000


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    crm_score = fields.Integer(
        'Score',
        readonly=True,
        copy=False,
        index=True,
        help='Points of the scoring rules this lead meets; the breakdown says which. '
        "Odoo's probability is not changed by it.",
    )
    crm_score_grade = fields.Selection(
        SCORE_GRADES,
        string='Grade',
        readonly=True,
        copy=False,
        index=True,
        help='The score in bands set in the CRM settings.',
    )
    crm_score_date = fields.Datetime('Score Changed On', readonly=True, copy=False)
    # [rule id, points, count, days since the youngest event, days since the oldest], the biggest first; a fit
    # rule has no event figures. Kept as data, the breakdown reads in the language of whoever reads it.
    crm_score_contributions = fields.Json('Score Contributions', readonly=True, copy=False)
    crm_score_breakdown = fields.Text(
        'Score Breakdown',
        compute='_compute_crm_score_breakdown',
        help='The rules that gave or took points, the biggest first.',
    )
    crm_score_notified = fields.Boolean(
        'Call Now Sent',
        readonly=True,
        copy=False,
        help='The salesperson was told to call when the score reached the threshold; they are told again only '
        'after it has fallen below the threshold less the hysteresis.',
    )

    @api.depends('crm_score_contributions')
    @api.depends_context('lang')
    def _compute_crm_score_breakdown(self):
        rule_ids = {line[0] for lead in self for line in lead.crm_score_contributions or ()}
        rules = self.env['crm.lead.scoring.rule'].sudo().with_context(active_test=False)
        # Searched, not browsed: a rule deleted since the lead was scored gives no line.
        rules = rules.search_fetch([('id', 'in', list(rule_ids))], rules._crm_scoring_fields()) if rule_ids else rules
        formats = {rule.id: rule._crm_detail_format() for rule in rules}
        for lead in self:
            lead.crm_score_breakdown = (
                '\n'.join(
                    formats[rule_id](points, detail)
                    for rule_id, points, *detail in lead.crm_score_contributions or ()
                    if rule_id in formats
                )
                or False
            )

    def _message_post_after_hook(self, message, msg_vals):
        if msg_vals.get('message_type') == 'email':
            # An e-mail from the customer is an engagement event of the lead.
            self._crm_recompute_score()
        return super()._message_post_after_hook(message, msg_vals)

    # --- lead score -----------------------------------------------------------------------------------------

    @api.model
    def _crm_score_settings(self):
        parameters = self.env['ir.config_parameter'].sudo()
        return {
            key.removeprefix('crm_extended.score_'): int(parameters.get_param(key, default))
            for key, default in SCORE_SETTINGS.items()
        }

    def action_crm_recompute_score(self):
        self.check_access('read')
        self._crm_recompute_score()

    @api.model
    def _cron_crm_recompute_scores(self):
        """Every open lead again, so that old events fade and fit rules follow changed leads."""
        leads = self.search([('won_status', '=', 'pending')])
        for batch_ids in split_every(SCORE_BATCH, leads.ids):
            self.browse(batch_ids)._crm_recompute_score()

    def _crm_recompute_score(self):
        """Score these leads with the active rules, in a number of queries that does not grow with the leads,
        and tell the salesperson of each lead that crossed the threshold upwards."""
        leads = self.sudo().with_context(active_test=False)
        if not leads:
            return
        # What the rules, the scores and the notices read of the leads, in one query.
        leads.fetch([*SCORE_FIELDS, 'crm_score_notified', 'company_id', 'partner_id', 'user_id', 'team_id'])
        now = fields.Datetime.now()
        settings = self._crm_score_settings()
        rules = self.env['crm.lead.scoring.rule'].sudo()
        rules = rules.search_fetch([], rules._crm_scoring_fields())
        contributions = rules._crm_evaluate(leads, now)
        recipients = leads._crm_score_recipients(settings)
        leads._crm_store_scores(contributions, settings, now)
        leads._crm_notify_score_crossings(settings, recipients)

    def _crm_score_recipients(self, settings):
        """{lead id: (recipient id, threshold)} in one query: who is told to call (the salesperson or, without one,
        the leader of the team), and the score that tells them (the team's own threshold or the one of the
        settings)."""
        self.env['crm.lead'].flush_model(['user_id', 'team_id'])
        self.env['crm.team'].flush_model(['user_id', 'crm_score_threshold'])
        rows = self.env.execute_query(
            SQL(
                """SELECT lead.id, COALESCE(lead.user_id, team.user_id), team.crm_score_threshold
                 FROM crm_lead lead
                 LEFT JOIN crm_team team ON team.id = lead.team_id
                WHERE lead.id IN %s""",
                tuple(self.ids),
            )
        )
        return {
            lead_id: (recipient_id, threshold or settings['threshold']) for lead_id, recipient_id, threshold in rows
        }

    def _crm_score_recipient(self):
        self.ensure_one()
        return self.user_id or self.team_id.user_id

    def _crm_store_scores(self, contributions, settings, now):
        changes = {}
        for lead in self:
            lines = sorted(contributions.get(lead.id, []), key=lambda line: -abs(line[1]))
            score = sum(points for _rule, points, _detail in lines)
            values = {
                'crm_score': score,
                'crm_score_grade': self._crm_score_grade(score, settings),
                'crm_score_contributions': [
                    [rule.id, points, *(detail or (None, None, None))] for rule, points, detail in lines
                ]
                or False,
                'crm_score_date': now if score != lead.crm_score else lead.crm_score_date,
            }
            if any(lead[name] != value for name, value in values.items()):
                changes[lead] = values
        if not changes:
            return
        # In SQL: a score is no change of the lead by whoever triggered it, and one statement writes the batch.
        self.flush_recordset(list(SCORE_FIELDS))
        self.env.cr.execute(
            SQL(
                """UPDATE crm_lead
                  SET crm_score = new.score, crm_score_grade = new.grade,
                      crm_score_contributions = new.contributions, crm_score_date = new.date
                 FROM (VALUES %s) AS new(id, score, grade, contributions, date)
                WHERE crm_lead.id = new.id""",
                SQL(', ').join(
                    SQL(
                        '(%s, %s, %s, %s::jsonb, %s::timestamp)',
                        lead.id,
                        values['crm_score'],
                        values['crm_score_grade'],
                        json.dumps(values['crm_score_contributions']) if values['crm_score_contributions'] else None,
                        values['crm_score_date'] or None,
                    )
                    for lead, values in changes.items()
                ),
            )
        )
        for lead, values in changes.items():
            lead._update_cache(values, validate=False)
        self.browse([lead.id for lead in changes]).invalidate_recordset(['crm_score_breakdown'])

    @api.model
    def _crm_score_grade(self, score, settings):
        for grade, band in (('a', settings['grade_a']), ('b', settings['grade_b']), ('c', settings['grade_c'])):
            if score >= band:
                return grade
        return 'd'

    def _crm_notify_score_crossings(self, settings, recipients):
        """Send "Call now" once per crossing. The lead rows are locked first: of two events scoring the same lead
        at once, the second waits, and then sees the first one's notice (or is retried by the server when the
        first one changed the row meanwhile), so it never sends a second one."""
        fallen = self.filtered(
            lambda lead: lead.crm_score_notified and lead.crm_score < (recipients[lead.id][1] - settings['hysteresis'])
        )
        reached = self.filtered(
            lambda lead: (
                not lead.crm_score_notified and recipients[lead.id][0] and lead.crm_score >= recipients[lead.id][1]
            )
        )
        if fallen:
            self._crm_set_score_notified(fallen, False)
        if not reached:
            return
        rows = self.env.execute_query(
            SQL(
                'SELECT id FROM crm_lead WHERE id IN %s AND NOT COALESCE(crm_score_notified, FALSE) FOR NO KEY UPDATE',
                tuple(reached.ids),
            )
        )
        to_notify = self.browse(lead_id for (lead_id,) in rows)
        if to_notify:
            self._crm_set_score_notified(to_notify, True)
            to_notify._crm_send_call_now()

    def _crm_set_score_notified(self, leads, notified):
        self.env.cr.execute(
            SQL('UPDATE crm_lead SET crm_score_notified = %s WHERE id IN %s', notified, tuple(leads.ids))
        )
        leads.invalidate_recordset(['crm_score_notified'])

    def _crm_send_call_now(self):
        """One "Call now" activity with the breakdown and one inbox message per lead, to its salesperson or,
        without one, to the leader of its team."""
        activity_type = self._crm_call_now_activity_type()
        odoobot = self.env.ref('base.partner_root')
        activities = []
        for lead in self:
            recipient = lead._crm_score_recipient()
            lead = lead.with_context(lang=recipient.lang or self.env.lang)
            summary = lead.env._('Call now: score %(score)s', score=lead.crm_score)
            note = Markup('<p>%s</p><ul>%s</ul>') % (
                lead.env._('The score of %(lead)s reached %(score)s:', lead=lead.name, score=lead.crm_score),
                Markup().join(Markup('<li>%s</li>') % line for line in (lead.crm_score_breakdown or '').splitlines()),
            )
            activities.append(
                {
                    'res_model_id': self.env['ir.model']._get_id('crm.lead'),
                    'res_id': lead.id,
                    'activity_type_id': activity_type.id,
                    'summary': summary,
                    'note': note,
                    'user_id': recipient.id,
                    'date_deadline': fields.Date.context_today(lead),
                }
            )
            lead.message_notify(
                partner_ids=recipient.partner_id.ids,
                author_id=odoobot.id,
                subject=summary,
                body=note,
                subtype_xmlid='mail.mt_note',
                model='crm.lead',
                res_id=lead.id,
            )
        # The inbox message above is the one notice; the activity itself does not send another.
        self.env['mail.activity'].with_context(mail_activity_quick_update=True).create(activities)

    @api.model
    def _crm_call_now_activity_type(self):
        activity_type_id = self.env['ir.config_parameter'].sudo().get_param('crm_extended.score_activity_type_id')
        activity_type = self.env['mail.activity.type'].browse(int(activity_type_id or 0)).exists()
        return activity_type or self.env.ref('crm_lead_scoring.mail_activity_type_call_now')
