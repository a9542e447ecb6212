{
    'name': 'CRM Accounting Link',
    'version': '19.0.1.0.0',
    'category': 'Sales/CRM',
    'summary': 'Unpaid and overdue invoices for salespeople, sales orders and opportunities for accountants',
    'author': 'CRM Extended Team',
    'website': 'https://example.com/crm-extended',
    'license': 'LGPL-3',
    'depends': ['sale_crm', 'account'],
    'data': [
        'security/ir.model.access.csv',
    ],
    'installable': True,
    'application': False,
}
