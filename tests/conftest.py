"""Fixtures of the end-to-end tests: real Odoo server processes on free loopback ports, each against a
throwaway copy of the database the test command prepared (E2E_TEMPLATE_DB, both addons installed)."""

import configparser
import contextlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from rpc import OdooRpc

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent.name for path in (ROOT / 'addons').glob('*/__manifest__.py'))
BENCH = ROOT / 'bench'
LOGS = ROOT / '.local' / 'logs'
sys.path.append(str(BENCH))

from common import LOOPBACK, odoo_server
from common import drop_database as drop_database_of


def odoo_options():
    parser = configparser.ConfigParser()
    parser.read(os.environ['ODOO_RC'])
    return parser['options']


def connect(dbname):
    options = odoo_options()
    return psycopg2.connect(
        dbname=dbname,
        host=options['db_host'],
        port=options['db_port'],
        user=options['db_user'],
        password=options['db_password'],
    )


def run_sql(sql, dbname='postgres'):
    connection = connect(dbname)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def drop_database(dbname):
    connection = connect('postgres')
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            drop_database_of(cursor, dbname)
    finally:
        connection.close()


def throwaway_name(prefix):
    return f'{prefix}_{uuid.uuid4().hex[:8]}'


def odoo_command(*args, command=('server',)):
    return [sys.executable, '-m', 'odoo', *command, '-c', os.environ['ODOO_RC'], *args]


@contextlib.contextmanager
def running_server(dbname):
    """A threaded server of ``dbname`` without cron threads; its log is kept in .local/logs for after the run."""
    LOGS.mkdir(parents=True, exist_ok=True)
    with odoo_server(
        dbname, LOGS / f'{dbname}.log', '--max-cron-threads', '0', '--log-level', 'warn', start_timeout=120
    ) as port:
        yield f'http://{LOOPBACK}:{port}'


@pytest.fixture(scope='session')
def e2e_database():
    dbname = throwaway_name('crm_extended_e2e')
    run_sql(f'CREATE DATABASE "{dbname}" TEMPLATE "{os.environ["E2E_TEMPLATE_DB"]}"')
    yield dbname
    drop_database(dbname)


@pytest.fixture(scope='session')
def server_url(e2e_database):
    with running_server(e2e_database) as url:
        yield url


@pytest.fixture(scope='session')
def admin_rpc(server_url, e2e_database):
    client = OdooRpc(server_url, e2e_database)
    assert client.login('admin', 'admin'), 'the administrator could not log in'
    return client


def smoke_databases():
    """Every database the benchmark's smoke runs may create, named after this checkout's role as bench/common.py
    names them; other benchmark databases may be in use by someone else."""
    return {
        f"bench_{odoo_options()['db_user']}_{stage}_{tier}"
        for stage in ('template', 'build', 'run', 'load')
        for tier in ('base', 'small', 'small_x2')
    }


def existing_smoke_databases():
    return {name for (name,) in run_sql('SELECT datname FROM pg_database')} & smoke_databases()


def bench(script, *args):
    """Run a benchmark script; return its output."""
    process = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        env=os.environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=900,
    )
    assert process.returncode == 0, f'{script} {" ".join(args)} failed:\n{process.stdout[-4000:]}'
    return process.stdout


@pytest.fixture(scope='session')
def bench_small_template():
    """The small benchmark tier's template, built when missing; what this test run built is dropped at its end,
    what was there before is kept for the next run."""
    before = existing_smoke_databases()
    try:
        bench('generate.py', 'small')
        yield
    finally:
        for name in existing_smoke_databases() - before:
            drop_database(name)
