from odoo import models
from odoo.fields import Domain

from .crm_interaction import OPEN_STATES


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    def _action_done(self, feedback=False, attachment_ids=None):
        # The task a hand-over creates, or another that an addon links as the interaction's own (_own_task_fields),
        # is the interaction itself: finishing it resolves that interaction, with the rights that closing one's own
        # task gives (as Odoo's own _action_done does for the record it posts on) and in the name of whoever
        # finished it. Other activities on the same record are not touched.
        interactions = self.env['crm.interaction']
        tasks = self.filtered(lambda activity: activity.res_model == 'crm.interaction')
        if tasks and not self.env.context.get('crm_interaction_closing'):
            interactions = interactions.sudo().search(
                Domain('state', 'in', OPEN_STATES)
                & Domain.OR(Domain(name, 'in', tasks.ids) for name in interactions._own_task_fields())
            )
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        interactions.with_context(crm_interaction_closing=True).action_resolve()
        return result
