"""Community life circles (社区生活圈): which daily-service facility types each home reaches on foot.

Standard: GB 50180-2018 《城市居住区规划设计标准》 (MOHURD, 2018, §2.0.2–2.0.4) groups residential
areas into 15-, 10- and 5-minute life circles, walking about 800–1000 m, 500 m and 300 m; each
facility type belongs to the circle whose walking distance it must lie within (e.g. kindergarten
300 m, primary school 500 m, middle school 1000 m). The pairing of types and distances ships in
resources/factors/life_circle_facilities.csv, marked unverified (the distances come from secondary
sources, the 300 m of the 5-minute circle from none; see the table's comments).

For each residential building (or parcel) b and facility type k with walking distance d_k:

    reached[b, k] = 1 if dist(b, nearest facility of type k) ≤ s · d_k, else 0     (s: distance scale)
    score[b]      = Σ_k reached[b, k] / K                                            (0–1, K types)
    full[b]       = 1 if score[b] = 1

dist is the network walking distance of ``network.py`` (one multi-source Dijkstra per facility
type, with the type's distance as cutoff) or, without roads, the straight-line distance. Per unit:
pct_k = Σ pop_b · reached[b, k] / Σ pop_b × 100 and full_pct = Σ pop_b · full[b] / Σ pop_b × 100
(by building count without population). Units: metres, persons, percent.
"""
import re

import numpy as np
import shapely

from . import network as net_mod
from .errors import InputError
from .tables import line_of, read_csv_table
from .zones import sum_by_zone

FIELD_MAX = 20
_NOT_WORD = re.compile(r"\W+", re.UNICODE)


def read_facility_table(path):
    """The life-circle facility table: columns ``fac_type`` (key), ``circle`` (5/10/15 minutes),
    ``distance_m`` (walking distance in metres within which the type must be reached), optional
    ``aliases`` (other spellings separated by ``|``, e.g. ``幼儿园|托儿所``), ``source``, ``year``,
    ``verified`` (yes/no). Keys and aliases must be unique (ignoring case)."""
    frame = read_csv_table(path, ["fac_type", "distance_m"], ["distance_m"])
    frame["fac_type"] = frame["fac_type"].str.strip()
    if "aliases" not in frame.columns:
        frame["aliases"] = ""
    for column in ("circle", "source", "year", "verified"):
        if column not in frame.columns:
            frame[column] = ""
    seen = {}
    for row, (key, aliases) in enumerate(zip(frame["fac_type"], frame["aliases"])):
        if not key:
            raise InputError("table_empty_key", path=str(path), line=line_of(frame, row))
        for name in [key, *str(aliases).split("|")]:
            name = name.strip().lower()
            if not name:
                continue
            if seen.get(name, row) != row:
                raise InputError("table_duplicate_key", path=str(path), line=line_of(frame, row), value=name)
            seen[name] = row
    return frame.reset_index(drop=True)


def unverified_types(table):
    """Types whose row is not marked verified=yes."""
    return [t for t, v in zip(table["fac_type"], table["verified"]) if str(v).strip().lower() != "yes"]


def field_names(fac_types, prefix):
    """Output field name per type: ``prefix`` + the type with non-word characters as ``_``,
    lower-cased, cut to 20 characters (shapefile-safe). Two types giving the same name raise
    ``InputError("field_name_clash")``."""
    names = [(prefix + _NOT_WORD.sub("_", str(t).strip().lower()))[:FIELD_MAX] for t in fac_types]
    seen = {}
    for name, fac_type in zip(names, fac_types):
        if name in seen:
            raise InputError("field_name_clash", field=name, first=seen[name], second=fac_type)
        seen[name] = fac_type
    return names


def classify_facilities(types, table):
    """Row of ``table`` for each facility type value (str or None), matched on ``fac_type`` or an
    alias, ignoring case and surrounding spaces; -1 where it matches none. Returns ``(rows,
    unknown)`` with unknown = {value as written: count} (missing values shown as ""). One look-up
    per distinct value."""
    lookup = {}
    for row, (key, aliases) in enumerate(zip(table["fac_type"], table["aliases"])):
        for name in [key, *str(aliases).split("|")]:
            if name.strip():
                lookup[name.strip().lower()] = row
    raw = np.array(["" if t is None else str(t).strip() for t in types], dtype=object)
    if not len(raw):
        return np.zeros(0, dtype=int), {}
    distinct, first, inverse, counts = np.unique(np.array([t.lower() for t in raw], dtype=object),
                                                 return_index=True, return_inverse=True, return_counts=True)
    rows = np.array([lookup.get(k, -1) for k in distinct], dtype=int)
    unknown = {raw[first[i]]: int(counts[i]) for i in np.flatnonzero(rows < 0)}
    return rows[inverse.reshape(-1)], unknown


def type_reaches(network, facility_points, facility_row, thresholds, max_snap=np.inf):
    """One multi-source Dijkstra per facility type (``network.reach`` with the type's threshold as
    cutoff). ``facility_row`` is the type row per facility (-1: ignored). Returns ``(reaches,
    off_network)``: a ``Reach`` (None where the type has no facility) per type and the number of
    facilities of known type farther than ``max_snap`` (m) from every road."""
    facility_points = np.asarray(facility_points, dtype=object)
    facility_row = np.asarray(facility_row)
    snapped = net_mod.snap(network, facility_points, max_snap)
    off = int(((facility_row >= 0) & ~snapped.on_network & ~_missing(facility_points)).sum())
    reaches = []
    for k, threshold in enumerate(thresholds):
        ids = np.flatnonzero(facility_row == k)
        if not ids.size:
            reaches.append(None)
            continue
        subset = net_mod.Snapped(snapped.edge[ids], snapped.offset[ids], snapped.access[ids])
        reaches.append(net_mod.reach(network, subset, cutoff=float(threshold)))
    return reaches, off


def reached_network(reaches, targets, thresholds):
    """(n, K) 0/1 array: target (a ``network.Snapped``) within the type's threshold (m) along the
    network of at least one facility of the type."""
    out = np.zeros((len(targets), len(thresholds)), dtype=np.int8)
    for k, (r, threshold) in enumerate(zip(reaches, thresholds)):
        if r is not None:
            distance, _ = r.distance_to(targets)
            out[:, k] = distance <= threshold
    return out


def reached_euclidean(facility_points, facility_row, thresholds, target_points):
    """(n, K) 0/1 array: target point within the type's threshold (m) in a straight line of at
    least one facility of the type (one STRtree nearest query per type)."""
    facility_points = np.asarray(facility_points, dtype=object)
    facility_row = np.asarray(facility_row)
    out = np.zeros((len(target_points), len(thresholds)), dtype=np.int8)
    for k, threshold in enumerate(thresholds):
        ids = np.flatnonzero(facility_row == k)
        if ids.size:
            distance, _ = net_mod.euclidean_distance(facility_points[ids], target_points)
            out[:, k] = distance <= threshold
    return out


def known_type_rows(rows, guessed):
    """The facilities' type rows for a second reach of only the facilities whose type is known, and
    which types that reach is needed for. ``rows``: the type row per facility (-1: ignored);
    ``guessed``: 1 where the facility's type is a guess (``type_est`` of lcr:prepare_osm: a school
    without isced:level). Returns ``(rows_known, affected)``: rows with every guessed facility, and
    every facility of a type without a guessed one, set to -1 (that type's reach does not change, so
    it is not searched again); ``affected`` (K,) True for the types holding a guessed facility.

    >>> rows, affected = known_type_rows(np.array([0, 0, 1, 2, -1]), np.array([1, 0, 0, 1, 1]))
    >>> rows.tolist(), np.flatnonzero(affected).tolist()
    ([-1, 0, -1, -1, -1], [0, 2])
    """
    rows = np.asarray(rows)
    guessed = (np.nan_to_num(np.asarray(guessed, dtype=float), nan=0.0) == 1) & (rows >= 0)
    k = int(rows.max(initial=-1)) + 1
    affected = np.zeros(k, dtype=bool)
    affected[rows[guessed]] = True
    keep = ~guessed & (rows >= 0) & affected[np.clip(rows, 0, None)] if k else np.zeros(len(rows), dtype=bool)
    return np.where(keep, rows, -1), affected


def rests_on_guess(reached, reached_known, affected):
    """Per home, 1 where its completeness rests on a guessed facility type: it reaches some type only
    through facilities whose type is guessed (``reached`` of every facility, ``reached_known`` of the
    known-type ones, for the ``affected`` types of ``known_type_rows``; (n, K) 0/1 each), so were the
    guess wrong it would miss that type. A home that misses a type, or reaches it through a facility of
    known type as well, does not rest on a guess for it.

    >>> rests_on_guess([[1, 1], [1, 0], [0, 1]], [[1, 0], [0, 0], [0, 0]], np.array([True, False])).tolist()
    [0, 1, 0]
    """
    reached = np.asarray(reached, dtype=bool)
    if not reached.size:
        return np.zeros(len(reached), dtype=int)
    known = np.asarray(reached_known, dtype=bool)
    width = reached.shape[1]
    mask = np.zeros(width, dtype=bool)
    mask[:len(affected)] = np.asarray(affected, dtype=bool)[:width]
    return (reached & ~known & mask[None, :]).any(axis=1).astype(int)


def score(reached):
    """Completeness score per row: share of the K types reached, Σ_k reached / K (0–1)."""
    reached = np.asarray(reached)
    if reached.shape[1] == 0:
        return np.ones(reached.shape[0])
    return reached.sum(axis=1) / reached.shape[1]


def missing_text(reached, fac_types):
    """Comma-separated names of the types not reached, per row ("" where all are). Built once per
    distinct reached pattern, not per row."""
    reached = np.asarray(reached, dtype=bool)
    n, k = reached.shape
    if n == 0:
        return np.zeros(0, dtype=object)
    if k == 0:
        return np.full(n, "", dtype=object)
    if k < 63:   # each row's pattern as one integer: np.unique of numbers, not of rows
        codes, inverse = np.unique(reached.astype(np.int64) @ (np.int64(1) << np.arange(k, dtype=np.int64)),
                                   return_inverse=True)
        patterns = (codes[:, None] >> np.arange(k)) & 1
    else:
        patterns, inverse = np.unique(reached, axis=0, return_inverse=True)
    texts = np.array([",".join(t for t, hit in zip(fac_types, p) if not hit) for p in patterns], dtype=object)
    return texts[inverse.reshape(-1)]


def unit_sums(zone_index, n_zones, population, reached):
    """Additive totals per zone (planning unit; or one zone for the whole area). ``zone_index``
    from ``zones.assign_to_zones`` (-1: left out); ``population`` per building (NaN counts 0) or
    None; ``reached`` (n, K) 0/1. Returns a dict: bldg, bldg_full, pop, pop_full, score_bldg
    (Σ score), score_pop (Σ pop·score), each (n_zones,), and bldg_k, pop_k (n_zones, K).
    Sums of chunks add up (``add_sums``)."""
    zone_index = np.asarray(zone_index)
    reached = np.asarray(reached, dtype=float)
    k = reached.shape[1]
    pop = np.zeros(len(zone_index)) if population is None else np.nan_to_num(
        np.asarray(population, dtype=float), nan=0.0)
    s = score(reached)
    full = (reached.sum(axis=1) == k).astype(float)
    ones = np.ones(len(zone_index))
    return {"bldg": sum_by_zone(zone_index, ones, n_zones),
            "bldg_full": sum_by_zone(zone_index, full, n_zones),
            "pop": sum_by_zone(zone_index, pop, n_zones),
            "pop_full": sum_by_zone(zone_index, pop * full, n_zones),
            "score_bldg": sum_by_zone(zone_index, s, n_zones),
            "score_pop": sum_by_zone(zone_index, pop * s, n_zones),
            "bldg_k": np.stack([sum_by_zone(zone_index, reached[:, j], n_zones) for j in range(k)], axis=1)
            if k else np.zeros((n_zones, 0)),
            "pop_k": np.stack([sum_by_zone(zone_index, pop * reached[:, j], n_zones) for j in range(k)], axis=1)
            if k else np.zeros((n_zones, 0))}


def add_sums(total, more):
    """Element-wise sum of two ``unit_sums`` results (``total`` may be None): ``total``'s arrays, added to
    in place (a city's 100,000 parcels × facility types, chunk after chunk), or new ones."""
    if total is None:
        return {key: np.array(v, dtype=float) for key, v in more.items()}
    for key in total:
        total[key] += more[key]
    return total


def unit_shares(sums, by_population):
    """Shares from ``unit_sums``: full_pct and pct_k (n_zones, K) in percent, weighted by
    population (``by_population``) or by building count; mean_score (0–1) likewise; NaN where a
    zone has no resident (no building). pop and pop_full are NaN without population."""
    if by_population:
        weight, full, per_type, scored = sums["pop"], sums["pop_full"], sums["pop_k"], sums["score_pop"]
    else:
        weight, full, per_type, scored = sums["bldg"], sums["bldg_full"], sums["bldg_k"], sums["score_bldg"]
    with np.errstate(invalid="ignore", divide="ignore"):
        safe = np.where(weight > 0, weight, 1.0)
        out = {"bldg": sums["bldg"],
               "full_pct": np.where(weight > 0, 100.0 * full / safe, np.nan),
               "pct_k": np.where((weight > 0)[:, None], 100.0 * per_type / safe[:, None], np.nan),
               "mean_score": np.where(weight > 0, scored / safe, np.nan)}
    if by_population:
        out["pop"], out["pop_full"] = sums["pop"], sums["pop_full"]
    else:
        out["pop"] = out["pop_full"] = np.full(np.shape(weight), np.nan)
    return out


def _missing(geometries):
    return shapely.is_missing(geometries) if len(geometries) else np.zeros(0, dtype=bool)
