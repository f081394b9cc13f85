"""History: COW inter-state wars and their replay through the engine (alliance reliability)."""

from casus.history.replay import PUBLISHED, Replay, Row, parse_start_day, replay, start_date
from casus.history.wars import (
    War,
    WarImportReport,
    WarParticipant,
    import_cow_wars,
    load_wars,
    read_cow_wars,
)

__all__ = [
    "PUBLISHED", "Replay", "Row", "War", "WarImportReport", "WarParticipant", "import_cow_wars", "load_wars",
    "parse_start_day", "read_cow_wars", "replay", "start_date",
]
