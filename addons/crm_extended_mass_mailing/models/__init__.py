from . import crm_history_entry
from . import crm_history_mixin
from . import crm_lead_scoring_rule
from . import mailing_trace
