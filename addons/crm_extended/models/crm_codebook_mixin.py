from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL


class CrmCodebookMixin(models.AbstractModel):
    """Shared behaviour of the short lists (codebooks) that classify partners and interactions."""

    _name = 'crm.codebook.mixin'
    _description = 'CRM Codebook'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text(translate=True)

    # Every value has an English name: a new value is given the name it is created with in English as well as in
    # the language of whoever creates it. So the database itself refuses the second of two values created at the
    # same time with the same name, in any language; the names in other languages, which only a rename sets
    # apart from the English one, are checked by _check_name_unique.
    _unique_name = models.UniqueIndex("(lower(name->>'en_US'))")

    def _codebook_label(self):
        """The name of this codebook in the user's language."""
        return self.env['ir.model']._get(self._name).name or self._description

    @api.model
    def _sql_error_to_message(self, exc):
        if exc.diag.constraint_name == self._unique_name.full_name(self):
            return _(
                'This value already exists in %(codebook)s (names are compared without case).',
                codebook=self._codebook_label(),
            )
        return super()._sql_error_to_message(exc)

    @api.constrains('name')
    def _check_name_unique(self):
        """Refuse a name that another value, archived or not, shows in one of the installed languages.

        A value without a name of its own in a language shows its English name there, and so is compared by it.
        English names themselves are the unique index's.
        """
        languages = [code for code, _label in self.env['res.lang'].get_installed() if code != 'en_US']
        if not languages:
            return
        self.flush_model(['name'])
        table = SQL.identifier(self._table)
        rows = self.env.execute_query(
            SQL(
                """SELECT value.id, language
                 FROM %(table)s value
                CROSS JOIN unnest(%(languages)s::varchar[]) AS language
                 JOIN %(table)s twin
                   ON twin.id != value.id
                  AND lower(COALESCE(twin.name->>language, twin.name->>'en_US'))
                    = lower(COALESCE(value.name->>language, value.name->>'en_US'))
                WHERE value.id IN %(ids)s
                LIMIT 1""",
                table=table,
                languages=languages,
                ids=tuple(self.ids),
            )
        )
        if rows:
            [(value_id, language)] = rows
            raise ValidationError(
                _(
                    'The value "%(name)s" already exists in %(codebook)s (names are compared without case).',
                    name=self.browse(value_id).with_context(lang=language).name,
                    codebook=self._codebook_label(),
                )
            )

    def _codebook_usage_count(self):
        """Return how many records of any model refer to the values of ``self``. A many2one declared to go
        with its value (ondelete cascade, as a scoring rule of an interaction type) is configuration of that
        value, not a use of it."""
        reference_fields = (
            self.env['ir.model.fields']
            .sudo()
            .search(
                [
                    ('relation', '=', self._name),
                    ('ttype', 'in', ('many2one', 'many2many')),
                    ('store', '=', True),
                    '|',
                    ('ttype', '=', 'many2many'),
                    ('on_delete', '!=', 'cascade'),
                ]
            )
        )
        usage = 0
        for reference in reference_fields:
            referring_model = self.env[reference.model].sudo().with_context(active_test=False)
            usage += referring_model.search_count([(reference.name, 'in', self.ids)])
        return usage

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_use(self):
        usage = self._codebook_usage_count()
        if usage:
            raise UserError(
                _(
                    '%(count)s records use these values of %(codebook)s, so they cannot be deleted. '
                    'Archive them instead: they stay on those records but are no longer offered.',
                    count=usage,
                    codebook=self._codebook_label(),
                )
            )
