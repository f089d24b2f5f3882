"""The synthetic daily rainfall shipped with the demo district (resources/sample_data/demo_daily_rainfall.csv,
written by scripts/demo_district/rainfall.py) reads through core/sponge and looks like a Jiaxing climate:
the bands below are the climate the generator's parameter table aims at, not observations."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import sponge

RAIN_CSV = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_daily_rainfall.csv"


@pytest.fixture(scope="module")
def series():
    rain, years = sponge.read_daily_rainfall(RAIN_CSV)
    dates = pd.to_datetime(pd.read_csv(RAIN_CSV, comment="#")["date"])
    return rain, years, dates


def test_header_says_synthetic():
    header = [line for line in RAIN_CSV.read_text(encoding="utf-8").splitlines()[:6] if line.startswith("#")]
    assert any("NOT observed" in line for line in header)
    assert RAIN_CSV.read_text(encoding="utf-8").splitlines()[len(header)] == "date,rain_mm"


def test_every_day_of_thirty_years(series):
    rain, years, dates = series
    # 1991–2020: 30 × 365 days + 8 leap days (1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020).
    assert years == 30 and rain.size == 30 * 365 + 8 == 10958
    assert dates.iloc[0] == pd.Timestamp("1991-01-01") and dates.iloc[-1] == pd.Timestamp("2020-12-31")
    assert (dates.diff().dropna() == pd.Timedelta(days=1)).all()
    assert np.array_equal(np.round(rain, 1), rain) and (rain == 0).mean() > 0.6


def test_annual_totals_and_wet_days(series):
    rain, _, dates = series
    by_year = pd.Series(rain).groupby(dates.dt.year.to_numpy())
    assert 1100 <= by_year.sum().mean() <= 1300                        # mm a year
    assert 110 <= by_year.apply(lambda r: (r > 0.1).sum()).mean() <= 150   # days > 0.1 mm a year
    assert 80 <= by_year.max().median() <= 200                         # wettest day of a typical year, mm


def test_plum_rain_months_are_the_wettest_pair(series):
    rain, _, dates = series
    monthly = pd.Series(rain).groupby(dates.dt.month.to_numpy()).sum().to_numpy()
    pairs = monthly + np.roll(monthly, -1)          # pairs[i] = month i+1 with the next (Dec with Jan)
    assert int(np.argmax(pairs)) == 5               # June + July


def test_design_rainfall_in_the_regional_band(series):
    rain, _, _ = series
    days = sponge.rain_days(rain)
    design = {target: sponge.design_rainfall_mm(days, target) for target in (0.70, 0.75, 0.80, 0.85)}
    print("demo design rainfall, mm:", {f"{t:.0%}": round(h, 1) for t, h in design.items()})
    assert list(design.values()) == sorted(design.values())
    # The sponge-city guideline (海绵城市建设技术指南, 2014) lists, for Yangtze-delta cities such as
    # Shanghai and Hangzhou, about 20–27 mm at a 75 % control rate [U: recalled, the table was not found
    # to check]; the band is widened by 1 mm each side for a 30-year synthetic sample.
    assert 19.0 <= design[0.75] <= 28.0
