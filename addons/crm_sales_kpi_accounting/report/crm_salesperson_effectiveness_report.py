from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL


class CrmSalespersonEffectivenessReport(models.Model):
    _inherit = 'crm.salesperson.effectiveness.report'
    _depends = {
        'account.move': [
            'state',
            'move_type',
            'commercial_partner_id',
            'invoice_user_id',
            'team_id',
            'company_id',
            'invoice_date',
            'amount_untaxed_signed',
            'amount_total_signed',
            'amount_residual_signed',
            'crm_sale_order_ids',
        ],
        'sale.order': ['user_id'],
    }

    invoiced_amount = fields.Monetary(
        'Invoiced',
        readonly=True,
        aggregator='sum',
        help='Net revenue, as the customer value counts it: the untaxed amount of the posted customer invoices less '
        'credit notes, by invoice date, in the currency of the company. An invoice counts for the salesperson '
        'of its sales order, else for its own salesperson; invoices of users who are not salespeople, such as '
        'OdooBot, count for no salesperson.',
    )
    paid_amount = fields.Monetary(
        'Paid',
        readonly=True,
        aggregator='sum',
        help='The part of that net revenue the customers have paid so far: of each invoice, its net revenue in the '
        'proportion of its total already paid.',
    )

    @api.model
    def _row_sources(self):
        return super()._row_sources() + [self._invoice_rows()]

    @api.model
    def _invoice_rows(self):
        moves = self.env['account.move']
        salespeople = self._salespeople_sql()
        net_revenue = moves._crm_net_revenue_sql('m')
        # An invoice of several orders counts for the salesperson of the first of them.
        return SQL(
            """account_move m
                      LEFT JOIN LATERAL (
                          SELECT o.user_id
                            FROM crm_account_move_sale_order_rel r
                            JOIN sale_order o ON o.id = r.order_id
                           WHERE r.move_id = m.id AND o.user_id IN %(salespeople)s
                           ORDER BY o.id
                           LIMIT 1
                      ) order_salesperson ON TRUE
                     WHERE %(is_revenue)s""",
            salespeople=salespeople,
            is_revenue=moves._crm_is_revenue_sql('m'),
        ), {
            'res_id': SQL('m.id'),
            'user_id': SQL(
                'COALESCE(order_salesperson.user_id, CASE WHEN m.invoice_user_id IN %s THEN m.invoice_user_id END)',
                salespeople,
            ),
            'team_id': SQL('m.team_id'),
            'company_id': SQL('m.company_id'),
            # An invoice has a day, not a moment: noon UTC falls on that day in every European time zone, so a
            # period's bounds in the user's time zone keep it in its day.
            'date': SQL("m.invoice_date + INTERVAL '12 hours'"),
            'invoiced_amount': net_revenue,
            'paid_amount': SQL(
                '%s * (m.amount_total_signed - m.amount_residual_signed) / NULLIF(m.amount_total_signed, 0)',
                net_revenue,
            ),
        }

    @api.model
    def _salespeople_sql(self):
        """The ids of the salespeople: internal users with sales rights, archived ones included since their revenue
        stays theirs, and not OdooBot, whom Odoo's own records name when no one in particular made them."""
        # The cached id of the group, not env.ref(), which would check in a query of its own that the group exists.
        salesman_group_id = self.env['ir.model.data']._xmlid_to_res_id('sales_team.group_sale_salesman')
        users = (
            self.env['res.users']
            .sudo()
            .with_context(active_test=False)
            ._search(
                [
                    ('share', '=', False),
                    ('all_group_ids', 'in', [salesman_group_id]),
                    ('id', '!=', SUPERUSER_ID),
                ]
            )
        )
        return users.subselect()
