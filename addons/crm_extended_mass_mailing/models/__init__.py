from . import crm_history_entry
from . import crm_history_mixin
from . import mailing_trace
