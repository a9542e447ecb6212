import io
import json
import zipfile
from collections import defaultdict

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import SQL, html2plaintext

DPO_GROUP = 'crm_personal_data.group_data_protection_officer'
# What identifies or describes a person on a contact: exported on request, blanked on erasure.
PERSONAL_FIELDS = (
    'name',
    'email',
    'phone',
    'function',
    'website',
    'comment',
    'street',
    'street2',
    'zip',
    'city',
    'state_id',
    'country_id',
    'vat',
    'company_registry',
    'lang',
    'image_1920',
)
# What an issued invoice shows of its customer; accounting law keeps it for the retention period.
INVOICE_FIELDS = ('name', 'vat', 'company_registry', 'street', 'street2', 'zip', 'city', 'state_id', 'country_id')


class ResPartner(models.Model):
    _inherit = 'res.partner'

    privacy_consent_ids = fields.One2many('crm.consent', 'partner_id', string='Consents')
    privacy_missing_purpose_ids = fields.Many2many(
        'crm.processing.purpose',
        string='Purposes without Consent',
        compute='_compute_privacy_missing_purpose_ids',
        search='_search_privacy_missing_purpose_ids',
        help='Purposes based on consent for which this contact has no valid consent in the current company: '
        'the contact is left out of them.',
    )
    privacy_last_activity_date = fields.Datetime(
        'Last Activity',
        compute='_compute_privacy_last_activity_date',
        store=True,
        help='The latest interaction, opportunity stage change or consent statement of this contact: '
        'retention periods count from it.',
    )

    @api.depends_context('company')
    @api.depends('privacy_consent_ids')
    def _compute_privacy_missing_purpose_ids(self):
        purposes = self.env['crm.processing.purpose'].search([])._requires_consent()
        valid = self._privacy_valid_pairs(purposes)
        for partner in self:
            partner.privacy_missing_purpose_ids = purposes.filtered(
                lambda purpose, partner=partner: (partner.id, purpose.id) not in valid
            )

    def _search_privacy_missing_purpose_ids(self, operator, value):
        if operator != 'in':
            return NotImplemented
        purposes = self.env['crm.processing.purpose'].browse(value)._requires_consent()
        return Domain.OR(Domain('id', 'not in', self._privacy_valid_partners_query(purpose)) for purpose in purposes)

    @api.depends(
        'create_date', 'crm_interaction_ids.date', 'opportunity_ids.date_last_stage_update', 'privacy_consent_ids.date'
    )
    def _compute_privacy_last_activity_date(self):
        partner_ids = [partner_id for partner_id in self.ids if isinstance(partner_id, int)]
        dates = defaultdict(list)
        for model, date_field in (
            ('crm.interaction', 'date'),
            ('crm.lead', 'date_last_stage_update'),
            ('crm.consent', 'date'),
        ):
            for partner, date in (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group([('partner_id', 'in', partner_ids)], ['partner_id'], [f'{date_field}:max'])
            ):
                dates[partner.id].append(date)
        for partner in self:
            partner.privacy_last_activity_date = max(
                filter(None, (*dates[partner.id], partner.create_date)), default=False
            )

    def _privacy_valid_partners_query(self, purpose):
        """SQL selecting the contacts with a valid consent for ``purpose`` in the current company."""
        self.env['crm.consent'].flush_model(['state', 'expiry_date'])
        return SQL(
            """SELECT partner_id FROM crm_consent
                WHERE id IN (%(current)s) AND purpose_id = %(purpose)s AND company_id = %(company)s
                  AND state = 'given' AND (expiry_date IS NULL OR expiry_date >= %(today)s)""",
            current=self.env['crm.consent']._current_ids_query(),
            purpose=purpose.id,
            company=self.env.company.id,
            today=fields.Date.context_today(self),
        )

    def _privacy_valid_pairs(self, purposes):
        """The (contact id, purpose id) pairs of ``self`` and ``purposes`` with a valid consent, in one query."""
        partner_ids = [partner_id for partner_id in self.ids if isinstance(partner_id, int)]
        if not partner_ids or not purposes:
            return set()
        self.env['crm.consent'].flush_model(['state', 'expiry_date'])
        return set(
            self.env.execute_query(
                SQL(
                    """SELECT partner_id, purpose_id FROM crm_consent
                WHERE id IN (%(current)s) AND purpose_id IN %(purposes)s AND company_id = %(company)s
                  AND state = 'given' AND (expiry_date IS NULL OR expiry_date >= %(today)s)""",
                    current=self.env['crm.consent']._current_ids_query(partner_ids),
                    purposes=tuple(purposes.ids),
                    company=self.env.company.id,
                    today=fields.Date.context_today(self),
                )
            )
        )

    def _privacy_allowed_for(self, purpose):
        """The contacts of ``self`` that ``purpose`` may process: all of them unless it rests on consent, otherwise
        those with a valid consent. Features of a purpose (lead scoring's profiling, mailings) call this to leave
        the others out."""
        if not purpose._requires_consent():
            return self
        allowed = {partner_id for partner_id, _purpose_id in self._privacy_valid_pairs(purpose)}
        return self.filtered(lambda partner: partner.id in allowed)

    def _reconsent_activity_values(self, consents, activity_type):
        self.ensure_one()
        return {
            'res_model_id': self.env['ir.model']._get_id('res.partner'),
            'res_id': self.id,
            'activity_type_id': activity_type.id,
            'summary': _('Renew consent: %(purposes)s', purposes=', '.join(consents.purpose_id.mapped('name'))),
            'date_deadline': min(consents.mapped('expiry_date')),
            'user_id': (self.user_id or consents[0].user_id).id,
        }

    # Rights of the data subject: access and erasure, for the data protection officer only.

    def _privacy_check_subject(self):
        """Refuse unless the user is a data protection officer who may read this existing contact."""
        if not self.env.user.has_group(DPO_GROUP):
            raise AccessError(_('Only a data protection officer may export or erase the personal data of a contact.'))
        if len(self) != 1 or not self.exists():
            raise AccessError(_('Choose one existing contact to export or erase.'))
        self.check_access('read')
        if self.is_company:
            raise UserError(
                _(
                    '%(contact)s is a company, not a person: export or erase its contacts instead.',
                    contact=self.display_name,
                )
            )

    def action_privacy_access_export(self):
        self._privacy_check_subject()
        content = self.sudo()._privacy_access_archive()
        log = (
            self.env['privacy.log']
            .sudo()
            .create(
                self._privacy_log_values(
                    'access',
                    _(
                        'Access request: exported everything stored about the contact (%(sections)s).',
                        sections=', '.join(section['title'] for section in self.sudo()._privacy_access_sections()),
                    ),
                )
            )
        )
        attachment = (
            self.env['ir.attachment']
            .sudo()
            .create(
                {
                    'name': f'personal_data_{self.id}.zip',
                    'raw': content,
                    'mimetype': 'application/zip',
                    'res_model': 'privacy.log',
                    'res_id': log.id,
                }
            )
        )
        return {'type': 'ir.actions.act_url', 'url': f'/web/content/{attachment.id}?download=true', 'target': 'self'}

    def action_privacy_erase(self):
        self._privacy_check_subject()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Erase Personal Data'),
            'res_model': 'crm.personal.data.erasure',
            'view_mode': 'form',
            'target': 'new',
            'context': {'default_partner_id': self.id},
        }

    def _privacy_log_values(self, request, details):
        return {
            'anonymized_name': self.name or '',
            'anonymized_email': self.email_normalized or '',
            'execution_details': details,
            'crm_request': request,
            'crm_partner_id': self.id,
        }

    def _privacy_access_archive(self):
        """A ZIP of a readable workbook and a machine-readable JSON of the same sections."""
        sections = self._privacy_access_sections()
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, 'w', zipfile.ZIP_DEFLATED) as zip_file:
            zip_file.writestr('summary.xlsx', self._privacy_workbook(sections))
            zip_file.writestr(
                'data.json',
                json.dumps(
                    {section['key']: section['rows'] for section in sections}, ensure_ascii=False, indent=2, default=str
                ),
            )
        return archive.getvalue()

    def _privacy_workbook(self, sections):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {'in_memory': True})
        bold = workbook.add_format({'bold': True})
        for section in sections:
            sheet = workbook.add_worksheet(section['title'][:31])
            columns = list(section['columns'])
            for column, key in enumerate(columns):
                sheet.write(0, column, section['columns'][key], bold)
                sheet.set_column(column, column, 24)
            for row, values in enumerate(section['rows'], start=1):
                for column, key in enumerate(columns):
                    sheet.write(row, column, str(values.get(key) if values.get(key) is not None else ''))
        workbook.close()
        return output.getvalue()

    def _privacy_access_sections(self):
        """Everything stored about this person, section by section; bridges append their own records."""
        self.ensure_one()
        interactions = (
            self.env['crm.interaction'].with_context(active_test=False).search([('partner_id', '=', self.id)])
        )
        leads = self.env['crm.lead'].with_context(active_test=False).search([('partner_id', '=', self.id)])
        return [
            self._privacy_section('contact', _('Contact'), self, PERSONAL_FIELDS[:-1] + ('parent_id',)),
            self._privacy_section(
                'interactions',
                _('Interactions'),
                interactions,
                ('date', 'subject', 'interaction_type_id', 'state', 'user_id', 'description'),
            ),
            self._privacy_section(
                'opportunities',
                _('Opportunities'),
                leads,
                (
                    'name',
                    'create_date',
                    'stage_id',
                    'expected_revenue',
                    'user_id',
                    'contact_name',
                    'email_from',
                    'phone',
                    'description',
                ),
            ),
            self._privacy_section(
                'messages',
                _('Messages'),
                self._privacy_messages(interactions, leads),
                ('date', 'message_type', 'model', 'record_name', 'author_id', 'subject', 'body'),
            ),
            self._privacy_section(
                'consents',
                _('Consents'),
                self.privacy_consent_ids,
                ('date', 'purpose_id', 'state', 'channel', 'user_id', 'expiry_date', 'company_id'),
            ),
        ]

    def _privacy_section(self, key, title, records, field_names):
        fields_by_name = {name: records._fields[name] for name in field_names}
        return {
            'key': key,
            'title': title,
            'columns': {name: field._description_string(self.env) for name, field in fields_by_name.items()},
            'rows': [
                {name: self._privacy_value(record, field) for name, field in fields_by_name.items()}
                for record in records
            ],
        }

    def _privacy_value(self, record, field):
        value = record[field.name]
        if field.type in ('many2one', 'many2many', 'one2many'):
            return ', '.join(value.mapped('display_name')) or None
        if field.type == 'selection':
            return dict(field._description_selection(self.env)).get(value) if value else None
        if field.type == 'html':
            return html2plaintext(value) if value else None
        if field.type in ('date', 'datetime'):
            return fields.Datetime.to_string(value) if value else None
        return value if value is not False else None

    def _privacy_messages(self, interactions, leads):
        """Messages written by, sent to or kept on the records of this person."""
        return self.env['mail.message'].search(self._privacy_message_domain(interactions, leads), order='date, id')

    def _privacy_message_domain(self, interactions, leads):
        return Domain.OR(
            [
                Domain('author_id', '=', self.id),
                Domain('partner_ids', 'in', self.ids),
                Domain('model', '=', 'res.partner') & Domain('res_id', '=', self.id),
                Domain('model', '=', 'crm.interaction') & Domain('res_id', 'in', interactions.ids),
                Domain('model', '=', 'crm.lead') & Domain('res_id', 'in', leads.ids),
            ]
        )

    def _privacy_attachment_domain(self, interactions, leads, messages):
        """The files of this person: attached to the contact, its interactions, opportunities and messages;
        bridges add their records."""
        return Domain.OR(
            [
                Domain('res_model', '=', 'res.partner') & Domain('res_id', '=', self.id),
                Domain('res_model', '=', 'crm.interaction') & Domain('res_id', 'in', interactions.ids),
                Domain('res_model', '=', 'crm.lead') & Domain('res_id', 'in', leads.ids),
                Domain('id', 'in', messages.attachment_ids.ids),
            ]
        )

    def _privacy_attachments_to_keep(self, attachments):
        """The attachments erasure must not delete, as the law obliges the company to keep them; bridges add
        theirs (the PDF of an issued invoice)."""
        return attachments.browse()

    def _privacy_legal_hold_reasons(self):
        """Why the law obliges the company to keep this contact's invoice data; bridges add their reasons."""
        self.ensure_one()
        return []
