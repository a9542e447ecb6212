from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmInteraction(models.Model):
    _inherit = 'crm.interaction'

    crm_sale_order_id = fields.Many2one(
        'sale.order',
        string='Sales Order',
        index='btree_not_null',
        check_company=True,
        ondelete='set null',
        tracking=True,
        domain="[('partner_id', 'child_of', commercial_partner_id), ('company_id', '=', company_id)]",
        help='The sales order the complaint or service request is about.',
    )
    crm_invoice_id = fields.Many2one(
        'account.move',
        string='Invoice',
        index='btree_not_null',
        check_company=True,
        ondelete='set null',
        tracking=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id), ('company_id', '=', company_id), "
        "('move_type', 'in', ('out_invoice', 'out_refund')), ('state', '=', 'posted')]",
        help='The invoice the complaint or service request is about.',
    )

    @api.constrains('partner_id', 'crm_sale_order_id', 'crm_invoice_id')
    def _check_crm_sales_documents(self):
        # The customer is checked with the rights of the system: a salesperson may link an order a colleague sells.
        for interaction in self.sudo():
            for document in (interaction.crm_sale_order_id, interaction.crm_invoice_id):
                if document and document.partner_id.commercial_partner_id != interaction.commercial_partner_id:
                    raise ValidationError(
                        _(
                            '%(document)s is not a document of %(customer)s, the customer of "%(subject)s".',
                            document=document.display_name,
                            customer=interaction.commercial_partner_id.display_name,
                            subject=interaction.subject,
                        )
                    )
            if interaction.crm_invoice_id.move_type not in (False, 'out_invoice', 'out_refund'):
                raise ValidationError(
                    _(
                        'A complaint can only be about a customer invoice or credit note, not %s.',
                        interaction.crm_invoice_id.display_name,
                    )
                )
