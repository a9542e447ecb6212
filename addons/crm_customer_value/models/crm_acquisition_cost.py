from odoo import fields, models


class CrmAcquisitionCost(models.Model):
    _name = 'crm.acquisition.cost'
    _description = 'Sales and Marketing Cost'
    _order = 'date desc, id desc'
    _check_company_auto = True

    name = fields.Char('Description', required=True)
    date = fields.Date(
        'Month',
        required=True,
        default=fields.Date.context_today,
        index=True,
        help='The cost counts for the month of this date.',
    )
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(related='company_id.currency_id', string='Currency')
    amount = fields.Monetary(required=True, help='Sales and marketing spending of the month.')
    source_id = fields.Many2one('utm.source', help='The campaign source the cost went to, if known.')
    medium_id = fields.Many2one('utm.medium', help='The channel the cost went to, if known.')

    _amount_not_negative = models.Constraint('CHECK(amount >= 0)', 'A sales and marketing cost is not negative.')
