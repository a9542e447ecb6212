from collections import defaultdict

from odoo import _, fields, models
from odoo.tools import SQL


class CrmLeadScoringRule(models.Model):
    _inherit = 'crm.lead.scoring.rule'

    event_kind = fields.Selection(
        selection_add=[('overdue_invoice', 'Overdue invoice of the customer')], ondelete={'overdue_invoice': 'cascade'}
    )

    def _crm_overdue_invoice_events(self, leads, now):
        """The overdue invoices of each lead's customer company, as (lead_id, days overdue): the invoices that
        CRM Accounting Link counts as overdue for salespeople, in the lead's company with its branches."""
        leads_by_company = defaultdict(list)
        for lead in leads:
            leads_by_company[lead.company_id or self.env.company].append(lead.id)
        # The invoice domain reads each company's main company, from its parent path: read here for all of them
        # in one narrow query, instead of a whole company row, with its access check, per company.
        self.env['res.company'].sudo().browse(
            {company.id for company in leads_by_company} | set(self.env.companies.ids)
        ).fetch(['parent_path'])
        partners = self.env['res.partner']
        # The join below reads these columns in SQL.
        self.env['crm.lead'].flush_model(['partner_id', 'company_id'])
        partners.flush_model(['commercial_partner_id'])
        moves = self.env['account.move'].sudo()
        selects = []
        for company, lead_ids in leads_by_company.items():
            partners_in_company = partners.with_company(company)
            invoices = moves._search(
                partners_in_company._crm_open_invoice_domain() + partners_in_company._crm_overdue_condition()
            )
            overdue = invoices.select(
                SQL('%s AS customer_id', moves._field_to_sql(invoices.table, 'commercial_partner_id', invoices)),
                SQL('%s AS due_date', moves._field_to_sql(invoices.table, 'invoice_date_due', invoices)),
            )
            selects.append(
                SQL(
                    """SELECT lead.id AS lead_id, (%s::date - overdue.due_date)::float AS age_days
                     FROM crm_lead lead
                     JOIN res_partner customer ON customer.id = lead.partner_id
                     JOIN (%s) overdue ON overdue.customer_id = customer.commercial_partner_id
                    WHERE lead.id IN %s""",
                    fields.Date.context_today(self),
                    overdue,
                    tuple(lead_ids),
                )
            )
        return SQL(' UNION ALL ').join(selects)

    def _crm_detail_format(self):
        if self.event_kind != 'overdue_invoice':
            return super()._crm_detail_format()
        name = self.name
        template = _('%(rule)s: %(count)s, the oldest %(days)s days overdue %(points)s')
        return lambda points, detail: (
            template % {'rule': name, 'count': detail[0], 'days': detail[2], 'points': f'{points:+d}'}
        )
