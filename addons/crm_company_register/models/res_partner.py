from odoo import _, api, fields, models


class ResPartner(models.Model):
    _inherit = 'res.partner'

    crm_legal_form = fields.Char('Legal Form', help='As the public register of companies names it.')
    crm_date_established = fields.Date('Date of Establishment')
    crm_date_dissolved = fields.Date(
        'Dissolved On', help='The date the public register of companies gives for the end of the company.')

    @api.onchange('company_registry')
    def _onchange_company_registry_offer_register(self):
        """While the company is typed: stop at a company that already has this IČO (Odoo's own duplicate check
        finds it), otherwise offer to fill the company from the register."""
        register = self.env['crm.company.register']
        normalized = register._normalize_ico(self.company_registry)
        if not register._is_valid_ico(normalized):
            return None
        self.company_registry = normalized
        if self.same_company_registry_partner_id:
            return self._duplicate_warning(self.same_company_registry_partner_id)
        if self.is_company and not self.parent_id:
            return {'warning': {
                'title': _('Fill from the register?'),
                'message': _('Click "Load from register" next to the IČO to fill the company from %(register)s.',
                             register=register._register_label(register._register_for_country(self.country_id))),
            }}
        return None

    @api.onchange('vat')
    def _onchange_vat_warn_duplicate(self):
        if self.same_vat_partner_id:
            return self._duplicate_warning(self.same_vat_partner_id)
        return None

    def _duplicate_warning(self, existing):
        return {'warning': {
            'title': _('This company may already exist'),
            'message': _('%(name)s already has this IČO or VAT number. Open it from the banner above instead of '
                         'entering the company twice.', name=existing.display_name),
        }}

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_company_registry(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_company_registry(vals))

    def _normalize_company_registry(self, vals):
        """An IČO typed with spaces is stored as the register prints it, so duplicates compare equal."""
        if vals.get('company_registry'):
            register = self.env['crm.company.register']
            normalized = register._normalize_ico(vals['company_registry'])
            if register._is_valid_ico(normalized):
                return dict(vals, company_registry=normalized)
        return vals

    def action_crm_load_from_register(self):
        self.ensure_one()
        return self.env['crm.company.register.load']._action_open_for(self)

    def _load_records(self, data_list, update=False):
        """An imported company whose IČO (or, without an IČO, VAT number) is known updates that company."""
        if self.env.context.get('import_file'):
            self._match_imported_companies(data_list)
        return super()._load_records(data_list, update=update)

    def _match_imported_companies(self, data_list):
        register = self.env['crm.company.register']
        unmatched = [
            data for data in data_list
            if not data.get('xml_id') and not data['values'].get('id') and not data['values'].get('parent_id')
        ]
        by_ico = {}
        by_vat = {}
        for data in unmatched:
            values = data['values']
            if values.get('company_registry'):
                by_ico.setdefault(register._normalize_ico(values['company_registry']), []).append(data)
            elif values.get('vat'):
                by_vat.setdefault(values['vat'].replace(' ', '').upper(), []).append(data)
        if not by_ico and not by_vat:
            return
        company_ids = [False, *self.env.companies.ids]
        existing = self.search([
            ('parent_id', '=', False), ('company_id', 'in', company_ids),
            '|', ('company_registry', 'in', list(by_ico)), ('vat', 'in', list(by_vat)),
        ], order='id')
        for partner in existing:
            for key, rows in ((partner.company_registry, by_ico), (partner.vat, by_vat)):
                for data in rows.pop(key, []) if key else []:
                    data['values']['id'] = partner.id
