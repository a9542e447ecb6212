from odoo import api, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = 'res.partner'

    @api.model
    def _crm_register_watch_domain(self):
        """With the books at hand, the nightly check follows the companies money moves with: customers and
        suppliers."""
        return super()._crm_register_watch_domain() & Domain(
            ['|', ('customer_rank', '>', 0), ('supplier_rank', '>', 0)]
        )
