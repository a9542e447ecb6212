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
    ],
    'installable': True,
    'application': False,
}
