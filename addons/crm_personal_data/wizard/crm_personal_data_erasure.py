from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.res_partner import INVOICE_FIELDS, PERSONAL_FIELDS

# What an opportunity says about the person it is with.
LEAD_PERSONAL_FIELDS = (
    'contact_name',
    'email_from',
    'phone',
    'function',
    'description',
    'street',
    'street2',
    'zip',
    'city',
    'website',
)


class CrmPersonalDataErasure(models.TransientModel):
    _name = 'crm.personal.data.erasure'
    _description = 'Erase Personal Data'

    partner_id = fields.Many2one('res.partner', string='Contact', required=True, readonly=True)
    legal_hold_reasons = fields.Text('Kept by Law', compute='_compute_legal_hold_reasons')

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self.env['res.partner'].browse(vals.get('partner_id'))._privacy_check_subject()
        return super().create(vals_list)

    @api.depends('partner_id')
    def _compute_legal_hold_reasons(self):
        for wizard in self:
            wizard.legal_hold_reasons = '\n'.join(wizard.partner_id.sudo()._privacy_legal_hold_reasons())

    def action_erase(self):
        self.ensure_one()
        partner = self.partner_id.with_env(self.env)
        partner._privacy_check_subject()
        if partner.sudo().with_context(active_test=False).user_ids:
            raise UserError(
                _(
                    '%(contact)s is a user of this database: archive the user first, then erase the contact.',
                    contact=partner.display_name,
                )
            )
        partner = partner.sudo().with_context(tracking_disable=True, active_test=False)
        reasons = partner._privacy_legal_hold_reasons()
        kept_fields = INVOICE_FIELDS if reasons else ()
        log_values = partner._privacy_log_values('erasure', self._execution_details(partner, reasons, kept_fields))
        self._erase(partner, kept_fields)
        self.env['privacy.log'].sudo().create(log_values)
        return {'type': 'ir.actions.act_window_close'}

    def _execution_details(self, partner, reasons, kept_fields):
        if not reasons:
            return _(
                'Erasure: every personal value of the contact, its interactions, opportunities and messages '
                'was anonymised, its attachments deleted and the contact archived.'
            )
        kept = ', '.join(partner._fields[name]._description_string(self.env) for name in kept_fields)
        return _(
            'Erasure: the contact, its interactions, opportunities and messages were anonymised, its '
            'attachments deleted but those the law keeps, and the contact archived, keeping %(kept)s because '
            '%(reasons)s',
            kept=kept,
            reasons='; '.join(reasons),
        )

    def _erase(self, partner, kept_fields):
        interactions = (
            self.env['crm.interaction']
            .sudo()
            .with_context(tracking_disable=True)
            .search([('partner_id', '=', partner.id)])
        )
        leads = (
            self.env['crm.lead']
            .sudo()
            .with_context(tracking_disable=True, active_test=False)
            .search([('partner_id', '=', partner.id)])
        )
        messages = partner._privacy_messages(interactions, leads).sudo()
        email = partner.email_normalized
        attachments = (
            self.env['ir.attachment'].sudo().search(partner._privacy_attachment_domain(interactions, leads, messages))
        )
        (attachments - partner._privacy_attachments_to_keep(attachments)).unlink()
        self._erase_messages(messages)
        interactions.write({'subject': _('Erased'), 'description': False})
        leads.write({name: False for name in LEAD_PERSONAL_FIELDS if name in leads._fields})
        self.env['mail.followers'].sudo().search([('partner_id', '=', partner.id)]).unlink()
        if email:
            self.env['mail.blacklist'].sudo().with_context(active_test=False).search([('email', '=', email)]).unlink()
        values = {name: False for name in PERSONAL_FIELDS if name not in kept_fields}
        if 'name' in values:
            values['name'] = _('Erased contact %(id)s', id=partner.id)
        partner.write(dict(values, active=False))

    def _erase_messages(self, messages):
        # Tracked changes keep the values a field had before: they go with the text they belong to.
        self.env['mail.tracking.value'].sudo().search([('mail_message_id', 'in', messages.ids)]).unlink()
        messages.write(
            {'body': Markup('<p>%s</p>') % _('Erased'), 'subject': False, 'email_from': False, 'reply_to': False}
        )
