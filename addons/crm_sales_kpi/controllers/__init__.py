from . import report_workbook
