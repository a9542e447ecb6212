from . import crm_company_register_load
from . import crm_company_register_load_line
from . import crm_company_register_search_result
