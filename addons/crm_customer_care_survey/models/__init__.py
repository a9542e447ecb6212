from . import survey_survey
from . import survey_user_input
from . import crm_interaction
