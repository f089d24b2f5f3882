"""lcr:land_cover_shares through processing.run: impervious and sponge shares and storm retention of
hand-drawn land cover, with the curve-number retention worked out here, the same in degrees and in
Web Mercator as in metres."""
import pytest
from qgis.core import NULL, QgsProcessingException

import processing

X, Y = 572000, 3402000   # EPSG:4549, near Jiaxing


def scs_retention(cn, rain_mm):
    """1 − Q/P of TR-55: S = 25400/CN − 254 mm, Ia = 0.2 S, Q = (P − Ia)² / (P + 0.8 S) above Ia."""
    s = 25400 / cn - 254
    runoff = (rain_mm - 0.2 * s) ** 2 / (rain_mm + 0.8 * s) if rain_mm > 0.2 * s else 0.0
    return 1 - runoff / rain_mm


# Shipped table, soil group C: built_up (1) CN 94, tree_cover (5) CN 70. At 25 mm:
# CN 94 → S 16.213, Q 12.467 mm, R 0.5013; CN 70 → S 108.857, Q 0.0930 mm, R 0.9963.
R_BUILT, R_TREES = scs_retention(94, 25), scs_retention(70, 25)


@pytest.fixture
def zones(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "zone:string", [
        (rect(X, Y, 100, 100), ["Z0"]), (rect(X + 100, Y, 100, 100), ["Z1"]), (rect(X + 1000, Y, 100, 100), ["Z2"])])


@pytest.fixture
def cover(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "lucode:integer&field=class:string", [
        (rect(X + 50, Y, 100, 100), [1, "built_up"]),     # 5 000 m² in each of Z0 and Z1
        (rect(X, Y, 50, 100), [5, "tree_cover"]),         # 5 000 m² in Z0
        (rect(X + 150, Y, 50, 50), [99, "marsh"]),        # 2 500 m² in Z1, not in the curve number table
        (rect(X + 500, Y + 500, 10, 10), [4, "park_green"]),   # in no zone
    ])


def run(zones, cover, **params):
    return processing.run("lcr:land_cover_shares", {
        "INPUT": zones, "LANDCOVER": cover, "CLASS_FIELD": "lucode", "OUTPUT": "TEMPORARY_OUTPUT", **params})


def rows(result):
    return {f["zone"]: f for f in result["OUTPUT"].getFeatures()}


def test_shares_and_retention_by_hand(provider, zones, cover, log_feedback):
    assert (round(R_BUILT, 4), round(R_TREES, 4)) == (0.5013, 0.9963)
    feedback = log_feedback()
    result = processing.run("lcr:land_cover_shares", {
        "INPUT": zones, "LANDCOVER": cover, "CLASS_FIELD": "lucode", "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = rows(result)
    assert result["OUTPUT"].fields().names() == ["zone", "cover_m2", "impervious_pct", "sponge_area_pct", "retention",
                                                 "cover_pct"]
    assert [out[z]["cover_pct"] for z in ("Z0", "Z1", "Z2")] == pytest.approx([100, 75, 0])
    assert [out[z]["cover_m2"] for z in ("Z0", "Z1", "Z2")] == pytest.approx([10000, 7500, 0])
    # Z0: half built up (impervious, R 0.50), half trees (R 0.996 ≥ 0.7).
    assert out["Z0"]["impervious_pct"] == pytest.approx(50.0)
    assert out["Z0"]["sponge_area_pct"] == pytest.approx(50.0)
    assert out["Z0"]["retention"] == pytest.approx((R_BUILT + R_TREES) / 2)
    # Z1: 5 000 m² built up of 7 500 m² of cover; the marsh has no curve number, so the sponge share and
    # the retention are over the built-up 5 000 m² alone.
    assert out["Z1"]["impervious_pct"] == pytest.approx(200 / 3)
    assert out["Z1"]["sponge_area_pct"] == pytest.approx(0.0)
    assert out["Z1"]["retention"] == pytest.approx(R_BUILT)
    assert all(out["Z2"][f] == NULL for f in ("impervious_pct", "sponge_area_pct", "retention"))
    assert result["IMPERVIOUS_PCT"] == pytest.approx(100 * 10000 / 17500)
    assert result["RETENTION"] == pytest.approx((10000 * R_BUILT + 5000 * R_TREES) / 15000)
    assert "1 land-cover polygons have a class or soil group the curve number table cannot match (99)" in feedback.text
    assert "1 zones hold no land cover" in feedback.text


def test_design_storm_share_and_classes(provider, zones, cover):
    # At 100 mm trees let Q(70) = 32.7 mm run off, R 0.67 < 0.7: no cover counts as sponge.
    assert scs_retention(70, 100) < 0.7
    out = rows(run(zones, cover, RAINFALL_MM=100))
    assert out["Z0"]["sponge_area_pct"] == 0.0
    assert out["Z0"]["retention"] == pytest.approx((scs_retention(94, 100) + scs_retention(70, 100)) / 2)
    # A lower share to retain lets the trees count again; classes named as text match the class field.
    out = rows(run(zones, cover, RAINFALL_MM=100, SPONGE_SHARE=0.5, CLASS_FIELD="class",
                   IMPERVIOUS_CLASSES="Built_Up，tree_cover"))
    assert out["Z0"]["sponge_area_pct"] == pytest.approx(50.0)
    assert out["Z0"]["impervious_pct"] == pytest.approx(100.0)


def test_soil_group_field(provider, zones, make_layer, rect):
    # Trees on soil A (CN 30) and on soil D (CN 77): at 25 mm, R 1.0 and 1 − Q(77)/25.
    cover = make_layer("Polygon", "EPSG:4549", "lucode:integer&field=hsg:string", [
        (rect(X, Y, 50, 100), [5, "A"]), (rect(X + 50, Y, 50, 100), [5, "d"])])
    out = rows(run(zones, cover, SOIL_FIELD="hsg"))
    assert out["Z0"]["retention"] == pytest.approx((1.0 + scs_retention(77, 25)) / 2)


def test_without_impervious_classes(provider, zones, cover):
    out = rows(run(zones, cover, IMPERVIOUS_CLASSES=""))
    assert out["Z0"]["impervious_pct"] == NULL and out["Z0"]["retention"] != NULL


@pytest.mark.parametrize("authid", ["EPSG:4326", "EPSG:3857"])
def test_same_in_degrees_and_web_mercator(provider, zones, cover, reprojected, authid):
    metric = rows(run(zones, cover))
    other = rows(run(reprojected(zones, authid), reprojected(cover, authid)))
    for zone in ("Z0", "Z1"):
        # Shares are ratios of areas measured in one grid: they agree to rounding. The areas themselves
        # are measured in UTM 51N instead of Gauss-Krüger 120° E, whose areas differ by 2.8e-4 here.
        for field in ("impervious_pct", "sponge_area_pct", "retention"):
            assert other[zone][field] == pytest.approx(metric[zone][field], rel=1e-6)
        assert other[zone]["cover_m2"] == pytest.approx(metric[zone]["cover_m2"], rel=1e-3)


def test_bad_curve_number_table_is_named(provider, zones, cover, tmp_path):
    table = tmp_path / "cn.csv"
    table.write_text("class,cn_a,cn_b,cn_c,cn_d\nbuilt_up,89,92,94,95\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="has no lucode column"):
        run(zones, cover, CN_TABLE=str(table))


def test_lid_storage_counts_as_retained(provider, rect, make_layer, cover, log_feedback):
    """LID storage holds runoff, up to what the cover lets run off. At 25 mm Z0's cover (5 000 m² built up, 5 000 m²
    trees) lets Q = 12.467 and 0.0930 mm run off: 62.80 m³. 30 m³ of storage hold 30 m³: retention + 30 / 250 (the
    storm is 0.025 m × 10 000 m² = 250 m³). Z1's 100 m³ hold all of its 5 000 m² built up's 62.33 m³ and no more:
    retention 1. A missing storage counts as 0."""
    zones = make_layer("Polygon", "EPSG:4549", "zone:string&field=lid:double", [
        (rect(X, Y, 100, 100), ["Z0", 30.0]), (rect(X + 100, Y, 100, 100), ["Z1", 100.0]),
        (rect(X + 1000, Y, 100, 100), ["Z2", None])])
    runoff_z0 = 0.025 * 5000 * ((1 - R_BUILT) + (1 - R_TREES))
    assert runoff_z0 == pytest.approx(62.80, abs=0.01) and 0.025 * 5000 * (1 - R_BUILT) == pytest.approx(62.33, abs=0.01)
    feedback = log_feedback()
    result = processing.run(
        "lcr:land_cover_shares", {"INPUT": zones, "LANDCOVER": cover, "CLASS_FIELD": "lucode", "STORAGE_FIELD": "lid",
                                  "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = rows(result)
    assert out["Z0"]["retention"] == pytest.approx((R_BUILT + R_TREES) / 2 + 30 / 250)
    assert out["Z1"]["retention"] == pytest.approx(1.0)
    assert out["Z0"]["sponge_area_pct"] == pytest.approx(50.0)              # a share of the land cover: unchanged
    assert out["Z2"]["retention"] == NULL
    # Over all zones: 30 + 62.33 m³ more retained of 375 m³ of storm on the 15 000 m² with a curve number.
    retained = 0.025 * (10000 * R_BUILT + 5000 * R_TREES) + 30 + 0.025 * 5000 * (1 - R_BUILT)
    assert result["RETENTION"] == pytest.approx(retained / 375)
    assert "1 zones have a missing or negative lid" in feedback.text
    assert "92.3 of 130.0 m³ hold runoff of the 25 mm storm in 2 zones" in feedback.text


def test_zones_less_than_half_covered_get_no_shares(provider, make_layer, rect, log_feedback):
    """Zones of 100 m × 100 m: built-up land cover over 40 m of Z0's width (4 000 m², 40 %: too thin, not
    assessed) and 50 m of Z1's (5 000 m², exactly half: assessed, 100 % impervious)."""
    zones = make_layer("Polygon", "EPSG:4549", "zone:string", [
        (rect(X, Y, 100, 100), ["Z0"]), (rect(X + 200, Y, 100, 100), ["Z1"])])
    cover = make_layer("Polygon", "EPSG:4549", "lucode:integer", [
        (rect(X, Y, 40, 100), [1]), (rect(X + 200, Y, 50, 100), [1])])
    feedback = log_feedback()
    out = rows(processing.run("lcr:land_cover_shares", {
        "INPUT": zones, "LANDCOVER": cover, "CLASS_FIELD": "lucode", "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback))
    assert out["Z0"]["cover_m2"] == pytest.approx(4000) and out["Z0"]["cover_pct"] == pytest.approx(40)
    assert all(out["Z0"][f] == NULL for f in ("impervious_pct", "sponge_area_pct", "retention"))
    assert out["Z1"]["cover_pct"] == pytest.approx(50) and out["Z1"]["impervious_pct"] == pytest.approx(100)
    assert out["Z1"]["retention"] == pytest.approx(R_BUILT)
    assert "1 zones are less than 50% covered by land cover (the land cover covers only 40 % of the zone)" in \
        feedback.text
