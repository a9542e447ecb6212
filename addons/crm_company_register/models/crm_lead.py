from odoo import fields, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    crm_vat_reliability = fields.Selection(related='partner_id.commercial_partner_id.crm_vat_reliability')
    crm_vat_unreliable_since = fields.Date(related='partner_id.commercial_partner_id.crm_vat_unreliable_since')
