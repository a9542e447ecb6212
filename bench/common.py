"""What the generator and the runner share: the server configuration, PostgreSQL databases copied from
templates, and an Odoo registry opened in this process."""

import configparser
import contextlib
import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg2
import psycopg2.errors

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / '.local' / 'odoo.conf'
OUR_ADDONS = (
    'crm_extended',
    'crm_lead_scoring',
    'crm_customer_care',
    'crm_sales_kpi',
    'crm_accounting_link',
    'crm_customer_value',
    'crm_company_register',
)
PEER_ADDONS = ('account_invoice_overdue_warn', 'account_financial_risk')
STANDARD_ADDONS = ('crm', 'sale_crm', 'contacts', 'l10n_cz', 'l10n_sk')
LOOPBACK = '127.0.0.1'


def config_path():
    return Path(os.environ.get('ODOO_RC') or DEFAULT_CONFIG)


def db_options():
    parser = configparser.ConfigParser()
    parser.read(config_path())
    return parser['options']


def db_prefix():
    # Database names are shared by every role of the PostgreSQL server: each checkout's benchmark databases carry
    # its own role's name, so two checkouts never build, copy or drop each other's.
    return f"bench_{db_options()['db_user']}_"


def bench_db(stage, tier):
    """This checkout's benchmark database of ``stage`` (template, build, run, ...) for ``tier``."""
    return f'{db_prefix()}{stage}_{tier}'


def check_db_name(name):
    # Benchmarks create and drop databases freely: keep them away from anything that is not theirs.
    if not name.startswith(db_prefix()):
        raise ValueError(f'benchmark databases must be named {db_prefix()}*, not {name!r}')
    return name


@contextlib.contextmanager
def postgres(dbname='postgres', port=None):
    """An autocommit cursor on ``dbname``, on the configured server or the one of the same host on ``port``."""
    options = db_options()
    connection = psycopg2.connect(
        dbname=dbname,
        host=options['db_host'],
        port=port or options['db_port'],
        user=options['db_user'],
        password=options['db_password'],
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def db_exists(name):
    with postgres() as cursor:
        cursor.execute('SELECT 1 FROM pg_database WHERE datname = %s', (name,))
        return bool(cursor.fetchone())


def release_db(name):
    """Close this process's connections and registry of database ``name``, so it can be renamed or dropped."""
    if 'odoo.sql_db' in sys.modules:
        from odoo.modules.registry import Registry
        from odoo.sql_db import close_db

        Registry.delete(name)
        close_db(name)


def drop_database(cursor, name, attempts=10):
    """Drops database ``name`` once this role's sessions on it have ended.

    Not ``WITH (FORCE)``: PostgreSQL 15 refuses it to a role that is not superuser while an autovacuum worker is in
    the database, as after a large upgrade, whereas a plain DROP makes the worker quit and waits a few seconds."""
    for attempt in range(attempts):
        cursor.execute(
            'SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity '
            'WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()',
            (name,),
        )
        try:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except psycopg2.errors.ObjectInUse:
            if attempt == attempts - 1:
                raise
            time.sleep(1)


def drop_db(name):
    release_db(name)
    with postgres() as cursor:
        drop_database(cursor, check_db_name(name))


def copy_db(template, name):
    drop_db(name)
    with postgres() as cursor:
        cursor.execute(f'CREATE DATABASE "{check_db_name(name)}" TEMPLATE "{template}"')


def rename_db(source, target):
    drop_db(target)
    release_db(source)
    with postgres() as cursor:
        cursor.execute(f'ALTER DATABASE "{check_db_name(source)}" RENAME TO "{check_db_name(target)}"')


def odoo_command(*args):
    return [sys.executable, '-m', 'odoo', *args]


def run_odoo(*args, quiet=True):
    """Run Odoo's command line against the benchmark configuration; return the wall time it took."""
    started = time.perf_counter()
    subprocess.run(odoo_command(*args), check=True, stdout=subprocess.DEVNULL if quiet else None)
    return time.perf_counter() - started


def free_port():
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def odoo_server(dbname, logfile, *options, start_timeout=180):
    """An Odoo server on a free loopback port serving only ``dbname``, with ``options`` on its command line;
    yields the port once the server answers. Its log goes to ``logfile``: a pipe nobody reads would fill up and
    stop every request that logs."""
    port = free_port()
    command = odoo_command(
        'server',
        '-c',
        str(config_path()),
        '-d',
        dbname,
        '--db-filter',
        f'^{dbname}$',
        '--http-interface',
        LOOPBACK,
        '--http-port',
        str(port),
        '--logfile',
        str(logfile),
        *options,
    )
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f'Odoo exited with {process.returncode}:\n{log_tail(logfile)}')
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f'http://{LOOPBACK}:{port}/web/health', timeout=5) as response:
                    if response.status == 200:
                        break
            if time.monotonic() > deadline:
                raise TimeoutError(f'Odoo did not answer within {start_timeout} s:\n{log_tail(logfile)}')
            time.sleep(0.5)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def log_tail(logfile, size=4000):
    path = Path(logfile)
    return path.read_text(errors='replace')[-size:] if path.exists() else ''


def init_db(name, country='cz'):
    run_odoo('db', '-c', str(config_path()), 'init', check_db_name(name), '--country', country, '--force')


def install_modules(name, modules):
    return run_odoo(
        '-c',
        str(config_path()),
        '-d',
        check_db_name(name),
        '-i',
        ','.join(modules),
        '--stop-after-init',
        '--log-level=warn',
        '--max-cron-threads=0',
    )


def addons_digest():
    """A fingerprint of our addons' code, to tell whether a template was built from the code measured now."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / 'addons').rglob('*')):
        if path.is_file() and path.suffix in ('.py', '.xml', '.csv'):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def bring_up_to_date(name):
    """Upgrade our addons in database ``name`` when their code changed since it was built, then record the code."""
    with postgres(name) as cursor:
        cursor.execute("SELECT value FROM ir_config_parameter WHERE key = 'bench.addons_digest'")
        built_from = (cursor.fetchone() or [None])[0]
    current = addons_digest()
    if built_from and built_from != current:
        print(f'addons changed since {name} was built: upgrading {", ".join(OUR_ADDONS)}', flush=True)
        run_odoo(
            '-c',
            str(config_path()),
            '-d',
            check_db_name(name),
            '-u',
            ','.join(OUR_ADDONS),
            '--stop-after-init',
            '--log-level=warn',
            '--max-cron-threads=0',
        )
    with environment(name) as env:
        env['ir.config_parameter'].set_param('bench.addons_digest', current)


_odoo_ready = False


def open_registry(name):
    """Load the registry of database ``name`` in this process (configuration parsed once)."""
    global _odoo_ready
    from odoo.modules.registry import Registry
    from odoo.tools import config

    if not _odoo_ready:
        config.parse_config(['-c', str(config_path()), '--log-level=warn', '--max-cron-threads=0'], setup_logging=True)
        _odoo_ready = True
    return Registry(name)


@contextlib.contextmanager
def environment(name, commit=True):
    """An environment of the superuser on database ``name``; committed at the end unless ``commit`` is false."""
    from odoo import SUPERUSER_ID, api

    registry = open_registry(name)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {'tracking_disable': True})
        yield env
        if commit:
            cr.commit()
        else:
            cr.rollback()


class Progress:
    """Prints how far a build got and how fast it goes, so a long build can be followed and estimated."""

    def __init__(self):
        self.started = time.perf_counter()
        self.records = 0

    def step(self, what, count):
        self.records += count
        elapsed = time.perf_counter() - self.started
        # The load average tells how much of a slow build was the other processes sharing the machine.
        print(
            f'[{elapsed:7.1f}s] {what}: {count} ({self.records / elapsed:.0f} records/s overall, '
            f'load {os.getloadavg()[0]:.1f})',
            flush=True,
        )

    @property
    def rate(self):
        return self.records / (time.perf_counter() - self.started)
