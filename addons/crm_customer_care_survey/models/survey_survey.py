from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class SurveySurvey(models.Model):
    _inherit = 'survey.survey'

    crm_rating_question_id = fields.Many2one(
        'survey.question',
        string='Satisfaction Rating',
        ondelete='set null',
        domain="[('survey_id', '=', id), ('question_type', '=', 'scale')]",
        help="A scale question whose answer, brought to 1 to 5, becomes the participant's satisfaction rating in "
        "the CRM when they complete the survey.",
    )
    crm_comment_question_id = fields.Many2one(
        'survey.question',
        string='Satisfaction Comment',
        ondelete='set null',
        domain="[('survey_id', '=', id), ('question_type', 'in', ('text_box', 'char_box'))]",
        help="Optional: a free text question whose answer becomes the customer's comment of the satisfaction check.",
    )

    @api.constrains('crm_rating_question_id', 'crm_comment_question_id')
    def _check_crm_satisfaction_questions(self):
        for survey in self:
            rating, comment = survey.crm_rating_question_id, survey.crm_comment_question_id
            if rating and (rating.survey_id != survey or rating.question_type != 'scale'):
                raise ValidationError(
                    _(
                        'The satisfaction rating of "%(survey)s" must be one of its scale questions.',
                        survey=survey.title,
                    )
                )
            if comment and (comment.survey_id != survey or comment.question_type not in ('text_box', 'char_box')):
                raise ValidationError(
                    _(
                        'The satisfaction comment of "%(survey)s" must be one of its text questions.',
                        survey=survey.title,
                    )
                )
