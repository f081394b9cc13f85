"""Importers of research datasets (ATOP; COW wars live in casus.history)."""

from casus.imports.atop import ImportReport, import_atop, records_from_atop
from casus.imports.check import check_atop

__all__ = ["ImportReport", "check_atop", "import_atop", "records_from_atop"]
