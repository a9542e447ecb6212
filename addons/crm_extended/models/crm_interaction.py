import logging

from markupsafe import Markup
from psycopg2.errors import LockNotAvailable

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Every state change an interaction may make; anything else is refused.
ALLOWED_MOVES = {
    'planned': {'in_progress', 'resolved', 'cancelled'},
    'in_progress': {'resolved', 'cancelled'},
    'resolved': {'planned'},
    'cancelled': {'planned'},
}
OPEN_STATES = ('planned', 'in_progress')
# What a new interaction may be: something to do, something being done, or something that already happened.
INITIAL_STATES = ('planned', 'in_progress', 'resolved')


class CrmInteraction(models.Model):
    _name = 'crm.interaction'
    _inherit = ['mail.thread', 'mail.activity.mixin']
    _description = 'Customer Interaction'
    _order = 'date desc, id desc'
    _rec_name = 'subject'
    _check_company_auto = True

    subject = fields.Char(required=True, tracking=True)
    interaction_type_id = fields.Many2one(
        'crm.interaction.type', string='Type', required=True, index=True, ondelete='restrict', tracking=True
    )
    interaction_type_icon = fields.Char(related='interaction_type_id.icon', string='Type Icon')
    partner_id = fields.Many2one(
        'res.partner',
        string='Customer',
        required=True,
        index=True,
        ondelete='restrict',
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        'res.partner', string='Customer Company', related='partner_id.commercial_partner_id', store=True, index=True
    )
    lead_id = fields.Many2one(
        'crm.lead', string='Opportunity', index='btree_not_null', check_company=True, ondelete='set null', tracking=True
    )
    user_id = fields.Many2one(
        'res.users',
        string='Responsible',
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        'crm.team',
        string='Sales Team',
        index='btree_not_null',
        check_company=True,
        compute='_compute_team_id',
        store=True,
        readonly=False,
    )
    date = fields.Datetime(
        required=True,
        default=fields.Datetime.now,
        index=True,
        tracking=True,
        help='When the interaction is planned or when it happened.',
    )
    date_done = fields.Datetime('Resolved On', readonly=True, copy=False)
    description = fields.Html()
    state = fields.Selection(
        [
            ('planned', 'Planned'),
            ('in_progress', 'In Progress'),
            ('resolved', 'Resolved'),
            ('cancelled', 'Cancelled'),
        ],
        string='Status',
        required=True,
        default='planned',
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    is_overdue = fields.Boolean('Overdue', compute='_compute_is_overdue', search='_search_is_overdue')
    company_id = fields.Many2one('res.company', required=True, index=True, default=lambda self: self.env.company)
    color = fields.Integer(related='interaction_type_id.color')
    handover_activity_id = fields.Many2one(
        'mail.activity', string='Hand-over Task', readonly=True, copy=False, ondelete='set null'
    )

    @api.depends('user_id')
    def _compute_team_id(self):
        for interaction in self.filtered('user_id'):
            if not interaction.team_id or interaction.user_id not in interaction.team_id.member_ids:
                interaction.team_id = self.env['crm.team']._get_default_team_id(
                    user_id=interaction.user_id.id, domain=[('company_id', 'in', (False, interaction.company_id.id))]
                )

    @api.model
    def _crm_sales_teams(self, users, company):
        """{user id: sales team id} of the users' own teams in ``company``, for creating many interactions at once:
        given their team, they skip the team compute, which searches the teams of each record's user."""
        return {
            user.id: user.sale_team_id.id
            for user in users
            if user.sale_team_id.company_id in (company, self.env['res.company'])
        }

    @api.depends('state', 'date')
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for interaction in self:
            interaction.is_overdue = interaction.state in OPEN_STATES and interaction._crm_due_date() < now

    def _search_is_overdue(self, operator, value):
        if operator != 'in':
            return NotImplemented
        return Domain('state', 'in', OPEN_STATES) & self._crm_overdue_domain(fields.Datetime.now())

    def _crm_due_date(self):
        """When the interaction is to be done by: an open one is overdue past it. Its date; an addon that gives
        some interactions a deadline of their own returns it instead, with ``_crm_overdue_domain`` to match."""
        self.ensure_one()
        return self.date

    @api.model
    def _crm_overdue_domain(self, now):
        """The interactions whose due date (``_crm_due_date``) is before ``now``, open or not."""
        return Domain('date', '<', now)

    @api.onchange('lead_id')
    def _onchange_lead_id(self):
        if self.lead_id.partner_id:
            self.partner_id = self.lead_id.partner_id

    @api.onchange('date')
    def _onchange_date(self):
        # A call logged for a time still to come is one to make, not one made.
        if self.state == 'resolved' and self.date and self.date > fields.Datetime.now():
            self.state = 'planned'

    @api.constrains('state', 'date_done')
    def _check_date_done(self):
        for interaction in self:
            if bool(interaction.date_done) != (interaction.state == 'resolved'):
                raise ValidationError(
                    _(
                        'Only resolved interactions have a resolution date, and every resolved one has it: '
                        '"%(subject)s".',
                        subject=interaction.subject,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            self._check_reference_values(vals)
            self._check_initial_state(vals, now)
            if vals.get('state') == 'resolved':
                vals.setdefault('date_done', now)
        return super().create(vals_list)

    def write(self, vals):
        self._check_reference_values(vals)
        if 'state' not in vals:
            return super().write(vals)
        new_state = vals['state']
        moving = self.filtered(lambda interaction: interaction.state != new_state)
        moving._check_state_move(new_state)
        if moving != self:
            # Writing the state an interaction already has changes nothing, its resolution time included.
            return super(CrmInteraction, self - moving).write(vals) and (not moving or moving.write(vals))
        resolved_on = (vals.get('date_done') or fields.Datetime.now()) if new_state == 'resolved' else False
        result = super().write(dict(vals, date_done=resolved_on))
        self._end_handover_task(new_state)
        return result

    def _check_initial_state(self, vals, now):
        state = vals.get('state', 'planned')
        state_labels = dict(self._fields['state']._description_selection(self.env))
        if state not in INITIAL_STATES:
            raise UserError(
                _(
                    'A new interaction can be planned, in progress or resolved, not %(state)s.',
                    state=state_labels.get(state, state),
                )
            )
        date = fields.Datetime.to_datetime(vals.get('date')) if vals.get('date') else now
        if state == 'resolved' and date > now:
            raise UserError(
                _(
                    '"%(subject)s" is dated %(date)s, still to come: plan it instead of resolving it.',
                    subject=vals.get('subject', ''),
                    date=fields.Datetime.to_string(date),
                )
            )

    def _check_reference_values(self, vals):
        # The ORM hands a many2one value to PostgreSQL as it comes; an external client sending a name or a
        # list instead of an id deserves a clear message, not a database error.
        for name, value in vals.items():
            field = self._fields.get(name)
            if field and field.type == 'many2one' and value and not isinstance(value, int):
                raise ValidationError(
                    _(
                        'The field "%(field)s" expects the id of a record, not %(value)r.',
                        field=field._description_string(self.env),
                        value=value,
                    )
                )

    def _check_state_move(self, new_state):
        state_labels = dict(self._fields['state']._description_selection(self.env))
        for interaction in self:
            if interaction.state != new_state and new_state not in ALLOWED_MOVES[interaction.state]:
                raise UserError(
                    _(
                        'The interaction "%(subject)s" cannot move from %(current)s to %(new)s.',
                        subject=interaction.subject,
                        current=state_labels[interaction.state],
                        new=state_labels.get(new_state, new_state),
                    )
                )

    def action_start(self):
        self.write({'state': 'in_progress'})

    def action_resolve(self):
        self.write({'state': 'resolved'})

    def action_cancel(self):
        self.write({'state': 'cancelled'})

    def action_reopen(self):
        self.write({'state': 'planned'})

    @api.model
    def _own_task_fields(self):
        """The fields linking an interaction to the activities that stand for the interaction itself: finishing one
        resolves it, resolving or cancelling it ends them. An addon that schedules such tasks adds its field."""
        return ['handover_activity_id']

    def _own_tasks(self):
        """The open activities that stand for the interactions themselves, as ``_own_task_fields`` link them."""
        tasks = self.env['mail.activity'].union(*(self[name] for name in self._own_task_fields()))
        return tasks.filtered('active')

    def _end_handover_task(self, new_state):
        """A resolved interaction's own tasks are done, a cancelled one's are withdrawn, by whatever route the state
        changed; the other activities on the record belong to other people's plans and stay open."""
        if new_state not in ('resolved', 'cancelled'):
            return
        tasks = self._own_tasks().with_context(crm_interaction_closing=True)
        if not tasks:
            return
        if new_state == 'resolved':
            tasks.action_feedback(feedback=_('Interaction resolved.'))
        else:
            tasks.unlink()

    def _lock_for_handover(self):
        """Lock the rows: of two people handing over the same interaction at once, the second gets a clear
        message instead of leaving it with two new owners and two tasks."""
        self.env.flush_all()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL('SELECT id FROM crm_interaction WHERE id IN %s FOR UPDATE NOWAIT', tuple(self.ids))
                )
        except LockNotAvailable:
            raise UserError(
                _('Someone else is handing over these interactions right now; try again in a moment.')
            ) from None
        self.invalidate_recordset()
        return self

    def _handover_to(self, new_owner, previous_owner, date_deadline, note):
        # A record handed over again, or one with another task of its own, moves its task to the new owner: one
        # owner, one open task.
        self._own_tasks().with_context(crm_interaction_closing=True).unlink()
        activity = self.activity_schedule(
            activity_type_id=(
                self.interaction_type_id.activity_type_id or self.env.ref('mail.mail_activity_data_todo')
            ).id,
            date_deadline=date_deadline,
            summary=self.subject,
            note=note,
            user_id=new_owner.id,
        )
        self.handover_activity_id = activity
        body = Markup('<p>%s</p>') % _(
            'Handed over: %(previous)s → %(new)s', previous=previous_owner.name, new=new_owner.name
        )
        self.message_post(body=body + (note or ''), subtype_xmlid='mail.mt_note')

    def action_open_handover(self):
        return {
            'name': _('Hand Over'),
            'type': 'ir.actions.act_window',
            'res_model': 'crm.interaction.handover',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_interaction_ids': [fields.Command.set(self.ids)]},
        }

    def _action_open_for(self, domain, context):
        action = self.env['ir.actions.act_window']._for_xml_id('crm_extended.crm_interaction_action')
        action.update(domain=domain, context=context)
        return action

    def _action_quick_log(self, context):
        return {
            'name': _('Log an Interaction'),
            'type': 'ir.actions.act_window',
            'res_model': 'crm.interaction',
            'view_mode': 'form',
            'views': [(self.env.ref('crm_extended.crm_interaction_view_form_quick').id, 'form')],
            'target': 'new',
            'context': dict(context, default_state='resolved', default_interaction_type_id=self._quick_log_type().id),
        }

    @api.model
    def _quick_log_type(self):
        """The phone call preset, or the first active type when an administrator archived or deleted it."""
        phone_call = self.env.ref('crm_extended.crm_interaction_type_phone_call', raise_if_not_found=False)
        interaction_type = (
            phone_call if phone_call and phone_call.active else self.env['crm.interaction.type'].search([], limit=1)
        )
        if not interaction_type:
            raise UserError(
                _(
                    'There is no active interaction type to log. '
                    'Ask an administrator to add or restore one in the CRM settings.'
                )
            )
        return interaction_type

    def action_log_and_handover(self):
        """Save what the quick-log dialog logged as work still open and hand it over in the same step: the
        dialog saves it as resolved, so it is planned again, without a tracked change, before the hand-over."""
        self.filtered(lambda interaction: interaction.state == 'resolved').with_context(
            mail_notrack=True
        ).action_reopen()
        return self.action_open_handover()

    @api.model
    def _email_interaction_type(self):
        email = self.env.ref('crm_extended.crm_interaction_type_email', raise_if_not_found=False)
        return email if email and email.active else self.env['crm.interaction.type']

    @api.model
    def _log_sent_email(self, message, msg_vals, partner, lead):
        """Record an e-mail sent from a chatter as a resolved E-mail interaction, when the setting asks so.

        Whoever may post there may send the e-mail, sales rights or not: the interaction is recorded on their
        behalf, in the company of the opportunity or the customer, with the salesperson in charge as
        responsible when the author is not one. Without an active E-mail type it is skipped; the message is
        sent either way."""
        if (
            msg_vals.get('message_type') != 'comment'
            or msg_vals.get('subtype_id') != self.env['ir.model.data']._xmlid_to_res_id('mail.mt_comment')
            or not self.env['ir.config_parameter'].sudo().get_param('crm_extended.log_sent_emails')
        ):
            return
        email_type = self._email_interaction_type()
        if not email_type:
            _logger.info(
                'Sent e-mail %s not logged as an interaction: the E-mail type is archived or deleted.', message.id
            )
            return
        author = self.env.user
        responsible = (
            author
            if author._is_internal() and author.has_group('sales_team.group_sale_salesman')
            else lead.user_id or partner.commercial_partner_id.user_id
        )
        values = {
            'subject': msg_vals.get('subject') or (lead or partner).display_name or _('E-mail'),
            'interaction_type_id': email_type.id,
            'partner_id': partner.id,
            'lead_id': lead.id,
            'user_id': responsible.id,
            'company_id': (lead.company_id or partner.company_id or self.env.company).id,
            'description': msg_vals.get('body'),
            'state': 'resolved',
            'date': message.date,
        }
        self.sudo().with_context(mail_create_nosubscribe=True, mail_auto_subscribe_no_notify=True).create(values)
