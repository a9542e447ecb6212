from odoo import models


class CrmCompanyStatus(models.Model):
    _name = 'crm.company.status'
    _inherit = ['crm.codebook.mixin']
    _description = 'Company Status'
