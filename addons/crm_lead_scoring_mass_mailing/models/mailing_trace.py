from odoo import api, models
from odoo.fields import Domain

# What a recipient does with a mailing that the lead score counts; sending and bouncing change no score.
SCORED_TRACE_FIELDS = ('open_datetime', 'links_click_datetime')


class MailingTrace(models.Model):
    _inherit = 'mailing.trace'

    @api.model_create_multi
    def create(self, vals_list):
        traces = super().create(vals_list)
        traces.filtered(lambda trace: trace.open_datetime or trace.links_click_datetime)._crm_rescore_leads()
        return traces

    def write(self, vals):
        result = super().write(vals)
        if any(name in vals for name in SCORED_TRACE_FIELDS):
            self._crm_rescore_leads()
        return result

    def _crm_rescore_leads(self):
        """Score again the open leads these traces count for, in one search for all of them."""
        traces = self.filtered(lambda trace: not trace.is_test_trace)
        if not traces:
            return
        leads = self.env['crm.lead'].sudo()
        ids_by_model = traces.grouped('model')
        domains = []
        if lead_traces := ids_by_model.get('crm.lead'):
            domains.append(Domain('id', 'in', lead_traces.mapped('res_id')))
        if partner_traces := ids_by_model.get('res.partner'):
            domains.append(Domain('partner_id', 'in', partner_traces.mapped('res_id')))
        emails = [
            trace.email
            for model, group in ids_by_model.items()
            if model not in ('crm.lead', 'res.partner')
            for trace in group
            if trace.email
        ]
        if emails:
            domains.append(Domain('email_normalized', 'in', emails))
        if domains:
            leads.search(Domain.OR(domains) & Domain('won_status', '=', 'pending'))._crm_recompute_score()
