from odoo import fields

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


class CrmMailingCommon(CrmExtendedCommon):
    """A sent newsletter and a contact with an e-mail address."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_contact.email = 'Jana.Novakova@pivovar-hodonin.example.com'
        cls.mailing = cls.env['mailing.mailing'].create(
            {
                'name': 'Jarní novinky',
                'subject': 'Jarní novinky pivovarské techniky',
                'mailing_model_id': cls.env['ir.model']._get_id('res.partner'),
                'body_html': '<p>Novinky</p>',
                'state': 'done',
            }
        )

    @classmethod
    def _trace(cls, record, **values):
        return cls.env['mailing.trace'].create(
            {
                'mass_mailing_id': cls.mailing.id,
                'model': record._name,
                'res_id': record.id,
                'email': values.pop('email', None) or cls.customer_contact.email_normalized,
                'trace_status': 'sent',
                'sent_datetime': fields.Datetime.now(),
                **values,
            }
        )
