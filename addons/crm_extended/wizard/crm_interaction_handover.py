from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmInteractionHandover(models.TransientModel):
    _name = 'crm.interaction.handover'
    _description = 'Hand Over Interactions'

    interaction_ids = fields.Many2many('crm.interaction', string='Interactions', required=True)
    user_id = fields.Many2one(
        'res.users', string='New Responsible', required=True,
        domain="[('share', '=', False), ('id', '!=', uid)]")
    date_deadline = fields.Date('Deadline', required=True, default=fields.Date.context_today)
    note = fields.Html('Note')

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if 'interaction_ids' in fields_list and not values.get('interaction_ids') \
                and self.env.context.get('active_model') == 'crm.interaction':
            values['interaction_ids'] = [fields.Command.set(self.env.context.get('active_ids', []))]
        return values

    def action_handover(self):
        self.ensure_one()
        interactions = self.interaction_ids._lock_for_handover()
        self._check_handover()
        previous_owners = {interaction: interaction.user_id for interaction in interactions}
        # Writing the owner subscribes them; its "you have been assigned" mail is left out, because the task
        # scheduled below already notifies them of the same hand-over.
        interactions.with_context(mail_auto_subscribe_no_notify=True).write({'user_id': self.user_id.id})
        for interaction in interactions:
            interaction._handover_to(self.user_id, previous_owners[interaction], self.date_deadline, self.note)
        return {'type': 'ir.actions.act_window_close'}

    def _check_handover(self):
        new_owner = self.user_id
        if not new_owner.active or new_owner.share:
            raise UserError(_('Interactions can only be handed over to an active internal user; %(user)s is not one.',
                              user=new_owner.name))
        closed = self.interaction_ids.filtered(lambda interaction: interaction.state not in ('planned', 'in_progress'))
        if closed:
            raise UserError(_('Resolved or cancelled interactions cannot be handed over: %(subjects)s.',
                              subjects=', '.join(closed.mapped('subject'))))
        already_theirs = self.interaction_ids.filtered(lambda interaction: interaction.user_id == new_owner)
        if already_theirs:
            raise UserError(_('%(user)s is already responsible for: %(subjects)s.',
                              user=new_owner.name, subjects=', '.join(already_theirs.mapped('subject'))))
