from . import crm_codebook_mixin
from . import crm_address_type
from . import crm_company_status
from . import crm_company_type
from . import crm_contact_position
from . import crm_lead
from . import res_config_settings
from . import res_partner
