from odoo import api, fields, models
from odoo.tools import SQL


class CrmSalespersonEffectivenessReport(models.Model):
    _inherit = 'crm.salesperson.effectiveness.report'
    _depends = {
        'crm.interaction': ['interaction_type_id', 'resolution_hours'],
        'crm.interaction.type': ['has_resolution_deadline'],
    }

    complaint_count = fields.Integer(
        'Complaints and Service Requests',
        readonly=True,
        aggregator='sum',
        help='Interactions of the types with a resolution deadline.',
    )
    complaints_per_customer = fields.Float(
        'Complaints per Customer',
        readonly=True,
        aggregator='avg',
        digits=(16, 2),
        help='Complaints and service requests divided by the customers the salesperson had interactions with.',
    )
    resolution_hours = fields.Float(
        'Average Hours to Resolve',
        readonly=True,
        aggregator='avg',
        digits=(16, 1),
        help='From the date of a resolved complaint or service request to its resolution, on average.',
    )

    @api.model
    def _interaction_rows(self):
        from_clause, values = super()._interaction_rows()
        # A subquery, not a join: the FROM clause of the interactions stays crm_sales_kpi's own.
        is_complaint = SQL(
            'i.interaction_type_id IN (SELECT id FROM crm_interaction_type WHERE has_resolution_deadline IS TRUE)'
        )
        return from_clause, {
            **values,
            'complaint_count': SQL('(%s)::int', is_complaint),
            # Read through _read_group_select, which divides the sum by the customers of the group.
            'complaints_per_customer': SQL('(%s)::int', is_complaint),
            'resolution_hours': SQL("CASE WHEN %s AND i.state = 'resolved' THEN i.resolution_hours END", is_complaint),
        }

    def _read_group_select(self, aggregate_spec, query):
        """Complaints per customer is no average of rows: the complaints of the group over its distinct customers."""
        if aggregate_spec != 'complaints_per_customer:avg':
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            'SUM(%s)::float / NULLIF(COUNT(DISTINCT %s), 0)',
            self._field_to_sql(self._table, 'complaints_per_customer', query),
            self._field_to_sql(self._table, 'commercial_partner_id', query),
        )
