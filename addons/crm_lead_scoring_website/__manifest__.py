{
    'name': 'CRM Lead Scoring: Website',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "Give lead score points for the pages the lead's website visitor views, such as the pricing page, "
    'so that the salesperson calls while the customer is comparing prices',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_lead_scoring', 'website_crm'],
    'data': [
        'data/crm_lead_scoring_rule_data.xml',
        'views/crm_lead_scoring_rule_views.xml',
    ],
    'demo': [
        'demo/crm_lead_scoring_website_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
