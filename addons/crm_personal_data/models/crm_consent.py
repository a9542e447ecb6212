from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, split_every

# How long before its expiry a consent is renewed.
EXPIRY_NOTICE_DAYS = 30
RECONSENT_BATCH_SIZE = 500


class CrmConsent(models.Model):
    """One statement of a contact about one processing purpose. The register is append-only: a withdrawal is a new
    record, so the records of a contact and purpose, by date, are the proof of what was agreed when and by whom."""

    _name = 'crm.consent'
    _description = 'Consent Record'
    _order = 'date desc, id desc'
    _check_company_auto = True

    partner_id = fields.Many2one(
        'res.partner', string='Contact', required=True, index=True, ondelete='restrict', check_company=True
    )
    purpose_id = fields.Many2one('crm.processing.purpose', required=True, index=True, ondelete='restrict')
    state = fields.Selection(
        [
            ('given', 'Given'),
            ('withdrawn', 'Withdrawn'),
        ],
        string='Consent',
        required=True,
        default='given',
    )
    date = fields.Datetime(
        required=True,
        default=fields.Datetime.now,
        index=True,
        help='When the contact gave or withdrew the consent.',
    )
    channel = fields.Selection(
        [
            ('form', 'Form'),
            ('email', 'E-mail'),
            ('phone', 'Phone'),
            ('paper', 'Paper'),
        ],
        required=True,
        default='form',
    )
    user_id = fields.Many2one(
        'res.users', string='Recorded By', required=True, readonly=True, default=lambda self: self.env.user
    )
    interaction_id = fields.Many2one(
        'crm.interaction',
        string='Evidence Interaction',
        index='btree_not_null',
        ondelete='restrict',
        check_company=True,
    )
    attachment_id = fields.Many2one('ir.attachment', string='Evidence Document', ondelete='restrict')
    note = fields.Text()
    expiry_date = fields.Date(
        'Expires On',
        compute='_compute_expiry_date',
        store=True,
        help="The date of the consent plus the purpose's consent validity.",
    )
    is_current = fields.Boolean(
        'Current',
        compute='_compute_is_current',
        search='_search_is_current',
        help='The latest record of this contact and purpose in its company.',
    )
    is_expiring = fields.Boolean('Expiring Soon', compute='_compute_is_expiring', search='_search_is_expiring')
    company_id = fields.Many2one('res.company', required=True, index=True, default=lambda self: self.env.company)

    @api.depends('state', 'date', 'purpose_id.consent_validity_months')
    def _compute_expiry_date(self):
        for consent in self:
            months = consent.purpose_id.consent_validity_months
            consent.expiry_date = (
                consent.state == 'given'
                and months
                and consent.date
                and consent.date.date() + relativedelta(months=months)
            )

    def _compute_is_current(self):
        current_ids = set(self._current_ids())
        for consent in self:
            consent.is_current = consent.id in current_ids

    def _search_is_current(self, operator, value):
        if operator != 'in':
            return NotImplemented
        return [('id', 'in', self._current_ids_query())]

    def _compute_is_expiring(self):
        expiring = self.filtered_domain(self._expiring_domain())
        for consent in self:
            consent.is_expiring = consent in expiring

    def _search_is_expiring(self, operator, value):
        if operator != 'in':
            return NotImplemented
        return self._expiring_domain()

    def _expiring_domain(self):
        today = fields.Date.context_today(self)
        return [
            ('state', '=', 'given'),
            ('expiry_date', '>=', today),
            ('expiry_date', '<=', today + relativedelta(days=EXPIRY_NOTICE_DAYS)),
            ('is_current', 'in', [True]),
        ]

    def _current_ids_query(self, partner_ids=None):
        """The latest record per contact, purpose and company, as SQL selecting its id."""
        self.env['crm.consent'].flush_model(['partner_id', 'purpose_id', 'company_id', 'date'])
        condition = SQL('partner_id IN %s', tuple(partner_ids)) if partner_ids else SQL('TRUE')
        return SQL(
            """SELECT DISTINCT ON (partner_id, purpose_id, company_id) id
                 FROM crm_consent
                WHERE %s
                ORDER BY partner_id, purpose_id, company_id, date DESC, id DESC""",
            condition,
        )

    def _current_ids(self):
        if not self.ids:
            return []
        return [row[0] for row in self.env.execute_query(self._current_ids_query(self.partner_id.ids))]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Who recorded a statement is who is logged in, whatever a client sends; only the system itself
            # (demo data, imports run as superuser) names someone else.
            if not self.env.su or not vals.get('user_id'):
                vals['user_id'] = self.env.uid
        self._check_contacts_exist(vals_list)
        consents = super().create(vals_list)
        consents._check_evidence_access()
        consents._apply_mail_blacklist()
        return consents

    def write(self, vals):  # pylint: disable=method-required-super  # a consent is never changed, by anyone
        raise UserError(
            _(
                'A consent record cannot be changed: record a new statement (a withdrawal or a new '
                'consent) instead, so the history stays as it was.'
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(_('Consent records are the proof of what a contact agreed to and cannot be deleted.'))

    @api.constrains('date')
    def _check_date_not_in_future(self):
        now = fields.Datetime.now()
        for consent in self:
            if consent.date > now:
                raise ValidationError(
                    _(
                        'A consent statement cannot be dated in the future (%(date)s).',
                        date=fields.Datetime.to_string(consent.date),
                    )
                )

    @api.constrains('state', 'date')
    def _check_withdrawal_after_consent(self):
        """A withdrawal cannot predate the consent it withdraws: the latest consent recorded before it."""
        withdrawals = self.filtered(lambda consent: consent.state == 'withdrawn')
        if not withdrawals:
            return
        self.flush_model()
        rows = self.env.execute_query(
            SQL(
                """SELECT withdrawal.id, consent.date
                 FROM crm_consent withdrawal
                 JOIN LATERAL (
                       SELECT given.date FROM crm_consent given
                        WHERE given.partner_id = withdrawal.partner_id
                          AND given.purpose_id = withdrawal.purpose_id
                          AND given.company_id = withdrawal.company_id
                          AND given.state = 'given' AND given.id < withdrawal.id
                        ORDER BY given.date DESC, given.id DESC LIMIT 1) consent ON consent.date > withdrawal.date
                WHERE withdrawal.id IN %s
                LIMIT 1""",
                tuple(withdrawals.ids),
            )
        )
        if rows:
            [(withdrawal_id, consent_date)] = rows
            withdrawal = self.browse(withdrawal_id)
            raise ValidationError(
                _(
                    'The withdrawal of %(contact)s for "%(purpose)s" is dated %(date)s, before the consent it '
                    'withdraws (%(consent_date)s).',
                    contact=withdrawal.partner_id.display_name,
                    purpose=withdrawal.purpose_id.name,
                    date=fields.Datetime.to_string(withdrawal.date),
                    consent_date=fields.Datetime.to_string(consent_date),
                )
            )

    @api.constrains('partner_id', 'interaction_id')
    def _check_interaction_of_contact(self):
        for consent in self.filtered('interaction_id'):
            if consent.interaction_id.commercial_partner_id != consent.partner_id.commercial_partner_id:
                raise ValidationError(
                    _(
                        'The evidence interaction "%(interaction)s" is not with %(contact)s or their company.',
                        interaction=consent.interaction_id.display_name,
                        contact=consent.partner_id.display_name,
                    )
                )

    def _check_contacts_exist(self, vals_list):
        partner_ids = {vals.get('partner_id') for vals in vals_list}
        if not all(isinstance(partner_id, int) for partner_id in partner_ids) or (
            len(self.env['res.partner'].browse(partner_ids).exists()) != len(partner_ids)
        ):
            raise ValidationError(_('A consent record needs the id of an existing contact.'))

    def _check_evidence_access(self):
        # Linking a document is showing it next to the consent: only one the recording user may read.
        self.partner_id.check_access('read')
        self.interaction_id.check_access('read')
        self.attachment_id.check_access('read')

    def _apply_mail_blacklist(self):
        """The current statement about a mass e-mail purpose decides whether the address is blacklisted."""
        current = self.filtered(
            lambda consent: consent.purpose_id.blacklist_on_withdrawal and consent.partner_id.email_normalized
        )
        current = current.browse(set(current._current_ids()) & set(current.ids))
        blacklist = self.env['mail.blacklist'].sudo()
        for consent in current:
            message = _(
                '%(state)s for "%(purpose)s" via %(channel)s, recorded by %(user)s.',
                state=consent._selection_label('state'),
                purpose=consent.purpose_id.name,
                channel=consent._selection_label('channel'),
                user=consent.user_id.name,
            )
            if consent.state == 'withdrawn':
                blacklist._add(consent.partner_id.email_normalized, message=message)
            else:
                blacklist._remove(consent.partner_id.email_normalized, message=message)

    def _selection_label(self, field_name):
        return dict(self._fields[field_name]._description_selection(self.env))[self[field_name]]

    @api.model
    def _cron_request_reconsent(self):
        expiring = self.sudo().search(self._expiring_domain(), order='partner_id, id')
        for batch in split_every(RECONSENT_BATCH_SIZE, expiring.ids, self.browse):
            batch._request_reconsent()
            self.env['ir.cron']._commit_progress(len(batch))

    def _request_reconsent(self):
        """Schedule one re-consent task per contact whose consents expire soon, unless one is already open."""
        activity_type = self.env.ref('crm_personal_data.mail_activity_type_reconsent')
        partners = self.partner_id
        waiting = set(
            self.env['mail.activity']
            .sudo()
            .search(
                [
                    ('res_model', '=', 'res.partner'),
                    ('res_id', 'in', partners.ids),
                    ('activity_type_id', '=', activity_type.id),
                ]
            )
            .mapped('res_id')
        )
        consents_by_partner = self.grouped('partner_id')
        self.env['mail.activity'].sudo().create(
            [
                partner._reconsent_activity_values(consents_by_partner[partner], activity_type)
                for partner in partners
                if partner.id not in waiting
            ]
        )
