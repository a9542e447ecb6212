{
    'name': 'CRM Accounting Link',
    'version': '19.0.2.0.0',
    'category': 'Sales/CRM',
    'summary': 'Unpaid and overdue invoices for salespeople, sales orders and opportunities for accountants',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['sale_crm', 'account'],
    'data': [
        'security/ir.model.access.csv',
        'security/crm_accounting_link_security.xml',

        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/sale_order_views.xml',
        'views/account_move_views.xml',
        'views/account_payment_views.xml',
    ],
    'demo': [
        'demo/res_users_demo.xml',
        'demo/product_demo.xml',
        'demo/res_partner_demo.xml',
        'demo/crm_lead_demo.xml',
        'demo/sale_order_demo.xml',
        'demo/account_move_demo.xml',
    ],
    'assets': {
        'web.assets_tests': ['crm_accounting_link/static/tests/tours/**/*'],
    },
    'installable': True,
    'application': False,
}
