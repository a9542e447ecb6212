from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.fields import Domain

PRIORITIES = [('0', 'Low'), ('1', 'Normal'), ('2', 'High'), ('3', 'Urgent')]
# Hours to resolve a complaint or a service request of each priority, until an administrator sets them in Settings.
SLA_DEFAULT_HOURS = {'0': 168, '1': 72, '2': 24, '3': 8}
# Named when customer care was part of crm_extended: kept, so that the hours set then still apply.
SLA_PARAMETERS = {priority: f'crm_extended.sla_hours_{priority}' for priority in SLA_DEFAULT_HOURS}


class CrmInteraction(models.Model):
    _inherit = 'crm.interaction'

    care_rule_id = fields.Many2one(
        'crm.care.rule',
        readonly=True,
        copy=False,
        index='btree_not_null',
        ondelete='set null',
        help='The customer care rule that planned this interaction.',
    )
    care_activity_id = fields.Many2one(
        'mail.activity',
        string='Care Task',
        readonly=True,
        copy=False,
        ondelete='set null',
        help='The activity the care rule scheduled with this interaction.',
    )
    care_occasion_date = fields.Date(
        'Occasion',
        readonly=True,
        copy=False,
        help='The birthday, name day, anniversary or campaign day it was planned for.',
    )
    # A rule may plan several interactions for one contact and day, each about a record of its own (the sales order
    # of an after-sales follow-up); 0 when the occasion is the contact's own.
    care_occasion_res_id = fields.Integer('Occasion Record', default=0, readonly=True, copy=False)
    has_resolution_deadline = fields.Boolean(
        related='interaction_type_id.has_resolution_deadline', string='Has Resolution Deadline'
    )
    asks_rating = fields.Boolean(related='interaction_type_id.asks_rating')
    # Read for complaints and service requests only: their deadline follows it.
    priority = fields.Selection(PRIORITIES, default='1', required=True, tracking=True)
    date_deadline = fields.Datetime(
        'Resolution Deadline',
        compute='_compute_date_deadline',
        store=True,
        readonly=False,
        index='btree_not_null',
        help='When a complaint or service request is to be resolved: its date plus the hours Settings give its '
        'priority.',
    )
    resolution_hours = fields.Float(
        'Hours to Resolve',
        compute='_compute_resolution_hours',
        store=True,
        aggregator='avg',
        help='From the date of a complaint or service request to its resolution.',
    )
    satisfaction_rating = fields.Selection(
        [
            ('1', 'Very dissatisfied'),
            ('2', 'Dissatisfied'),
            ('3', 'Neutral'),
            ('4', 'Satisfied'),
            ('5', 'Very satisfied'),
        ],
        string='Rating',
        tracking=True,
        help='How satisfied the customer said they are, 1 to 5.',
    )
    satisfaction_comment = fields.Text('Customer Comment')
    calendar_display_name = fields.Char('Calendar Title', compute='_compute_calendar_display_name')

    _unique_care_occasion = models.Constraint(
        'UNIQUE (care_rule_id, partner_id, care_occasion_date, care_occasion_res_id)',
        'A care rule plans one interaction per contact and occasion.',
    )

    @api.depends('subject', 'partner_id.display_name')
    def _compute_calendar_display_name(self):
        # A calendar event shows its title only: the customer's company and contact come first, so that a week of
        # wishes and invitations, all named after their rule, reads as whom to call.
        for interaction in self:
            interaction.calendar_display_name = _(
                '%(customer)s: %(subject)s', customer=interaction.partner_id.display_name, subject=interaction.subject
            )

    @api.depends('date', 'priority', 'interaction_type_id.has_resolution_deadline')
    def _compute_date_deadline(self):
        # Complaints and service requests are told by their type's id: these computes run on every interaction
        # created or written, and the registry's cache of the deadline types spares them reading the type.
        deadline_type_ids = self.env['crm.interaction.type']._crm_deadline_type_ids()
        with_deadline = self.filtered(
            lambda interaction: interaction.interaction_type_id.id in deadline_type_ids and interaction.date
        )
        (self - with_deadline).date_deadline = False
        if not with_deadline:
            return
        parameters = self.env['ir.config_parameter'].sudo()
        sla_hours = {
            priority: int(parameters.get_param(key, SLA_DEFAULT_HOURS[priority]))
            for priority, key in SLA_PARAMETERS.items()
        }
        for interaction in with_deadline:
            interaction.date_deadline = interaction.date + relativedelta(hours=sla_hours[interaction.priority])

    @api.depends('date', 'date_done', 'interaction_type_id.has_resolution_deadline')
    def _compute_resolution_hours(self):
        deadline_type_ids = self.env['crm.interaction.type']._crm_deadline_type_ids()
        for interaction in self:
            resolved = interaction.interaction_type_id.id in deadline_type_ids and interaction.date_done
            hours = (interaction.date_done - interaction.date).total_seconds() / 3600 if resolved else 0.0
            # One resolved before its date (planned ahead and done early) took no time, not a negative one.
            interaction.resolution_hours = max(hours, 0.0)

    @api.depends('date_deadline')
    def _compute_is_overdue(self):
        # Due by its deadline (_crm_due_date), a complaint is overdue again when its deadline moves.
        return super()._compute_is_overdue()

    def _crm_due_date(self):
        # A complaint or service request is due by its resolution deadline; anything else by its date.
        return self.date_deadline or super()._crm_due_date()

    @api.model
    def _crm_overdue_domain(self, now):
        return Domain('date_deadline', '<', now) | (
            Domain('date_deadline', '=', False) & super()._crm_overdue_domain(now)
        )

    @api.model
    def _own_task_fields(self):
        # The activity a care rule schedules stands for the planned interaction, as a hand-over's does.
        return super()._own_task_fields() + ['care_activity_id']
