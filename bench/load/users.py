"""The simulated users: salespeople, accountants and managers doing what they do all day, as the web client asks
for it. Every screen is opened either as ours or as Odoo's own equivalent (the baseline), at random, so both are
measured under the same load; every write a user was told succeeded is written down for the check afterwards."""

import asyncio
import re
from datetime import datetime, timedelta

from client import Client, Exhausted, Failure

LIST_LIMIT = 80
KANBAN_LIMIT = 40
CSRF_TOKEN = re.compile(r'csrf_token:\s*"([^"]+)"')


class Ledger:
    """What the clients were told was written, and who holds which planned interaction right now."""

    def __init__(self, plan):
        self.pools = {person['uid']: list(person['planned']) for person in plan['salespeople']}
        self.created = {}  # interaction id -> subject
        self.handed_over = {}  # interaction id -> the owner of its last hand-over
        self.paid = {}  # invoice id -> the action that registered its payment
        self.workbooks = 0


class SimulatedUser:
    actions = {}  # action name -> weight; each is a method of the class named after it

    def __init__(self, plan, profile, port, budget, recorder, ledger, rng, think):
        self.plan = plan
        self.profile = profile
        # Both companies ticked in the company switcher, as the tier's users work in both.
        self.client = Client(
            port, budget, {'lang': 'en_US', 'tz': 'Europe/Prague', 'allowed_company_ids': plan['company_ids']}
        )
        self.budget = budget
        self.recorder = recorder
        self.ledger = ledger
        self.rng = rng
        self.think = think
        self.uid = None

    async def run(self):
        try:
            self.uid = await self.client.login(self.plan['db'], self.profile['login'], self.profile['login'])
            await self.start()
        except Failure as failure:
            self.recorder.add(self.budget.phase, 'log_in', 'ours', 0, failure)
            return
        except Exhausted:
            return
        try:
            # Every action once in each variant first, so that even a short run does and checks each kind of write.
            for name in self.actions:
                for variant in ('ours', 'odoo'):
                    await self.act(name, variant)
            names, weights = zip(*self.actions.items(), strict=True)
            while True:
                await self.act(self.rng.choices(names, weights)[0], self.rng.choice(('ours', 'odoo')))
                await asyncio.sleep(self.rng.uniform(0, 2 * self.think))
        except Exhausted:
            return

    async def start(self):
        """Wait until the user's part of the run begins."""

    async def act(self, name, variant):
        phase = self.budget.phase
        started = self.budget.elapsed
        try:
            # An action returns the variant it ran, or False when the user had nothing to do it on.
            done = await getattr(self, name)(variant)
        except Failure as failure:
            self.recorder.add(phase, name, variant, self.budget.elapsed - started, failure)
        else:
            if done:
                self.recorder.add(phase, name, done, self.budget.elapsed - started)

    def spec(self, screen, variant):
        return self.plan['specs'][screen][variant]


class Salesperson(SimulatedUser):
    actions = {
        'contact_list': 20,
        'contact_form': 20,
        'log_interaction': 15,
        'hand_over': 5,
        'interactions_list': 20,
        'interactions_kanban': 20,
    }

    async def contact_list(self, variant):
        await self.client.call(
            'res.partner',
            'web_search_read',
            domain=[('is_company', '=', True)],
            specification=self.spec('contact_list', variant),
            limit=LIST_LIMIT,
            count_limit=10001,
        )
        return variant

    async def contact_form(self, variant):
        await self.client.call(
            'res.partner',
            'web_read',
            [self.rng.choice(self.plan['companies'])],
            specification=self.spec('contact_form', variant),
        )
        return variant

    async def log_interaction(self, variant):
        """Ours: an interaction logged from the contact (a call made, or a follow-up planned); Odoo's own: a note
        logged in the contact's chatter."""
        contact = self.rng.choice(self.plan['contacts'])
        if variant == 'odoo':
            await self.client.call(
                'res.partner',
                'message_post',
                [contact],
                body='Telefonát: domluvena schůzka.',
                message_type='comment',
                subtype_xmlid='mail.mt_note',
            )
            return variant
        subject = f'Load {self.uid}-{self.rng.getrandbits(48):012x}'
        # Half are follow-ups planned for later, which their owner may hand over: always one when they have none.
        planned = not self.ledger.pools[self.uid] or self.rng.random() < 0.5
        moment = datetime.utcnow() + (timedelta(days=2) if planned else -timedelta(hours=1))
        [record] = await self.client.call(
            'crm.interaction',
            'web_save',
            [],
            {
                'subject': subject,
                'partner_id': contact,
                'interaction_type_id': self.rng.choice(self.plan['types']),
                'date': moment.strftime('%Y-%m-%d %H:%M:%S'),
                'state': 'planned' if planned else 'resolved',
            },
            specification={'id': {}},
        )
        self.ledger.created[record['id']] = subject
        if planned:
            self.ledger.pools[self.uid].append(record['id'])
        return variant

    async def hand_over(self, variant):
        """Ours: one of the user's planned interactions handed over to a colleague (task, follower, note);
        Odoo's own: an activity scheduled for a colleague on an opportunity."""
        colleague = self.rng.choice([uid for uid in self.ledger.pools if uid != self.uid])
        if variant == 'odoo':
            await self.client.call(
                'crm.lead',
                'activity_schedule',
                [self.rng.choice(self.plan['leads'])],
                act_type_xmlid='mail.mail_activity_data_todo',
                summary='Převzetí zákazníka',
                note='Prosím zavolejte zákazníkovi.',
                user_id=colleague,
            )
            return variant
        pool = self.ledger.pools[self.uid]
        if not pool:
            return False
        interaction = pool.pop(self.rng.randrange(len(pool)))
        [wizard] = await self.client.call(
            'crm.interaction.handover',
            'web_save',
            [],
            {
                'interaction_ids': [(6, 0, [interaction])],
                'user_id': colleague,
                'note': '<p>Prosím zavolejte zákazníkovi.</p>',
            },
            specification={'id': {}},
        )
        await self.client.call('crm.interaction.handover', 'action_handover', [wizard['id']], button=True)
        self.ledger.handed_over[interaction] = colleague
        self.ledger.pools[colleague].append(interaction)
        return variant

    async def interactions_list(self, variant):
        """Ours: the interactions list; Odoo's own: the opportunities list."""
        return await self._interactions_view('interactions_list', variant, LIST_LIMIT)

    async def interactions_kanban(self, variant):
        """Ours: the interactions kanban; Odoo's own: the opportunities kanban."""
        return await self._interactions_view('interactions_kanban', variant, KANBAN_LIMIT)

    async def _interactions_view(self, screen, variant, limit):
        model, domain = ('crm.interaction', []) if variant == 'ours' else ('crm.lead', [('type', '=', 'opportunity')])
        await self.client.call(
            model,
            'web_search_read',
            domain=domain,
            specification=self.spec(screen, variant),
            limit=limit,
            count_limit=10001,
        )
        return variant


class Accountant(SimulatedUser):
    actions = {'register_payment': 30, 'payments_list': 40, 'payment_form': 30}

    async def register_payment(self, variant):
        """Odoo's own payment wizard on one of the accountant's open invoices (there is no other to compare)."""
        invoices = self.profile['invoices']
        if not invoices:
            return False
        invoice = invoices.pop()
        context = {'active_model': 'account.move', 'active_ids': [invoice]}
        [wizard] = await self.client.call(
            'account.payment.register', 'web_save', [], {}, specification={'id': {}}, context=context
        )
        await self.client.call(
            'account.payment.register', 'action_create_payments', [wizard['id']], button=True, context=context
        )
        self.ledger.paid[invoice] = True
        return 'ours'

    async def payments_list(self, variant):
        """Ours: customer payments with their sales orders and opportunities; Odoo's own: the plain list."""
        await self.client.call(
            'account.payment',
            'web_search_read',
            domain=[('payment_type', '=', 'inbound')],
            specification=self.spec('payments_list', variant),
            limit=LIST_LIMIT,
            count_limit=10001,
        )
        return variant

    async def payment_form(self, variant):
        await self.client.call(
            'account.payment',
            'web_read',
            [self.rng.choice(self.plan['payments'])],
            specification=self.spec('payment_form', variant),
        )
        return variant


class Manager(SimulatedUser):
    """Managers join in the second half of the run, so that the first half measures the others without them."""

    actions = {'statistics_workbook': 1}

    async def start(self):
        # The web client page gives the token that Odoo's export form posts with it.
        page = (await self.client.get('/odoo')).decode()
        self.csrf_token = CSRF_TOKEN.search(page).group(1)
        while self.budget.phase != 'with workbook':
            await asyncio.sleep(0.2)

    async def statistics_workbook(self, variant):
        """Ours: the statistics workbook of a full year (wizard, button, download); Odoo's own: the list export to
        XLSX of the same interactions and columns."""
        period = self.plan['statistics']
        if variant == 'odoo':
            await self.client.post_form('/web/export/xlsx', {'csrf_token': self.csrf_token, 'data': period['export']})
            return variant
        [wizard] = await self.client.call(
            'crm.interaction.statistics',
            'web_save',
            [],
            {'date_from': period['date_from'], 'date_to': period['date_to']},
            specification={'id': {}},
        )
        action = await self.client.call('crm.interaction.statistics', 'action_export', [wizard['id']], button=True)
        workbook = await self.client.get(action['url'])
        if not workbook.startswith(b'PK'):
            raise Failure('not a workbook', action['url'])
        self.ledger.workbooks += 1
        return variant


ROLES = {'salespeople': Salesperson, 'accountants': Accountant, 'managers': Manager}
