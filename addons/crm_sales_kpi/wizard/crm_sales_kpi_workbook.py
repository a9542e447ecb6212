import io

import xlsxwriter

from odoo import _, models

DOWNLOAD_ROUTE = '/crm_sales_kpi/sales_kpis.xlsx'
REPORT = 'crm.salesperson.effectiveness.report'
# The columns of a row that are not figures.
KEY_FIELDS = ('user_id', 'team_id', 'company_id', 'currency_id', 'date')


class CrmSalesKpiWorkbook(models.TransientModel):
    """The salesperson effectiveness figures of a period, per salesperson and per month, with charts."""

    _name = 'crm.sales.kpi.workbook'
    _inherit = ['crm.report.workbook']
    _description = 'Sales KPI Workbook'
    _download_route = DOWNLOAD_ROUTE

    def _workbook_filename(self):
        return _('Sales KPIs %(start)s - %(end)s.xlsx', start=self.date_from, end=self.date_to)

    def _measures(self):
        """The figures of the report, in the order of its fields: those an addon adds to it come along."""
        report = self.env[REPORT]
        return [
            name
            for name, field in report._fields.items()
            if field.store and field.aggregator and name not in KEY_FIELDS and name != 'id'
        ]

    def _charts(self):
        """Per chart of the salespeople sheet, its title and the figures it compares."""
        return [
            (_('Interactions logged and resolved'), ['interaction_count', 'resolved_count']),
            (_('Hand-overs received and resolved'), ['handover_count', 'handover_resolved_count']),
            (_('Won amount'), ['won_amount']),
        ]

    def _build_workbook(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {'in_memory': True})
        styles = self._workbook_styles(workbook)
        measures = self._measures()
        report = self.env[REPORT].with_context(tz=self.env.tz.zone)
        specs = [f'{name}:{report._fields[name].aggregator}' for name in measures]
        domain = self._filter_domain()
        salespeople = workbook.add_worksheet(_('Salespeople'))
        rows = [
            (user.name or _('No Salesperson'), figures)
            for user, *figures in report._read_group(domain, ['user_id'], specs)
        ]
        rows.sort(key=lambda row: row[0])
        [total] = report._read_group(domain, [], specs)
        self._write_figures(salespeople, _('Salesperson'), measures, rows + [(_('Total'), total)], styles)
        for index, (title, names) in enumerate(self._charts()):
            self._insert_chart(
                workbook, salespeople, title, measures, names, len(rows), anchor_row=len(rows) + 3 + 16 * index
            )
        months = workbook.add_worksheet(_('Per month'))
        month_rows = [
            (month.strftime('%Y-%m'), figures) for month, *figures in report._read_group(domain, ['date:month'], specs)
        ]
        self._write_figures(months, _('Month'), measures, month_rows, styles)
        if month_rows:
            chart = workbook.add_chart({'type': 'line'})
            for name in ('resolved_count', 'won_count'):
                self._add_series(chart, months, measures, name, len(month_rows))
            chart.set_title({'name': _('Resolved interactions and won opportunities per month')})
            months.insert_chart(len(month_rows) + 2, 0, chart)
        workbook.close()
        return output.getvalue()

    def _write_figures(self, sheet, label, measures, rows, styles):
        report = self.env[REPORT]
        sheet.write_row(
            0, 0, [label] + [report._fields[name]._description_string(self.env) for name in measures], styles['header']
        )
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(measures), 16)
        aggregators = [report._fields[name].aggregator for name in measures]
        for row, (name, figures) in enumerate(rows, start=1):
            sheet.write_row(
                row,
                0,
                [name]
                + [self._cell(value, aggregator) for value, aggregator in zip(figures, aggregators, strict=True)],
            )

    def _cell(self, value, aggregator):
        # No row of the group has the figure: nothing summed is none, but a share of nothing is left blank.
        if value is False:
            return 0 if aggregator == 'sum' else ''
        return round(value, 2)

    def _insert_chart(self, workbook, sheet, title, measures, names, row_count, anchor_row):
        if not row_count:
            return
        chart = workbook.add_chart({'type': 'column'})
        for name in names:
            self._add_series(chart, sheet, measures, name, row_count)
        chart.set_title({'name': title})
        sheet.insert_chart(anchor_row, 0, chart)

    def _add_series(self, chart, sheet, measures, name, row_count):
        column = measures.index(name) + 1
        chart.add_series(
            {
                'name': [sheet.name, 0, column],
                'categories': [sheet.name, 1, 0, row_count, 0],
                'values': [sheet.name, 1, column, row_count, column],
            }
        )
