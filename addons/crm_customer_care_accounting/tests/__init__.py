from . import test_after_sales
from . import test_complaint_documents
