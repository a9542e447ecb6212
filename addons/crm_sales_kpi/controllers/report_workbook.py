from odoo import http

from odoo.addons.crm_extended.controllers.report_workbook import ReportWorkbookController

from ..wizard import crm_sales_kpi_workbook


class SalesKpiWorkbookController(ReportWorkbookController):
    # Read-only as the other workbooks, for the same reason: a read replica may serve it.
    @http.route(crm_sales_kpi_workbook.DOWNLOAD_ROUTE, type='http', auth='user', methods=['GET'], readonly=True)
    def download_sales_kpi_workbook(self, **params):
        return self._workbook_response('crm.sales.kpi.workbook', params)
