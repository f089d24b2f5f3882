"""What a Chinese bureau's own data met in the master check: no shelter type or capacity field (both optional: the
coverage uses the default distance, the capacity is not assessed, never passed), a field the layers lack named with
the user's layer (not a step's intermediate layer), and scripts/batch_check.py on lcr:prepare_osm's output.

The district is tests/cn_bureau.py's: 1,760 residents in 20 slabs of 88, one 中心避难场所 (central, 2,500 m) of 6,000
places at (290, 290). Its class reaches everyone; at the default 500 m (no type field) 12 of the 20 slabs are in
reach along the roads: 1,056 residents."""
import sys
from pathlib import Path

import pytest
from osgeo import ogr

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import cn_bureau as cb  # noqa: E402

processing = pytest.importorskip("processing")


@pytest.fixture(scope="module")
def bureau(tmp_path_factory, lcr):
    folder = cb.district(tmp_path_factory.mktemp("嘉兴 数据"))
    return folder, cb.master_parameters(folder)


def run_check(folder, params, algorithm, log_feedback, tag):
    out = folder / tag
    out.mkdir()
    processing.run(algorithm, {
        **params, "check:planning_check": f"ogr:dbname='{out / 'check.gpkg'}' table=\"planning_check\" (geom)",
        "check:rules": str(out / "rules.csv"), "synergy:synergy": "TEMPORARY_OUTPUT",
        "report:report_html": str(out / "report.html"), "report:report_pdf": str(out / "report.pdf")},
        feedback=log_feedback)
    source = ogr.Open(str(out / "check.gpkg"))     # kept while its layer is read
    return {f["单元编号"]: f.items() for f in source.GetLayerByName("planning_check")}


@pytest.mark.parametrize("algorithm", ["lcr:master_plan_check", "lcr:master_plan_check_model"])
@pytest.mark.parametrize("blank", [None, ""])
def test_master_check_without_shelter_type_or_capacity(bureau, log_feedback, algorithm, blank):
    folder, params = bureau
    log = log_feedback()
    units = run_check(folder, {**params, "shelter_type_field": blank, "shelter_capacity_field": blank},
                      algorithm, log, f"{algorithm[4:]}_{blank is None}")
    # the default 500 m instead of the central class's 2,500 m (which reaches all 1,760): the reach lcr:shelter_coverage
    # gives alone at 500 m without a type (the shelter lies 100 m from four roads, so which slabs are within 500 m
    # along them hangs on a tie: the number is not worked out here), whole slabs of 88, fewer than all
    alone = processing.run("lcr:shelter_coverage", {
        "INPUT": params["buildings"], "POPULATION_FIELD": "人口", "SHELTERS": params["shelters"],
        "AREA_FIELD": "有效面积", "ROADS": params["roads"], "SERVICE_DISTANCE": 500, "UNITS": params["units"],
        "OUTPUT": "TEMPORARY_OUTPUT", "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})
    reach = {f["单元编号"]: f["pop_reach"] for f in alone["UNITS_OUTPUT"].getFeatures()}
    assert [units[u]["pop_reach"] for u in ("DY-01", "DY-02")] == [reach["DY-01"], reach["DY-02"]]
    assert sum(reach.values()) % 88 == 0 and 0 < sum(reach.values()) < 1_760
    assert units["DY-01"]["shelter_cap_pct"] is None and units["DY-02"]["shelter_cap_pct"] is None
    # the rule not assessed (NULL), not passed: 6,000 places would be 426 per 100 residents of DY-01
    assert units["DY-01"]["r_cn_m_shelter_cap"] is None and units["DY-02"]["r_cn_m_shelter_cap"] is None
    text = log.text
    assert "No shelter type field: every shelter reaches the service distance (500 m)" in text
    assert "the fixed-shelter capacity is not assessed" in text
    if algorithm == "lcr:master_plan_check":     # said in the log and the report's input notes
        assert "No shelter capacity field: each shelter holds its effective area" in text
        assert "has no field “roof_type”" not in text      # a default name the layer lacks: as not given


@pytest.mark.parametrize("field, value, layer", [("residents_field", "居民", "现状 建筑"),
                                                 ("unit_id_field", "编号", "规划 单元"),
                                                 ("shelter_area_field", "面积", "避难场所")])
def test_a_missing_field_is_named_with_the_users_layer(bureau, field, value, layer):
    from qgis.core import QgsProcessingException

    folder, params = bureau
    with pytest.raises(QgsProcessingException) as error:
        processing.run("lcr:master_plan_check", {**params, field: value, "check:planning_check": "TEMPORARY_OUTPUT",
                                                 "check:rules": "TEMPORARY_OUTPUT", "synergy:synergy": "TEMPORARY_OUTPUT",
                                                 "report:report_html": str(folder / "x.html"),
                                                 "report:report_pdf": str(folder / "x.pdf")})
    assert f"layer “{layer}” has no field “{value}”" in str(error.value)


def test_shelter_capacity_without_a_capacity_field_is_not_assessed(provider, make_layer, rect, log_feedback):
    zones = make_layer("Polygon", "EPSG:4549", "pop:double", [(rect(500000, 3400000, 100, 100), [100.0])])
    shelters = make_layer("Point", "EPSG:4549", "kind:string", [("POINT(500050 3400050)", ["中心避难场所"])])
    result = processing.run("lcr:shelter_capacity", {"INPUT": zones, "POPULATION_FIELD": "pop", "SHELTERS": shelters,
                                                     "TYPE_FIELD": "kind", "OUTPUT": "TEMPORARY_OUTPUT"},
                            feedback=(log := log_feedback()))
    from qgis.core import NULL

    row = next(result["OUTPUT"].getFeatures())
    assert row["fixed_cap"] == NULL and row["shelter_cap_pct"] == NULL
    assert result["CAPACITY_PCT"] is None
    assert "the fixed-shelter capacity is not assessed" in log.text


def test_batch_check_takes_prepare_osm_units_as_parcels(qgis_processing, provider, tmp_path):
    """lcr:prepare_osm writes planning_units (unit_id, name, residents) and no parcels: the detailed check's parcels
    are those units, its parcel id unit_id, and both choices are said."""
    from batch_check import model_parameters

    gpkg = tmp_path / "osm.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    for name, fields in (("planning_units", ("unit_id", "name", "residents")), ("buildings", ("residents",))):
        layer = source.CreateLayer(name, geom_type=ogr.wkbPolygon)
        for field in fields:
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    source = None
    notes = []
    params = model_parameters("lcr:detailed_plan_check", str(gpkg), str(tmp_path / "out"), notes=notes)
    assert params["parcels"] == f"{gpkg}|layername=planning_units"
    assert params["parcel_id_field"] == "unit_id" and params["name_field"] == "name"
    assert notes == [f"{gpkg}: no layer parcels; its planning_units are checked as parcels",
                     f"{gpkg}: planning_units has no field parcel_id: name_field = name",
                     f"{gpkg}: planning_units has no field parcel_id: parcel_id_field = unit_id"]


@pytest.mark.parametrize("field, value, layer, parameter", [
    ("unit_id_field", "编号", "规划 单元", "Unit id field"),           # read by the check from the units made by the steps
    ("residents_field", "居民", "现状 建筑", "Building residents field")])
def test_the_model_names_the_users_layer_for_a_missing_field(bureau, field, value, layer, parameter):
    from qgis.core import QgsProcessingException

    folder, params = bureau
    with pytest.raises(QgsProcessingException) as error:
        processing.run("lcr:master_plan_check_model", {
            **params, field: value, "check:planning_check": "TEMPORARY_OUTPUT", "check:rules": "TEMPORARY_OUTPUT",
            "synergy:synergy": "TEMPORARY_OUTPUT", "report:report_html": str(folder / "y.html"),
            "report:report_pdf": str(folder / "y.pdf")})
    message = str(error.value)
    assert f"The layer “{layer}” (" in message and f"has no field “{value}” (parameter “{parameter}”)" in message
    assert "Planning check" not in message
