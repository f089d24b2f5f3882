"""core.shelter: the capacity-aware assignment (optimum and greedy) worked out by hand, capacities
from the standards table, flood flags, per-unit per-capita area, and straight-line vs network candidates."""
from pathlib import Path

import numpy as np
import pytest
import shapely
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from lcr_toolkit.core import network, shelter
from lcr_toolkit.core.errors import Canceled, InputError

TABLE = Path(__file__).resolve().parents[1] / "resources" / "factors" / "shelter_standards.csv"

# Shelters A at (0,0), capacity 100, and B at (400,0), capacity 80; reach 500 m, straight lines.
# Buildings on the x axis (x, residents):
#   B1 (50, 60):   A 50,  B 350        B3 (150, 30): A 150, B 250
#   B2 (100, 70):  A 100, B 300        B4 (300, 50): A 300, B 100      B5 (2000, 20): none in reach
# Most placed: capacity 180 < 210 in reach, so 180 placed, 30 of B1–B4 and B5's 20 unplaced.
# Least walking among those: moving a person from A to B costs d_B − d_A = 300, 200, 100, −200 m for
# B1–B4, so B takes B4 (50) and then B3 (30); A takes B1 60 and B2 40; B2's other 30 stay out.
# Person-metres 60·50 + 40·100 + 30·250 + 50·100 = 19 500. Any other split of A's 100 among
# B1–B3 (with B3 going to A) or of B's 80 walks farther: e.g. B2's 30 at B instead of B3 + 3 000.
# The old greedy (nearest first, spill to the next shelter) happens to find the same here.
SHELTERS = [shapely.Point(0, 0), shapely.Point(400, 0)]
BUILDINGS = [shapely.Point(x, 0) for x in (50, 100, 150, 300, 2000)]
RESIDENTS = np.array([60, 70, 30, 50, 20.0])
CAPACITY = np.array([100, 80.0])


def test_assignment_spills_to_the_second_shelter_and_leaves_some_unplaced():
    b, s, d = shelter.candidates(BUILDINGS, SHELTERS, [500, 500])
    assert list(zip(b, s, d)) == [(0, 0, 50), (0, 1, 350), (1, 0, 100), (1, 1, 300), (2, 0, 150), (2, 1, 250),
                                  (3, 1, 100), (3, 0, 300)]
    for assign in (shelter.assign, shelter.assign_greedy):
        out = assign(5, RESIDENTS, CAPACITY, b, s, d)
        assert out["assigned"].tolist() == [60, 40, 30, 50, 0]
        assert out["unplaced"].tolist() == [0, 30, 0, 0, 20]
        assert out["shelter"].tolist() == [0, 0, 1, 1, -1]
        assert out["load"].tolist() == [100, 80]
        assert (out["persons"] * d).sum() == 19_500
        assert (out["assigned"] + out["unplaced"] == RESIDENTS).all()
    assert shelter.assign(5, RESIDENTS, CAPACITY, b, s, d)["method"] == "optimal"


def test_optimum_places_whom_the_greedy_leaves_out_and_walks_less():
    # A at (0,0) and B at (400,0), 10 places each. P at (100,0), 10 residents: A 100, B 300.
    # Q at (−300,0), 10 residents: A 300, B 700.
    # Reach 500: Q reaches only A. Greedy: A takes the nearer P and is full; Q has no other shelter:
    # 10 unplaced, B empty. Optimum: Q at A, P at B: all 20 placed, 10·300 + 10·300 = 6 000 person-m.
    pts = [shapely.Point(100, 0), shapely.Point(-300, 0)]
    residents, capacity = np.array([10, 10.0]), np.array([10, 10.0])
    b, s, d = shelter.candidates(pts, SHELTERS, [500, 500])
    greedy = shelter.assign_greedy(2, residents, capacity, b, s, d)
    assert greedy["unplaced"].tolist() == [0, 10] and greedy["load"].tolist() == [10, 0]
    best = shelter.assign(2, residents, capacity, b, s, d)
    assert best["method"] == "optimal"
    assert best["assigned"].tolist() == [10, 10] and best["unplaced"].tolist() == [0, 0]
    assert best["shelter"].tolist() == [1, 0] and best["load"].tolist() == [10, 10]
    assert (best["persons"] * d).sum() == 6_000
    # Reach 800: Q reaches B too. Both place all 20, but the greedy sends Q to B: 10·100 + 10·700
    # = 8 000 person-m against the optimum's 6 000.
    b, s, d = shelter.candidates(pts, SHELTERS, [800, 800])
    greedy = shelter.assign_greedy(2, residents, capacity, b, s, d)
    best = shelter.assign(2, residents, capacity, b, s, d)
    assert greedy["unplaced"].sum() == best["unplaced"].sum() == 0
    assert (greedy["persons"] * d).sum() == 8_000 and (best["persons"] * d).sum() == 6_000
    # Above max_pairs the greedy stands in, and says so.
    assert shelter.assign(2, residents, capacity, b, s, d, max_pairs=3)["method"] == "greedy"


def test_optimum_places_as_many_as_a_maximum_flow():
    # Random whole-person instance: the LP's placed total equals the max flow of the network
    # source → building (residents) → shelter (pairs) → sink (capacity), found by scipy's
    # Edmonds–Karp, and is never below the greedy's; conservation and capacities hold.
    rng = np.random.default_rng(7)
    n_b, n_s = 300, 12
    bx, sx = rng.uniform(0, 3000, (n_b, 2)), rng.uniform(0, 3000, (n_s, 2))
    residents, capacity = rng.integers(0, 60, n_b).astype(float), rng.integers(50, 900, n_s).astype(float)
    b, s, d = shelter.candidates(shapely.points(bx), shapely.points(sx), np.full(n_s, 600.0))
    best = shelter.assign(n_b, residents, capacity, b, s, d)
    greedy = shelter.assign_greedy(n_b, residents, capacity, b, s, d)
    size = n_b + n_s + 2
    rows = np.r_[np.zeros(n_b, int), 1 + b, 1 + n_b + np.arange(n_s)]
    cols = np.r_[1 + np.arange(n_b), 1 + n_b + s, np.full(n_s, size - 1)]
    caps = np.r_[residents, np.full(b.size, residents.sum()), capacity].astype(np.int32)
    flow = csgraph.maximum_flow(sparse.csr_matrix((caps, (rows, cols)), shape=(size, size)), 0, size - 1)
    assert best["assigned"].sum() == flow.flow_value
    assert best["assigned"].sum() >= greedy["assigned"].sum()
    assert (best["load"] <= capacity).all() and (best["assigned"] + best["unplaced"] == residents).all()
    assert (best["persons"] == np.round(best["persons"])).all()      # a vertex: whole persons


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


def test_network_candidates_one_search_per_service_distance():
    # A road y = 0 from x = 0 to 3000, noded at x = 1000. Emergency shelter E at x = 0 (reach 500 m), central
    # shelter C at x = 100 (reach 2500 m); buildings on the road (access 0) at x = 300, 450, 700, 2400, 2700:
    #   E: 300, 450 (700 and beyond > 500: out, though one search of both shelters runs to 2500 m)
    #   C: 200, 350, 600, 2300 (through the node at 1000: 900 + 1400), 2600 > 2500 out.
    net = network.build_network([shapely.LineString([(0, 0), (1000, 0)]), shapely.LineString([(1000, 0), (3000, 0)])])
    homes = [shapely.Point(x, 0) for x in (300, 450, 700, 2400, 2700)]
    shelters = [shapely.Point(0, 0), shapely.Point(100, 0)]
    b, s, d = shelter.candidates(homes, shelters, [500, 2500], net, network.snap(net, homes),
                                 network.snap(net, shelters))
    assert list(zip(b.tolist(), s.tolist())) == [(0, 1), (0, 0), (1, 1), (1, 0), (2, 1), (3, 1)]
    assert d == pytest.approx([200, 300, 350, 450, 600, 2300])
    # The far central shelter is the only place for the two buildings beyond E's reach: with room for 100 at
    # C and 1000 at E, the optimum sends them (50 each) to C and the near two to E: all 200 placed.
    out = shelter.assign(5, np.full(5, 50.0), np.array([1000.0, 100.0]), b, s, d)
    assert out["assigned"].tolist() == [50, 50, 50, 50, 0] and out["load"].tolist() == [100, 100]
    assert out["shelter"].tolist() == [0, 0, 1, 1, -1]


def test_network_candidates_per_distance_equal_one_search_of_all():
    # On a jittered street grid with shelters of three service distances, the searches per distance give
    # the very pairs and distances (to the last bit) of one search of all shelters filtered per shelter.
    rng = np.random.default_rng(51143)
    xy = np.stack(np.meshgrid(np.arange(25) * 120.0, np.arange(25) * 120.0, indexing="ij"), axis=-1)
    xy = xy + rng.uniform(-15, 15, size=xy.shape)
    lines = [shapely.LineString([xy[i, j], xy[i + 1, j]]) for i in range(24) for j in range(25)]
    lines += [shapely.LineString([xy[i, j], xy[i, j + 1]]) for i in range(25) for j in range(24)]
    net = network.build_network([line for line in lines if rng.random() > 0.1])
    homes = shapely.points(rng.uniform(0, 2900, size=(600, 2)))
    shelters = shapely.points(rng.uniform(0, 2900, size=(40, 2)))
    reach = rng.choice([0.0, 500.0, 1000.0, 2500.0], size=40)
    h_snap, s_snap = network.snap(net, homes, 100), network.snap(net, shelters, 100)
    b, s, d = shelter.candidates(homes, shelters, reach, net, h_snap, s_snap)
    s_all, b_all, d_all = network.pair_distances(net, s_snap, h_snap, reach)
    order = np.lexsort((s_all, d_all, b_all))
    assert b.size > 1000 and set(np.unique(reach[s])) == {500.0, 1000.0, 2500.0}
    assert np.array_equal(b, b_all[order]) and np.array_equal(s, s_all[order]) and np.array_equal(d, d_all[order])


def test_standards_capacity_and_unverified_rows():
    table = shelter.read_standards(TABLE)
    # 1 m² (emergency) and 2 m² (fixed, the default row) per evacuee: GB 50413-2007 §8.2.8, quoted in
    # exam keys; the other classes' areas and distances are placeholders (GB 51143-2015 not read)
    verified = dict(zip(table["shelter_type"], table["verified"].str.strip()))
    assert verified == {"emergency": "yes", "short_term": "no", "medium_term": "no", "long_term": "no",
                        "central": "no", "default": "yes"}
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


def test_fixed_shelters_are_all_classes_but_emergency():
    table = shelter.read_standards(TABLE)
    fixed, unknown = shelter.fixed_shelters(
        ["emergency", " 紧急 ", "long_term", "中心", None, "bunker", "Short_Term"], table)
    assert fixed.tolist() == [False, False, True, True, True, True, True]
    assert unknown == {"bunker": 1}


def test_fixed_capacity_per_hundred_residents():
    # Zone 0: 300 + 50 (the emergency 500 left out) for 1 000 residents → 35 %; zone 1: 80 for nobody;
    # zone 2: a NaN and a negative capacity count 0; the shelter in no zone counts nowhere.
    result = shelter.fixed_capacity([0, 0, 0, 1, 2, 2, -1], [300, 500, 50, 80, np.nan, -5, 1000],
                                    [True, False, True, True, True, True, True], [1000, 0, 200], 3)
    assert result["fixed_cap"].tolist() == [350.0, 80.0, 0.0]
    np.testing.assert_array_equal(result["shelter_cap_pct"], [35.0, np.nan, 0.0])


# ---- pieces, time limit and cancel -------------------------------------------------------------
# Two towns 10 km apart, each with the SHELTERS/BUILDINGS layout above: no pair joins them, so each
# town is an independent group and the optimum of the whole is the optimum of each.
def two_towns():
    far = [shapely.Point(p.x + 10_000, p.y) for p in BUILDINGS]
    shelters = SHELTERS + [shapely.Point(p.x + 10_000, p.y) for p in SHELTERS]
    b, s, d = shelter.candidates(BUILDINGS + far, shelters, [500] * 4)
    return b, s, d, np.r_[RESIDENTS, RESIDENTS], np.r_[CAPACITY, CAPACITY]


def test_independent_groups_are_solved_apart_with_the_same_optimum():
    b, s, d, residents, capacity = two_towns()
    pieces, left_out = shelter._pieces(residents, capacity, b, s, piece_pairs=8, max_group=100)
    assert [sorted(set(s[p].tolist())) for p in pieces] == [[0, 1], [2, 3]] and left_out.size == 0
    together, _ = shelter._pieces(residents, capacity, b, s, piece_pairs=20, max_group=100)   # packed in one
    assert len(together) == 1 and together[0].size == 16
    out = shelter.assign(10, residents, capacity, b, s, d)
    assert out["method"] == "optimal" and out["greedy_pairs"] == 0
    assert out["assigned"].tolist() == [60, 40, 30, 50, 0] * 2 and out["load"].tolist() == [100, 80] * 2
    assert (out["persons"] * d).sum() == 2 * 19_500


def test_a_group_too_large_for_the_solver_goes_to_the_greedy(monkeypatch):
    b, s, d, residents, capacity = two_towns()
    monkeypatch.setattr(shelter, "LP_MAX_GROUP_PAIRS", 7)
    pieces, left_out = shelter._pieces(residents, capacity, b, s, piece_pairs=20, max_group=7)
    assert pieces == [] and left_out.size == 16
    # The greedy finds the optimum here too (see the first test), so only the method tells.
    out = shelter.assign(10, residents, capacity, b, s, d)
    assert out["method"] == "greedy" and out["greedy_pairs"] == 16 and out["pieces"] == 0


def test_a_piece_the_solver_does_not_finish_goes_to_the_greedy(monkeypatch):
    # The optimum fails (as on its iteration budget) for the second town only: "mixed".
    b, s, d, residents, capacity = two_towns()
    solve = shelter._optimal_persons
    monkeypatch.setattr(shelter, "_optimal_persons",
                        lambda r, c, pb, ps, pd_, bounded: None if ps.min() >= 2 else solve(r, c, pb, ps, pd_, bounded))
    monkeypatch.setattr(shelter, "LP_PIECE_PAIRS", 8)
    out = shelter.assign(10, residents, capacity, b, s, d)
    assert out["method"] == "mixed" and out["greedy_pairs"] == 8 and out["pieces"] == 2
    assert out["load"].tolist() == [100, 80, 100, 80]


def scarce_town(seed=0):
    """4,000 buildings and 1,000 shelters holding 80 % of the residents, each building in reach of its 5
    nearest: a piece of 20,000 pairs on which HiGHS needs thousands of simplex iterations."""
    rng = np.random.default_rng(seed)
    homes, places = rng.uniform(0, 5000, (4000, 2)), rng.uniform(0, 5000, (1000, 2))
    residents = rng.integers(1, 200, 4000).astype(float)
    capacity = rng.uniform(0.2, 1.8, 1000)
    capacity = np.round(capacity / capacity.sum() * residents.sum() * 0.8)
    d, j = cKDTree(places).query(homes, 5)
    return np.repeat(np.arange(4000), 5), j.ravel(), d.ravel(), residents, capacity


def test_the_budget_is_iterations_so_a_busy_machine_gives_the_same_assignment(monkeypatch):
    """The piece is solved when its budget holds the iterations HiGHS needs and goes to the greedy when it
    holds one fewer, however fast the machine runs (a time limit made the answer depend on the load)."""
    b, s, d, residents, capacity = scarce_town()
    needed = []
    original = shelter.optimize.linprog

    def counted(*args, **kwargs):
        solved = original(*args, **kwargs)
        needed.append(solved.nit)
        return solved

    monkeypatch.setattr(shelter.optimize, "linprog", counted)
    assert shelter.assign_optimal(4000, residents, capacity, b, s, d) is not None   # unbounded: the optimum
    assert needed[-1] > 1000 and shelter.lp_iterations(b.size) >= needed[-1]
    exact = shelter.assign(4000, residents, capacity, b, s, d)
    assert exact["method"] == "optimal"
    monkeypatch.setattr(shelter, "LP_ITERATIONS", needed[-1] + 1)   # HiGHS stops on reaching the limit
    assert shelter.assign(4000, residents, capacity, b, s, d)["persons"].tolist() == exact["persons"].tolist()
    monkeypatch.setattr(shelter, "LP_ITERATIONS", needed[-1] - 1)
    assert shelter.assign(4000, residents, capacity, b, s, d)["method"] == "greedy"


def test_larger_pieces_get_fewer_iterations():
    assert shelter.lp_iterations(500) == shelter.lp_iterations(shelter.LP_PIECE_PAIRS) == shelter.LP_ITERATIONS
    assert shelter.lp_iterations(5 * shelter.LP_PIECE_PAIRS) == shelter.LP_ITERATIONS // 5


def test_cancel_between_pieces_and_batches():
    b, s, d, residents, capacity = two_towns()
    with pytest.raises(Canceled):
        shelter.assign(10, residents, capacity, b, s, d, is_canceled=lambda: True)
    net = network.build_network([shapely.LineString([(-100, 0), (2100, 0)])])
    with pytest.raises(Canceled):
        shelter.candidates(BUILDINGS, SHELTERS, [500, 500], net, network.snap(net, BUILDINGS),
                           network.snap(net, SHELTERS), is_canceled=lambda: True)


def test_a_zone_without_geometry_holds_no_known_capacity():
    # the shelter of 100 places lies where zone 1 would be, but zone 1 has no geometry: it lies in no zone
    result = shelter.fixed_capacity([0, -1], [300.0, 100.0], [True, True], [1000.0, 200.0], 2, [True, False])
    np.testing.assert_array_equal(result["fixed_cap"], [300.0, np.nan])
    np.testing.assert_array_equal(result["shelter_cap_pct"], [30.0, np.nan])
