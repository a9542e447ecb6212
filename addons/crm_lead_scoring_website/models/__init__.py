from . import crm_lead
from . import crm_lead_scoring_rule
from . import website_track
from . import website_visitor
