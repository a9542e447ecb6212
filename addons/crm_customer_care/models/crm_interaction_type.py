from odoo import api, fields, models, tools


class CrmInteractionType(models.Model):
    _inherit = 'crm.interaction.type'

    has_resolution_deadline = fields.Boolean(
        'Resolution Deadline',
        help='Its interactions are complaints or service requests: they get a priority and a '
        'deadline to resolve them by, and count in the time to resolve.',
    )
    asks_rating = fields.Boolean(
        'Asks for a Rating', help='Its interactions record how satisfied the customer is, rated 1 to 5.'
    )

    @api.model_create_multi
    def create(self, vals_list):
        types = super().create(vals_list)
        if any(types.mapped('has_resolution_deadline')):
            self.env.registry.clear_cache()
        return types

    def write(self, vals):
        result = super().write(vals)
        if 'has_resolution_deadline' in vals:
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        with_deadline = any(self.mapped('has_resolution_deadline'))
        result = super().unlink()
        if with_deadline:
            self.env.registry.clear_cache()
        return result

    @api.model
    @tools.ormcache()
    def _crm_deadline_type_ids(self):
        """The ids of the types, archived ones included, whose interactions have a resolution deadline.

        The deadline computes of interactions ask it for every interaction they compute; kept in the registry's
        cache (as the languages are) and cleared whenever a type gains or loses a deadline, it costs no query
        once read."""
        return frozenset(self.sudo().with_context(active_test=False)._search([('has_resolution_deadline', '=', True)]))
