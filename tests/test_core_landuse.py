"""core.landuse: entropy against hand-computed values, categories, the overlay and a hand-drawn two-zone tally."""
import math

import numpy as np
import pytest
import shapely

from lcr_toolkit.core import landuse
from lcr_toolkit.core.errors import InputError


@pytest.mark.parametrize("shares, k, expected", [
    ([0.25, 0.25, 0.25, 0.25], 4, 1.000000),     # four equal shares → 1
    ([0.5, 0.3, 0.2], 3, 0.937231),              # −(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) / ln 3
    ([0.5, 0.3, 0.2], 4, 0.742738),              # same numerator / ln 4
    ([0.6, 0.4], 4, 0.485475),                   # −(0.6 ln 0.6 + 0.4 ln 0.4) / ln 4
])
def test_entropy_domain_spot_values(shares, k, expected):
    assert landuse.entropy(shares, k)[0] == pytest.approx(expected, abs=5e-7)
    # Areas in hectares instead of shares give the same value (each row is normalised).
    assert landuse.entropy([s * 37.0 for s in shares], k)[0] == pytest.approx(expected, abs=5e-7)


def test_entropy_rows_single_use_and_no_land():
    areas = np.array([[5.0, 3.0, 2.0, 0.0],    # zero share counts 0: same as (0.5, 0.3, 0.2)
                      [7.0, 0.0, 0.0, 0.0],    # a single use: 0, whatever K (even K = 1)
                      [0.0, 0.0, 0.0, 0.0]])   # no land: NaN
    h = landuse.entropy(areas, [3, 1, 4])
    assert h[0] == pytest.approx(0.937231, abs=5e-7)
    assert h[1] == 0.0
    assert math.isnan(h[2])


def test_hhi():
    # 0.5² + 0.3² + 0.2² = 0.38; four equal shares 4 × 0.0625 = 0.25; one use 1.
    assert landuse.hhi([[5, 3, 2, 0], [1, 1, 1, 1], [0, 9, 0, 0]]).tolist() == pytest.approx([0.38, 0.25, 1.0])


def test_category_keys_digits_numbers_and_override():
    codes = np.array(["0701", " 0703 ", "1401", None, "", 701.0], dtype=object)
    # 701.0: the code 0701 stored in a numeric field, which dropped its leading zero
    assert landuse.category_keys(codes).tolist() == ["0701", "0703", "1401", None, None, "0701"]
    assert landuse.category_keys(codes, 2).tolist() == ["07", "07", "14", None, None, "07"]
    override = np.array([None, "mixed", None, "park", None, None], dtype=object)
    assert landuse.category_keys(codes, 2, override).tolist() == ["07", "mixed", "14", "park", None, "07"]


@pytest.mark.parametrize("stored, code", [
    (701, "0701"), (701.0, "0701"), ("701", "0701"), ("701.0", "0701"), (" 0701 ", "0701"),
    (70101, "070101"), (7, "07"), (1401, "1401"), ("r2", "R2"), ("05H1", "05H1"), (None, None),
    ("", None), (float("nan"), None), (float("inf"), None),
])
def test_codes_that_lost_their_leading_zero_get_it_back(stored, code):
    assert landuse.normalise_codes([stored]).tolist() == [code]


def test_parse_category_list():
    assert landuse.parse_category_list(" 17, 12，05;; ") == {"17", "12", "05"}
    assert landuse.parse_category_list("") == set()


def test_overlay_splits_a_straddling_parcel():
    zones = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
    parcels = np.array([shapely.box(10, 10, 20, 20),     # inside zone 0: its own area, 100
                        shapely.box(50, 0, 150, 100),    # 5000 in each zone
                        shapely.box(200, 0, 210, 10),    # touches zone 1 along x = 200 only: no pair
                        None], dtype=object)
    f, z, a = landuse.overlay(parcels, zones)
    pairs = sorted(zip(f.tolist(), z.tolist(), a.tolist()))
    assert pairs == [(0, 0, 100.0), (1, 0, 5000.0), (1, 1, 5000.0)]


@pytest.fixture
def two_zones():
    """Zone A = [0,100]², zone B = [100,200]×[0,100], 1 ha each. Parcels:
    p1 0701 residential [0,50]×[0,100], 5000 m² in A, FAR 2, 100 residents, 10 jobs;
    p2 0901 commercial [50,150]×[0,100], straddles: 5000 m² in A and in B, FAR 1, 40 residents, 200 jobs;
    p3 1401 park [150,200]×[0,50], 2500 m² in B, FAR 0; p4 1701 water [150,200]×[50,100], 2500 m² in B.
    """
    zones = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
    parcels = np.array([shapely.box(0, 0, 50, 100), shapely.box(50, 0, 150, 100),
                        shapely.box(150, 0, 200, 50), shapely.box(150, 50, 200, 100)], dtype=object)
    codes = np.array(["0701", "0901", "1401", "1701"], dtype=object)
    return zones, parcels, codes, dict(far=np.array([2.0, 1.0, 0.0, np.nan]),
                                      residents=np.array([100.0, 40.0, 0.0, np.nan]),
                                      jobs=np.array([10.0, 200.0, 0.0, 0.0]))


def test_tally_two_zones_by_hand(two_zones):
    zones, parcels, codes, values = two_zones
    tally = landuse.LandUseTally(zones, excluded={"17"})
    tally.add(parcels, landuse.category_keys(codes, 2), **values)
    table = tally.land_table()
    assert list(table.columns) == ["07", "09", "14"]                 # water 17 left out
    assert table.to_numpy().tolist() == [[5000, 5000, 0], [0, 5000, 2500]]
    assert tally.excluded_m2.tolist() == [0, 2500]

    h, k, hhi, _ = landuse.mix(table, landuse.K_STUDY_AREA)
    assert k.tolist() == [3, 3]
    # A: (0.5, 0.5) → ln 2 / ln 3 = 0.630930; B: (2/3, 1/3) → 0.636514 / ln 3 = 0.579380.
    assert h.tolist() == pytest.approx([0.630930, 0.579380], abs=5e-7)
    assert hhi.tolist() == pytest.approx([0.5, 5 / 9])               # 0.25 + 0.25; 4/9 + 1/9

    h, k, _, _ = landuse.mix(table, landuse.K_IN_ZONE)
    assert k.tolist() == [2, 2]
    assert h.tolist() == pytest.approx([1.0, 0.918296], abs=5e-7)     # B: binary entropy of 1/3

    h, k, _, over = landuse.mix(table, landuse.K_FIXED, 4)
    assert h.tolist() == pytest.approx([0.5, 0.459148], abs=5e-7)     # ln 2 / ln 4; 0.636514 / ln 4
    assert over == 0

    # GFA: A = 2 × 5000 + 1 × 5000 = 15 000 m², B = 1 × 5000 + 0 × 2500 = 5000 m² (water's FAR is NULL).
    assert tally.gfa_m2.tolist() == pytest.approx([15000, 5000])
    assert tally.counts["no_intensity"] == 1
    # Residents: A = 100 + 40/2 = 120, B = 40/2 = 20. Jobs: A = 10 + 100 = 110, B = 100.
    assert tally.residents.tolist() == pytest.approx([120, 20])
    assert tally.jobs.tolist() == pytest.approx([110, 100])

    land = np.array([10_000.0, 10_000.0]) - tally.excluded_m2
    far, density, ratio = landuse.intensity(tally.gfa_m2, tally.residents, tally.jobs, [10_000, 10_000], land)
    assert far.tolist() == pytest.approx([1.5, 5000 / 7500])          # 15 000 / 10 000; 5000 / 7500
    assert density.tolist() == pytest.approx([120, 20])               # per 1 ha
    assert ratio.tolist() == pytest.approx([110 / 120, 5.0])
    _, _, half = landuse.intensity(None, tally.residents, tally.jobs, [10_000, 10_000], land, worker_share=0.5)
    assert half.tolist() == pytest.approx([110 / 60, 10.0])


def test_tally_over_chunks_equals_one_pass(two_zones):
    zones, parcels, codes, values = two_zones
    whole = landuse.LandUseTally(zones, excluded={"17"})
    whole.add(parcels, landuse.category_keys(codes, 2), **values)
    split = landuse.LandUseTally(zones, excluded={"17"})
    for part in (slice(0, 1), slice(1, 4)):
        split.add(parcels[part], landuse.category_keys(codes[part], 2),
                  **{k: v[part] for k, v in values.items()})
    assert split.land_table().equals(whole.land_table())
    assert split.residents.tolist() == whole.residents.tolist()


def test_intensity_nulls():
    far, density, ratio = landuse.intensity(None, [0.0], [5.0], [10_000.0], [10_000.0])
    assert math.isnan(far[0]) and density[0] == 0.0 and math.isnan(ratio[0])     # 0 residents → no ratio


def test_fixed_k_must_be_two_or_more():
    table = landuse.LandUseTally([shapely.box(0, 0, 1, 1)]).land_table()
    with pytest.raises(InputError) as err:
        landuse.mix(table, landuse.K_FIXED, 1)
    assert err.value.kind == "k_fixed_too_small"


def test_area_weighted_mean():
    # (0.5 × 1 + 1.0 × 3) / 4 = 0.875; the NaN zone is left out.
    assert landuse.area_weighted_mean([0.5, 1.0, np.nan], [1, 3, 10]) == pytest.approx(0.875)
