from odoo import models


class AccountMove(models.Model):
    _name = 'account.move'
    _inherit = ['account.move', 'crm.complaint.document.mixin']
    _crm_complaint_field = 'crm_invoice_id'
