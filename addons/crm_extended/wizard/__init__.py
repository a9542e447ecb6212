from . import crm_report_workbook
from . import crm_interaction_handover
from . import crm_interaction_statistics
