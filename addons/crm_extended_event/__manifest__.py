{
    'name': 'CRM Extended: Events',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "Events and webinars a contact registered for and attended, in the customer's timeline",
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended', 'event'],
    'demo': [
        'demo/event_event_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
