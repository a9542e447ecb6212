from odoo import models

from .crm_interaction import OPEN_STATES


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    def _action_done(self, feedback=False, attachment_ids=None):
        # The task a hand-over or a care rule creates is the interaction itself: finishing it resolves that
        # interaction, with the rights that closing one's own task gives (as Odoo's own _action_done does for the
        # record it posts on) and in the name of whoever finished it. Other activities on the same record are not
        # touched.
        interactions = self.env['crm.interaction']
        tasks = self.filtered(lambda activity: activity.res_model == 'crm.interaction')
        if tasks and not self.env.context.get('crm_interaction_closing'):
            interactions = interactions.sudo().search([
                ('state', 'in', OPEN_STATES),
                '|', ('handover_activity_id', 'in', tasks.ids), ('care_activity_id', 'in', tasks.ids)])
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        interactions.with_context(crm_interaction_closing=True).action_resolve()
        return result
