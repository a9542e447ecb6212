"""The public registers on a loopback port for the nightly-check item: answers in the registers' documented
formats (ARES's JSON search answer, the register of VAT payers' SOAP answer), built from the recorded answers the
addon's tests replay, for whichever companies a batch asks about. Loopback only; stopped by the item."""

import copy
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.addons.crm_company_register.tests.common import DATA

ARES_SUBJECT = json.loads((DATA / 'ares_27082440.json').read_text())
ADIS_PAYER = (
    '<statusPlatceDPH dic="{dic}" nespolehlivyPlatce="NE" cisloFu="004"><zverejneneUcty>'
    '<ucet datumZverejneni="2013-04-01"><standardniUcet cislo="{dic}" kodBanky="2700"/></ucet>'
    '</zverejneneUcty></statusPlatceDPH>'
)
ADIS_ANSWER = (
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope '
    'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>'
    '<StatusNespolehlivyPlatceResponse xmlns="http://adis.mfcr.cz/rozhraniCRPDPH/">'
    '<status odpovedGenerovana="2026-11-30" statusCode="0" statusText="OK"/>{payers}'
    '</StatusNespolehlivyPlatceResponse></soapenv:Body></soapenv:Envelope>'
)


def ares_subject(ico):
    subject = copy.deepcopy(ARES_SUBJECT)
    subject.update(ico=ico, icoId=ico, dic=f'CZ{ico}', obchodniJmeno=f'Firma {ico} s.r.o.')
    return subject


class RegisterHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length') or 0)).decode()
        if self.path.startswith('/ares/'):
            icos = json.loads(body).get('ico') or []
            content = json.dumps({'pocetCelkem': len(icos), 'ekonomickeSubjekty': [ares_subject(ico) for ico in icos]})
            content_type = 'application/json'
        else:
            payers = ''.join(ADIS_PAYER.format(dic=dic) for dic in re.findall(r'<(?:\w+:)?dic>(\d+)<', body))
            content, content_type = ADIS_ANSWER.format(payers=payers), 'text/xml; charset=UTF-8'
        content = content.encode()
        self.send_response(200)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format, *args):
        """Silent: the benchmark prints its own progress."""


class ReplayedRegisters:
    """``with ReplayedRegisters(env):`` points the addon at the loopback registers for the block."""

    def __init__(self, env):
        self.env = env
        self.server = ThreadingHTTPServer(('127.0.0.1', 0), RegisterHandler)

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        url = f'http://127.0.0.1:{self.server.server_address[1]}'
        parameters = self.env['ir.config_parameter'].sudo()
        for register in ('ares', 'adis'):
            parameters.set_param(f'crm_company_register.{register}_url', f'{url}/{register}')
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()
