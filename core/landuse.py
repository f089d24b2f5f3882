"""Land-use mix and intensity per planning unit.

Mix (Cervero & Kockelman 1997, Frank et al. 2004): entropy
H = −Σ_j p_j ln p_j / ln K, with p_j the share of the unit's classified land in use j and K the
number of categories considered; 0 = a single use, 1 = K uses in equal shares. The
Herfindahl–Hirschman index HHI = Σ_j p_j² (1 = a single use, 1/K = equal shares).
Intensity: FAR = Σ gross floor area / land area of the unit; density = residents / hectare of unit;
jobs–housing ratio = jobs / resident workers (Ewing et al. 2002 use jobs/population balance).

Area is attributed by true overlay: a parcel straddling two units gives each the part inside it,
and its floor area, residents and jobs are split in proportion to that area. Units: m², ha, persons.
"""
import re
import unicodedata

import numpy as np
import pandas as pd
import shapely

from .errors import InputError
from .shared import shareable
from .threads import intersection_areas

K_STUDY_AREA, K_IN_ZONE, K_FIXED = 0, 1, 2
_DIGIT_SPACES = re.compile(r"(?<=\d)\s+(?=\d)")
# a code (up to two letters, a digit, then digits and letters) and, after a character that is neither, its note
_CODE_THEN_NOTE = re.compile(r"^([A-Z]{0,2}\d[0-9A-Z]*)[^0-9A-Z].*$", re.S)   # saved models store the index: only ever append


def category_keys(codes, code_digits=0, categories=None):
    """The land-use category of each feature, as text; None where it has none.

    ``categories`` (optional) holds a category per feature that wins where it is not empty.
    Elsewhere the land-use ``codes`` are used, cut to their first ``code_digits`` characters when
    ``code_digits`` > 0 (the two-digit first-level class of GB/T 21010-2017 and of the 2023 MNR
    用地用海分类, e.g. 0701 → 07). A number read from a numeric field loses its ``.0``.
    """
    if code_digits < 0:
        raise InputError("code_digits_negative", value=code_digits)
    codes = normalise_codes(codes)
    if code_digits:
        codes = np.array([c[:code_digits] if c is not None else None for c in codes], dtype=object)
    if categories is None:
        return codes
    categories = _clean(categories)
    return np.where(pd.isna(categories), codes, categories).astype(object)


def normalise_codes(values):
    """Land-use codes as the classifications write them: stripped, upper-case text, None where
    missing or blank.

    The numeric codes of the 2023 MNR 用地用海分类, GB/T 21010-2017 and the third national land
    survey (三调) have 2, 4 or 6 digits with a leading zero (07 residential, 0701 urban
    residential, 070101 …). Stored in a numeric field, or typed into a spreadsheet, they lose it:
    0701 becomes 701 or 701.0. A digit-only code of odd length gets its zero back, so 701, "701",
    "701.0" and "0701" are the same code. Letter codes (GB 50137-2011 ``R2``; 三调 ``05H1``) are
    kept as they are.

    Codes as bureaus' tables write them are read too: full-width characters as their ASCII forms
    (Unicode NFKC: ０７０１ and Ｒ２ are 0701 and R2), spaces between digits dropped (07 01 is 0701),
    and a code followed by its name or a note cut to the code (0701（城镇住宅用地）, R2二类居住用地,
    0701 城镇住宅, B1/R2 read as 0701, R2, 0701 and B1). A code here is text whose first digit comes
    within its first three characters; other text (a class name such as "Mixed use") is only
    stripped and upper-cased.
    """
    inverse, distinct = pd.factorize(_objects(values), use_na_sentinel=True)
    cleaned = []
    for value in distinct:
        text = unicodedata.normalize("NFKC", _number_text(value)).strip().upper()
        text = _DIGIT_SPACES.sub("", text)
        code = _CODE_THEN_NOTE.match(text)
        if code:
            text = code.group(1)
        if text.isdigit() and len(text) % 2:
            text = "0" + text
        cleaned.append(text or None)
    lookup = np.array(cleaned + [None], dtype=object)      # the sentinel -1 picks the trailing None
    return lookup[inverse]


def _objects(values):
    """``values`` as a 1-D object array (factorizing an object Series of numbers warns in pandas 1.5)."""
    values = list(values)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _number_text(value):
    """A whole number written without its ``.0`` (701.0 → "701"); other values as text."""
    if isinstance(value, (float, np.floating)):
        return "" if not np.isfinite(value) else (f"{int(value)}" if float(value).is_integer() else f"{value}")
    text = f"{value}"
    if text.strip().endswith(".0") and text.strip()[:-2].lstrip("-").isdigit():
        return text.strip()[:-2]
    return text


def _clean(values):
    """Stripped text per value (None for missing or blank); one conversion per distinct value."""
    inverse, distinct = pd.factorize(_objects(values), use_na_sentinel=True)
    cleaned = []
    for value in distinct:
        text = str(value).strip()
        if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
            text = text[:-2]
        cleaned.append(text or None)
    lookup = np.array(cleaned + [None], dtype=object)      # the sentinel -1 picks the trailing None
    return lookup[inverse]


def in_categories(values, categories):
    """True where a value, read as ``category_keys`` reads codes (stripped text; a whole number
    without its ``.0``), is one of ``categories``, ignoring case; False where it is missing.

    >>> in_categories([1.0, 2.5, None, " Road "], {"1", "road"}).tolist()
    [True, False, False, True]
    """
    wanted = {str(c).strip().casefold() for c in categories}
    keys = pd.Series(_clean(values), dtype=object)
    return keys.str.casefold().isin(wanted).to_numpy(dtype=bool)


def parse_category_list(text):
    """The categories named in a comma-separated string (e.g. "17, 12"), as a set of stripped texts.
    Chinese commas (，) and semicolons also separate."""
    if not text:
        return set()
    for separator in ("，", ";", "；"):
        text = text.replace(separator, ",")
    return {part.strip() for part in text.split(",") if part.strip()}


def entropy(shares, k):
    """Land-use entropy H = −Σ_j p_j ln p_j / ln K of each row of ``shares``.

    ``shares`` is (n, m) or (m,): areas or shares per category (each row is normalised to sum 1);
    ``k`` the number of categories considered (scalar or per row). Terms with p = 0 count 0.
    A row with no land gives NaN; a row with a single use gives 0 whatever K (even K = 1, where the
    formula is 0/0). With K at least the number of uses present, 0 ≤ H ≤ 1.
    Examples (worked by hand): four equal shares, K = 4 → 1; (0.5, 0.3, 0.2), K = 3 → 0.937231.
    """
    shares = np.atleast_2d(np.asarray(shares, dtype=float))
    total = shares.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = shares / total[:, None]
        terms = np.where(p > 0, -p * np.log(np.where(p > 0, p, 1.0)), 0.0)
        k = np.broadcast_to(np.asarray(k, dtype=float), total.shape)
        h = terms.sum(axis=1) / np.log(k)
    n_uses = (shares > 0).sum(axis=1)
    h = np.where(n_uses == 1, 0.0, h)
    h = np.where(total > 0, h, np.nan)
    return h


def hhi(shares):
    """Herfindahl–Hirschman index Σ_j p_j² of each row (shares normalised per row); NaN without land."""
    shares = np.atleast_2d(np.asarray(shares, dtype=float))
    total = shares.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = shares / total[:, None]
        return np.where(total > 0, (p * p).sum(axis=1), np.nan)


@shareable(by_content=(1,))
def overlay(geometries, zones, is_canceled=None):
    """Which zone each geometry overlaps and by how much: ``(feature_idx, zone_idx, area)``.

    One STRtree bulk query; pairs where the zone wholly contains the feature take the feature's own
    area, the others the area of their shapely intersection (vectorised, on every core). Pairs of zero area (a
    shared edge) are dropped. Areas in the squared units of the geometries' CRS. ``is_canceled`` (a
    callable) is looked at between slices of the intersections and raises ``Canceled``.
    """
    geometries = np.asarray(geometries, dtype=object)
    zones = np.asarray(zones, dtype=object)
    empty = np.zeros(0, dtype=int)
    present = ~shapely.is_missing(geometries)
    if not present.any() or len(zones) == 0:
        return empty, empty, np.zeros(0)
    tree = shapely.STRtree(zones)
    f_idx, z_idx = tree.query(geometries, predicate="intersects")
    keep = present[f_idx]
    f_idx, z_idx = f_idx[keep], z_idx[keep]
    shapely.prepare(zones)
    inside = shapely.contains_properly(zones[z_idx], geometries[f_idx])
    area = shapely.area(geometries[f_idx])
    cut = ~inside
    if cut.any():
        area[cut] = intersection_areas(geometries[f_idx[cut]], zones[z_idx[cut]], is_canceled)
    positive = area > 0
    return f_idx[positive], z_idx[positive], area[positive]


class LandUseTally:
    """Sums, chunk by chunk, each zone's land area per category, floor area, residents and jobs.

    ``zones`` are the unit polygons, in the same CRS as the features added; ``to_m2`` turns that
    CRS's squared unit into m². Features in ``excluded`` categories count towards no mix and no
    land area (water, roads), but their floor area, residents and jobs still count.
    """

    def __init__(self, zones, excluded=(), to_m2=1.0):
        self.zones = np.asarray(zones, dtype=object)
        self.n = len(self.zones)
        self.excluded = set(excluded)
        self.to_m2 = to_m2
        self._land = []                         # frames (zone, category, area_m2)
        self.excluded_m2 = np.zeros(self.n)
        self.gfa_m2 = np.zeros(self.n)
        self.residents = np.zeros(self.n)
        self.jobs = np.zeros(self.n)
        self.counts = {"no_category": 0, "outside": 0, "no_intensity": 0, "excluded": 0}
        self.residents_total = 0.0

    def add(self, geometries, categories, far=None, gfa_m2=None, residents=None, jobs=None):
        """Add a chunk of features (geometry array, category per feature, optional numeric arrays).

        Floor area of a feature: its ``gfa_m2`` where above 0, else ``far`` × its area in the zone.
        Residents and jobs are split between zones by the share of the feature's area in each.
        """
        geometries = np.asarray(geometries, dtype=object)
        categories = np.asarray(categories, dtype=object)
        f_idx, z_idx, pair_area = overlay(geometries, self.zones)
        feature_area = shapely.area(geometries)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(feature_area[f_idx] > 0, pair_area / feature_area[f_idx], 0.0)
        pair_m2 = pair_area * self.to_m2

        present = ~shapely.is_missing(geometries)
        overlapping = np.zeros(len(geometries), dtype=bool)
        overlapping[f_idx] = True
        self.counts["outside"] += int((present & ~overlapping).sum())
        no_category = pd.isna(categories)
        self.counts["no_category"] += int((no_category & overlapping).sum())
        is_excluded = pd.Series(categories, dtype=object).isin(self.excluded).to_numpy()
        self.counts["excluded"] += int((is_excluded & overlapping).sum())

        pair_category = categories[f_idx]
        pair_excluded = is_excluded[f_idx]
        counted = ~pd.isna(pair_category) & ~pair_excluded
        if counted.any():
            frame = pd.DataFrame({"zone": z_idx[counted], "category": pair_category[counted],
                                  "area_m2": pair_m2[counted]})
            self._land.append(frame.groupby(["zone", "category"], sort=False, as_index=False)["area_m2"].sum())
        self.excluded_m2 += np.bincount(z_idx[pair_excluded], weights=pair_m2[pair_excluded], minlength=self.n)

        if gfa_m2 is not None or far is not None:
            given = np.full(len(geometries), np.nan) if gfa_m2 is None else np.asarray(gfa_m2, dtype=float)
            ratio = np.full(len(geometries), np.nan) if far is None else np.asarray(far, dtype=float)
            use_given = given[f_idx] > 0
            pair_gfa = np.where(use_given, given[f_idx] * share, ratio[f_idx] * pair_m2)
            missing = np.isnan(pair_gfa)
            bad = np.zeros(len(geometries), dtype=bool)
            bad[f_idx[missing]] = True
            self.counts["no_intensity"] += int(bad.sum())
            self.gfa_m2 += np.bincount(z_idx, weights=np.nan_to_num(pair_gfa, nan=0.0), minlength=self.n)
        if residents is not None:
            residents = np.nan_to_num(np.asarray(residents, dtype=float), nan=0.0)
            self.residents_total += float(residents[present].sum())
            self.residents += np.bincount(z_idx, weights=residents[f_idx] * share, minlength=self.n)
        if jobs is not None:
            jobs = np.nan_to_num(np.asarray(jobs, dtype=float), nan=0.0)
            self.jobs += np.bincount(z_idx, weights=jobs[f_idx] * share, minlength=self.n)

    def land_table(self):
        """Area (m²) per zone (rows) and category (columns, sorted) of the classified land."""
        if not self._land:
            return pd.DataFrame(index=pd.RangeIndex(self.n), dtype=float)
        frame = pd.concat(self._land).groupby(["zone", "category"])["area_m2"].sum().unstack(fill_value=0.0)
        frame = frame.reindex(index=range(self.n), fill_value=0.0)
        return frame.reindex(columns=sorted(frame.columns, key=str))


def mix(land_table, k_mode=K_STUDY_AREA, k_fixed=None):
    """Entropy, the K used and HHI per zone from a zone × category area table (``LandUseTally.land_table``).

    K: ``K_STUDY_AREA`` = categories with land in any zone; ``K_IN_ZONE`` = categories with land in
    that zone; ``K_FIXED`` = ``k_fixed`` (≥ 2). Returns ``(entropy, k, hhi, n_over_k)``, the last
    counting zones with more uses than a fixed K (their entropy can exceed 1).
    """
    areas = land_table.to_numpy(dtype=float) if land_table.shape[1] else np.zeros((len(land_table), 0))
    present = areas > 0
    in_zone = present.sum(axis=1)
    if k_mode == K_STUDY_AREA:
        k = np.full(len(areas), int(present.any(axis=0).sum()))
    elif k_mode == K_IN_ZONE:
        k = in_zone.astype(int)
    elif k_mode == K_FIXED:
        if k_fixed is None or k_fixed < 2:
            raise InputError("k_fixed_too_small", value=k_fixed)
        k = np.full(len(areas), int(k_fixed))
    else:
        raise InputError("k_mode_unknown", value=k_mode)
    if areas.shape[1] == 0:
        nan = np.full(len(areas), np.nan)
        return nan, k, nan.copy(), 0
    h = entropy(areas, np.maximum(k, 1))
    n_over_k = int((in_zone > k).sum()) if k_mode == K_FIXED else 0
    return h, k, hhi(areas), n_over_k


def intensity(gfa_m2, residents, jobs, zone_m2, land_m2, worker_share=1.0):
    """FAR, density and jobs–housing ratio per zone.

    far = Σ GFA (m²) / land area (m², the zone less its excluded categories);
    density_pph = residents / (zone area / 10 000 m²);
    jobs_housing = jobs / (residents × worker_share), worker_share being resident workers per
    resident (1 → jobs per resident). Any input None gives NaN for what needs it, as does a
    denominator of 0.
    """
    zone_m2 = np.asarray(zone_m2, dtype=float)
    n = len(zone_m2)
    nan = np.full(n, np.nan)
    if worker_share is not None and worker_share <= 0:
        raise InputError("worker_share_not_positive", value=worker_share)
    with np.errstate(divide="ignore", invalid="ignore"):
        land = np.asarray(land_m2, dtype=float)
        far = nan if gfa_m2 is None else np.where(land > 0, np.asarray(gfa_m2, dtype=float) / land, np.nan)
        density = nan if residents is None else np.where(
            zone_m2 > 0, np.asarray(residents, dtype=float) / (zone_m2 / 10_000.0), np.nan)
        if jobs is None or residents is None:
            ratio = nan
        else:
            workers = np.asarray(residents, dtype=float) * worker_share
            ratio = np.where(workers > 0, np.asarray(jobs, dtype=float) / workers, np.nan)
    return far, density, ratio


def area_weighted_mean(values, weights):
    """Σ v·w / Σ w over the entries where v is a number; NaN where there is none."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    ok = ~np.isnan(values) & (weights > 0)
    if not ok.any():
        return float("nan")
    return float((values[ok] * weights[ok]).sum() / weights[ok].sum())
