from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_customer_value import DEFAULT_CLASS_A_SHARE, DEFAULT_CLASS_B_SHARE, DEFAULT_WINDOW_MONTHS


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    crm_customer_value_window_months = fields.Integer(
        'Customer Value Window (Months)',
        default=DEFAULT_WINDOW_MONTHS,
        config_parameter='crm_customer_value.window_months',
        help='The rolling window of the ABC classes and the RFM scores, up to today.',
    )
    crm_customer_value_class_a_share = fields.Float(
        'Class A Share (%)',
        default=DEFAULT_CLASS_A_SHARE,
        config_parameter='crm_customer_value.class_a_share',
        help='Class A: the largest customers that together make this share of the net revenue.',
    )
    crm_customer_value_class_b_share = fields.Float(
        'Class B Share (%)',
        default=DEFAULT_CLASS_B_SHARE,
        config_parameter='crm_customer_value.class_b_share',
        help='Class B: the next customers that together make this share of the net revenue; class C the rest.',
    )

    @api.constrains(
        'crm_customer_value_window_months', 'crm_customer_value_class_a_share', 'crm_customer_value_class_b_share'
    )
    def _check_crm_customer_value_settings(self):
        for settings in self:
            if settings.crm_customer_value_window_months < 1:
                raise ValidationError(self.env._('The customer value window is at least one month.'))
            shares = (settings.crm_customer_value_class_a_share, settings.crm_customer_value_class_b_share)
            if min(shares) < 0 or sum(shares) > 100:
                raise ValidationError(
                    self.env._('The shares of classes A and B are positive and make at most 100 % together.')
                )
