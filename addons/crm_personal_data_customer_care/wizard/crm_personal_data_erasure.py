from odoo import models


class CrmPersonalDataErasure(models.TransientModel):
    _inherit = 'crm.personal.data.erasure'

    def _erase(self, partner, kept_fields):
        result = super()._erase(partner, kept_fields)
        # The rating stays for the satisfaction figures; what the person wrote is theirs.
        partner._privacy_rated_interactions().sudo().with_context(tracking_disable=True).write(
            {'satisfaction_comment': False}
        )
        # No wishes are planned for an erased contact: the occasions went with the first name and birthdate.
        partner.sudo().write({'crm_first_name': False, 'birthdate_date': False, 'crm_wish_on': 'none'})
        return result
