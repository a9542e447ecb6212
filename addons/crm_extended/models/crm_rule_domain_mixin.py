from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import safe_eval


class CrmRuleDomainMixin(models.AbstractModel):
    """A rule whose condition (its ``domain`` field) is a domain on another model, written with Odoo's domain editor:
    the care rules' contacts, the scoring rules' leads. Read with the same names and refused the same way."""

    _name = 'crm.rule.domain.mixin'
    _description = 'CRM Rule with a Condition'

    def _crm_parsed_domain(self):
        self.ensure_one()
        return safe_eval.safe_eval(
            self.domain or '[]',
            {
                'datetime': safe_eval.datetime,
                'dateutil': safe_eval.dateutil,
                'time': safe_eval.time,
                'context_today': lambda: fields.Date.context_today(self),
                'uid': self.env.uid,
            },
        )

    @api.model
    def _crm_check_domain(self, rules, model_name, message):
        """Refuse the first of ``rules`` whose condition does not apply to ``model_name``: ``message``, translated,
        names the rule as ``%(rule)s`` and the reason as ``%(error)s``."""
        for rule in rules:
            try:
                Domain(rule._crm_parsed_domain()).validate(self.env[model_name])
            except Exception as error:
                raise ValidationError(message % {'rule': rule.name, 'error': error}) from error
