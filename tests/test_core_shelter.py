"""core.shelter: the capacity-aware greedy assignment worked out by hand, capacities from the
standards table, flood flags, per-unit per-capita area, and straight-line vs network candidates."""
from pathlib import Path

import numpy as np
import pytest
import shapely

from lcr_toolkit.core import network, shelter
from lcr_toolkit.core.errors import InputError

TABLE = Path(__file__).resolve().parents[1] / "resources" / "factors" / "shelter_standards.csv"

# Shelters A at (0,0), capacity 100, and B at (400,0), capacity 80; reach 500 m, straight lines.
# Buildings on the x axis (x, residents):
#   B1 (50, 60):   A 50,  B 350        B3 (150, 30): A 150, B 250
#   B2 (100, 70):  A 100, B 300        B4 (300, 50): A 300, B 100      B5 (2000, 20): none in reach
# Round 1: A gets B1, B2, B3 (50, 100, 150 m): cumulative 60, 130, 160 against 100 →
#          B1 60, B2 40 (30 left), B3 0 (30 left). B gets B4: 50 of 80 (30 left at B).
# Round 2: B2 (300 m) and B3 (250 m) go to B, nearest first: B3 30 fits (cum 30 ≤ 30), B2 gets 0.
# Round 3: B2 has no third shelter: 30 unplaced; B5: 20 unplaced.
# Totals: A 100 (full), B 80 (full); placed 180, unplaced 50 of 230.
SHELTERS = [shapely.Point(0, 0), shapely.Point(400, 0)]
BUILDINGS = [shapely.Point(x, 0) for x in (50, 100, 150, 300, 2000)]
RESIDENTS = np.array([60, 70, 30, 50, 20.0])
CAPACITY = np.array([100, 80.0])


def test_greedy_assignment_spills_to_the_second_shelter_and_leaves_some_unplaced():
    b, s, d = shelter.candidates(BUILDINGS, SHELTERS, [500, 500])
    assert list(zip(b, s, d)) == [(0, 0, 50), (0, 1, 350), (1, 0, 100), (1, 1, 300), (2, 0, 150), (2, 1, 250),
                                  (3, 1, 100), (3, 0, 300)]
    out = shelter.assign(5, RESIDENTS, CAPACITY, b, s, d)
    assert out["assigned"].tolist() == [60, 40, 30, 50, 0]
    assert out["unplaced"].tolist() == [0, 30, 0, 0, 20]
    assert out["shelter"].tolist() == [0, 0, 1, 1, -1]
    assert out["load"].tolist() == [100, 80]
    assert (out["assigned"] + out["unplaced"] == RESIDENTS).all()


def test_max_candidates_and_zero_reach():
    # Only the nearest candidate kept: B2's 30 left after A cannot try B and stay unplaced;
    # B3 (0 at A) is unplaced too: unplaced 30 + 30 + 20 = 80, B holds only B4's 50.
    b, s, d = shelter.candidates(BUILDINGS, SHELTERS, [500, 500], max_candidates=1)
    out = shelter.assign(5, RESIDENTS, CAPACITY, b, s, d)
    assert out["unplaced"].tolist() == [0, 30, 30, 0, 20] and out["load"].tolist() == [100, 50]
    # Shelter A unusable (reach 0, as for a flooded one): B takes B4 100 m (50), B3 250 (30) → full.
    b, s, d = shelter.candidates(BUILDINGS, SHELTERS, [0, 500])
    out = shelter.assign(5, RESIDENTS, CAPACITY, b, s, d)
    assert out["assigned"].tolist() == [0, 0, 30, 50, 0] and out["load"].tolist() == [0, 80]


def test_network_candidates_are_longer_than_straight_lines():
    # One road along y = 0 from x = -100 to 500 (noded at x = 300), and a spur x = 300 from y = 0 up to 300.
    # Building at (300, 290) joins the spur at (300, 290) (access 0): to A 300 + 290 = 590 > 500 (out),
    # to B 100 + 290 = 390. Straight lines: A √(300² + 290²) = 417.3, B 304.8 (both in reach).
    net = network.build_network([shapely.LineString([(-100, 0), (300, 0), (500, 0)]),
                                 shapely.LineString([(300, 0), (300, 300)])])
    pts = [shapely.Point(300, 290)]
    b, s, d = shelter.candidates(pts, SHELTERS, [500, 500], net, network.snap(net, pts), network.snap(net, SHELTERS))
    assert s.tolist() == [1] and d == pytest.approx([390])
    b, s, d = shelter.candidates(pts, SHELTERS, [500, 500])
    assert s.tolist() == [1, 0] and d == pytest.approx([np.hypot(100, 290), np.hypot(300, 290)])


def test_standards_capacity_and_unverified_rows():
    table = shelter.read_standards(TABLE)
    assert (table["verified"].str.strip() == "no").all()
    per_cap, dist, found, unknown = shelter.shelter_standards(
        ["emergency", "长期", "Central", "tent", None], table, 600)
    assert per_cap.tolist() == [1.0, 4.5, 4.5, 2.0, 2.0]
    assert dist.tolist() == [500, 2500, 2500, 600, 600]       # unlisted and missing: SERVICE_DISTANCE
    assert found.tolist() == [True, True, True, False, False] and unknown == {"tent": 1}
    # capacity given wins; else floor(area / per capita): 3302.4 / 1.0 → 3302, 9000 / 4.5 → 2000.
    cap = shelter.capacities([3302.4, 9000, 100, np.nan], [1.0, 4.5, 2.0, 2.0], [np.nan, np.nan, 7, np.nan])
    assert cap.tolist() == [3302, 2000, 7, 0]


def test_standards_table_needs_default(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("shelter_type,per_cap_m2,distance_m\nemergency,1,500\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        shelter.read_standards(path)
    assert err.value.kind == "shelter_table_no_default"


def test_flooded_with_depth_threshold():
    zones = [shapely.box(-10, -10, 10, 10), shapely.box(390, -10, 410, 10)]
    pts = SHELTERS + [shapely.Point(1000, 0), None]
    assert shelter.flooded(pts, zones).tolist() == [1, 1, 0, 0]
    # depths 0.1 and NaN (missing counts), minimum 0.15: only the NaN zone floods B.
    assert shelter.flooded(pts, zones, [0.1, np.nan], 0.15).tolist() == [0, 1, 0, 0]


def test_unit_summary_per_capita_area():
    # Unit 0: buildings of 60 + 70 residents, shelter area 260 m² → 2.0 m²/person ≥ 2.0 → meets.
    # Unit 1: 30 residents, 50 m² → 1.67 < 2.0. Unit 2: nobody → NaN, 0.
    out = shelter.unit_summary(np.array([0, 0, 1, -1]), [60, 70, 30, 5], [1, 0, 1, 1], np.array([0, 20, 30, 0.0]),
                               np.array([0, 1, -1]), np.array([260, 50, 999.0]), 3, 2.0)
    assert out["pop"].tolist() == [130, 30, 0] and out["pop_reach"].tolist() == [60, 30, 0]
    assert out["pop_unplaced"].tolist() == [20, 30, 0]
    assert out["shelter_m2_cap"][:2] == pytest.approx([2.0, 50 / 30]) and np.isnan(out["shelter_m2_cap"][2])
    assert out["meets_std"].tolist() == [1, 0, 0]
