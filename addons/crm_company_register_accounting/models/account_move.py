from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = 'account.move'

    crm_vat_reliability = fields.Selection(related='commercial_partner_id.crm_vat_reliability')
    crm_vat_unreliable_since = fields.Date(related='commercial_partner_id.crm_vat_unreliable_since')
    crm_bank_account_unpublished = fields.Boolean(
        'Bank Account Not Published',
        compute='_compute_crm_bank_account_unpublished',
        help='The bill is to be paid to an account the supplier has not published in the register of VAT payers: '
        'paying to it makes the buyer liable for the VAT.',
    )

    @api.depends(
        'move_type',
        'partner_bank_id.acc_number',
        'commercial_partner_id.crm_vat_reliability',
        'commercial_partner_id.crm_published_bank_account_ids.acc_number',
    )
    def _compute_crm_bank_account_unpublished(self):
        vat_register = self.env['crm.vat.payer.register']
        for move in self:
            supplier = move.commercial_partner_id
            move.crm_bank_account_unpublished = bool(
                move.is_purchase_document(include_receipts=True)
                and move.partner_bank_id
                and supplier.crm_vat_reliability in ('reliable', 'unreliable')
                and vat_register._domestic_account(move.partner_bank_id.acc_number)
                not in supplier.crm_published_bank_account_ids.mapped('acc_number')
            )
