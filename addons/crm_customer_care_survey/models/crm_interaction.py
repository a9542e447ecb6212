from odoo import fields, models


class CrmInteraction(models.Model):
    _inherit = 'crm.interaction'

    crm_survey_user_input_id = fields.Many2one(
        'survey.user_input',
        string='Survey Answers',
        readonly=True,
        copy=False,
        index='btree_not_null',
        ondelete='set null',
        help='The completed survey this satisfaction check comes from.',
    )

    _unique_crm_survey_user_input = models.Constraint(
        'UNIQUE (crm_survey_user_input_id)', 'A completed survey is one satisfaction check.'
    )
