"""Messy real data through processing.run: invalid geometries that used to abort QGIS, numbers
that cannot be real (inf, 1e308, negative counts, nodata codes), land-use codes that lost their
leading zero, metre coordinates labelled as degrees. Each case: a clear refusal, or a counted
skip with the right answer for the rest."""
import os
import subprocess
import sys
import textwrap

import pytest
from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProcessingException

import processing

BOW_TIE = "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))"   # self-intersecting: two 25 m² triangles


def null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull()) or value != value


def text_of(feedback):
    return "\n".join(feedback.lines)


# ---- invalid geometries -------------------------------------------------------------------
CRASH_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from qgis.core import QgsApplication, QgsFeatureRequest, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    from lcr_toolkit.provider import LcrProvider
    provider = LcrProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    layer = QgsVectorLayer(sys.argv[2], "buildings", "ogr")
    results = []
    for check in (QgsFeatureRequest.GeometryAbortOnInvalid, QgsFeatureRequest.GeometrySkipInvalid,
                  QgsFeatureRequest.GeometryNoCheck):
        context = QgsProcessingContext()
        context.setInvalidGeometryCheck(check)
        result = processing.run("lcr:building_emissions", {"INPUT": layer, "FLOORS_FIELD": "floors",
                                "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=QgsProcessingFeedback())
        results.append(round(result["TOTAL_GFA_M2"], 6))
    print("GFA", results)
""")


@pytest.fixture
def bow_tie_gpkg(tmp_path, make_layer, rect):
    from qgis.core import QgsVectorFileWriter, QgsCoordinateTransformContext

    layer = make_layer("Polygon", "EPSG:4549", "floors:integer", [(BOW_TIE, [1]), (rect(20, 0, 10, 10), [2])])
    path = str(tmp_path / "建筑 buildings.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return path


def test_invalid_polygon_never_aborts_qgis_whatever_the_validity_setting(bow_tie_gpkg, plugin_root):
    # In a subprocess: before the fix this died with a segfault or "SystemError: unknown opcode".
    with open(bow_tie_gpkg, "rb") as handle:
        before = handle.read()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(plugin_root), bow_tie_gpkg],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    # The bow tie is repaired into its two 25 m² triangles (1 floor), plus 100 m² × 2 floors.
    assert "GFA [250.0, 250.0, 250.0]" in done.stdout, done.stdout[-2000:]
    with open(bow_tie_gpkg, "rb") as handle:
        assert handle.read() == before


def test_invalid_polygon_is_repaired_and_counted(provider, make_layer, rect, log_feedback):
    layer = make_layer("Polygon", "EPSG:4549", "floors:integer", [(BOW_TIE, [1]), (rect(20, 0, 10, 10), [2])])
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryAbortOnInvalid)
    feedback = log_feedback()
    result = processing.run("lcr:building_emissions", {"INPUT": layer, "FLOORS_FIELD": "floors",
                                                       "OUTPUT": "TEMPORARY_OUTPUT"}, context=context, feedback=feedback)
    assert result["TOTAL_GFA_M2"] == pytest.approx(250.0)
    assert "1 invalid geometries were repaired" in text_of(feedback)


# ---- numbers that cannot be real ------------------------------------------------------------
@pytest.fixture
def flood_inputs(make_layer, rect):
    buildings = make_layer("Polygon", "EPSG:4549", "name:string&field=residents:double", [
        (rect(0, 0, 10, 10), ["a", 30]),
        (rect(40, 0, 10, 10), ["b", -360000]),          # a negative count: missing, not −360 000 people
        (rect(80, 0, 10, 10), ["c", float("inf")]),
        (rect(120, 0, 10, 10), ["d", 1e308]),
        (rect(200, 0, 10, 10), ["e", 12]),               # under a −9999 "depth": not flooded
        (rect(300, 0, 10, 10), ["f", 7]),                # under a 9999 "depth": not flooded
    ])
    hazard = make_layer("Polygon", "EPSG:4549", "depth_m:double", [
        (rect(-10, -10, 150, 30), [1.0]), (rect(190, -10, 30, 30), [-9999]), (rect(290, -10, 30, 30), [9999])])
    return buildings, hazard


def test_flood_nodata_depths_and_impossible_residents_are_missing(provider, flood_inputs, log_feedback):
    buildings, hazard = flood_inputs
    feedback = log_feedback()
    result = processing.run("lcr:flood_exposure", {
        "INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m", "POPULATION_FIELD": "residents",
        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    out = {f["name"]: f for f in result["OUTPUT"].getFeatures()}
    assert [out[n]["exposed"] for n in "abcdef"] == [1, 1, 1, 1, 0, 0]
    assert [out[n]["depth_m"] for n in "abcdef"] == [1.0, 1.0, 1.0, 1.0, 0.0, 0.0]
    # Only the 30 residents of a are known; b, c and d are flooded with an unknown number of people.
    assert out["a"]["pop_exp"] == 30 and all(null(out[n]["pop_exp"]) or out[n]["pop_exp"] == 0 for n in "bcd")
    assert result["EXPOSED_POPULATION"] == 30
    assert result["EXPOSED_COUNT"] == 4
    log = text_of(feedback)
    assert "2 values of “depth_m” cannot be real" in log
    assert "3 values of “residents” cannot be real" in log
    assert "2 hazard polygons have no depth" in log


def test_building_floors_inf_nodata_and_huge_gfa(provider, make_layer, rect, log_feedback):
    layer = make_layer("Polygon", "EPSG:4549", "floors:double&field=gfa:double", [
        (rect(0, 0, 10, 10), [2, None]),                  # 200 m²
        (rect(20, 0, 10, 10), [float("inf"), None]),      # default floors (3): 300 m²
        (rect(40, 0, 10, 10), [9999, None]),              # a nodata code: default floors, 300 m²
        (rect(60, 0, 10, 10), [1, 1e308]),                # the GFA cannot be real: footprint × floors
    ])
    feedback = log_feedback()
    result = processing.run("lcr:building_emissions", {
        "INPUT": layer, "FLOORS_FIELD": "floors", "GFA_FIELD": "gfa", "DEFAULT_FLOORS": 3,
        "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    gfa = [f["gfa_m2"] for f in result["OUTPUT"].getFeatures()]
    assert gfa == pytest.approx([200.0, 300.0, 300.0, 100.0])
    assert result["TOTAL_GFA_M2"] == pytest.approx(900.0)
    assert "2 values of “floors” cannot be real" in text_of(feedback)
    assert "1 values of “gfa” cannot be real" in text_of(feedback)


# ---- land-use codes --------------------------------------------------------------------------
PROFILE = ("rule_id,name_en,name_zh,indicator,unit,level,side,operator,threshold,threshold_high,source,clause,"
           "status,applies_to\n"
           "FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,test,§1,unverified,0701|R\n"
           "LU,Land-use code present,用地代码,lu_num,-,detailed,both,>=,0,,test,§2,unverified,\n")


@pytest.mark.parametrize("kind, codes", [
    ("string", ["0701", "0703", "R2", "1401"]),
    ("integer", [701, 703, None, 1401]),
    ("string", ["701", "703.0", "r2", "1401"]),
])
def test_land_use_codes_as_integers_or_text_give_the_same_scope(provider, make_layer, rect, tmp_path, kind, codes):
    profile = tmp_path / "p.csv"
    profile.write_text(PROFILE, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", f"lu:{kind}&field=far:double&field=lu_num:double", [
        (rect(i * 2, 0, 1, 1), [code, far, 1]) for i, (code, far) in enumerate(zip(codes, [3.0, 3.0, 2.0, 3.0]))])
    result = processing.run("lcr:planning_check", {"INPUT": layer, "PROFILE_FILE": str(profile), "LEVEL": 2,
                                                   "LANDUSE_FIELD": "lu", "OUTPUT": "TEMPORARY_OUTPUT"})
    far = [None if null(f["r_far"]) else f["r_far"] for f in result["OUTPUT"].getFeatures()]
    # 0701 fails (3.0 > 2.5); 0703 and 1401 are not residential; R2 passes (2.0); the integer
    # layer has no R2, its NULL code leaves the rule unassessed.
    assert far[0] == 0 and far[1] is None and far[3] is None
    assert far[2] == (None if kind == "integer" else 1)


def test_land_use_field_that_a_rule_also_reads(provider, make_layer, rect, tmp_path):
    profile = tmp_path / "p.csv"
    profile.write_text(PROFILE, encoding="utf-8")
    layer = make_layer("Polygon", "EPSG:4549", "far:double&field=lu_num:integer", [
        (rect(0, 0, 1, 1), [3.0, 701]), (rect(2, 0, 1, 1), [3.0, 1401])])
    result = processing.run("lcr:planning_check", {"INPUT": layer, "PROFILE_FILE": str(profile), "LEVEL": 2,
                                                   "LANDUSE_FIELD": "lu_num", "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = [(None if null(f["r_far"]) else f["r_far"], f["r_lu"]) for f in result["OUTPUT"].getFeatures()]
    assert rows == [(0, 1), (None, 1)]


# ---- coordinates and their CRS -------------------------------------------------------------
def test_metre_coordinates_labelled_wgs84_are_refused(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4326", "floors:integer", [(rect(500000, 3400000, 10, 10), [1])], name="楼")
    with pytest.raises(QgsProcessingException, match=r"“楼” is labelled EPSG:4326.*probably wrong"):
        processing.run("lcr:building_emissions", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"})


@pytest.mark.parametrize("value", [1e308, float("inf"), float("nan")])
def test_number_parameters_must_be_usable(provider, make_layer, rect, value):
    layer = make_layer("Polygon", "EPSG:4549", "floors:integer", [(rect(0, 0, 10, 10), [None])])
    with pytest.raises(QgsProcessingException, match="Default floors|DEFAULT_FLOORS"):
        processing.run("lcr:building_emissions", {"INPUT": layer, "DEFAULT_FLOORS": value,
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})
