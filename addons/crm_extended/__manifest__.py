{
    'name': 'CRM Extended',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Codebooks, interaction history and hand-over of customer work for salespeople',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm', 'contacts'],
    'external_dependencies': {'python': ['xlsxwriter']},
    'data': [
        'security/ir.model.access.csv',
        'security/crm_interaction_security.xml',
        'security/crm_sales_kpi_report_security.xml',

        'data/crm_codebook_data.xml',
        'data/crm_interaction_type_data.xml',
        'data/res_partner_industry_data.xml',

        'wizard/crm_interaction_handover_views.xml',
        'wizard/crm_interaction_statistics_views.xml',

        'views/crm_company_type_views.xml',
        'views/crm_company_status_views.xml',
        'views/crm_contact_position_views.xml',
        'views/crm_address_type_views.xml',
        'views/crm_interaction_type_views.xml',
        'views/crm_interaction_views.xml',
        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/res_config_settings_views.xml',
        'views/crm_menus.xml',

        'report/crm_stage_conversion_report_views.xml',
        'report/crm_deal_report_views.xml',
    ],
    'demo': [
        'demo/res_users_demo.xml',
        'demo/res_partner_demo.xml',
        'demo/crm_lead_demo.xml',
        'demo/crm_interaction_demo.xml',
    ],
    'assets': {
        'web.assets_tests': ['crm_extended/static/tests/tours/**/*'],
    },
    'installable': True,
    'application': False,
}
