"""The measured items: each compares what our addons show with what a user would otherwise open.

Screens are measured as the web client loads them: ``web_search_read`` (lists) and ``web_read`` (forms) with a
specification built from the screen's view, as the administrator. Each compared case gets the view's common
fields plus its own columns, so that the difference between cases is the cost of those columns alone.
"""

import statistics
import time
import tracemalloc
from types import SimpleNamespace

from lxml import etree

LIST_LIMIT = 80
STATISTICS_RECORDS = 100_000
OUR_PARTNER_FIGURES = [
    'crm_unpaid_invoice_count',
    'crm_unpaid_amount',
    'crm_overdue_invoice_count',
    'crm_overdue_amount',
    'crm_oldest_overdue_days',
]
OCA_OVERDUE_FIELDS = ['overdue_invoice_count', 'overdue_invoice_amount']
STANDARD_PARTNER_LIST = ['credit']
# The addons whose fields on contacts and payments are ours in the comparisons.
FIGURE_ADDONS = ('crm_accounting_link', 'crm_customer_value')
STANDARD_PARTNER_FORM = ['credit', 'total_invoiced']
OUR_PAYMENT_FIELDS = ['crm_sale_order_ids', 'crm_opportunity_ids']
VIEW_TAGS = {'list', 'form', 'kanban', 'search'}


# --- measuring ----------------------------------------------------------------------------------------------


def compare(env, cases, repetitions):
    """Run every case once to warm up, then ``repetitions`` times interleaved in a rotating order; return the
    median query count and wall time of each case."""
    samples = {name: {'queries': [], 'seconds': []} for name in cases}
    for run in cases.values():
        fresh_run(env, run)
    names = list(cases)
    for repetition in range(repetitions):
        shift = repetition % len(names)
        for name in names[shift:] + names[:shift]:
            queries, seconds = fresh_run(env, cases[name])
            samples[name]['queries'].append(queries)
            samples[name]['seconds'].append(seconds)
    return {
        name: {'queries': statistics.median(sample['queries']), 'seconds': statistics.median(sample['seconds'])}
        for name, sample in samples.items()
    }


def fresh_run(env, run):
    """Run with an empty record cache, as a new request would; writes are flushed inside the measurement."""
    env.invalidate_all()
    cr = env.cr
    queries_before = cr.sql_log_count
    started = time.perf_counter()
    run()
    env.flush_all()
    return cr.sql_log_count - queries_before, time.perf_counter() - started


def undone_run(env, run):
    """A measured run (see fresh_run) whose writes are undone afterwards, outside the measurement: each run of
    the repetitions finds the data as the first one did."""

    def measured():
        env.cr.execute('SAVEPOINT bench_undone_run')
        result = fresh_run(env, run)
        env.cr.execute('ROLLBACK TO SAVEPOINT bench_undone_run')
        env.invalidate_all()
        return result

    return measured


def row(item, what, peer, ours, theirs, **extra):
    return {
        'item': item,
        'what': what,
        'peer': peer,
        'ours': ours,
        'theirs': theirs,
        'query_ratio': ours['queries'] / theirs['queries'] if theirs.get('queries') else None,
        'time_ratio': ours['seconds'] / theirs['seconds'],
        **extra,
    }


def skipped(item, what, peer, reason):
    return {'item': item, 'what': what, 'peer': peer, 'skipped': reason}


def missing_fields(model, field_names):
    return [name for name in field_names if name not in model._fields]


def as_user(env):
    """The administrator as the web client uses them: their own rights, language and one active company."""
    admin = env.ref('base.user_admin')
    user_env = env(user=admin, su=False)
    return user_env(context=dict(admin.context_get(), allowed_company_ids=[admin.company_id.id]))


# --- specifications from views -------------------------------------------------------------------------------


def view_field_names(model, view_type, view_ref=None):
    """The fields a view shows at its top level (not those of embedded sub-views), as the user gets the view."""
    view_id = model.env.ref(view_ref).id if view_ref else False
    arch = model.get_views([(view_id, view_type)])['views'][view_type]['arch']
    root = etree.fromstring(arch)
    names = []
    for node in root.iter('field'):
        if (
            sum(1 for ancestor in node.iterancestors() if ancestor.tag in VIEW_TAGS) == 1
            and node.get('name') not in names
        ):
            names.append(node.get('name'))
    return names


def specification(model, field_names):
    """What the web client asks for each field: related records come with their display name."""
    spec = {}
    for name in field_names:
        field = model._fields.get(name)
        if field is None:
            continue
        spec[name] = {'fields': {'display_name': {}}} if field.relational else {}
        if field.type == 'monetary' and field.get_currency_field(model) in model._fields:
            spec[field.get_currency_field(model)] = {'fields': {'display_name': {}}}
    return spec


def fields_of_modules(model, modules):
    return {name for name, field in model._fields.items() if set(field._modules) & set(modules)}


def case_specs(model, common_fields, variants, variant_modules=()):
    """One specification per variant: the view's common fields, less every variant's own fields, plus its own."""
    own = set().union(*variants.values()) | fields_of_modules(model, variant_modules)
    common = [name for name in common_fields if name not in own]
    return {name: specification(model, common + list(extra)) for name, extra in variants.items()}


# --- item 1: contact list -------------------------------------------------------------------------------------


def item_contact_list(env, repetitions, peers_missing):
    """Contact list of 80 companies: our unpaid/overdue columns vs OCA overdue fields vs Odoo's credit."""
    partners = as_user(env)['res.partner']
    what = f'contact list, {LIST_LIMIT} companies'
    if missing := missing_fields(partners, OUR_PARTNER_FIGURES):
        return [skipped('1', what, 'OCA overdue / Odoo credit', f'our fields are not there yet: {", ".join(missing)}')]
    variants = {'ours': OUR_PARTNER_FIGURES, 'Odoo credit': STANDARD_PARTNER_LIST}
    if 'account_invoice_overdue_warn' not in peers_missing:
        variants['OCA overdue warn'] = OCA_OVERDUE_FIELDS
    specs = case_specs(
        partners,
        view_field_names(partners, 'list'),
        variants,
        (*FIGURE_ADDONS, 'account_invoice_overdue_warn', 'account_financial_risk'),
    )
    domain = [('is_company', '=', True)]
    cases = {
        name: (lambda spec=spec: partners.web_search_read(domain, spec, limit=LIST_LIMIT, count_limit=10001))
        for name, spec in specs.items()
    }
    results = compare(env, cases, repetitions)
    return peer_rows('1', what, results) + unavailable_rows('1', what, peers_missing, ['account_invoice_overdue_warn'])


def peer_rows(item, what, results):
    return [row(item, what, peer, results['ours'], results[peer]) for peer in results if peer != 'ours']


def unavailable_rows(item, what, peers_missing, modules):
    return [
        skipped(item, what, f'OCA {module}', f'peer unavailable: {peers_missing[module]}')
        for module in modules
        if module in peers_missing
    ]


# --- item 2: contact form ------------------------------------------------------------------------------------


def item_contact_form(env, repetitions, peers_missing):
    """One contact form of the customer with the most invoices: ours vs OCA vs standard."""
    partners = as_user(env)['res.partner']
    what = 'contact form, customer with most invoices'
    if missing := missing_fields(partners, OUR_PARTNER_FIGURES):
        return [skipped('2', what, 'OCA / Odoo', f'our fields are not there yet: {", ".join(missing)}')]
    customer = busiest_customer(env)
    form_fields = view_field_names(partners, 'form')
    variants = {
        'ours': [name for name in form_fields if name in fields_of_modules(partners, FIGURE_ADDONS)]
        + OUR_PARTNER_FIGURES,
        'Odoo credit/total invoiced': STANDARD_PARTNER_FORM,
    }
    oca_modules = [
        module for module in ('account_invoice_overdue_warn', 'account_financial_risk') if module not in peers_missing
    ]
    if oca_modules:
        variants['OCA ' + ' + '.join(module.removeprefix('account_').replace('_', ' ') for module in oca_modules)] = [
            name for name in form_fields if name in fields_of_modules(partners, oca_modules)
        ] + (OCA_OVERDUE_FIELDS if 'account_invoice_overdue_warn' in oca_modules else [])
    specs = case_specs(
        partners, form_fields, variants, (*FIGURE_ADDONS, 'account_invoice_overdue_warn', 'account_financial_risk')
    )
    record = partners.browse(customer.id)
    cases = {name: (lambda spec=spec: record.web_read(spec)) for name, spec in specs.items()}
    results = compare(env, cases, repetitions)
    return peer_rows('2', what, results) + unavailable_rows(
        '2', what, peers_missing, ['account_invoice_overdue_warn', 'account_financial_risk']
    )


def busiest_customer(env):
    counts = env['account.move']._read_group(
        [('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), ('company_id', '=', env.company.id)],
        ['commercial_partner_id'],
        ['__count'],
        order='__count desc',
        limit=1,
    )
    return counts[0][0]


# --- item 3: payments -----------------------------------------------------------------------------------------


def item_payments(env, repetitions, peers_missing):
    """Payments list of 80 with order/opportunity columns vs the plain list; search of payments by order name."""
    payments = as_user(env)['account.payment']
    what = f'payments list, {LIST_LIMIT} rows'
    if missing := missing_fields(payments, OUR_PAYMENT_FIELDS):
        reason = f'our fields are not there yet: {", ".join(missing)}'
        return [
            skipped('3', what, 'standard payments list', reason),
            skipped('3', 'payments search by order name', 'search by invoice origin', reason),
        ]
    specs = case_specs(
        payments,
        view_field_names(payments, 'list'),
        {'ours': OUR_PAYMENT_FIELDS, 'standard payments list': []},
        FIGURE_ADDONS,
    )
    domain = [('payment_type', '=', 'inbound')]
    list_results = compare(
        env,
        {
            name: (lambda spec=spec: payments.web_search_read(domain, spec, limit=LIST_LIMIT, count_limit=10001))
            for name, spec in specs.items()
        },
        repetitions,
    )
    order_name = paid_order_name(env)
    search_results = compare(
        env,
        {
            'ours': lambda: payments.search([('crm_sale_order_ids.name', '=', order_name)]).ids,
            # Without the link, the closest a user gets is the origin of the invoices the payment was made for.
            'search by invoice origin': lambda: (
                payments.search([('invoice_ids.invoice_origin', 'ilike', order_name)]).ids
            ),
        },
        repetitions,
    )
    return [
        row('3', what, 'standard payments list', list_results['ours'], list_results['standard payments list']),
        row(
            '3',
            'payments search by order name',
            'search by invoice origin',
            search_results['ours'],
            search_results['search by invoice origin'],
        ),
    ]


def paid_order_name(env):
    invoice = env['account.move'].search(
        [
            ('move_type', '=', 'out_invoice'),
            ('invoice_origin', '!=', False),
            ('payment_state', 'in', ('paid', 'in_payment', 'partial')),
        ],
        limit=1,
    )
    return invoice.invoice_origin


# --- item 4: interactions list --------------------------------------------------------------------------------


def item_interactions_list(env, repetitions, peers_missing):
    """Interactions list of 80 rows vs the standard opportunities list of 80."""
    user_env = as_user(env)
    interactions, leads = user_env['crm.interaction'], user_env['crm.lead']
    interaction_spec = specification(interactions, view_field_names(interactions, 'list'))
    lead_spec = specification(leads, view_field_names(leads, 'list', 'crm.crm_case_tree_view_oppor'))
    results = compare(
        env,
        {
            'ours': lambda: interactions.web_search_read([], interaction_spec, limit=LIST_LIMIT, count_limit=10001),
            'opportunities list': lambda: leads.web_search_read(
                [('type', '=', 'opportunity')], lead_spec, limit=LIST_LIMIT, count_limit=10001
            ),
        },
        repetitions,
    )
    return [
        row(
            '4',
            f'interactions list, {LIST_LIMIT} rows',
            'opportunities list',
            results['ours'],
            results['opportunities list'],
        )
    ]


# --- item 5: hand-over ---------------------------------------------------------------------------------------


def item_handover(env, repetitions, peers_missing):
    """One hand-over vs scheduling one standard activity (activity_schedule)."""
    user_env = as_user(env)
    salespeople = env['res.users'].search([('login', 'like', 'bench_sales_%')], order='id')
    needed = repetitions + 1
    interactions = user_env['crm.interaction'].search(
        [('state', '=', 'planned'), ('company_id', '=', user_env.company.id)], limit=needed
    )
    leads = user_env['crm.lead'].search(
        [('type', '=', 'opportunity'), ('company_id', '=', user_env.company.id)], limit=needed
    )
    pending = {'interactions': list(interactions), 'leads': list(leads)}

    def hand_over():
        interaction = pending['interactions'].pop()
        new_owner = next(user for user in salespeople if user != interaction.user_id)
        wizard = user_env['crm.interaction.handover'].create(
            {
                'interaction_ids': [(6, 0, interaction.ids)],
                'user_id': new_owner.id,
                'note': '<p>Please follow up with the customer.</p>',
            }
        )
        wizard.action_handover()

    def schedule_activity():
        lead = pending['leads'].pop()
        lead.activity_schedule(
            'mail.mail_activity_data_todo',
            user_id=salespeople[0].id,
            summary=lead.name,
            note='<p>Please follow up with the customer.</p>',
        )

    results = compare(env, {'ours': hand_over, 'activity_schedule': schedule_activity}, repetitions)
    return [
        row('5', 'one hand-over', 'activity_schedule on an opportunity', results['ours'], results['activity_schedule'])
    ]


# --- item 6: XLSX statistics ----------------------------------------------------------------------------------


def item_statistics(env, repetitions, peers_missing):
    """XLSX statistics workbook for 100,000 interactions vs Odoo's list export to XLSX of the same records."""
    user_env = as_user(env)
    interactions = user_env['crm.interaction']
    wizard = statistics_wizard(user_env)
    records = interactions.search(wizard._filter_domain())
    what = f'XLSX statistics, {len(records)} interactions'
    export_fields = [
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
    exporter = list_exporter(user_env)

    def odoo_export():
        rows = interactions.browse(records.ids).export_data(export_fields)['datas']
        return exporter.from_data(
            [{'name': name, 'type': interactions._fields[name].type} for name in export_fields],
            [interactions._fields[name].string for name in export_fields],
            rows,
        )

    cases = {'ours': wizard._build_workbook, 'Odoo list export': odoo_export}
    results = compare(env, cases, max(1, repetitions // 2))
    for name, run in cases.items():
        results[name]['peak_mib'] = peak_memory(env, run)
    # Flat memory: the workbook of half the records should need about as much as the whole one.
    half = statistics_wizard(user_env, len(records) // 2)
    ours, theirs = results['ours'], results['Odoo list export']
    ours['peak_mib_half'] = peak_memory(env, half._build_workbook)
    return [
        row('6', what, 'Odoo list export to XLSX', ours, theirs, memory_ratio=ours['peak_mib'] / theirs['peak_mib'])
    ]


def statistics_wizard(user_env, records=STATISTICS_RECORDS):
    """A statistics wizard whose period covers the latest ``records`` interactions (or all, when fewer)."""
    interactions = user_env['crm.interaction']
    total = interactions.search_count([])
    oldest = interactions.search([], order='date desc, id desc', offset=max(min(total, records) - 1, 0), limit=1)
    newest = interactions.search([], order='date desc, id desc', limit=1)
    return user_env['crm.interaction.statistics'].create(
        {'date_from': oldest.date.date(), 'date_to': newest.date.date()}
    )


def list_exporter(user_env):
    """Odoo's XLSX export as the web client's export dialog runs it; it reads the environment of the request."""
    from odoo import http

    from odoo.addons.web.controllers.export import ExcelExport

    http._request_stack.push(SimpleNamespace(env=user_env))
    return ExcelExport()


def peak_memory(env, run):
    """Peak Python memory (MiB) that ``run`` allocates on top of what is already held, traced by tracemalloc."""
    env.invalidate_all()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# --- item 9: nightly lead score recompute ---------------------------------------------------------------------


def item_nightly_scores(env, repetitions, peers_missing):
    """Nightly recompute of every open lead's score vs Odoo's predictive probability cron on the same leads."""
    leads = env['crm.lead']
    open_leads = leads.search_count([('won_status', '=', 'pending')])
    # Odoo's cron commits each batch of its updates outside tests; so does a cron run by the server.
    results = compare(
        env,
        {
            'ours': leads._cron_crm_recompute_scores,
            'Odoo predictive probability': leads._cron_update_automated_probabilities,
        },
        repetitions,
    )
    return [
        row(
            '9',
            f'nightly score recompute, {open_leads} open leads',
            "Odoo's _cron_update_automated_probabilities",
            results['ours'],
            results['Odoo predictive probability'],
        )
    ]


# --- item 10: logging one interaction, scoring on and off -----------------------------------------------------


def item_log_with_scoring(env, repetitions, peers_missing):
    """Logging one interaction on an opportunity with the scoring rules active vs with every rule archived."""
    user_env = as_user(env)
    # What is measured is scoring; telling a salesperson to call is a message of its own, and needs a web session
    # that this measurement has not.
    env['ir.config_parameter'].sudo().set_param('crm_extended.score_threshold', 1_000_000)
    rules = env['crm.lead.scoring.rule'].search([])
    [lead_on, lead_off] = user_env['crm.lead'].search(
        [('type', '=', 'opportunity'), ('company_id', '=', user_env.company.id), ('partner_id', '!=', False)], limit=2
    )
    meeting = env.ref('crm_extended.crm_interaction_type_meeting')

    def log_on(lead):
        user_env['crm.interaction'].create(
            {
                'subject': 'Schůzka u zákazníka',
                'interaction_type_id': meeting.id,
                'partner_id': lead.partner_id.id,
                'lead_id': lead.id,
                'state': 'resolved',
            }
        )

    def set_rules_active(active):
        # Outside the measured run: the cases differ only in whether rules are there to apply.
        env.cr.execute('UPDATE crm_lead_scoring_rule SET active = %s WHERE id IN %s', (active, tuple(rules.ids)))
        env.invalidate_all()

    cases = {'ours': (True, lead_on), 'scoring off': (False, lead_off)}
    samples = {name: {'queries': [], 'seconds': []} for name in cases}
    try:
        for repetition in range(repetitions + 1):
            for name in list(cases) if repetition % 2 else list(reversed(cases)):
                active, lead = cases[name]
                set_rules_active(active)
                queries, seconds = fresh_run(env, lambda lead=lead: log_on(lead))
                if repetition:  # the first round warms up
                    samples[name]['queries'].append(queries)
                    samples[name]['seconds'].append(seconds)
    finally:
        set_rules_active(True)
    results = {
        name: {key: statistics.median(values) for key, values in sample.items()} for name, sample in samples.items()
    }
    return [
        row(
            '10',
            'log one interaction, lead scoring on',
            'the same with every scoring rule archived',
            results['ours'],
            results['scoring off'],
        )
    ]


# --- item 11: customer value ---------------------------------------------------------------------------------
def item_customer_value(env, repetitions, peers_missing):
    """The nightly customer-value pass of every company vs one plain SQL aggregate of net revenue per customer."""
    from dateutil.relativedelta import relativedelta

    from odoo import fields
    from odoo.tools import SQL

    customer_values = env['crm.customer.value']
    companies = env['res.company'].search([])
    months = customer_values._window_settings()['window_months']
    floor = SQL(
        """SELECT company_id, commercial_partner_id, SUM(amount_untaxed_signed)
             FROM account_move
            WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund')
              AND commercial_partner_id IS NOT NULL AND company_id IN %s AND invoice_date > %s
            GROUP BY company_id, commercial_partner_id""",
        tuple(companies.ids),
        fields.Date.context_today(customer_values) - relativedelta(months=months),
    )
    # A real pass, as each night's: it rewrites every customer's row, which an earlier transaction wrote (the
    # copy is measured as last night's pass left it, see overnight_state). Each pass is undone before the next,
    # so that no pass updates rows written in its own transaction, which costs the foreign key checks of every
    # row again and walks the versions the earlier passes left.
    results = undone_samples(
        repetitions,
        {
            'ours': undone_run(env, lambda: customer_values._compute_customer_values(companies)),
            'SQL floor': lambda: fresh_run(env, lambda: env.execute_query(floor)),
        },
    )
    customers = customer_values.search_count([])
    return [
        row(
            '11',
            f'customer value pass, {customers} customers',
            'SQL aggregate of net revenue (floor)',
            results['ours'],
            results['SQL floor'],
        )
    ]


def overnight_state(env):
    """What the nightly jobs leave in a database in use, done and committed on the copy before it is measured:
    the customer values of every company."""
    env['crm.customer.value']._compute_customer_values(env['res.company'].search([]))


# --- item 12: sales KPIs --------------------------------------------------------------------------------------
def item_sales_kpis(env, repetitions, peers_missing):
    """The Sales KPIs pivot by salesperson vs Odoo's pipeline analysis pivot of the same opportunities."""
    kpis = ['win_rate:avg', 'deal_days:avg', 'won_amount:sum', 'average_won_amount:avg', 'pipeline_amount:sum']
    user_env = as_user(env)
    cases = {
        'ours': lambda: user_env['crm.deal.report'].formatted_read_group([], ['user_id'], kpis),
        'pipeline analysis': lambda: user_env['crm.lead'].formatted_read_group(
            [('type', '=', 'opportunity')], ['user_id'], ['expected_revenue:sum', 'prorated_revenue:sum']
        ),
    }
    results = compare(env, cases, repetitions)
    opportunities = user_env['crm.lead'].search_count([('type', '=', 'opportunity')])
    return [
        row(
            '12',
            f'sales KPIs pivot, {opportunities} opportunities',
            'pipeline analysis pivot',
            results['ours'],
            results['pipeline analysis'],
        )
    ]


# --- item 13: the daily customer care run --------------------------------------------------------------------

CARE_DAYS_AHEAD = 14
CARE_BIRTHDAYS_SQL = """
    SELECT id FROM res_partner
     WHERE active AND NOT is_company AND birthdate_date IS NOT NULL
       AND to_char(birthdate_date, 'MMDD') BETWEEN to_char(%(today)s::date, 'MMDD')
                                               AND to_char(%(today)s::date + %(days)s, 'MMDD')
"""
# What a run of a new day must do at the least: find the contacts whose birthday falls on the one day that came
# into the window, and leave out those the rule already planned for it.
CARE_DAY_SQL = """
    SELECT p.id FROM res_partner p
     WHERE p.active AND NOT p.is_company AND p.birthdate_date IS NOT NULL
       AND to_char(p.birthdate_date, 'MMDD') = to_char(%(day)s::date, 'MMDD')
       AND NOT EXISTS (SELECT FROM crm_interaction i
                        WHERE i.care_rule_id = %(rule)s AND i.partner_id = p.id AND i.care_occasion_date = %(day)s)
"""


def item_care_run(env, repetitions, peers_missing):
    """The daily customer care run of a birthday rule 14 days ahead vs one SQL search of the day's birthdays (floor)."""
    import datetime

    from odoo import fields

    # The tiers have no birth dates: every contact gets one, spread over the year; the run's transaction is
    # rolled back at the end, and each measured care run is undone before the next one.
    env.cr.execute("UPDATE res_partner SET birthdate_date = DATE '1970-01-01' + (id * 37 % 3650) WHERE NOT is_company")
    env['res.partner'].invalidate_model(['birthdate_date'])
    leader_team = env['crm.team'].search([('user_id', '!=', False)], limit=1)
    rule = env['crm.care.rule'].create(
        {
            'name': 'Bench birthdays',
            'kind': 'birthday',
            'days_ahead': CARE_DAYS_AHEAD,
            'team_id': leader_team.id,
            'interaction_type_id': env.ref('crm_extended.crm_interaction_type_phone_call').id,
        }
    )
    # The measured day is the first from today on whose new day in the window has birthdays: a day that plans
    # something, as most days do on the larger tiers (10,000 contacts have 27 birthdays a day).
    env.cr.execute(
        "SELECT DISTINCT to_char(birthdate_date, 'MMDD') FROM res_partner "
        "WHERE active AND NOT is_company AND birthdate_date IS NOT NULL"
    )
    birthdays = {mmdd for (mmdd,) in env.cr.fetchall()}
    now = fields.Datetime.now()
    while f'{rule._crm_today(now) + datetime.timedelta(days=CARE_DAYS_AHEAD):%m%d}' not in birthdays:
        now += datetime.timedelta(days=1)
    today = rule._crm_today(now)
    new_day = today + datetime.timedelta(days=CARE_DAYS_AHEAD)
    env.flush_all()

    def undone(run):
        return undone_run(env, run)

    def first_run():
        rule.last_run_date = False
        rule._crm_plan(now)

    def floor(sql, params):
        return lambda: fresh_run(env, lambda: env.cr.execute(sql, params))

    window_floor = floor(CARE_BIRTHDAYS_SQL, {'today': today, 'days': CARE_DAYS_AHEAD})
    day_floor = floor(CARE_DAY_SQL, {'day': new_day, 'rule': rule.id})
    first = undone_samples(repetitions, {'ours': undone(first_run), 'floor': window_floor})
    # The day before, the rule planned its window: the day's run plans the one day that came into it.
    rule._crm_plan(now - datetime.timedelta(days=1))
    env.flush_all()
    new = undone_samples(repetitions, {'ours': undone(lambda: rule._crm_plan(now)), 'floor': day_floor})
    rule._crm_plan(now)
    planned = env['crm.interaction'].search_count(
        [('care_rule_id', '=', rule.id), ('care_occasion_date', '=', new_day)]
    )
    planned_first = env['crm.interaction'].search_count(
        [('care_rule_id', '=', rule.id), ('care_occasion_date', '>=', today)]
    )
    env.flush_all()
    again = undone_samples(repetitions, {'ours': undone(lambda: rule._crm_plan(now)), 'floor': day_floor})
    peer = 'SQL search of the day\'s birthdays (floor)'
    return [
        row('13', f'care run of a new day, {planned} birthdays', peer, new['ours'], new['floor'], planned=planned),
        row('13', 'second care run of the day, nothing to plan', peer, again['ours'], again['floor']),
        row(
            '13',
            f'first run of a rule, {planned_first} in {CARE_DAYS_AHEAD + 1} days',
            'SQL search of the 14 days\' birthdays',
            first['ours'],
            first['floor'],
            planned=planned_first,
        ),
    ]


def undone_samples(repetitions, cases):
    """Like compare(), for runs that measure themselves (see undone_run)."""
    samples = {name: [] for name in cases}
    order = list(cases.items())
    for repetition in range(repetitions + 1):  # the first one warms up; the order alternates
        for name, run in order if repetition % 2 else order[::-1]:
            queries, seconds = run()
            if repetition:
                samples[name].append((queries, seconds))
    return {
        name: {
            'queries': statistics.median(queries for queries, _seconds in sample),
            'seconds': statistics.median(seconds for _queries, seconds in sample),
        }
        for name, sample in samples.items()
    }


# --- counts ---------------------------------------------------------------------------------------------------


def count_records(env):
    partners, moves = env['res.partner'], env['account.move']
    customer_moves = [('state', '=', 'posted'), ('company_id', '!=', False)]
    return {
        'companies': partners.search_count(
            [('is_company', '=', True), ('id', 'not in', env['res.company'].search([]).partner_id.ids)]
        ),
        'contacts': partners.search_count([('is_company', '=', False), ('parent_id', '!=', False)]),
        'invoices': moves.search_count(customer_moves + [('move_type', '=', 'out_invoice')]),
        'credit_notes': moves.search_count(customer_moves + [('move_type', '=', 'out_refund')]),
        'payments': env['account.payment'].search_count([('state', 'in', ('paid', 'in_process'))]),
        'sales_orders': env['sale.order'].search_count([('state', '=', 'sale')]),
        'opportunities': env['crm.lead'].search_count([('type', '=', 'opportunity')]),
        'interactions': env['crm.interaction'].search_count([]),
        'companies_currencies': ', '.join(
            f'{company.name} {company.currency_id.name}' for company in env['res.company'].search([])
        ),
    }


# --- item 8: the nightly register check and the contact form with its fields --------------------------------

REGISTER_BATCH = 100


def valid_ico(number):
    """The IČO of a sequence number: seven digits and their mod-11 check digit."""
    digits = f'{number:07d}'
    remainder = sum(int(digit) * weight for digit, weight in zip(digits, range(8, 1, -1), strict=True)) % 11
    return f'{digits}{(11 - remainder) % 10}'


def registered_companies(env):
    """Every company of the tier as a Czech VAT payer with an IČO, set in one statement (rolled back after)."""
    from odoo.tools import SQL

    companies = env['res.partner'].search([('is_company', '=', True), ('parent_id', '=', False)], order='id')
    values = SQL(', ').join(
        SQL('(%s, %s)', partner.id, valid_ico(1000000 + index)) for index, partner in enumerate(companies)
    )
    env.cr.execute(
        SQL(
            "UPDATE res_partner SET company_registry = v.ico, vat = 'CZ' || v.ico, country_id = %s FROM (VALUES %s) "
            'AS v(id, ico) WHERE res_partner.id = v.id',
            env.ref('base.cz').id,
            values,
        )
    )
    env.invalidate_all()
    return companies


def item_register_check(env, repetitions, peers_missing):
    """Nightly register check of every company, per batch of 100: queries and time of a night, against one batch."""
    from registers import ReplayedRegisters

    what = 'nightly register check, per batch of 100'
    partners = env['res.partner']
    if not hasattr(partners, '_crm_register_recheck'):
        return [skipped('8', what, 'one batch', 'crm_company_register is not installed')]
    companies = registered_companies(env)
    batches = [companies[start : start + REGISTER_BATCH] for start in range(0, len(companies), REGISTER_BATCH)]
    with ReplayedRegisters(env):
        for batch in batches:
            batch._crm_register_recheck()
        one_batch = {'one batch': lambda: batches[0]._crm_register_recheck()}
        first = compare(env, one_batch, repetitions)['one batch']
        night = [fresh_run(env, batch._crm_register_recheck) for batch in batches]
    per_batch = {
        'queries': max(queries for queries, _seconds in night),
        'seconds': statistics.median(seconds for _queries, seconds in night),
    }
    rows = [row('8', what, 'one batch', per_batch, first, companies=len(companies), batches=len(batches))]
    return rows + contact_form_with_register_fields(env, repetitions)


def contact_form_with_register_fields(env, repetitions):
    """One company's form fields with the register's fields against the same fields without them."""
    partners = as_user(env)['res.partner']
    form_fields = [
        'name',
        'is_company',
        'company_registry',
        'vat',
        'street',
        'city',
        'zip',
        'country_id',
        'phone',
        'email',
        'website',
        'industry_id',
        'user_id',
    ]
    ours = sorted(fields_of_modules(partners, ['crm_company_register']))
    specs = case_specs(
        partners, form_fields, {'ours': ours, 'without crm_company_register': []}, ['crm_company_register']
    )
    record = partners.browse(busiest_customer(env).id)
    results = compare(
        env, {name: (lambda spec=spec: record.web_read(spec)) for name, spec in specs.items()}, repetitions
    )
    return peer_rows('8', 'contact form with the register fields', results)


ITEMS = {
    '1': item_contact_list,
    '2': item_contact_form,
    '3': item_payments,
    '4': item_interactions_list,
    '5': item_handover,
    '6': item_statistics,
    '8': item_register_check,
    '9': item_nightly_scores,
    '10': item_log_with_scoring,
    '11': item_customer_value,
    '12': item_sales_kpis,
    '13': item_care_run,
}
