"""Build a realistic Czech/Slovak B2B database for the benchmark and keep it as a PostgreSQL template.

    python3 bench/generate.py small            # smoke tier, under a minute once the base template exists
    python3 bench/generate.py medium
    python3 bench/generate.py large            # 2,000 companies, 20,000 invoices, 200,000 interactions
    python3 bench/generate.py small --scale 2  # twice the small tier, for the query-count comparison

Every tier starts from ``bench_<role>_template_base`` (both addons, sale_crm, the OCA peers that install, the
Czech and Slovak charts of accounts, salespeople and products), built on first use; ``<role>`` is the checkout's
PostgreSQL role. The tier's data is added through the ORM in batches into ``bench_<role>_build_<tier>``, checked
against Odoo's own receivable figures, and only then renamed to ``bench_<role>_template_<tier>``: an interrupted
build never leaves a half-filled template behind.
"""

import argparse
import random
import subprocess
import sys
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import names
from common import (
    OUR_ADDONS,
    PEER_ADDONS,
    STANDARD_ADDONS,
    Progress,
    bench_db,
    bring_up_to_date,
    copy_db,
    db_exists,
    drop_db,
    environment,
    init_db,
    install_modules,
    rename_db,
)

BATCH = 200
SALESPEOPLE = 8
TODAY = date.today()
HISTORY_DAYS = 3 * 365


@dataclass(frozen=True)
class Tier:
    companies: int
    contacts: int
    invoices: int
    payments: int
    orders: int
    interactions: int

    def scaled(self, factor):
        return replace(self, **{f.name: getattr(self, f.name) * factor for f in dataclass_fields(self)})


TIERS = {
    # Full pages of 80 rows in the main company (a page that is not full skips the record count), in a minute.
    'small': Tier(companies=80, contacts=160, invoices=150, payments=100, orders=10, interactions=1000),
    'medium': Tier(companies=300, contacts=1500, invoices=3000, payments=1800, orders=300, interactions=30000),
    'large': Tier(companies=2000, contacts=10000, invoices=20000, payments=12000, orders=2000, interactions=200000),
}


def tier_key(tier, scale=1):
    return tier + (f'_x{scale}' if scale != 1 else '')


def template_name(tier, scale=1):
    return bench_db('template', tier_key(tier, scale))


# --- the base template: modules, companies, charts, people, products -----------------------------------------


def build_base(progress):
    build = bench_db('build', 'base')
    init_db(build, country='cz')
    progress.step('empty database with a Czech main company', 0)
    install_modules(build, OUR_ADDONS + STANDARD_ADDONS)
    progress.step('installed ' + ', '.join(OUR_ADDONS + STANDARD_ADDONS), 0)
    unavailable = {peer: reason for peer in PEER_ADDONS if (reason := try_install_peer(build, peer))}
    progress.step(f'peers installed: {len(PEER_ADDONS) - len(unavailable)} of {len(PEER_ADDONS)}', 0)
    with environment(build) as env:
        remember_unavailable_peers(env, unavailable)
        setup_companies(env)
        create_salespeople(env)
        create_products(env)
    progress.step('companies with charts of accounts, salespeople, products', 0)
    bring_up_to_date(build)
    rename_db(build, bench_db('template', 'base'))


def try_install_peer(dbname, peer):
    """Install one OCA peer; return why it could not be installed, or None."""
    try:
        install_modules(dbname, [peer])
    except subprocess.CalledProcessError as error:
        return f'installing {peer} failed (exit code {error.returncode})'
    with environment(dbname, commit=False) as env:
        module = env['ir.module.module'].search([('name', '=', peer)])
        if module.state != 'installed':
            return f'{peer} is not available to Odoo (pip install odoo-addon-{peer.replace("_", "-")})'
    return None


def remember_unavailable_peers(env, unavailable):
    for peer, reason in unavailable.items():
        env['ir.config_parameter'].set_param(f'bench.peer_unavailable.{peer}', reason)


def setup_companies(env):
    czech = env.ref('base.main_company')
    czech.write({'name': 'Bench Czechia s.r.o.', 'city': 'Brno'})
    env.ref('base.EUR').active = True
    slovak = env['res.company'].create(
        {
            'name': 'Bench Slovakia s.r.o.',
            'country_id': env.ref('base.sk').id,
            'currency_id': env.ref('base.EUR').id,
            'city': 'Bratislava',
        }
    )
    env['account.chart.template'].try_loading('cz', czech, install_demo=False)
    env['account.chart.template'].with_context(allowed_company_ids=slovak.ids).try_loading(
        'sk', slovak, install_demo=False
    )
    env.ref('base.user_admin').company_ids = [(4, slovak.id)]


def create_salespeople(env):
    companies = env['res.company'].search([])
    env['res.users'].with_context(no_reset_password=True).create(
        [
            {
                'name': name,
                'login': f'bench_sales_{index}',
                'email': f'sales{index}@bench.example',
                'company_id': companies[0].id,
                'company_ids': [(6, 0, companies.ids)],
                'group_ids': [
                    (
                        6,
                        0,
                        [
                            env.ref('sales_team.group_sale_salesman_all_leads').id,
                            env.ref('account.group_account_invoice').id,
                        ],
                    )
                ],
            }
            for index, name in enumerate(names.salespeople(SALESPEOPLE))
        ]
    )


def create_products(env):
    env['product.product'].create(
        [
            {
                'name': name,
                'type': 'service',
                'list_price': price,
                'invoice_policy': 'order',
            }
            for name, price in names.PRODUCTS
        ]
    )


def ensure_base(progress):
    if not db_exists(bench_db('template', 'base')):
        build_base(progress)


# --- a tier's data --------------------------------------------------------------------------------------------


class TierBuilder:
    """Adds one tier's data through the ORM in batches, printing progress."""

    def __init__(self, env, tier, progress, seed=7):
        self.env = env
        self.tier = tier
        self.progress = progress
        self.random = random.Random(seed)
        self.czech = env.ref('base.main_company')
        self.slovak = env['res.company'].search([('id', '!=', self.czech.id)], limit=1)
        self.salespeople = env['res.users'].search([('login', 'like', 'bench_sales_%')])
        self.teams = {user: env['crm.team']._get_default_team_id(user_id=user.id) for user in self.salespeople}
        self.products = env['product.product'].search([('name', 'in', [name for name, _price in names.PRODUCTS])])
        self.payment_terms = env['account.payment.term'].search([('company_id', '=', False)])
        self.company_by_customer = {}

    def build(self):
        companies, contacts = self.create_partners()
        self.create_orders(companies)
        self.create_invoices(companies, contacts)
        self.create_payments()
        self.create_interactions(contacts)
        self.create_inbound_emails()
        self.check_balances()

    def company_of(self, index):
        # One customer in ten is served by the Slovak company, in EUR.
        return self.slovak if index % 10 == 9 else self.czech

    def team_of(self, salesperson, company):
        team = self.teams[salesperson]
        return team.id if team and team.company_id in (company.browse(), company) else False

    def past_date(self, oldest=HISTORY_DAYS, newest=0):
        return TODAY - timedelta(days=self.random.randint(newest, oldest))

    def batched(self, values, size=BATCH):
        for start in range(0, len(values), size):
            yield values[start : start + size]

    # partners

    def create_partners(self):
        Partner = self.env['res.partner'].with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        statuses = self.env['crm.company.status'].search([])
        company_types = self.env['crm.company.type'].search([])
        positions = self.env['crm.contact.position'].search([])
        czech, slovak = self.env.ref('base.cz'), self.env.ref('base.sk')
        company_values = []
        for index in range(self.tier.companies):
            city, zip_code = self.random.choice(names.SLOVAK_CITIES if index % 10 == 9 else names.CZECH_CITIES)
            company_values.append(
                {
                    'name': names.company_name(self.random, index),
                    'is_company': True,
                    'street': names.street(self.random),
                    'city': city,
                    'zip': zip_code,
                    'country_id': (slovak if index % 10 == 9 else czech).id,
                    'company_registry': f'{10000000 + index * 7919 % 89999999:08d}',
                    'email': f'info{index}@company{index}.example',
                    'phone': names.phone(self.random),
                    'user_id': self.salespeople[index % len(self.salespeople)].id,
                    'crm_company_status_id': statuses[index % len(statuses)].id if statuses else False,
                    'crm_company_type_ids': [(6, 0, company_types[index % len(company_types)].ids)]
                    if company_types
                    else [],
                    'property_payment_term_id': self.payment_terms[index % len(self.payment_terms)].id,
                }
            )
        companies = self.create_in_batches(Partner, company_values, 'companies', size=500)
        self.company_by_customer = {company.id: self.company_of(index) for index, company in enumerate(companies)}
        contact_values = []
        for index in range(self.tier.contacts):
            first, last = names.person(self.random)
            contact_values.append(
                {
                    'name': f'{first} {last}',
                    'parent_id': companies[index % len(companies)].id,
                    'type': 'contact',
                    'email': f'{names.ascii_login(first, last)}.{index}@company{index % len(companies)}.example',
                    'phone': names.phone(self.random),
                    'crm_position_id': positions[index % len(positions)].id if positions else False,
                }
            )
        contacts = self.create_in_batches(Partner, contact_values, 'contacts', size=500)
        return companies, contacts

    def create_in_batches(self, model, values, what, size=BATCH):
        records = model.browse()
        for batch in self.batched(values, size):
            records |= model.create(batch)
            self.progress.step(what, len(batch))
        self.env.invalidate_all()
        return records

    # sales orders with opportunities, their invoices and down payments

    def create_orders(self, companies):
        leads, orders = self.env['crm.lead'], self.env['sale.order']
        for batch in self.batched(range(self.tier.orders)):
            batch_leads = leads.create([self.opportunity_values(companies, index) for index in batch])
            batch_orders = orders.create(
                [self.order_values(lead, index) for lead, index in zip(batch_leads, batch, strict=True)]
            )
            batch_orders.action_confirm()
            leads |= batch_leads
            orders |= batch_orders
            self.progress.step('opportunities with confirmed sales orders', 2 * len(batch))
        self.order_down_payments(orders[::10])
        # A quarter of the confirmed orders are not invoiced yet.
        to_invoice = orders.filtered(lambda order: order.invoice_status == 'to invoice')
        self.invoice_orders(to_invoice - to_invoice[::4])

    def opportunity_values(self, companies, index):
        partner_index = self.random.randrange(len(companies))
        salesperson = self.salespeople[index % len(self.salespeople)]
        company = self.company_of(partner_index)
        return {
            'name': f'{self.random.choice(names.DEALS)} – {companies[partner_index].name}',
            'type': 'opportunity',
            'partner_id': companies[partner_index].id,
            'user_id': salesperson.id,
            'team_id': self.team_of(salesperson, company),
            'company_id': company.id,
            'expected_revenue': self.random.randrange(20, 800) * 1000,
        }

    def order_values(self, lead, index):
        return {
            'partner_id': lead.partner_id.id,
            'opportunity_id': lead.id,
            'company_id': lead.company_id.id,
            'user_id': lead.user_id.id,
            'team_id': lead.team_id.id,
            'date_order': datetime.combine(self.past_date(), datetime.min.time()),
            'order_line': [(0, 0, self.line_values()) for _ in range(self.random.randint(1, 3))],
        }

    def line_values(self):
        product = self.random.choice(self.products)
        return {
            'product_id': product.id,
            'product_uom_qty': self.random.randint(1, 20),
            'price_unit': product.list_price,
        }

    def order_down_payments(self, orders):
        invoices = self.env['account.move']
        for order in orders:
            wizard = (
                self.env['sale.advance.payment.inv']
                .with_context(active_model='sale.order', active_ids=order.ids)
                .create({'advance_payment_method': 'percentage', 'amount': 30, 'sale_order_ids': [(6, 0, order.ids)]})
            )
            invoices |= wizard._create_invoices(order)
        self.post_invoices(invoices, 'down payment invoices')

    def invoice_orders(self, orders):
        for batch in self.batched(orders):
            invoices = batch._create_invoices(final=True)
            self.post_invoices(invoices, 'invoices of sales orders')

    def post_invoices(self, invoices, what):
        for invoice in invoices:
            invoice.invoice_date = self.past_date(oldest=HISTORY_DAYS, newest=5)
        invoices.action_post()
        self.progress.step(what, len(invoices))

    # invoices and credit notes

    def create_invoices(self, companies, contacts):
        Move = self.env['account.move'].with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        already = Move.search_count([('move_type', 'in', ('out_invoice', 'out_refund')), ('state', '=', 'posted')])
        customers = list(companies) + list(contacts[::3])
        for batch in self.batched(range(max(0, self.tier.invoices - already))):
            moves = Move.create([self.invoice_values(customers, index) for index in batch])
            moves.action_post()
            self.progress.step('posted invoices and credit notes', len(moves))
            self.env.invalidate_all()

    def invoice_values(self, customers, index):
        customer = self.random.choice(customers)
        company = self.company_by_customer[customer.commercial_partner_id.id]
        # One document in sixteen is a credit note, as returns and corrections come in practice.
        move_type = 'out_refund' if index % 16 == 15 else 'out_invoice'
        return {
            'move_type': move_type,
            'partner_id': customer.id,
            'company_id': company.id,
            'journal_id': self.sale_journal(company).id,
            'invoice_date': self.past_date(),
            'invoice_payment_term_id': self.random.choice(self.payment_terms).id,
            'invoice_user_id': self.random.choice(self.salespeople).id,
            'invoice_line_ids': [
                (
                    0,
                    0,
                    {
                        'product_id': line['product_id'],
                        'quantity': line['product_uom_qty'],
                        'price_unit': line['price_unit'],
                    },
                )
                for line in (
                    self.line_values() for _ in range(1 if move_type == 'out_refund' else self.random.randint(1, 4))
                )
            ],
        }

    def sale_journal(self, company):
        return self.env['account.journal'].search([('type', '=', 'sale'), ('company_id', '=', company.id)], limit=1)

    def bank_journal(self, company):
        return self.env['account.journal'].search([('type', '=', 'bank'), ('company_id', '=', company.id)], limit=1)

    # payments, reconciled in the shapes that occur in practice

    def create_payments(self):
        """Pay the oldest invoices first, as customers do; some old ones stay unpaid and become overdue."""
        invoices = self.env['account.move'].search(
            [
                ('move_type', '=', 'out_invoice'),
                ('state', '=', 'posted'),
                ('payment_state', '=', 'not_paid'),
            ],
            order='invoice_date, id',
        )
        down_payments = invoices.filtered(lambda invoice: invoice.line_ids.sale_line_ids.filtered('is_downpayment'))
        plan = [[(invoice, 1.0)] for invoice in down_payments]
        remaining = [invoice for invoice in invoices - down_payments if self.random.random() > 0.08]
        while len(plan) < self.tier.payments and remaining:
            plan += self.next_shape(remaining)
        plan = plan[: self.tier.payments]
        # A second payment of the same invoice is reconciled after the first one, never in the same batch.
        second_payments = [group for group in plan if group[0][1] == 'rest']
        for part in ([group for group in plan if group[0][1] != 'rest'], second_payments):
            for batch in self.batched(part, 500):
                self.pay(batch)

    def next_shape(self, remaining):
        """Take the next invoices off ``remaining``; return one group of (invoice, share) per payment."""
        shape = self.random.random()
        first = remaining.pop(0)
        if shape < 0.55:
            return [[(first, 1.0)]]  # paid in full
        if shape < 0.70:
            return [[(first, self.random.choice((0.3, 0.5, 0.7)))]]  # paid in part, the rest still open
        if shape < 0.85:  # one payment for several invoices
            together = [first] + [
                invoice
                for invoice in remaining[:12]
                if invoice.commercial_partner_id == first.commercial_partner_id
                and invoice.company_id == first.company_id
            ][:3]
            for invoice in together[1:]:
                remaining.remove(invoice)
            return [[(invoice, 1.0) for invoice in together]]
        return [[(first, 0.5)], [(first, 'rest')]]  # several payments for one invoice

    def pay(self, plan):
        payments = self.env['account.payment'].create([self.payment_values(group) for group in plan])
        payments.action_post()
        self.env['account.move.line']._reconcile_plan(
            [
                (payment.move_id.line_ids + invoices.line_ids).filtered(
                    lambda line: line.account_id.account_type == 'asset_receivable' and not line.reconciled
                )
                for payment, invoices in zip(payments, (self.invoices_of(group) for group in plan), strict=True)
            ]
        )
        self.progress.step('payments posted and reconciled', len(payments))
        self.env.invalidate_all()

    @staticmethod
    def invoices_of(group):
        return group[0][0].browse([invoice.id for invoice, _share in group])

    def payment_values(self, group):
        invoices = self.invoices_of(group)
        amount = sum(self.share_amount(invoice, share) for invoice, share in group)
        company = invoices.company_id
        paid_on = max(invoices.mapped('invoice_date')) + timedelta(days=self.random.randint(3, 40))
        return {
            'payment_type': 'inbound',
            'partner_type': 'customer',
            'partner_id': invoices.commercial_partner_id.id,
            'company_id': company.id,
            'journal_id': self.bank_journal(company).id,
            'currency_id': invoices.currency_id.id,
            'amount': amount,
            'date': min(TODAY, paid_on),
            'memo': ', '.join(invoices.mapped('name')),
            'invoice_ids': [(6, 0, invoices.ids)],
        }

    @staticmethod
    def share_amount(invoice, share):
        # The residual is read when the payment is made: 'rest' pays what the earlier half payment left.
        return invoice.currency_id.round(invoice.amount_residual * (1.0 if share == 'rest' else share))

    # interactions

    def create_interactions(self, contacts):
        Interaction = self.env['crm.interaction'].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        types = self.env['crm.interaction.type'].search([])
        leads = self.env['crm.lead'].search([('type', '=', 'opportunity')])
        lead_of_company = {lead.partner_id.commercial_partner_id.id: lead.id for lead in leads}
        customers = [(contact.id, contact.commercial_partner_id.id) for contact in contacts]
        for batch in self.batched(range(self.tier.interactions), 2000):
            values = [self.interaction_values(customers, types, lead_of_company, index) for index in batch]
            # A cancelled interaction was planned first: a new one cannot start cancelled.
            cancelled = [vals['state'] == 'cancelled' for vals in values]
            for vals, is_cancelled in zip(values, cancelled, strict=True):
                if is_cancelled:
                    vals['state'] = 'planned'
            created = Interaction.create(values)
            Interaction.browse(
                [record.id for record, is_cancelled in zip(created, cancelled, strict=True) if is_cancelled]
            ).write({'state': 'cancelled'})
            self.progress.step('interactions', len(batch))
            self.env.invalidate_all()

    def create_inbound_emails(self):
        """E-mails from the customers on their opportunities, up to three each over the past three months: with the
        interactions on opportunities, the engagement events that lead scoring counts. The scores are then settled
        as the nightly recompute leaves them."""
        leads = self.env['crm.lead'].search([('type', '=', 'opportunity')])
        values = [
            {
                'model': 'crm.lead',
                'res_id': lead.id,
                'message_type': 'email',
                'author_id': lead.partner_id.id,
                'subject': f'Re: {lead.name}',
                'body': '<p>Dobrý den, posílám doplňující informace k poptávce.</p>',
                'date': datetime.now() - timedelta(days=self.random.randint(0, 90), hours=self.random.randint(0, 23)),
            }
            for lead in leads
            for _email in range(self.random.randint(0, 3))
        ]
        for batch in self.batched(values):
            self.env['mail.message'].create(batch)
            self.progress.step('inbound e-mails on opportunities', len(batch))
        self.env['crm.lead']._cron_crm_recompute_scores()
        self.progress.step('lead scores', len(leads))

    def interaction_values(self, customers, types, lead_of_company, index):
        contact_id, company_id = self.random.choice(customers)
        company = self.company_by_customer[company_id]
        salesperson = self.salespeople[index % len(self.salespeople)]
        moment = datetime.combine(self.past_date(oldest=HISTORY_DAYS, newest=-30), datetime.min.time()) + timedelta(
            minutes=self.random.randrange(7 * 60, 17 * 60)
        )
        state = self.interaction_state(moment)
        return {
            'subject': f'{self.random.choice(names.INTERACTION_SUBJECTS)} #{index}',
            'interaction_type_id': types[index % len(types)].id,
            'partner_id': contact_id,
            'lead_id': lead_of_company.get(company_id) if index % 4 == 0 else False,
            'user_id': salesperson.id,
            'team_id': self.team_of(salesperson, company),
            'company_id': company.id,
            'date': moment,
            'state': state,
            'date_done': moment + timedelta(hours=self.random.randint(1, 240)) if state == 'resolved' else False,
            'description': '<p>Projednáno s odběratelem, další krok dle dohody.</p>',
        }

    def interaction_state(self, moment):
        if moment > datetime.now():
            return 'planned'
        roll = self.random.random()
        return 'resolved' if roll < 0.85 else 'cancelled' if roll < 0.9 else 'planned' if roll < 0.96 else 'in_progress'

    # consistency

    def check_balances(self):
        """Each customer's receivable (Odoo's own ``credit``) must equal what its open invoices still owe."""
        self.env.flush_all()
        self.env.invalidate_all()
        Move = self.env['account.move']
        for company in (self.czech, self.slovak):
            partners = self.env['res.partner'].with_company(company).search([('is_company', '=', True)])
            residuals = dict(
                Move._read_group(
                    [
                        ('company_id', '=', company.id),
                        ('state', '=', 'posted'),
                        ('move_type', 'in', ('out_invoice', 'out_refund')),
                    ],
                    ['commercial_partner_id'],
                    ['amount_residual_signed:sum'],
                )
            )
            for partner in partners:
                expected = company.currency_id.round(residuals.get(partner, 0.0))
                if company.currency_id.compare_amounts(partner.credit, expected):
                    raise AssertionError(
                        f'{partner.name} in {company.name}: receivable {partner.credit} != open invoices {expected}'
                    )
        self.progress.step('receivable balances equal to the open invoices, checked', 0)


def build_tier(tier_name, scale, progress, seed=7):
    target = template_name(tier_name, scale)
    build = bench_db('build', tier_key(tier_name, scale))
    copy_db(bench_db('template', 'base'), build)
    bring_up_to_date(build)
    tier = TIERS[tier_name].scaled(scale)
    print(f'building {target}: {tier}', flush=True)
    with environment(build) as env:
        TierBuilder(env, tier, progress, seed).build()
    rename_db(build, target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('tier', choices=sorted(TIERS))
    parser.add_argument('--scale', type=int, default=1, help='multiply every count of the tier')
    parser.add_argument('--rebuild', action='store_true', help='build again even when the template exists')
    parser.add_argument('--rebuild-base', action='store_true', help='also build the base template again')
    args = parser.parse_args(argv)
    progress = Progress()
    if args.rebuild_base:
        drop_db(bench_db('template', 'base'))
    ensure_base(progress)
    target = template_name(args.tier, args.scale)
    if db_exists(target) and not args.rebuild:
        print(f'{target} exists; --rebuild builds it again')
        return
    build_tier(args.tier, args.scale, progress)
    print(f'{target} built in {progress.records} records at {progress.rate:.0f} records/s', flush=True)


if __name__ == '__main__':
    main()
