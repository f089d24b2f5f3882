"""Passenger transport CO2 of the residents of each zone, by the ASIF method.

ASIF = Activity × Structure × Intensity × Fuel (methods document §5):
    trips/a  = population × trips per person per day × 365
    PKT_m    = trips/a × share_m × mean trip length_m            (passenger-km a year, mode m)
    CO2      = Σ_m PKT_m × EF_m / 1000                          (t/a)
    EF_m     = kg_co2_pkm_m + kwh_pkm_m × EF_grid               (kgCO2 per passenger-km)
Electric modes carry kWh per passenger-km, turned into CO2 with the grid factor (kgCO2/kWh).
Green-transport share (绿色交通出行比例) = trips by green modes (walk, cycle, bus, rail) / all trips
= Σ share_m over green modes. Shares are shares of trips (0..1), trip lengths in km.
"""
import re

import numpy as np
import pandas as pd

from . import tables
from .errors import InputError

DAYS_PER_YEAR = 365
DEFAULT_TRIP_RATE = 2.5     # trips per person per day: planning example [U], not survey data
SHARE_TOLERANCE = 0.01      # shares may sum to 1 ± this (rounded survey tables); they are rescaled to 1
SHIPPED_MODES = ("walk", "bike", "bus", "rail", "car")
MODE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,11}$")   # becomes the output field pkm_<mode>


def read_mode_table(path, tolerance=SHARE_TOLERANCE):
    """Mode table: columns ``mode, share, trip_km, green`` and at least one of ``kg_co2_pkm``,
    ``kwh_pkm`` (blank where it does not apply); optionally ``source, year, verified``.

    Checks: mode names are short lower-case identifiers (they become field names), unique; shares
    and factors are numbers ≥ 0, shares ≤ 1 and summing to 1 within ``tolerance`` (then rescaled to
    exactly 1); ``green`` is 0 or 1; every row has a factor. Returns a frame with ``kg_co2_pkm`` and
    ``kwh_pkm`` as floats (0 where blank), ``green`` as bool and ``electric`` (a kWh factor given).
    """
    frame = tables.read_csv_table(path, ["mode", "share", "trip_km", "green"], ["share", "trip_km"])
    factor_columns = [c for c in ("kg_co2_pkm", "kwh_pkm") if c in frame.columns]
    if not factor_columns:
        raise InputError("table_missing_columns", path=str(path), columns="kg_co2_pkm | kwh_pkm")
    frame["mode"] = frame["mode"].str.strip().str.lower()
    for row, mode in enumerate(frame["mode"]):
        if not MODE_NAME.match(mode):
            raise InputError("mode_bad_name", path=str(path), line=tables.line_of(frame, row), value=mode)
    duplicated = frame["mode"].duplicated()
    if duplicated.any():
        row = int(np.flatnonzero(duplicated.to_numpy())[0])
        raise InputError("table_duplicate_key", path=str(path), line=tables.line_of(frame, row), value=frame["mode"].iloc[row])
    over = np.flatnonzero(frame["share"].to_numpy() > 1)
    if over.size:
        raise InputError("table_fraction_range", path=str(path), line=tables.line_of(frame, over[0]), column="share")
    green = frame["green"].str.strip()
    bad_green = ~green.isin(["0", "1"])
    if bad_green.any():
        row = int(np.flatnonzero(bad_green.to_numpy())[0])
        raise InputError("mode_bad_green", path=str(path), line=tables.line_of(frame, row), value=green.iloc[row])
    frame["green"] = green == "1"
    given = np.zeros(len(frame), dtype=bool)
    frame["electric"] = False
    for column in ("kg_co2_pkm", "kwh_pkm"):
        text = (frame[column].str.strip() if column in frame.columns
                else pd.Series([""] * len(frame), index=frame.index))
        values = pd.to_numeric(text, errors="coerce")
        bad = (text != "") & (values.isna() | (values < 0))
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise InputError("table_bad_number", path=str(path), line=tables.line_of(frame, row), column=column,
                             value=text.iloc[row])
        given |= (text != "").to_numpy()
        frame[column] = values.fillna(0.0).astype(float).to_numpy()
        if column == "kwh_pkm":
            frame["electric"] = (text != "").to_numpy() & (frame[column] > 0).to_numpy()
    missing = np.flatnonzero(~given)
    if missing.size:
        raise InputError("mode_no_factor", path=str(path), line=tables.line_of(frame, missing[0]),
                         mode=frame["mode"].iloc[int(missing[0])])
    total = float(frame["share"].sum())
    if abs(total - 1.0) > tolerance:
        raise InputError("mode_shares_sum", path=str(path), total=round(total, 4))
    frame["share"] = frame["share"] / total
    return frame


def emission_per_pkm(kg_co2_pkm, kwh_pkm, grid_factor):
    """kgCO2 per passenger-km of each mode: direct factor + kWh/pkm × EF_grid (kgCO2/kWh)."""
    if grid_factor < 0:
        raise InputError("factor_negative")
    return np.asarray(kg_co2_pkm, dtype=float) + np.asarray(kwh_pkm, dtype=float) * grid_factor


def zone_shares(table_shares, given, tolerance=SHARE_TOLERANCE):
    """Mode shares of each zone: the table's, overridden where a zone gives its own.

    ``table_shares`` (m modes) sum to 1; ``given`` (n zones × m modes) holds a zone's own share or
    NaN where it has none. Given shares replace the table's; the modes a zone does not give share
    the remainder 1 − Σ given in proportion to their table shares. A zone is invalid (row of NaN)
    where a given share is negative, or its shares cannot sum to 1 within ``tolerance`` (given
    shares above 1 + tolerance, or all modes given and summing to another total). Valid rows are
    rescaled to sum to exactly 1. Returns ``(shares (n × m), invalid (n bool))``.
    """
    table_shares = np.asarray(table_shares, dtype=float)
    given = np.atleast_2d(np.asarray(given, dtype=float))
    has = ~np.isnan(given)
    given_values = np.where(has, given, 0.0)
    given_sum = given_values.sum(axis=1)
    rest_table = np.where(has, 0.0, table_shares[None, :]).sum(axis=1)
    remainder = np.clip(1.0 - given_sum, 0.0, None)
    scale = np.divide(remainder, rest_table, out=np.zeros_like(remainder), where=rest_table > 0)
    shares = np.where(has, given_values, table_shares[None, :] * scale[:, None])
    total = shares.sum(axis=1)
    invalid = (given_values < 0).any(axis=1) | (np.abs(total - 1.0) > tolerance)
    shares = shares / np.where(invalid | (total <= 0), 1.0, total)[:, None]
    shares[invalid] = np.nan
    return shares, invalid


def passenger_km(population, trip_rate, shares, trip_km):
    """Passenger-km a year per zone and mode (n × m): pop × trips/person/day × 365 × share_m × km_m.

    ``shares`` is n × m (or m, the same for every zone); NaN population gives a row of NaN.
    """
    if not trip_rate >= 0:
        raise InputError("trip_rate_negative", value=trip_rate)
    population = np.asarray(population, dtype=float)
    shares = np.asarray(shares, dtype=float)
    if shares.ndim == 1:
        shares = np.broadcast_to(shares, (len(population), len(shares)))
    trips = population * trip_rate * DAYS_PER_YEAR
    return trips[:, None] * shares * np.asarray(trip_km, dtype=float)[None, :]


def transport_co2_t(pkm, kg_per_pkm):
    """CO2 (t/a) per zone: Σ_m PKT_m (pkm/a) × EF_m (kgCO2/pkm) / 1000. NaN rows stay NaN."""
    return (np.asarray(pkm, dtype=float) * np.asarray(kg_per_pkm, dtype=float)[None, :]).sum(axis=1) / 1000.0


def green_share(shares, green):
    """Share of trips by green modes per zone: Σ share_m over modes flagged green (0..1)."""
    shares = np.atleast_2d(np.asarray(shares, dtype=float))
    return shares[:, np.asarray(green, dtype=bool)].sum(axis=1)


def trip_weighted_mean(values, trips):
    """Mean of ``values`` weighted by ``trips``, over zones where both are known and trips > 0;
    NaN when no zone has trips (e.g. the overall green share of a set of zones)."""
    values = np.asarray(values, dtype=float)
    trips = np.asarray(trips, dtype=float)
    use = ~np.isnan(values) & (trips > 0)
    if not use.any():
        return float("nan")
    return float((values[use] * trips[use]).sum() / trips[use].sum())
