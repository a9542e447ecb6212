from odoo import api, models

# What an engagement rule counts of an interaction: a change of any of them changes the score of its lead.
SCORED_FIELDS = ('lead_id', 'interaction_type_id', 'state', 'date')


class CrmInteraction(models.Model):
    _inherit = 'crm.interaction'

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        interactions.lead_id._crm_recompute_score()
        return interactions

    def write(self, vals):
        if not any(name in vals for name in SCORED_FIELDS):
            return super().write(vals)
        leads_before = self.lead_id
        result = super().write(vals)
        (leads_before | self.lead_id)._crm_recompute_score()
        return result

    def unlink(self):
        leads = self.lead_id
        result = super().unlink()
        leads._crm_recompute_score()
        return result
