"""Lead scoring, customer care and the sales KPIs left crm_extended for addons of their own, the complaint figures
of the sales KPIs for their bridge with customer care, and the bridge of the sales KPIs with crm_accounting_link is
named after them: their records pass to those addons as they are."""

from odoo.addons.crm_extended.tools.addon_split import move_capability, rename_addon


def migrate(cr, version):
    # The bridge first: the sales KPIs take every other field of the report it extends.
    for addon in ('crm_lead_scoring', 'crm_customer_care', 'crm_sales_kpi_customer_care', 'crm_sales_kpi'):
        move_capability(cr, 'crm_extended', addon)
    rename_addon(cr, 'crm_sales_effectiveness_accounting', 'crm_sales_kpi_accounting')
