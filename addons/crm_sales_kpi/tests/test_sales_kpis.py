from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


@tagged('post_install', '-at_install')
class TestSalesKpis(CrmExtendedCommon):
    """Two won opportunities of the own salesperson (10,000 in 30 days, 20,000 in 10 days), a lost one (5,000) and
    an open one (7,000, closing next month) of a colleague."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        won_stage = cls.env['crm.stage'].create({'name': 'KPI vyhráno', 'sequence': 2000, 'is_won': True})
        next_month = fields.Date.today().replace(day=1) + timedelta(days=32)
        cls.leads = cls.env['crm.lead'].create(
            [
                {
                    'name': name,
                    'type': 'opportunity',
                    'partner_id': cls.customer.id,
                    'user_id': user.id,
                    'expected_revenue': amount,
                    'date_deadline': next_month,
                }
                for name, user, amount in (
                    ('Varna', cls.user_sales_own, 10000.0),
                    ('Spilka', cls.user_sales_own, 20000.0),
                    ('Sklep', cls.user_sales_colleague, 5000.0),
                    ('Lahvovna', cls.user_sales_colleague, 7000.0),
                )
            ]
        )
        cls.leads[:2].stage_id = won_stage
        cls.leads[2].action_set_lost()
        closed = datetime(2026, 3, 31, 12, 0)
        for lead, days in zip(cls.leads[:2], (30, 10), strict=True):
            # the creation date is the ORM's own: set it as a year of history would have it
            cls.env.cr.execute(
                'UPDATE crm_lead SET create_date = %s, date_closed = %s WHERE id = %s',
                (closed - timedelta(days=days), closed, lead.id),
            )
        cls.env.invalidate_all()
        cls.next_month = next_month

    def _kpis(self, user):
        report = self.env['crm.deal.report'].with_user(user)
        [kpis] = report._read_group(
            [('lead_id', 'in', self.leads.ids)],
            [],
            ['win_rate:avg', 'deal_days:avg', 'won_amount:sum', 'average_won_amount:avg', 'pipeline_amount:sum'],
        )
        return list(kpis)

    def test_win_rate_counts_closed_deals_and_length_and_amounts_the_won_ones(self):
        self.assertEqual(self._kpis(self.user_sales_manager), [200 / 3, 20.0, 30000.0, 15000.0, 7000.0])

    def test_salesperson_with_own_documents_sees_only_their_figures(self):
        self.assertEqual(self._kpis(self.user_sales_own), [100.0, 20.0, 30000.0, 15000.0, 0.0])
        self.assertEqual(self._kpis(self.user_sales_colleague)[:1], [0.0])

    def test_pipeline_by_expected_closing_month_counts_open_deals(self):
        report = self.env['crm.deal.report'].with_user(self.user_sales_manager)
        groups = report._read_group(
            [('lead_id', 'in', self.leads.ids)], ['date_deadline:month'], ['pipeline_amount:sum']
        )
        self.assertEqual(groups, [(self.next_month.replace(day=1), 7000.0)])

    def test_median_deal_length_is_the_middle_of_the_won_deals_lengths(self):
        # With a third won deal of 80 days, the lengths are 10, 30 and 80 days: the median is 30, the mean 40.
        won_stage = self.leads[0].stage_id
        long_deal = self.env['crm.lead'].create(
            {
                'name': 'Stáčírna',
                'type': 'opportunity',
                'partner_id': self.customer.id,
                'user_id': self.user_sales_own.id,
                'expected_revenue': 1000.0,
                'stage_id': won_stage.id,
            }
        )
        closed = datetime(2026, 3, 31, 12, 0)
        self.env.cr.execute(
            'UPDATE crm_lead SET create_date = %s, date_closed = %s WHERE id = %s',
            (closed - timedelta(days=80), closed, long_deal.id),
        )
        self.env.invalidate_all()
        report = self.env['crm.deal.report'].with_user(self.user_sales_manager)
        domain = [('lead_id', 'in', (self.leads | long_deal).ids)]
        self.assertEqual(report._read_group(domain, [], ['deal_days:avg', 'median_deal_days:avg']), [(40.0, 30.0)])
        self.assertEqual(
            dict(report._read_group(domain, ['user_id'], ['median_deal_days:avg'])),
            {self.user_sales_own: 30.0, self.user_sales_colleague: False},
        )
