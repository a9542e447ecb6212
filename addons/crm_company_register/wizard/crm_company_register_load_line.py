from odoo import fields, models


class CrmCompanyRegisterLoadLine(models.TransientModel):
    """One field of the company: its value now, the register's, and whether to take the register's."""

    _name = 'crm.company.register.load.line'
    _description = 'Change Proposed by the Register'
    _order = 'id'

    wizard_id = fields.Many2one('crm.company.register.load', required=True, ondelete='cascade')
    field_name = fields.Char('Technical Field Name', required=True)
    field_label = fields.Char('Field', readonly=True)
    current_value = fields.Char(readonly=True)
    new_value = fields.Char('Register Value', readonly=True)
    new_raw = fields.Char('Value to Write', readonly=True)
    apply = fields.Boolean('Take It')

    def _value_to_write(self):
        self.ensure_one()
        if self.wizard_id.partner_id._fields[self.field_name].type == 'many2one':
            return int(self.new_raw)
        return self.new_raw
