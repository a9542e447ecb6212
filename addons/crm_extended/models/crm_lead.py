from odoo import fields, models


class CrmLead(models.Model):
    _inherit = 'crm.lead'

    crm_partner_company_type_ids = fields.Many2many(
        related='partner_id.commercial_partner_id.crm_company_type_ids', string='Customer Types')
    crm_partner_company_status_id = fields.Many2one(
        related='partner_id.commercial_partner_id.crm_company_status_id', string='Customer Status')
    crm_industry_id = fields.Many2one(
        'res.partner.industry', string='Industry', help='Industry given to the customer created from this lead.')
    crm_company_type_ids = fields.Many2many(
        'crm.company.type', 'crm_company_type_crm_lead_rel', 'lead_id', 'type_id', string='Company Types',
        help='Company types given to the customer created from this lead.')

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        values = super()._prepare_customer_values(partner_name, is_company=is_company, parent_id=parent_id)
        if is_company or not parent_id:
            values.update({
                'industry_id': self.crm_industry_id.id,
                'crm_company_type_ids': [fields.Command.set(self.crm_company_type_ids.ids)],
            })
        return values
