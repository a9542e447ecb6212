"""An asyncio HTTP client of Odoo's web client routes, on loopback only: one connection per request, a login
cookie per simulated user, every request counted against the run's budget and timed per action."""

import asyncio
import itertools
import json
import time
from collections import defaultdict
from urllib.parse import urlencode

from common import LOOPBACK

REQUEST_TIMEOUT = 300


class Failure(Exception):
    """A request that did not succeed, with the kind it is counted under (HTTP status, exception, timeout)."""

    def __init__(self, kind, detail=''):
        super().__init__(f'{kind}: {detail}' if detail else kind)
        self.kind = kind


class Budget:
    """The run's bounds: no request starts after the deadline or beyond the request count. The first ``warmup``
    seconds fill each worker's caches and are not measured; the rest is measured in two halves, the second one
    with the managers' workbooks."""

    def __init__(self, duration, requests, warmup):
        self.started = time.monotonic()
        self.duration = duration
        self.requests = requests
        self.warmup = warmup
        self.sent = 0
        self.sent_in_warmup = 0

    @property
    def elapsed(self):
        return time.monotonic() - self.started

    @property
    def exhausted(self):
        return self.elapsed >= self.duration or self.sent >= self.requests

    @property
    def phase(self):
        if self.elapsed < self.warmup:
            return 'warmup'
        middle = self.warmup + (self.duration - self.warmup) / 2
        return 'with workbook' if self.elapsed >= middle or self.sent >= self.requests / 2 else 'quiet'

    def take(self):
        if self.exhausted:
            raise Exhausted()
        self.sent += 1
        if self.phase == 'warmup':
            self.sent_in_warmup += 1


class Exhausted(Exception):
    """The run's time or request budget is spent: the simulated user stops."""


class Recorder:
    """Wall time and outcome of every action, per phase of the run and per action name."""

    def __init__(self):
        self.samples = defaultdict(list)
        self.errors = defaultdict(lambda: defaultdict(int))
        self.examples = {}

    def add(self, phase, action, variant, seconds, failure=None):
        if phase == 'warmup' and failure is None:
            return
        if failure is None:
            self.samples[phase, action, variant].append(seconds)
        else:
            self.errors[phase, action, variant][failure.kind] += 1
            self.examples.setdefault(failure.kind, f'{action} ({variant}): {failure}'[:400])


class Client:
    _ids = itertools.count(1)

    def __init__(self, port, budget, context):
        self.port = port
        self.budget = budget
        self.context = context
        self.session_id = None

    async def request(self, method, path, body=b'', content_type='application/json'):
        """Send one HTTP/1.0 request (the server closes the connection after the answer); return status, body."""
        self.budget.take()
        try:
            return await asyncio.wait_for(self._exchange(method, path, body, content_type), REQUEST_TIMEOUT)
        except asyncio.TimeoutError:
            raise Failure('timeout', path) from None
        except OSError as error:
            raise Failure('connection', str(error)) from None

    async def _exchange(self, method, path, body, content_type):
        reader, writer = await asyncio.open_connection(LOOPBACK, self.port)
        try:
            head = [f'{method} {path} HTTP/1.0', f'Host: {LOOPBACK}:{self.port}', f'Content-Length: {len(body)}']
            if body:
                head.append(f'Content-Type: {content_type}')
            if self.session_id:
                head.append(f'Cookie: session_id={self.session_id}')
            writer.write(('\r\n'.join(head) + '\r\n\r\n').encode() + body)
            await writer.drain()
            answer = await reader.read()
        finally:
            writer.close()
        header_block, _separator, payload = answer.partition(b'\r\n\r\n')
        status_line, *header_lines = header_block.decode('latin-1').split('\r\n')
        for line in header_lines:
            name, _colon, value = line.partition(':')
            if name.lower() == 'set-cookie' and value.strip().startswith('session_id='):
                self.session_id = value.strip().split(';')[0].split('=', 1)[1]
        return int(status_line.split()[1]), payload

    async def jsonrpc(self, path, params):
        body = json.dumps({'jsonrpc': '2.0', 'method': 'call', 'id': next(self._ids), 'params': params}).encode()
        status, payload = await self.request('POST', path, body)
        if status != 200:
            raise Failure(f'HTTP {status}', path)
        answer = json.loads(payload)
        if 'error' in answer:
            data = answer['error'].get('data') or {}
            raise Failure(data.get('name') or answer['error'].get('message', 'error'), data.get('message', ''))
        return answer.get('result')

    async def login(self, db, login, password):
        result = await self.jsonrpc('/web/session/authenticate', {'db': db, 'login': login, 'password': password})
        if not result or not result.get('uid'):
            raise Failure('login refused', login)
        return result['uid']

    async def call(self, model, method, *args, button=False, **kwargs):
        """A model method as the web client calls it; buttons go through call_button, as a form's button does."""
        route = '/web/dataset/call_button' if button else '/web/dataset/call_kw'
        context = {**self.context, **kwargs.pop('context', {})}
        return await self.jsonrpc(
            f'{route}/{model}/{method}',
            {
                'model': model,
                'method': method,
                'args': list(args),
                'kwargs': {**kwargs, 'context': context},
            },
        )

    async def get(self, path):
        status, payload = await self.request('GET', path)
        if status != 200:
            raise Failure(f'HTTP {status}', path)
        return payload

    async def post_form(self, path, fields):
        status, payload = await self.request(
            'POST', path, urlencode(fields).encode(), 'application/x-www-form-urlencoded'
        )
        if status != 200:
            raise Failure(f'HTTP {status}', path)
        return payload
