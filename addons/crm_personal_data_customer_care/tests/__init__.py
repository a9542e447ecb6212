from . import test_personal_data_customer_care
