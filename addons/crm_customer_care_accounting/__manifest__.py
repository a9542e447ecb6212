{
    'name': 'CRM Customer Care with Sales and Invoicing',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'After-sales follow-ups once an order is invoiced; complaints linked to their order or invoice',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_customer_care', 'crm_accounting_link'],
    'data': [
        'views/crm_care_rule_views.xml',
        'views/crm_interaction_views.xml',
        'views/sale_order_views.xml',
        'views/account_move_views.xml',
    ],
    'demo': [
        'demo/crm_care_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
