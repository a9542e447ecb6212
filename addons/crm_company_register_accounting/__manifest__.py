{
    'name': 'CRM Company Registers in Sales and Invoicing',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Shows unreliable VAT payers on quotations, invoices and vendor bills, warns when a bill is to be '
    'paid to an account the supplier has not published, and re-checks customers and suppliers nightly',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_company_register', 'crm_accounting_link'],
    'data': [
        'views/sale_order_views.xml',
        'views/account_move_views.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
