from . import test_lead_scoring
