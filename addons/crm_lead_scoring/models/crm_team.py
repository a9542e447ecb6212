from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = 'crm.team'

    crm_score_threshold = fields.Integer(
        'Call Now Score',
        help='Score at which the salesperson of a lead of this team is told to call; 0 uses the threshold of the '
        'CRM settings.',
    )

    _positive_score_threshold = models.Constraint(
        'CHECK (crm_score_threshold >= 0)', 'The call now score of a team cannot be negative.'
    )
