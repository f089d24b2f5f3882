"""core.cover_shares on hand-drawn zones and land cover, with shares and retentions worked out by hand."""
import numpy as np
import pytest
import shapely

from lcr_toolkit.core import cover_shares

ZONES = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100), shapely.box(0, 500, 10, 510)]
# C0 straddles Z0 and Z1 (5 000 m² in each), impervious, R = 0.1; C1 lies in Z0 (5 000 m²), R = 0.8;
# C2 lies in Z1 (2 500 m²), no curve number; C3 lies in no zone. Z2 holds no land cover.
COVER = [shapely.box(50, 0, 150, 100), shapely.box(0, 0, 50, 100), shapely.box(150, 0, 200, 50),
         shapely.box(500, 500, 510, 510)]
IMPERVIOUS = [True, False, False, False]
RETENTION = [0.1, 0.8, np.nan, 0.5]


def test_storm_retention_matches_the_scs_curve_number_method():
    # P = 100 mm: CN 98 → Q = 94.04 mm, CN 61 → Q = 19.83 mm (TR-55 in metric units).
    # P = 40 mm, CN 80: S = 25400/80 − 254 = 63.5, Ia = 12.7, Q = 27.3² / (40 + 50.8) = 8.2081 mm.
    retention = cover_shares.storm_retention([98.0, 61.0, np.nan], 100.0)
    assert retention[:2] == pytest.approx([1 - 94.04 / 100, 1 - 19.83 / 100], abs=1e-4)
    assert np.isnan(retention[2])
    assert cover_shares.storm_retention([80.0], 40.0)[0] == pytest.approx(1 - 8.2081 / 40, abs=1e-5)
    # CN 100 (open water) retains nothing; a storm below Ia = 0.2 S is retained whole.
    assert cover_shares.storm_retention([100.0, 61.0], 20.0).tolist() == pytest.approx([0.0, 1.0])


def test_shares_by_hand():
    sums = cover_shares.CoverSums.empty(3)
    assert sums.add(ZONES, COVER, IMPERVIOUS, RETENTION) == 1            # C3 overlaps no zone
    assert sums.cover_m2.tolist() == [10000.0, 7500.0, 0.0]
    assert sums.known_m2.tolist() == [10000.0, 5000.0, 0.0]
    shares = cover_shares.cover_shares(sums)
    # Z0: impervious 5 000 / 10 000; retaining ≥ 0.7: C1's 5 000 / 10 000; (5 000·0.1 + 5 000·0.8) / 10 000.
    # Z1: impervious 5 000 / 7 500; none retains 0.7; C2 has no curve number: 5 000·0.1 / 5 000.
    np.testing.assert_allclose(shares["impervious_pct"], [50.0, 200 / 3, np.nan])
    np.testing.assert_allclose(shares["sponge_area_pct"], [50.0, 0.0, np.nan])
    np.testing.assert_allclose(shares["retention"], [0.45, 0.1, np.nan])
    without = cover_shares.cover_shares(sums, with_impervious=False)
    assert np.isnan(without["impervious_pct"]).all()
    np.testing.assert_array_equal(without["retention"], shares["retention"])


def test_chunks_add_up_and_units_scale_areas_only():
    whole = cover_shares.CoverSums.empty(3)
    whole.add(ZONES, COVER, IMPERVIOUS, RETENTION)
    chunked = cover_shares.CoverSums.empty(3)
    for part in (slice(0, 1), slice(1, 4)):
        chunked.add(ZONES, COVER[part], IMPERVIOUS[part], RETENTION[part])
    for name in ("cover_m2", "impervious_m2", "known_m2", "sponge_m2", "retained_m2"):
        np.testing.assert_array_equal(getattr(chunked, name), getattr(whole, name))
    # A CRS in units of 2 m: every area ×4, every share the same.
    scaled = cover_shares.CoverSums.empty(3)
    scaled.add(ZONES, COVER, IMPERVIOUS, RETENTION, to_m2=4.0)
    assert scaled.cover_m2.tolist() == [40000.0, 30000.0, 0.0]
    for name in ("impervious_pct", "sponge_area_pct", "retention"):
        np.testing.assert_allclose(cover_shares.cover_shares(scaled)[name], cover_shares.cover_shares(whole)[name])
    total = cover_shares.cover_shares(whole.total())
    assert total["impervious_pct"][0] == pytest.approx(100 * 10000 / 17500)
    assert total["retention"][0] == pytest.approx((500 + 4000 + 500) / 15000)


def test_sponge_share_is_inclusive_and_configurable():
    zone = [shapely.box(0, 0, 10, 10)]
    cover = [shapely.box(0, 0, 5, 10), shapely.box(5, 0, 10, 10)]
    sums = cover_shares.CoverSums.empty(1)
    sums.add(zone, cover, [False, False], [0.7, 0.69])
    assert cover_shares.cover_shares(sums)["sponge_area_pct"].tolist() == [50.0]
    strict = cover_shares.CoverSums.empty(1)
    strict.add(zone, cover, [False, False], [0.7, 0.69], sponge_share=0.5)
    assert cover_shares.cover_shares(strict)["sponge_area_pct"].tolist() == [100.0]
