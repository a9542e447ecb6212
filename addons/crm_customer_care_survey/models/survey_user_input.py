from odoo import models

RATINGS = 5


class SurveyUserInput(models.Model):
    _inherit = 'survey.user_input'

    def _mark_done(self):
        result = super()._mark_done()
        self._crm_log_satisfaction()
        return result

    def _crm_log_satisfaction(self):
        """A resolved satisfaction check for each completed answer of a contact to a survey with a rating question,
        all in one create. The participant is often the public user of the survey page: the checks are written
        with the rights of the system, for the contact's salesperson, else the survey's responsible."""
        answers = self.sudo().filtered(
            lambda answer: (
                answer.state == 'done'
                and not answer.test_entry
                and answer.partner_id
                and answer.survey_id.crm_rating_question_id
            )
        )
        logged = answers.env['crm.interaction'].search([('crm_survey_user_input_id', 'in', answers.ids)])
        answers -= logged.crm_survey_user_input_id
        satisfaction = self.env.ref('crm_extended.crm_interaction_type_satisfaction', raise_if_not_found=False)
        if not answers or not satisfaction:
            return
        values = [vals for answer in answers if (vals := answer._crm_satisfaction_values(satisfaction))]
        answers.env['crm.interaction'].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create(values)

    def _crm_satisfaction_values(self, satisfaction):
        survey = self.survey_id
        rating = self._crm_answer_line(survey.crm_rating_question_id)
        if not rating:
            return None
        question = survey.crm_rating_question_id
        comment = self._crm_answer_line(survey.crm_comment_question_id)
        partner = self.partner_id
        user = partner.user_id or partner.commercial_partner_id.user_id or survey.user_id
        company = partner.company_id or user.company_id or self.env.company
        return {
            'subject': survey.title,
            'interaction_type_id': satisfaction.id,
            'partner_id': partner.id,
            'user_id': user.id,
            'company_id': company.id,
            'team_id': self.env['crm.interaction']._crm_sales_teams(user, company).get(user.id, False),
            'state': 'resolved',
            'date': self.end_datetime,
            'date_done': self.end_datetime,
            'satisfaction_rating': str(scale_to_rating(rating.value_scale, question.scale_min, question.scale_max)),
            'satisfaction_comment': comment and (comment.value_text_box or comment.value_char_box) or False,
            'crm_survey_user_input_id': self.id,
        }

    def _crm_answer_line(self, question):
        return (
            question
            and self.user_input_line_ids.filtered(lambda line: line.question_id == question and not line.skipped)[:1]
        )


def scale_to_rating(value, scale_min, scale_max):
    """The rating 1 to 5 of an answer on a scale from scale_min to scale_max, e.g. 0 to 10: the ends meet the ends,
    the middle the middle."""
    position = (min(max(value, scale_min), scale_max) - scale_min) / (scale_max - scale_min)
    return 1 + round(position * (RATINGS - 1))
