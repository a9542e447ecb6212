"""The benchmark runs end to end on its small tier, and our list screens cost the same number of queries whatever
the amount of data: the small tier against one twice as large. No timing is asserted."""

import json

import pytest
from conftest import bench, drop_database, existing_smoke_databases

ITEMS = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'}
SIZE_INDEPENDENT_ITEMS = ('1', '3', '4', '9', '11', '12', '13')


@pytest.fixture(scope='module')
def results(tmp_path_factory, bench_small_template):
    """The benchmark's JSON on the small tier and on twice the small tier; the databases this test created are
    dropped afterwards, the templates that were there before are kept for the next run."""
    before = existing_smoke_databases()
    folder = tmp_path_factory.mktemp('bench')
    try:
        bench('generate.py', 'small', '--scale', '2')
        bench('run.py', 'small', '--repetitions', '1', '--output', str(folder / 'small.json'))
        bench(
            'run.py',
            'small',
            '--scale',
            '2',
            '--repetitions',
            '1',
            '--items',
            ','.join(SIZE_INDEPENDENT_ITEMS),
            '--output',
            str(folder / 'double.json'),
        )
        yield {size: json.loads((folder / f'{size}.json').read_text()) for size in ('small', 'double')}
    finally:
        for name in existing_smoke_databases() - before:
            drop_database(name)


def our_query_counts(result):
    return {
        (row['item'], row['what'].split(',')[0], row['peer']): row['ours']['queries']
        for row in result['rows']
        if row['item'] in SIZE_INDEPENDENT_ITEMS and 'queries' in row.get('ours', {})
    }


def test_benchmark_reports_every_item_with_the_data_counts(results):
    small = results['small']
    assert {row['item'] for row in small['rows']} == ITEMS
    assert small['counts']['interactions'] > 0 and small['counts']['invoices'] > 0


def test_double_data_holds_twice_the_records(results):
    assert results['double']['counts']['interactions'] == 2 * results['small']['counts']['interactions']


def test_list_query_counts_do_not_grow_with_the_data(results):
    small, double = our_query_counts(results['small']), our_query_counts(results['double'])
    assert small, 'no list was measured'
    assert small == double
