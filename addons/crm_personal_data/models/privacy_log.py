from odoo import fields, models


class PrivacyLog(models.Model):
    _inherit = 'privacy.log'

    crm_request = fields.Selection(
        [
            ('access', 'Access Request'),
            ('erasure', 'Erasure'),
        ],
        string='Request',
        readonly=True,
    )
    crm_partner_id = fields.Many2one(
        'res.partner', string='Contact', readonly=True, index='btree_not_null', ondelete='set null'
    )

    def _anonymize_email(self, label):
        # A contact without an e-mail address is logged without one, not with the error Odoo returns for it.
        if not label:
            return '-'
        return super()._anonymize_email(label)
