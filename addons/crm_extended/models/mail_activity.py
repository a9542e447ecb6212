from odoo import models


class MailActivity(models.Model):
    _inherit = 'mail.activity'

    def _action_done(self, feedback=False, attachment_ids=None):
        # The task a hand-over creates is the interaction itself: finishing it resolves the interaction.
        interactions = self.env['crm.interaction']
        if not self.env.context.get('crm_interaction_closing'):
            interactions = interactions.sudo().search([('handover_activity_id', 'in', self.ids)])
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        open_interactions = interactions.filtered(lambda interaction: interaction.state in ('planned', 'in_progress'))
        if open_interactions:
            open_interactions.action_resolve()
        return result
