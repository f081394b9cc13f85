"""Places: a gazetteer of territories, islands, seas, states and cities, and the treaty
areas (NATO Art. 6, "territories under the administration of Japan", …) decided over them.

>>> from casus.places import default_gazetteer
>>> gz = default_gazetteer()
>>> gz.resolve("Narva").state
'EST'
>>> gz.in_area("nato-art6", gz.resolve("Narva"), on="2024-01-01", parties={"EST", "USA"})
True
"""

from casus.places.gazetteer import Gazetteer, default_gazetteer
from casus.places.model import Place

__all__ = ["Gazetteer", "Place", "default_gazetteer"]
