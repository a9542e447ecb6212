from odoo import _, api, fields, models
from odoo.exceptions import MissingError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.misc import format_amount

# Salespeople read the figures without accounting rights (they are computed as superuser); portal and public
# users never do.
RECEIVABLE_GROUPS = 'sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly'
OPEN_PAYMENT_STATES = ('not_paid', 'partial', 'in_payment')
RECEIVABLE_FIGURES = (
    'crm_unpaid_invoice_count',
    'crm_unpaid_amount',
    'crm_overdue_invoice_count',
    'crm_overdue_amount',
    'crm_oldest_overdue_days',
)
COMPARISONS = {
    '<': (SQL('<'), lambda figure, value: figure < value),
    '<=': (SQL('<='), lambda figure, value: figure <= value),
    '>': (SQL('>'), lambda figure, value: figure > value),
    '>=': (SQL('>='), lambda figure, value: figure >= value),
}


class ResPartner(models.Model):
    _inherit = 'res.partner'

    crm_currency_id = fields.Many2one(
        'res.currency', string='Receivables Currency', compute='_compute_crm_currency_id', groups=RECEIVABLE_GROUPS
    )
    crm_unpaid_invoice_count = fields.Integer(
        'Unpaid Invoices',
        compute='_compute_crm_receivables',
        search='_search_crm_unpaid_invoice_count',
        compute_sudo=True,
        groups=RECEIVABLE_GROUPS,
        help='Posted invoices and credit notes of the customer company and its contacts that are not paid yet, '
        'in the main company of the current company and all its branches.',
    )
    crm_unpaid_amount = fields.Monetary(
        'Unpaid Amount',
        currency_field='crm_currency_id',
        compute='_compute_crm_receivables',
        search='_search_crm_unpaid_amount',
        compute_sudo=True,
        groups=RECEIVABLE_GROUPS,
        help='What the customer company still owes on its invoices, less its open credit notes, '
        'in the currency of the current company.',
    )
    crm_overdue_invoice_count = fields.Integer(
        'Overdue Invoices',
        compute='_compute_crm_receivables',
        search='_search_crm_overdue_invoice_count',
        compute_sudo=True,
        groups=RECEIVABLE_GROUPS,
        help='Unpaid invoices of the customer company whose due date has passed.',
    )
    crm_overdue_amount = fields.Monetary(
        'Overdue Amount',
        currency_field='crm_currency_id',
        compute='_compute_crm_receivables',
        search='_search_crm_overdue_amount',
        compute_sudo=True,
        groups=RECEIVABLE_GROUPS,
        help='What the customer company still owes on its overdue invoices.',
    )
    crm_oldest_overdue_days = fields.Integer(
        'Days Overdue',
        compute='_compute_crm_receivables',
        search='_search_crm_oldest_overdue_days',
        compute_sudo=True,
        groups=RECEIVABLE_GROUPS,
        help='How many days ago the oldest overdue invoice fell due.',
    )
    crm_overdue_warning = fields.Char(
        'Overdue Warning', compute='_compute_crm_receivable_texts', compute_sudo=True, groups=RECEIVABLE_GROUPS
    )
    crm_not_due_note = fields.Char(
        'Unpaid, Not Overdue', compute='_compute_crm_receivable_texts', compute_sudo=True, groups=RECEIVABLE_GROUPS
    )

    @api.depends_context('company')
    def _compute_crm_currency_id(self):
        self.crm_currency_id = self.env.company.currency_id

    @api.depends_context('company')
    def _compute_crm_receivables(self):
        customers = self.commercial_partner_id._origin
        figures = {}
        if customers:
            invoices, customer, aggregates = self._crm_receivable_figures_sql(customers._crm_unpaid_invoice_domain())
            figures = {
                row[0]: row[1:]
                for row in self.env.execute_query(
                    invoices.select(customer, *(aggregates[fname] for fname in RECEIVABLE_FIGURES))
                )
            }
        for partner in self:
            values = figures.get(partner.commercial_partner_id._origin.id, (0, 0.0, 0, 0.0, 0))
            partner.update(dict(zip(RECEIVABLE_FIGURES, values, strict=True)))

    @api.depends_context('company', 'lang')
    @api.depends('crm_unpaid_invoice_count', 'crm_overdue_invoice_count')
    def _compute_crm_receivable_texts(self):
        # Written as label and figure so that the sentence stays grammatical in Czech and Slovak for any count.
        for partner in self:
            currency = partner.crm_currency_id
            partner.crm_overdue_warning = (
                _(
                    'Overdue invoices: %(count)s · Total %(amount)s · Days past due (oldest): %(days)s',
                    count=partner.crm_overdue_invoice_count,
                    amount=format_amount(self.env, partner.crm_overdue_amount, currency),
                    days=partner.crm_oldest_overdue_days,
                )
                if partner.crm_overdue_invoice_count
                else False
            )
            not_due_count = partner.crm_unpaid_invoice_count - partner.crm_overdue_invoice_count
            partner.crm_not_due_note = (
                _(
                    'Unpaid, not overdue yet: %(count)s · Total %(amount)s',
                    count=not_due_count,
                    amount=format_amount(self.env, partner.crm_unpaid_amount - partner.crm_overdue_amount, currency),
                )
                if not_due_count
                else False
            )

    @api.model
    def _crm_open_invoice_domain(self):
        """Posted customer invoices and credit notes not paid yet, in the main company of the active company and
        all its branches, as Odoo's own receivable (``credit``) counts them.

        One company with its branches at a time: amount_residual_signed is in the currency of each invoice's
        company, which branches share with their main company, while summing independent companies with different
        currencies would mix units. The active company is checked against the user's allowed companies even when
        the figures are computed as superuser.
        """
        user_env = self.env(su=False)
        # Read with the other allowed companies, which the record rule of partners reads in the same request.
        root = user_env.company.with_prefetch(user_env.companies._ids).root_id
        return [
            ('company_id', 'child_of', root.id),
            ('state', '=', 'posted'),
            ('move_type', 'in', ('out_invoice', 'out_refund')),
            ('payment_state', 'in', OPEN_PAYMENT_STATES),
            ('commercial_partner_id', '!=', False),
        ]

    @api.model
    def _crm_overdue_condition(self):
        # A credit note is what the company owes; it never falls due for the customer.
        return [('move_type', '=', 'out_invoice'), ('invoice_date_due', '<', fields.Date.context_today(self))]

    def _crm_unpaid_invoice_domain(self):
        """The open invoices of these partners' companies: the figures count them and the smart button lists them,
        so both always agree."""
        return self._crm_open_invoice_domain() + [
            ('commercial_partner_id', 'in', self.commercial_partner_id._origin.ids),
        ]

    @api.model
    def _crm_receivable_figures_sql(self, domain=None):
        """Return the query over the open invoices (of ``domain``) grouped by customer company, the SQL of the
        customer company, and the SQL aggregate of every figure. All five come from one pass over the invoices;
        the overdue ones filter it, and a customer company without such invoices has the figure 0."""
        moves = self.env['account.move'].sudo()
        invoices = moves._search(domain or self._crm_open_invoice_domain())
        customer = moves._field_to_sql(invoices.table, 'commercial_partner_id', invoices)
        invoices.groupby = customer
        amount = moves._field_to_sql(invoices.table, 'amount_residual_signed', invoices)
        due_date = moves._field_to_sql(invoices.table, 'invoice_date_due', invoices)
        overdue = Domain(self._crm_overdue_condition()).optimize_full(moves)._to_sql(moves, invoices.table, invoices)
        aggregates = {
            'crm_unpaid_invoice_count': SQL('COUNT(*)'),
            'crm_unpaid_amount': SQL('COALESCE(SUM(%s), 0)', amount),
            'crm_overdue_invoice_count': SQL('COUNT(*) FILTER (WHERE %s)', overdue),
            'crm_overdue_amount': SQL('COALESCE(SUM(%s) FILTER (WHERE %s), 0)', amount, overdue),
            'crm_oldest_overdue_days': SQL(
                'COALESCE(%s::date - MIN(%s) FILTER (WHERE %s), 0)', fields.Date.context_today(self), due_date, overdue
            ),
        }
        return invoices, customer, aggregates

    def _crm_search_receivable_figure(self, fname, operator, value):
        invoices, customer, aggregates = self._crm_receivable_figures_sql()
        aggregate = aggregates[fname]
        if operator == 'in':
            values = tuple(number or 0 for number in value)
            if not values:
                return Domain.FALSE
            condition = SQL('%s IN %s', aggregate, values)
            zero_matches = 0 in values
        elif operator in COMPARISONS:
            sql_operator, compare = COMPARISONS[operator]
            condition = SQL('%s %s %s', aggregate, sql_operator, value)
            zero_matches = compare(0, value)
        else:
            return NotImplemented
        # Customers without open invoices have no group, and their figure is zero: when zero matches, keep every
        # customer but those whose figure does not match.
        invoices.having = SQL('NOT (%s)', condition) if zero_matches else condition
        matching = invoices.select(customer)
        return Domain.custom(
            to_sql=lambda model, alias, query: SQL(
                '%s %s (%s)',
                SQL.identifier(alias, 'commercial_partner_id'),
                SQL('NOT IN' if zero_matches else 'IN'),
                matching,
            )
        )

    def _search_crm_unpaid_invoice_count(self, operator, value):
        return self._crm_search_receivable_figure('crm_unpaid_invoice_count', operator, value)

    def _search_crm_unpaid_amount(self, operator, value):
        return self._crm_search_receivable_figure('crm_unpaid_amount', operator, value)

    def _search_crm_overdue_invoice_count(self, operator, value):
        return self._crm_search_receivable_figure('crm_overdue_invoice_count', operator, value)

    def _search_crm_overdue_amount(self, operator, value):
        return self._crm_search_receivable_figure('crm_overdue_amount', operator, value)

    def _search_crm_oldest_overdue_days(self, operator, value):
        return self._crm_search_receivable_figure('crm_oldest_overdue_days', operator, value)

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        """Sort by a figure through a join on the figures of every customer company, computed in one grouped
        sub-query rather than once per partner row."""
        if field_name not in RECEIVABLE_FIGURES:
            return super()._order_field_to_sql(alias, field_name, direction, nulls, query)
        self._check_field_access(self._fields[field_name], 'read')
        invoices, customer, aggregates = self._crm_receivable_figures_sql()
        figures_alias = query.make_alias(alias, field_name)
        query.add_join(
            'LEFT JOIN',
            figures_alias,
            SQL('(%s)', invoices.select(SQL('%s AS customer', customer), SQL('%s AS figure', aggregates[field_name]))),
            SQL('%s = %s', SQL.identifier(figures_alias, 'customer'), SQL.identifier(alias, 'commercial_partner_id')),
        )
        return SQL('COALESCE(%s, 0) %s %s', SQL.identifier(figures_alias, 'figure'), direction, nulls)

    def action_crm_unpaid_invoices(self):
        """Open the unpaid invoices as the current user, with what is left to pay on each: record rules decide
        which of them they may open, while the figures count them all.

        The address of the list is the path of a server action and the customer's id, not the path of the
        invoices menu: reloaded, or opened in a new tab, it lists the same customer's invoices again."""
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('account.action_move_out_invoice_type')
        unpaid_list = self.env.ref('crm_accounting_link.view_out_invoice_tree_crm_unpaid')
        action.update(
            name=_('Unpaid Invoices of %s', self.commercial_partner_id.display_name),
            domain=self._crm_unpaid_invoice_domain(),
            path=self.env.ref('crm_accounting_link.res_partner_action_crm_unpaid_invoices').sudo().path,
            views=[
                (unpaid_list.id, view_type) if view_type == 'list' else (view_id, view_type)
                for view_id, view_type in action['views']
            ],
            context={'default_move_type': 'out_invoice', 'create': False, 'active_id': self.id},
        )
        return action

    @api.model
    def _crm_reopen_unpaid_invoices(self):
        """Reopen, on a reload or in a new tab, the unpaid invoices of the customer whose id the list's address
        holds."""
        customer = self.browse(self.env.context.get('active_id')).exists()
        if not customer:
            # The web client leaves out of the breadcrumbs an action that raises this, rather than failing the page.
            raise MissingError(_('The customer of this list of unpaid invoices does not exist anymore.'))
        return customer.action_crm_unpaid_invoices()
