from . import test_credit_scoring
