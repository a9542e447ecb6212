{
    'name': 'CRM Lead Scoring: Mass Mailing',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Give lead score points for the mailings a customer opened and clicked and the documents downloaded '
    'from them, so that the salesperson calls while the customer reads the offers',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_lead_scoring', 'crm_extended_mass_mailing'],
    'data': [
        'data/crm_lead_scoring_rule_data.xml',
        'views/crm_lead_scoring_rule_views.xml',
    ],
    'demo': [
        'demo/crm_lead_scoring_mass_mailing_demo.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
