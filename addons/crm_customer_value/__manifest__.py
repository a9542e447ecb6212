{
    'name': 'CRM Customer Value',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'ABC class, RFM segment, payment discipline and lifetime value of customers, and the cost of '
    'acquiring them',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_accounting_link'],
    'data': [
        'security/ir.model.access.csv',
        'security/crm_customer_value_security.xml',
        'data/ir_cron_data.xml',
        'views/crm_customer_value_views.xml',
        'views/crm_acquisition_cost_views.xml',
        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/res_config_settings_views.xml',
        'report/crm_acquisition_report_views.xml',
    ],
    'demo': [
        'demo/crm_acquisition_cost_demo.xml',
        'demo/crm_customer_value_demo.xml',
    ],
    'installable': True,
    'application': False,
}
