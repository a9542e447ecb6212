from odoo.addons.crm_extended.tests.common import CrmExtendedCommon


class CrmCustomerCareCommon(CrmExtendedCommon):
    """crm_extended's users and customer, with the interaction types customer care gives a resolution deadline or
    a rating."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_complaint = cls.env.ref('crm_extended.crm_interaction_type_complaint')
        cls.type_service_request = cls.env.ref('crm_extended.crm_interaction_type_service_request')
        cls.type_satisfaction = cls.env.ref('crm_extended.crm_interaction_type_satisfaction')
