"""A database built before lead scoring, customer care, the sales KPIs and customer value left crm_extended and
crm_accounting_link for addons of their own upgrades with ``-u crm_extended,crm_accounting_link``, as an
integrator runs it: every record stays, with what the users changed in it, the new addons come installed, and the
database then holds the same XML ids, under the same addons, as one where the split addons were installed fresh."""

import configparser
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, connect, drop_database, odoo_command, throwaway_name
from test_install_cycle import LOG_PROBLEM

# The last commit before the split.
BEFORE_SPLIT = '976b90e'
ADDONS_BEFORE = (
    'crm_extended,crm_accounting_link,crm_company_register,crm_personal_data,survey,website_crm,mass_mailing,event'
)
SPLIT_ADDONS = (
    'crm_lead_scoring',
    'crm_customer_care',
    'crm_sales_kpi',
    'crm_customer_value',
    'crm_lead_scoring_mass_mailing',
    'crm_sales_kpi_accounting',
    'crm_sales_kpi_customer_care',
)

# What the users built, by what they hold: an upgrade keeps every row.
KEPT = {
    'interactions': """SELECT id, subject, state, care_rule_id, date_deadline, resolution_hours, satisfaction_rating
                       FROM crm_interaction ORDER BY id""",
    'scores': "SELECT id, crm_score, crm_score_grade, crm_score_contributions::text FROM crm_lead ORDER BY id",
    'scoring_rules': "SELECT id, name::text, points, active FROM crm_lead_scoring_rule ORDER BY id",
    'care_rules': "SELECT id, name::text, active FROM crm_care_rule ORDER BY id",
    'name_days': "SELECT count(*) FROM crm_name_day",
    'partners': "SELECT id, birthdate_date, crm_wish_on, crm_customer_since FROM res_partner ORDER BY id",
    'customer_values': "SELECT * FROM crm_customer_value ORDER BY id",
    'acquisition_costs': "SELECT * FROM crm_acquisition_cost ORDER BY id",
    'team_thresholds': "SELECT id, crm_score_threshold FROM crm_team ORDER BY id",
}
# Odoo says so of the renamed bridge's old name before the upgrade renames it: the one warning an upgrade may log.
RENAMED_ADDON_WARNING = re.compile(r'module crm_sales_effectiveness_accounting: (manifest not found|not installable)')
OUR_XMLIDS = """SELECT module, name FROM ir_model_data
                 WHERE module LIKE 'crm\\_%%' AND module NOT IN ('crm_iap_enrich', 'crm_iap_mine', 'crm_sms')"""


def query(dbname, sql, params=()):
    connection = connect(dbname)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    finally:
        connection.close()


def snapshot(dbname):
    return {name: query(dbname, sql) for name, sql in KEPT.items()}


def run_odoo(config, dbname, *args):
    result = subprocess.run(
        odoo_command('-c', config, '-d', dbname, '--stop-after-init', '--log-level', 'warn', *args),
        capture_output=True,
        text=True,
        timeout=1500,
    )
    problems = [
        line
        for line in result.stderr.splitlines()
        if LOG_PROBLEM.match(line) and not RENAMED_ADDON_WARNING.search(line)
    ]
    assert result.returncode == 0 and not problems, f'odoo {" ".join(args)} failed:\n{result.stderr[-8000:]}'


@pytest.fixture(scope='module')
def database_before_split():
    """The pre-split addons, from git, installed with their demo data and both languages, on a database that the
    current code's configuration then opens."""
    folder = Path(tempfile.mkdtemp(prefix='crm_before_split_'))
    dbname = throwaway_name('crm_extended_split')
    archive = subprocess.run(
        ['git', '-C', str(ROOT), 'archive', BEFORE_SPLIT, 'addons'], check=True, capture_output=True
    ).stdout
    subprocess.run(['tar', '-x', '-C', str(folder)], input=archive, check=True)
    options = configparser.ConfigParser()
    options.read(os.environ['ODOO_RC'])
    options['options']['addons_path'] = str(folder / 'addons')
    config = folder / 'odoo.conf'
    with config.open('w') as file:
        options.write(file)
    try:
        run_odoo(str(config), dbname, '-i', ADDONS_BEFORE, '--with-demo', '--load-language=cs_CZ,sk_SK')
        yield dbname
    finally:
        drop_database(dbname)
        shutil.rmtree(folder, ignore_errors=True)


def test_upgrade_from_before_the_split_keeps_every_record(database_before_split):
    dbname = database_before_split
    # A user's own changes to records the addons ship as noupdate.
    [(rule_id,)] = query(
        dbname,
        "SELECT res_id FROM ir_model_data WHERE module = 'crm_extended' "
        "AND model = 'crm.lead.scoring.rule' ORDER BY id LIMIT 1",
    )
    connection = connect(dbname)
    with connection, connection.cursor() as cursor:
        cursor.execute("UPDATE crm_lead_scoring_rule SET points = 37 WHERE id = %s", [rule_id])
        cursor.execute("UPDATE crm_team SET crm_score_threshold = 55")
    connection.close()
    before = snapshot(dbname)

    run_odoo(os.environ['ODOO_RC'], dbname, '-u', 'crm_extended,crm_accounting_link')

    assert snapshot(dbname) == before
    states = dict(
        query(
            dbname,
            "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)",
            [[*SPLIT_ADDONS, 'crm_sales_effectiveness_accounting']],
        )
    )
    assert states == dict.fromkeys(SPLIT_ADDONS, 'installed')
    fresh = set(query(os.environ['E2E_TEMPLATE_DB'], OUR_XMLIDS))
    upgraded = set(query(dbname, OUR_XMLIDS))
    assert not fresh - upgraded, 'the upgrade lost or misplaced XML ids that a fresh install has'
    fresh_module = {name: module for module, name in fresh}
    misplaced = {
        (module, name)
        for module, name in upgraded
        if name in fresh_module and fresh_module[name] != module and (fresh_module[name], name) not in upgraded
    }
    assert not misplaced, 'XML ids left with the addon they came from'
