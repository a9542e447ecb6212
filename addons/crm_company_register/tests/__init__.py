from . import test_ico
from . import test_ares_lookup
from . import test_rpo_lookup
from . import test_duplicates
from . import test_views
from . import test_vat_payer
from . import test_register_watch
from . import test_tours
