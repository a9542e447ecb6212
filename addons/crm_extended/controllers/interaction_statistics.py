from werkzeug.exceptions import BadRequest

from odoo import http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


class InteractionStatisticsController(http.Controller):

    # The workbook only reads and may be slightly stale: read-only, Odoo serves it from a read replica when one is
    # configured, so a year of statistics never competes with the primary's writes.
    @http.route('/crm_extended/interaction_statistics.xlsx', type='http', auth='user', methods=['GET'], readonly=True)
    def download_workbook(self, **params):
        try:
            wizard = request.env['crm.interaction.statistics']._from_download_params(params)
        except (KeyError, ValueError):
            raise BadRequest()
        return request.make_response(wizard._build_workbook(), headers=[
            ('Content-Type', XLSX_MIMETYPE),
            ('Content-Disposition', content_disposition(wizard._workbook_filename())),
        ])
