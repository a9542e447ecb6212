from odoo import api, fields, models
from odoo.tools import SQL


class CrmSalespersonEffectivenessReport(models.Model):
    _inherit = 'crm.salesperson.effectiveness.report'
    _depends = {
        'account.move': ['state', 'move_type', 'invoice_user_id', 'team_id', 'company_id', 'invoice_date',
                         'amount_total_signed', 'amount_residual_signed'],
    }

    invoiced_amount = fields.Monetary(
        'Invoiced', readonly=True, aggregator='sum',
        help='Posted customer invoices less credit notes of which the salesperson is the salesperson, by invoice '
             'date, taxes included, in the currency of the company.')
    paid_amount = fields.Monetary(
        'Paid', readonly=True, aggregator='sum',
        help='What the customers have paid so far on those invoices.')

    @api.model
    def _row_sources(self):
        return super()._row_sources() + [self._invoice_rows()]

    @api.model
    def _invoice_rows(self):
        return SQL("""account_move m WHERE m.state = 'posted' AND m.move_type IN ('out_invoice', 'out_refund')"""), {
            'res_id': SQL('m.id'),
            'user_id': SQL('m.invoice_user_id'),
            'team_id': SQL('m.team_id'),
            'company_id': SQL('m.company_id'),
            # An invoice has a day, not a moment: noon UTC falls on that day in every European time zone, so a
            # period's bounds in the user's time zone keep it in its day.
            'date': SQL("m.invoice_date + INTERVAL '12 hours'"),
            'invoiced_amount': SQL('m.amount_total_signed'),
            'paid_amount': SQL('m.amount_total_signed - m.amount_residual_signed'),
        }
