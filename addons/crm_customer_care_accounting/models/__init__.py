from . import crm_care_rule
from . import crm_interaction
from . import crm_complaint_document_mixin
from . import sale_order
from . import account_move
