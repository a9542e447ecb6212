from odoo import fields, models


class CrmPublishedBankAccount(models.Model):
    """A bank account a Czech VAT payer has published in the register of VAT payers, as the register last
    listed it. Only the register check writes these: they are the register's word, not the user's."""

    _name = 'crm.published.bank.account'
    _description = 'Bank Account Published in the Register of VAT Payers'
    _order = 'partner_id, date_published desc, id'

    partner_id = fields.Many2one('res.partner', 'Company', required=True, index=True, ondelete='cascade')
    acc_number = fields.Char('Account Number', required=True)
    date_published = fields.Date('Published On')
