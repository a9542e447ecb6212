import datetime
import logging

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from .res_partner import WISH_ON_BIRTHDAY, WISH_ON_NAME_DAY

_logger = logging.getLogger(__name__)

# The time of day, in the company's time zone, a care interaction is planned at on its occasion.
CARE_HOUR = 9
DEFAULT_TZ = 'Europe/Prague'
# How far back a run catches up on the days it missed: wishes for a birthday a month gone are no wishes.
CATCH_UP_DAYS = 31


class CrmCareRule(models.Model):
    """What the daily care run plans for customers: wishes, anniversaries, service checks and campaign invitations."""

    _name = 'crm.care.rule'
    _inherit = ['mail.thread', 'crm.rule.domain.mixin']
    _description = 'Customer Care Rule'
    _order = 'sequence, id'
    _check_company_auto = True

    name = fields.Char(
        required=True,
        translate=True,
        tracking=True,
        help='Also the subject of the interactions the rule plans.',
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    kind = fields.Selection(
        [
            ('birthday', 'Birthday'),
            ('name_day', 'Name Day'),
            ('anniversary', 'Customer Anniversary'),
            ('service_check', 'Periodic Service Check'),
            ('campaign', 'One-off Campaign'),
        ],
        required=True,
        default='birthday',
        tracking=True,
    )
    interaction_type_id = fields.Many2one(
        'crm.interaction.type', string='Interaction to Plan', required=True, ondelete='restrict', tracking=True
    )
    days_ahead = fields.Integer(
        default=7,
        tracking=True,
        help='How many days before the occasion the interaction is planned for the salesperson.',
    )
    service_type_id = fields.Many2one(
        'crm.interaction.type',
        string='After Last',
        ondelete='restrict',
        tracking=True,
        help='A service check is due the given months after the last resolved interaction of this type.',
    )
    interval_months = fields.Integer('Every (Months)', default=12, tracking=True)
    campaign_date = fields.Date(tracking=True, help='The day of the campaign, e.g. of the fair.')
    domain = fields.Char(
        'Contacts',
        default='[]',
        tracking=True,
        help='Which contacts the rule is for; every contact of the company when empty.',
    )
    team_id = fields.Many2one(
        'crm.team',
        string='Fallback Team',
        check_company=True,
        tracking=True,
        help='A contact without salesperson, of its own or of its company, goes to the leader of this team; '
        'without a team such a contact is skipped.',
    )
    company_id = fields.Many2one('res.company', required=True, index=True, default=lambda self: self.env.company)
    activity_type_id = fields.Many2one(
        'mail.activity.type',
        string='Activity to Schedule',
        ondelete='set null',
        tracking=True,
        domain="[('res_model', 'in', (False, 'crm.interaction'))]",
        help='Optional: each planned interaction also gets an activity of this type for its salesperson, due on '
        'the day of the occasion; marking it done resolves the interaction.',
    )
    last_run_date = fields.Date(
        'Last Run',
        readonly=True,
        copy=False,
        help='The day of the last care run: the next one catches up on the days since.',
    )
    # Counted for whoever configures the rules, sales rights or not.
    interaction_count = fields.Integer(compute='_compute_interaction_count', compute_sudo=True)

    _positive_days_ahead = models.Constraint('CHECK (days_ahead >= 0)', 'Days ahead cannot be negative.')

    def _compute_interaction_count(self):
        counts = dict(
            self.env['crm.interaction']._read_group([('care_rule_id', 'in', self.ids)], ['care_rule_id'], ['__count'])
        )
        for rule in self:
            rule.interaction_count = counts.get(rule, 0)

    @api.constrains('domain')
    def _check_domain(self):
        self._crm_check_domain(
            self, 'res.partner', _('The contacts of the care rule "%(rule)s" are not a valid condition: %(error)s')
        )

    @api.constrains('kind', 'service_type_id', 'interval_months', 'campaign_date')
    def _check_kind_settings(self):
        for rule in self:
            if rule.kind == 'service_check' and (not rule.service_type_id or rule.interval_months <= 0):
                raise ValidationError(
                    _(
                        'The service check "%(rule)s" needs the interaction type it follows and '
                        'a period of at least one month.',
                        rule=rule.name,
                    )
                )
            if rule.kind == 'campaign' and not rule.campaign_date:
                raise ValidationError(_('The campaign "%(rule)s" needs its date.', rule=rule.name))

    # --- the daily run --------------------------------------------------------------------------------------

    @api.model
    def _cron_crm_plan_care(self):
        now = fields.Datetime.now()
        for rule in self.search([]):
            try:
                with self.env.cr.savepoint():
                    rule._crm_plan(now)
            except ValueError as error:
                # A condition valid when saved can break later (a field removed with its module): it stops its
                # own rule only, and the rule's followers read why.
                _logger.warning('Care rule %s skipped: %s', rule.id, error)
                rule.message_post(
                    body=_(
                        'The care run skipped this rule: its contacts are no longer a valid condition (%(error)s).',
                        error=error,
                    )
                )

    def action_run_now(self):
        self._crm_plan(fields.Datetime.now())

    def action_open_interactions(self):
        self.ensure_one()
        return self.env['crm.interaction']._action_open_for([('care_rule_id', '=', self.id)], {})

    def _crm_plan(self, now):
        """Plan the interactions of every occasion since the last run up to the days ahead. The occasions come in
        one query per rule, whatever the number of contacts, and leave out those already planned: a run that is
        repeated plans nothing more, and one after missed days catches up on them."""
        for rule in self:
            # The company's time zone is read once per run of the rule, and not again for each use.
            rule = rule.with_context(crm_care_tz=rule._crm_tz().zone)
            today = rule._crm_today(now)
            first, last = rule._crm_occasion_window(today)
            if first <= last:
                interactions = rule._crm_create_interactions(rule._crm_find_occasions(first, last))
                rule._crm_schedule_activities(interactions)
            if rule.last_run_date != today:  # a second run of the day writes nothing
                rule.last_run_date = today

    def _crm_tz(self):
        if self.env.context.get('crm_care_tz'):
            return pytz.timezone(self.env.context['crm_care_tz'])
        # The time zone alone, in one query: reading the company and its partner through the ORM would fetch every
        # column of both, the largest part of a day's run when there is little or nothing to plan.
        self.env['res.company'].flush_model(['partner_id'])
        self.env['res.partner'].flush_model(['tz'])
        [(tz,)] = self.env.execute_query(
            SQL(
                'SELECT p.tz FROM res_company c JOIN res_partner p ON p.id = c.partner_id WHERE c.id = %s',
                self.company_id.id,
            )
        )
        return pytz.timezone(tz or DEFAULT_TZ)

    def _crm_today(self, now):
        return pytz.utc.localize(now).astimezone(self._crm_tz()).date()

    def _crm_occasion_window(self, today):
        """The occasions a run on this day plans: those it is now the time to plan and no earlier run did, at
        most CATCH_UP_DAYS back. The first run of a rule plans what falls between today and the days ahead."""
        last = today + datetime.timedelta(days=self.days_ahead)
        if not self.last_run_date:
            return today, last
        first = self.last_run_date + datetime.timedelta(days=1 + self.days_ahead)
        return max(first, last - datetime.timedelta(days=CATCH_UP_DAYS)), last

    def _crm_find_occasions(self, first, last):
        """[(partner id, occasion date, salesperson id, occasion record id, sales team id)] of the contacts the rule
        is for, blacklisted ones and occasions already planned left out; the team is the salesperson's main team
        when it is of the rule's company or of none."""
        partners = self.env['res.partner']._search(
            Domain(self._crm_parsed_domain()) & Domain('company_id', 'in', (False, self.company_id.id))
        )
        self.env['res.partner'].flush_model()
        self.env['crm.interaction'].flush_model(
            [
                'care_rule_id',
                'partner_id',
                'care_occasion_date',
                'care_occasion_res_id',
                'state',
                'date_done',
                'interaction_type_id',
                'company_id',
            ]
        )
        self.env['mail.blacklist'].flush_model(['email', 'active'])
        self.env['res.users'].flush_model(['sale_team_id'])
        self.env['crm.team'].flush_model(['user_id', 'company_id'])
        salesperson = self._crm_salesperson_sql()
        res_id = self._crm_occasion_res_id_sql()
        return self.env.execute_query(
            SQL(
                '''
            SELECT o.partner_id, o.occasion_date, o.user_id, o.res_id, t.id
              FROM (SELECT o.partner_id, o.occasion_date, %(salesperson)s AS user_id, %(res_id)s AS res_id
              FROM (%(occasions)s) AS o
              JOIN res_partner p ON p.id = o.partner_id
              JOIN res_partner cp ON cp.id = p.commercial_partner_id
             WHERE o.occasion_date <= %(last)s
               AND (o.occasion_date >= %(first)s OR %(catch_up_all)s)
               AND o.partner_id IN %(partners)s
               AND %(salesperson)s IS NOT NULL
               AND NOT EXISTS (SELECT FROM mail_blacklist b WHERE b.active AND b.email = p.email_normalized)
               AND NOT EXISTS (SELECT FROM crm_interaction i
                                WHERE i.care_rule_id = %(rule)s AND i.partner_id = o.partner_id
                                  AND i.care_occasion_date = o.occasion_date AND i.care_occasion_res_id = %(res_id)s)
                   ) AS o
              JOIN res_users u ON u.id = o.user_id
              LEFT JOIN crm_team t ON t.id = u.sale_team_id AND (t.company_id IS NULL OR t.company_id = %(company)s)
             ORDER BY 2, 1, 4
        ''',
                salesperson=salesperson,
                res_id=res_id,
                occasions=self._crm_occasions_sql(first, last),
                first=first,
                last=last,
                catch_up_all=self._crm_plans_missed_occasions(),
                partners=partners.subselect(),
                rule=self.id,
                company=self.company_id.id,
            )
        )

    def _crm_occasion_res_id_sql(self):
        """The record an occasion row (o) is about, when a kind plans one interaction per record rather than per
        contact; 0 for the contact's own occasions."""
        return SQL('0')

    def _crm_occasion_values(self, res_id):
        """The values an interaction planned for the occasion record ``res_id`` gets besides the common ones."""
        return {'care_occasion_res_id': res_id}

    def _crm_salesperson_sql(self):
        """Who an occasion row (o) of a contact (p) of a company (cp) is planned for: the contact's salesperson, else
        the company's, else the leader of the fallback team."""
        return SQL(
            'COALESCE(p.user_id, cp.user_id, (SELECT user_id FROM crm_team WHERE id = %s))', self.team_id.id or None
        )

    def _crm_plans_missed_occasions(self):
        """Whether occasions before the run's window that nothing planned are planned late rather than never, as
        a service check due while the rule was not yet running, which is still due."""
        return self.kind == 'service_check'

    def _crm_occasions_sql(self, first, last):
        """The rows (partner_id, occasion_date) of the occasions of this rule's kind around the window."""
        if self.kind == 'campaign':
            return SQL('SELECT id AS partner_id, %s::date AS occasion_date FROM res_partner', self.campaign_date)
        if self.kind == 'service_check':
            return SQL(
                '''
                SELECT partner_id,
                       ((max(date_done) AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date
                        + make_interval(months => %(months)s))::date AS occasion_date
                  FROM crm_interaction
                 WHERE state = 'resolved' AND interaction_type_id = %(type)s AND company_id = %(company)s
                 GROUP BY partner_id
            ''',
                tz=self._crm_tz().zone,
                months=self.interval_months,
                type=self.service_type_id.id,
                company=self.company_id.id,
            )
        return self._crm_yearly_occasions_sql(self._crm_yearly_dates_sql(), first, last)

    def _crm_yearly_dates_sql(self):
        """The rows (partner_id, month, day, since) of the yearly occasions of this rule's kind: an occasion is
        only celebrated in the years after `since`."""
        if self.kind == 'birthday':
            return SQL(
                '''
                SELECT id AS partner_id, date_part('month', birthdate_date)::int AS month,
                       date_part('day', birthdate_date)::int AS day, birthdate_date AS since
                  FROM res_partner
                 WHERE birthdate_date IS NOT NULL AND NOT is_company AND crm_wish_on IN %s
            ''',
                WISH_ON_BIRTHDAY,
            )
        if self.kind == 'name_day':
            return SQL(
                '''
                SELECT p.id AS partner_id, nd.month, nd.day, NULL::date AS since
                  FROM res_partner p
                  JOIN crm_name_day nd ON nd.country_id = %(country)s AND lower(nd.name) = lower(p.crm_first_name)
                 WHERE p.crm_first_name IS NOT NULL AND NOT p.is_company AND p.crm_wish_on IN %(wish_on)s
            ''',
                country=self.env['res.partner']._crm_name_day_country_sql('p'),
                wish_on=WISH_ON_NAME_DAY,
            )
        return SQL('''
            SELECT id AS partner_id, date_part('month', crm_customer_since)::int AS month,
                   date_part('day', crm_customer_since)::int AS day, crm_customer_since AS since
              FROM res_partner
             WHERE crm_customer_since IS NOT NULL
        ''')

    @api.model
    def _crm_yearly_occasions_sql(self, yearly_dates, first, last):
        """The dates in the years of the window of yearly occasions (partner_id, month, day, since); the 29th of
        February falls on the 28th in the years that have none."""
        return SQL(
            '''
            SELECT y.partner_id, y.occasion_date
              FROM (SELECT d.partner_id, d.since,
                           make_date(year, d.month,
                                     CASE WHEN d.month = 2 AND d.day = 29
                                           AND NOT (year %% 4 = 0 AND (year %% 100 != 0 OR year %% 400 = 0))
                                          THEN 28 ELSE d.day END) AS occasion_date
                      FROM (%(yearly_dates)s) AS d
                     CROSS JOIN generate_series(%(first_year)s, %(last_year)s) AS year
                   ) AS y
             WHERE y.since IS NULL OR y.occasion_date > y.since
        ''',
            yearly_dates=yearly_dates,
            first_year=first.year,
            last_year=last.year,
        )

    def _crm_create_interactions(self, occasions):
        if not occasions:
            return self.env['crm.interaction']
        tz = self._crm_tz()
        # What creating them checks (the companies of the contacts and teams) and computes (the customer company,
        # the type's deadline) is read first, of those columns only, rather than every column of each record.
        records = self.sudo()
        records.env['res.partner'].browse({occasion[0] for occasion in occasions}).fetch(
            ['company_id', 'commercial_partner_id']
        )
        records.env['crm.team'].browse({occasion[4] for occasion in occasions} - {None}).fetch(['company_id'])
        records.company_id.fetch(['parent_path'])
        records.interaction_type_id.fetch(['has_resolution_deadline'])
        return (
            self.env['crm.interaction']
            .with_context(
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
                mail_notrack=True,
                tracking_disable=True,
            )
            .create(
                [
                    {
                        'subject': self.name,
                        'interaction_type_id': self.interaction_type_id.id,
                        'partner_id': partner_id,
                        'user_id': user_id,
                        'team_id': team_id,
                        'company_id': self.company_id.id,
                        'state': 'planned',
                        'date': tz.localize(datetime.datetime.combine(occasion_date, datetime.time(CARE_HOUR)))
                        .astimezone(pytz.utc)
                        .replace(tzinfo=None),
                        'care_rule_id': self.id,
                        'care_occasion_date': occasion_date,
                        **self._crm_occasion_values(res_id),
                    }
                    for partner_id, occasion_date, user_id, res_id, team_id in occasions
                ]
            )
        )

    def _crm_schedule_activities(self, interactions):
        """Give each planned interaction the rule's activity for its salesperson, all in one create, linked to the
        interaction as a hand-over task is: finishing it resolves the interaction. The salespeople find them in
        their activities; no mail is sent for each wish."""
        if not self.activity_type_id or not interactions:
            return
        model_id = self.env['ir.model']._get_id('crm.interaction')
        activities = (
            self.env['mail.activity']
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        'res_model_id': model_id,
                        'res_id': interaction.id,
                        'activity_type_id': self.activity_type_id.id,
                        'summary': interaction.subject,
                        'user_id': interaction.user_id.id,
                        'date_deadline': interaction.care_occasion_date,
                    }
                    for interaction in interactions
                ]
            )
        )
        for interaction, activity in zip(interactions, activities, strict=True):
            interaction.care_activity_id = activity
