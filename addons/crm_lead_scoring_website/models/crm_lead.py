from odoo import api, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        # A lead sent from the website's contact form comes with its visitor, who may have seen the pricing page.
        self.browse([lead.id for lead, vals in zip(leads, vals_list) if vals.get('visitor_ids')])._crm_recompute_score()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if 'visitor_ids' in vals:
            self._crm_recompute_score()
        return result
