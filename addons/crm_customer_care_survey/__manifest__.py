{
    'name': 'CRM Customer Care with Surveys',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "A completed satisfaction survey becomes the contact's satisfaction check",
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_customer_care', 'survey'],
    'data': [
        'views/survey_survey_views.xml',
        'views/crm_interaction_views.xml',
    ],
    'demo': [
        'demo/survey_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
