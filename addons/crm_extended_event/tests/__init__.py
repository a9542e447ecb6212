from . import test_event_history
