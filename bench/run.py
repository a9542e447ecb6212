"""Measure our screens against what a user would otherwise use, on one throwaway copy of a tier's template.

    python3 bench/run.py small                 # smoke run
    python3 bench/run.py large --install       # the full comparison, install times included

Each item runs its cases interleaved (ours, then the peers, in a rotating order), after one warm-up each, and
reports the median SQL query count and wall time; ratios are ours / peer. The JSON lands in bench/results/.
"""

import argparse
import json
import platform
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    OUR_ADDONS,
    PEER_ADDONS,
    bench_db,
    bring_up_to_date,
    copy_db,
    drop_db,
    environment,
    init_db,
    install_modules,
)
from generate import template_name, tier_key
from items import ITEMS, count_records, overnight_state

RESULTS = Path(__file__).resolve().parent / 'results'


def prepare_copy(template, name):
    copy_db(template, name)
    bring_up_to_date(name)
    with environment(name) as env:
        overnight_state(env)


def unavailable_peers(env):
    reasons = {}
    for peer in PEER_ADDONS:
        module = env['ir.module.module'].search([('name', '=', peer)])
        if module.state != 'installed':
            reasons[peer] = (
                env['ir.config_parameter'].get_param(f'bench.peer_unavailable.{peer}')
                or f'{peer} is not installed in the template'
            )
    return reasons


def no_more_queries_than_peer():
    return 'queries <= peer', lambda row: row['ours']['queries'] <= row['theirs']['queries']


def time_within(limit):
    return f'time <= {limit:g}x', lambda row: row['time_ratio'] <= limit


# What each comparison must show on the large tier: (label, check of the row). Rows without a target are there
# for context.
TARGETS = {
    ('1', 'OCA overdue warn'): no_more_queries_than_peer(),
    ('1', 'Odoo credit'): time_within(1.5),
    ('2', 'OCA invoice overdue warn + financial risk'): no_more_queries_than_peer(),
    ('2', 'Odoo credit/total invoiced'): time_within(1.5),
    ('3', 'standard payments list'): time_within(1.3),
    ('4', 'opportunities list'): time_within(1.3),
    ('5', 'activity_schedule on an opportunity'): time_within(2),
    ('9', "Odoo's _cron_update_automated_probabilities"): time_within(1),
    ('10', 'the same with every scoring rule archived'): time_within(1.3),
    ('6', 'Odoo list export to XLSX'): (
        'faster, flat memory',
        lambda row: row['time_ratio'] < 1 and row['ours']['peak_mib'] <= 1.25 * row['ours']['peak_mib_half'],
    ),
    ('8', 'one batch'): ('constant queries per batch', lambda row: row['ours']['queries'] <= row['theirs']['queries']),
    ('8', 'without crm_company_register'): (
        'at most one query more',
        lambda row: row['ours']['queries'] <= row['theirs']['queries'] + 1,
    ),
    ('11', 'SQL aggregate of net revenue (floor)'): time_within(3),
    ('12', 'pipeline analysis pivot'): time_within(1.5),
    ('13', "SQL search of the day's birthdays (floor)"): time_within(2),
}


def judge(rows):
    """Add to each row that has a target the target and whether it is met."""
    for row in rows:
        target = TARGETS.get((row['item'], row.get('peer')))
        if target and 'skipped' not in row:
            label, check = target
            row['target'] = label
            row['target_met'] = bool(check(row))
    return rows


def measure_items(dbname, selected, repetitions):
    with environment(dbname, commit=False) as env:
        counts = count_records(env)
        peers_missing = unavailable_peers(env)
        rows = []
        for number, item in ITEMS.items():
            if number not in selected:
                continue
            print(f'item {number}: {item.__doc__.splitlines()[0]}', flush=True)
            rows += item(env, repetitions=repetitions, peers_missing=peers_missing)
        env.cr.rollback()
    return counts, peers_missing, rows


def measure_install(repetitions):
    """Item 7: install our two addons vs crm and sale_crm alone, each into a fresh copy of an empty database."""
    empty = bench_db('install', 'empty')
    init_db(empty)
    cases = {'ours': OUR_ADDONS, 'crm + sale_crm': ('crm', 'sale_crm')}
    seconds = {case: [] for case in cases}
    try:
        for repetition in range(repetitions):
            for case, modules in cases.items() if repetition % 2 == 0 else reversed(cases.items()):
                target = bench_db('install', 'target')
                copy_db(empty, target)
                seconds[case].append(install_modules(target, modules))
                drop_db(target)
    finally:
        drop_db(empty)
    ours, peer = (statistics.median(seconds[case]) for case in cases)
    return [
        {
            'item': '7',
            'what': 'install ' + ' + '.join(OUR_ADDONS),
            'peer': 'crm + sale_crm alone',
            'ours': {'seconds': ours},
            'theirs': {'seconds': peer},
            'time_ratio': ours / peer,
        }
    ]


def pair(ours, theirs, unit_ms=True):
    if ours is None:
        return ''
    if not unit_ms:
        return f'{ours:g}/{theirs:g}'
    if max(ours, theirs) >= 10:
        return f'{ours:.1f}/{theirs:.1f} s'
    return f'{ours * 1000:.0f}/{theirs * 1000:.0f} ms'


def format_table(result):
    lines = [
        f"tier {result['tier']} | " + ', '.join(f'{k} {v}' for k, v in result['counts'].items()),
        f"{'item':<5}{'measure':<44}{'peer':<42}{'queries':>10}{'q ratio':>9}{'time':>18}{'t ratio':>9}"
        f"  {'target':<28}extra",
    ]
    for row in result['rows']:
        if 'skipped' in row:
            lines.append(f"{row['item']:<5}{row['what']:<44}{row.get('peer', ''):<42}  skipped: {row['skipped']}")
            continue
        ours, theirs = row['ours'], row['theirs']
        queries = pair(ours.get('queries'), theirs.get('queries'), unit_ms=False)
        q_ratio = f"{row['query_ratio']:.2f}" if row.get('query_ratio') is not None else ''
        extra = ''
        if 'peak_mib' in ours:
            extra = (
                f"peak memory {ours['peak_mib']:.0f}/{theirs['peak_mib']:.0f} MiB = {row['memory_ratio']:.2f}; "
                f"ours on half the records {ours['peak_mib_half']:.0f} MiB"
            )
        target = f"{row['target']}: {'met' if row['target_met'] else 'MISSED'}" if 'target' in row else ''
        lines.append(
            f"{row['item']:<5}{row['what']:<44}{row['peer']:<42}{queries:>10}{q_ratio:>9}"
            f"{pair(ours['seconds'], theirs['seconds']):>18}{row['time_ratio']:>9.2f}  {target:<28}{extra}".rstrip()
        )
    for peer, reason in result['peers_unavailable'].items():
        lines.append(f'peer unavailable: {peer}: {reason}')
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        'tier', nargs='?', default='small', help='small, medium or large (the template must exist: see generate.py)'
    )
    parser.add_argument('--scale', type=int, default=1)
    parser.add_argument('--repetitions', type=int, default=5)
    parser.add_argument('--items', default=','.join(ITEMS), help='comma-separated item numbers, e.g. 1,3,4')
    parser.add_argument('--install', action='store_true', help='also measure item 7, install time (minutes)')
    parser.add_argument('--install-repetitions', type=int, default=1)
    parser.add_argument('--output', type=Path, help='JSON file to write (default: bench/results/<tier>-<time>.json)')
    parser.add_argument('--keep', action='store_true', help='keep the throwaway copy of the template')
    parser.add_argument('--table', type=Path, help='print the table of an earlier JSON result and stop')
    args = parser.parse_args(argv)
    if args.table:
        result = json.loads(args.table.read_text())
        judge(result['rows'])
        print(format_table(result))
        return None
    template = template_name(args.tier, args.scale)
    dbname = bench_db('run', tier_key(args.tier, args.scale))
    started = time.perf_counter()
    prepare_copy(template, dbname)
    try:
        counts, peers_missing, rows = measure_items(dbname, set(args.items.split(',')), args.repetitions)
    finally:
        if not args.keep:
            drop_db(dbname)
    if args.install:
        rows += measure_install(args.install_repetitions)
    else:
        rows.append({'item': '7', 'what': 'install time', 'skipped': 'run with --install (takes minutes)'})
    result = {
        'tier': args.tier if args.scale == 1 else f'{args.tier} x{args.scale}',
        'template': template,
        'measured_at': datetime.now().isoformat(timespec='seconds'),
        'repetitions': args.repetitions,
        'python': platform.python_version(),
        'counts': counts,
        'peers_unavailable': peers_missing,
        'rows': judge(rows),
        'seconds_total': round(time.perf_counter() - started, 1),
    }
    output = args.output or RESULTS / f"{tier_key(args.tier, args.scale)}-{datetime.now():%Y%m%d-%H%M%S}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, default=str))
    print(format_table(result))
    print(f'written to {output} in {result["seconds_total"]} s')
    return result


if __name__ == '__main__':
    main()
