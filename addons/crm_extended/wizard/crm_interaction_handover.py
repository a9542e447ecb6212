from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class CrmInteractionHandover(models.TransientModel):
    _name = 'crm.interaction.handover'
    _description = 'Hand Over Interactions'

    interaction_ids = fields.Many2many('crm.interaction', string='Interactions', required=True)
    user_id = fields.Many2one(
        'res.users', string='New Responsible', required=True, domain="[('id', 'in', qualified_user_ids)]"
    )
    qualified_user_ids = fields.Many2many(
        'res.users',
        string='Who Can Take Them',
        compute='_compute_qualified_user_ids',
        help='Active salespeople, other than you, allowed in the companies of all these interactions.',
    )
    date_deadline = fields.Date('Deadline', required=True, default=fields.Date.context_today)
    note = fields.Html()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            'interaction_ids' in fields_list
            and not values.get('interaction_ids')
            and self.env.context.get('active_model') == 'crm.interaction'
        ):
            values['interaction_ids'] = [fields.Command.set(self.env.context.get('active_ids', []))]
        return values

    @api.depends('interaction_ids.company_id')
    def _compute_qualified_user_ids(self):
        for wizard in self:
            wizard.qualified_user_ids = self.env['res.users'].search(
                wizard._qualified_user_domain() + [('id', '!=', self.env.uid)]
            )

    def _qualified_user_domain(self):
        return Domain.AND(
            [
                [('share', '=', False), ('all_group_ids', 'in', self.env.ref('sales_team.group_sale_salesman').ids)],
                *([('company_ids', 'in', company.ids)] for company in self.interaction_ids.company_id),
            ]
        )

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
            raise UserError(
                _(
                    'Interactions can only be handed over to an active internal user; %(user)s is not one.',
                    user=new_owner.name,
                )
            )
        if not new_owner.has_group('sales_team.group_sale_salesman'):
            raise UserError(
                _(
                    '%(user)s has no sales rights, so they could not open the interactions handed over to '
                    'them. Ask an administrator to make them a salesperson, or choose someone else.',
                    user=new_owner.name,
                )
            )
        foreign_companies = self.interaction_ids.company_id - new_owner.company_ids
        if foreign_companies:
            raise UserError(
                _(
                    '%(user)s may not work in %(companies)s, so they could not open the interactions of '
                    'that company. Choose someone who may.',
                    user=new_owner.name,
                    companies=', '.join(foreign_companies.mapped('name')),
                )
            )
        closed = self.interaction_ids.filtered(lambda interaction: interaction.state not in ('planned', 'in_progress'))
        if closed:
            raise UserError(
                _(
                    'Resolved or cancelled interactions cannot be handed over: %(subjects)s.',
                    subjects=', '.join(closed.mapped('subject')),
                )
            )
        already_theirs = self.interaction_ids.filtered(lambda interaction: interaction.user_id == new_owner)
        if already_theirs:
            raise UserError(
                _(
                    '%(user)s is already responsible for: %(subjects)s.',
                    user=new_owner.name,
                    subjects=', '.join(already_theirs.mapped('subject')),
                )
            )
