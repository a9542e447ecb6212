from . import crm_personal_data_erasure
