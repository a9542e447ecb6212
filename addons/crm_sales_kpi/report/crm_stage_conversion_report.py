from odoo import fields, models
from odoo.tools import SQL


class CrmStageConversionReport(models.Model):
    """Every stage each opportunity entered, from the stage tracking of its chatter: the history recorded before
    the addon was installed counts too."""

    _name = 'crm.stage.conversion.report'
    _description = 'Stage Conversion Analysis'
    _auto = False
    _rec_name = 'stage_id'
    _order = 'date_entered desc'
    # Searching the report writes these first.
    _depends = {
        'crm.lead': ['type', 'stage_id', 'create_date', 'user_id', 'team_id', 'company_id', 'won_status'],
        'crm.stage': ['sequence'],
        'mail.message': ['model', 'res_id', 'date'],
        'mail.tracking.value': ['field_id', 'old_value_integer', 'new_value_integer', 'mail_message_id'],
    }

    lead_id = fields.Many2one('crm.lead', 'Opportunity', readonly=True)
    stage_id = fields.Many2one('crm.stage', readonly=True)
    date_entered = fields.Datetime('Entered On', readonly=True)
    lead_create_date = fields.Datetime('Created On', readonly=True)
    user_id = fields.Many2one('res.users', 'Salesperson', readonly=True)
    team_id = fields.Many2one('crm.team', 'Sales Team', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    won_status = fields.Selection(
        [('won', 'Won'), ('lost', 'Lost'), ('pending', 'Pending')], string='Won/Lost', readonly=True
    )
    next_stage_rate = fields.Float(
        'Reached a Later Stage (%)',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='Of the opportunities that entered the stage, the share that moved on to a stage further in the '
        'pipeline afterwards.',
    )
    won_rate = fields.Float(
        'Won (%)',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='Of the opportunities that entered the stage, the share won since.',
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH moves AS (
                SELECT m.res_id AS lead_id, v.old_value_integer AS old_stage_id, v.new_value_integer AS stage_id,
                       m.date, v.id
                  FROM mail_tracking_value v
                  JOIN mail_message m ON m.id = v.mail_message_id
                 WHERE v.field_id = %(stage_field)s AND m.model = 'crm.lead'
            ),
            first_stages AS (
                -- the stage an opportunity started in: the one its first tracked change left, or where it still is
                SELECT DISTINCT ON (lead_id) lead_id, old_stage_id
                  FROM moves
                 ORDER BY lead_id, date, id
            ),
            entries AS (
                SELECT l.id AS lead_id, COALESCE(f.old_stage_id, l.stage_id) AS stage_id, l.create_date AS date
                  FROM crm_lead l
                  LEFT JOIN first_stages f ON f.lead_id = l.id
                 WHERE l.type = 'opportunity'
                 UNION ALL
                SELECT lead_id, stage_id, date FROM moves
            ),
            first_entries AS (
                SELECT DISTINCT ON (e.lead_id, e.stage_id) e.lead_id, e.stage_id, e.date
                  FROM entries e
                 WHERE e.stage_id IS NOT NULL
                 ORDER BY e.lead_id, e.stage_id, e.date
            ),
            ordered AS (
                SELECT e.*, s.sequence,
                       MAX(s.sequence) OVER (PARTITION BY e.lead_id ORDER BY e.date, s.sequence
                                             ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS later_sequence
                  FROM first_entries e
                  JOIN crm_stage s ON s.id = e.stage_id
            )
            SELECT ROW_NUMBER() OVER (ORDER BY o.lead_id, o.date, o.stage_id) AS id,
                   o.lead_id, o.stage_id, o.date AS date_entered, l.create_date AS lead_create_date,
                   l.user_id, l.team_id, l.company_id, l.won_status,
                   CASE WHEN o.later_sequence > o.sequence THEN 100.0 ELSE 0.0 END AS next_stage_rate,
                   CASE WHEN l.won_status = 'won' THEN 100.0 ELSE 0.0 END AS won_rate
              FROM ordered o
              JOIN crm_lead l ON l.id = o.lead_id
             WHERE l.type = 'opportunity'
            """,
            stage_field=self.env['ir.model.fields']._get('crm.lead', 'stage_id').id,
        )
