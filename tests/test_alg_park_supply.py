"""lcr:park_supply through processing.run: park areas per resident and service-radius coverage worked
out by hand, the same in degrees and in Web Mercator as in metres."""
import pytest
from qgis.core import NULL, QgsProcessingException, QgsProcessingFeedback

import processing

X, Y = 572000, 3402000   # EPSG:4549, near Jiaxing


@pytest.fixture
def zones(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "zone:string&field=pop:double", [
        (rect(X, Y, 1000, 1000), ["Z1", 1000]), (rect(X + 1000, Y, 1000, 1000), ["Z2", 500]),
        (rect(X + 2000, Y, 1000, 1000), ["Z3", 0])])


@pytest.fixture
def green(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "kind:string", [
        (rect(X + 100, Y + 100, 100, 100), ["comprehensive"]),   # G1 10 000 m² in Z1: 500 m radius
        (rect(X + 600, Y + 600, 50, 60), ["Community"]),          # G2 3 000 m² in Z1: 300 m (type case ignored)
        (rect(X + 1500, Y + 500, 100, 100), ["protective"]),     # G3 in Z2: counts nowhere
        (rect(X + 1100, Y + 100, 40, 40), ["garden"]),           # G4 1 600 m² in Z2: park green, no radius
        (rect(X + 2400, Y + 500, 100, 50), ["comprehensive"]),   # G5 5 000 m² in Z3: 500 m radius
    ])


@pytest.fixture
def buildings(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "residents:double", [
        (rect(X + 300, Y + 150, 10, 10), [100]),      # Z1, 105 m from G1: served
        (rect(X + 900, Y + 900, 10, 10), [200]),      # Z1, 997 m from G1, 354 m from G2: not served
        (rect(X + 1980, Y + 510, 10, 10), [300]),     # Z2, 415 m from G5 in Z3: served
        (rect(X + 1620, Y + 550, 10, 10), [100]),     # Z2, 25 m from the protective G3 only: not served
        (rect(X + 8000, Y, 10, 10), [999]),           # in no zone
        (rect(X + 2500, Y + 900, 10, 10), [None]),    # Z3, no residents
    ])


def run(zones, green, buildings, **params):
    return processing.run("lcr:park_supply", {
        "INPUT": zones, "POPULATION_FIELD": "pop", "GREEN_SPACES": green, "TYPE_FIELD": "kind",
        "BUILDINGS": buildings, "BUILDING_POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT", **params})


def rows(result):
    return {f["zone"]: f for f in result["OUTPUT"].getFeatures()}


def test_park_areas_per_resident_and_coverage(provider, zones, green, buildings, layer_snapshot):
    before = layer_snapshot(zones)
    result = run(zones, green, buildings)
    out = rows(result)
    assert result["OUTPUT"].fields().names() == [
        "zone", "pop", "park_m2", "comp_park_m2", "comm_park_m2", "park_green_m2_pc", "comp_park_m2_pc",
        "comm_park_m2_pc", "park_cov_pop", "park_cov_pct", "park_green_m2_pc_est", "comp_park_m2_pc_est",
        "comm_park_m2_pc_est"]
    # no "_est" field on the zones or the buildings: nothing is flagged
    assert [out[z][f + "_est"] for z in ("Z1", "Z2", "Z3") for f in ("park_green_m2_pc", "comp_park_m2_pc",
                                                                     "comm_park_m2_pc")] == [0] * 9
    assert [out[z]["park_m2"] for z in ("Z1", "Z2", "Z3")] == pytest.approx([13000, 1600, 5000])
    assert [out[z]["comp_park_m2"] for z in ("Z1", "Z2", "Z3")] == pytest.approx([10000, 0, 5000])
    assert [out[z]["comm_park_m2"] for z in ("Z1", "Z2", "Z3")] == pytest.approx([3000, 0, 0])
    # Per resident: Z1 13 000 / 1 000, 10 000 / 1 000, 3 000 / 1 000; Z2 1 600 / 500; Z3 has nobody.
    assert [out["Z1"][f] for f in ("park_green_m2_pc", "comp_park_m2_pc", "comm_park_m2_pc")] == \
        pytest.approx([13.0, 10.0, 3.0])
    assert [out["Z2"][f] for f in ("park_green_m2_pc", "comp_park_m2_pc", "comm_park_m2_pc")] == \
        pytest.approx([3.2, 0.0, 0.0])
    assert all(out["Z3"][f] == NULL for f in ("park_green_m2_pc", "comp_park_m2_pc", "comm_park_m2_pc"))
    # Served residents: Z1 100 of 300, Z2 300 of 400; Z3's building has no residents.
    assert [out[z]["park_cov_pop"] for z in ("Z1", "Z2", "Z3")] == [100, 300, 0]
    assert out["Z1"]["park_cov_pct"] == pytest.approx(100 / 3)
    assert out["Z2"]["park_cov_pct"] == pytest.approx(75.0)
    assert out["Z3"]["park_cov_pct"] == NULL
    assert result["PARK_M2_PER_RESIDENT"] == pytest.approx(19600 / 1500)
    assert result["PARK_COVERAGE_PCT"] == pytest.approx(100 * 400 / 700)
    assert layer_snapshot(zones) == before


@pytest.mark.parametrize("authid", ["EPSG:4326", "EPSG:3857"])
def test_same_in_degrees_and_web_mercator(provider, zones, green, buildings, reprojected, authid):
    metric = rows(run(zones, green, buildings))
    other = rows(run(reprojected(zones, authid), reprojected(green, authid), reprojected(buildings, authid)))
    for zone in ("Z1", "Z2", "Z3"):
        # Areas are measured in UTM 51N instead of Gauss-Krüger 120° E: the two grids' scale factors
        # here differ by 1.4e-4, areas by 2.8e-4. Nothing else may change.
        for field in ("park_m2", "comp_park_m2", "park_green_m2_pc"):
            expected = metric[zone][field]
            assert other[zone][field] == (NULL if expected == NULL else pytest.approx(expected, rel=1e-3))
        assert other[zone]["park_cov_pop"] == metric[zone]["park_cov_pop"]


def test_without_type_field_every_green_space_is_a_park(provider, zones, green, buildings):
    out = rows(run(zones, green, buildings, TYPE_FIELD=None))
    assert out["Z2"]["park_m2"] == pytest.approx(1600 + 10000)      # the protective green counts too
    assert out["Z1"]["comp_park_m2"] == NULL and out["Z1"]["comm_park_m2_pc"] == NULL
    # Now G3 serves its 500 m radius: the building 25 m from it is served.
    assert out["Z2"]["park_cov_pop"] == 400


def test_chinese_types_and_own_radii(provider, zones, make_layer, rect, buildings):
    green = make_layer("Polygon", "EPSG:4549", "kind:string", [
        (rect(X + 100, Y + 100, 100, 100), ["综合公园"]), (rect(X + 600, Y + 600, 50, 60), ["社区公园"]),
        (rect(X + 1500, Y + 500, 100, 100), ["防护绿地"])])
    out = rows(run(zones, green, buildings, LARGE_RADIUS_M=1000))
    assert [out["Z1"][f] for f in ("park_m2", "comp_park_m2", "comm_park_m2")] == pytest.approx([13000, 10000, 3000])
    assert out["Z2"]["park_m2"] == 0
    assert out["Z1"]["park_cov_pop"] == 300            # both Z1 buildings lie within 1 000 m of G1


def test_refuses_a_list_that_leaves_no_park(provider, zones, green, buildings):
    with pytest.raises(QgsProcessingException, match="counts as park green"):
        run(zones, green, buildings, EXCLUDED_TYPES="comprehensive, community, protective, garden")


def test_refuses_small_tier_above_large(provider, zones, green, buildings):
    with pytest.raises(QgsProcessingException, match="must be below"):
        run(zones, green, buildings, SMALL_PARK_M2=6000)


PER_RESIDENT = ("park_green_m2_pc", "comp_park_m2_pc", "comm_park_m2_pc")


def test_mostly_estimated_residents_flag_the_per_resident_areas(provider, zones, green, make_layer, rect):
    # Residents flagged as estimated (residents_est of lcr:prepare_osm): Z1 60 of 100 (more than half: flagged),
    # Z2 50 of 100 (half: not), Z3 none of 100. The building in no zone counts nowhere.
    buildings = make_layer("Polygon", "EPSG:4549", "residents:double&field=residents_est:integer", [
        (rect(X + 300, Y + 150, 10, 10), [60, 1]), (rect(X + 900, Y + 900, 10, 10), [40, 0]),
        (rect(X + 1980, Y + 510, 10, 10), [50, 1]), (rect(X + 1620, Y + 550, 10, 10), [50, 0]),
        (rect(X + 2500, Y + 900, 10, 10), [100, 0]), (rect(X + 8000, Y, 10, 10), [999, 1])])
    feedback = QgsProcessingFeedback()
    out = rows(processing.run("lcr:park_supply", {
        "INPUT": zones, "POPULATION_FIELD": "pop", "GREEN_SPACES": green, "TYPE_FIELD": "kind",
        "BUILDINGS": buildings, "BUILDING_POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=feedback))
    assert [[out[z][f + "_est"] for f in PER_RESIDENT] for z in ("Z1", "Z2", "Z3")] == [[1] * 3, [0] * 3, [0] * 3]
    assert out["Z1"]["park_green_m2_pc"] == pytest.approx(13.0)   # the amounts themselves do not change
    assert "1 zones' residents are mostly estimated (“residents_est”)" in feedback.textLog()


def test_zone_residents_flag_sets_it_too(provider, make_layer, rect, green, buildings):
    # The zones' own pop_est (e.g. lcr:life_circle's units) flags Z2 whatever its buildings say.
    zones = make_layer("Polygon", "EPSG:4549", "zone:string&field=pop:double&field=pop_est:integer", [
        (rect(X, Y, 1000, 1000), ["Z1", 1000, 0]), (rect(X + 1000, Y, 1000, 1000), ["Z2", 500, 1])])
    out = rows(run(zones, green, buildings))
    assert [out[z]["park_green_m2_pc_est"] for z in ("Z1", "Z2")] == [0, 1]
    assert out["Z2"]["park_green_m2_pc"] == pytest.approx(3.2)
