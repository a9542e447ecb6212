from odoo import _, models
from odoo.fields import Domain

INVOICE_TYPES = ('out_invoice', 'out_refund', 'in_invoice', 'in_refund')


class ResPartner(models.Model):
    _inherit = 'res.partner'

    def _privacy_invoice_domain(self):
        return Domain('partner_id', '=', self.id) & Domain('move_type', 'in', INVOICE_TYPES)

    def _privacy_access_sections(self):
        sections = super()._privacy_access_sections()
        invoices = self.env['account.move'].search(
            self._privacy_invoice_domain() & Domain('state', '!=', 'draft'), order='invoice_date, id'
        )
        orders = self.env['sale.order'].search([('partner_id', '=', self.id)], order='date_order, id')
        return sections + [
            self._privacy_section(
                'invoices',
                _('Invoices'),
                invoices,
                ('name', 'move_type', 'invoice_date', 'amount_total', 'currency_id', 'state'),
            ),
            self._privacy_section(
                'orders', _('Orders'), orders, ('name', 'date_order', 'amount_total', 'currency_id', 'state')
            ),
        ]

    def _privacy_attachments_to_keep(self, attachments):
        # The PDF of an invoice or a payment and what was sent with it belong to the accounting records.
        return super()._privacy_attachments_to_keep(attachments) | attachments.filtered(
            lambda attachment: attachment.res_model in ('account.move', 'account.payment')
        )

    def _privacy_legal_hold_reasons(self):
        reasons = super()._privacy_legal_hold_reasons()
        [(count, names)] = (
            self.env['account.move']
            .sudo()
            ._read_group(
                self._privacy_invoice_domain() & Domain('state', '=', 'posted'), [], ['__count', 'name:array_agg']
            )
        )
        if count:
            reasons.append(
                _(
                    '%(count)s issued invoices (%(names)s) show this name, VAT number and address, which accounting '
                    'law obliges the company to keep for the retention period.',
                    count=count,
                    names=', '.join(sorted(names)[:5]),
                )
            )
        return reasons
