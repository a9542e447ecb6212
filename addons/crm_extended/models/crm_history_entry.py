from odoo import _, fields, models


class CrmHistoryEntry(models.Model):
    """One thing that happened with a customer: an interaction, and what the bridges add (a mailing received or
    opened, an event attended). Read-only, read from the source records themselves rather than copied."""

    _name = 'crm.history.entry'
    _inherit = ['crm.history.mixin']
    _description = 'Customer History Entry'
    _auto = False
    _order = 'date desc, id desc'
    _rec_name = 'name'

    date = fields.Datetime(readonly=True)
    kind = fields.Selection([('interaction', 'Interaction')], readonly=True)
    name = fields.Char('Subject', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Contact', readonly=True)
    commercial_partner_id = fields.Many2one('res.partner', string='Customer Company', readonly=True)
    user_id = fields.Many2one('res.users', string='Responsible', readonly=True)
    company_id = fields.Many2one('res.company', readonly=True)
    res_model = fields.Char('Source Model', readonly=True)
    res_id = fields.Many2oneReference('Source Record', model_field='res_model', readonly=True)
    interaction_id = fields.Many2one('crm.interaction', readonly=True)
    interaction_type_id = fields.Many2one('crm.interaction.type', readonly=True)

    @property
    def _table_query(self):
        return self._crm_history_query()

    def action_open_interaction(self):
        self.ensure_one()
        if not self.interaction_id:
            return False
        return {
            'type': 'ir.actions.act_window',
            'name': _('Interaction'),
            'res_model': 'crm.interaction',
            'res_id': self.interaction_id.id,
            'view_mode': 'form',
        }
