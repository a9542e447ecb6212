{
    'name': 'CRM Company Registers',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Fills Czech and Slovak companies from the public registers (ARES, RPO) by their IČO or name, '
    'shows unreliable VAT payers, watches the registers for changes and keeps salespeople from entering '
    'a company twice',
    'author': 'CRM Extended Maintainers',
    'maintainers': ['crm-extended'],
    'website': 'https://github.com/crm-extended/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended', 'base_import'],
    'external_dependencies': {'python': ['zeep']},
    'data': [
        'security/ir.model.access.csv',
        'security/crm_company_register_security.xml',
        'data/ir_config_parameter_data.xml',
        'data/ir_cron_data.xml',
        'wizard/crm_company_register_load_views.xml',
        'views/res_partner_views.xml',
        'views/crm_lead_views.xml',
        'views/res_config_settings_views.xml',
    ],
    'assets': {
        'web.assets_tests': ['crm_company_register/static/tests/tours/**/*'],
    },
    'demo': [
        'demo/res_partner_demo.xml',
    ],
    'installable': True,
    'application': False,
}
