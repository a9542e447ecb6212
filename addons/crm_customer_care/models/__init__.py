from . import crm_care_rule
from . import crm_interaction
from . import crm_interaction_type
from . import crm_name_day
from . import res_config_settings
from . import res_partner
