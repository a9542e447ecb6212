from . import interaction_statistics
