from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon

MEASURES = [
    'interaction_count:sum',
    'resolved_count:sum',
    'on_time_rate:avg',
    'handover_count:sum',
    'handover_resolved_count:sum',
    'won_count:sum',
    'won_amount:sum',
]


@tagged('post_install', '-at_install')
class TestSalespersonEffectiveness(CrmExtendedCommon):
    """The own salesperson resolves one interaction two days after its date and one on its day, leaves one open,
    cancels one and wins an opportunity of 12,000 (a lost and an open one do not count). A fifth interaction, dated
    three days ago, they hand over to the colleague with today as the deadline: the colleague resolves it today, so
    on time by the hand-over's deadline though late by the interaction's date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now()
        late, on_time, cls.open_one, cancelled, handed_over = (
            cls._create_interaction(date=date)
            for date in (now - timedelta(days=2), now - timedelta(minutes=1), now, now, now - timedelta(days=3))
        )
        (late | on_time).action_resolve()
        cancelled.action_cancel()
        cls._hand_over_to_the_colleague(handed_over)
        handed_over.with_user(cls.user_sales_colleague).action_resolve()
        cls.interactions = late | on_time | cls.open_one | cancelled | handed_over
        won_stage = cls.env['crm.stage'].create({'name': 'Efektivita vyhráno', 'sequence': 2000, 'is_won': True})
        cls.opportunities = cls.env['crm.lead'].create(
            [
                {
                    'name': name,
                    'type': 'opportunity',
                    'partner_id': cls.customer.id,
                    'user_id': cls.user_sales_own.id,
                    'expected_revenue': amount,
                }
                for name, amount in (('Varna', 12000.0), ('Sklep', 5000.0), ('Lahvovna', 7000.0))
            ]
        )
        cls.opportunities[0].stage_id = won_stage
        cls.opportunities[1].action_set_lost()

    @classmethod
    def _hand_over_to_the_colleague(cls, interaction):
        cls.env['crm.interaction.handover'].with_user(cls.user_sales_own).create(
            {
                'interaction_ids': [fields.Command.set(interaction.ids)],
                'user_id': cls.user_sales_colleague.id,
                'date_deadline': fields.Date.today(),
            }
        ).action_handover()

    def _effectiveness(self, user, domain=()):
        report = self.env['crm.salesperson.effectiveness.report'].with_user(user)
        return {
            salesperson.login: figures
            for salesperson, *figures in report._read_group(
                [('user_id', 'in', (self.user_sales_own | self.user_sales_colleague).ids), *domain],
                ['user_id'],
                MEASURES,
            )
        }

    def test_manager_sees_what_each_salesperson_logged_resolved_on_time_took_over_and_won(self):
        self.assertEqual(
            self._effectiveness(self.user_sales_manager),
            {
                'crm_sales_own': [4, 2, 50.0, 0, 0, 1, 12000.0],
                'crm_sales_colleague': [1, 1, 100.0, 1, 1, 0, 0.0],
            },
        )

    def test_handover_resolved_after_its_deadline_is_late(self):
        self.interactions[-1].handover_activity_id.date_deadline = fields.Date.today() - timedelta(days=1)
        self.assertEqual(self._effectiveness(self.user_sales_manager)['crm_sales_colleague'][2], 0.0)

    def test_handover_finished_from_its_task_counts_as_resolved(self):
        interaction = self._create_interaction()
        self._hand_over_to_the_colleague(interaction)
        interaction.handover_activity_id.with_user(self.user_sales_colleague).action_feedback(feedback='Called back')
        colleague = self._effectiveness(self.user_sales_manager)['crm_sales_colleague']
        self.assertEqual(colleague[MEASURES.index('handover_count:sum')], 2)
        self.assertEqual(colleague[MEASURES.index('handover_resolved_count:sum')], 2)

    def test_period_counts_the_interactions_of_their_date_and_the_deals_of_their_closing(self):
        since_yesterday = [('date', '>=', fields.Datetime.now() - timedelta(days=1))]
        self.assertEqual(
            self._effectiveness(self.user_sales_manager, since_yesterday),
            {
                'crm_sales_own': [3, 1, 100.0, 0, 0, 1, 12000.0],
            },
        )

    def test_salesperson_with_own_documents_sees_only_their_figures(self):
        self.assertEqual(list(self._effectiveness(self.user_sales_own)), ['crm_sales_own'])
        self.assertEqual(list(self._effectiveness(self.user_sales_colleague)), ['crm_sales_colleague'])

    def test_figures_of_many_salespeople_take_one_query(self):
        for index in range(20):
            self._create_interaction(user=self.user_sales_manager, subject=f'Call {index}')
        self.env.flush_all()
        report = self.env['crm.salesperson.effectiveness.report'].with_user(self.user_sales_manager)
        report._read_group([], ['user_id', 'team_id'], MEASURES)  # the record rules are read and cached once
        with self.assertQueryCount(1):
            report._read_group([], ['user_id', 'team_id'], MEASURES)
