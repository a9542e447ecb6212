from . import crm_history_entry
from . import crm_history_mixin
