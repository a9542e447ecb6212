import functools
import io
from collections import defaultdict

import xlsxwriter

from odoo import _, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

DOWNLOAD_ROUTE = '/crm_extended/interaction_statistics.xlsx'

STATES = ('planned', 'in_progress', 'resolved', 'cancelled')
BATCH_SIZE = 5000
REFERENCE_COLUMNS = ('interaction_type_id', 'partner_id', 'commercial_partner_id', 'lead_id', 'user_id', 'team_id')


class CrmInteractionStatistics(models.TransientModel):
    _name = 'crm.interaction.statistics'
    _inherit = ['crm.report.workbook']
    _description = 'Interaction Statistics Workbook'
    _download_route = DOWNLOAD_ROUTE
    _download_filter_fields = ('user_ids', 'team_ids', 'interaction_type_ids')

    user_ids = fields.Many2many(string='Responsible')
    interaction_type_ids = fields.Many2many('crm.interaction.type', string='Types')

    def _filter_domain(self):
        domain = super()._filter_domain()
        if self.interaction_type_ids:
            domain.append(('interaction_type_id', 'in', self.interaction_type_ids.ids))
        return domain

    def _workbook_filename(self):
        return _('Interaction statistics %(start)s - %(end)s.xlsx', start=self.date_from, end=self.date_to)

    def _build_workbook(self):
        output = io.BytesIO()
        # constant_memory writes each row to disk as soon as the next one starts: the Records sheet of a
        # large period never sits in memory, which is also why every sheet is written strictly top to bottom.
        workbook = xlsxwriter.Workbook(output, {'constant_memory': True, 'in_memory': False})
        self._write_sheets(workbook, self._filter_domain(), self._workbook_styles(workbook))
        workbook.close()
        return output.getvalue()

    def _write_sheets(self, workbook, domain, styles):
        """Add the sheets of the interactions of ``domain`` and write them; an addon adds its own after these."""
        summary = workbook.add_worksheet(_('Summary'))
        per_responsible = workbook.add_worksheet(_('Per responsible'))
        records = workbook.add_worksheet(_('Records'))
        self._write_summary(workbook, summary, domain, styles)
        self._write_records(records, domain, styles)
        self._write_per_responsible(per_responsible, domain, styles)

    def _write_summary(self, workbook, sheet, domain, styles):
        # _read_group puts a date into its month in the time zone of the context only, which a call from outside
        # the web client may lack: the months are given the user's time zone, as the period's bounds are.
        interactions = self.env['crm.interaction'].with_context(tz=self.env.tz.zone)
        groups = interactions._read_group(domain, ['date:month', 'interaction_type_id'], ['__count'])
        months = sorted({month for month, _type, _count in groups})
        types = sorted(
            {interaction_type for _month, interaction_type, _count in groups},
            key=lambda interaction_type: (interaction_type.sequence, interaction_type.id),
        )
        counts = {(month, interaction_type): count for month, interaction_type, count in groups}
        sheet.write_row(
            0, 0, [_('Month')] + [interaction_type.name for interaction_type in types] + [_('Total')], styles['header']
        )
        for row, month in enumerate(months, start=1):
            values = [counts.get((month, interaction_type), 0) for interaction_type in types]
            sheet.write_row(row, 0, [month.strftime('%Y-%m')] + values + [sum(values)])
        sheet.set_column(0, len(types) + 1, 14)
        if months and types:
            chart = workbook.add_chart({'type': 'column', 'subtype': 'stacked'})
            for column in range(1, len(types) + 1):
                chart.add_series(
                    {
                        'name': [sheet.name, 0, column],
                        'categories': [sheet.name, 1, 0, len(months), 0],
                        'values': [sheet.name, 1, column, len(months), column],
                    }
                )
            chart.set_title({'name': _('Interactions per month')})
            sheet.insert_chart(len(months) + 2, 0, chart)

    def _write_records(self, sheet, domain, styles):
        """Write every interaction of the period, oldest first."""
        headers = [
            _('Date'),
            _('Subject'),
            _('Type'),
            _('Customer'),
            _('Company'),
            _('Opportunity'),
            _('Responsible'),
            _('Sales Team'),
            _('Status'),
            _('Resolved On'),
        ]
        sheet.write_row(0, 0, headers, styles['header'])
        sheet.set_column(0, len(headers) - 1, 18)
        # A column's format applies to the cells written without one: dates are written as plain numbers.
        sheet.set_column(0, 0, 18, styles['datetime'])
        sheet.set_column(9, 9, 18, styles['datetime'])
        interactions = self.env['crm.interaction']
        state_labels = dict(interactions._fields['state']._description_selection(self.env))
        comodels = [interactions._fields[name].comodel_name for name in REFERENCE_COLUMNS]
        names = defaultdict(dict)
        row = 0
        for batch in self._record_batches(domain):
            self._name_references(names, comodels, batch)
            for date, subject, *references, state, date_done in batch:
                row += 1
                sheet.write_row(
                    row,
                    0,
                    [
                        date,
                        subject,
                        *(
                            names[comodel].get(record_id, '')
                            for comodel, record_id in zip(comodels, references, strict=True)
                        ),
                        state_labels[state],
                        date_done,
                    ],
                )

    def _record_batches(self, domain):
        """Yield the columns of every interaction of the period, oldest first, in batches that follow each other
        by (date, id), so that memory stays flat however long the period is.

        The rows are read as plain values, with the record rules applied by the search: dates as spreadsheet
        serial numbers in the user's time zone, related records as ids."""
        interactions = self.env['crm.interaction']
        last = None
        while True:
            page = (
                domain
                if last is None
                else Domain.AND(
                    [domain, Domain('date', '>', last[0]) | (Domain('date', '=', last[0]) & Domain('id', '>', last[1]))]
                )
            )
            query = interactions._search(page, order='date, id', limit=BATCH_SIZE)
            column = functools.partial(interactions._field_to_sql, query.table, query=query)
            rows = self.env.execute_query(
                query.select(
                    column('id'),
                    column('date'),
                    self._spreadsheet_date(column('date')),
                    *(column(name) for name in ('subject', *REFERENCE_COLUMNS, 'state')),
                    self._spreadsheet_date(column('date_done')),
                )
            )
            if rows:
                yield [values[2:] for values in rows]
            if len(rows) < BATCH_SIZE:
                return
            last = (rows[-1][1], rows[-1][0])

    def _spreadsheet_date(self, column):
        # Days since 1899-12-30 in the user's time zone: what a spreadsheet stores for a date and time.
        local_time = SQL("%s AT TIME ZONE 'UTC' AT TIME ZONE %s", column, self.env.tz.zone)
        return SQL("(EXTRACT(EPOCH FROM %s - TIMESTAMP '1899-12-30') / 86400)::float", local_time)

    def _name_references(self, names, comodels, batch):
        """Add the names of the batch's related records not named yet, one read per related model."""
        missing = defaultdict(set)
        for values in batch:
            for comodel, record_id in zip(comodels, values[2:-2], strict=True):
                if record_id and record_id not in names[comodel]:
                    missing[comodel].add(record_id)
        for comodel, record_ids in missing.items():
            # As a list shows them: the name of a related record is shown even to who may not open it.
            for record in self.env[comodel].sudo().browse(record_ids):
                names[comodel][record.id] = record.display_name
        # The names are kept, the records read for them are not.
        self.env.invalidate_all()

    def _write_per_responsible(self, sheet, domain, styles):
        interactions = self.env['crm.interaction']
        counts = defaultdict(lambda: dict.fromkeys(STATES + ('overdue',), 0))
        for user, state, count in interactions._read_group(domain, ['user_id', 'state'], ['__count']):
            counts[user][state] = count
        for user, count in interactions._read_group(domain + [('is_overdue', '=', True)], ['user_id'], ['__count']):
            counts[user]['overdue'] = count
        median_days = self._median_days_to_resolve(domain)
        state_labels = dict(interactions._fields['state']._description_selection(self.env))
        sheet.write_row(
            0,
            0,
            [_('Responsible')]
            + [state_labels[state] for state in STATES]
            + [_('Overdue'), _('Median days to resolve')],
            styles['header'],
        )
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(STATES) + 2, 14)
        for row, user in enumerate(sorted(counts, key=lambda user: user.name or ''), start=1):
            days = median_days.get(user.id)
            sheet.write_row(
                row,
                0,
                [user.name or _('Unassigned')]
                + [counts[user][state] for state in STATES + ('overdue',)]
                + [round(days, 1) if days is not None else ''],
            )

    def _median_days_to_resolve(self, domain):
        """Median days from the date of an interaction to its resolution per responsible, computed by the database
        over the whole period. One resolved before its date (planned ahead and done early) took no time: a
        resolution never counts as less than zero days."""
        interactions = self.env['crm.interaction']
        query = interactions._search(Domain.AND([domain, [('date_done', '!=', False)]]))
        user = interactions._field_to_sql(query.table, 'user_id', query)
        query.groupby = user
        days = SQL(
            'GREATEST(EXTRACT(EPOCH FROM %s - %s), 0) / 86400',
            interactions._field_to_sql(query.table, 'date_done', query),
            interactions._field_to_sql(query.table, 'date', query),
        )
        return dict(
            self.env.execute_query(
                query.select(user, SQL('(percentile_cont(0.5) WITHIN GROUP (ORDER BY %s))::float', days))
            )
        )
