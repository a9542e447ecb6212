from . import crm_stage_conversion_report
