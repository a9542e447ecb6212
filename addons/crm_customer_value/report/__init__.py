from . import crm_acquisition_report
