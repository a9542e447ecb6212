"""The Docker setup of the README, checked where no Docker engine runs: the compose file, the configuration it
mounts into the official Odoo image and the commands the README gives, against Odoo 19's own option parser."""

import configparser
import os
import pathlib
import re
import shlex
import shutil
import subprocess

import pytest
import yaml

from odoo import release
from odoo.tools import config as odoo_config

import odoo.addons

ROOT = pathlib.Path(__file__).resolve().parents[1]
COMPOSE_TEXT = (ROOT / 'docker-compose.yml').read_text()
COMPOSE = yaml.safe_load(COMPOSE_TEXT)
SERVICES = COMPOSE['services']
DOCKER_CONFIG = 'config/odoo.docker.conf'

# What the official odoo image is built with (its Dockerfile): the configuration file it reads (ODOO_RC) and
# the folder it declares for extra addons.
IMAGE_CONFIG = '/etc/odoo/odoo.conf'
IMAGE_EXTRA_ADDONS = '/mnt/extra-addons'


def config_options(path):
    parser = configparser.RawConfigParser()
    parser.read(ROOT / path)
    return dict(parser['options'])


def bind_mounts(service):
    """{target in the container: source in the repository} of a service's folder and file mounts."""
    mounts = {}
    for volume in service.get('volumes', []):
        source, target = volume.split(':')[:2]
        if source.startswith('./'):
            mounts[target] = source
    return mounts


def readme_docker_commands():
    """The shell lines of the README's Docker section."""
    section = (ROOT / 'README.md').read_text().split('\n## Docker\n', 1)[1].split('\n## ', 1)[0]
    return [line for block in re.findall(r'```sh\n(.*?)```', section, re.DOTALL) for line in block.splitlines()]


@pytest.fixture(scope='module')
def readme_env(tmp_path_factory):
    """The variables of the .env file that the README's command writes, run in an empty folder."""
    [command] = [line for line in readme_docker_commands() if line.endswith('> .env')]
    folder = tmp_path_factory.mktemp('docker')
    subprocess.run(['bash', '-c', command], cwd=folder, check=True, timeout=60)
    variables = dict(line.split('=', 1) for line in (folder / '.env').read_text().splitlines())
    assert all(variables.values()), f'the README writes an empty secret: {variables}'
    return variables


def interpolated(node, environment):
    """node with variables substituted the way docker compose does, in the forms the compose file uses."""
    if isinstance(node, dict):
        return {key: interpolated(value, environment) for key, value in node.items()}
    if isinstance(node, list):
        return [interpolated(value, environment) for value in node]
    if not isinstance(node, str):
        return node

    def substitute(match):
        if match.group(0) == '$$':
            return '$'
        value = environment.get(match['name'], '')
        if not value and match['operator'] == ':?':
            raise KeyError(f"{match['name']}: {match['argument']}")
        return value or (match['argument'] if match['operator'] == ':-' else '')

    return re.sub(r'\$\$|\$\{(?P<name>\w+)(?:(?P<operator>:[-?])(?P<argument>[^}]*))?\}', substitute, node)


def parse_odoo_command(command):
    """Odoo's options for a container command; the image's entrypoint runs commands that start with odoo."""
    assert command[0] == 'odoo', f'the image would run {command[0]!r} instead of Odoo'
    values, unknown = odoo_config.parser.parse_args(command[1:])
    assert not unknown, f'Odoo {release.series} does not know {unknown}'
    return values


def compose_tool():
    """The docker compose command of this machine, if it has one: it checks a file without a Docker engine."""
    if shutil.which('docker') and subprocess.run(['docker', 'compose', 'version'], capture_output=True).returncode == 0:
        return ['docker', 'compose']
    return ['docker-compose'] if shutil.which('docker-compose') else None


def test_docker_compose_accepts_the_file_with_the_readme_env_file(readme_env):
    tool = compose_tool()
    if not tool:
        pytest.skip('no docker compose on this machine')
    environment = dict(os.environ, **readme_env)
    result = subprocess.run(
        [*tool, '-f', str(ROOT / 'docker-compose.yml'), 'config', '-q'],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_compose_file_runs_the_official_odoo_image_of_this_series():
    assert SERVICES['odoo']['image'] == f'odoo:{release.series}'
    assert SERVICES['db']['image'].startswith('postgres:')


def test_every_mounted_folder_and_file_is_in_the_repository():
    for service in SERVICES.values():
        for source in bind_mounts(service).values():
            assert (ROOT / source).exists(), f'the compose file mounts {source}, which does not exist'
        for volume in service.get('volumes', []):
            source = volume.split(':')[0]
            assert source.startswith('./') or source in COMPOSE['volumes'], f'volume {source} is not declared'


def test_readme_env_file_sets_every_variable_the_compose_file_requires(readme_env):
    required = set(re.findall(r'\$\{(\w+):\?', COMPOSE_TEXT))
    assert required and required <= readme_env.keys()


def test_configuration_is_mounted_where_the_image_reads_it():
    assert bind_mounts(SERVICES['odoo'])[IMAGE_CONFIG] == f'./{DOCKER_CONFIG}'


@pytest.mark.parametrize('path', ['config/odoo.conf', DOCKER_CONFIG])
def test_configuration_names_only_options_odoo_reads_from_a_file(path):
    for name, value in config_options(path).items():
        option = odoo_config.options_index.get(name)
        assert option is not None and option.file_loadable, f'Odoo {release.series} ignores {name} in {path}'
        odoo_config.parse(name, value)  # raises on a value of the wrong type
        # Odoo skips, with a warning, a non-boolean option that reads False.
        assert value.lower() != 'false' or option.action in ('store_true', 'store_false'), f'{path}: {name}'


def test_addons_path_in_the_container_is_the_mounted_addons_folder():
    mounts = bind_mounts(SERVICES['odoo'])
    addons_path = config_options(DOCKER_CONFIG)['addons_path'].split(',')
    assert mounts[IMAGE_EXTRA_ADDONS] == './addons'
    assert addons_path == [IMAGE_EXTRA_ADDONS]
    mounted_addons = {manifest.parent.name for manifest in (ROOT / 'addons').glob('*/__manifest__.py')}
    assert {'crm_extended', 'crm_accounting_link'} <= mounted_addons


def test_standard_addons_need_no_entry_in_the_addons_path():
    # The image installs Odoo's Debian package, which puts every standard addon inside the odoo package
    # (dist-packages/odoo/addons); Odoo always searches that folder, whatever addons_path names.
    assert odoo_config.addons_base_dir == os.path.join(odoo_config.root_path, 'addons')
    assert odoo_config.addons_base_dir in odoo.addons.__path__


def test_configuration_reaches_the_database_service_with_secrets_from_the_env_file():
    options = config_options(DOCKER_CONFIG)
    database, server = SERVICES['db']['environment'], SERVICES['odoo']['environment']
    assert SERVICES[options['db_host']]['image'].startswith('postgres:'), 'db_host is not the database service'
    assert (options['db_port'], options['db_user']) == ('5432', database['POSTGRES_USER'])
    assert not {'db_password', 'admin_passwd'} & options.keys(), 'a secret is committed in the configuration'
    # The image's entrypoint passes PASSWORD as --db_password; Odoo reads the master password from its variable.
    assert server['PASSWORD'] == database['POSTGRES_PASSWORD']
    assert odoo_config.options_index['admin_passwd'].env_name in server


def test_compose_and_readme_commands_use_only_odoo_options_on_the_mounted_addons(readme_env):
    served = parse_odoo_command(interpolated(SERVICES['odoo'], readme_env)['command'])
    assert re.match(served.dbfilter, served.db_name[0]), 'the database filter hides the served database'
    mounted_addons = {path.name for path in (ROOT / 'addons').iterdir() if (path / '__manifest__.py').exists()}
    runs = [shlex.split(line) for line in readme_docker_commands() if line.startswith('docker compose run ')]
    assert runs, 'the README gives no command that installs the addons'
    for run in runs:
        assert run[:5] == ['docker', 'compose', 'run', '--rm', 'odoo']
        installed = parse_odoo_command(run[5:])
        assert installed.db_name == served.db_name
        assert installed.init and set(installed.init) <= mounted_addons


def test_replica_profile_streams_from_the_database_service_and_odoo_reads_from_it(readme_env):
    replica, scaled = SERVICES['db-replica'], interpolated(SERVICES['odoo-scaled'], readme_env)
    assert replica['profiles'] == scaled['profiles'] == ['replica']
    assert replica['image'] == SERVICES['db']['image'], 'a standby runs the major version of its primary'
    basebackup = shlex.split(replica['command'][-1].split('||', 1)[1].split('&&', 1)[0])
    assert basebackup[0] == 'pg_basebackup' and '-R' in basebackup
    assert basebackup[basebackup.index('-h') + 1] == 'db'
    assert basebackup[basebackup.index('-U') + 1] == SERVICES['db']['environment']['POSTGRES_USER']
    # Odoo 19 reads the replica's host and port from these variables of its own.
    assert scaled['environment'][odoo_config.options_index['db_replica_host'].env_name] == 'db-replica'
    assert scaled['environment'][odoo_config.options_index['db_replica_port'].env_name] == '5432'
    assert scaled['depends_on']['db-replica'] == {'condition': 'service_healthy'}
    served = interpolated(SERVICES['odoo'], readme_env)
    assert scaled['environment'].items() > served['environment'].items()
    assert {key: scaled[key] for key in ('image', 'command', 'volumes')} == {
        key: served[key] for key in ('image', 'command', 'volumes')
    }, 'both serve the same database and filestore'


def test_primary_lets_the_replica_connect_for_replication_once(tmp_path):
    [script] = [
        source
        for target, source in bind_mounts(SERVICES['db']).items()
        if target.startswith('/docker-entrypoint-initdb.d/')
    ]
    hba = tmp_path / 'pg_hba.conf'
    hba.write_text('host all all all scram-sha-256\n')
    for _run in range(2):
        subprocess.run(['bash', str(ROOT / script)], env=dict(os.environ, PGDATA=str(tmp_path)), check=True)
    rules = [line.split() for line in hba.read_text().splitlines()]
    assert (
        rules.count(['host', 'replication', SERVICES['db']['environment']['POSTGRES_USER'], 'all', 'scram-sha-256'])
        == 1
    )
