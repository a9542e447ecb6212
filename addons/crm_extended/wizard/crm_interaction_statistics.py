import base64
import io
import statistics
from collections import defaultdict

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import UserError

STATES = ('planned', 'in_progress', 'resolved', 'cancelled')
BATCH_SIZE = 5000


class CrmInteractionStatistics(models.TransientModel):
    _name = 'crm.interaction.statistics'
    _description = 'Interaction Statistics Workbook'

    date_from = fields.Date('From', required=True,
                            default=lambda self: fields.Date.context_today(self).replace(month=1, day=1))
    date_to = fields.Date('To', required=True, default=fields.Date.context_today)
    user_ids = fields.Many2many('res.users', string='Responsible', domain="[('share', '=', False)]")
    team_ids = fields.Many2many('crm.team', string='Sales Teams')
    interaction_type_ids = fields.Many2many('crm.interaction.type', string='Types')

    @api.constrains('date_from', 'date_to')
    def _check_period(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(_('The period must start before it ends.'))

    def _interaction_domain(self):
        domain = [
            ('date', '>=', fields.Datetime.to_datetime(self.date_from)),
            ('date', '<', fields.Datetime.to_datetime(fields.Date.add(self.date_to, days=1))),
        ]
        if self.user_ids:
            domain.append(('user_id', 'in', self.user_ids.ids))
        if self.team_ids:
            domain.append(('team_id', 'in', self.team_ids.ids))
        if self.interaction_type_ids:
            domain.append(('interaction_type_id', 'in', self.interaction_type_ids.ids))
        return domain

    def action_export(self):
        self.ensure_one()
        attachment = self.env['ir.attachment'].create({
            'name': _('Interaction statistics %(start)s - %(end)s.xlsx', start=self.date_from, end=self.date_to),
            'raw': self._build_workbook(),
            'res_model': self._name,
            'res_id': self.id,
            'mimetype': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        })
        return {'type': 'ir.actions.act_url', 'url': f'/web/content/{attachment.id}?download=true', 'target': 'self'}

    def _build_workbook(self):
        output = io.BytesIO()
        # constant_memory writes each row to disk as soon as the next one starts: the Records sheet of a
        # large period never sits in memory, which is also why every sheet is written strictly top to bottom.
        workbook = xlsxwriter.Workbook(output, {'constant_memory': True, 'in_memory': False,
                                                'default_date_format': 'yyyy-mm-dd hh:mm'})
        styles = {'header': workbook.add_format({'bold': True, 'bg_color': '#E9ECEF', 'border': 1})}
        summary = workbook.add_worksheet(_('Summary'))
        per_responsible = workbook.add_worksheet(_('Per responsible'))
        records = workbook.add_worksheet(_('Records'))
        domain = self._interaction_domain()
        self._write_summary(workbook, summary, domain, styles)
        resolution_days = self._write_records(records, domain, styles)
        self._write_per_responsible(per_responsible, domain, resolution_days, styles)
        workbook.close()
        return output.getvalue()

    def _write_summary(self, workbook, sheet, domain, styles):
        groups = self.env['crm.interaction']._read_group(domain, ['date:month', 'interaction_type_id'], ['__count'])
        months = sorted({month for month, _type, _count in groups})
        types = sorted({interaction_type for _month, interaction_type, _count in groups},
                       key=lambda interaction_type: (interaction_type.sequence, interaction_type.id))
        counts = {(month, interaction_type): count for month, interaction_type, count in groups}
        sheet.write_row(0, 0, [_('Month')] + [interaction_type.name for interaction_type in types] + [_('Total')],
                        styles['header'])
        for row, month in enumerate(months, start=1):
            values = [counts.get((month, interaction_type), 0) for interaction_type in types]
            sheet.write_row(row, 0, [month.strftime('%Y-%m')] + values + [sum(values)])
        sheet.set_column(0, len(types) + 1, 14)
        if months and types:
            chart = workbook.add_chart({'type': 'column', 'subtype': 'stacked'})
            for column, interaction_type in enumerate(types, start=1):
                chart.add_series({
                    'name': [sheet.name, 0, column],
                    'categories': [sheet.name, 1, 0, len(months), 0],
                    'values': [sheet.name, 1, column, len(months), column],
                })
            chart.set_title({'name': _('Interactions per month')})
            sheet.insert_chart(len(months) + 2, 0, chart)

    def _write_records(self, sheet, domain, styles):
        """Write every interaction of the period, reading them in batches; return resolution days per user."""
        headers = [_('Date'), _('Subject'), _('Type'), _('Customer'), _('Company'), _('Opportunity'),
                   _('Responsible'), _('Sales Team'), _('Status'), _('Resolved On')]
        sheet.write_row(0, 0, headers, styles['header'])
        sheet.set_column(0, len(headers) - 1, 18)
        state_labels = dict(self.env['crm.interaction']._fields['state']._description_selection(self.env))
        fields_to_read = ['date', 'subject', 'interaction_type_id', 'partner_id', 'commercial_partner_id',
                          'lead_id', 'user_id', 'team_id', 'state', 'date_done', 'create_date']
        interactions = self.env['crm.interaction']
        resolution_days = defaultdict(list)
        row = 0
        for batch_ids in self._batched_ids(interactions, domain):
            for values in interactions.browse(batch_ids).read(fields_to_read, load='_classic_read'):
                row += 1
                sheet.write_datetime(row, 0, self._local(values['date']))
                sheet.write_row(row, 1, [
                    values['subject'],
                    *(values[name][1] if values[name] else '' for name in (
                        'interaction_type_id', 'partner_id', 'commercial_partner_id', 'lead_id', 'user_id', 'team_id')),
                    state_labels[values['state']],
                ])
                if values['date_done']:
                    sheet.write_datetime(row, 9, self._local(values['date_done']))
                    user_id = values['user_id'][0] if values['user_id'] else False
                    resolution_days[user_id].append((values['date_done'] - values['create_date']).total_seconds() / 86400)
            self.env.invalidate_all()
        return resolution_days

    def _local(self, value):
        return fields.Datetime.context_timestamp(self, value).replace(tzinfo=None)

    def _batched_ids(self, interactions, domain):
        ids = interactions.search(domain, order='date, id').ids
        for start in range(0, len(ids), BATCH_SIZE):
            yield ids[start:start + BATCH_SIZE]

    def _write_per_responsible(self, sheet, domain, resolution_days, styles):
        interactions = self.env['crm.interaction']
        counts = defaultdict(lambda: dict.fromkeys(STATES + ('overdue',), 0))
        for user, state, count in interactions._read_group(domain, ['user_id', 'state'], ['__count']):
            counts[user][state] = count
        for user, count in interactions._read_group(domain + [('is_overdue', '=', True)], ['user_id'], ['__count']):
            counts[user]['overdue'] = count
        state_labels = dict(interactions._fields['state']._description_selection(self.env))
        sheet.write_row(0, 0, [_('Responsible')] + [state_labels[state] for state in STATES]
                        + [_('Overdue'), _('Median days to resolve')], styles['header'])
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(STATES) + 2, 14)
        for row, user in enumerate(sorted(counts, key=lambda user: user.name or ''), start=1):
            days = resolution_days.get(user.id)
            sheet.write_row(row, 0, [user.name or _('Unassigned')]
                            + [counts[user][state] for state in STATES + ('overdue',)]
                            + [round(statistics.median(days), 1) if days else ''])
