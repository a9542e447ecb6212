from odoo import _, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = 'res.partner'

    def _privacy_mailing_contacts(self):
        """The mailing list entries of this person: those with their e-mail address."""
        self.ensure_one()
        if not self.email_normalized:
            return self.env['mailing.contact']
        return (
            self.env['mailing.contact']
            .with_context(active_test=False)
            .search([('email_normalized', '=', self.email_normalized)], order='id')
        )

    def _privacy_mailing_traces(self, leads):
        """The mailings sent to this person: to the contact, to their opportunities or to their address."""
        self.ensure_one()
        domain = Domain.OR(
            [
                Domain('model', '=', 'res.partner') & Domain('res_id', '=', self.id),
                Domain('model', '=', 'crm.lead') & Domain('res_id', 'in', leads.ids),
                Domain('email', '=', self.email_normalized) if self.email_normalized else Domain.FALSE,
            ]
        )
        return self.env['mailing.trace'].search(domain, order='id')

    def _privacy_leads(self):
        return self.env['crm.lead'].with_context(active_test=False).search([('partner_id', '=', self.id)])

    def _privacy_access_sections(self):
        sections = super()._privacy_access_sections()
        return sections + [
            self._privacy_section(
                'mailings',
                _('Mailings'),
                self._privacy_mailing_traces(self._privacy_leads()),
                (
                    'mass_mailing_id',
                    'email',
                    'trace_status',
                    'sent_datetime',
                    'open_datetime',
                    'reply_datetime',
                    'links_click_datetime',
                ),
            ),
            self._privacy_section(
                'mailing_contacts',
                _('Mailing List Entries'),
                self._privacy_mailing_contacts(),
                ('name', 'email', 'company_name', 'list_ids', 'create_date'),
            ),
        ]

    def _privacy_message_domain(self, interactions, leads):
        return super()._privacy_message_domain(interactions, leads) | (
            Domain('model', '=', 'mailing.contact') & Domain('res_id', 'in', self._privacy_mailing_contacts().ids)
        )
