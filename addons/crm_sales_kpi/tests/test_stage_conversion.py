from odoo.tests import tagged

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestStageConversion(CrmExtendedCommon):
    """Three opportunities through stages 1 to 3 and Won, by their chatter's stage tracking:

    - the first (own salesperson): 1, 2, 3, Won;
    - the second (own salesperson): 1, 2, then lost;
    - the third (a colleague): still in 1.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.stages = cls.env['crm.stage'].create(
            [{'name': f'Konverze {index}', 'sequence': 1000 + index} for index in (1, 2, 3)]
        )
        cls.won_stage = cls.env['crm.stage'].create({'name': 'Konverze vyhráno', 'sequence': 1004, 'is_won': True})
        first, second, third = cls.stages
        cls.leads = cls.env['crm.lead'].create(
            [
                {
                    'name': name,
                    'type': 'opportunity',
                    'partner_id': cls.customer.id,
                    'user_id': user.id,
                    'stage_id': first.id,
                }
                for name, user in (
                    ('Pivní tanky', cls.user_sales_own),
                    ('Stáčecí linka', cls.user_sales_own),
                    ('Chladicí box', cls.user_sales_colleague),
                )
            ]
        )
        cls._track()
        for stage in (second, third, cls.won_stage):
            cls.leads[0].stage_id = stage
            cls._track()
        cls.leads[1].stage_id = second
        cls._track()
        cls.leads[1].action_set_lost()
        cls._track()

    @classmethod
    def _track(cls):
        # The chatter writes the tracking values of the changes when the transaction ends.
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def _conversion(self, user, leads=None):
        report = self.env['crm.stage.conversion.report'].with_user(user)
        return {
            stage.name: (count, next_rate, won_rate)
            for stage, count, next_rate, won_rate in report._read_group(
                [('lead_id', 'in', (leads or self.leads).ids)],
                ['stage_id'],
                ['__count', 'next_stage_rate:avg', 'won_rate:avg'],
            )
        }

    def test_each_stage_counts_the_opportunities_that_entered_it_and_how_many_moved_on_or_were_won(self):
        self.assertEqual(
            self._conversion(self.user_sales_manager),
            {
                'Konverze 1': (3, 200 / 3, 100 / 3),
                'Konverze 2': (2, 50.0, 50.0),
                'Konverze 3': (1, 100.0, 100.0),
                'Konverze vyhráno': (1, 0.0, 100.0),
            },
        )

    def test_salesperson_with_own_documents_sees_only_their_opportunities(self):
        self.assertEqual(
            self._conversion(self.user_sales_own),
            {
                'Konverze 1': (2, 100.0, 50.0),
                'Konverze 2': (2, 50.0, 50.0),
                'Konverze 3': (1, 100.0, 100.0),
                'Konverze vyhráno': (1, 0.0, 100.0),
            },
        )
        self.assertEqual(self._conversion(self.user_sales_colleague), {'Konverze 1': (1, 0.0, 0.0)})

    def test_a_stage_change_moves_the_opportunity_on_from_the_stage_it_left(self):
        self.leads[2].stage_id = self.stages[1]
        self._track()
        self.assertEqual(
            self._conversion(self.user_sales_colleague), {'Konverze 1': (1, 100.0, 0.0), 'Konverze 2': (1, 0.0, 0.0)}
        )

    def test_stages_a_salesperson_moves_their_opportunity_through_count(self):
        first, second, third = self.stages
        lead = (
            self.env['crm.lead']
            .with_user(self.user_sales_own)
            .create(
                {
                    'name': 'Lisovací linka',
                    'type': 'opportunity',
                    'partner_id': self.customer.id,
                    'user_id': self.user_sales_own.id,
                    'stage_id': first.id,
                }
            )
        )
        self._track()
        for stage in (second, third, self.won_stage):
            lead.write({'stage_id': stage.id})
            self._track()
        self.assertEqual(
            self._conversion(self.user_sales_own, lead),
            {
                'Konverze 1': (1, 100.0, 100.0),
                'Konverze 2': (1, 100.0, 100.0),
                'Konverze 3': (1, 100.0, 100.0),
                'Konverze vyhráno': (1, 0.0, 100.0),
            },
        )
