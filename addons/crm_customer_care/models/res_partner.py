import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.tools import SQL

# The name-day calendar of a contact without a country is the one of their language.
NAME_DAY_COUNTRY_OF_LANG = {'cs': 'base.cz', 'sk': 'base.sk'}
WISH_ON_NAME_DAY = ('name_day', 'both')
WISH_ON_BIRTHDAY = ('birthday', 'both')


def occurrence_in_year(year, month, day):
    """The date of a yearly occasion in a given year: the 29th of February falls on the 28th in other years."""
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        day = 28
    return datetime.date(year, month, day)


def next_occurrence(month, day, from_date):
    """The first date on or after from_date on which a yearly occasion falls."""
    this_year = occurrence_in_year(from_date.year, month, day)
    return this_year if this_year >= from_date else occurrence_in_year(from_date.year + 1, month, day)


class ResPartner(models.Model):
    _inherit = 'res.partner'

    # Named as in OCA's partner_contact_birthdate, so that both addons share one column when installed together.
    birthdate_date = fields.Date('Birthdate')
    crm_first_name = fields.Char(
        'First Name',
        compute='_compute_crm_first_name',
        store=True,
        readonly=False,
        help='The name the name day is looked up by: the first word of the name that is not a title, unless set '
        'by hand.',
    )
    crm_wish_on = fields.Selection(
        [
            ('birthday', 'Birthday'),
            ('name_day', 'Name Day'),
            ('both', 'Birthday and Name Day'),
            ('none', 'None'),
        ],
        string='Wish On',
        default='both',
        required=True,
        help='Which personal occasions the customer care rules plan wishes for.',
    )
    crm_name_day_date = fields.Date(
        'Next Name Day',
        compute='_compute_crm_name_day_date',
        help="From the official calendar of the contact's country, or of their language when the country is not set.",
    )
    crm_customer_since = fields.Date(
        'Customer Since', help='The day the company became a customer: its anniversary is a customer care occasion.'
    )
    crm_satisfaction_rating = fields.Integer(
        'Satisfaction',
        compute='_compute_crm_satisfaction',
        compute_sudo=True,
        groups='sales_team.group_sale_salesman',
        help='The latest rating the customer gave, 1 to 5; 0 when none.',
    )
    crm_satisfaction_previous = fields.Integer(
        'Previous Satisfaction',
        compute='_compute_crm_satisfaction',
        compute_sudo=True,
        groups='sales_team.group_sale_salesman',
    )
    crm_satisfaction_year_average = fields.Float(
        'Satisfaction, Last 12 Months',
        compute='_compute_crm_satisfaction',
        compute_sudo=True,
        digits=(2, 1),
        groups='sales_team.group_sale_salesman',
        help='The average rating of the last twelve months: the trend beside the latest one.',
    )
    crm_satisfaction_dropped = fields.Boolean(
        'Satisfaction Dropped',
        compute='_compute_crm_satisfaction',
        compute_sudo=True,
        search='_search_crm_satisfaction_dropped',
        groups='sales_team.group_sale_salesman',
        help='The latest rating is below the one before.',
    )

    @api.depends('name', 'is_company')
    def _compute_crm_first_name(self):
        for partner in self:
            words = [] if partner.is_company else (partner.name or '').replace(',', ' ').split()
            # Academic titles are written with a dot (Ing., Mgr., MUDr.); the first word without one is the name.
            partner.crm_first_name = next((word for word in words if '.' not in word), False)

    @api.depends('crm_first_name', 'country_id', 'lang')
    def _compute_crm_name_day_date(self):
        today = fields.Date.context_today(self)
        days_by_name = self._crm_name_days()
        for partner in self:
            days = days_by_name.get((partner._crm_name_day_country_id(), (partner.crm_first_name or '').lower()), [])
            partner.crm_name_day_date = min((next_occurrence(month, day, today) for month, day in days), default=False)

    def _crm_name_days(self):
        """The days of the first names of these contacts, in one query: {(country id, lower name): [(month, day)]}."""
        names = {partner.crm_first_name.lower() for partner in self if partner.crm_first_name}
        if not names:
            return {}
        self.env['crm.name.day'].flush_model()
        rows = self.env.execute_query(
            SQL('SELECT country_id, lower(name), month, day FROM crm_name_day WHERE lower(name) IN %s', tuple(names))
        )
        days_by_name = {}
        for country_id, name, month, day in rows:
            days_by_name.setdefault((country_id, name), []).append((month, day))
        return days_by_name

    def _crm_name_day_country_id(self):
        self.ensure_one()
        if self.country_id:
            return self.country_id.id
        xmlid = NAME_DAY_COUNTRY_OF_LANG.get((self.lang or '').split('_')[0])
        return xmlid and self.env['ir.model.data']._xmlid_to_res_id(xmlid, raise_if_not_found=False)

    @api.model
    def _crm_name_day_country_sql(self, alias):
        """_crm_name_day_country_id as an SQL expression on the partner row of the given alias."""
        cases = [
            SQL(
                'WHEN %s LIKE %s THEN %s',
                SQL.identifier(alias, 'lang'),
                f'{lang}%',
                self.env['ir.model.data']._xmlid_to_res_id(xmlid, raise_if_not_found=False),
            )
            for lang, xmlid in NAME_DAY_COUNTRY_OF_LANG.items()
        ]
        return SQL('COALESCE(%s, CASE %s END)', SQL.identifier(alias, 'country_id'), SQL(' ').join(cases))

    def _compute_crm_satisfaction(self):
        ratings = self._crm_latest_ratings(self.ids)
        for partner in self:
            latest, previous, year_average = ratings.get(partner.id, (0, 0, 0.0))
            partner.crm_satisfaction_rating = latest
            partner.crm_satisfaction_previous = previous
            partner.crm_satisfaction_year_average = year_average
            partner.crm_satisfaction_dropped = bool(previous) and latest < previous

    def _search_crm_satisfaction_dropped(self, operator, value):
        if operator != 'in':
            return NotImplemented
        dropped = [
            partner_id
            for partner_id, (latest, previous, _average) in self._crm_latest_ratings().items()
            if previous and latest < previous
        ]
        return [('id', 'in', dropped)]

    @api.model
    def _crm_latest_ratings(self, partner_ids=None):
        """The latest and the previous rating of each customer and their average over the last twelve months, in one
        query: {partner id: (latest, previous, average)}.

        A company is rated by its own and its contacts' ratings, a person by their own, as the history counts them;
        only the ratings given to the companies the user works in count, as the user's lists show them."""
        if partner_ids is not None and not partner_ids:
            return {}
        self.env['crm.interaction'].flush_model(
            ['partner_id', 'commercial_partner_id', 'satisfaction_rating', 'state', 'date']
        )
        only_partners = SQL('WHERE key IN %s', tuple(partner_ids)) if partner_ids else SQL()
        rows = self.env.execute_query(
            SQL(
                '''
            WITH rated AS (
                SELECT id, date, satisfaction_rating::int AS rating, partner_id, commercial_partner_id
                  FROM crm_interaction
                 WHERE satisfaction_rating IS NOT NULL AND state = 'resolved' AND company_id IN %s
            ), ranked AS (
                SELECT key, rating, date, row_number() OVER (PARTITION BY key ORDER BY date DESC, id DESC) AS rank
                  FROM (SELECT commercial_partner_id AS key, rating, date, id FROM rated
                        UNION ALL
                        SELECT partner_id, rating, date, id FROM rated WHERE partner_id != commercial_partner_id
                       ) AS keyed
                 %s
            )
            SELECT key, max(rating) FILTER (WHERE rank = 1), COALESCE(max(rating) FILTER (WHERE rank = 2), 0),
                   COALESCE(avg(rating) FILTER (WHERE date >= %s), 0)
              FROM ranked GROUP BY key
        ''',
                tuple(self.env.companies.ids),
                only_partners,
                fields.Datetime.now() - relativedelta(years=1),
            )
        )
        return {key: (latest, previous, float(average)) for key, latest, previous, average in rows}

    def action_crm_satisfaction_history(self):
        self.ensure_one()
        action = self.env['crm.interaction']._action_open_for(
            self._crm_interaction_domain() + [('satisfaction_rating', '!=', False)], {'default_partner_id': self.id}
        )
        action['name'] = _('Satisfaction History')
        return action
