from . import test_consent
from . import test_reconsent
from . import test_access_export
from . import test_erasure
from . import test_retention
