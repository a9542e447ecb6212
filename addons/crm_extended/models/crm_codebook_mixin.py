from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmCodebookMixin(models.AbstractModel):
    """Shared behaviour of the short lists (codebooks) that classify partners and interactions."""

    _name = 'crm.codebook.mixin'
    _description = 'CRM Codebook'
    _order = 'sequence, id'

    name = fields.Char('Name', required=True, translate=True)
    sequence = fields.Integer('Sequence', default=10)
    active = fields.Boolean('Active', default=True)
    color = fields.Integer('Color')
    description = fields.Text('Description', translate=True)

    @api.constrains('name')
    def _check_name_unique(self):
        for value in self:
            twin = self.with_context(active_test=False).search_count([
                ('id', '!=', value.id),
                ('name', '=ilike', value.name),
            ], limit=1)
            if twin:
                raise ValidationError(_(
                    'The value "%(name)s" already exists in %(codebook)s (names are compared without case).',
                    name=value.name, codebook=self._description,
                ))

    def _codebook_usage_count(self):
        """Return how many records of any model refer to the values of ``self``."""
        reference_fields = self.env['ir.model.fields'].sudo().search([
            ('relation', '=', self._name),
            ('ttype', 'in', ('many2one', 'many2many')),
            ('store', '=', True),
        ])
        usage = 0
        for reference in reference_fields:
            referring_model = self.env[reference.model].sudo().with_context(active_test=False)
            usage += referring_model.search_count([(reference.name, 'in', self.ids)])
        return usage

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_use(self):
        usage = self._codebook_usage_count()
        if usage:
            raise UserError(_(
                '%(count)s records use these values of %(codebook)s, so they cannot be deleted. '
                'Archive them instead: they stay on those records but are no longer offered.',
                count=usage, codebook=self._description,
            ))
