from odoo import api, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        # A lead sent from the website's contact form comes with its visitor, who may have seen the pricing page.
        self.browse(
            [lead.id for lead, vals in zip(leads, vals_list, strict=True) if vals.get('visitor_ids')]
        )._crm_recompute_score()
        return leads

    def write(self, vals):
        if 'visitor_ids' not in vals:
            return super().write(vals)
        # Merging leads sets the visitors of all of them on the one kept, most often none on leads without any:
        # only the leads whose visitors change are rescored, so a batch of merges costs no score run.
        visitors_before = {lead: lead.visitor_ids for lead in self}
        result = super().write(vals)
        self.filtered(lambda lead: lead.visitor_ids != visitors_before[lead])._crm_recompute_score()
        return result
