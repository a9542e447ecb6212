from odoo import models


class CrmCompanyType(models.Model):
    _name = 'crm.company.type'
    _inherit = ['crm.codebook.mixin']
    _description = 'Company Type'
