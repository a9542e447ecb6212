"""Load test: a real Odoo server in prefork mode (HTTP workers and the cron worker) on a copy of a bench tier,
driven on loopback by simulated salespeople, accountants and managers for a bounded time and request count.

    python3 bench/load/load.py small --duration 60 --requests 3000
    python3 bench/load/load.py medium --users 20 --replica-port 55432   # reports from a streaming replica

Reports requests per second, p50/p95/p99 per action, ours against Odoo's own equivalent screen opened under the
same load, and errors by kind; then checks the data: every interaction a client was told was created exists
exactly once, every hand-over left one owner and one open task, every registered payment paid its invoice, and
the server log tells how many serialization failures Odoo retried (none may reach a user as an error).
"""

import argparse
import asyncio
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from client import Budget, Recorder
from common import (
    LOOPBACK,
    ROOT,
    bench_db,
    bring_up_to_date,
    config_path,
    copy_db,
    db_options,
    drop_db,
    environment,
    free_port,
    odoo_server,
    postgres,
    run_odoo,
)
from generate import template_name, tier_key
from items import (
    FIGURE_ADDONS,
    OUR_PARTNER_FIGURES,
    OUR_PAYMENT_FIELDS,
    STANDARD_PARTNER_FORM,
    STANDARD_PARTNER_LIST,
    case_specs,
    fields_of_modules,
    specification,
    view_field_names,
)
from users import ROLES, Ledger

RESULTS = HERE.parent / 'results'
ROLE_SHARES = {'salespeople': 0.7, 'accountants': 0.2}
STATISTICS_COLUMNS = [
    'date',
    'subject',
    'interaction_type_id',
    'partner_id',
    'commercial_partner_id',
    'lead_id',
    'user_id',
    'team_id',
    'state',
    'date_done',
]
# What the server log says when Odoo retried a transaction, fell back from the replica, or a worker hit a limit.
LOG_EVENTS = {
    'concurrency retries': re.compile(r'tries left, try again in'),
    'read-only route wrote, retried on the primary': re.compile(r'retrying with a read/write cursor'),
    'replica unavailable, primary used': re.compile(r'Failed to open a readonly cursor'),
    'worker memory limit reached': re.compile(r'virtual memory limit .* reached'),
    'worker time limit reached': re.compile(r'(CPU|real) time limit'),
    # A read-only route's failed write is logged as a bad query, then retried on the primary: counted above.
    'errors logged': re.compile(r'^\S+ \S+ \d+ (ERROR|CRITICAL) (?!\S+ odoo\.sql_db: bad query)'),
}


# --- the database and its users ---------------------------------------------------------------------------------


def headcount(users):
    counts = {role: max(1, round(users * share)) for role, share in ROLE_SHARES.items()}
    counts['salespeople'] = max(2, counts['salespeople'])
    counts['managers'] = max(1, users - sum(counts.values()))
    return counts


def ensure_people(env, counts):
    """The tier's salespeople (more copied from the first when needed), accountants and managers, each logging in
    with the login as password, working in the main company."""
    users = env['res.users'].with_context(no_reset_password=True)
    salespeople = users.search([('login', 'like', 'bench_sales_%')], order='id')
    for index in range(len(salespeople), counts['salespeople']):
        salespeople |= salespeople[0].copy({'login': f'bench_sales_{index}', 'name': f'{salespeople[0].name} {index}'})
    groups = {
        'accountants': ('account.group_account_invoice',),
        'managers': ('sales_team.group_sale_manager', 'base.group_allow_export'),
    }
    people = {'salespeople': salespeople[: counts['salespeople']]}
    for role, xmlids in groups.items():
        people[role] = users.create(
            [
                {
                    'name': f'Bench {role[:-1]} {index}',
                    'login': f'bench_{role[:-1]}_{index}',
                    'company_id': env.company.id,
                    'company_ids': [(6, 0, env['res.company'].search([]).ids)],
                    'group_ids': [(6, 0, [env.ref(xmlid).id for xmlid in xmlids])],
                }
                for index in range(counts[role])
            ]
        )
    for person in sum(people.values(), users):
        person.write({'password': person.login, 'tz': 'Europe/Prague', 'company_id': env.company.id})
    return people


def user_env(env, user):
    return env(user=user, su=False, context=dict(user.context_get(), allowed_company_ids=user.company_ids.ids))


def screen_specs(env, people):
    """What the web client asks for on each screen, from the views as the user of that screen gets them; ours
    and Odoo's own variant share the view's common fields, as in the benchmark's items 1 to 4."""
    partners = user_env(env, people['salespeople'][0])['res.partner']
    interactions, leads = partners.env['crm.interaction'], partners.env['crm.lead']
    payments = user_env(env, people['accountants'][0])['account.payment']
    form_fields = view_field_names(partners, 'form')
    ours_on_form = [name for name in form_fields if name in fields_of_modules(partners, FIGURE_ADDONS)]
    return {
        'contact_list': case_specs(
            partners,
            view_field_names(partners, 'list'),
            {'ours': OUR_PARTNER_FIGURES, 'odoo': STANDARD_PARTNER_LIST},
            FIGURE_ADDONS,
        ),
        'contact_form': case_specs(
            partners,
            form_fields,
            {'ours': ours_on_form + OUR_PARTNER_FIGURES, 'odoo': STANDARD_PARTNER_FORM},
            FIGURE_ADDONS,
        ),
        'interactions_list': {
            'ours': specification(interactions, view_field_names(interactions, 'list')),
            'odoo': specification(leads, view_field_names(leads, 'list', 'crm.crm_case_tree_view_oppor')),
        },
        'interactions_kanban': {
            'ours': specification(interactions, view_field_names(interactions, 'kanban')),
            'odoo': specification(leads, view_field_names(leads, 'kanban', 'crm.crm_case_kanban_view_leads')),
        },
        'payments_list': case_specs(
            payments, view_field_names(payments, 'list'), {'ours': OUR_PAYMENT_FIELDS, 'odoo': []}, FIGURE_ADDONS
        ),
        'payment_form': case_specs(
            payments, view_field_names(payments, 'form'), {'ours': OUR_PAYMENT_FIELDS, 'odoo': []}, FIGURE_ADDONS
        ),
    }


def statistics_period(env, manager):
    """A full year of interactions, as the workbook and Odoo's list export both get it."""
    date_to = date.today()
    date_from = date_to - timedelta(days=365)
    interactions = user_env(env, manager)['crm.interaction']
    wizard = interactions.env['crm.interaction.statistics'].new({'date_from': date_from, 'date_to': date_to})
    domain = [
        (name, operator, value.strftime('%Y-%m-%d %H:%M:%S') if isinstance(value, datetime) else value)
        for name, operator, value in wizard._filter_domain()
    ]
    export = {
        'model': 'crm.interaction',
        'domain': domain,
        'ids': False,
        'groupby': [],
        'import_compat': False,
        'fields': [{'name': name, 'label': interactions._fields[name].string} for name in STATISTICS_COLUMNS],
        'context': {'lang': 'en_US', 'tz': 'Europe/Prague', 'allowed_company_ids': manager.company_ids.ids},
    }
    return {
        'date_from': str(date_from),
        'date_to': str(date_to),
        'export': json.dumps(export),
        'interactions': interactions.search_count(domain),
    }


def prepare(dbname, users):
    """Users, passwords and the plan of the run: the records each simulated user works on."""
    with environment(dbname) as env:
        env = env(context=dict(env.context, allowed_company_ids=[env.ref('base.main_company').id]))
        people = ensure_people(env, headcount(users))
        company = env.company
        in_company = [('company_id', 'in', [False, company.id])]
        invoices = env['account.move'].search(
            [
                ('move_type', '=', 'out_invoice'),
                ('state', '=', 'posted'),
                ('payment_state', '=', 'not_paid'),
                ('company_id', '=', company.id),
            ]
        )
        accountants = len(people['accountants'])
        plan = {
            'db': dbname,
            'company_id': company.id,
            'company_ids': env['res.company'].search([]).ids,
            'specs': screen_specs(env, people),
            'companies': env['res.partner'].search([('is_company', '=', True)] + in_company, limit=500).ids,
            'contacts': env['res.partner']
            .search([('is_company', '=', False), ('parent_id', '!=', False)] + in_company, limit=500)
            .ids,
            'leads': env['crm.lead']
            .search([('type', '=', 'opportunity'), ('company_id', '=', company.id)], limit=500)
            .ids,
            'payments': env['account.payment']
            .search([('payment_type', '=', 'inbound'), ('company_id', '=', company.id)], limit=500)
            .ids,
            'types': env['crm.interaction.type'].search([]).ids,
            'statistics': statistics_period(env, people['managers'][0]),
            'salespeople': [
                {
                    'login': user.login,
                    'uid': user.id,
                    'planned': env['crm.interaction']
                    .search(
                        [
                            ('user_id', '=', user.id),
                            ('state', 'in', ('planned', 'in_progress')),
                            ('company_id', '=', company.id),
                        ]
                    )
                    .ids,
                }
                for user in people['salespeople']
            ],
            # Each accountant pays invoices of their own: two paying one invoice at once would be a user's mistake.
            'accountants': [
                {'login': user.login, 'invoices': invoices.ids[index::accountants]}
                for index, user in enumerate(people['accountants'])
            ],
            'managers': [{'login': user.login} for user in people['managers']],
        }
    return plan


def as_postgres(*command):
    wrapped = (
        ['su', 'postgres', '-c', shlex.join(command)] if os.geteuid() == 0 else ['sudo', '-u', 'postgres', *command]
    )
    subprocess.run(wrapped, check=True, stdout=subprocess.DEVNULL)


def count_statements_on_the_replica(dbname):
    # pg_stat_statements is not a trusted extension: only the PostgreSQL superuser may create it. It counts
    # nothing on the primary (not preloaded there) and every statement on the replica, whose configuration
    # preloads it.
    as_postgres(
        'psql',
        '-p',
        str(db_options()['db_port']),
        '-d',
        dbname,
        '-qc',
        'CREATE EXTENSION IF NOT EXISTS pg_stat_statements',
    )


# --- the server -------------------------------------------------------------------------------------------------


def load_server(dbname, workers, logfile, replica_port=None):
    """Odoo in prefork mode: ``workers`` HTTP workers and the cron worker, with the memory and time limits of the
    configuration."""
    options = [
        '--gevent-port',
        str(free_port()),
        '--workers',
        str(workers),
        '--max-cron-threads',
        '1',
        '--log-level',
        'info',
    ]
    if replica_port:
        options += ['--db_replica_host', LOOPBACK, '--db_replica_port', str(replica_port)]
    return odoo_server(dbname, logfile, *options)


async def drive(plan, port, duration, requests, think, seed, warmup):
    budget, recorder, ledger = Budget(duration, requests, warmup), Recorder(), Ledger(plan)
    rng = random.Random(seed)
    users = [
        role(plan, profile, port, budget, recorder, ledger, random.Random(rng.random()), think)
        for name, role in ROLES.items()
        for profile in plan[name]
    ]
    await asyncio.gather(*(user.run() for user in users))
    return budget, recorder, ledger


# --- what the run did -----------------------------------------------------------------------------------------


def percentile(sorted_values, share):
    """Nearest-rank percentile."""
    return sorted_values[max(0, min(len(sorted_values) - 1, round(share * len(sorted_values) + 0.5) - 1))]


def latency_rows(recorder):
    keys = sorted(set(recorder.samples) | set(recorder.errors))
    rows = []
    for phase, action, variant in keys:
        values = sorted(recorder.samples.get((phase, action, variant), []))
        errors = dict(recorder.errors.get((phase, action, variant), {}))
        rows.append(
            {
                'phase': phase,
                'action': action,
                'variant': variant,
                'count': len(values),
                'errors': errors,
                **({f'p{share}': percentile(values, share / 100) * 1000 for share in (50, 95, 99)} if values else {}),
            }
        )
    return rows


def ratios(recorder):
    """Ours / Odoo's own at p50 and p95 over the whole run, and the p95 of every action but the workbook in the
    half with managers exporting against the half without."""
    merged = {}
    for (phase, action, variant), values in recorder.samples.items():
        merged.setdefault((action, variant), []).extend(values)
        merged.setdefault((phase, action, variant), []).extend(values)
    p = {key: {share: percentile(sorted(values), share / 100) for share in (50, 95)} for key, values in merged.items()}
    compared = [
        {
            'action': action,
            'p50_ratio': p[action, 'ours'][50] / p[action, 'odoo'][50],
            'p95_ratio': p[action, 'ours'][95] / p[action, 'odoo'][95],
        }
        for (action, variant) in sorted(k for k in p if len(k) == 2)
        if variant == 'ours' and (action, 'odoo') in p
    ]
    workbook_effect = [
        {
            'action': action,
            'variant': variant,
            'p95_ratio': p['with workbook', action, variant][95] / p['quiet', action, variant][95],
        }
        for (phase, action, variant) in sorted(k for k in p if len(k) == 3)
        if phase == 'quiet' and ('with workbook', action, variant) in p
    ]
    return compared, workbook_effect


def log_events(logfile):
    counts = dict.fromkeys(LOG_EVENTS, 0)
    for line in Path(logfile).read_text(errors='replace').splitlines():
        for name, pattern in LOG_EVENTS.items():
            if pattern.search(line):
                counts[name] += 1
    return counts


def verify(dbname, ledger):
    """Every write a client was told about is in the database, once, in the state it was left in."""
    problems = []
    with postgres(dbname) as cr:
        cr.execute(
            'SELECT subject, array_agg(id) FROM crm_interaction WHERE subject = ANY(%s) GROUP BY subject',
            [list(ledger.created.values())],
        )
        stored = dict(cr.fetchall())
        for record_id, subject in ledger.created.items():
            if stored.get(subject) != [record_id]:
                problems.append(f'interaction {record_id} {subject!r} stored as {stored.get(subject)}')
        cr.execute(
            """
            SELECT i.id, i.user_id, count(a.id), count(a.id) FILTER (WHERE a.id = i.handover_activity_id
                                                                     AND a.user_id = i.user_id)
              FROM crm_interaction i
              LEFT JOIN mail_activity a ON a.res_model = 'crm.interaction' AND a.res_id = i.id AND a.active
             WHERE i.id = ANY(%s) GROUP BY i.id, i.user_id""",
            [list(ledger.handed_over)],
        )
        for record_id, owner, open_tasks, task_of_owner in cr.fetchall():
            if owner != ledger.handed_over[record_id] or open_tasks != 1 or task_of_owner != 1:
                problems.append(
                    f'interaction {record_id} handed over to {ledger.handed_over[record_id]}: owner '
                    f'{owner}, {open_tasks} open tasks, {task_of_owner} of the owner'
                )
        cr.execute(
            """
            SELECT m.id, m.payment_state, m.amount_residual, count(p.payment_id)
              FROM account_move m LEFT JOIN account_move__account_payment p ON p.invoice_id = m.id
             WHERE m.id = ANY(%s) GROUP BY m.id""",
            [list(ledger.paid)],
        )
        for invoice_id, state, residual, payments in cr.fetchall():
            if state not in ('paid', 'in_payment') or residual != 0 or payments != 1:
                problems.append(f'invoice {invoice_id}: {state}, {residual} due, {payments} payments')
    return {
        'interactions created': len(ledger.created),
        'interactions handed over': len(ledger.handed_over),
        'invoices paid': len(ledger.paid),
        'workbooks downloaded': ledger.workbooks,
        'problems': problems,
    }


def wait_for_replica(replica_port, timeout=300):
    """Wait until the replica has replayed everything the primary wrote so far."""
    with postgres() as cr:
        cr.execute('SELECT pg_current_wal_lsn()')
        [written] = cr.fetchone()
    deadline = time.monotonic() + timeout
    with postgres(port=replica_port) as cr:
        while True:
            cr.execute('SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0', [written])
            if cr.fetchone()[0]:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f'the replica on port {replica_port} did not catch up within {timeout} s')
            time.sleep(0.5)


def replica_snapshot(dbname, replica_port):
    """Statement counts of the workbook on the replica, writes and transactions on each server."""
    options = db_options()
    snapshot = {}
    for server, port in (('primary', options['db_port']), ('replica', replica_port)):
        with postgres(dbname, port=port) as cr:
            cr.execute('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()')
            snapshot[f'{server} transactions'] = cr.fetchone()[0]
            cr.execute(
                "SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) FROM pg_stat_user_tables "
                "WHERE relname IN ('crm_interaction', 'mail_activity', 'account_payment')"
            )
            snapshot[f'{server} rows written to interactions, activities, payments'] = int(cr.fetchone()[0])
    with postgres(dbname, port=replica_port) as cr:
        cr.execute(
            "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND query LIKE '%%percentile_cont%%'"
        )
        snapshot['replica workbook median queries'] = int(cr.fetchone()[0])
    return snapshot


def format_report(result):
    lines = [
        f"tier {result['tier']} | {result['users']} | workers {result['workers']} + cron | "
        f"{result['requests']} requests in {result['seconds']:.1f} s after {result['warmup_seconds']:.0f} s of warm-up "
        f"= {result['rps']:.1f} requests/s | "
        f"load average {result['load_average']}"
    ]
    lines.append(f"{'phase':14} {'action':22} {'variant':7} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  errors")
    for row in result['latency']:
        numbers = ' '.join(f"{row[key]:8.0f}" if key in row else f"{'':8}" for key in ('p50', 'p95', 'p99'))
        lines.append(
            f"{row['phase']:14} {row['action']:22} {row['variant']:7} {row['count']:5} {numbers}  {row['errors'] or ''}"
        )
    lines.append('ours / Odoo under the same load:')
    lines += [
        f"  {row['action']:22} p50 {row['p50_ratio']:.2f}  p95 {row['p95_ratio']:.2f}" for row in result['ratios']
    ]
    lines.append('p95 with managers exporting workbooks / without:')
    lines += [f"  {row['action']:22} {row['variant']:5} {row['p95_ratio']:.2f}" for row in result['workbook_effect']]
    lines.append(f"errors by kind: {result['errors_by_kind'] or 'none'}")
    lines += [f'  {kind}, e.g. {example}' for kind, example in result['error_examples'].items()]
    lines.append(f"server log: {result['log']}")
    for name, value in result.get('replica', {}).items():
        lines.append(f'{name}: {value}')
    check = result['check']
    lines.append(
        f"check: {', '.join(f'{key} {value}' for key, value in check.items() if key != 'problems')}; "
        f"{len(check['problems'])} problems"
    )
    lines += [f'  {problem}' for problem in check['problems'][:20]]
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('tier', nargs='?', default='small')
    parser.add_argument('--duration', type=float, default=120, help='seconds of load at most (default 120)')
    parser.add_argument('--requests', type=int, default=5000, help='HTTP requests at most (default 5000)')
    parser.add_argument(
        '--users', type=int, default=10, help='simulated users: 70%% sales, 20%% accounting, rest managers'
    )
    parser.add_argument('--workers', type=int, default=2, help='HTTP worker processes (at least 2)')
    parser.add_argument(
        '--warmup',
        type=float,
        default=20,
        help='first seconds of the run, not measured: every worker loads the registry and its caches',
    )
    parser.add_argument('--think', type=float, default=0.5, help='mean pause of a user between actions, seconds')
    parser.add_argument('--replica-port', type=int, help='a streaming replica of the database server on loopback')
    parser.add_argument('--seed', type=int, default=7)
    parser.add_argument('--output', type=Path, help='JSON to write (default bench/results/load-<tier>-<time>.json)')
    parser.add_argument('--keep', action='store_true', help='keep the database copy (the server log is kept)')
    args = parser.parse_args(argv)
    if args.workers < 2:
        parser.error('prefork needs at least 2 HTTP workers')
    if args.warmup >= args.duration:
        parser.error('the warm-up must be shorter than the run')
    dbname = bench_db('load', tier_key(args.tier))
    logfile = ROOT / '.local' / f'{dbname}.log'
    # Odoo appends to its log file: each run counts its own events.
    logfile.unlink(missing_ok=True)
    copy_db(template_name(args.tier), dbname)
    try:
        bring_up_to_date(dbname)
        # Loopback only: no mail, no webhooks, and the cron worker runs only the jobs that stay on this machine.
        run_odoo('neutralize', '-c', str(config_path()), '-d', dbname)
        plan = prepare(dbname, args.users)
        if args.replica_port:
            count_statements_on_the_replica(dbname)
            wait_for_replica(args.replica_port)
        with load_server(dbname, args.workers, logfile, args.replica_port) as port:
            before = replica_snapshot(dbname, args.replica_port) if args.replica_port else {}
            budget, recorder, ledger = asyncio.run(
                drive(plan, port, args.duration, args.requests, args.think, args.seed, args.warmup)
            )
            seconds = budget.elapsed - args.warmup
            if args.replica_port:
                wait_for_replica(args.replica_port)
            after = replica_snapshot(dbname, args.replica_port) if args.replica_port else {}
        compared, workbook_effect = ratios(recorder)
        errors_by_kind = {}
        for kinds in recorder.errors.values():
            for kind, count in kinds.items():
                errors_by_kind[kind] = errors_by_kind.get(kind, 0) + count
        counts = {role: len(plan[role]) for role in ROLES}
        result = {
            'tier': args.tier,
            'template': template_name(args.tier),
            'measured_at': datetime.now().isoformat(),
            'users': ', '.join(f'{count} {role}' for role, count in counts.items()),
            'workers': args.workers,
            'think_seconds': args.think,
            'warmup_seconds': args.warmup,
            'requests': budget.sent - budget.sent_in_warmup,
            'seconds': seconds,
            'rps': (budget.sent - budget.sent_in_warmup) / seconds,
            'load_average': ' '.join(f'{value:.1f}' for value in os.getloadavg()),
            'workbook_period_interactions': plan['statistics']['interactions'],
            'latency': latency_rows(recorder),
            'ratios': compared,
            'workbook_effect': workbook_effect,
            'errors_by_kind': errors_by_kind,
            'error_examples': recorder.examples,
            'log': log_events(logfile),
            'check': verify(dbname, ledger),
            'replica': {name: after[name] - before[name] for name in after},
        }
    finally:
        if not args.keep:
            drop_db(dbname)
            shutil.rmtree(Path(db_options()['data_dir']) / 'filestore' / dbname, ignore_errors=True)
    output = args.output or RESULTS / f'load-{tier_key(args.tier)}-{datetime.now():%Y%m%d-%H%M%S}.json'
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, default=str))
    print(format_report(result))
    print(f'written to {output}')
    failed = errors_by_kind or result['check']['problems'] or result['log']['errors logged']
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
