from . import test_invoice_links
from . import test_order_figures
from . import test_partner_receivables
from . import test_payment_links
from . import test_performance
from . import test_receivable_banner
from . import test_tours
from . import test_views
