import io
import json
import zipfile

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.crm_extended.tests.common import CrmExtendedCommon

# The person whose data the erasure and access tests follow through every record that may hold it.
NAME = 'Zdeňka Průšová'
EMAIL = 'zdenka.prusova@pivovar-hodonin.example.com'
PHONE = '+420 777 123 456'


class CrmPersonalDataCommon(CrmExtendedCommon):
    """A data protection officer, the purposes as preset, a contact with an e-mail address and a contact of
    another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_dpo = new_test_user(cls.env, 'crm_dpo', groups='crm_personal_data.group_data_protection_officer')
        cls.purpose_marketing_email = cls.env.ref('crm_personal_data.crm_processing_purpose_marketing_email')
        cls.purpose_newsletter = cls.env.ref('crm_personal_data.crm_processing_purpose_newsletter')
        cls.purpose_profiling = cls.env.ref('crm_personal_data.crm_processing_purpose_profiling')
        cls.purpose_customer = cls.env.ref('crm_personal_data.crm_processing_purpose_customer_relationship')
        cls.customer_contact.email = 'jana.novakova@pivovar-hodonin.example.com'
        cls.other_company = cls.env['res.company'].create({'name': 'Jiná firma s.r.o.'})
        cls.other_company_contact = cls.env['res.partner'].create(
            {
                'name': 'Petra Cizí',
                'email': 'petra.cizi@jina-firma.example.com',
                'company_id': cls.other_company.id,
            }
        )

    def _exported_data(self, partner):
        """The JSON of the access export of ``partner`` as the data protection officer downloads it."""
        action = partner.with_user(self.user_dpo).action_privacy_access_export()
        attachment = self.env['ir.attachment'].browse(int(action['url'].split('/')[3].split('?')[0]))
        return json.loads(zipfile.ZipFile(io.BytesIO(attachment.raw)).read('data.json'))

    @classmethod
    def _record_consent(cls, user=None, **values):
        return (
            cls.env['crm.consent']
            .with_user(user or cls.user_sales_own)
            .create(
                {
                    'partner_id': cls.customer_contact.id,
                    'purpose_id': cls.purpose_marketing_email.id,
                    'state': 'given',
                    'channel': 'form',
                    **values,
                }
            )
        )

    @staticmethod
    def _days_ago(days):
        return fields.Datetime.subtract(fields.Datetime.now(), days=days)
