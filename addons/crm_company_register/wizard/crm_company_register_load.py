from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.crm_company_register import notify_register_unavailable

REGISTERS = [('ares', 'ARES (Czech Republic)'), ('rpo', 'RPO (Slovakia)')]


class CrmCompanyRegisterLoad(models.TransientModel):
    """Load from register: find the company by its IČO, or by name in ARES, and show field by field what the
    register would change, so that nothing the salesperson typed is overwritten without them choosing it."""

    _name = 'crm.company.register.load'
    _description = 'Load a Company from the Register'

    partner_id = fields.Many2one('res.partner', 'Company', required=True, ondelete='cascade')
    register = fields.Selection(REGISTERS, required=True, default='ares')
    ico = fields.Char('IČO')
    search_name = fields.Char('Company Name')
    result_ids = fields.One2many('crm.company.register.search.result', 'wizard_id', 'Companies Found')
    line_ids = fields.One2many('crm.company.register.load.line', 'wizard_id', 'Changes')
    date_dissolved = fields.Date('Dissolved On', readonly=True)
    state = fields.Selection([('search', 'Search'), ('compare', 'Compare')], default='search', required=True)
    # The register's answer as the nightly check follows it, stored on the company when it is applied.
    register_snapshot = fields.Json()

    @api.model
    def _action_open_for(self, partner):
        """Open the wizard on the company: straight at the comparison when it has an IČO, else at the search."""
        register = self.env['crm.company.register']
        wizard = self.create(
            {
                'partner_id': partner.id,
                'register': register._register_for_country(partner.country_id),
                'ico': partner.company_registry,
                'search_name': partner.name,
            }
        )
        if partner.company_registry:
            wizard._load()
        return wizard._action_reopen()

    def _action_reopen(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Load from register'),
            'res_model': self._name,
            'res_id': self.id,
            'view_mode': 'form',
            'target': 'new',
        }

    @notify_register_unavailable
    def action_search(self):
        self.ensure_one()
        found = self.env['crm.company.register']._search_ares(self.search_name)
        self.result_ids = [Command.clear()] + [
            Command.create(
                {
                    'name': values['name'],
                    'ico': values['company_registry'],
                    'address': ', '.join(part for part in (values['street'], values['zip'], values['city']) if part),
                }
            )
            for values in found
        ]
        return self._action_reopen()

    @notify_register_unavailable
    def action_look_up(self):
        self.ensure_one()
        self._load()
        return self._action_reopen()

    def _load(self):
        """Ask the register for the company and list, per field, the partner's value next to the register's."""
        self.ensure_one()
        register = self.env['crm.company.register']
        values = register._lookup(self.ico, self.register)
        country = (
            self.env['res.country'].search([('code', '=', values['country_code'])], limit=1)
            if values['country_code']
            else self.env['res.country']
        )
        proposals = [
            ('name', values['name']),
            ('company_registry', values['company_registry']),
            ('street', values['street']),
            ('city', values['city']),
            ('zip', values['zip']),
            ('country_id', country),
            ('vat', values['vat']),
            ('crm_legal_form', values['crm_legal_form']),
            ('crm_date_established', values['crm_date_established']),
            ('crm_date_dissolved', values['crm_date_dissolved']),
            ('industry_id', register._industry_for_nace(values['nace_codes'])),
            (
                'crm_address_type_id',
                self.env.ref('crm_extended.crm_address_type_headquarters', raise_if_not_found=False),
            ),
        ]
        self.line_ids = [Command.clear()] + [
            Command.create(self._line_values(field_name, new_value)) for field_name, new_value in proposals if new_value
        ]
        self.write(
            {
                'ico': values['company_registry'],
                'date_dissolved': values['crm_date_dissolved'],
                'register_snapshot': self.partner_id._crm_register_snapshot_of(
                    self.partner_id._crm_register_watched(values)
                ),
                'state': 'compare',
            }
        )

    def _line_values(self, field_name, new_value):
        partner = self.partner_id
        field = partner._fields[field_name]
        current = partner[field_name]
        if field.type == 'many2one':
            current_raw, new_raw = str(current.id or ''), str(new_value.id)
            current_text, new_text = current.display_name or '', new_value.display_name
        elif field.type == 'date':
            current_raw, new_raw = fields.Date.to_string(current) or '', fields.Date.to_string(new_value)
            current_text, new_text = format_date(self.env, current) if current else '', format_date(self.env, new_value)
        else:
            current_text, new_text = (current or '').strip(), new_value.strip()
            current_raw, new_raw = current_text, new_text
        return {
            'field_name': field_name,
            'field_label': field._description_string(self.env),
            'current_value': current_text,
            'new_value': new_text,
            'new_raw': new_raw,
            'apply': not current_raw or current_raw == new_raw,
        }

    def action_apply(self):
        """Write the chosen values, then ask the register of VAT payers about a Czech payer; when that register
        is down, the company is saved all the same and the salesperson is told."""
        self.ensure_one()
        partner = self.partner_id
        chosen = self.line_ids.filtered('apply')
        values = {line.field_name: line._value_to_write() for line in chosen}
        values['crm_in_insolvency'] = bool((self.register_snapshot or {}).get('crm_in_insolvency'))
        partner.write(values)
        if self.register_snapshot:
            partner._crm_register_store_snapshots({partner: self.register_snapshot})
        close = {'type': 'ir.actions.act_window_close'}
        if not self.env['crm.vat.payer.register']._czech_dic(partner.vat):
            return close
        try:
            partner._crm_update_vat_status()
        except UserError as error:
            return {
                'type': 'ir.actions.client',
                'tag': 'display_notification',
                'params': {
                    'title': _('The company is saved'),
                    'message': error.args[0],
                    'type': 'warning',
                    'next': close,
                },
            }
        return close
