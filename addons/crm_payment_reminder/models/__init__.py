from . import crm_customer_receivables_mixin
from . import crm_lead
from . import res_partner
from . import sale_order
