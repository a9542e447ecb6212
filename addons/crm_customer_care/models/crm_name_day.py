from odoo import api, fields, models


class CrmNameDay(models.Model):
    """One name of a country's official name-day calendar: a name may have several days, a day several names."""

    _name = 'crm.name.day'
    _description = 'Name Day'
    _order = 'country_id, month, day, name'

    country_id = fields.Many2one('res.country', required=True, index=True, ondelete='cascade')
    month = fields.Integer(required=True)
    day = fields.Integer(required=True)
    name = fields.Char(required=True)

    _valid_month = models.Constraint('CHECK (month BETWEEN 1 AND 12)', 'The month of a name day is 1 to 12.')
    _valid_day = models.Constraint('CHECK (day BETWEEN 1 AND 31)', 'The day of a name day is 1 to 31.')
    _unique_name_day = models.Constraint(
        'UNIQUE (country_id, month, day, name)', 'This name already has this day in the calendar of this country.'
    )
    _name_lookup = models.Index('(country_id, lower(name))')

    @api.depends('name', 'month', 'day')
    def _compute_display_name(self):
        for name_day in self:
            name_day.display_name = f'{name_day.name} ({name_day.day}. {name_day.month}.)'
