from datetime import datetime, time
from urllib.parse import urlencode

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmReportWorkbook(models.AbstractModel):
    """A workbook of a period and of some salespeople and teams, downloaded from a read-only route
    (``_download_route``) that gets the period and the filters (``_download_filter_fields``, many2many fields)
    from its URL, never this record: served from a read replica, it never waits for the wizard to be replicated
    there."""

    _name = 'crm.report.workbook'
    _description = 'Period Workbook'
    _download_route = None
    _download_filter_fields = ('user_ids', 'team_ids')

    date_from = fields.Date(
        'From', required=True, default=lambda self: fields.Date.context_today(self).replace(month=1, day=1)
    )
    date_to = fields.Date('To', required=True, default=fields.Date.context_today)
    user_ids = fields.Many2many('res.users', string='Salespeople', domain="[('share', '=', False)]")
    team_ids = fields.Many2many('crm.team', string='Sales Teams')

    @api.constrains('date_from', 'date_to')
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(_('The period must start before it ends.'))

    def _filter_domain(self):
        """The records of the period and of the chosen salespeople and teams, in a model whose fields are named
        ``date``, ``user_id`` and ``team_id``."""
        domain = self._period_domain('date')
        if self.user_ids:
            domain.append(('user_id', 'in', self.user_ids.ids))
        if self.team_ids:
            domain.append(('team_id', 'in', self.team_ids.ids))
        return domain

    def _period_domain(self, field_name):
        """The moments of ``field_name`` within the period's days in the user's time zone."""
        return [
            (field_name, '>=', self._day_start(self.date_from)),
            (field_name, '<', self._day_start(fields.Date.add(self.date_to, days=1))),
        ]

    def _day_start(self, day):
        """The moment, as stored (UTC), at which ``day`` begins in the user's time zone."""
        return self.env.tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

    def _workbook_styles(self, workbook):
        return {
            'header': workbook.add_format({'bold': True, 'bg_color': '#E9ECEF', 'border': 1}),
            'datetime': workbook.add_format({'num_format': 'yyyy-mm-dd hh:mm'}),
        }

    def action_export(self):
        self.ensure_one()
        params = {'date_from': self.date_from, 'date_to': self.date_to}
        params.update({name: ','.join(map(str, self[name].ids)) for name in self._download_filter_fields if self[name]})
        return {'type': 'ir.actions.act_url', 'url': f'{self._download_route}?{urlencode(params)}', 'target': 'self'}

    @api.model
    def _from_download_params(self, params):
        """The wizard, in memory, of the period and filters that ``action_export`` put into the download's URL;
        raises KeyError or ValueError for a URL it did not make."""
        self.check_access('create')
        values = {name: fields.Date.to_date(params[name]) for name in ('date_from', 'date_to')}
        values.update(
            {
                name: [int(record_id) for record_id in params[name].split(',')]
                for name in self._download_filter_fields
                if params.get(name)
            }
        )
        wizard = self.new(values)
        wizard._check_period()
        return wizard
