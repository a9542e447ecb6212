from . import crm_lead_scoring_rule
from . import mailing_trace
