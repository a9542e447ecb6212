"""Each addon ships as the wheel the OCA would publish: odoo-addon-<addon>, built with whool, versioned from its
manifest and requiring what its manifest depends on. Installed into a fresh virtual environment beside Odoo, the
wheels alone (no checkout on the addons path) install every addon into a throwaway database."""

import ast
import configparser
import json
import os
import re
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import ADDONS, ROOT, connect, drop_database, throwaway_name
from test_install_cycle import LOG_PROBLEM

SERIES = '19.0'


def manifest(addon):
    return ast.literal_eval((ROOT / 'addons' / addon / '__manifest__.py').read_text())


def wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        [name] = [name for name in archive.namelist() if name.endswith('.dist-info/METADATA')]
        return Parser().parsestr(archive.read(name).decode())


@pytest.fixture(scope='module')
def wheels(tmp_path_factory):
    folder = tmp_path_factory.mktemp('wheels')
    subprocess.run(
        [
            sys.executable,
            '-m',
            'pip',
            'wheel',
            '-q',
            '--disable-pip-version-check',
            '--no-deps',
            '--no-build-isolation',
            '-w',
            str(folder),
            *(str(ROOT / 'addons' / addon) for addon in ADDONS),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return {re.match(r'odoo_addon_(\w+?)-', wheel.name).group(1): wheel for wheel in folder.glob('*.whl')}


@pytest.fixture(scope='module')
def environment(wheels, tmp_path_factory):
    """A fresh virtual environment that sees Odoo and the libraries of this machine, with the wheels installed.
    Their requirements are checked below rather than resolved by pip, which would also resolve Odoo's own."""
    folder = tmp_path_factory.mktemp('venv')
    subprocess.run([sys.executable, '-m', 'venv', '--system-site-packages', str(folder)], check=True)
    python = folder / 'bin' / 'python'
    subprocess.run(
        [
            str(python),
            '-m',
            'pip',
            'install',
            '-q',
            '--disable-pip-version-check',
            '--no-deps',
            '--no-index',
            *map(str, wheels.values()),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return python


def test_each_addon_is_a_wheel_named_and_versioned_from_its_manifest(wheels):
    assert sorted(wheels) == ADDONS
    for addon, wheel in wheels.items():
        version = manifest(addon)['version']
        # After the manifest's version, whool counts the commits since it changed, as the OCA publishes them.
        assert re.fullmatch(rf'odoo_addon_{addon}-{re.escape(version)}(\.\d+)?-py3-none-any\.whl', wheel.name)


def test_a_wheel_requires_odoo_its_addons_and_its_libraries(wheels):
    for addon, wheel in wheels.items():
        values = manifest(addon)
        ours = [depend for depend in values['depends'] if depend in ADDONS]
        expected = {
            f'odoo=={SERIES}.*',
            *(f'odoo-addon-{depend}=={SERIES}.*' for depend in ours),
            *values.get('external_dependencies', {}).get('python', []),
        }
        metadata = wheel_metadata(wheel)
        assert set(metadata.get_all('Requires-Dist')) == expected, addon
        assert metadata['Author'] == values['author'] and metadata['License'] == values['license']


def test_the_environment_holds_every_requirement_of_the_wheels(environment):
    script = """
import json
from importlib.metadata import distributions, version
from packaging.requirements import Requirement
missing = []
for dist in distributions():
    if dist.metadata['Name'].startswith('odoo-addon-'):
        for requirement in map(Requirement, dist.requires or ()):
            try:
                if not requirement.specifier.contains(version(requirement.name), prereleases=True):
                    missing.append(str(requirement))
            except Exception:
                missing.append(str(requirement))
print(json.dumps(missing))
"""
    result = subprocess.run([str(environment), '-c', script], check=True, capture_output=True, text=True)
    assert json.loads(result.stdout) == []


def test_the_wheels_alone_install_every_addon(environment, tmp_path):
    """Odoo finds the addons in the environment's odoo.addons namespace: the checkout is on no path."""
    locations = subprocess.run(
        [
            str(environment),
            '-c',
            f'import importlib; print(*(importlib.import_module("odoo.addons." + name).__file__'
            f' for name in {ADDONS!r}), sep="\\n")',
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.split()
    assert all(Path(location).is_relative_to(environment.parent.parent) for location in locations)
    options = configparser.ConfigParser()
    options.read(os.environ['ODOO_RC'])
    options['options'].pop('addons_path')
    config = tmp_path / 'odoo.conf'
    with config.open('w') as file:
        options.write(file)
    dbname = throwaway_name('crm_wheels')
    try:
        result = subprocess.run(
            [
                str(environment),
                '-m',
                'odoo',
                'server',
                '-c',
                str(config),
                '-d',
                dbname,
                '-i',
                ','.join(ADDONS),
                '--stop-after-init',
                '--log-level=warn',
            ],
            capture_output=True,
            text=True,
            timeout=1200,
            cwd=tmp_path,
        )
        problems = [line for line in result.stderr.splitlines() if LOG_PROBLEM.match(line)]
        assert result.returncode == 0 and not problems, result.stderr[-8000:]
        connection = connect(dbname)
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT name FROM ir_module_module WHERE name = ANY(%s) AND state = 'installed'", [ADDONS]
                )
                assert sorted(name for (name,) in cursor.fetchall()) == ADDONS
        finally:
            connection.close()
    finally:
        drop_database(dbname)
