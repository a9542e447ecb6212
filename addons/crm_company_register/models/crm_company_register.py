import functools
import logging
import re

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

ICO_LENGTH = 8
# The registers answer busy or restarting with a 5xx status, and a connection may drop; a short backoff gets
# most of those through. A register that is merely slow is not asked twice: the salesperson would wait twice.
RETRIES = Retry(
    total=2,
    connect=2,
    read=0,
    status=2,
    backoff_factor=0.5,
    status_forcelist=(500, 502, 503, 504),
    allowed_methods=frozenset({'GET', 'POST'}),
    raise_on_status=False,
)

# ARES gives the legal form as a code of the Czech Statistical Office's codebook; these are the forms of nearly
# every company a salesperson meets. Their names are the legal names, which are Czech in any language.
ARES_LEGAL_FORMS = {
    '101': 'Fyzická osoba podnikající dle živnostenského zákona',
    '111': 'Veřejná obchodní společnost',
    '112': 'Společnost s ručením omezeným',
    '113': 'Komanditní společnost',
    '121': 'Akciová společnost',
    '141': 'Obecně prospěšná společnost',
    '145': 'Společenství vlastníků jednotek',
    '205': 'Družstvo',
    '301': 'Státní podnik',
    '331': 'Příspěvková organizace',
    '706': 'Spolek',
    '801': 'Obec',
}

# NACE divisions (the first two digits of a code) by section, as in the NACE Rev. 2 classification that
# CZ-NACE and SK NACE both follow.
NACE_SECTIONS = (
    ('A', 1, 3),
    ('B', 5, 9),
    ('C', 10, 33),
    ('D', 35, 35),
    ('E', 36, 39),
    ('F', 41, 43),
    ('G', 45, 47),
    ('H', 49, 53),
    ('I', 55, 56),
    ('J', 58, 63),
    ('K', 64, 66),
    ('L', 68, 68),
    ('M', 69, 75),
    ('N', 77, 82),
    ('O', 84, 84),
    ('P', 85, 85),
    ('Q', 86, 88),
    ('R', 90, 93),
    ('S', 94, 96),
    ('T', 97, 98),
    ('U', 99, 99),
)
# Divisions for which crm_extended presets an industry narrower than the section's.
NACE_DIVISION_INDUSTRIES = {
    61: 'crm_extended.res_partner_industry_telecommunications',
    86: 'crm_extended.res_partner_industry_healthcare',
}


class RegisterUnavailable(UserError):
    """A register that cannot answer right now: out of reach, refusing, down for maintenance or answering what
    cannot be read. The salesperson tries again later and saves the company without it meanwhile."""


def notify_register_unavailable(action):
    """Decorate a button that asks a register: a register that cannot answer is told in a warning titled so,
    instead of Odoo's error dialog titled "Invalid Operation", and what the button wrote is undone as a raise
    would."""

    @functools.wraps(action)
    def wrapper(self, *args, **kwargs):
        try:
            with self.env.cr.savepoint():
                return action(self, *args, **kwargs)
        except RegisterUnavailable as error:
            return {
                'type': 'ir.actions.client',
                'tag': 'display_notification',
                'params': {
                    'title': self.env['crm.company.register']._unavailable_title(),
                    'message': error.args[0],
                    'type': 'warning',
                    'sticky': True,
                },
            }

    return wrapper


class CrmCompanyRegister(models.AbstractModel):
    """The public registers of companies: ARES for Czech and RPO for Slovak ones, asked over their REST APIs.

    Every lookup answers a dict of partner values in the registers' common shape (see ``_company_values``), so
    the wizard does not care which register it came from.
    """

    _name = 'crm.company.register'
    _description = 'Public Register of Companies'

    @api.model
    def _normalize_ico(self, ico):
        """The IČO without the spaces people type into it, zero-padded as the registers print old short ones."""
        ico = re.sub(r'\s', '', ico or '')
        if ico.isdigit() and len(ico) < ICO_LENGTH:
            ico = ico.zfill(ICO_LENGTH)
        return ico

    @api.model
    def _is_valid_ico(self, ico):
        """Czech and Slovak IČO share one rule: eight digits, the last a mod-11 check of the weighted others."""
        if not (ico and len(ico) == ICO_LENGTH and ico.isdigit()):
            return False
        remainder = sum(int(digit) * weight for digit, weight in zip(ico[:7], range(8, 1, -1), strict=True)) % 11
        return int(ico[7]) == (11 - remainder) % 10

    @api.model
    def _check_ico(self, ico):
        normalized = self._normalize_ico(ico)
        if not self._is_valid_ico(normalized):
            raise ValidationError(
                _(
                    '"%(ico)s" is not a valid IČO: it has eight digits, the last one a check digit of the others.',
                    ico=ico or '',
                )
            )
        return normalized

    @api.model
    def _register_for_country(self, country):
        country = country or self.env.company.country_id
        return 'rpo' if country.code == 'SK' else 'ares'

    @api.model
    def _register_label(self, register):
        return {
            'rpo': _('RPO (Slovakia)'),
            'adis': _('ADIS (Czech register of VAT payers)'),
        }.get(register) or _('ARES (Czech Republic)')

    @api.model
    def _unavailable_title(self):
        return _('Register unreachable')

    # --- HTTP ---

    @api.model
    def _base_url(self, register):
        parameter = self.env['ir.config_parameter'].sudo().get_param(f'crm_company_register.{register}_url')
        return (parameter or '').rstrip('/')

    @api.model
    def _timeout(self):
        return float(self.env['ir.config_parameter'].sudo().get_param('crm_company_register.timeout') or 10)

    @api.model
    def _request_interval(self):
        """Seconds between two requests of a batch, so that the nightly check stays within a register's rate
        limit."""
        return float(self.env['ir.config_parameter'].sudo().get_param('crm_company_register.request_interval') or 0)

    @api.model
    def _check_lookups_enabled(self):
        if not self.env.company.crm_register_lookup:
            raise UserError(
                _(
                    'Lookups in the public registers are switched off for %(company)s in Settings.',
                    company=self.env.company.name,
                )
            )

    @api.model
    def _http_session(self):
        session = requests.Session()
        adapter = HTTPAdapter(max_retries=RETRIES)
        session.mount('http://', adapter)
        session.mount('https://', adapter)
        return session

    @api.model
    def _request_json(self, register, method, path, *, not_found_ok=False, **kwargs):
        """Ask a register and return its JSON answer, or None when it says the subject is not there.

        Whatever goes wrong on the way becomes a RegisterUnavailable that tells the salesperson to try again later;
        the cause goes to the log for the administrator.
        """
        url = f'{self._base_url(register)}/{path}'
        label = self._register_label(register)
        try:
            with self._http_session() as session:
                response = session.request(
                    method, url, timeout=self._timeout(), headers={'Accept': 'application/json'}, **kwargs
                )
        except requests.exceptions.RequestException as error:
            _logger.warning('Register %s could not be reached at %s: %s', register, url, error)
            raise RegisterUnavailable(
                _(
                    'The register %(register)s cannot be reached right now. Try again later; the contact can be '
                    'saved without it.',
                    register=label,
                )
            ) from error
        if response.status_code == 404 and not_found_ok:
            return None
        if response.status_code >= 400:
            _logger.warning(
                'Register %s answered %s at %s: %s', register, response.status_code, url, response.text[:500]
            )
            raise RegisterUnavailable(
                _(
                    'The register %(register)s refused the request (HTTP %(status)s). Try again later; the contact '
                    'can be saved without it.',
                    register=label,
                    status=response.status_code,
                )
            )
        try:
            return response.json()
        except ValueError as error:
            _logger.warning(
                'Register %s answered something else than JSON at %s: %s', register, url, response.text[:500]
            )
            raise self._malformed_answer(register) from error

    @api.model
    def _malformed_answer(self, register):
        return RegisterUnavailable(
            _(
                'The register %(register)s gave an answer that cannot be read. Try again later; the contact can be '
                'saved without it.',
                register=self._register_label(register),
            )
        )

    # --- lookups ---

    @api.model
    def _lookup(self, ico, register):
        """The company with this IČO in the register, as partner values; a UserError when it is not there."""
        self._check_lookups_enabled()
        ico = self._check_ico(ico)
        values = self._lookup_rpo(ico) if register == 'rpo' else self._lookup_ares(ico)
        if values is None:
            raise UserError(
                _(
                    'The register %(register)s has no company with the IČO %(ico)s.',
                    register=self._register_label(register),
                    ico=ico,
                )
            )
        return values

    @api.model
    def _lookup_ares(self, ico):
        subject = self._request_json('ares', 'GET', f'ekonomicke-subjekty/{ico}', not_found_ok=True)
        return None if subject is None else self._parse_ares_subject(subject)

    @api.model
    def _search_ares(self, name):
        """Up to ten companies whose name matches, as partner values."""
        self._check_lookups_enabled()
        name = (name or '').strip()
        if len(name) < 3:
            raise UserError(_('Type at least three letters of the company name to search for it.'))
        answer = self._request_json(
            'ares', 'POST', 'ekonomicke-subjekty/vyhledat', json={'obchodniJmeno': name, 'pocet': 10, 'start': 0}
        )
        subjects = answer.get('ekonomickeSubjekty') if isinstance(answer, dict) else None
        if not isinstance(subjects, list):
            raise self._malformed_answer('ares')
        return [self._parse_ares_subject(subject) for subject in subjects]

    @api.model
    def _lookup_ares_many(self, icos):
        """The companies of up to 100 valid IČO in one request, as partner values by IČO; the ones ARES does not
        know are left out. A subject that cannot be read is left out too, so one bad record never hides the others.
        """
        answer = self._request_json(
            'ares', 'POST', 'ekonomicke-subjekty/vyhledat', json={'ico': list(icos), 'pocet': len(icos), 'start': 0}
        )
        subjects = answer.get('ekonomickeSubjekty') if isinstance(answer, dict) else None
        if not isinstance(subjects, list):
            raise self._malformed_answer('ares')
        found = {}
        for subject in subjects:
            try:
                values = self._parse_ares_subject(subject)
            except UserError:
                _logger.warning('ARES answered an unreadable subject in a batch: %s', str(subject)[:500])
                continue
            found[values['company_registry']] = values
        return found

    @api.model
    def _lookup_rpo(self, ico):
        answer = self._request_json('rpo', 'GET', 'search', params={'identifier': ico})
        results = answer.get('results') if isinstance(answer, dict) else None
        if not isinstance(results, list):
            raise self._malformed_answer('rpo')
        if not results:
            return None
        entity_id = results[0].get('id') if isinstance(results[0], dict) else None
        if not entity_id:
            raise self._malformed_answer('rpo')
        entity = self._request_json('rpo', 'GET', f'entity/{entity_id}')
        return self._parse_rpo_entity(entity)

    # --- answers ---

    @api.model
    def _company_values(
        self,
        *,
        ico,
        name,
        street=False,
        city=False,
        zip_code=False,
        country_code=False,
        vat=False,
        legal_form=False,
        date_established=False,
        date_dissolved=False,
        nace_codes=(),
        in_insolvency=False,
    ):
        return {
            'company_registry': ico,
            'name': name,
            'street': street or False,
            'city': city or False,
            'zip': zip_code or False,
            'country_code': country_code or False,
            'vat': vat or False,
            'crm_legal_form': legal_form or False,
            'crm_date_established': fields.Date.to_date(date_established) if date_established else False,
            'crm_date_dissolved': fields.Date.to_date(date_dissolved) if date_dissolved else False,
            'nace_codes': [code for code in nace_codes if isinstance(code, str)],
            'crm_in_insolvency': bool(in_insolvency),
        }

    @api.model
    def _parse_ares_subject(self, subject):
        if not isinstance(subject, dict) or not subject.get('ico') or not subject.get('obchodniJmeno'):
            raise self._malformed_answer('ares')
        seat = subject.get('sidlo') or {}
        if not isinstance(seat, dict):
            raise self._malformed_answer('ares')
        # A village without named streets numbers its houses within the village part: "Lhota 12".
        street_name = seat.get('nazevUlice') or seat.get('nazevCastiObce') or ''
        number = str(seat.get('cisloDomovni') or '')
        if seat.get('cisloOrientacni'):
            number = f"{number}/{seat['cisloOrientacni']}{seat.get('cisloOrientacniPismeno') or ''}"
        psc = str(seat.get('psc') or '')
        legal_form = str(subject.get('pravniForma') or '')
        nace_codes = subject.get('czNace') or []
        if subject.get('czNacePrevazujici'):
            nace_codes = [subject['czNacePrevazujici'], *nace_codes]
        # The insolvency register (ISIR) is one of ARES's sources: "AKTIVNI" means it holds a proceeding.
        registrations = subject.get('seznamRegistraci')
        in_insolvency = isinstance(registrations, dict) and registrations.get('stavZdrojeIsir') == 'AKTIVNI'
        try:
            return self._company_values(
                ico=subject['ico'],
                name=subject['obchodniJmeno'],
                street=' '.join(part for part in (street_name, number) if part),
                city=seat.get('nazevObce'),
                zip_code=f'{psc[:3]} {psc[3:]}' if len(psc) == 5 else psc,
                country_code=seat.get('kodStatu'),
                vat=subject.get('dic'),
                legal_form=ARES_LEGAL_FORMS.get(legal_form, legal_form),
                date_established=subject.get('datumVzniku'),
                date_dissolved=subject.get('datumZaniku'),
                nace_codes=nace_codes if isinstance(nace_codes, list) else [],
                in_insolvency=in_insolvency,
            )
        except ValueError as error:
            raise self._malformed_answer('ares') from error

    @api.model
    def _parse_rpo_entity(self, entity):
        """RPO keeps every value with its history; the current one is the one that has no end (validTo)."""
        if not isinstance(entity, dict):
            raise self._malformed_answer('rpo')

        def current(key):
            entries = [entry for entry in entity.get(key) or [] if isinstance(entry, dict)]
            return next((entry for entry in entries if not entry.get('validTo')), entries[-1] if entries else {})

        ico = current('identifiers').get('value')
        name = current('fullNames').get('value')
        if not ico or not name:
            raise self._malformed_answer('rpo')
        address = current('addresses')
        number = '/'.join(str(part) for part in (address.get('regNumber'), address.get('buildingNumber')) if part)
        postal_codes = address.get('postalCodes') or ['']
        psc = str(postal_codes[0])
        legal_form = current('legalForms').get('value') or {}
        main_activity = (entity.get('statisticalCodes') or {}).get('mainActivity') or {}
        try:
            return self._company_values(
                ico=ico,
                name=name,
                street=' '.join(part for part in (address.get('street') or '', number) if part),
                city=(address.get('municipality') or {}).get('value'),
                zip_code=f'{psc[:3]} {psc[3:]}' if len(psc) == 5 else psc,
                country_code='SK',
                legal_form=legal_form.get('value'),
                date_established=entity.get('establishment'),
                date_dissolved=entity.get('termination'),
                nace_codes=[main_activity['code']] if main_activity.get('code') else [],
            )
        except (ValueError, AttributeError) as error:
            raise self._malformed_answer('rpo') from error

    @api.model
    def _industry_for_nace(self, nace_codes):
        """The industry of the first code that names a NACE division, or an empty record when none maps."""
        for code in nace_codes:
            if len(code) < 2 or not code[:2].isdigit():
                continue
            division = int(code[:2])
            xmlid = NACE_DIVISION_INDUSTRIES.get(division) or next(
                (
                    f'base.res_partner_industry_{section}'
                    for section, first, last in NACE_SECTIONS
                    if first <= division <= last
                ),
                None,
            )
            industry = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
            if industry and industry.active:
                return industry
        return self.env['res.partner.industry']
