"""The product as an external client meets it: a real server process answering over HTTP and JSON-RPC."""

import urllib.request

import pytest
from rpc import OdooRpc, RpcError


def test_login_page_answers_on_loopback(server_url):
    with urllib.request.urlopen(f'{server_url}/web/login', timeout=60) as response:
        page = response.read().decode()
    assert response.status == 200
    assert 'name="login"' in page and 'name="password"' in page


def test_wrong_password_is_refused(server_url, e2e_database):
    assert not OdooRpc(server_url, e2e_database).login('admin', 'not-the-password')


def test_both_addons_are_installed(admin_rpc):
    modules = admin_rpc.execute(
        'ir.module.module', 'search_read', [('name', 'in', ['crm_extended', 'crm_accounting_link'])], ['name', 'state']
    )
    assert {module['name']: module['state'] for module in modules} == {
        'crm_extended': 'installed',
        'crm_accounting_link': 'installed',
    }


def test_partner_is_created_written_and_read_back(admin_rpc):
    partner_id = admin_rpc.execute('res.partner', 'create', {'name': 'Strojírny Brno a.s.', 'is_company': True})
    admin_rpc.execute('res.partner', 'write', [partner_id], {'city': 'Brno', 'email': 'info@strojirny.example'})
    [partner] = admin_rpc.execute('res.partner', 'read', [partner_id], ['name', 'city', 'email', 'is_company'])
    assert partner == {
        'id': partner_id,
        'name': 'Strojírny Brno a.s.',
        'city': 'Brno',
        'email': 'info@strojirny.example',
        'is_company': True,
    }


def test_unknown_field_is_refused_and_nothing_is_created(admin_rpc):
    count_before = admin_rpc.execute('res.partner', 'search_count', [])
    with pytest.raises(RpcError) as error:
        admin_rpc.execute('res.partner', 'create', {'name': 'Nobody', 'no_such_field': 1})
    assert 'no_such_field' in error.value.message
    assert admin_rpc.execute('res.partner', 'search_count', []) == count_before
