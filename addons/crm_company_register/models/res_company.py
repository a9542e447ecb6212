from odoo import fields, models


class ResCompany(models.Model):
    _inherit = 'res.company'

    crm_register_lookup = fields.Boolean(
        'Look Up Companies in Public Registers',
        default=True,
        help='Salespeople of this company fill companies from ARES and RPO and check VAT payers.',
    )
    crm_register_nightly_check = fields.Boolean(
        'Re-check Companies Nightly',
        default=True,
        help="Every night, this company's Czech and Slovak customers and suppliers are compared with the "
        'registers; changes are posted on each company, and the ones that matter give its salesperson '
        'an activity.',
    )
