from . import test_personal_data_mass_mailing
