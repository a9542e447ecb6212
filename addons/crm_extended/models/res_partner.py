from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    crm_company_type_ids = fields.Many2many(
        'crm.company.type', 'crm_company_type_res_partner_rel', 'partner_id', 'type_id',
        string='Company Types', help='What the company is to us; a supplier can be a customer too.')
    crm_company_status_id = fields.Many2one(
        'crm.company.status', string='Company Status', index='btree_not_null', ondelete='restrict')
    crm_position_id = fields.Many2one(
        'crm.contact.position', string='Position', index='btree_not_null', ondelete='restrict')
    crm_address_type_id = fields.Many2one(
        'crm.address.type', string='Site Type', index='btree_not_null', ondelete='restrict')

    @api.model
    def _commercial_fields(self):
        # Contacts and addresses carry their company's classification, so they can be filtered by it.
        return super()._commercial_fields() + ['crm_company_type_ids', 'crm_company_status_id']

    @api.onchange('crm_position_id')
    def _onchange_crm_position_id(self):
        if self.crm_position_id and not self.function:
            self.function = self.crm_position_id.name

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._fill_function_from_position(vals)
        return super().create(vals_list)

    def write(self, vals):
        result = super().write(vals)
        if vals.get('crm_position_id'):
            untitled = self.filtered(lambda partner: not partner.function)
            if untitled:
                untitled.function = self.env['crm.contact.position'].browse(vals['crm_position_id']).name
        return result

    def _fill_function_from_position(self, vals):
        """The job title stays free text; a chosen position only fills it when it is empty."""
        if vals.get('crm_position_id') and not vals.get('function'):
            vals['function'] = self.env['crm.contact.position'].browse(vals['crm_position_id']).name
        return vals
