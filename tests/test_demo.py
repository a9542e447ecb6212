"""The demo: a database created the way ./scripts/run.sh creates it (the addons with demo data, Czech and Slovak
loaded) loads every demo file, shows each demo user, logged in with the login as password, their screens full of
data and without an access error, and upgrades without a change to the demo records."""

import datetime
import io
import zipfile

import pytest
from conftest import drop_database, running_server, throwaway_name
from rpc import OdooRpc
from test_install_cycle import ADDONS, UPGRADE_FOOTPRINT, odoo, query, snapshot

# The demo records, by what each addon's demo creates; an upgrade must neither duplicate nor rewrite them.
DEMO_DATA = {
    'res_users': "SELECT login, active FROM res_users WHERE login IN ('jana', 'martin', 'petr', 'lukas', 'eva') "
    "ORDER BY login",
    'crm_interaction': "SELECT id, subject, state, user_id, date, date_done FROM crm_interaction ORDER BY id",
    'mail_activity': "SELECT id, res_model, res_id, user_id, date_deadline FROM mail_activity ORDER BY id",
    'sale_order': "SELECT id, state, partner_id, opportunity_id, date_order FROM sale_order ORDER BY id",
    'account_move': "SELECT id, name, state, invoice_date, invoice_date_due, amount_residual, payment_state "
    "FROM account_move ORDER BY id",
    'account_payment': "SELECT id, amount, state, partner_id FROM account_payment ORDER BY id",
}


@pytest.fixture(scope='module')
def demo_database():
    dbname = throwaway_name('crm_extended_demo')
    try:
        odoo(dbname, '-i', ADDONS, '--with-demo', '--load-language=cs_CZ,sk_SK')
        yield dbname
    finally:
        drop_database(dbname)


@pytest.fixture(scope='module')
def demo_server(demo_database):
    with running_server(demo_database) as url:
        yield url


def log_in(url, dbname, login):
    client = OdooRpc(url, dbname)
    assert client.login(login, login), f'the demo user {login} could not log in with the login as password'
    return client


def test_every_demo_file_loads(demo_database):
    # Odoo installs a module without its demo data when a demo file fails, and only logs it.
    with_demo = (
        'crm_extended',
        'crm_lead_scoring',
        'crm_customer_care',
        'crm_accounting_link',
        'crm_customer_value',
        'crm_personal_data',
        'crm_extended_mass_mailing',
        'crm_extended_event',
    )
    assert dict(
        query(demo_database, f"SELECT name, demo FROM ir_module_module WHERE name IN {with_demo}")
    ) == dict.fromkeys(with_demo, True)


def test_salesperson_sees_newsletters_and_webinars_in_the_timeline(demo_server, demo_database):
    martin = log_in(demo_server, demo_database, 'martin')
    [customer] = martin.execute(
        'res.partner', 'search_read', [('name', '=', 'Drevovýroba Zvolen s.r.o.')], ['crm_company_history_entry_ids']
    )
    entries = martin.execute('crm.history.entry', 'read', customer['crm_company_history_entry_ids'], ['kind', 'name'])
    kinds = {entry['kind'] for entry in entries}
    assert {'mailing_clicked', 'mailing_opened', 'event_registered'} <= kinds, kinds
    assert any(entry['name'] == 'Webinár: Úspory energie pri sušení dreva' for entry in entries)
    martin.execute('res.partner', 'get_views', [[False, 'form']])


def test_score_breakdown_and_call_now_read_in_the_salespersons_language(demo_server, demo_database):
    martin = log_in(demo_server, demo_database, 'martin')
    slovak = {'context': {'lang': 'sk_SK'}}
    [lead] = martin.execute(
        'crm.lead', 'search_read', [('name', '=', 'Sušiaca komora pre pílu Detva')], ['crm_score_breakdown'], **slovak
    )
    assert 'Výrobný zákazník +10' in lead['crm_score_breakdown'], lead['crm_score_breakdown']
    assert 'naposledy pred' in lead['crm_score_breakdown'] and 'latest' not in lead['crm_score_breakdown']
    [activity] = martin.execute(
        'mail.activity',
        'search_read',
        [('res_id', '=', lead['id']), ('res_model', '=', 'crm.lead'), ('summary', 'ilike', 'Zavolať hneď')],
        ['note'],
    )
    assert 'naposledy pred' in activity['note'] and 'latest' not in activity['note'], activity['note']


def test_data_protection_officer_sees_current_consents_and_withdrawn_addresses_are_blacklisted(
    demo_server, demo_database
):
    alena = log_in(demo_server, demo_database, 'alena')
    consents = alena.execute(
        'crm.consent', 'search_read', [('is_current', '=', True)], ['partner_id', 'state', 'is_expiring']
    )
    assert {'given', 'withdrawn'} <= {consent['state'] for consent in consents}
    assert any(consent['is_expiring'] for consent in consents)
    assert query(
        demo_database,
        """SELECT email FROM mail_blacklist
                                  WHERE active AND email = 'juraj.hric@drevovyroba-zvolen.example.com'""",
    )


def test_salesperson_sees_own_interactions_and_classified_customers(demo_server, demo_database):
    jana = log_in(demo_server, demo_database, 'jana')
    interactions = jana.execute('crm.interaction', 'search_read', [], ['subject', 'state', 'is_overdue', 'user_id'])
    assert {'planned', 'in_progress', 'resolved'} <= {interaction['state'] for interaction in interactions}
    assert any(interaction['is_overdue'] and interaction['user_id'][0] == jana.uid for interaction in interactions)

    for country in ('CZ', 'SK'):
        assert jana.execute(
            'res.partner',
            'search_count',
            [
                ('is_company', '=', True),
                ('country_id.code', '=', country),
                ('crm_company_type_ids', '!=', False),
                ('crm_company_status_id', '!=', False),
                ('industry_id', '!=', False),
                ('company_registry', '!=', False),
            ],
        ), f'no classified customer in {country}'
    assert jana.execute('res.partner', 'search_count', [('crm_position_id', '!=', False)])
    assert jana.execute(
        'res.partner', 'search_count', [('crm_address_type_id', '!=', False), ('type', 'in', ('delivery', 'other'))]
    )
    leads = jana.execute(
        'crm.lead',
        'search_read',
        [('user_id', '=', jana.uid)],
        [
            'name',
            'crm_partner_company_type_ids',
            'crm_partner_company_status_id',
            'crm_interaction_count',
            'crm_invoiced_amount',
        ],
    )
    assert leads and any(lead['crm_interaction_count'] for lead in leads)
    jana.execute('res.partner', 'get_views', [[False, 'form'], [False, 'list']])
    jana.execute('crm.interaction', 'get_views', [[False, 'kanban'], [False, 'list'], [False, 'form']])


def test_handover_tasks_wait_in_colleagues_activities(demo_server, demo_database):
    for login in ('jana', 'martin', 'petr'):
        colleague = log_in(demo_server, demo_database, login)
        tasks = colleague.execute(
            'mail.activity',
            'search_read',
            [('user_id', '=', colleague.uid), ('res_model', '=', 'crm.interaction')],
            ['res_id', 'summary', 'date_deadline'],
        )
        assert tasks, f'{login} has no hand-over task'
        handed_over = colleague.execute(
            'crm.interaction', 'read', [task['res_id'] for task in tasks], ['user_id', 'state', 'handover_activity_id']
        )
        assert all(
            interaction['user_id'][0] == colleague.uid
            and interaction['state'] in ('planned', 'in_progress')
            and interaction['handover_activity_id']
            for interaction in handed_over
        )


def test_manager_sees_hand_overs_received_and_resolved(demo_server, demo_database):
    petr = log_in(demo_server, demo_database, 'petr')
    rows = petr.execute(
        'crm.salesperson.effectiveness.report', 'search_read', [], ['handover_count', 'handover_resolved_count']
    )
    received, resolved = (sum(row[fname] for row in rows) for fname in ('handover_count', 'handover_resolved_count'))
    assert received >= 6 and 1 <= resolved < received, (received, resolved)


def test_manager_sees_opportunities_move_on_from_their_stages(demo_server, demo_database):
    petr = log_in(demo_server, demo_database, 'petr')
    rows = petr.execute('crm.stage.conversion.report', 'search_read', [], ['stage_id', 'next_stage_rate'])
    assert any(row['next_stage_rate'] for row in rows), 'no opportunity moved on from a stage in Stage Conversion'


def test_overdue_banner_shows_to_a_salesperson(demo_server, demo_database):
    for login in ('jana', 'lukas'):
        salesperson = log_in(demo_server, demo_database, login)
        customers = salesperson.execute(
            'res.partner',
            'search_read',
            [('crm_overdue_invoice_count', '>', 0)],
            ['name', 'crm_overdue_warning', 'crm_not_due_note', 'crm_unpaid_amount'],
        )
        assert customers and all(customer['crm_overdue_warning'] for customer in customers), login
        assert salesperson.execute(
            'res.partner', 'search_count', [('crm_overdue_invoice_count', '=', 0), ('crm_unpaid_invoice_count', '>', 0)]
        ), 'no customer has unpaid invoices that are not due yet'
        action = salesperson.execute('res.partner', 'action_crm_unpaid_invoices', [customers[0]['id']])
        assert action['res_model'] == 'account.move'


def test_salesperson_sees_invoiced_paid_and_due_amounts_of_own_opportunities(demo_server, demo_database):
    lukas = log_in(demo_server, demo_database, 'lukas')
    leads = lukas.execute(
        'crm.lead',
        'search_read',
        [('user_id', '=', lukas.uid)],
        ['name', 'crm_invoiced_amount', 'crm_paid_amount', 'crm_amount_due', 'crm_invoice_count'],
    )
    assert any(lead['crm_paid_amount'] and lead['crm_amount_due'] for lead in leads), 'no partly paid opportunity'
    assert any(
        lead['crm_invoiced_amount'] and lead['crm_paid_amount'] == lead['crm_invoiced_amount'] for lead in leads
    ), 'no paid opportunity'
    assert any(lead['crm_invoiced_amount'] and not lead['crm_paid_amount'] for lead in leads), 'no unpaid opportunity'
    assert lukas.execute('sale.order', 'search_count', [('state', '=', 'draft')])
    lukas.execute('crm.lead', 'get_views', [[False, 'form'], [False, 'list']])


def test_manager_sees_a_year_of_every_type_and_state_and_exports_the_statistics(demo_server, demo_database):
    petr = log_in(demo_server, demo_database, 'petr')
    interactions = petr.execute(
        'crm.interaction', 'search_read', [], ['subject', 'interaction_type_id', 'state', 'user_id', 'date']
    )
    assert len({interaction['user_id'][0] for interaction in interactions}) >= 3
    assert {interaction['state'] for interaction in interactions} == {'planned', 'in_progress', 'resolved', 'cancelled'}
    assert {interaction['interaction_type_id'][0] for interaction in interactions} == set(
        petr.execute('crm.interaction.type', 'search', [])
    )
    dates = [datetime.datetime.fromisoformat(interaction['date']) for interaction in interactions]
    now = datetime.datetime.now()
    assert max(dates) > now + datetime.timedelta(days=14) and min(dates) < now - datetime.timedelta(days=300)

    year_ago = (datetime.date.today() - datetime.timedelta(days=366)).isoformat()
    wizard = petr.execute('crm.interaction.statistics', 'create', {'date_from': year_ago})
    action = petr.execute('crm.interaction.statistics', 'action_export', [wizard])
    with zipfile.ZipFile(io.BytesIO(petr.download(action['url']))) as workbook:
        content = ''.join(workbook.read(name).decode() for name in workbook.namelist() if name.endswith('.xml'))
    resolved = next(interaction for interaction in interactions if interaction['state'] == 'resolved')
    assert resolved['subject'] in content


def test_billing_clerk_sees_orders_and_opportunities_of_invoices_and_payments(demo_server, demo_database):
    eva = log_in(demo_server, demo_database, 'eva')
    invoices = eva.execute(
        'account.move',
        'search_read',
        [('move_type', '=', 'out_invoice'), ('crm_sale_order_ids', '!=', False)],
        ['name', 'payment_state', 'crm_sale_order_ids', 'crm_opportunity_ids'],
    )
    assert {'not_paid', 'partial', 'paid'} <= {invoice['payment_state'] for invoice in invoices}
    assert all(invoice['crm_opportunity_ids'] for invoice in invoices)
    payments = eva.execute(
        'account.payment',
        'search_read',
        [('crm_sale_order_ids', '!=', False)],
        ['name', 'amount', 'crm_sale_order_ids', 'crm_opportunity_ids'],
    )
    assert payments and all(payment['crm_opportunity_ids'] for payment in payments)
    lead_ids = {lead_id for invoice in invoices for lead_id in invoice['crm_opportunity_ids']}
    assert len(eva.execute('crm.lead', 'read', list(lead_ids), ['name'])) == len(lead_ids)
    customer_id = eva.execute('res.partner', 'search', [('crm_overdue_invoice_count', '>', 0)], limit=1)
    [customer] = eva.execute('res.partner', 'read', customer_id, ['crm_overdue_warning', 'crm_unpaid_amount'])
    assert customer['crm_overdue_warning']
    eva.execute('res.partner', 'get_views', [[False, 'form']])
    eva.execute('account.payment', 'get_views', [[False, 'form'], [False, 'list']])


def test_upgrade_keeps_the_demo_as_it_is(demo_database, demo_server):
    # Runs last in the module: the server above has answered every other test first.
    before = snapshot(demo_database, {**UPGRADE_FOOTPRINT, **DEMO_DATA})
    odoo(demo_database, '-u', ADDONS)
    assert snapshot(demo_database, {**UPGRADE_FOOTPRINT, **DEMO_DATA}) == before
