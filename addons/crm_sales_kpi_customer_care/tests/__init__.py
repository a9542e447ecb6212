from . import test_sales_kpi_customer_care
