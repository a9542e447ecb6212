from odoo import models
from odoo.tools import create_index


class MailingTrace(models.Model):
    _inherit = 'mailing.trace'

    def init(self):
        result = super().init()
        # The timeline (and the lead score, with its bridge) finds the traces of a contact or a lead by the record
        # they were sent to.
        create_index(self.env.cr, 'mailing_trace_model_res_id_index', self._table, ['model', 'res_id'])
        return result
