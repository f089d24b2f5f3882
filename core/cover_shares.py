"""Shares of the land cover of each zone (planning unit or parcel): impervious, retaining the design
storm, and the storm retained on site.

Land-cover polygons are cut by each zone (true intersection areas, ``core.landuse.overlay``), so a
polygon straddling two zones gives each the part inside it; the shares are of the land cover found
in the zone, not of the zone's area (gaps in the land cover count in neither part of the ratio).

- ``impervious_pct`` 城区不透水表面占比 (the territorial master-plan indicator, named from its
  complement 透水表面占比 in the 2020 MNR guide): 100 × area of the impervious classes / land-cover
  area (%).
- ``sponge_area_pct``: 100 × area whose cover retains at least 70 % of the design storm / area with a
  known curve number (%). Retention R = 1 − Q/P of the SCS curve-number method (USDA NRCS TR-55,
  1986; ``core.runoff``) for a design storm P (mm). The 70 % is the sponge-city target of rainfall
  absorbed on site (国办发〔2015〕75号), which is set on annual rainfall: one design storm makes
  this a screening reading of it.
- ``retention``: Σ A·R / Σ A over the area with a known curve number (0–1), which is the retained
  volume over the rainfall volume, retained / (runoff + retained), as runoff + retained = P·A.
  With the LID storage S (m³) of each zone (bioretention, permeable paving, green roofs, tanks: the
  provided storage of the sponge-city volume method, ``sponge.py``), the storage holds the land
  cover's runoff up to its volume, so it is rainfall retained on site too:

      retention = (Σ A·R + min(1000·S / P, Σ A·(1 − R))) / Σ A

  (1000·S / P turns m³ into m² of retained storm depth; the min: storage beyond the runoff holds
  nothing more). The curve numbers of TR-55 describe the cover, not the storage built in it, so
  the two add without counting any rainfall twice.

Where the land cover maps less than half of a zone (``MIN_COVER_SHARE``; an OpenStreetMap extract maps
buildings and roads but leaves much ground unmapped) the shares rest on a small and biased sample of the
zone: sealed ground is mapped first, so impervious_pct is overstated. Such a zone gets no share at all
(``thin_cover``), and ``cover_pct`` = 100 × land-cover area / zone area says why.

Units: m², mm, %, fractions. A share that cannot be measured (no land cover, or no known curve
number, in the zone, or too little land cover) is NaN, written as NULL.
"""
from dataclasses import dataclass, fields

import numpy as np
import shapely

from . import runoff
from .landuse import overlay

__all__ = ["SPONGE_RETENTION", "MIN_COVER_SHARE", "CoverSums", "storm_retention", "cover_shares",
           "storage_retained_m2", "thin_cover"]

SPONGE_RETENTION = 0.7   # share of the rainfall absorbed on site, 国办发〔2015〕75号
MIN_COVER_SHARE = 0.5    # below this share of a zone mapped by land cover its shares are not assessed


def storm_retention(cn, p_mm, lam=0.2):
    """Retention R = 1 − Q/P (0–1) of a design storm of ``p_mm`` mm on covers of curve number ``cn``
    (SCS-CN, TR-55; Q from ``core.runoff.runoff_mm``); NaN where the curve number is unknown.

    >>> storm_retention([98.0, 61.0], 100.0).round(4).tolist()
    [0.0596, 0.8017]
    """
    p = np.full(np.shape(cn), float(p_mm))
    return runoff.retention_index(p, runoff.runoff_mm(p, cn, lam))


@dataclass
class CoverSums:
    """Per zone, summed over the pieces of land cover cut by it (m²): ``cover_m2`` all of them,
    ``impervious_m2`` the impervious ones, ``known_m2`` those with a known curve number,
    ``sponge_m2`` those retaining at least the sponge share, ``retained_m2`` Σ area × retention."""
    cover_m2: np.ndarray
    impervious_m2: np.ndarray
    known_m2: np.ndarray
    sponge_m2: np.ndarray
    retained_m2: np.ndarray

    @classmethod
    def empty(cls, n_zones):
        return cls(*(np.zeros(n_zones) for _ in fields(cls)))

    def total(self):
        """The sums over every zone, as the sums of a single zone."""
        return CoverSums(*(np.array([getattr(self, item.name).sum()]) for item in fields(self)))

    def add(self, zones, cover, impervious, retention, to_m2=1.0, sponge_share=SPONGE_RETENTION, is_canceled=None):
        """Add a chunk of land-cover polygons ``cover`` (same CRS as ``zones``), with a mask of the
        impervious ones and the retention R of each (NaN: unknown curve number). ``to_m2`` turns the
        CRS's squared unit into m². Returns the number of polygons overlapping no zone. ``is_canceled``
        (a callable) is looked at during the overlay and raises ``Canceled``.

        >>> sums = CoverSums.empty(1)
        >>> sums.add([shapely.box(0, 0, 10, 10)], [shapely.box(5, 0, 15, 10)], [True], [0.5])
        0
        >>> sums.cover_m2.tolist(), sums.retained_m2.tolist()
        ([50.0], [25.0])
        """
        n = len(self.cover_m2)
        piece, zone, area = overlay(cover, zones, is_canceled=is_canceled)
        area = area * to_m2
        retention = np.asarray(retention, dtype=float)[piece]
        known = ~np.isnan(retention)
        impervious = np.asarray(impervious, dtype=bool)[piece]
        self.cover_m2 += np.bincount(zone, weights=area, minlength=n)
        self.impervious_m2 += np.bincount(zone, weights=np.where(impervious, area, 0.0), minlength=n)
        self.known_m2 += np.bincount(zone, weights=np.where(known, area, 0.0), minlength=n)
        retaining = known & (retention >= sponge_share)
        self.sponge_m2 += np.bincount(zone, weights=np.where(retaining, area, 0.0), minlength=n)
        self.retained_m2 += np.bincount(zone, weights=np.where(known, area * np.nan_to_num(retention), 0.0),
                                        minlength=n)
        present = ~shapely.is_missing(np.asarray(cover, dtype=object))
        overlapping = np.zeros(len(present), dtype=bool)
        overlapping[piece] = True
        return int((present & ~overlapping).sum())


def storage_retained_m2(sums, storage_m3, p_mm):
    """What LID storage retains per zone, in the units of ``CoverSums.retained_m2`` (m² × share of
    the storm): min(1000·S / P, Σ A·(1 − R)) with S the storage (m³; missing or negative: 0) and P
    the design storm (mm); 0 where the zone has no land cover with a known curve number (no runoff
    to hold is known).

    >>> sums = CoverSums(*(np.array([v, v]) for v in (200.0, 50.0, 100.0, 40.0, 60.0)))
    >>> storage_retained_m2(sums, [0.5, 10.0], 25.0).tolist()   # 0.5 m³ of 25 mm = 20 m²; 40 m² of runoff at most
    [20.0, 40.0]
    """
    storage = np.clip(np.nan_to_num(np.asarray(storage_m3, dtype=float)), 0.0, None)
    runoff_m2 = np.clip(sums.known_m2 - sums.retained_m2, 0.0, None)
    return np.minimum(1000.0 * storage / float(p_mm), runoff_m2)


def cover_shares(sums, with_impervious=True):
    """``impervious_pct``, ``sponge_area_pct`` (%) and ``retention`` (0–1) per zone from ``CoverSums``,
    and ``cover_m2``; NaN where a zone has no land cover (or none with a known curve number), and
    ``impervious_pct`` all NaN without ``with_impervious`` (no impervious classes named).

    >>> sums = CoverSums(*(np.array([v]) for v in (200.0, 50.0, 100.0, 40.0, 60.0)))
    >>> {k: float(v[0]) for k, v in cover_shares(sums).items()}
    {'cover_m2': 200.0, 'impervious_pct': 25.0, 'sponge_area_pct': 40.0, 'retention': 0.6}
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        cover = np.where(sums.cover_m2 > 0, sums.cover_m2, np.nan)
        known = np.where(sums.known_m2 > 0, sums.known_m2, np.nan)
        impervious = 100.0 * sums.impervious_m2 / cover
        return {"cover_m2": sums.cover_m2.copy(),
                "impervious_pct": impervious if with_impervious else np.full(len(cover), np.nan),
                "sponge_area_pct": 100.0 * sums.sponge_m2 / known,
                "retention": sums.retained_m2 / known}


def thin_cover(shares, zone_m2, minimum=MIN_COVER_SHARE):
    """``cover_shares`` with ``cover_pct`` (100 × land-cover area / zone area ``zone_m2``, %; NaN for a zone
    without area) added, and impervious_pct, sponge_area_pct and retention NaN (not assessed) where the
    land cover maps less than ``minimum`` (0–1) of the zone; also returns that mask.

    >>> shares = {"cover_m2": np.array([300.0, 800.0]), "impervious_pct": np.array([90.0, 40.0]),
    ...           "sponge_area_pct": np.array([10.0, 50.0]), "retention": np.array([0.2, 0.6])}
    >>> out, thin = thin_cover(shares, np.array([1000.0, 1000.0]))
    >>> out["cover_pct"].tolist(), out["impervious_pct"].tolist(), thin.tolist()
    ([30.0, 80.0], [nan, 40.0], [True, False])
    """
    zone_m2 = np.asarray(zone_m2, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        cover_pct = np.where(zone_m2 > 0, 100.0 * shares["cover_m2"] / np.where(zone_m2 > 0, zone_m2, 1.0), np.nan)
    # a part per million below: a zone exactly ``minimum`` covered stays so through a reprojection
    thin = (shares["cover_m2"] > 0) & (cover_pct < 100.0 * minimum * (1.0 - 1e-6))
    out = dict(shares, cover_pct=cover_pct)
    for name in ("impervious_pct", "sponge_area_pct", "retention"):
        out[name] = np.where(thin, np.nan, shares[name])
    return out, thin
