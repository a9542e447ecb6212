from . import crm_customer_receivables_mixin
from . import crm_sale_link_mixin
from . import account_move
from . import account_payment
from . import crm_lead
from . import res_partner
from . import sale_order
