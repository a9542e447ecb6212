import unittest
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


class BrowserTourCase(HttpCase):
    """A tour that cannot start a browser fails: Odoo's own runner would skip it and hide the missing check."""

    # The browser's requests take turns on the test's cursor; on a busy machine the first page of a class, which
    # builds the asset bundles, holds it longer than Odoo's 20 s, and the request that gave up got an HTML error
    # page where the web client expected JSON.
    test_cursor_lock_timeout = 180

    def browser_js(self, *args, **kwargs):
        try:
            return super().browser_js(*args, **kwargs)
        except unittest.SkipTest as reason:
            self.fail(f'The browser tour could not run in headless Chromium: {reason}')


@tagged('post_install', '-at_install')
class TestTours(BrowserTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.salesperson = new_test_user(
            cls.env, 'tour_salesperson', name='Jana Dvořáková', groups='sales_team.group_sale_salesman'
        )
        cls.colleague = new_test_user(
            cls.env, 'tour_colleague', name='Petr Svoboda', groups='sales_team.group_sale_salesman'
        )
        cls.administrator = new_test_user(
            cls.env, 'tour_administrator', name='Eva Králová', groups='base.group_system,sales_team.group_sale_manager'
        )
        cls.customer = cls.env['res.partner'].create(
            {
                'name': 'Pivovar Hodonín s.r.o.',
                'is_company': True,
                'city': 'Hodonín',
                'user_id': cls.salesperson.id,
                'crm_company_status_id': cls.env.ref('crm_extended.crm_company_status_current').id,
            }
        )

    def _run_tour(self, url, tour, user):
        self.start_tour(url, tour, login=user.login)
        # The browser's requests changed the records behind this test's cache.
        self.env.invalidate_all()

    def _customer_interactions(self):
        return self.env['crm.interaction'].search([('commercial_partner_id', '=', self.customer.id)])

    def test_call_handed_over_and_resolved_by_the_colleague(self):
        self._run_tour(f'/odoo/contacts/{self.customer.id}', 'crm_extended_log_and_hand_over', self.salesperson)
        call = self._customer_interactions()
        self.assertEqual(len(call), 1)
        self.assertEqual(call.interaction_type_id, self.env.ref('crm_extended.crm_interaction_type_phone_call'))
        self.assertEqual(call.user_id, self.colleague)
        self.assertEqual(call.state, 'planned')
        task = call.handover_activity_id
        self.assertEqual(task.user_id, self.colleague)
        self.assertIn('Please confirm the delivery date', str(task.note))

        self._run_tour('/odoo', 'crm_extended_resolve_handed_over_task', self.colleague)
        self.assertEqual(call.state, 'resolved')
        self.assertTrue(call.date_done)
        self.assertFalse(task.active, 'the task is not done')
        self.assertTrue(task.date_done)
        self.assertFalse(call.activity_ids)

    def test_activity_menu_opens_exactly_the_late_today_and_future_interactions(self):
        # The salesperson's today, by which the activity menu counts and its filters search.
        today = fields.Date.context_today(self.salesperson.with_context(tz=self.salesperson.tz or 'UTC'))
        deadlines = {
            'Call back about the late delivery': (self.salesperson, today - timedelta(days=3)),
            'Send the price list': (self.salesperson, today),
            'Prepare the annual review': (self.salesperson, today + timedelta(days=5)),
            "The colleague's late reminder": (self.colleague, today - timedelta(days=3)),
        }
        interactions = self.env['crm.interaction'].create(
            [
                {
                    'subject': subject,
                    'interaction_type_id': self.env.ref('crm_extended.crm_interaction_type_phone_call').id,
                    'partner_id': self.customer.id,
                    'user_id': self.salesperson.id,
                    'date': fields.Datetime.now() + timedelta(days=10),
                }
                for subject in [*deadlines, 'Nothing to do about it']
            ]
        )
        for interaction, (user, deadline) in zip(interactions, deadlines.values(), strict=False):
            interaction.activity_schedule('mail.mail_activity_data_todo', date_deadline=deadline, user_id=user.id)
        self._run_tour('/odoo', 'crm_extended_activity_menu_counts', self.salesperson)

    def test_codebook_renamed_and_reordered_from_settings(self):
        status = self.env.ref('crm_extended.crm_company_status_potential')
        self._run_tour('/odoo/settings', 'crm_extended_codebook_settings', self.administrator)
        self.assertEqual(status.name, 'Prospect')
        first_status = self.env['crm.company.status'].search([], limit=1)
        self.assertEqual(first_status, status)
        self.assertEqual(self.customer.crm_company_status_id, status)
