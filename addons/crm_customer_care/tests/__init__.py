from . import test_care_calendar
from . import test_complaints
from . import test_customer_care
from . import test_satisfaction
from . import test_statistics
