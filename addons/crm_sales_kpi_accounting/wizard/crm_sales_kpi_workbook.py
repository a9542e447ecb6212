from odoo import _, models


class CrmSalesKpiWorkbook(models.TransientModel):
    _inherit = 'crm.sales.kpi.workbook'

    def _charts(self):
        return super()._charts() + [(_('Invoiced and paid'), ['invoiced_amount', 'paid_amount'])]
