from . import test_personal_data_event
