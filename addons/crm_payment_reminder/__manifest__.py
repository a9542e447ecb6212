{
    'name': 'CRM Payment Reminders',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Log a payment reminder from the overdue banner as an interaction in the customer history',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended', 'crm_accounting_link'],
    'data': [
        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/sale_order_views.xml',
    ],
    'assets': {
        'web.assets_tests': ['crm_payment_reminder/static/tests/tours/**/*'],
    },
    'installable': True,
    'auto_install': True,
    'application': False,
}
