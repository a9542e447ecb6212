{
    'name': 'CRM Sales KPIs',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Win rate, deal length, pipeline, stage conversion and salesperson effectiveness for sales '
    'managers, with an XLSX workbook per salesperson and month',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended'],
    'external_dependencies': {'python': ['xlsxwriter']},
    'data': [
        'security/ir.model.access.csv',
        'security/crm_sales_kpi_report_security.xml',
        'wizard/crm_sales_kpi_workbook_views.xml',
        'report/crm_stage_conversion_report_views.xml',
        'report/crm_deal_report_views.xml',
        'report/crm_salesperson_effectiveness_report_views.xml',
        'views/crm_sales_kpi_menus.xml',
    ],
    'installable': True,
    'application': False,
}
