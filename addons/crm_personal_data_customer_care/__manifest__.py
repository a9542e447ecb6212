{
    'name': 'CRM Personal Data: Customer Care',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "A person's birthdate, first name, wishes and satisfaction comments in the access export; erasure "
    'blanks them',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_personal_data', 'crm_customer_care'],
    'installable': True,
    'auto_install': True,
    'application': False,
}
