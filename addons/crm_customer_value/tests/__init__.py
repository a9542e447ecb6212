from . import test_customer_value
from . import test_performance
from . import test_views
