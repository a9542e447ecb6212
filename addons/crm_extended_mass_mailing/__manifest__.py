{
    'name': 'CRM Extended: Mass Mailing',
    'version': '19.0.2.0.0',
    'category': 'Sales/CRM',
    'summary': "Mailings a contact received, opened and clicked in the customer's timeline",
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended', 'mass_mailing'],
    'demo': [
        'demo/mailing_mailing_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
