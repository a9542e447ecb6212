{
    'name': 'CRM Company Registers',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Fills Czech and Slovak companies from the public registers (ARES, RPO) by their IČO or name '
               'and keeps salespeople from entering a company twice',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['crm_extended', 'base_import'],
    'data': [
        'security/ir.model.access.csv',

        'data/ir_config_parameter_data.xml',

        'wizard/crm_company_register_load_views.xml',

        'views/res_partner_views.xml',
    ],
    'installable': True,
    'application': False,
}
