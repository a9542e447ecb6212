{
    'name': 'CRM Customer Care',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Wishes, anniversaries, service checks and campaigns planned for salespeople; complaints with '
               'resolution deadlines and customer satisfaction',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended'],
    'data': [
        'security/ir.model.access.csv',
        'security/crm_care_rule_security.xml',

        'data/crm_interaction_type_data.xml',
        'data/crm.name.day.csv',
        'data/crm_care_rule_data.xml',

        'views/crm_care_rule_views.xml',
        'views/crm_name_day_views.xml',
        'views/crm_interaction_views.xml',
        'views/res_partner_views.xml',
        'views/res_config_settings_views.xml',
        'views/crm_customer_care_menus.xml',
    ],
    'demo': [
        'demo/crm_care_demo.xml',
    ],
    'installable': True,
    'application': False,
}
