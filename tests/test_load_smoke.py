"""The load test runs end to end on the small tier, short: a prefork server with two HTTP workers and the cron
worker, one salesperson, one accountant and one manager doing each of their actions, and then nothing failed and
nothing was lost. No timing is asserted."""

import json

import pytest
from conftest import bench

WRITES = ('interactions created', 'interactions handed over', 'invoices paid', 'workbooks downloaded')


@pytest.fixture(scope='module')
def result(tmp_path_factory, bench_small_template):
    output = tmp_path_factory.mktemp('load') / 'load.json'
    bench(
        'load/load.py',
        'small',
        '--users',
        '3',
        '--duration',
        '100',
        '--warmup',
        '0',
        '--requests',
        '80',
        '--think',
        '0',
        '--output',
        str(output),
    )
    return json.loads(output.read_text())


def test_no_request_failed(result):
    assert result['errors_by_kind'] == {}, result['error_examples']
    assert result['log']['errors logged'] == 0
    assert result['log']['worker memory limit reached'] == result['log']['worker time limit reached'] == 0


def test_every_kind_of_write_was_done_and_none_was_lost(result):
    check = result['check']
    assert check['problems'] == []
    assert all(check[write] > 0 for write in WRITES), check


def test_ours_and_odoos_own_screens_were_both_measured(result):
    assert {row['action'] for row in result['ratios']} >= {'contact_list', 'contact_form', 'interactions_list'}
