from . import test_codebook
from . import test_codebook_data
from . import test_import
from . import test_performance
from . import test_res_partner
