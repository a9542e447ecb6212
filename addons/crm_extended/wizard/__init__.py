from . import crm_interaction_handover
from . import crm_interaction_statistics
