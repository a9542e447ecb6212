import json
import logging
import time
from datetime import date, timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL, format_date

from .crm_company_register import RegisterUnavailable, notify_register_unavailable

_logger = logging.getLogger(__name__)

VAT_RELIABILITY = [
    ('reliable', 'Reliable VAT Payer'),
    ('unreliable', 'Unreliable VAT Payer'),
    ('not_registered', 'Not a VAT Payer'),
]
# What the nightly check follows in the registers. Name and address are only reported: the salesperson may
# have typed them on purpose and loads them from the register when they agree; the rest are the registers'
# own facts and are stored as they give them.
REPORTED_FIELDS = ('name', 'street', 'city', 'zip')
REGISTER_FACTS = ('crm_date_dissolved', 'crm_in_insolvency')
# A company checked less than this long ago is not asked again in the same night's run.
RECHECK_AFTER = timedelta(hours=20)


class ResPartner(models.Model):
    _inherit = 'res.partner'

    crm_legal_form = fields.Char('Legal Form', help='As the public register of companies names it.')
    crm_date_established = fields.Date('Date of Establishment')
    crm_date_dissolved = fields.Date(
        'Dissolved On', help='The date the public register of companies gives for the end of the company.'
    )
    crm_in_insolvency = fields.Boolean(
        'In Insolvency Proceedings',
        readonly=True,
        copy=False,
        help='The insolvency register, as ARES shows it, holds a proceeding about this company.',
    )
    crm_vat_reliability = fields.Selection(
        VAT_RELIABILITY,
        'VAT Payer Status',
        readonly=True,
        copy=False,
        help='As the Czech register of VAT payers last answered. Paying an unreliable payer, or to an account '
        'it has not published, makes the buyer liable for its VAT.',
    )
    crm_vat_unreliable_since = fields.Date('Unreliable Since', readonly=True, copy=False)
    crm_vat_checked_on = fields.Datetime('VAT Payer Checked On', readonly=True, copy=False)
    crm_published_bank_account_ids = fields.One2many(
        'crm.published.bank.account', 'partner_id', 'Published Bank Accounts', readonly=True, copy=False
    )
    crm_register_checked_on = fields.Datetime('Register Checked On', readonly=True, copy=False)
    # The registers' values at the last check, so that a change is reported once, when the register makes it.
    crm_register_snapshot = fields.Json('Register Values at the Last Check', copy=False)
    crm_register_lookup_enabled = fields.Boolean('Register Lookups On', compute='_compute_crm_register_lookup_enabled')

    @api.depends_context('company')
    def _compute_crm_register_lookup_enabled(self):
        self.crm_register_lookup_enabled = self.env.company.crm_register_lookup

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
        if not (self.is_company and not self.parent_id and self.crm_register_lookup_enabled):
            return None
        register_code = register._register_for_country(self.country_id)
        if not self.name:
            # "Load from register" saves the company first, which a company without its (required) name cannot:
            # the register names it, and the wizard compares the rest.
            try:
                self.name = register._lookup(normalized, register_code)['name']
            except RegisterUnavailable as error:
                return {
                    'warning': {
                        'type': 'notification',
                        'title': register._unavailable_title(),
                        'message': error.args[0],
                    }
                }
            except UserError as error:
                return {
                    'warning': {'type': 'notification', 'title': _('Fill from the register'), 'message': error.args[0]}
                }
        return {
            'warning': {
                'type': 'notification',
                'title': _('Fill from the register'),
                'message': _(
                    'Click "Load from register" next to the IČO to fill the company from %(register)s.',
                    register=register._register_label(register_code),
                ),
            }
        }

    @api.onchange('vat')
    def _onchange_vat_warn_duplicate(self):
        if self.same_vat_partner_id:
            return self._duplicate_warning(self.same_vat_partner_id)
        return None

    def _duplicate_warning(self, existing):
        return {
            'warning': {
                'title': _('This company may already exist'),
                'message': _(
                    '%(name)s already has this IČO or VAT number. Open it from the banner above instead of '
                    'entering the company twice.',
                    name=existing.display_name,
                ),
            }
        }

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

    @notify_register_unavailable
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
            data
            for data in data_list
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
        existing = self.search(
            [
                ('parent_id', '=', False),
                ('company_id', 'in', company_ids),
                '|',
                ('company_registry', 'in', list(by_ico)),
                ('vat', 'in', list(by_vat)),
            ],
            order='id',
        )
        for partner in existing:
            for key, rows in ((partner.company_registry, by_ico), (partner.vat, by_vat)):
                for data in rows.pop(key, []) if key else []:
                    data['values']['id'] = partner.id

    # --- the register of VAT payers ---

    @notify_register_unavailable
    def action_crm_check_vat_payer(self):
        if not any(self.env['crm.vat.payer.register']._czech_dic(partner.vat) for partner in self):
            raise UserError(
                _('Only a Czech VAT number (CZ and 8 to 10 digits) can be checked in the register of VAT payers.')
            )
        self.env['crm.company.register']._check_lookups_enabled()
        self._crm_update_vat_status()

    def _crm_update_vat_status(self):
        """Ask the register of VAT payers about these companies' Czech DIČ, in as few requests as it allows,
        and store its answers, in a number of queries that does not grow with the companies.

        :return: the previous status of each company whose status the answer changed
        """
        vat_register = self.env['crm.vat.payer.register']
        by_dic = {}
        for partner in self:
            if dic := vat_register._czech_dic(partner.vat):
                by_dic.setdefault(dic, self.browse())
                by_dic[dic] |= partner
        if not by_dic:
            return {}
        statuses = vat_register._statuses(by_dic)
        listed = {
            partner: sorted(
                (account.acc_number, account.date_published) for account in partner.crm_published_bank_account_ids
            )
            for partner in self
        }
        answered = self.browse()
        previous = {}
        stale_accounts = self.browse()
        new_accounts = []
        changed_status = {}
        for dic, partners in by_dic.items():
            if not (status := statuses.get(dic)):
                continue
            answered |= partners
            published = sorted((account['acc_number'], account['date_published']) for account in status['accounts'])
            key = (status['crm_vat_reliability'], status['crm_vat_unreliable_since'])
            for partner in partners:
                if partner.crm_vat_reliability != key[0]:
                    previous[partner] = partner.crm_vat_reliability
                if (partner.crm_vat_reliability, partner.crm_vat_unreliable_since) != key:
                    changed_status[key] = changed_status.get(key, self.browse()) | partner
                if listed[partner] != published:
                    stale_accounts |= partner
                    new_accounts += [
                        {'partner_id': partner.id, 'acc_number': number, 'date_published': date}
                        for number, date in published
                    ]
        stale_accounts.sudo().crm_published_bank_account_ids.unlink()
        self.env['crm.published.bank.account'].sudo().create(new_accounts)
        for (reliability, since), partners in changed_status.items():
            partners.sudo().write({'crm_vat_reliability': reliability, 'crm_vat_unreliable_since': since})
        answered.sudo().write({'crm_vat_checked_on': fields.Datetime.now()})
        return previous

    # --- the nightly check ---

    @api.model
    def _crm_register_watch_domain(self):
        """The companies the nightly check follows: Czech and Slovak companies with an IČO, of the companies
        that have the check switched on (shared contacts when any has)."""
        companies = self.env['res.company'].sudo().search([('crm_register_nightly_check', '=', True)])
        return Domain(
            [
                ('is_company', '=', True),
                ('parent_id', '=', False),
                ('company_registry', '!=', False),
                ('country_id.code', 'in', ('CZ', 'SK')),
                ('company_id', 'in', [*companies.ids, False] if companies else []),
            ]
        )

    @api.model
    def _cron_crm_register_recheck(self, batch_size=100):
        """Compare every followed company with the registers once a night, in batches committed one by one.
        A company the registers could not answer for keeps its last check date and is asked again next night."""
        tried = []
        while True:
            due = self._crm_register_watch_domain() & Domain(
                [
                    ('id', 'not in', tried),
                    '|',
                    ('crm_register_checked_on', '=', False),
                    ('crm_register_checked_on', '<', fields.Datetime.now() - RECHECK_AFTER),
                ]
            )
            partners = self.search(due, order='crm_register_checked_on asc nulls first, id', limit=batch_size)
            if not partners:
                return
            tried += partners.ids
            partners._crm_register_recheck()
            if not self.env['ir.cron']._commit_progress(len(partners)):
                return

    def _crm_register_recheck(self):
        """Compare these companies with the registers: store the registers' facts, post each change on the
        company with its old and new value, and give the salesperson an activity for the changes that matter."""
        answers = self._crm_register_answers()
        try:
            previous_vat = self._crm_update_vat_status()
        except UserError as error:
            _logger.warning('The VAT payer check of %s companies is left for the next run: %s', len(self), error)
            previous_vat = {}
        reports = {}
        for partner, old in previous_vat.items():
            # A first answer is news only when it says unreliable.
            if old or partner.crm_vat_reliability == 'unreliable':
                reports[partner] = {'crm_vat_reliability': (old, partner.crm_vat_reliability)}
        for partner, watched in answers.items():
            if changes := partner._crm_register_changes(watched):
                reports.setdefault(partner, {}).update(changes)
        for partner, changes in reports.items():
            partner._crm_register_report(changes)
        facts = {}
        for partner, values in answers.items():
            key = tuple(values[field] for field in REGISTER_FACTS)
            facts[key] = facts.get(key, self.browse()) | partner
        for values, partners in facts.items():
            changed = partners.filtered(
                lambda partner, values=values: tuple(partner[field] for field in REGISTER_FACTS) != values
            )
            changed.write(dict(zip(REGISTER_FACTS, values, strict=True)))
        self.browse([partner.id for partner in answers]).write({'crm_register_checked_on': fields.Datetime.now()})
        self._crm_register_store_snapshots(answers)

    def _crm_register_answers(self):
        """The registers' values of these companies by partner; the ones the registers cannot answer for now
        are left out. Czech companies are asked a hundred at a time, Slovak ones one by one at the pace the
        register allows."""
        register = self.env['crm.company.register']
        answers = {}
        by_register = self.grouped(lambda partner: register._register_for_country(partner.country_id))
        czech = by_register.get('ares', self.browse())
        for start in range(0, len(czech), 100):
            batch = czech[start : start + 100]
            try:
                found = register._lookup_ares_many(batch.mapped('company_registry'))
            except UserError as error:
                _logger.warning('ARES could not answer for %s companies, left for the next run: %s', len(batch), error)
                continue
            answers.update(
                (partner, found[partner.company_registry]) for partner in batch if partner.company_registry in found
            )
        interval = register._request_interval()
        for partner in by_register.get('rpo', self.browse()):
            try:
                if values := register._lookup_rpo(partner.company_registry):
                    answers[partner] = values
            except UserError as error:
                _logger.warning(
                    'RPO could not answer for %s, left for the next run: %s', partner.company_registry, error
                )
            time.sleep(interval)
        return {partner: self._crm_register_watched(values) for partner, values in answers.items()}

    @api.model
    def _crm_register_watched(self, values):
        watched = {field: values[field] or False for field in REPORTED_FIELDS}
        watched['crm_date_dissolved'] = values['crm_date_dissolved'] or False
        watched['crm_in_insolvency'] = values['crm_in_insolvency']
        return watched

    def _crm_register_changes(self, watched):
        """What changed since the last check, by field, as (old, new); before a first check, against what the
        company holds."""
        self.ensure_one()
        last = self.crm_register_snapshot or self._crm_register_snapshot_of(
            {field: self[field] or False for field in watched}
        )
        changes = {}
        for field, new in watched.items():
            old = last.get(field, False)
            new = new.isoformat() if isinstance(new, date) else new
            if (old or False) != (new or False):
                changes[field] = (old, new)
        return changes

    def _crm_register_report(self, changes):
        """Post the changes on the company; dissolution, insolvency and unreliability also give its
        salesperson an activity, since each changes whether and how the company may be paid or sold to."""
        self.ensure_one()
        items = Markup().join(
            Markup('<li>%s: %s → %s</li>')
            % (
                self._fields[field]._description_string(self.env),
                self._crm_register_display(field, old),
                self._crm_register_display(field, new),
            )
            for field, (old, new) in changes.items()
        )
        body = Markup('<p>%s</p><ul>%s</ul>') % (_('The public registers report changes of this company:'), items)
        if set(changes) & set(REPORTED_FIELDS):
            body += Markup('<p>%s</p>') % _('Use "Load from register" to take over the new name or address.')
        self.message_post(body=body, message_type='notification', subtype_xmlid='mail.mt_note')
        matters = (
            changes.get('crm_date_dissolved', (False, False))[1]
            or changes.get('crm_in_insolvency', (False, False))[1]
            or changes.get('crm_vat_reliability', (False, False))[1] == 'unreliable'
        )
        if matters and self.user_id:
            self.activity_schedule(
                'mail.mail_activity_data_todo',
                user_id=self.user_id.id,
                summary=_('Check %(company)s: the registers report a change that matters', company=self.name),
                note=body,
            )

    def _crm_register_display(self, field, value):
        if field == 'crm_date_dissolved':
            return format_date(self.env, value) if value else '-'
        if field == 'crm_in_insolvency':
            return _('Yes') if value else _('No')
        if field == 'crm_vat_reliability':
            return dict(self._fields[field]._description_selection(self.env)).get(value) or '-'
        return value or '-'

    @api.model
    def _crm_register_store_snapshots(self, answers):
        """Store the registers' values at this check, in one statement for the whole batch: the snapshot is
        internal, no other field depends on it."""
        if not answers:
            return
        self.flush_model(['crm_register_snapshot'])
        snapshots = SQL(', ').join(
            SQL('(%s, %s::jsonb)', partner.id, json.dumps(self._crm_register_snapshot_of(values)))
            for partner, values in answers.items()
        )
        self.env.cr.execute(
            SQL(
                'UPDATE res_partner SET crm_register_snapshot = snapshot.value '
                'FROM (VALUES %s) AS snapshot(id, value) WHERE res_partner.id = snapshot.id',
                snapshots,
            )
        )
        self.browse([partner.id for partner in answers]).invalidate_recordset(['crm_register_snapshot'])

    @api.model
    def _crm_register_snapshot_of(self, watched):
        return {field: value.isoformat() if isinstance(value, date) else value for field, value in watched.items()}
