from odoo import api, fields, models
from odoo.tools import SQL


class CrmSalespersonEffectivenessReport(models.Model):
    """One row per interaction and per won opportunity of a salesperson: what they log and resolve, on time or
    not, what colleagues hand over to them, and what they win. Each kind of record gives its own rows
    (``_row_sources``), so an addon that knows another kind adds its rows and measures without a second report."""

    _name = 'crm.salesperson.effectiveness.report'
    _description = 'Salesperson Effectiveness Analysis'
    _auto = False
    _order = 'date desc'
    # Searching the report writes these first.
    _depends = {
        'crm.interaction': [
            'user_id',
            'team_id',
            'company_id',
            'date',
            'date_done',
            'state',
            'handover_activity_id',
            'commercial_partner_id',
        ],
        'mail.activity': ['date_deadline'],
        'crm.lead': ['type', 'won_status', 'date_closed', 'user_id', 'team_id', 'company_id', 'expected_revenue'],
    }

    user_id = fields.Many2one('res.users', 'Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', 'Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    currency_id = fields.Many2one('res.currency', readonly=True)
    date = fields.Datetime(readonly=True, help='Of an interaction its date, of a won opportunity the day it was won.')
    interaction_count = fields.Integer('Interactions Logged', readonly=True, aggregator='sum')
    resolved_count = fields.Integer('Interactions Resolved', readonly=True, aggregator='sum')
    on_time_rate = fields.Float(
        'Resolved by Their Date (%)',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='Of the resolved interactions, the share resolved no later than their date, or than the deadline '
        'of their hand-over task when they were handed over.',
    )
    handover_count = fields.Integer(
        'Hand-overs Received',
        readonly=True,
        aggregator='sum',
        help='Interactions a colleague handed over to the salesperson and did not withdraw.',
    )
    handover_resolved_count = fields.Integer(
        'Hand-overs Resolved',
        readonly=True,
        aggregator='sum',
        help='Interactions handed over to the salesperson that they resolved.',
    )
    won_count = fields.Integer('Opportunities Won', readonly=True, aggregator='sum')
    won_amount = fields.Monetary(readonly=True, aggregator='sum', help='Expected revenue of the won opportunities.')
    commercial_partner_id = fields.Many2one('res.partner', 'Customer', readonly=True)

    @api.model
    def _row_sources(self):
        """The kinds of rows of the report: for each, the FROM clause and the SQL of the columns it fills; the
        other columns are empty in its rows. ``res_id`` is the id of the source record."""
        return [self._interaction_rows(), self._won_opportunity_rows()]

    @api.model
    def _interaction_rows(self):
        """The rows of the interactions, read as ``i``: an addon that knows more of an interaction adds its
        columns to these rows."""
        # A hand-over task stays, archived, once its interaction is resolved: its deadline still counts.
        resolved = SQL("i.state = 'resolved'")
        return SQL("""crm_interaction i
                      LEFT JOIN mail_activity a ON a.id = i.handover_activity_id"""), {
            'res_id': SQL('i.id'),
            'user_id': SQL('i.user_id'),
            'team_id': SQL('i.team_id'),
            'company_id': SQL('i.company_id'),
            'date': SQL('i.date'),
            'interaction_count': SQL('1'),
            'resolved_count': SQL('(%s)::int', resolved),
            'on_time_rate': SQL(
                'CASE WHEN %s THEN CASE WHEN i.date_done::date <= COALESCE(a.date_deadline, i.date::date) '
                'THEN 100.0 ELSE 0.0 END END',
                resolved,
            ),
            'handover_count': SQL('(i.handover_activity_id IS NOT NULL)::int'),
            'handover_resolved_count': SQL('(i.handover_activity_id IS NOT NULL AND %s)::int', resolved),
            'commercial_partner_id': SQL('i.commercial_partner_id'),
        }

    @api.model
    def _won_opportunity_rows(self):
        return SQL("crm_lead l WHERE l.type = 'opportunity' AND l.won_status = 'won'"), {
            'res_id': SQL('l.id'),
            'user_id': SQL('l.user_id'),
            'team_id': SQL('l.team_id'),
            'company_id': SQL('l.company_id'),
            'date': SQL('l.date_closed'),
            'won_count': SQL('1'),
            'won_amount': SQL('l.expected_revenue'),
        }

    @property
    def _table_query(self):
        sources = self._row_sources()
        columns = {
            name: SQL(field.column_type[1])
            for name, field in self._fields.items()
            if field.store and field.column_type and name not in ('id', 'currency_id')
        }
        columns['res_id'] = SQL('integer')
        selects = [
            SQL(
                'SELECT %s, %s FROM %s',
                SQL(', ').join(
                    # Typed NULLs: a kind of rows that leaves a column out never decides the column's type.
                    SQL('(%s)::%s AS %s', values.get(name, SQL('NULL')), column_type, SQL.identifier(name))
                    for name, column_type in columns.items()
                ),
                SQL('%s AS kind', index),
                from_clause,
            )
            for index, (from_clause, values) in enumerate(sources)
        ]
        # Each kind takes its own residue of the ids, so the ids of different kinds never collide, and a filter
        # on the report still reaches the indexes of each source table (which a ROW_NUMBER() would not let it).
        return SQL(
            """
            SELECT r.res_id * %s + r.kind AS id, r.*, c.currency_id
              FROM (%s) r
              LEFT JOIN res_company c ON c.id = r.company_id
        """,
            len(sources),
            SQL(' UNION ALL ').join(selects),
        )
