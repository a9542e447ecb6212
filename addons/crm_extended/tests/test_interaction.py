from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestInteractionStates(CrmExtendedCommon):
    def test_new_interaction_is_planned_for_its_author(self):
        interaction = self._create_interaction()
        self.assertEqual(interaction.state, 'planned')
        self.assertEqual(interaction.user_id, self.user_sales_own)
        self.assertEqual(interaction.commercial_partner_id, self.customer)

    def test_allowed_moves(self):
        interaction = self._create_interaction()
        for action, state in (
            ('action_start', 'in_progress'),
            ('action_resolve', 'resolved'),
            ('action_reopen', 'planned'),
            ('action_cancel', 'cancelled'),
            ('action_reopen', 'planned'),
            ('action_start', 'in_progress'),
            ('action_cancel', 'cancelled'),
        ):
            with self.subTest(action=action):
                getattr(interaction, action)()
                self.assertEqual(interaction.state, state)

    def test_refused_moves(self):
        refused = {
            'in_progress': ['planned'],
            'resolved': ['in_progress', 'cancelled'],
            'cancelled': ['in_progress', 'resolved'],
        }
        paths = {
            'planned': [],
            'in_progress': ['in_progress'],
            'resolved': ['in_progress', 'resolved'],
            'cancelled': ['cancelled'],
        }
        for start, targets in refused.items():
            for target in targets:
                interaction = self._create_interaction()
                for step in paths[start]:
                    interaction.write({'state': step})
                with self.subTest(start=start, target=target), self.assertRaises(UserError):
                    interaction.write({'state': target})
                self.assertEqual(interaction.state, start)

    def test_date_done_is_set_on_resolve_and_cleared_on_reopen(self):
        interaction = self._create_interaction(state='in_progress')
        self.assertFalse(interaction.date_done)
        interaction.action_resolve()
        self.assertTrue(interaction.date_done)
        interaction.action_reopen()
        self.assertFalse(interaction.date_done)

    def test_planned_interaction_is_resolved_in_one_step_by_any_route(self):
        by_button, by_write = self._create_interaction(), self._create_interaction()
        by_button.with_user(self.user_sales_own).action_resolve()
        by_write.with_user(self.user_sales_own).write({'state': 'resolved'})
        for interaction in (by_button, by_write):
            self.assertEqual(interaction.state, 'resolved')
            self.assertTrue(interaction.date_done)

    def test_writing_the_same_state_keeps_the_first_resolution_time(self):
        interaction = self._create_interaction(
            state='resolved',
            date=fields.Datetime.now() - timedelta(days=2),
            date_done=fields.Datetime.now() - timedelta(days=1),
        )
        first_resolution = interaction.date_done
        interaction.with_user(self.user_sales_own).write({'state': 'resolved'})
        self.assertEqual(interaction.date_done, first_resolution)
        interaction.with_user(self.user_sales_own).action_resolve()
        self.assertEqual(interaction.date_done, first_resolution)

    def test_writing_a_state_to_a_mixed_batch_moves_only_those_it_changes(self):
        resolved = self._create_interaction(state='resolved', date_done=fields.Datetime.now() - timedelta(hours=5))
        first_resolution = resolved.date_done
        planned = self._create_interaction()
        (resolved | planned).with_user(self.user_sales_own).write({'state': 'resolved'})
        self.assertEqual(resolved.date_done, first_resolution)
        self.assertEqual(planned.state, 'resolved')
        self.assertGreater(planned.date_done, first_resolution)

    def test_new_interaction_cannot_start_cancelled(self):
        with self.assertRaisesRegex(UserError, 'planned, in progress or resolved'):
            self._create_interaction(state='cancelled')
        self.assertFalse(self.env['crm.interaction'].search([('partner_id', '=', self.customer_contact.id)]))

    def test_event_still_to_come_cannot_be_created_resolved(self):
        with self.assertRaisesRegex(UserError, 'plan it instead'):
            self._create_interaction(state='resolved', date=fields.Datetime.now() + timedelta(days=1))

    def test_only_resolved_interactions_have_a_resolution_date(self):
        for state in ('planned', 'in_progress'):
            with self.subTest(state=state), self.assertRaises(ValidationError):
                self._create_interaction(state=state, date_done=fields.Datetime.now())
        interaction = self._create_interaction(state='resolved')
        with self.assertRaises(ValidationError):
            interaction.with_user(self.user_sales_own).write({'date_done': False})

    def test_past_event_is_logged_directly_as_resolved(self):
        yesterday = fields.Datetime.now() - timedelta(days=1)
        interaction = self._create_interaction(state='resolved', date=yesterday)
        self.assertEqual(interaction.state, 'resolved')
        self.assertTrue(interaction.date_done)

    def test_kanban_shows_every_state_in_workflow_order(self):
        self._create_interaction(state='resolved')
        # The kanban view asks for empty columns with read_group_expand.
        interactions = self.env['crm.interaction'].with_user(self.user_sales_own).with_context(read_group_expand=True)
        groups = interactions.web_read_group([], ['state'], ['__count'])['groups']
        self.assertEqual([group['state'] for group in groups], ['planned', 'in_progress', 'resolved', 'cancelled'])

    def test_overdue_means_date_passed_and_not_resolved(self):
        past = fields.Datetime.now() - timedelta(hours=2)
        overdue = self._create_interaction(date=past)
        resolved = self._create_interaction(date=past, state='resolved')
        upcoming = self._create_interaction(date=fields.Datetime.now() + timedelta(days=2))
        found = self.env['crm.interaction'].search(
            [('is_overdue', '=', True), ('id', 'in', (overdue | resolved | upcoming).ids)]
        )
        self.assertEqual(found, overdue)
        self.assertTrue(overdue.is_overdue)
        self.assertFalse(resolved.is_overdue or upcoming.is_overdue)

    def test_choosing_an_opportunity_fills_the_customer(self):
        lead = self.env['crm.lead'].create(
            {'name': 'Tanky', 'type': 'opportunity', 'partner_id': self.customer.id, 'user_id': self.user_sales_own.id}
        )
        with Form(self.env['crm.interaction'].with_user(self.user_sales_own)) as interaction:
            interaction.subject = 'Meeting about tanks'
            interaction.interaction_type_id = self.type_meeting
            interaction.lead_id = lead
            self.assertEqual(interaction.partner_id, self.customer)


@tagged('post_install', '-at_install')
class TestInteractionOnContacts(CrmExtendedCommon):
    def test_company_counts_its_contacts_interactions(self):
        self._create_interaction()
        self._create_interaction(partner_id=self.customer.id)
        self.customer.invalidate_recordset(['crm_interaction_count'])
        self.assertEqual(self.customer.crm_interaction_count, 2)
        self.assertEqual(self.customer_contact.crm_interaction_count, 1)
        self.assertEqual(len(self.customer.crm_company_interaction_ids), 2)

    def test_quick_log_from_a_contact_records_a_resolved_call(self):
        action = self.customer_contact.with_user(self.user_sales_own).action_crm_log_interaction()
        with Form(
            self.env['crm.interaction'].with_user(self.user_sales_own).with_context(**action['context']),
            view='crm_extended.crm_interaction_view_form_quick',
        ) as quick:
            quick.subject = 'Confirmed the delivery date'
        logged = quick.record
        self.assertEqual(
            (logged.state, logged.interaction_type_id, logged.partner_id),
            ('resolved', self.type_phone_call, self.customer_contact),
        )

    def test_quick_log_from_an_opportunity_links_both(self):
        lead = (
            self.env['crm.lead']
            .with_user(self.user_sales_own)
            .create({'name': 'Lisy', 'type': 'opportunity', 'partner_id': self.customer.id})
        )
        action = lead.action_crm_log_interaction()
        with Form(
            self.env['crm.interaction'].with_user(self.user_sales_own).with_context(**action['context']),
            view='crm_extended.crm_interaction_view_form_quick',
        ) as quick:
            quick.interaction_type_id = self.type_meeting
            quick.subject = 'Visit at the plant'
        self.assertEqual(quick.record.lead_id, lead)
        self.assertEqual(quick.record.partner_id, self.customer)
        self.assertEqual(lead.crm_interaction_count, 1)

    def test_quick_log_in_the_future_becomes_a_planned_call(self):
        action = self.customer_contact.with_user(self.user_sales_own).action_crm_log_interaction()
        with Form(
            self.env['crm.interaction'].with_user(self.user_sales_own).with_context(**action['context']),
            view='crm_extended.crm_interaction_view_form_quick',
        ) as quick:
            quick.subject = 'Call back about the samples'
            quick.date = fields.Datetime.now() + timedelta(days=2)
        self.assertEqual(quick.record.state, 'planned')
        self.assertFalse(quick.record.date_done)

    def test_quick_log_falls_back_to_an_active_type_when_the_phone_call_is_archived(self):
        self.type_phone_call.action_archive()
        action = self.customer_contact.with_user(self.user_sales_own).action_crm_log_interaction()
        fallback = self.env['crm.interaction.type'].search([], limit=1)
        self.assertEqual(action['context']['default_interaction_type_id'], fallback.id)
        with Form(
            self.env['crm.interaction'].with_user(self.user_sales_own).with_context(**action['context']),
            view='crm_extended.crm_interaction_view_form_quick',
        ) as quick:
            quick.subject = 'Confirmed the delivery date'
        self.assertEqual(quick.record.interaction_type_id, fallback)

    def test_quick_log_falls_back_when_the_phone_call_is_deleted(self):
        self.type_phone_call.unlink()
        action = self.customer_contact.with_user(self.user_sales_own).action_crm_log_interaction()
        self.assertTrue(
            self.env['crm.interaction.type'].browse(action['context']['default_interaction_type_id']).active
        )

    def test_quick_log_without_any_active_type_says_what_to_do(self):
        self.env['crm.interaction.type'].search([]).action_archive()
        with self.assertRaisesRegex(UserError, 'no active interaction type'):
            self.customer_contact.with_user(self.user_sales_own).action_crm_log_interaction()

    def test_sent_emails_are_logged_only_when_the_setting_is_on(self):
        partner = self.customer.with_user(self.user_sales_own)
        partner.message_post(
            body='Offer attached', subject='Offer', message_type='comment', subtype_xmlid='mail.mt_comment'
        )
        self.assertFalse(self.customer.crm_company_interaction_ids)
        self.env['ir.config_parameter'].set_param('crm_extended.log_sent_emails', True)
        partner.message_post(
            body='Offer attached', subject='Offer', message_type='comment', subtype_xmlid='mail.mt_comment'
        )
        partner.message_post(body='Internal remark', message_type='comment', subtype_xmlid='mail.mt_note')
        logged = self.customer.crm_company_interaction_ids
        self.assertEqual(len(logged), 1)
        self.assertEqual(
            (logged.subject, logged.interaction_type_id, logged.state), ('Offer', self.type_email, 'resolved')
        )

    def test_deleting_a_contact_with_interactions_is_refused(self):
        self._create_interaction()
        with self.assertRaises(UserError):
            self.customer_contact.unlink()
        self.assertTrue(self.customer_contact.exists())

    def test_archiving_a_company_keeps_its_interactions(self):
        interaction = self._create_interaction()
        self.customer.action_archive()
        self.assertTrue(interaction.exists())
        self.assertEqual(interaction.commercial_partner_id, self.customer)


@tagged('post_install', '-at_install')
class TestInteractionRights(CrmExtendedCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env['res.company'].create({'name': 'Slovenská pobočka s.r.o.'})
        cls.user_sales_all_both = new_test_user(
            cls.env,
            'crm_sales_all_both',
            groups='sales_team.group_sale_salesman_all_leads',
            company_id=cls.company.id,
            company_ids=[(6, 0, (cls.company | cls.other_company).ids)],
        )
        cls.own = cls._create_interaction(subject='Own')
        cls.colleagues = cls._create_interaction(user=cls.user_sales_colleague, subject="Colleague's")
        cls.followed = cls._create_interaction(user=cls.user_sales_colleague, subject='Followed')
        cls.followed.message_subscribe(partner_ids=cls.user_sales_own.partner_id.ids)
        cls.other_company_partner = cls.env['res.partner'].create(
            {'name': 'Bratislava a.s.', 'company_id': cls.other_company.id}
        )
        cls.in_other_company = cls.env['crm.interaction'].create(
            {
                'subject': 'Elsewhere',
                'interaction_type_id': cls.type_email.id,
                'partner_id': cls.other_company_partner.id,
                'company_id': cls.other_company.id,
                'user_id': cls.user_sales_all_both.id,
            }
        )
        cls.all_ours = cls.own | cls.colleagues | cls.followed | cls.in_other_company

    def _visible(self, user, companies=None):
        env = self.env(user=user)
        if companies:
            env = env(context=dict(env.context, allowed_company_ids=companies.ids))
        return env['crm.interaction'].search([('id', 'in', self.all_ours.ids)])

    def test_own_documents_salesperson_sees_what_they_own_created_or_follow(self):
        self.assertEqual(self._visible(self.user_sales_own), self.own | self.followed)

    def test_own_documents_salesperson_cannot_edit_a_colleagues_interaction(self):
        with self.assertRaises(AccessError):
            self.colleagues.with_user(self.user_sales_own).write({'subject': 'Mine now'})

    def test_all_documents_salesperson_sees_everything_in_their_companies(self):
        self.assertEqual(self._visible(self.user_sales_all), self.own | self.colleagues | self.followed)
        self.assertEqual(self._visible(self.user_sales_all_both, self.company | self.other_company), self.all_ours)
        self.assertEqual(self._visible(self.user_sales_all_both, self.other_company), self.in_other_company)

    def test_only_sales_administrators_delete(self):
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_sales_own).unlink()
        with self.assertRaises(AccessError):
            self.colleagues.with_user(self.user_sales_all).unlink()
        self.own.with_user(self.user_sales_manager).unlink()
        self.assertFalse(self.own.exists())

    def test_portal_and_internal_users_without_sales_rights_see_nothing(self):
        for user in (self.user_portal, self.user_internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._visible(user)
