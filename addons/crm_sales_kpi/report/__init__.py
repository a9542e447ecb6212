from . import crm_deal_report
from . import crm_salesperson_effectiveness_report
from . import crm_stage_conversion_report
