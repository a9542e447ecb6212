{
    'name': 'CRM Sales KPIs with Invoicing',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Revenue invoiced and paid per salesperson in the sales KPIs, beside their interactions and won deals',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_sales_kpi', 'crm_accounting_link'],
    'data': [
        'report/crm_salesperson_effectiveness_report_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
