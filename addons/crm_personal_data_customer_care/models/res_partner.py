from odoo import _, models

# What customer care keeps about a person: the occasions it wishes them on are personal data of their own.
CARE_FIELDS = ('crm_first_name', 'birthdate_date', 'crm_wish_on', 'crm_customer_since')


class ResPartner(models.Model):
    _inherit = 'res.partner'

    def _privacy_rated_interactions(self):
        """The interactions of this person that carry a satisfaction rating or a comment of theirs."""
        self.ensure_one()
        return (
            self.env['crm.interaction']
            .with_context(active_test=False)
            .search(
                [
                    ('partner_id', '=', self.id),
                    '|',
                    ('satisfaction_rating', '!=', False),
                    ('satisfaction_comment', '!=', False),
                ],
                order='date, id',
            )
        )

    def _privacy_access_sections(self):
        sections = super()._privacy_access_sections()
        return sections + [
            self._privacy_section('customer_care', _('Customer Care'), self, CARE_FIELDS),
            self._privacy_section(
                'satisfaction',
                _('Satisfaction Ratings'),
                self._privacy_rated_interactions(),
                ('date', 'subject', 'satisfaction_rating', 'satisfaction_comment'),
            ),
        ]
