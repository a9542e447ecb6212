from . import crm_interaction
from . import crm_lead
from . import crm_lead_scoring_rule
from . import crm_team
from . import res_config_settings
