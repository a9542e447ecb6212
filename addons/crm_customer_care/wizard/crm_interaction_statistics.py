from collections import defaultdict

from odoo import _, models
from odoo.fields import Domain

from ..models.crm_interaction import PRIORITIES


class CrmInteractionStatistics(models.TransientModel):
    _inherit = 'crm.interaction.statistics'

    def _write_sheets(self, workbook, domain, styles):
        result = super()._write_sheets(workbook, domain, styles)
        self._write_complaints(workbook.add_worksheet(_('Complaints')), domain, styles)
        return result

    def _write_complaints(self, sheet, domain, styles):
        """Per customer company, the complaints and service requests of the period by type and by priority, how
        many are overdue now and the average hours the resolved ones took; three grouped queries in all."""
        interactions = self.env['crm.interaction']
        domain = Domain.AND([domain, [('interaction_type_id.has_resolution_deadline', '=', True)]])
        counts = defaultdict(lambda: defaultdict(int))
        types = set()
        for customer, interaction_type, priority, count in interactions._read_group(
            domain, ['commercial_partner_id', 'interaction_type_id', 'priority'], ['__count']
        ):
            counts[customer][interaction_type] += count
            counts[customer][priority] += count
            types.add(interaction_type)
        for customer, count in interactions._read_group(
            Domain.AND([domain, [('is_overdue', '=', True)]]), ['commercial_partner_id'], ['__count']
        ):
            counts[customer]['overdue'] = count
        hours = dict(
            interactions._read_group(
                Domain.AND([domain, [('state', '=', 'resolved')]]), ['commercial_partner_id'], ['resolution_hours:avg']
            )
        )
        types = sorted(types, key=lambda interaction_type: (interaction_type.sequence, interaction_type.id))
        priority_labels = dict(interactions._fields['priority']._description_selection(self.env))
        sheet.write_row(
            0,
            0,
            [_('Customer')]
            + [interaction_type.name for interaction_type in types]
            + [priority_labels[priority] for priority, _label in PRIORITIES]
            + [_('Overdue'), _('Average hours to resolve')],
            styles['header'],
        )
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, len(types) + len(PRIORITIES) + 2, 14)
        # As a list shows them: the name of a customer is shown even to who may not open it.
        customers = sorted(counts, key=lambda customer: customer.sudo().display_name or '')
        for row, customer in enumerate(customers, start=1):
            figures = counts[customer]
            average = hours.get(customer)
            sheet.write_row(
                row,
                0,
                [customer.sudo().display_name]
                + [figures[interaction_type] for interaction_type in types]
                + [figures[priority] for priority, _label in PRIORITIES]
                + [figures['overdue'], round(average, 1) if average is not None else ''],
            )
