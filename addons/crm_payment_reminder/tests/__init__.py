from . import test_payment_reminder
from . import test_tours
