"""A minimal JSON-RPC client, speaking to the server the way any external integration does."""

import http.cookiejar
import itertools
import json
import urllib.request


class RpcError(Exception):
    def __init__(self, error):
        data = error.get('data') or {}
        self.name = data.get('name', '')
        self.message = data.get('message') or error.get('message', '')
        super().__init__(f'{self.name}: {self.message}')


class OdooRpc:
    _ids = itertools.count(1)

    def __init__(self, url, db):
        self.url = url
        self.db = db
        self.uid = None
        self.login_name = None
        self.password = None
        self.browser = None

    def call(self, service, method, *args):
        payload = {
            'jsonrpc': '2.0',
            'method': 'call',
            'id': next(self._ids),
            'params': {'service': service, 'method': method, 'args': args},
        }
        request = urllib.request.Request(
            f'{self.url}/jsonrpc', json.dumps(payload).encode(), {'Content-Type': 'application/json'}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.load(response)
        if 'error' in answer:
            raise RpcError(answer['error'])
        return answer.get('result')

    def login(self, login, password):
        self.uid = self.call('common', 'login', self.db, login, password)
        self.login_name = login
        self.password = password
        return self.uid

    def download(self, path):
        """GET ``path`` logged in to the web client as the user, as the browser follows a download action."""
        if self.browser is None:
            self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
            payload = {
                'jsonrpc': '2.0',
                'method': 'call',
                'id': next(self._ids),
                'params': {'db': self.db, 'login': self.login_name, 'password': self.password},
            }
            request = urllib.request.Request(
                f'{self.url}/web/session/authenticate',
                json.dumps(payload).encode(),
                {'Content-Type': 'application/json'},
            )
            with self.browser.open(request, timeout=120) as response:
                answer = json.load(response)
            if 'error' in answer:
                raise RpcError(answer['error'])
        with self.browser.open(f'{self.url}{path}', timeout=120) as response:
            return response.read()

    def execute(self, model, method, *args, **kwargs):
        return self.call('object', 'execute_kw', self.db, self.uid, self.password, model, method, list(args), kwargs)
