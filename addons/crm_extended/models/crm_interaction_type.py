from odoo import fields, models


class CrmInteractionType(models.Model):
    _name = 'crm.interaction.type'
    _inherit = ['crm.codebook.mixin']
    _description = 'Interaction Type'

    icon = fields.Char(default='fa-comment-o', help='Font Awesome icon shown with the interactions of this type.')
    activity_type_id = fields.Many2one(
        'mail.activity.type',
        ondelete='restrict',
        domain="[('res_model', 'in', (False, 'crm.interaction'))]",
        help='Activity created for the new responsible when an interaction of this type is handed over.',
    )
