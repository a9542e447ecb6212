from odoo import _, api, fields, models


class CrmLead(models.Model):
    _name = 'crm.lead'
    _inherit = ['crm.lead', 'crm.customer.receivables.mixin']

    crm_invoiced_amount = fields.Monetary(
        'Invoiced Amount', currency_field='company_currency', compute='_compute_crm_invoice_figures',
        compute_sudo=True, help='Posted invoices less credit notes of the quotations and orders of this opportunity.')
    crm_paid_amount = fields.Monetary(
        'Paid Amount', currency_field='company_currency', compute='_compute_crm_invoice_figures', compute_sudo=True,
        help='What the customer has paid on the invoices of this opportunity.')
    crm_amount_due = fields.Monetary(
        'Amount Due', currency_field='company_currency', compute='_compute_crm_invoice_figures', compute_sudo=True,
        help='What the customer still owes on the invoices of this opportunity.')
    crm_invoice_count = fields.Integer(
        'Invoice Count', compute='_compute_crm_invoice_count', compute_sudo=True)

    @api.depends('order_ids.company_id', 'order_ids.crm_invoiced_amount', 'order_ids.crm_amount_due')
    def _compute_crm_invoice_figures(self):
        for lead in self:
            # Only the orders of the opportunity's company: other companies count in other currencies.
            orders = lead.order_ids.filtered(lambda order: order.company_id == (lead.company_id or self.env.company))
            lead.crm_invoiced_amount = sum(orders.mapped('crm_invoiced_amount'))
            lead.crm_amount_due = sum(orders.mapped('crm_amount_due'))
            lead.crm_paid_amount = lead.crm_invoiced_amount - lead.crm_amount_due

    def _compute_crm_invoice_count(self):
        counts = dict(self.env['account.move']._read_group(
            self._crm_invoice_domain(), ['crm_opportunity_ids'], ['__count']))
        for lead in self:
            lead.crm_invoice_count = counts.get(lead._origin, 0)

    def _crm_invoice_domain(self):
        return [('crm_opportunity_ids', 'in', self._origin.ids)]

    def _crm_payment_reminder_lead(self):
        return self

    def action_crm_invoices(self):
        """Open the invoices as the current user: the list shows those they may open."""
        self.ensure_one()
        action = self.env['ir.actions.act_window']._for_xml_id('account.action_move_out_invoice_type')
        action.update(
            name=_('Invoices of %s', self.name),
            domain=self._crm_invoice_domain(),
            context={'default_move_type': 'out_invoice', 'create': False},
        )
        return action
