{
    'name': 'CRM Lead Scoring',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Score every lead with rules the sales managers tune, and tell its salesperson once when to call',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended'],
    'data': [
        'security/ir.model.access.csv',

        'data/crm_lead_scoring_data.xml',
        'data/crm_lead_scoring_rule_data.xml',

        'views/crm_lead_scoring_rule_views.xml',
        'views/crm_lead_views.xml',
        'views/crm_team_views.xml',
        'views/res_config_settings_views.xml',
        'views/crm_lead_scoring_menus.xml',
    ],
    'demo': [
        'demo/crm_lead_scoring_demo.xml',
    ],
    'installable': True,
    'application': False,
}
