"""Two checkouts of the project on one machine: setting up a second one leaves the first one serving."""

import configparser
import os
import pathlib
import shutil
import subprocess
import sys

import psycopg2
import pytest
from conftest import odoo_options
from rpc import OdooRpc

ROOT = pathlib.Path(__file__).resolve().parents[1]

# What the test command exports for this checkout; a second checkout's shell has none of it.
THIS_CHECKOUTS_VARIABLES = {
    'CRM_SETUP_DONE',
    'ODOO_RC',
    'E2E_TEMPLATE_DB',
    'STANDARD_OUTPUT',
    'STANDARD_RESULT',
    'DB_USER',
    'DB_PASSWORD',
}


def run_in(checkout, script, timeout=300):
    """Runs a shell script with the steps of checkout's scripts/lib.sh, in an environment of its own."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in THIS_CHECKOUTS_VARIABLES and not name.startswith('PG')
    }
    environment['PYTHON'] = sys.executable
    return subprocess.run(
        ['bash', '-c', f'source scripts/lib.sh; {script}'],
        cwd=checkout,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def can_connect(options):
    try:
        psycopg2.connect(
            dbname='postgres',
            host=options['db_host'],
            port=options['db_port'],
            user=options['db_user'],
            password=options['db_password'],
            connect_timeout=10,
        ).close()
    except psycopg2.OperationalError:
        return False
    return True


@pytest.fixture
def fresh_checkout(tmp_path):
    """This checkout's tracked files, as a new clone has them: no .local/, so no role nor password yet."""
    checkout = tmp_path / 'second-checkout'
    tracked = subprocess.run(['git', 'ls-files', '-z'], cwd=ROOT, check=True, capture_output=True, text=True)
    for name in filter(None, tracked.stdout.split('\0')):
        if (ROOT / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, checkout / name)
    yield checkout
    role_file = checkout / '.local' / 'db_user'
    if role_file.exists():
        run_in(checkout, 'as_postgres dropuser -p "$DB_PORT" --if-exists "$DB_USER"', timeout=60)


def test_setting_up_a_second_checkout_leaves_the_first_one_serving(server_url, e2e_database, fresh_checkout):
    client = OdooRpc(server_url, e2e_database)
    assert client.login('admin', 'admin'), 'the administrator could not log in before the second setup'

    setup = run_in(fresh_checkout, 'setup_all')
    assert setup.returncode == 0, f'the second checkout could not be set up:\n{setup.stderr}'

    assert client.login('admin', 'admin'), 'the first checkout stopped answering a login'
    # The server keeps its open connections for ten idle minutes whatever happens to its password; then, like
    # every later command of the first checkout, it logs in anew with the credentials in its config.
    assert can_connect(odoo_options()), "the second setup changed the first checkout's database credentials"
    second = configparser.ConfigParser()
    second.read(fresh_checkout / '.local' / 'odoo.conf')
    assert can_connect(second['options']), 'the second checkout cannot log in with its own credentials'
