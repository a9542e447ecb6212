from . import test_survey_satisfaction
