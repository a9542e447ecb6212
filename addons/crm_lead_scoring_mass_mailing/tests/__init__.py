from . import test_mailing_scoring
