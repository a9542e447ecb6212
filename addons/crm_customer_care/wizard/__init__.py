from . import crm_interaction_statistics
