"""States of the state system (COW, 1816 to today): codes, names over time, lookup.

>>> from casus.states import default_registry
>>> default_registry().lookup("North Korea").id
'PRK'
"""

from casus.states.model import Alias, HistoricalName, State
from casus.states.normalize import normalize
from casus.states.registry import StateRegistry, default_registry

__all__ = ["Alias", "HistoricalName", "State", "StateRegistry", "default_registry", "normalize"]
