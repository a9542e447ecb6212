from . import crm_processing_purpose
from . import crm_consent
from . import res_partner
from . import privacy_log
from . import data_recycle_model
