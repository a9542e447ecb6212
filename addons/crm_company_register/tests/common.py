import json
import pathlib
import socket
import threading
import time
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user

DATA = pathlib.Path(__file__).parent / 'data'


class RecordedRegisterServer(ThreadingHTTPServer):
    """The registers' HTTP side on a loopback port, replaying recorded answers from tests/data.

    ``routes`` maps (method, path with query) to a list of (status, file name, delay in seconds); each request
    takes the next answer of its route, the last one repeating, so a route can fail first and answer later.
    Unknown paths answer like ARES does for an unknown subject. ``requests`` keeps what was asked.
    """

    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(('127.0.0.1', 0), RecordedRegisterHandler)
        self.routes = {}
        self.requests = []

    @property
    def url(self):
        return f'http://127.0.0.1:{self.server_address[1]}'

    def answer(self, method, path):
        answers = self.routes.get((method, path)) or [(404, 'ares_not_found.json', 0)]
        return answers.pop(0) if len(answers) > 1 else answers[0]


class RecordedRegisterHandler(BaseHTTPRequestHandler):
    def _reply(self, method):
        body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        self.server.requests.append((method, self.path, self._decode(body)))
        status, name, delay = self.server.answer(method, self.path)
        time.sleep(delay)
        content = (DATA / name).read_bytes()
        self.send_response(status)
        content_type = {'.json': 'application/json', '.xml': 'text/xml; charset=UTF-8'}.get(
            pathlib.Path(name).suffix, 'text/html'
        )
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    @staticmethod
    def _decode(body):
        """A JSON body as data, a SOAP one as its text."""
        if not body:
            return None
        text = body.decode()
        return text if text.startswith('<') else json.loads(text)

    def do_GET(self):
        self._reply('GET')

    def do_POST(self):
        self._reply('POST')

    def log_message(self, message_format, *args):
        """Silent: the test output is for the tests."""


RECORDED_ROUTES = {
    ('GET', '/ares/ekonomicke-subjekty/27082440'): [(200, 'ares_27082440.json', 0)],
    ('GET', '/ares/ekonomicke-subjekty/25596641'): [(200, 'ares_25596641.json', 0)],
    ('POST', '/ares/ekonomicke-subjekty/vyhledat'): [(200, 'ares_search_alza.json', 0)],
    ('GET', '/rpo/search?identifier=31333532'): [(200, 'rpo_search_31333532.json', 0)],
    ('GET', '/rpo/search?identifier=31322832'): [(200, 'rpo_search_empty.json', 0)],
    ('GET', '/rpo/entity/1042518'): [(200, 'rpo_entity_1042518.json', 0)],
    ('POST', '/adis'): [(200, 'adis_27082440_reliable.xml', 0)],
}


def serve_recorded_registers(case_class):
    """Start the recorded registers for a test class and point the addon's services at them."""
    server = RecordedRegisterServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    case_class.addClassCleanup(server.server_close)
    case_class.addClassCleanup(server.shutdown)
    parameters = case_class.env['ir.config_parameter'].sudo()
    for register in ('ares', 'rpo', 'adis'):
        parameters.set_param(f'crm_company_register.{register}_url', f'{server.url}/{register}')
    parameters.set_param('crm_company_register.request_interval', '0')
    server.routes = {route: list(answers) for route, answers in RECORDED_ROUTES.items()}
    return server


class CompanyRegisterCommon(TransactionCase):
    """A salesperson, the registers replayed on a loopback server, and the services pointed at it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.salesperson = new_test_user(cls.env, 'register_sales', groups='sales_team.group_sale_salesman')
        cls.czechia = cls.env.ref('base.cz')
        cls.slovakia = cls.env.ref('base.sk')
        cls.server = serve_recorded_registers(cls)

    def setUp(self):
        super().setUp()
        self.server.requests.clear()
        self.server.routes = {route: list(answers) for route, answers in RECORDED_ROUTES.items()}

    def _queries(self, records, method):
        """The queries one call of the method costs on these records, its writes flushed included, a day after
        the previous call, so that each call stamps a new check time."""
        self.env.invalidate_all()
        self.check_day = getattr(self, 'check_day', datetime.now()) + timedelta(days=1)
        with freeze_time(self.check_day):
            before = self.env.cr.sql_log_count
            getattr(records, method)()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

    def _company(self, **values):
        return self.env['res.partner'].with_user(self.salesperson).create({'is_company': True, **values})

    def _open_wizard(self, partner):
        action = partner.with_user(self.salesperson).action_crm_load_from_register()
        return self.env[action['res_model']].with_user(self.salesperson).browse(action['res_id'])

    def _lines(self, wizard):
        return {line.field_name: line for line in wizard.line_ids}

    def _load_unavailable(self, partner):
        """The message of the warning that Load from register gives instead of the wizard, the register being
        unable to answer."""
        action = partner.with_user(self.salesperson).action_crm_load_from_register()
        self.assertEqual(action['tag'], 'display_notification')
        return action['params']['message']

    @staticmethod
    def _unreachable_url():
        """The address of a loopback port nothing listens on."""
        with socket.socket() as closed:
            closed.bind(('127.0.0.1', 0))
            return f'http://127.0.0.1:{closed.getsockname()[1]}'
