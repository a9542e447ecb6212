from . import test_sales_kpi_workbook
from . import test_sales_kpis
from . import test_salesperson_effectiveness
from . import test_stage_conversion
