from . import crm_acquisition_cost
from . import crm_customer_value
from . import crm_lead
from . import res_config_settings
from . import res_partner
