"""A complaint or service request resolved before its date took no time: the hours to resolve stored below zero
before it was told so become zero."""


def migrate(cr, version):
    cr.execute('UPDATE crm_interaction SET resolution_hours = 0 WHERE resolution_hours < 0')
