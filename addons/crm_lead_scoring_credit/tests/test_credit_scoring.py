from odoo.tests import tagged

from odoo.addons.crm_accounting_link.tests.common import CrmAccountingLinkCommon


@tagged('post_install', '-at_install')
class TestCreditScoring(CrmAccountingLinkCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.overdue_rule = cls.env.ref('crm_lead_scoring_credit.crm_lead_scoring_rule_overdue_invoice')
        (cls.env['crm.lead.scoring.rule'].search([]) - cls.overdue_rule).active = False

    def test_overdue_invoices_of_the_customer_take_points_off(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-20)
        self._create_invoice(self.customer_invoice_address, 500.0, due_in_days=-3)
        self._create_invoice(self.customer, 700.0, due_in_days=10)
        self._create_invoice(self.other_customer, 900.0, due_in_days=-30)
        self.opportunity._crm_recompute_score()
        self.assertEqual(self.opportunity.crm_score, -20, 'two overdue invoices of the customer company')
        self.assertEqual(self.opportunity.crm_score_breakdown, 'Overdue invoices: 2, the oldest 20 days overdue -20')
        self.assertEqual(self.opportunity.crm_score_grade, 'd')

    def test_overdue_points_stop_at_the_cap_and_paid_invoices_do_not_count(self):
        invoices = [self._create_invoice(self.customer, 100.0, due_in_days=-days) for days in (1, 2, 3, 4)]
        self.opportunity._crm_recompute_score()
        self.assertEqual(self.opportunity.crm_score, -30)
        self._pay(invoices[0] + invoices[1] + invoices[2])
        self.opportunity._crm_recompute_score()
        self.assertEqual(self.opportunity.crm_score, -10)

    def test_salesperson_sees_the_credit_points_of_their_lead(self):
        self._create_invoice(self.customer, 1000.0, due_in_days=-5)
        self.opportunity.with_user(self.user_salesman).action_crm_recompute_score()
        lead = self.opportunity.with_user(self.user_salesman)
        self.assertEqual(
            (lead.crm_score, lead.crm_score_breakdown), (-10, 'Overdue invoices: 1, the oldest 5 days overdue -10')
        )
