"""OpenStreetMap tags to the toolkit's layers and fields: which buildings are homes and how many
floors they have, which objects are transit stops, life-circle facilities, parks, shelter sites,
walkable roads and land cover. Pure pandas, numpy and shapely (no QGIS), so every rule is tested on
hand-made tags.

Tags arrive as GDAL's OSM driver gives them: a few keys as columns, the rest in ``other_tags``, an
HSTORE string (``"key"=>"value","key2"=>"value2"``, ``"`` and ``\\`` escaped with ``\\``). They are
parsed once, for all features and only for the keys a mapping uses (``tag_frame``).

Every mapping is a CSV the user can edit (resources/osm/*.csv), one rule a row with its reason and
source. A row's ``tags`` are conditions joined by ``&``:

- ``key=value`` (``a|b``: any of them). OSM lists several values with ``;`` (``isced:level=1;2``):
  a condition matches if one of them does. Case and surrounding spaces are ignored.
- ``key=*``: the key is present and not ``no``.
- ``key!=value``: the key is absent or none of its values is listed.
- ``key~regex``: the regex is found in the value (case ignored).
- empty: every feature.

The first row whose conditions all hold wins (``first_match``), so specific rows come first. A
table may add conditions on an area (``min_area_m2`` / ``max_area_m2``, or ``min_footprint_m2`` /
``max_footprint_m2``): the row holds only where the area lies in that range.

Numbers from text (``building:levels``, ``height``) are read by ``parse_levels`` and
``parse_height``. Residents are estimated as residential floor area over floor area per person
(``estimate_residents``). Units: metres, m², persons; geometries in a projected CRS in metres.
"""
import re

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse import csgraph

from . import tables
from .errors import InputError, check_canceled
from .groups import group_union
from .zones import representative_points

__all__ = ["HSTORE_PAIR", "parse_hstore", "tag_frame", "read_mapping", "mapping_keys", "first_match",
           "parse_levels", "parse_height", "building_floors", "estimate_residents", "split_at_shared_vertices",
           "merge_close_points", "nested_in_larger", "grid_cells", "clip_to_zones", "layered_cover", "line_points",
           "has_han", "looks_chinese", "FLOORS_SOURCES", "M2_PER_PERSON", "STOREY_HEIGHT_M", "STOP_MERGE_M"]

# One key/value pair of an HSTORE string; an escaped quote or backslash does not end a string.
HSTORE_PAIR = r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"'
# Floor area per resident, m² of housing floor area (建筑面积) per person: a round planning assumption near
# the urban average of about 40 m² that the National Bureau of Statistics reported for China around 2019
# (as widely reported; not checked against its yearbook). A city's own 人均住房建筑面积 should replace it.
M2_PER_PERSON = 40.0
# Average storey height (m) for turning a height into floors: 3 m is a round figure between
# housing (GB 50096-2011 住宅设计规范 §5.5.1 recommends 2.80 m, as commonly quoted) and offices and shops.
STOREY_HEIGHT_M = 3.0
# A bus pole, its platform and the stop position on the road are mapped as separate objects a few
# metres to a few tens of metres apart; closer than this, stops of one mode are one stop.
STOP_MERGE_M = 30.0
# No building has more floors; a building:levels above it is a typo or a height in the wrong key.
MAX_FLOORS = 200.0
MAX_HEIGHT_M = 1000.0
# floors_src values, from the best source to the least.
FLOORS_SOURCES = ("levels", "height", "type", "fallback")

_CONDITION = re.compile(r"^\s*([^=!~]+?)\s*(!=|=|~)\s*(.*?)\s*$")
# A number, with its exponent ("1e308" is one number, not 1 and 308).
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?)")


# ---- tags --------------------------------------------------------------------------------------
def parse_hstore(values):
    """The pairs of HSTORE strings as a long frame: ``row`` (position in ``values``), ``key``,
    ``value``. Missing and empty strings give no rows.

    >>> parse_hstore(['"a"=>"1","b:c"=>"x \\\\"y\\\\""', None]).values.tolist()
    [[0, 'a', '1'], [0, 'b:c', 'x "y"']]
    """
    series = pd.Series(list(values), dtype=object)
    series = series[series.notna() & (series.astype(str) != "")].astype(str)
    if series.empty:
        return pd.DataFrame({"row": np.zeros(0, int), "key": [], "value": []})
    pairs = series.str.extractall(HSTORE_PAIR)
    unescape = lambda text: text.str.replace(r"\\(.)", r"\1", regex=True)  # noqa: E731
    return pd.DataFrame({"row": pairs.index.get_level_values(0).to_numpy(int),
                         "key": unescape(pairs[0]).to_numpy(object),
                         "value": unescape(pairs[1]).to_numpy(object)})


def tag_frame(columns, other_tags, keys, n):
    """A frame of ``n`` rows and one text column per key of ``keys`` (None where absent).

    ``columns`` maps the keys GDAL gives as fields to their arrays; the other keys are taken from
    the HSTORE strings ``other_tags`` (None: there are none), parsed once for all features.
    """
    keys = list(dict.fromkeys(keys))
    frame = pd.DataFrame(index=pd.RangeIndex(n))
    wanted = [key for key in keys if key not in columns]
    if wanted and other_tags is not None:
        pairs = parse_hstore(other_tags)
        pairs = pairs[pairs["key"].isin(wanted)].drop_duplicates(["row", "key"])
        wide = pairs.pivot(index="row", columns="key", values="value") if len(pairs) else pd.DataFrame()
        wide = wide.reindex(index=frame.index)
    else:
        wide = pd.DataFrame(index=frame.index)
    for key in keys:
        if key in columns:
            values = pd.Series(list(columns[key]), dtype=object)
        elif key in wide.columns:
            values = wide[key].astype(object)
        else:
            values = pd.Series([None] * n, dtype=object)
        # an object Series: pandas 3 would make a text array a str column, with NaN for None
        frame[key] = pd.Series(values.where(values.notna(), None).to_numpy(object), index=frame.index, dtype=object)
    return frame


# ---- mapping tables ----------------------------------------------------------------------------
def _parse_conditions(text, path, line):
    conditions = []
    for part in str(text or "").split("&"):
        if not part.strip():
            continue
        match = _CONDITION.match(part)
        if not match or not match.group(1).strip():
            raise InputError("osm_bad_condition", path=str(path), line=line, condition=part.strip())
        key, op, value = match.groups()
        if op == "~":
            try:
                pattern = re.compile(value, re.IGNORECASE)
            except re.error as exc:
                raise InputError("osm_bad_condition", path=str(path), line=line, condition=part.strip()) from exc
            conditions.append((key, "~", pattern.pattern))
        elif value == "*" and op == "=":
            conditions.append((key, "*", None))
        else:
            listed = tuple(v.strip().lower() for v in value.split("|") if v.strip())
            if not listed:
                raise InputError("osm_bad_condition", path=str(path), line=line, condition=part.strip())
            conditions.append((key, op, listed))
    return tuple(conditions)


def read_mapping(path, columns, numeric=()):
    """A mapping table of resources/osm: column ``tags`` (conditions, see the module docstring),
    the output ``columns`` and ``numeric`` ones (numbers ≥ 0; empty cells are NaN). Adds
    ``conditions`` (parsed) and keeps ``reason`` and ``source`` where the file has them."""
    required = ["tags", *columns]
    frame = tables.read_csv_table(path, required, [])
    for column in frame.columns:
        frame[column] = frame[column].str.strip()
    for column in numeric:
        if column not in frame.columns:
            frame[column] = np.nan
            continue
        text = frame[column]
        values = pd.to_numeric(text.where(text != ""), errors="coerce")
        bad = (text != "") & ~(values >= 0)
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError("table_bad_number", path=str(path), line=tables.line_of(frame, row), column=column,
                             value=text.iloc[row])
        frame[column] = values.astype(float)
    frame["conditions"] = [_parse_conditions(text, path, tables.line_of(frame, row))
                           for row, text in enumerate(frame["tags"])]
    return frame


def mapping_keys(*frames):
    """Every tag key the tables' conditions read."""
    return sorted({key for frame in frames if "conditions" in frame.columns
                   for conditions in frame["conditions"] for key, _, _ in conditions})


def _distinct_values(tags, key):
    """(codes, distinct texts stripped) of column ``key`` ("" where absent): a city's hundreds of thousands of
    buildings hold a few hundred distinct values per key, so conditions are tested on those and spread
    back through the codes instead of matching every feature's text once per table row."""
    column = tags[key] if key in tags.columns else pd.Series([None] * len(tags), index=tags.index, dtype=object)
    codes, distinct = pd.factorize(column.fillna("").astype(str))
    return codes, pd.Series(distinct, dtype=object).str.strip()


def _condition_mask(values, op, value):
    """Mask of ``values`` (distinct stripped texts, see ``_distinct_values``) meeting one condition."""
    text = values
    if op == "*":
        return ((text != "") & (text.str.lower() != "no")).to_numpy(bool)
    if op == "~":
        return text.str.contains(value, case=False, regex=True).to_numpy(bool)
    # Any of the ;-separated parts of the OSM value is one of the listed values.
    listed = "|".join(re.escape(v) for v in value)
    hit = text.str.contains(rf"(?:^|;)\s*(?:{listed})\s*(?:;|$)", case=False, regex=True).to_numpy(bool)
    return hit if op == "=" else ~hit


def first_match(tags, table, area=None, area_columns=("min_area_m2", "max_area_m2")):
    """Row of ``table`` (position) whose conditions each feature of ``tags`` meets first; -1 where
    none does. ``area`` (m², per feature) is checked against the table's ``area_columns`` where it
    has them (min inclusive, max exclusive). One vectorised pass per table row, none per feature; each
    condition is matched on the distinct values of its key only.

    >>> table = pd.DataFrame({"conditions": [(("amenity", "=", ("school",)), ("isced:level", "=", ("1",))),
    ...                                      (("amenity", "=", ("school",)),)]})
    >>> first_match(pd.DataFrame({"amenity": ["school", "school", None], "isced:level": ["0;1", "2", None]}),
    ...             table).tolist()
    [0, 1, -1]
    """
    n = len(tags)
    chosen = np.full(n, -1, dtype=int)
    area = None if area is None else np.asarray(area, dtype=float)
    low_column, high_column = area_columns
    distinct = {}
    for position, conditions in enumerate(table["conditions"]):
        open_ = chosen < 0
        if not open_.any():
            break
        mask = open_.copy()
        for key, op, value in conditions:
            if key not in distinct:
                distinct[key] = _distinct_values(tags, key)
            codes, values = distinct[key]
            mask &= _condition_mask(values, op, value)[codes]
            if not mask.any():
                break
        if area is not None:
            low = table[low_column].iloc[position] if low_column in table.columns else np.nan
            high = table[high_column].iloc[position] if high_column in table.columns else np.nan
            if np.isfinite(low):
                mask &= area >= low
            if np.isfinite(high):
                mask &= area < high
        chosen[mask] = position
    return chosen


def matched_tag(tags, table, rows):
    """The ``tags`` text of each feature's matched row ("" where none): what the output's osm_tag
    field shows so that a user can find the row to edit."""
    text = table["tags"].to_numpy(object)
    return np.where(rows >= 0, text[np.maximum(rows, 0)] if len(text) else "", "")


# ---- numbers from text -------------------------------------------------------------------------
def _numbers(values):
    """All numbers of each text as a long frame: row, number (a decimal comma read as a point)."""
    series = pd.Series(list(values), dtype=object).fillna("").astype(str)
    found = series.str.extractall(_NUMBER)
    if found.empty:
        return pd.DataFrame({"row": np.zeros(0, int), "number": np.zeros(0)})
    return pd.DataFrame({"row": found.index.get_level_values(0).to_numpy(int),
                         "number": found[0].str.replace(",", ".", regex=False).astype(float).to_numpy()})


def parse_levels(values):
    """Floors above ground from ``building:levels`` text: the mean of the numbers it lists ("3",
    "2.5", "3;5" → 4, "5 floors" → 5); NaN where it has none, or a value ≤ 0 or above 200.

    The mean, not the largest: a building of parts of 3 and 5 floors has about 4 floors of area.

    >>> parse_levels(["3", "2,5", "3;5", "", None, "0", "many", "450", "1e308"]).tolist()
    [3.0, 2.5, 4.0, nan, nan, nan, nan, nan, nan]
    """
    values = list(values)
    numbers = _numbers(values)
    mean = numbers.groupby("row")["number"].mean().reindex(range(len(values))).to_numpy(float)
    return np.where((mean > 0) & (mean <= MAX_FLOORS), mean, np.nan)


def parse_height(values):
    """Height in metres from ``height`` text: the first number, in feet where followed by ' or ft
    ("40'" → 12.19), metres otherwise ("12", "12.5 m"); NaN where there is none, or ≤ 0 or above
    1 000 m.

    >>> parse_height(["12", "12.5 m", "40'", "40 ft", "x", None, "1e308"]).round(2).tolist()
    [12.0, 12.5, 12.19, 12.19, nan, nan, nan]
    """
    series = pd.Series(list(values), dtype=object).fillna("").astype(str)
    first = series.str.extract(r"(\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?)\s*('|ft|feet)?", flags=re.IGNORECASE)
    number = pd.to_numeric(first[0].str.replace(",", ".", regex=False), errors="coerce").to_numpy(float)
    feet = first[1].notna().to_numpy()
    metres = np.where(feet, number * 0.3048, number)
    return np.where((metres > 0) & (metres <= MAX_HEIGHT_M), metres, np.nan)


def building_floors(levels, height_m, type_floors, fallback_floors, storey_height_m=STOREY_HEIGHT_M):
    """Floors of each building and where they come from: ``levels`` (building:levels, parsed),
    else ``height_m`` / ``storey_height_m`` rounded (at least 1), else ``type_floors`` (the default
    of the building's type, NaN where the type has none), else ``fallback_floors``.

    Returns (floors, source) with source one of ``FLOORS_SOURCES``; every source but "levels" is
    an estimate.

    >>> floors, source = building_floors([3, np.nan, np.nan, np.nan], [np.nan, 10, np.nan, np.nan],
    ...                                  [np.nan, np.nan, 2, np.nan], 1)
    >>> floors.tolist(), source.tolist()
    ([3.0, 3.0, 2.0, 1.0], ['levels', 'height', 'type', 'fallback'])
    """
    if not storey_height_m > 0:
        raise InputError("storey_height_not_positive")
    if not fallback_floors > 0:
        raise InputError("default_floors_not_positive")
    levels = np.asarray(levels, dtype=float)
    from_height = np.maximum(1.0, np.round(np.asarray(height_m, dtype=float) / storey_height_m))
    type_floors = np.asarray(type_floors, dtype=float)
    type_floors = np.where(type_floors > 0, type_floors, np.nan)
    choices = [np.isfinite(levels), np.isfinite(from_height), np.isfinite(type_floors)]
    floors = np.select(choices, [levels, from_height, type_floors], default=float(fallback_floors))
    source = np.select(choices, list(FLOORS_SOURCES[:3]), default=FLOORS_SOURCES[3]).astype(object)
    return floors, source


def estimate_residents(footprint_m2, floors, residential, m2_per_person=M2_PER_PERSON):
    """Residents of each building: footprint (m²) × floors × [residential] / floor area per person
    (m²/person). Gross floor area stands in for housing floor area (建筑面积, which is what the
    per-person statistic counts). Non-residential buildings have 0.

    >>> estimate_residents([100, 100], [4, 4], [True, False], 40).tolist()
    [10.0, 0.0]
    """
    if not m2_per_person > 0:
        raise InputError("m2_per_person_not_positive")
    area = np.nan_to_num(np.asarray(footprint_m2, dtype=float), nan=0.0).clip(min=0)
    floors = np.nan_to_num(np.asarray(floors, dtype=float), nan=0.0).clip(min=0)
    return np.where(np.asarray(residential, dtype=bool), area * floors / m2_per_person, 0.0)


# ---- geometry ----------------------------------------------------------------------------------
def split_at_shared_vertices(lines):
    """The road lines cut where they meet: at every vertex two lines (or one line twice) share,
    which is how OSM ways that join share a node. Lines crossing without a shared vertex (bridges,
    tunnels) stay uncut. Returns (pieces, index of the line each piece comes from); vectorised over
    all vertices, with no loop per line.

    >>> pieces, source = split_at_shared_vertices([shapely.LineString([(0, 0), (1, 0), (2, 0)]),
    ...                                            shapely.LineString([(1, 0), (1, 1)])])
    >>> [p.wkt for p in pieces], source.tolist()
    (['LINESTRING (0 0, 1 0)', 'LINESTRING (1 0, 2 0)', 'LINESTRING (1 0, 1 1)'], [0, 0, 1])
    """
    lines = np.asarray(lines, dtype=object)
    keep = np.flatnonzero(~shapely.is_missing(lines) & ~shapely.is_empty(lines)) if len(lines) else np.zeros(0, int)
    parts, part_of = shapely.get_parts(lines[keep], return_index=True)
    part_line = keep[part_of]
    coords, part_index = shapely.get_coordinates(parts, return_index=True)
    if not len(coords):
        return np.zeros(0, dtype=object), np.zeros(0, dtype=int)
    first = np.r_[True, part_index[1:] != part_index[:-1]]
    last = np.r_[part_index[1:] != part_index[:-1], True]
    # How many times each coordinate occurs over all parts (a vertex used twice by one line counts too).
    _, inverse, counts = np.unique(coords, axis=0, return_inverse=True, return_counts=True)
    split = (counts[inverse.ravel()] > 1) & ~first & ~last
    # A split vertex is written twice: it ends one piece and starts the next.
    repeat = 1 + split.astype(int)
    new_coords = np.repeat(coords, repeat, axis=0)
    starts_piece = np.repeat(first, repeat)
    second_copy = np.zeros(len(new_coords), dtype=bool)
    second_copy[np.cumsum(repeat)[split] - 1] = True
    piece = np.cumsum(starts_piece | second_copy) - 1
    pieces = shapely.linestrings(new_coords, indices=piece)
    piece_part = np.repeat(part_index, repeat)[np.r_[True, piece[1:] != piece[:-1]]]
    valid = shapely.length(pieces) > 0
    return pieces[valid], part_line[piece_part][valid]


def line_points(lines):
    """The middle of each line (half its length along it); other geometries their representative
    point (``core.zones``)."""
    geometries = np.asarray(lines, dtype=object)
    out = representative_points(geometries)
    if len(geometries):
        linear = ~shapely.is_missing(geometries) & (shapely.get_dimensions(geometries) == 1)
        if linear.any():
            out[linear] = shapely.line_interpolate_point(geometries[linear], 0.5, normalized=True)
    return out


def merge_close_points(points, groups, distance=STOP_MERGE_M):
    """Mask of the points to keep when points of one group (e.g. the transit mode) closer than
    ``distance`` are one object: of each cluster (points linked by chains of such pairs) the first in
    order is kept. One STRtree query, connected components by scipy.

    >>> merge_close_points(shapely.points([(0, 0), (10, 0), (10, 0), (100, 0)]), ["bus", "bus", "tram", "bus"],
    ...                    30).tolist()
    [True, False, True, True]
    """
    points = np.asarray(points, dtype=object)
    n = len(points)
    if n == 0:
        return np.zeros(0, dtype=bool)
    groups = np.asarray(groups, dtype=object)
    present = ~shapely.is_missing(points)
    left, right = shapely.STRtree(points).query(points, predicate="dwithin", distance=float(distance))
    same = (left < right) & (groups[left] == groups[right]) & present[left] & present[right]
    graph = sparse.coo_matrix((np.ones(int(same.sum())), (left[same], right[same])), shape=(n, n))
    _, label = csgraph.connected_components(graph, directed=False)
    keep = np.zeros(n, dtype=bool)
    _, first = np.unique(label, return_index=True)
    keep[first] = True
    return keep


def nested_in_larger(polygons):
    """Mask of the polygons whose representative point lies inside a larger polygon of the same set
    (a garden inside a park): their area is already counted in the larger one."""
    polygons = np.asarray(polygons, dtype=object)
    n = len(polygons)
    if n == 0:
        return np.zeros(0, dtype=bool)
    points = representative_points(polygons)
    area = shapely.area(polygons)
    present = ~shapely.is_missing(points)
    idx = np.flatnonzero(present)
    point, polygon = shapely.STRtree(polygons).query(points[idx], predicate="within")
    point = idx[point]
    larger = (polygon != point) & ((area[polygon] > area[point]) | ((area[polygon] == area[point]) & (polygon < point)))
    out = np.zeros(n, dtype=bool)
    out[point[larger]] = True
    return out


def grid_cells(points, size_m):
    """Square cells of ``size_m`` metres, aligned on multiples of the size, that hold at least one of
    ``points``: (cells, row, column), rows counted from the south, columns from the west, each from
    the first occupied cell."""
    if not size_m > 0:
        raise InputError("grid_size_not_positive")
    xy = shapely.get_coordinates(np.asarray(points, dtype=object))
    if not len(xy):
        return np.zeros(0, dtype=object), np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    cell = np.floor(xy / size_m).astype(np.int64)
    occupied = np.unique(cell, axis=0)
    x0, y0 = occupied[:, 0] * size_m, occupied[:, 1] * size_m
    cells = shapely.box(x0, y0, x0 + size_m, y0 + size_m)
    return cells, occupied[:, 1] - occupied[:, 1].min(), occupied[:, 0] - occupied[:, 0].min()


def clip_to_zones(geometries, zones):
    """Each geometry cut to the union of ``zones`` (the planning units), None where it meets none: cut to the
    union of the zones it meets, the same set as cut to the union of them all, but without measuring every
    geometry against the edges of a whole city's study area (which grew with the data times the city).

    >>> cut = clip_to_zones([shapely.box(0, 0, 3, 1), shapely.box(5, 5, 6, 6)],
    ...                     [shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)])
    >>> cut[0].area, cut[1]
    (2.0, None)
    """
    geometries = np.asarray(geometries, dtype=object)
    zones = np.asarray(zones, dtype=object)
    out = np.full(len(geometries), None, dtype=object)
    if not len(geometries) or not len(zones):
        return out
    geometry, zone = shapely.STRtree(zones).query(geometries, predicate="intersects")
    region = group_union(geometry, zones[zone], len(geometries))
    met = ~shapely.is_missing(region)
    out[met] = shapely.intersection(geometries[met], region[met])
    return out


# Side of the square tiles the land cover is layered in (CRS units: metres in prepare_osm's local CRS).
COVER_TILE_M = 1000.0


def layered_cover(geometries, codes, ranks, extent=None, is_canceled=None, tile=COVER_TILE_M):
    """One land cover without overlaps from areas that overlap: each (rank, code) layer, from the
    highest rank down (ties in the order codes first appear), keeps what no higher layer covers.

    The work is done tile by tile (squares of ``tile``, each layer's pieces in a tile unioned and
    differenced in one vectorised call over all tiles), so it grows with the area mapped: whole-extent
    unions grew faster than the data (Liechtenstein's 14,052 areas: 13 s; the same tiled 2 × 2: 98 s).
    Pieces are therefore cut at the tiles' edges; the set covered by each code is the same.

    Returns (polygons, code) with one polygon per part and tile; ``extent`` (a polygon) clips everything.
    """
    geometries = np.asarray(geometries, dtype=object)
    codes = np.asarray(codes)
    ranks = np.asarray(ranks, dtype=float)
    present = ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    if extent is not None:
        geometries = np.where(present, shapely.intersection(geometries, extent), None)
        present &= ~shapely.is_missing(geometries) & ~shapely.is_empty(geometries)
    order = pd.DataFrame({"rank": ranks, "code": codes})[present].drop_duplicates()
    if order.empty:
        return np.zeros(0, dtype=object), np.zeros(0, dtype=codes.dtype)
    order["first"] = np.arange(len(order))
    order = order.sort_values(["rank", "first"], ascending=[False, True])
    index = np.flatnonzero(present)
    tiles, piece, piece_tile = _tiled(geometries[index], tile)
    piece_rank, piece_code = ranks[index][piece], codes[index][piece]
    pieces = _clip_to_tiles(geometries[index][piece], tiles, piece_tile)
    kept = ~shapely.is_missing(pieces)   # a polygon only touching a tile leaves it nothing
    pieces, piece_tile, piece_rank, piece_code = pieces[kept], piece_tile[kept], piece_rank[kept], piece_code[kept]
    taken = np.full(len(tiles), None, dtype=object)
    out_geometries, out_codes = [], []
    last = len(order) - 1
    for position, (rank, code) in enumerate(zip(order["rank"], order["code"])):
        check_canceled(is_canceled)
        mine = (piece_rank == rank) & (piece_code == code)
        layer = group_union(piece_tile[mine], pieces[mine], len(tiles))
        have = ~shapely.is_missing(layer)
        under = have & ~shapely.is_missing(taken)
        layer[under] = shapely.difference(layer[under], taken[under])
        if position < last:   # no layer below the last one reads what is taken
            taken[under] = shapely.union(taken[under], layer[under])
            first = have & ~under
            taken[first] = layer[first]
        parts = shapely.get_parts(layer[have])
        parts = parts[shapely.get_dimensions(parts) == 2] if len(parts) else parts
        parts = parts[shapely.area(parts) > 0] if len(parts) else parts
        out_geometries.append(parts)
        out_codes.append(np.full(len(parts), code))
    return np.concatenate(out_geometries), np.concatenate(out_codes)


def _tiled(geometries, side):
    """Square tiles of ``side`` over the geometries' extent, and the (geometry, tile) pairs that meet."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
    nx, ny = max(1, int(np.ceil((xmax - xmin) / side))), max(1, int(np.ceil((ymax - ymin) / side)))
    column, row = np.meshgrid(np.arange(nx), np.arange(ny), indexing="ij")
    x0, y0 = xmin + column.ravel() * side, ymin + row.ravel() * side
    tiles = shapely.box(x0, y0, x0 + side, y0 + side)
    piece, piece_tile = shapely.STRtree(tiles).query(geometries, predicate="intersects")
    return tiles, piece, piece_tile


def _clip_to_tiles(geometries, tiles, tile_of):
    """Each geometry cut to its tile; one whose bounds lie in the tile is taken as it is."""
    bounds, box = shapely.bounds(geometries), shapely.bounds(tiles[tile_of])
    inside = (bounds[:, 0] >= box[:, 0]) & (bounds[:, 1] >= box[:, 1]) & (bounds[:, 2] <= box[:, 2]) & \
        (bounds[:, 3] <= box[:, 3])
    out = geometries.copy()
    out[~inside] = polygonal(shapely.intersection(geometries[~inside], tiles[tile_of[~inside]]))
    out[~inside & (shapely.area(out) == 0)] = None
    return out


# ---- where the data is -------------------------------------------------------------------------
_HAN = r"[\u4e00-\u9fff]"
_KANA_HANGUL = r"[\u3040-\u30ff\uac00-\ud7af]"


def has_han(names):
    """Mask of the names holding a Chinese character (CJK unified ideograph)."""
    return pd.Series(list(names), dtype=object).fillna("").astype(str).str.contains(_HAN, regex=True).to_numpy()


def looks_chinese(names):
    """Whether the names of an extract are Chinese: more than half of those with a letter hold a
    Chinese character, and under 5 % hold Japanese kana or Korean hangul (Japanese place names
    are often written in Chinese characters alone, but shop and street names bring in kana)."""
    series = pd.Series(list(names), dtype=object).dropna().astype(str)
    series = series[series.str.strip() != ""]
    if series.empty:
        return False
    han = series.str.contains(_HAN, regex=True).mean()
    other = series.str.contains(_KANA_HANGUL, regex=True).mean()
    return bool(han > 0.5 and other < 0.05)


def polygonal(geometries):
    """The polygonal part of each geometry as a MultiPolygon (a repaired polygon can come back as a
    collection with stray lines); None where there is none."""
    geometries = np.asarray(geometries, dtype=object)
    out = np.full(len(geometries), None, dtype=object)
    if not len(geometries):
        return out
    parts, index = shapely.get_parts(geometries, return_index=True)
    keep = (shapely.get_dimensions(parts) == 2) & ~shapely.is_empty(parts) if len(parts) else np.zeros(0, bool)
    parts, index = parts[keep], index[keep]
    if len(parts):
        # Multipolygon parts come out as polygons; a polygon's holes stay with it.
        polygons = shapely.get_parts(parts)
        owner = np.repeat(index, shapely.get_num_geometries(parts))
        kept, dense = np.unique(owner, return_inverse=True)
        out[kept] = shapely.multipolygons(polygons, indices=dense)
    return out
