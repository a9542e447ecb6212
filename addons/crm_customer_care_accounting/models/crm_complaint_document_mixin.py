from odoo import _, api, fields, models


class CrmComplaintDocumentMixin(models.AbstractModel):
    """A sales document complaints and service requests can be about, with a button to them."""

    _name = 'crm.complaint.document.mixin'
    _description = 'Document of Complaints'
    # The field of crm.interaction that links to the document.
    _crm_complaint_field = None

    crm_complaint_count = fields.Integer(
        'Complaints',
        compute='_compute_crm_complaint_count',
        help='Complaints and service requests about this document that you may read.',
    )

    def _crm_complaint_domain(self):
        # An after-sales follow-up is about its order too, but is no complaint.
        return [
            (self._crm_complaint_field, 'in', self._origin.ids),
            ('interaction_type_id.has_resolution_deadline', '=', True),
        ]

    @api.depends_context('uid', 'allowed_company_ids')
    def _compute_crm_complaint_count(self):
        interactions = self.env['crm.interaction']
        # Counted as the list of the button shows them, with the user's record rules; an accountant without sales
        # rights, who may not read interactions, opens the document with none.
        counts = (
            dict(
                interactions._read_group(
                    self._crm_complaint_domain(),
                    [self._crm_complaint_field],
                    ['__count'],
                )
            )
            if interactions.has_access('read')
            else {}
        )
        for document in self:
            document.crm_complaint_count = counts.get(document._origin, 0)

    @api.model
    def _crm_complaint_type(self):
        return (
            self.env.ref('crm_extended.crm_interaction_type_complaint', raise_if_not_found=False)
            or self.env['crm.interaction.type']
        )

    def action_crm_complaints(self):
        self.ensure_one()
        action = self.env['crm.interaction']._action_open_for(
            self._crm_complaint_domain(),
            {
                f'default_{self._crm_complaint_field}': self.id,
                'default_partner_id': self.partner_id.id,
                'default_interaction_type_id': self._crm_complaint_type().id,
                'default_company_id': self.company_id.id,
            },
        )
        action['name'] = _('Complaints about %s', self.display_name)
        return action
