{
    'name': 'CRM Sales KPIs with Customer Care',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Complaints and service requests per salesperson, per customer and their hours to resolve in the '
    'salesperson effectiveness figures',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_sales_kpi', 'crm_customer_care'],
    'data': [
        'report/crm_salesperson_effectiveness_report_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
