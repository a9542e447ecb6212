from odoo import fields, models


class DataRecycleModel(models.Model):
    _inherit = 'data_recycle.model'

    crm_purpose_id = fields.Many2one(
        'crm.processing.purpose',
        string='Processing Purpose',
        ondelete='set null',
        index='btree_not_null',
        help="The rule lists what is kept longer than this purpose's retention period, which sets its delta.",
    )
