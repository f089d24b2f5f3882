"""core.life_circle: facility types reached along a tiny street plan with a river (worked by hand),
completeness scores, per-unit shares, the straight-line fallback, alias matching and the table."""
import numpy as np
import pandas as pd
import pytest
import shapely

from lcr_toolkit.core import life_circle as lc
from lcr_toolkit.core import network, zones
from lcr_toolkit.core.errors import InputError

# The plan (metres). A river runs east-west between the south road (y = 0) and the north road
# (y = 200); the only crossing is the bridge at x = 1000.
#
#   (0,200) ======== north road ======== (1000,200)     K1 kindergarten (100,210): joins (100,200), 10 m
#                                            ‖ bridge    S1 sports (1000,100): on the bridge, 100 m up
#   (0,0)   ======== south road ======== (1000,0)       C1 clinic (400,-10): joins (400,0), 10 m
#                                                        K2 kindergarten (450,-10): joins (450,0), 10 m
# Thresholds: kindergarten 300 m, clinic 500 m, sports 1000 m.
# Homes (points) and their walks (access + along the roads + access):
#   H1 (100,20)  joins (100,0), 20 m.
#       K: via K2 20+350+10 = 380; via K1 20+900+200+900+10 = 2030 → 0 (straight line to K1: 190 → 1)
#       C: 20+300+10 = 330 → 1 (straight √(300²+30²) = 301.5 → 1)
#       S: 20+900+100 = 1020 → 0 (straight √(900²+80²) = 903.5 → 1)
#   H2 (300,180) joins (300,200), 20 m.
#       K: 20+200+10 = 230 → 1;  C: 20+700+200+600+10 = 1530 → 0 (straight √(100²+190²) = 214.7 → 1)
#       S: 20+700+100 = 820 → 1
#   H3 (950,100) joins the bridge at (1000,100), 50 m.
#       K: 50+100+550+10 = 710 → 0 (straight to K2 √(500²+110²) = 512 → 0)
#       C: 50+100+600+10 = 760 → 0 (straight √(550²+110²) = 560.9 → 0);  S: 50+0 = 50 → 1
#   H4 (5000,5000) farther than 250 m from every road: reaches nothing (straight: nothing either)
#   H5 (400,20)  joins (400,0), 20 m.  K: 20+50+10 = 80;  C: 20+0+10 = 30;  S: 20+600+100 = 720 → all 1
ROADS = ["LINESTRING(0 0, 1000 0)", "LINESTRING(1000 0, 1000 200)", "LINESTRING(0 200, 1000 200)"]
TABLE = pd.DataFrame({"fac_type": ["kindergarten", "clinic", "sports"], "distance_m": [300.0, 500.0, 1000.0],
                      "aliases": ["幼儿园|托儿所", "社区卫生服务站", "体育"], "verified": ["no", "yes", "no"]})
FACILITIES = [((100, 210), "幼儿园"), ((1000, 100), "Sports"), ((400, -10), "社区卫生服务站"),
              ((450, -10), "kindergarten"), ((500, 100), "ferry")]
HOMES = [(100, 20), (300, 180), (950, 100), (5000, 5000), (400, 20)]
POP = np.array([100, 200, 50, 30, 400], dtype=float)
NETWORK_REACHED = [[0, 1, 0], [1, 0, 1], [0, 0, 1], [0, 0, 0], [1, 1, 1]]
EUCLID_REACHED = [[1, 1, 1], [1, 1, 1], [0, 0, 1], [0, 0, 0], [1, 1, 1]]
THRESHOLDS = TABLE["distance_m"].to_numpy()


def points(coords):
    return shapely.points(np.array(coords, dtype=float))


@pytest.fixture
def facilities():
    rows, unknown = lc.classify_facilities([t for _, t in FACILITIES], TABLE)
    return points([c for c, _ in FACILITIES]), rows, unknown


def test_aliases_match_ignoring_case_and_unknown_types_are_counted(facilities):
    _, rows, unknown = facilities
    # 幼儿园 → kindergarten (0), "Sports" → sports (2), 社区卫生服务站 → clinic (1), ferry → none.
    assert rows.tolist() == [0, 2, 1, 0, -1]
    assert unknown == {"ferry": 1}
    rows, unknown = lc.classify_facilities([None, " 托儿所 ", "体育", "体育"], TABLE)
    assert rows.tolist() == [-1, 0, 2, 2] and unknown == {"": 1}


def test_network_reach_is_one_search_per_type_and_worked_by_hand(facilities):
    pts, rows, _ = facilities
    net = network.build_network(shapely.from_wkt(ROADS))
    reaches, off = lc.type_reaches(net, pts, rows, THRESHOLDS, max_snap=250)
    assert off == 0 and len(reaches) == 3 and all(r is not None for r in reaches)
    targets = network.snap(net, points(HOMES), 250)
    assert lc.reached_network(reaches, targets, THRESHOLDS).tolist() == NETWORK_REACHED
    # The river: H1 is 190 m from K1 as the crow flies but 2030 m on foot (K2 is 380 m away).
    kinder = network.snap(net, pts[[0, 3]], 250)
    distance, _ = network.network_distance(net, kinder, targets)
    assert distance[:3].tolist() == pytest.approx([380, 230, 710])
    # With the distances × 1.1 (330, 550, 1100 m), H1 reaches sports (1020 m) too; nothing else changes.
    scaled = lc.reached_network(lc.type_reaches(net, pts, rows, THRESHOLDS * 1.1, 250)[0], targets, THRESHOLDS * 1.1)
    assert scaled.tolist() == [[0, 1, 1]] + NETWORK_REACHED[1:]


def test_euclidean_fallback_over_claims_across_the_river(facilities):
    pts, rows, _ = facilities
    reached = lc.reached_euclidean(pts, rows, THRESHOLDS, points(HOMES))
    assert reached.tolist() == EUCLID_REACHED
    # Network never shorter than the straight line: every network hit is a straight-line hit.
    assert np.all(np.array(NETWORK_REACHED) <= reached)


def test_score_and_missing_list():
    reached = np.array(NETWORK_REACHED)
    assert lc.score(reached).tolist() == pytest.approx([1 / 3, 2 / 3, 1 / 3, 0, 1])
    assert lc.missing_text(reached, list(TABLE["fac_type"])).tolist() == [
        "kindergarten,sports", "clinic", "kindergarten,clinic", "kindergarten,clinic,sports", ""]


def test_unit_shares_by_population_and_by_building_count():
    reached = np.array(NETWORK_REACHED)
    units = [shapely.box(-100, -100, 1100, 90), shapely.box(-100, 90, 1100, 290), shapely.box(9000, 9000, 9100, 9100)]
    index = zones.assign_to_zones(points(HOMES), units)
    assert index.tolist() == [0, 1, 1, -1, 0]
    # Sum of two chunks equals one pass.
    sums = lc.add_sums(lc.unit_sums(index[:2], 3, POP[:2], reached[:2]),
                       lc.unit_sums(index[2:], 3, POP[2:], reached[2:]))
    shares = lc.unit_shares(sums, by_population=True)
    # Unit 0: H1 (100) + H5 (400) = 500; H5 full: 400/500 = 80 %; kindergarten 400/500, clinic 500/500,
    # sports 400/500. Unit 1: H2 (200) + H3 (50) = 250; none full; K 200/250 = 80, C 0, S 250/250 = 100.
    assert shares["pop"][:2].tolist() == [500, 250] and shares["pop_full"][:2].tolist() == [400, 0]
    assert shares["full_pct"][:2].tolist() == pytest.approx([80, 0])
    assert shares["pct_k"][:2].ravel().tolist() == pytest.approx([80, 100, 80, 80, 0, 100])
    assert np.isnan(shares["full_pct"][2]) and np.isnan(shares["pct_k"][2]).all()
    # Whole area (H4 included, 30 residents): 780 residents, 400 full = 51.28 %; mean score
    # (100/3 + 200·2/3 + 50/3 + 0 + 400) / 780 = 583.33 / 780 = 0.7479.
    whole = lc.unit_shares(lc.unit_sums(np.zeros(5, int), 1, POP, reached), True)
    assert whole["full_pct"][0] == pytest.approx(100 * 400 / 780)
    assert whole["mean_score"][0] == pytest.approx((100 / 3 + 400 / 3 + 50 / 3 + 400) / 780)
    assert whole["pct_k"][0].tolist() == pytest.approx([100 * 600 / 780, 100 * 500 / 780, 100 * 650 / 780])
    # By building count: 1 of 5 full = 20 %; mean score (1/3 + 2/3 + 1/3 + 0 + 1) / 5 = 0.4667.
    count = lc.unit_shares(lc.unit_sums(np.zeros(5, int), 1, None, reached), False)
    assert count["full_pct"][0] == pytest.approx(20) and count["mean_score"][0] == pytest.approx(7 / 15)
    assert np.isnan(count["pop"][0])


def test_type_without_facility_is_missed_by_everyone():
    rows = np.array([0, 0])
    reached = lc.reached_euclidean(points([(0, 0), (10, 0)]), rows, [300, 500], points([(5, 0)]))
    assert reached.tolist() == [[1, 0]]
    net = network.build_network(shapely.from_wkt(ROADS))
    reaches, _ = lc.type_reaches(net, points([(0, 0), (10, 0)]), rows, [300, 500], 250)
    assert reaches[1] is None
    assert lc.reached_network(reaches, network.snap(net, points([(5, 0)]), 250), [300, 500]).tolist() == [[1, 0]]


def test_shipped_table(tmp_path):
    from lcr_toolkit.algorithms.base import resource_path
    table = lc.read_facility_table(resource_path("factors", "life_circle_facilities.csv"))
    assert list(table["fac_type"]) == ["kindergarten", "primary_school", "middle_school", "clinic",
                                       "elderly_care", "market", "community_center", "sports"]
    # GB 50180-2018 life circles: 5 min 300 m, 10 min 500 m, 15 min 1000 m (upper end of 800–1000).
    circle_distance = {"5": 300, "10": 500, "15": 1000}
    assert all(circle_distance[c] == d for c, d in zip(table["circle"], table["distance_m"]))
    assert table["distance_m"].tolist() == [300, 500, 1000, 300, 300, 500, 1000, 1000]
    assert set(table["verified"]) == {"no"} and lc.unverified_types(table) == list(table["fac_type"])
    rows, _ = lc.classify_facilities(["幼儿园", "小学", "初中", "社区卫生服务站", "养老", "菜市场", "社区服务中心", "体育"], table)
    assert rows.tolist() == list(range(8))
    assert max(len(n) for n in lc.field_names(table["fac_type"], "pct_")) == 20   # pct_community_center


def test_bad_tables_and_field_name_clash(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("fac_type,distance_m,aliases\nclinic,300,诊所\nmarket,500,诊所\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        lc.read_facility_table(path)
    assert err.value.kind == "table_duplicate_key" and err.value.params["line"] == 3
    path.write_text("fac_type,distance_m\nclinic,far\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        lc.read_facility_table(path)
    assert err.value.kind == "table_bad_number"
    with pytest.raises(InputError) as err:
        lc.field_names(["community_services_a", "community_services_b"], "lc_")
    # "lc_" + "community_services_a" cut to 20 characters: "lc_community_service" for both.
    assert err.value.kind == "field_name_clash" and err.value.params["field"] == "lc_community_service"
