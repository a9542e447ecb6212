"""Customer value (ABC, RFM, payment discipline, CLV and the acquisition costs) left crm_accounting_link for
crm_customer_value: its records pass to that addon as they are, and its settings are named after it."""

from odoo.modules.module import load_script

# crm_accounting_link does not depend on crm_extended: its upgrade step is read from the file alone, without
# loading crm_extended's models.
addon_split = load_script('crm_extended/tools/addon_split.py', 'crm_extended_addon_split')


SETTING_KEYS = {
    'crm_accounting_link.customer_value_window_months': 'crm_customer_value.window_months',
    'crm_accounting_link.customer_value_class_a_share': 'crm_customer_value.class_a_share',
    'crm_accounting_link.customer_value_class_b_share': 'crm_customer_value.class_b_share',
}


def migrate(cr, version):
    addon_split.move_capability(cr, 'crm_accounting_link', 'crm_customer_value')
    for old, new in SETTING_KEYS.items():
        cr.execute("UPDATE ir_config_parameter SET key = %s WHERE key = %s", [new, old])
