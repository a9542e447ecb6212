from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.query import Query


class CrmDealReport(models.Model):
    """One row per opportunity, active or not: the win rate counts the closed ones, the deal length and the won
    amount the won ones, the pipeline the open ones by their expected closing."""

    _name = 'crm.deal.report'
    _description = 'Sales KPI Analysis'
    _auto = False
    _rec_name = 'lead_id'
    _order = 'create_date desc'
    # Searching the report writes these first.
    _depends = {
        'crm.lead': [
            'type',
            'create_date',
            'date_closed',
            'date_deadline',
            'user_id',
            'team_id',
            'company_id',
            'won_status',
            'expected_revenue',
            'stage_id',
        ],
    }

    lead_id = fields.Many2one('crm.lead', 'Opportunity', readonly=True)
    stage_id = fields.Many2one('crm.stage', readonly=True)
    user_id = fields.Many2one('res.users', 'Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', 'Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    currency_id = fields.Many2one('res.currency', readonly=True)
    create_date = fields.Datetime('Created On', readonly=True)
    date_closed = fields.Datetime('Closed On', readonly=True)
    date_deadline = fields.Date('Expected Closing', readonly=True)
    won_status = fields.Selection(
        [('won', 'Won'), ('lost', 'Lost'), ('pending', 'Pending')], string='Won/Lost', readonly=True
    )
    win_rate = fields.Float(
        'Win Rate (%)',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='Of the closed opportunities, the share won; open ones do not count.',
    )
    deal_days = fields.Float(
        'Deal Length (Days)',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='Days from the creation of a won opportunity to its closing; the others do not count.',
    )
    median_deal_days = fields.Float(
        'Median Deal Length (Days)',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='The middle of the days from creation to closing of the won opportunities: half took longer, half '
        'shorter; unlike the average, one deal that dragged on for a year does not move it.',
    )
    won_amount = fields.Monetary(readonly=True, aggregator='sum', help='Expected revenue of the won opportunities.')
    average_won_amount = fields.Monetary(
        readonly=True, aggregator='avg', help='Average expected revenue of the won opportunities.'
    )
    pipeline_amount = fields.Monetary(
        'Pipeline Value',
        readonly=True,
        aggregator='sum',
        help='Expected revenue of the open opportunities; group by Expected Closing for the pipeline by month.',
    )

    @property
    def _table_query(self):
        return SQL("""
            SELECT l.id, l.id AS lead_id, l.stage_id, l.user_id, l.team_id, l.company_id, c.currency_id,
                   l.create_date, l.date_closed, l.date_deadline, l.won_status,
                   CASE l.won_status WHEN 'won' THEN 100.0 WHEN 'lost' THEN 0.0 END AS win_rate,
                   CASE WHEN l.won_status = 'won'
                        THEN EXTRACT(EPOCH FROM l.date_closed - l.create_date) / 86400 END AS deal_days,
                   CASE WHEN l.won_status = 'won'
                        THEN EXTRACT(EPOCH FROM l.date_closed - l.create_date) / 86400 END AS median_deal_days,
                   CASE WHEN l.won_status = 'won' THEN l.expected_revenue END AS won_amount,
                   CASE WHEN l.won_status = 'won' THEN l.expected_revenue END AS average_won_amount,
                   CASE WHEN l.won_status = 'pending' THEN l.expected_revenue END AS pipeline_amount
              FROM crm_lead l
              LEFT JOIN res_company c ON c.id = l.company_id
             WHERE l.type = 'opportunity'
        """)

    def _read_group_select(self, aggregate_spec: str, query: Query) -> SQL:
        """The web client asks for the field's own aggregator, which has no median: the median answers it."""
        if aggregate_spec != 'median_deal_days:avg':
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            'percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)',
            self._field_to_sql(self._table, 'median_deal_days', query),
        )
