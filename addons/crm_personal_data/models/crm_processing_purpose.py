from odoo import fields, models

LEGAL_BASES = [
    ('contract', 'Contract'),
    ('legal_obligation', 'Legal Obligation'),
    ('legitimate_interest', 'Legitimate Interest'),
    ('consent', 'Consent'),
]


class CrmProcessingPurpose(models.Model):
    """What the company processes personal data for, on which legal basis and for how long (GDPR art. 6 and 30)."""

    _name = 'crm.processing.purpose'
    _inherit = ['crm.codebook.mixin']
    _description = 'Processing Purpose'

    legal_basis = fields.Selection(LEGAL_BASES, required=True, default='consent')
    retention_months = fields.Integer(
        'Retention (months)',
        required=True,
        default=36,
        help='How long a contact may be kept without any activity for this purpose before it is listed for review.',
    )
    consent_validity_months = fields.Integer(
        'Consent Validity (months)',
        help='How long a consent given for this purpose stays valid; empty when it does not expire.',
    )
    blacklist_on_withdrawal = fields.Boolean(
        'Opt-out of Mass E-mails',
        help='Withdrawing consent for this purpose puts the address on the mail blacklist, giving it takes it off.',
    )

    _retention_positive = models.Constraint(
        'CHECK(retention_months > 0)', 'The retention period is at least one month.'
    )
    _validity_not_negative = models.Constraint(
        'CHECK(consent_validity_months IS NULL OR consent_validity_months >= 0)',
        'The consent validity cannot be negative.',
    )

    def write(self, vals):
        result = super().write(vals)
        if 'retention_months' in vals:
            self._sync_recycle_delta()
        return result

    def _sync_recycle_delta(self):
        # The review rule lists what is older than the purpose's retention: one number, kept in one place.
        review_rules = (
            self.env['data_recycle.model']
            .sudo()
            .with_context(active_test=False)
            .search([('crm_purpose_id', 'in', self.ids)])
        )
        for rule in review_rules:
            rule.write({'time_field_delta': rule.crm_purpose_id.retention_months, 'time_field_delta_unit': 'months'})

    def _requires_consent(self):
        return self.filtered(lambda purpose: purpose.legal_basis == 'consent')
