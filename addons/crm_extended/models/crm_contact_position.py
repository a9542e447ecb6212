from odoo import models


class CrmContactPosition(models.Model):
    _name = 'crm.contact.position'
    _inherit = ['crm.codebook.mixin']
    _description = 'Contact Position'
