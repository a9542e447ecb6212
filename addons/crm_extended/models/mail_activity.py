from odoo import models

from .crm_interaction import OPEN_STATES


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    def _action_done(self, feedback=False, attachment_ids=None):
        # The task a hand-over creates is the interaction itself: finishing it resolves that interaction, with the
        # rights that closing one's own task gives (as Odoo's own _action_done does for the record it posts on) and
        # in the name of whoever finished it. Other activities on the same record are not touched.
        interactions = self.env['crm.interaction']
        handover_tasks = self.filtered(lambda activity: activity.res_model == 'crm.interaction')
        if handover_tasks and not self.env.context.get('crm_interaction_closing'):
            interactions = interactions.sudo().search([
                ('handover_activity_id', 'in', handover_tasks.ids), ('state', 'in', OPEN_STATES)])
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        interactions.with_context(crm_interaction_closing=True).action_resolve()
        return result
