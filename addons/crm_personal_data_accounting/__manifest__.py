{
    'name': 'CRM Personal Data: Invoices and Orders',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "A person's invoices and orders in the access export; issued invoices keep their customer on erasure",
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_personal_data', 'crm_accounting_link'],
    'installable': True,
    'auto_install': True,
    'application': False,
}
