import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged, users

from .common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestHandover(CrmExtendedCommon):
    def _hand_over(self, interactions, user, note='<p>Please call back on Monday.</p>', as_user=None):
        deadline = fields.Date.today() + timedelta(days=3)
        wizard = (
            self.env['crm.interaction.handover']
            .with_user(as_user or self.user_sales_own)
            .create(
                {
                    'interaction_ids': [(6, 0, interactions.ids)],
                    'user_id': user.id,
                    'date_deadline': deadline,
                    'note': note,
                }
            )
        )
        wizard.action_handover()
        return deadline

    def test_handover_makes_it_the_colleagues_task(self):
        interaction = self._create_interaction(interaction_type_id=self.type_meeting.id)
        deadline = self._hand_over(interaction, self.user_sales_colleague)

        self.assertEqual(interaction.user_id, self.user_sales_colleague)
        activity = interaction.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_sales_colleague)
        self.assertEqual(activity.activity_type_id, self.env.ref('mail.mail_activity_data_meeting'))
        self.assertEqual(activity.date_deadline, deadline)
        self.assertIn('Please call back on Monday.', str(activity.note))
        self.assertEqual(interaction.handover_activity_id, activity)
        self.assertIn(self.user_sales_colleague.partner_id, interaction.message_partner_ids)

        chatter_line = interaction.message_ids.filtered(lambda message: 'Handed over:' in str(message.body))
        self.assertEqual(len(chatter_line), 1)
        self.assertIn(
            f'Handed over: {self.user_sales_own.name} → {self.user_sales_colleague.name}', str(chatter_line.body)
        )
        self.assertIn('Please call back on Monday.', str(chatter_line.body))

    def test_handover_line_reads_in_the_language_of_whoever_hands_over(self):
        # The names keep their form: a line that declined them would need a template per name.
        for code, line in (('cs_CZ', 'Předáno: {previous} → {new}'), ('sk_SK', 'Odovzdané: {previous} → {new}')):
            with self.subTest(language=code):
                self.env['res.lang']._activate_lang(code)
                self.env = self.env(context=dict(self.env.context, lang=code))
                interaction = self._create_interaction()
                self._hand_over(interaction, self.user_sales_colleague)
                expected = line.format(previous=self.user_sales_own.name, new=self.user_sales_colleague.name)
                self.assertIn(expected, ' '.join(str(body) for body in interaction.message_ids.mapped('body')))

    def test_handover_notifies_the_colleague_once(self):
        # With tracking on, as in the web client: changing the owner would also send its own assignment notice.
        self.env = self.env(context=dict(self.env.context, tracking_disable=False))
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        notified = self.env['mail.message'].search(
            [
                ('model', '=', 'crm.interaction'),
                ('res_id', '=', interaction.id),
                ('partner_ids', 'in', self.user_sales_colleague.partner_id.ids),
            ]
        )
        self.assertEqual(len(notified), 1, 'the new responsible is told once, by their new task')

    def test_finishing_the_task_resolves_the_interaction(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        interaction.activity_ids.with_user(self.user_sales_colleague).action_feedback(feedback='Done, all clear')
        self.assertEqual(interaction.state, 'resolved')
        self.assertTrue(interaction.date_done)

    def test_resolving_closes_the_open_tasks(self):
        interaction = self._create_interaction(state='in_progress')
        self._hand_over(interaction, self.user_sales_colleague)
        interaction.with_user(self.user_sales_colleague).action_resolve()
        self.assertFalse(interaction.activity_ids)
        self.assertEqual(interaction.state, 'resolved')

    def test_cancelling_removes_the_open_tasks(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        interaction.with_user(self.user_sales_colleague).action_cancel()
        self.assertFalse(interaction.activity_ids)
        self.assertEqual(interaction.state, 'cancelled')

    def test_finishing_the_task_resolves_only_that_interaction_as_the_colleague(self):
        interaction, other = self._create_interaction(), self._create_interaction(subject='Other call')
        self._hand_over(interaction | other, self.user_sales_colleague)
        manager_follow_up = interaction.activity_schedule(
            'mail.mail_activity_data_todo', summary='Check the outcome', user_id=self.user_sales_manager.id
        )
        interaction.handover_activity_id.with_user(self.user_sales_colleague).action_feedback(feedback='Done')

        self.assertEqual(interaction.state, 'resolved')
        self.assertEqual(
            interaction.write_uid,
            self.user_sales_colleague,
            'the interaction is resolved in the name of whoever finished the task',
        )
        self.assertEqual(other.state, 'planned', 'only the interaction of the finished task is resolved')
        self.assertTrue(other.handover_activity_id.active)
        self.assertTrue(
            manager_follow_up.exists() and manager_follow_up.active,
            "another user's activity on the same record stays open",
        )

    def test_resolving_over_rpc_write_ends_the_handover_task_as_the_button_does(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        task = interaction.handover_activity_id
        interaction.with_user(self.user_sales_colleague).write({'state': 'resolved'})
        self.assertFalse(task.active, 'the task is done')
        self.assertTrue(task.exists())
        self.assertFalse(interaction.activity_ids)

    def test_cancelling_over_rpc_write_withdraws_the_handover_task(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        task = interaction.handover_activity_id
        interaction.with_user(self.user_sales_colleague).write({'state': 'cancelled'})
        self.assertFalse(task.exists())

    def test_cancelling_by_a_server_action_withdraws_the_handover_task(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        task = interaction.handover_activity_id
        action = self.env['ir.actions.server'].create(
            {
                'name': 'Cancel interactions',
                'model_id': self.env.ref('crm_extended.model_crm_interaction').id,
                'state': 'object_write',
                'update_path': 'state',
                'evaluation_type': 'value',
                'value': 'cancelled',
            }
        )
        action.with_user(self.user_sales_colleague).with_context(
            active_model='crm.interaction', active_ids=interaction.ids, active_id=interaction.id
        ).run()
        self.assertEqual(interaction.state, 'cancelled')
        self.assertFalse(task.exists())

    def test_resolving_by_import_ends_the_handover_task(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        task = interaction.handover_activity_id
        [[external_id]] = interaction.sudo().export_data(['id'])['datas']
        result = (
            self.env['crm.interaction']
            .with_user(self.user_sales_colleague)
            .load(['id', 'state'], [[external_id, 'Resolved']])
        )
        self.assertFalse(result['messages'])
        self.assertEqual(interaction.state, 'resolved')
        self.assertFalse(task.active)

    def test_handover_to_user_without_sales_rights_is_refused(self):
        interaction = self._create_interaction()
        with self.assertRaisesRegex(UserError, re.escape(f'{self.user_internal.name} has no sales rights')):
            self._hand_over(interaction, self.user_internal)
        self.assertEqual(interaction.user_id, self.user_sales_own)
        self.assertFalse(interaction.activity_ids)

    def test_handover_to_user_of_another_company_is_refused(self):
        other_company = self.env['res.company'].create({'name': 'Trnavská strojáreň s.r.o.'})
        elsewhere = new_test_user(
            self.env,
            'crm_sales_elsewhere',
            groups='sales_team.group_sale_salesman',
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        interaction = self._create_interaction()
        with self.assertRaisesRegex(UserError, re.escape(f'{elsewhere.name} may not work in {self.company.name}')):
            self._hand_over(interaction, elsewhere)
        self.assertEqual(interaction.user_id, self.user_sales_own)

    def test_handover_to_a_colleague_of_two_companies_works_with_one_company_selected(self):
        # The salesperson may work in both companies but has only the main one ticked in the switcher; the
        # colleague's other company is then unreadable to them, which the check must not trip over.
        branch = self.env['res.company'].create({'name': 'Trnavská strojáreň s.r.o.'})
        self.user_sales_own.company_ids = [(4, branch.id)]
        both = new_test_user(
            self.env,
            'crm_sales_both',
            groups='sales_team.group_sale_salesman',
            company_id=branch.id,
            company_ids=[(6, 0, (self.company | branch).ids)],
        )
        interaction = self._create_interaction()
        self.env['crm.interaction.handover'].with_user(self.user_sales_own).with_context(
            allowed_company_ids=self.company.ids
        ).create({'interaction_ids': [(6, 0, interaction.ids)], 'user_id': both.id}).action_handover()
        self.assertEqual(interaction.user_id, both)

    def test_wizard_offers_only_people_who_can_do_the_work(self):
        other_company = self.env['res.company'].create({'name': 'Trnavská strojáreň s.r.o.'})
        elsewhere = new_test_user(
            self.env,
            'crm_sales_elsewhere',
            groups='sales_team.group_sale_salesman',
            company_id=other_company.id,
            company_ids=[(6, 0, other_company.ids)],
        )
        interaction = self._create_interaction()
        wizard = Form(
            self.env['crm.interaction.handover']
            .with_user(self.user_sales_own)
            .with_context(**interaction.action_open_handover()['context'])
        )
        offered = wizard.qualified_user_ids
        self.assertIn(self.user_sales_colleague, offered)
        self.assertIn(self.user_sales_manager, offered)
        for refused in (self.user_sales_own, self.user_internal, self.user_portal, self.user_settings_admin, elsewhere):
            with self.subTest(user=refused.login):
                self.assertNotIn(refused, offered)

    def test_log_and_hand_over_gives_the_logged_call_to_a_colleague_in_one_step(self):
        action = self.customer_contact.with_user(self.user_sales_own).action_crm_log_interaction()
        quick = Form(
            self.env['crm.interaction'].with_user(self.user_sales_own).with_context(**action['context']),
            view='crm_extended.crm_interaction_view_form_quick',
        )
        quick.subject = 'Customer wants a technician'
        logged = quick.save()
        handover = logged.action_log_and_handover()

        self.assertEqual(handover['res_model'], 'crm.interaction.handover')
        self.assertEqual((logged.state, logged.date_done), ('planned', False))
        wizard = Form(
            self.env['crm.interaction.handover'].with_user(self.user_sales_own).with_context(**handover['context'])
        )
        wizard.user_id = self.user_sales_colleague
        wizard.save().action_handover()
        self.assertEqual(logged.user_id, self.user_sales_colleague)
        self.assertEqual(logged.handover_activity_id.user_id, self.user_sales_colleague)

    def test_several_interactions_are_handed_over_at_once(self):
        interactions = self._create_interaction(subject='First') | self._create_interaction(subject='Second')
        action = interactions.action_open_handover()
        wizard = Form(
            self.env['crm.interaction.handover'].with_user(self.user_sales_own).with_context(**action['context'])
        )
        wizard.user_id = self.user_sales_colleague
        wizard.save().action_handover()
        self.assertEqual(interactions.user_id, self.user_sales_colleague)
        self.assertEqual(len(interactions.activity_ids), 2)
        self.assertEqual(interactions.activity_ids.user_id, self.user_sales_colleague)

    def test_handing_over_again_moves_the_task_to_the_new_owner(self):
        interaction = self._create_interaction()
        self._hand_over(interaction, self.user_sales_colleague)
        self._hand_over(interaction, self.user_sales_all, as_user=self.user_sales_colleague)

        self.assertEqual(interaction.user_id, self.user_sales_all)
        self.assertEqual(interaction.activity_ids.user_id, self.user_sales_all)
        self.assertEqual(interaction.handover_activity_id, interaction.activity_ids)
        self.assertEqual(interaction.state, 'planned', 'moving the task must not resolve the interaction')

    def test_handover_to_the_same_person_is_refused(self):
        interaction = self._create_interaction()
        with self.assertRaises(UserError):
            self._hand_over(interaction, self.user_sales_own)
        self.assertFalse(interaction.activity_ids)

    def test_handover_to_portal_user_is_refused(self):
        interaction = self._create_interaction()
        with self.assertRaises(UserError):
            self._hand_over(interaction, self.user_portal)
        self.assertEqual(interaction.user_id, self.user_sales_own)

    def test_handover_to_archived_user_is_refused(self):
        archived = new_test_user(self.env, 'crm_archived', groups='sales_team.group_sale_salesman')
        archived.action_archive()
        interaction = self._create_interaction()
        with self.assertRaises(UserError):
            self._hand_over(interaction, archived)
        self.assertEqual(interaction.user_id, self.user_sales_own)

    def test_handover_of_resolved_or_cancelled_interaction_is_refused(self):
        for state in ('resolved', 'cancelled'):
            interaction = (
                self._create_interaction(state='resolved') if state == 'resolved' else self._create_interaction()
            )
            if state == 'cancelled':
                interaction.action_cancel()
            with self.subTest(state=state), self.assertRaises(UserError):
                self._hand_over(interaction, self.user_sales_colleague)
            self.assertEqual(interaction.user_id, self.user_sales_own)

    @users('crm_sales_own')
    def test_handover_query_count_is_flat_as_history_grows(self):
        self._hand_over(self._create_interaction(), self.user_sales_colleague)
        interaction = self._create_interaction()
        self.env.invalidate_all()
        # One of them reads the companies the new owner may work in, to refuse a hand-over they could not open;
        # with the website installed, one more reads the website the first notification links to.
        with self.assertQueryCount(crm_sales_own=54):
            self._hand_over(interaction, self.user_sales_colleague)

        for index in range(20):
            self._hand_over(self._create_interaction(subject=f'History {index}'), self.user_sales_colleague)
        interaction = self._create_interaction()
        self.env.invalidate_all()
        with self.assertQueryCount(crm_sales_own=54):
            self._hand_over(interaction, self.user_sales_colleague)
