{
    'name': 'CRM Personal Data: Mass Mailing',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "A person's mailings and mailing list entries in the access export; erasure anonymises them",
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_personal_data', 'mass_mailing'],
    'installable': True,
    'auto_install': True,
    'application': False,
}
