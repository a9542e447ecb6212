from odoo import models


class CrmAddressType(models.Model):
    _name = 'crm.address.type'
    _inherit = ['crm.codebook.mixin']
    _description = 'Address Type'
