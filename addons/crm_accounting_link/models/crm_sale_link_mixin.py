from odoo import models
from odoo.fields import Domain

LINK_FIELDS = ('crm_sale_order_ids', 'crm_opportunity_ids')


class CrmSaleLinkMixin(models.AbstractModel):
    _name = 'crm.sale.link.mixin'
    _description = 'Links to Sales Orders and Opportunities'

    # The ORM flushes the columns a query reads, but not the relation tables of stored many2many fields. These
    # links change with invoicing and reconciliation, possibly earlier in the same transaction: flush them before
    # a query filters or groups by them.
    def _search(self, domain, *args, **kwargs):
        if any(condition.field_expr.split('.')[0] in LINK_FIELDS for condition in Domain(domain).iter_conditions()):
            self.flush_model(LINK_FIELDS)
        return super()._search(domain, *args, **kwargs)

    def _read_group(self, domain, groupby=(), *args, **kwargs):
        if any(spec.split(':')[0].split('.')[0] in LINK_FIELDS for spec in groupby):
            self.flush_model(LINK_FIELDS)
        return super()._read_group(domain, groupby, *args, **kwargs)
