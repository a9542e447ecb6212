from odoo import api, models
from odoo.tools import SQL

# Each part of the history numbers its rows by the id of its source record times this, plus its own code, so that
# the ids of the union are unique and stable: interactions are code 0; bridges take the next free code.
HISTORY_ID_FACTOR = 16
HISTORY_CODE_INTERACTION = 0


class CrmHistoryMixin(models.AbstractModel):
    """The parts of a customer's history: each source (interactions here, mailings and events in their bridges)
    gives one SELECT of the history's columns, and crm.history.entry is their UNION ALL."""

    _name = 'crm.history.mixin'
    _description = 'Customer History Source'

    @api.model
    def _crm_history_columns(self):
        """The history's columns and their SQL types, in the order of the union; bridges may add theirs."""
        return {
            'id': 'bigint',
            'date': 'timestamp',
            'kind': 'varchar',
            'name': 'varchar',
            'partner_id': 'integer',
            'commercial_partner_id': 'integer',
            'user_id': 'integer',
            'company_id': 'integer',
            'res_model': 'varchar',
            'res_id': 'integer',
            'interaction_id': 'integer',
            'interaction_type_id': 'integer',
        }

    @api.model
    def _crm_history_parts(self):
        """The parts of the history, each as ({column: SQL expression}, SQL of the FROM clause and its
        conditions); a column a part leaves out is NULL in its rows. Bridges append their parts."""
        return [self._crm_history_interaction_part()]

    @api.model
    def _crm_history_query(self):
        columns = self._crm_history_columns()
        return SQL(' UNION ALL ').join(
            SQL(
                '(SELECT %s FROM %s)',
                SQL(', ').join(
                    SQL('CAST(%s AS %s) AS %s', values.get(name, SQL('NULL')), SQL(sql_type), SQL.identifier(name))
                    for name, sql_type in columns.items()
                ),
                from_clause,
            )
            for values, from_clause in self._crm_history_parts()
        )

    @api.model
    def _crm_history_id(self, alias, code):
        return SQL('%s * %s + %s', SQL.identifier(alias, 'id'), HISTORY_ID_FACTOR, code)

    @api.model
    def _crm_history_interaction_part(self):
        return {
            'id': self._crm_history_id('interaction', HISTORY_CODE_INTERACTION),
            'date': SQL('interaction.date'),
            'kind': SQL("'interaction'"),
            'name': SQL('interaction.subject'),
            'partner_id': SQL('interaction.partner_id'),
            'commercial_partner_id': SQL('interaction.commercial_partner_id'),
            'user_id': SQL('interaction.user_id'),
            'company_id': SQL('interaction.company_id'),
            'res_model': SQL("'crm.interaction'"),
            'res_id': SQL('interaction.id'),
            'interaction_id': SQL('interaction.id'),
            'interaction_type_id': SQL('interaction.interaction_type_id'),
        }, SQL('crm_interaction interaction')
