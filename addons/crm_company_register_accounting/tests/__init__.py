from . import test_vat_payer_documents
