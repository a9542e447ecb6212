from odoo import fields, models


class CrmCompanyRegisterSearchResult(models.TransientModel):
    """A company the register found by name, for the salesperson to pick."""

    _name = 'crm.company.register.search.result'
    _description = 'Company Found in the Register'
    _order = 'id'

    wizard_id = fields.Many2one('crm.company.register.load', required=True, ondelete='cascade')
    name = fields.Char(readonly=True)
    ico = fields.Char('IČO', readonly=True)
    address = fields.Char('Registered Office', readonly=True)

    def action_choose(self):
        self.ensure_one()
        wizard = self.wizard_id
        wizard.ico = self.ico
        return wizard.action_look_up()
