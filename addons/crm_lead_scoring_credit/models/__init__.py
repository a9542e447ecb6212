from . import crm_lead_scoring_rule
