from . import test_codebook
from . import test_codebook_data
from . import test_handover
from . import test_import
from . import test_interaction
from . import test_performance
from . import test_res_partner
from . import test_statistics
