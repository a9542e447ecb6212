"""The addons install on a database that already keeps its books, upgrade twice without a change, uninstall
leaving standard data and every invoice and payment intact (crm_accounting_link passing its own suite alone in
between), and install again; then crm_extended passes its suite without lead scoring, customer care and the sales
KPIs. Every step through Odoo's own command line, as an administrator does it."""

import re
import subprocess

import pytest
from common import free_port
from conftest import connect, drop_database, odoo_command, running_server, throwaway_name
from rpc import OdooRpc

# crm_extended and the addons built on it; crm_accounting_link and the one built on it, which stand without them.
EXTENDED_ADDONS = (
    'crm_extended',
    'crm_lead_scoring',
    'crm_customer_care',
    'crm_sales_kpi',
    'crm_company_register',
    'crm_personal_data',
)
ACCOUNTING_ADDONS = ('crm_accounting_link', 'crm_customer_value')
OUR_ADDONS = EXTENDED_ADDONS + ACCOUNTING_ADDONS
# The capabilities a company may leave out of crm_extended.
CAPABILITIES = ('crm_lead_scoring', 'crm_customer_care', 'crm_sales_kpi')
# Odoo's apps that bridges of crm_extended and crm_personal_data join, installed beside our addons as the test command
# does, and kept when our addons leave.
APPS = ('survey', 'website_crm', 'mass_mailing', 'event')
ADDONS = ','.join(OUR_ADDONS + APPS)
# The bridges of crm_accounting_link with crm_extended's addons install themselves with both of their addons and
# leave with either.
ACCOUNTING_BRIDGES = (
    'crm_payment_reminder',
    'crm_lead_scoring_credit',
    'crm_company_register_accounting',
    'crm_personal_data_accounting',
    'crm_sales_kpi_accounting',
    'crm_customer_care_accounting',
)
# The bridges among crm_extended's addons and with Odoo's apps (satisfaction surveys, website page visits, mass
# mailing, events) install themselves with our addon and leave with it.
APP_BRIDGES = (
    'crm_customer_care_survey',
    'crm_lead_scoring_website',
    'crm_extended_mass_mailing',
    'crm_lead_scoring_mass_mailing',
    'crm_sales_kpi_customer_care',
    'crm_extended_event',
    'crm_personal_data_mass_mailing',
    'crm_personal_data_event',
    'crm_personal_data_customer_care',
)
BRIDGES = ACCOUNTING_BRIDGES + APP_BRIDGES
OUR_MODULES = str((*OUR_ADDONS, *BRIDGES))
LOG_PROBLEM = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (WARNING|ERROR|CRITICAL) ', re.MULTILINE)

# Standard records the addons touch or refer to; uninstalling must leave every one of them in place.
STANDARD_DATA = {
    'res_partner_industry': "SELECT count(*) FROM res_partner_industry",
    'crm_stage': "SELECT count(*) FROM crm_stage",
    'mail_activity_type': "SELECT count(*) FROM mail_activity_type",
    'res_partner': "SELECT count(*) FROM res_partner",
    'account_move': "SELECT count(*) FROM account_move",
}

# What an upgrade could rewrite: our records, views, translations and access rules.
UPGRADE_FOOTPRINT = {
    'ir_model_data': """SELECT module, name, model, res_id, noupdate FROM ir_model_data
                        WHERE module IN %s ORDER BY module, name"""
    % OUR_MODULES,
    'ir_ui_view': """SELECT v.name, v.arch_db::text, v.priority, v.active FROM ir_ui_view v
                     JOIN ir_model_data d ON d.model = 'ir.ui.view' AND d.res_id = v.id
                     WHERE d.module IN %s ORDER BY d.name"""
    % OUR_MODULES,
    'ir_model_access': """SELECT a.name, a.perm_read, a.perm_write, a.perm_create, a.perm_unlink FROM ir_model_access a
                          JOIN ir_model_data d ON d.model = 'ir.model.access' AND d.res_id = a.id
                          WHERE d.module IN %s ORDER BY d.name"""
    % OUR_MODULES,
    'ir_rule': """SELECT r.name, r.domain_force, r.active FROM ir_rule r
                  JOIN ir_model_data d ON d.model = 'ir.rule' AND d.res_id = r.id
                  WHERE d.module IN %s ORDER BY d.name"""
    % OUR_MODULES,
}


# Invoices, payments and their reconciliation, column by column: uninstalling must not touch a single value.
ACCOUNTING_DATA = {
    'account_move': """SELECT id, name, state, move_type, partner_id, amount_total, amount_residual, payment_state
                        FROM account_move ORDER BY id""",
    'account_move_line': "SELECT id, move_id, account_id, debit, credit, reconciled FROM account_move_line ORDER BY id",
    'account_payment': "SELECT id, move_id, amount, state, partner_id FROM account_payment ORDER BY id",
    'account_partial_reconcile': """SELECT id, debit_move_id, credit_move_id, amount
                                     FROM account_partial_reconcile ORDER BY id""",
}


def our_states(extended, accounting):
    """The states of our modules when crm_extended's addons are in state ``extended`` and crm_accounting_link's in
    state ``accounting``: a bridge is installed when both of its sides are."""
    both = 'installed' if extended == accounting == 'installed' else 'uninstalled'
    return (
        dict.fromkeys(EXTENDED_ADDONS, extended)
        | dict.fromkeys(ACCOUNTING_ADDONS, accounting)
        | dict.fromkeys(ACCOUNTING_BRIDGES, both)
        | dict.fromkeys(APP_BRIDGES, extended)
    )


def odoo(dbname, *args):
    result = subprocess.run(
        odoo_command('-d', dbname, '--stop-after-init', '--log-level', 'warn', *args),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    problems = LOG_PROBLEM.findall(result.stderr)
    assert result.returncode == 0 and not problems, f'odoo {" ".join(args)} failed:\n{result.stderr[-6000:]}'


def module_states(dbname):
    return dict(
        query(
            dbname,
            f"""SELECT name, state FROM ir_module_module
                                  WHERE name IN {OUR_MODULES}""",
        )
    )


def query(dbname, sql):
    connection = connect(dbname)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


def snapshot(dbname, queries):
    return {name: query(dbname, sql) for name, sql in queries.items()}


def uninstall(dbname, *modules):
    subprocess.run(
        odoo_command('-d', dbname, *modules, command=('module', 'uninstall')),
        check=True,
        capture_output=True,
        timeout=1200,
    )


def book_a_partly_paid_invoice(dbname):
    """A posted customer invoice with a partial payment reconciled against it, booked as an accountant would."""
    with running_server(dbname) as url:
        client = OdooRpc(url, dbname)
        assert client.login('admin', 'admin')
        company_id = client.execute('res.users', 'read', [client.uid], ['company_id'])[0]['company_id'][0]
        client.execute('account.chart.template', 'try_loading', [], 'generic_coa', company_id)
        partner_id = client.execute('res.partner', 'create', {'name': 'Odběratel s.r.o.', 'is_company': True})
        invoice_id = client.execute(
            'account.move',
            'create',
            {
                'move_type': 'out_invoice',
                'partner_id': partner_id,
                'invoice_line_ids': [(0, 0, {'name': 'Consulting', 'quantity': 2, 'price_unit': 500})],
            },
        )
        client.execute('account.move', 'action_post', [invoice_id])
        context = {'active_model': 'account.move', 'active_ids': [invoice_id]}
        register_id = client.execute('account.payment.register', 'create', {'amount': 400}, context=context)
        client.execute('account.payment.register', 'action_create_payments', [register_id], context=context)
        [invoice] = client.execute('account.move', 'read', [invoice_id], ['payment_state'])
        assert invoice['payment_state'] in ('partial', 'in_payment')


@pytest.fixture(scope='module')
def fresh_database():
    dbname = throwaway_name('crm_extended_cycle')
    try:
        # A company that keeps its books and runs its website in Odoo.
        odoo(dbname, '-i', 'crm,contacts,sale_crm,account,website_crm')
        book_a_partly_paid_invoice(dbname)
        yield dbname
    finally:
        drop_database(dbname)


def test_install_upgrade_uninstall_reinstall(fresh_database):
    standard_before = snapshot(fresh_database, STANDARD_DATA)
    accounting_before = snapshot(fresh_database, ACCOUNTING_DATA)

    odoo(fresh_database, '-i', ADDONS)
    assert module_states(fresh_database) == our_states('installed', 'installed')

    odoo(fresh_database, '-u', ADDONS)
    after_first_upgrade = snapshot(fresh_database, UPGRADE_FOOTPRINT)
    odoo(fresh_database, '-u', ADDONS)
    assert snapshot(fresh_database, UPGRADE_FOOTPRINT) == after_first_upgrade

    uninstall(fresh_database, 'crm_extended')
    assert module_states(fresh_database) == our_states('uninstalled', 'installed')
    # crm_accounting_link stands alone: its suite passes once crm_extended is gone. Its query counts, locked with
    # every addon installed in the main run, would only build their thousands of records a second time.
    odoo(
        fresh_database,
        '-u',
        'crm_accounting_link',
        '--test-enable',
        '--test-tags',
        '/crm_accounting_link,-crm_accounting_link_performance',
        '--http-port',
        str(free_port()),
    )

    uninstall(fresh_database, 'crm_accounting_link')
    assert snapshot(fresh_database, ACCOUNTING_DATA) == accounting_before
    assert module_states(fresh_database) == our_states('uninstalled', 'uninstalled')
    assert snapshot(fresh_database, STANDARD_DATA) == standard_before
    assert not query(fresh_database, f"SELECT module, name FROM ir_model_data WHERE module IN {OUR_MODULES}")

    odoo(fresh_database, '-i', ADDONS)
    assert module_states(fresh_database) == our_states('installed', 'installed')

    # The other way round: without crm_accounting_link, crm_extended, the register and personal data stay, the
    # bridges go.
    uninstall(fresh_database, 'crm_accounting_link')
    assert module_states(fresh_database) == our_states('installed', 'uninstalled')
    assert snapshot(fresh_database, ACCOUNTING_DATA) == accounting_before

    # A company that wants none of the capabilities: crm_extended keeps every other record and passes its suite alone.
    uninstall(fresh_database, *CAPABILITIES)
    assert module_states(fresh_database) == (
        our_states('installed', 'uninstalled')
        | dict.fromkeys(CAPABILITIES, 'uninstalled')
        | dict.fromkeys(
            (
                'crm_lead_scoring_website',
                'crm_lead_scoring_mass_mailing',
                'crm_customer_care_survey',
                'crm_sales_kpi_customer_care',
                'crm_personal_data_customer_care',
            ),
            'uninstalled',
        )
    )
    # Its tours refuse bad input on purpose, which the web server logs as a warning.
    odoo(
        fresh_database,
        '-u',
        'crm_extended',
        '--test-enable',
        '--test-tags',
        '/crm_extended,-crm_extended_performance',
        '--http-port',
        str(free_port()),
        '--log-handler',
        'odoo.http:ERROR',
    )
