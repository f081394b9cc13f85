"""Reading a news archive: streaming, resumable, on this process or on Ray."""

from casus.archive.batch import BatchSummary, read_archive
from casus.archive.records import Item, RecordError, content_hash, iter_archive

__all__ = ["BatchSummary", "Item", "RecordError", "content_hash", "iter_archive", "read_archive"]
