from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .crm_lead import SCORE_SETTINGS


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    crm_lead_scoring_rule_count = fields.Integer('Number of Scoring Rules', compute='_compute_crm_codebook_counts')
    crm_score_grade_a = fields.Integer(
        'Grade A From',
        config_parameter='crm_extended.score_grade_a',
        default=SCORE_SETTINGS['crm_extended.score_grade_a'],
    )
    crm_score_grade_b = fields.Integer(
        'Grade B From',
        config_parameter='crm_extended.score_grade_b',
        default=SCORE_SETTINGS['crm_extended.score_grade_b'],
    )
    crm_score_grade_c = fields.Integer(
        'Grade C From',
        config_parameter='crm_extended.score_grade_c',
        default=SCORE_SETTINGS['crm_extended.score_grade_c'],
        help='A lead with a score below this is graded D.',
    )
    crm_score_threshold = fields.Integer(
        'Call Now Score',
        config_parameter='crm_extended.score_threshold',
        default=SCORE_SETTINGS['crm_extended.score_threshold'],
        help='When the score of a lead reaches it, its salesperson gets a "Call now" activity. '
        'A sales team may set its own.',
    )
    crm_score_hysteresis = fields.Integer(
        'Hysteresis',
        config_parameter='crm_extended.score_hysteresis',
        default=SCORE_SETTINGS['crm_extended.score_hysteresis'],
        help='How far below the threshold the score must fall before a new crossing tells the salesperson again.',
    )
    crm_score_activity_type_id = fields.Many2one(
        'mail.activity.type',
        string='Call Now Activity',
        config_parameter='crm_extended.score_activity_type_id',
        domain="[('res_model', 'in', (False, 'crm.lead'))]",
        help='The activity the salesperson gets when a lead reaches the call now score.',
    )

    @api.model
    def _crm_codebooks(self):
        return {**super()._crm_codebooks(), 'crm_lead_scoring_rule_count': 'crm.lead.scoring.rule'}

    @api.constrains('crm_score_grade_a', 'crm_score_grade_b', 'crm_score_grade_c', 'crm_score_hysteresis')
    def _check_crm_score_bands(self):
        for settings in self:
            if not settings.crm_score_grade_a > settings.crm_score_grade_b > settings.crm_score_grade_c:
                raise ValidationError(_('The score bands must fall from grade A to grade C.'))
            if settings.crm_score_hysteresis < 0:
                raise ValidationError(_('The hysteresis of the call now score cannot be negative.'))
