from . import crm_company_register
from . import res_partner
