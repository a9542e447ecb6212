"""The lead scoring of mailings left crm_extended_mass_mailing for crm_lead_scoring_mass_mailing: its records pass
to that addon as they are."""

from odoo.addons.crm_extended.tools.addon_split import move_capability


def migrate(cr, version):
    move_capability(cr, 'crm_extended_mass_mailing', 'crm_lead_scoring_mass_mailing')
