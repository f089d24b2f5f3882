"""Carbon balance per planning unit: what its buildings and traffic emit, less what its green
sinks take up and what its rooftop PV avoids, set against a target.

net (tCO2/a) = building CO2 + transport CO2 − sequestration − PV-avoided CO2
(the operational-stage balance of GB/T 51366-2019 建筑碳排放计算标准 with the green carbon sink C_p
subtracted, extended to transport (``core.transport``), land-cover sinks (``core.carbon``) and PV
(``core.solar``)).
Intensities: net per resident (t/person·a) and per hectare of unit (t/ha·a).
Target gap (t/a) = net − allowance, allowance = target per capita × residents or target per
hectare × area; positive = over target. All components in tCO2 a year.
"""
import numpy as np
import shapely

from .errors import InputError
from .landuse import overlay


def apportion_by_area(geometries, values, zones, is_canceled=None):
    """Σ value × (area of the feature inside the zone / area of the feature), per zone (InVEST-style
    area weighting of a per-polygon quantity, e.g. sequestration in tCO2/a).

    ``geometries`` and ``zones`` in one CRS; NaN values count 0. Returns ``(per_zone, outside)``,
    ``outside`` being the total of the values that fell outside every zone (or in features without
    area). Where zones overlap, an overlapping part counts for each of them. ``is_canceled`` (a callable)
    is looked at during the overlay and raises ``Canceled``.
    """
    geometries = np.asarray(geometries, dtype=object)
    values = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0)
    f_idx, z_idx, pair_area = overlay(geometries, zones, is_canceled=is_canceled)
    feature_area = shapely.area(geometries)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(feature_area[f_idx] > 0, pair_area / feature_area[f_idx], 0.0)
    per_zone = np.bincount(z_idx, weights=values[f_idx] * share, minlength=len(zones))
    inside = np.bincount(f_idx, weights=share, minlength=len(geometries))
    outside = float((values * (1.0 - np.minimum(inside, 1.0))).sum())
    return per_zone, outside


def net_balance(building_t, transport_t, sequestration_t, pv_t):
    """net = building + transport − sequestration − PV-avoided (tCO2/a); a component given as None
    counts 0 and NaNs count 0."""
    parts = [0.0 if a is None else np.nan_to_num(np.asarray(a, dtype=float), nan=0.0)
             for a in (building_t, transport_t, sequestration_t, pv_t)]
    return parts[0] + parts[1] - parts[2] - parts[3]


def intensities(net_t, population, area_ha):
    """net per resident (t/person·a; NaN where residents are unknown or 0) and per hectare
    (t/ha·a; NaN where the area is 0)."""
    net = np.asarray(net_t, dtype=float)
    area = np.asarray(area_ha, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if population is None:
            per_cap = np.full(net.shape, np.nan)
        else:
            pop = np.asarray(population, dtype=float)
            per_cap = np.where(pop > 0, net / pop, np.nan)
        per_ha = np.where(area > 0, net / area, np.nan)
    return per_cap, per_ha


def target_gap(net_t, population=None, area_ha=None, target_t_per_capita=None, target_t_per_ha=None):
    """Gap to target (tCO2/a): net − target per capita × residents, or net − target per ha × area.

    With both targets the larger gap (the binding target) is returned. A per-capita target gives no
    gap (NaN) where the population is unknown or 0: a unit without residents has no per-resident
    allowance, and net − 0 would call all its CO2 a gap (an industrial or green unit "over target" by
    its whole emission). With a per-hectare target as well, such a unit takes its per-hectare gap alone;
    with both targets and residents, a NaN of either gives NaN. All NaN without a target. A per-capita
    target without any population, or a negative target, raises ``InputError``.
    """
    net = np.asarray(net_t, dtype=float)
    per_cap = per_ha = None
    if target_t_per_capita is not None:
        if target_t_per_capita < 0:
            raise InputError("target_negative", value=target_t_per_capita)
        if population is None:
            raise InputError("target_needs_population")
        pop = np.asarray(population, dtype=float)
        with np.errstate(invalid="ignore"):
            per_cap = np.where(pop > 0, net - target_t_per_capita * pop, np.nan)
    if target_t_per_ha is not None:
        if target_t_per_ha < 0:
            raise InputError("target_negative", value=target_t_per_ha)
        per_ha = net - target_t_per_ha * np.asarray(area_ha, dtype=float)
    if per_cap is None and per_ha is None:
        return np.full(net.shape, np.nan)
    if per_ha is None:
        return per_cap
    if per_cap is None:
        return per_ha
    no_residents = np.asarray(population, dtype=float) == 0
    return np.where(no_residents, per_ha, np.where(np.isnan(per_cap) | np.isnan(per_ha), np.nan,
                                                   np.fmax(per_cap, per_ha)))


def no_resident_units(population, target_t_per_capita):
    """Units that a per-capita target cannot judge: residents 0 or unknown (``target_gap``)."""
    if target_t_per_capita is None or population is None:
        return np.zeros(0, bool)
    return ~(np.asarray(population, dtype=float) > 0)


# A unit's balance is flagged as resting on defaults when more than this share of it does.
ESTIMATED_MAJORITY = 0.5


def estimated_flags(gross_t, estimated_t, population=None, estimated_population=None,
                    majority=ESTIMATED_MAJORITY):
    """Which units' balances rest mainly on the toolkit's shipped defaults (0/1 per unit).

    ``net_est`` = 1 where more than ``majority`` of the unit's gross emissions (building +
    transport CO2, t/a) come from values their own algorithm flagged as estimated (a
    ``<field>_est`` = 1 field: buildings with default floors or use, transport from the shipped
    mode shares). ``per_cap_est`` = ``net_est``, or 1 where more than ``majority`` of the unit's
    residents are estimated (e.g. ``residents_est`` of lcr:prepare_osm). A unit with no emissions is
    not flagged. Returns ``(net_est, per_cap_est)``.
    """
    gross = np.nan_to_num(np.asarray(gross_t, dtype=float), nan=0.0)
    flagged = np.nan_to_num(np.asarray(estimated_t, dtype=float), nan=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        net_est = (gross > 0) & (flagged > majority * gross)
        per_cap_est = net_est.copy()
        if population is not None and estimated_population is not None:
            pop = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
            est_pop = np.nan_to_num(np.asarray(estimated_population, dtype=float), nan=0.0)
            per_cap_est |= (pop > 0) & (est_pop > majority * pop)
    return net_est.astype(int), per_cap_est.astype(int)
