from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import content_disposition, request

from ..wizard import crm_interaction_statistics

XLSX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class ReportWorkbookController(http.Controller):
    # The workbooks only read and may be slightly stale: read-only, Odoo serves them from a read replica when one
    # is configured, so a year of figures never competes with the primary's writes.
    @http.route(crm_interaction_statistics.DOWNLOAD_ROUTE, type='http', auth='user', methods=['GET'], readonly=True)
    def download_workbook(self, **params):
        return self._workbook_response('crm.interaction.statistics', params)

    def _workbook_response(self, model_name, params):
        try:
            wizard = request.env[model_name]._from_download_params(params)
        except (KeyError, ValueError):
            raise BadRequest() from None
        return request.make_response(
            wizard._build_workbook(),
            headers=[
                ('Content-Type', XLSX_MIMETYPE),
                ('Content-Disposition', content_disposition(wizard._workbook_filename())),
            ],
        )
