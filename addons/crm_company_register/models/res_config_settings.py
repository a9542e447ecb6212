from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    crm_register_lookup = fields.Boolean(related='company_id.crm_register_lookup', readonly=False)
    crm_register_nightly_check = fields.Boolean(related='company_id.crm_register_nightly_check', readonly=False)
