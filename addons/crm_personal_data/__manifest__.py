{
    'name': 'CRM Personal Data',
    'version': '19.0.1.1.0',
    'category': 'Sales/CRM',
    'summary': 'GDPR for the CRM: processing purposes, consent register, access export, erasure and retention review',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended', 'privacy_lookup', 'data_recycle'],
    'external_dependencies': {'python': ['xlsxwriter']},
    'data': [
        'security/crm_personal_data_security.xml',
        'security/ir.model.access.csv',

        'data/mail_activity_type_data.xml',
        'data/crm_processing_purpose_data.xml',
        'data/ir_cron_data.xml',

        'wizard/crm_personal_data_erasure_views.xml',

        'views/crm_processing_purpose_views.xml',
        'views/crm_consent_views.xml',
        'views/res_partner_views.xml',
        'views/crm_personal_data_menus.xml',
    ],
    'demo': [
        'demo/crm_consent_demo.xml',
    ],
    'installable': True,
    'application': False,
}
