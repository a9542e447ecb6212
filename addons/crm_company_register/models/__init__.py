from . import crm_company_register
from . import crm_lead
from . import crm_published_bank_account
from . import crm_vat_payer_register
from . import res_company
from . import res_config_settings
from . import res_partner
