{
    'name': 'CRM Lead Scoring: Credit',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': "Take lead score points off for the customer's overdue invoices, so that a customer who does not "
    'pay does not jump the call queue',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_lead_scoring', 'crm_accounting_link'],
    'data': [
        'data/crm_lead_scoring_rule_data.xml',
    ],
    'installable': True,
    'auto_install': True,
    'application': False,
}
