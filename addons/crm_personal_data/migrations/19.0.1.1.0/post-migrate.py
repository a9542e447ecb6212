"""The bridge with customer care is new. Odoo installs a new auto-install addon only together with one of its
dependencies, so a database that already has both installs it on this upgrade, as a new database would."""

from odoo import SUPERUSER_ID, api

LOADED_STATES = ('installed', 'to upgrade', 'to install')


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    bridge = env['ir.module.module'].search(
        [('name', '=', 'crm_personal_data_customer_care'), ('state', '=', 'uninstalled')]
    )
    if bridge and all(dependency.state in LOADED_STATES for dependency in bridge.dependencies_id):
        bridge.button_install()
