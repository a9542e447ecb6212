from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_customer_care.tests.common import CrmCustomerCareCommon
from odoo.addons.crm_customer_care_survey.models.survey_user_input import scale_to_rating


class SurveySatisfactionCommon(CrmCustomerCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_survey_manager = new_test_user(cls.env, 'crm_survey_manager', groups='survey.group_survey_manager')
        cls.customer.user_id = cls.user_sales_own
        cls.survey = (
            cls.env['survey.survey']
            .with_user(cls.user_survey_manager)
            .create(
                {
                    'title': 'Spokojenost se servisem',
                    'access_mode': 'public',
                    'question_and_page_ids': [
                        (0, 0, {'title': 'Doporučíte nás?', 'question_type': 'scale', 'scale_min': 0, 'scale_max': 10}),
                        (0, 0, {'title': 'Co zlepšit?', 'question_type': 'text_box'}),
                    ],
                }
            )
        )
        cls.rating_question, cls.comment_question = cls.survey.question_ids
        cls.survey.write(
            {'crm_rating_question_id': cls.rating_question.id, 'crm_comment_question_id': cls.comment_question.id}
        )

    def _complete(self, partner, rating=None, comment=None, survey=None, **answer_values):
        """Answer the survey as its public page does: with the rights of the system, then complete it."""
        survey = (survey or self.survey).sudo()
        answer = survey._create_answer(partner=partner, check_attempts=False, **answer_values)
        if rating is not None:
            answer._save_lines(survey.question_ids.filtered(lambda q: q.question_type == 'scale'), rating)
        if comment is not None:
            answer._save_lines(survey.question_ids.filtered(lambda q: q.question_type == 'text_box'), comment)
        answer._mark_done()
        return answer

    def _checks(self, partner):
        return self.env['crm.interaction'].search(
            [('partner_id', '=', partner.id), ('interaction_type_id', '=', self.type_satisfaction.id)]
        )


@tagged('post_install', '-at_install')
class TestSurveySatisfaction(SurveySatisfactionCommon):
    def test_completed_survey_is_the_contacts_satisfaction_check_for_their_salesperson(self):
        answer = self._complete(self.customer_contact, rating='6', comment='Technik přijel pozdě.')
        check = self._checks(self.customer_contact)
        self.assertEqual(
            (
                check.state,
                check.satisfaction_rating,
                check.satisfaction_comment,
                check.user_id,
                check.crm_survey_user_input_id,
                check.subject,
                check.date,
            ),
            (
                'resolved',
                '3',
                'Technik přijel pozdě.',
                self.user_sales_own,
                answer,
                'Spokojenost se servisem',
                answer.end_datetime,
            ),
        )
        self.assertEqual(self.customer.crm_satisfaction_rating, 3, 'the company shows the latest rating')

    def test_salesperson_finds_the_check_among_their_interactions(self):
        self._complete(self.customer_contact, rating='10')
        mine = (
            self.env['crm.interaction']
            .with_user(self.user_sales_own)
            .search([('interaction_type_id', '=', self.type_satisfaction.id)])
        )
        self.assertEqual(mine.mapped('satisfaction_rating'), ['5'])
        theirs = (
            self.env['crm.interaction']
            .with_user(self.user_sales_colleague)
            .search([('interaction_type_id', '=', self.type_satisfaction.id)])
        )
        self.assertFalse(theirs, "a salesperson with own documents does not see a colleague's customer's check")

    def test_completing_again_logs_one_check(self):
        answer = self._complete(self.customer_contact, rating='8')
        answer._mark_done()
        self.assertEqual(len(self._checks(self.customer_contact)), 1)

    def test_answers_that_are_no_satisfaction_check_log_nothing(self):
        anonymous = self.survey.sudo()._create_answer(email='anonym@example.com', check_attempts=False)
        anonymous._save_lines(self.rating_question.sudo(), '9')
        anonymous._mark_done()
        self._complete(self.customer_contact, rating='9', test_entry=True)
        self._complete(self.customer_contact, comment='Bez hodnocení.')
        self.survey.crm_rating_question_id = False
        self._complete(self.customer_contact, rating='9')
        self.assertFalse(self.env['crm.interaction'].search([('crm_survey_user_input_id', '!=', False)]))

    def test_rating_question_of_another_survey_is_refused(self):
        other = self.env['survey.survey'].create(
            {
                'title': 'Jiný dotazník',
                'question_and_page_ids': [(0, 0, {'title': 'Hodnocení', 'question_type': 'scale'})],
            }
        )
        with self.assertRaises(ValidationError):
            self.survey.crm_rating_question_id = other.question_ids
        with self.assertRaises(ValidationError):
            self.survey.crm_comment_question_id = self.rating_question

    def test_scale_is_brought_to_one_to_five(self):
        self.assertEqual(
            [scale_to_rating(value, 0, 10) for value in (0, 1, 2, 5, 6, 9, 10, 11)], [1, 1, 2, 3, 3, 5, 5, 5]
        )
        self.assertEqual([scale_to_rating(value, 1, 5) for value in range(1, 6)], [1, 2, 3, 4, 5])


@tagged('post_install', '-at_install', 'crm_extended_performance')
class TestSurveySatisfactionPerformance(SurveySatisfactionCommon):
    def _answers(self, count):
        contacts = self.env['res.partner'].create(
            [{'name': f'Respondent {index}', 'parent_id': self.customer.id} for index in range(count)]
        )
        answers = self.env['survey.user_input']
        for contact in contacts:
            answer = self.survey.sudo()._create_answer(partner=contact, check_attempts=False)
            answer._save_lines(self.rating_question.sudo(), '7')
            answer._save_lines(self.comment_question.sudo(), f'Komentář {contact.name}')
            answers |= answer
        answers.write({'state': 'done', 'end_datetime': '2026-03-02 10:00:00'})
        self.env.flush_all()
        self.env.invalidate_all()
        return answers

    def test_logging_costs_the_same_queries_for_1_or_8_answers(self):
        self._answers(1)._crm_log_satisfaction()  # what every run reads once (access rules) is cached
        for count in (1, 8):
            answers = self._answers(count)
            with self.assertQueryCount(16):
                answers._crm_log_satisfaction()
        self.assertEqual(len(self.env['crm.interaction'].search([('crm_survey_user_input_id', '!=', False)])), 10)
