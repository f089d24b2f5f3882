"""A synthetic daily rainfall series for the demo district (resources/sample_data/demo_daily_rainfall.csv),
so that the runoff-volume control rate (lcr:sponge_capture, core/sponge.py) can be worked out on the demo.

NOT observed data. Each day of 1991-01-01 … 2020-12-31 is wet with its month's probability; a wet day's
amount is a mixed exponential (two exponentials, as often fitted to daily rainfall): with the month's heavy
share an exponential of the heavy mean, otherwise one of the light mean. The heavy mean follows from the
month's total, wet days and light mean; fewer but heavier heavy days in August–September stand for typhoons.
Amounts are rounded to 0.1 mm, and a wet day holds at least 0.1 mm.
Only numpy's Generator and elementwise products are used, so the series is the same on every machine.
"""
import numpy as np
import pandas as pd

SEED = 19912020
FIRST_DAY, LAST_DAY = "1991-01-01", "2020-12-31"

# Rough monthly parameters, chosen by the team for a plausible demo climate of Jiaxing (northern Zhejiang,
# Yangtze delta: ~1,200 mm and ~130 wet days a year, plum rains in June–July, typhoons in Aug–Sep, driest
# in Dec–Jan). They are NOT fitted to, nor taken from, any station record.
#   wet_days    mean days a month with rain ≥ 0.1 mm
#   total_mm    mean monthly total
#   heavy_share share of wet days drawn from the heavy component
#   light_mm    mean amount of a light day (the heavy mean keeps total_mm: see heavy_mm below)
MONTHS = pd.DataFrame(
    [
        # month wet_days total_mm heavy_share light_mm
        (1, 9.5, 58.0, 0.40, 3.0),
        (2, 10.0, 68.0, 0.40, 3.0),
        (3, 13.5, 100.0, 0.45, 3.0),
        (4, 12.5, 92.0, 0.45, 3.0),
        (5, 12.5, 102.0, 0.45, 3.0),
        (6, 14.5, 190.0, 0.45, 3.0),
        (7, 12.0, 150.0, 0.40, 3.0),
        (8, 12.0, 140.0, 0.30, 3.0),
        (9, 10.0, 115.0, 0.30, 3.0),
        (10, 8.5, 66.0, 0.40, 3.0),
        (11, 8.5, 64.0, 0.40, 3.0),
        (12, 8.0, 45.0, 0.40, 3.0),
    ],
    columns=["month", "wet_days", "total_mm", "heavy_share", "light_mm"],
).set_index("month")
# 10–32 mm: lowest in Dec, highest in Aug–Sep.
MONTHS["heavy_mm"] = (MONTHS["total_mm"] / MONTHS["wet_days"]
                      - (1.0 - MONTHS["heavy_share"]) * MONTHS["light_mm"]) / MONTHS["heavy_share"]


def daily_rainfall(seed=SEED):
    """Daily rainfall (mm, 0.1 mm steps, 0.0 on dry days) from FIRST_DAY to LAST_DAY, as a frame with
    columns ``date`` (datetime64) and ``rain_mm``."""
    dates = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    month = MONTHS.loc[dates.month]
    p_wet = month["wet_days"].to_numpy() / dates.days_in_month.to_numpy()
    rng = np.random.default_rng(seed)
    wet = rng.random(dates.size) < p_wet
    heavy = rng.random(dates.size) < month["heavy_share"].to_numpy()
    mean_mm = np.where(heavy, month["heavy_mm"].to_numpy(), month["light_mm"].to_numpy())
    amount = rng.standard_exponential(dates.size) * mean_mm
    # Rounding to tenths goes through integers so that no float formatting can differ between machines.
    tenths = np.maximum(np.rint(amount * 10.0), 1.0)
    return pd.DataFrame({"date": dates, "rain_mm": np.where(wet, tenths, 0.0) / 10.0})


HEADER = """\
# Synthetic daily rainfall for the lcr_toolkit demo district (made up, near Jiaxing, Zhejiang).
# NOT observed data: drawn by scripts/demo_district/rainfall.py from rough monthly parameters chosen for
# a plausible demo climate (about 1,200 mm and 130 wet days a year, wettest in June-July).
# Columns: date (ISO 8601, every day 1991-01-01 to 2020-12-31), rain_mm (daily total, mm, 0.1 mm steps).
"""


def write_rainfall_csv(path, frame):
    """Write the series as ``date,rain_mm`` under the ``#`` header lines (read_csv_table skips them)."""
    tenths = np.rint(frame["rain_mm"].to_numpy() * 10.0).astype(np.int64)
    lines = [f"{day},{t // 10}.{t % 10}" for day, t in zip(frame["date"].dt.strftime("%Y-%m-%d"), tenths)]
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(HEADER + "date,rain_mm\n" + "\n".join(lines) + "\n")
