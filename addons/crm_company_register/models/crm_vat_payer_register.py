import logging
import re
from pathlib import Path

import requests
import zeep
import zeep.exceptions
from lxml import etree

from odoo import _, api, models

from .crm_company_register import RegisterUnavailable

_logger = logging.getLogger(__name__)

WSDL = Path(__file__).parent.parent / 'wsdl' / 'rozhraniCRPDPH.wsdl'
BINDING = '{http://adis.mfcr.cz/rozhraniCRPDPH/}rozhraniCRPDPHSOAP'
# The service answers at most 100 DIČ per request (its status code 1 says it cut the rest off).
BATCH_SIZE = 100
# Status codes of the answer: 0 OK, 1 OK but only the first 100, 2 maintenance (0:00-0:10), 3 unavailable.
SERVICE_DOWN_CODES = (2, 3)
RELIABILITY = {'NE': 'reliable', 'ANO': 'unreliable', 'NENALEZEN': 'not_registered'}
DOMESTIC_ACCOUNT = re.compile(r'^(?:(\d{1,6})-)?(\d{1,10})/(\d{4})$')


class CrmVatPayerRegister(models.AbstractModel):
    """The Czech register of VAT payers (ADIS, rozhraniCRPDPH): whether a payer is unreliable, and the bank
    accounts it has published. Paying an unreliable payer, or paying to an account it has not published, makes
    the buyer liable for the supplier's VAT, which is why the answer is shown wherever money moves."""

    _name = 'crm.vat.payer.register'
    _description = 'Register of VAT Payers'

    @api.model
    def _czech_dic(self, vat):
        """The digits of a Czech VAT number (DIČ), as the service asks for them, or False for any other."""
        vat = re.sub(r'\s', '', vat or '').upper()
        match = re.fullmatch(r'CZ(\d{8,10})', vat)
        return match and match.group(1)

    @api.model
    def _domestic_account(self, account_number):
        """An account number in the one form the service publishes: [prefix-]number/bank without leading zeros,
        from either that form or a Czech IBAN, so that an account typed either way compares equal."""
        number = re.sub(r'\s', '', account_number or '').upper()
        if re.fullmatch(r'CZ\d{22}', number):
            prefix, account, bank = number[8:14], number[14:], number[4:8]
        else:
            match = DOMESTIC_ACCOUNT.fullmatch(number)
            if not match:
                return number
            prefix, account, bank = match.group(1) or '0', match.group(2), match.group(3)
        account = str(int(account))
        return f'{int(prefix)}-{account}/{bank}' if int(prefix) else f'{account}/{bank}'

    @api.model
    def _service(self, session):
        parameters = self.env['ir.config_parameter'].sudo()
        timeout = self.env['crm.company.register']._timeout()
        transport = zeep.Transport(session=session, timeout=timeout, operation_timeout=timeout)
        client = zeep.Client(str(WSDL), transport=transport)
        return client.create_service(BINDING, parameters.get_param('crm_company_register.adis_url'))

    @api.model
    def _statuses(self, dics):
        """The register's answer for these DIČ (digits only), by DIČ: reliability, since when a payer is
        unreliable, and its published bank accounts. A DIČ the answer does not mention is left out.
        Whatever goes wrong on the way is a RegisterUnavailable that tells the user to try again later."""
        statuses = {}
        dics = list(dict.fromkeys(dics))
        for start in range(0, len(dics), BATCH_SIZE):
            statuses.update(self._statuses_batch(dics[start : start + BATCH_SIZE]))
        return statuses

    @api.model
    def _statuses_batch(self, dics):
        register = self.env['crm.company.register']
        label = register._register_label('adis')
        try:
            with register._http_session() as session:
                answer = self._service(session).getStatusNespolehlivyPlatce(dic=dics)
        except requests.exceptions.RequestException as error:
            _logger.warning('The register of VAT payers could not be reached: %s', error)
            raise RegisterUnavailable(
                _(
                    'The register %(register)s cannot be reached right now. Try again later; the contact can be '
                    'saved without it.',
                    register=label,
                )
            ) from error
        except zeep.exceptions.TransportError as error:
            # zeep reports an answer that is not XML at all as a transport error of the HTTP status it came with.
            if error.status_code < 400:
                _logger.warning('The register of VAT payers gave an answer that cannot be read: %s', error)
                raise register._malformed_answer('adis') from error
            _logger.warning('The register of VAT payers refused the request: %s', error)
            raise RegisterUnavailable(
                _(
                    'The register %(register)s refused the request. Try again later; the contact can be saved '
                    'without it.',
                    register=label,
                )
            ) from error
        except zeep.exceptions.Fault as error:
            _logger.warning('The register of VAT payers refused the request: %s', error)
            raise RegisterUnavailable(
                _(
                    'The register %(register)s refused the request. Try again later; the contact can be saved '
                    'without it.',
                    register=label,
                )
            ) from error
        except (zeep.exceptions.Error, etree.LxmlError, ValueError) as error:
            _logger.warning('The register of VAT payers gave an answer that cannot be read: %s', error)
            raise register._malformed_answer('adis') from error
        if answer.status is None:
            raise register._malformed_answer('adis')
        if answer.status.statusCode in SERVICE_DOWN_CODES:
            _logger.warning('The register of VAT payers is down: %s', answer.status.statusText)
            raise RegisterUnavailable(
                _(
                    'The register %(register)s is down for maintenance right now. Try again in a few minutes; the '
                    'contact can be saved without it.',
                    register=label,
                )
            )
        return {payer.dic: self._payer_status(payer) for payer in answer.statusPlatceDPH or []}

    @api.model
    def _payer_status(self, payer):
        accounts = []
        for account in payer.zverejneneUcty.ucet if payer.zverejneneUcty else []:
            if account.datumZverejneniUkonceni:
                continue
            if account.standardniUcet:
                standard = account.standardniUcet
                number = self._domestic_account(
                    f"{standard.predcisli + '-' if standard.predcisli else ''}{standard.cislo}/{standard.kodBanky}"
                )
            else:
                number = re.sub(r'\s', '', account.nestandardniUcet.cislo).upper()
            accounts.append({'acc_number': number, 'date_published': account.datumZverejneni})
        return {
            'crm_vat_reliability': RELIABILITY[payer.nespolehlivyPlatce],
            'crm_vat_unreliable_since': payer.datumZverejneniNespolehlivosti or False,
            'accounts': accounts,
        }
