"""What a failed or cancelled run leaves at its output paths (algorithms/outputs.py): what it wrote or
overwrote goes, a layer it added to an existing GeoPackage goes alone, and files it never touched
(the inputs, a style beside the output, an old result it did not reach) stay as they were."""
import os

import numpy as np
import pytest
import shapely
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

import processing

X0, Y0 = 572000.0, 3402000.0


@pytest.fixture
def buildings(tmp_path):
    """35 buildings in a GeoPackage of their own (an input file whose bytes must not change)."""
    path = tmp_path / "input.gpkg"
    _gpkg(path, "buildings", [shapely.box(X0 + 20 * i, Y0, X0 + 20 * i + 10, Y0 + 10) for i in range(35)])
    return path


def _gpkg(path, name, geometries):
    source = ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = source.CreateLayer(name, srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("floors", ogr.OFTInteger))
    for geometry in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, 2)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geometry)))
        layer.CreateFeature(feature)
    source = None


def state(path):
    status = os.stat(path)
    return status.st_ino, status.st_size, status.st_mtime_ns, path.read_bytes()


def cancelled_run(feedback, parameters):
    """Run lcr:building_emissions cancelled from the start (after its sink is made); returns the log."""
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:building_emissions", parameters, feedback=feedback)
    return feedback.text


def test_an_overwritten_shapefile_goes_with_its_parts_but_not_the_style_beside_it(provider, buildings, tmp_path,
                                                                                   log_feedback):
    out = tmp_path / "result.shp"
    processing.run("lcr:building_emissions", {"INPUT": f"{buildings}|layername=buildings", "OUTPUT": str(out)})
    style = tmp_path / "result.qml"
    style.write_text("<qgis/>", encoding="utf-8")
    before = state(buildings)
    log = cancelled_run(log_feedback(), {"INPUT": f"{buildings}|layername=buildings", "OUTPUT": str(out)})
    assert f"Removed the unfinished output {out}." in log
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.gpkg", "result.qml"]
    assert state(buildings) == before


def test_a_layer_added_to_an_existing_geopackage_goes_alone(provider, buildings, tmp_path, log_feedback):
    target = tmp_path / "plan.gpkg"
    _gpkg(target, "parcels", [shapely.box(X0, Y0, X0 + 100, Y0 + 100)])
    log = cancelled_run(log_feedback(), {"INPUT": f"{buildings}|layername=buildings",
                                         "OUTPUT": f"ogr:dbname='{target}' table=\"emissions\" (geom)"})
    assert f"Removed the unfinished output {target}|layername=emissions." in log
    source = ogr.Open(str(target))
    assert [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())] == ["parcels"]
    assert source.GetLayer(0).GetFeatureCount() == 1


def test_an_error_after_writing_removes_the_output(provider, buildings, tmp_path, monkeypatch):
    from lcr_toolkit.algorithms.base import LcrAlgorithm
    from lcr_toolkit.core import emissions

    calls = []
    original = emissions.operational_co2

    def fails_on_the_second_chunk(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args)

    monkeypatch.setattr(LcrAlgorithm, "CHUNK_SIZE", 10)
    monkeypatch.setattr(emissions, "operational_co2", fails_on_the_second_chunk)
    out = tmp_path / "result.gpkg"
    with pytest.raises(QgsProcessingException, match="disk full"):
        processing.run("lcr:building_emissions", {"INPUT": f"{buildings}|layername=buildings", "OUTPUT": str(out)})
    assert len(calls) == 2 and not out.exists()


def test_old_outputs_the_run_never_reached_stay(provider, tmp_path, write_geotiff, make_layer, rect, monkeypatch):
    # Refused before any output is made (too little memory): yesterday's results stay as they were.
    from lcr_toolkit.core import memory

    monkeypatch.setattr(memory, "physical_memory_bytes", lambda: 2 ** 30)
    lulc = write_geotiff(tmp_path / "lulc.tif", np.ones((50, 50), dtype=np.int32), (X0, Y0 + 500), 10.0)
    old_raster = tmp_path / "hm.tif"
    write_geotiff(old_raster, np.zeros((5, 5), dtype=np.float32), (X0, Y0 + 50), 10.0)
    old_vector = tmp_path / "cooling.gpkg"
    _gpkg(old_vector, "cooling", [shapely.box(X0, Y0, X0 + 10, Y0 + 10)])
    before = [state(p) for p in (old_raster, old_vector, tmp_path / "lulc.tif")]
    units = make_layer("Polygon", "EPSG:4549", "name:string", [(rect(X0, Y0, 500, 500), ["all"])])
    with pytest.raises(QgsProcessingException, match="GB"):
        processing.run("lcr:urban_cooling", {"LULC_RASTER": lulc, "UNITS": units, "COOLING_DISTANCE": 5000,
                                             "OUTPUT": str(old_vector), "OUTPUT_HM_RASTER": str(old_raster)})
    assert [state(p) for p in (old_raster, old_vector, tmp_path / "lulc.tif")] == before


def test_a_cancelled_raster_run_removes_its_geotiff(provider, tmp_path, write_geotiff, make_layer, rect):
    lulc = write_geotiff(tmp_path / "lulc.tif", np.ones((50, 50), dtype=np.int32), (X0, Y0 + 500), 10.0)
    units = make_layer("Polygon", "EPSG:4549", "name:string", [(rect(X0, Y0, 500, 500), ["all"])])
    feedback = QgsProcessingFeedback()
    progress = []

    def cancel_when_the_tiles_start(value):
        progress.append(value)
        if value > 10:             # the rasters exist from here on
            feedback.cancel()
    feedback.progressChanged.connect(cancel_when_the_tiles_start)
    hm, tair = tmp_path / "hm.tif", tmp_path / "tair.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:urban_cooling", {"LULC_RASTER": lulc, "UNITS": units, "OUTPUT": "TEMPORARY_OUTPUT",
                                             "OUTPUT_HM_RASTER": str(hm), "OUTPUT_TAIR_RASTER": str(tair)},
                       feedback=feedback)
    assert max(progress) > 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lulc.tif"]
    assert gdal.Open(lulc) is not None


# ---- formats that change what is written -------------------------------------------------------------------
@pytest.mark.parametrize("names", [
    ["co2_t_yr", "co2_t_yr_est", "energy_kwh"],                                   # 10 bytes stay
    ["coord_class", "coord_class_z", "coord_clas"],                               # the second cut is taken
    ["green_share_a", "green_share_b", "green_share_c", "Green_share_d"],         # case-insensitive
    ["lid_pave_m2 "[:-1], "pass_before", "pass_before_x", "pass_befor_1"],
    ["建筑层数总计", "建筑层数总计二", "人口密度", "层数"],                         # cut inside a character
] + [[f"field_long_{i:02d}" for i in range(12)]])                                 # past _9: two digits
def test_the_shapefile_names_are_the_ones_gdal_writes(tmp_path, names):
    from lcr_toolkit.algorithms.outputs import dbf_names

    path = tmp_path / "names.shp"
    gdal.PushErrorHandler("CPLQuietErrorHandler")   # GDAL warns of each name it launders
    try:
        source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        layer = source.CreateLayer("names", None, ogr.wkbPoint, options=["ENCODING=UTF-8"])
        for name in names:
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
        # (GDAL's Python gives the bytes of a broken character as lone surrogates)
        written = [layer.GetLayerDefn().GetFieldDefn(i).GetName().encode("utf-8", "surrogateescape")
                   .decode("utf-8", "replace") for i in range(len(names))]
    finally:
        gdal.PopErrorHandler()
    source = None
    assert dbf_names(names) == written


def test_a_shapefile_output_names_each_field_it_cuts(provider, buildings, tmp_path, log_feedback):
    feedback = log_feedback()
    result = processing.run("lcr:building_emissions", {"INPUT": f"{buildings}|layername=buildings",
                                                       "OUTPUT": str(tmp_path / "result.shp")}, feedback=feedback)
    assert "“result.shp” is a Shapefile, which keeps field names of 10 bytes at most: co2_t_yr_est → co2_t_yr_e, " \
        "energy_kwh_est → energy_k_1." in feedback.text
    source = ogr.Open(result["OUTPUT"])   # (kept: a layer outlives its dataset in GDAL's Python only so long)
    definition = source.GetLayer(0).GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    assert names[-4:] == ["gfa_m2", "eui_kwh_m2", "energy_kwh", "co2_t_yr"] or "co2_t_yr_e" in names
    assert "co2_t_yr_e" in names and "co2_t_yr_est" not in names
    assert source.GetLayer(0).GetFeatureCount() == 35


def test_a_table_asked_for_as_a_shapefile_is_the_dbf_written(provider, tmp_path, make_layer, rect):
    """compare_checks writes a table without geometries: GDAL writes x.dbf alone, so x.shp is no output."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bad_input import cases

    params = cases.CASES[("compare_checks", "base")].build(cases.Folder(tmp_path / "case"))
    params["OUTPUT"] = str(tmp_path / "compared.shp")
    result = processing.run("lcr:compare_checks", params)
    assert result["OUTPUT"] == str(tmp_path / "compared.dbf")
    assert not (tmp_path / "compared.shp").exists()
    source = ogr.Open(result["OUTPUT"])
    assert source.GetLayer(0).GetFeatureCount() == 2


def test_a_csv_output_says_it_drops_the_geometries(provider, buildings, tmp_path, log_feedback):
    feedback = log_feedback()
    result = processing.run("lcr:building_emissions", {"INPUT": f"{buildings}|layername=buildings",
                                                       "OUTPUT": str(tmp_path / "result.csv")}, feedback=feedback)
    assert "“result.csv” holds a table only: the output keeps the attributes and no geometries." in feedback.text
    assert result["TOTAL_GFA_M2"] == pytest.approx(35 * 100)   # no floors field given: 1 floor each
    assert len((tmp_path / "result.csv").read_text(encoding="utf-8").splitlines()) == 1 + 35


def test_a_choice_out_of_range_lists_the_options(provider, buildings):
    with pytest.raises(QgsProcessingException, match=r"Electricity grid region \(GRID_REGION\): “99” is none of "
                                                     r"its options \(0 = National average; 1 = "):
        processing.run("lcr:building_emissions", {"INPUT": f"{buildings}|layername=buildings", "GRID_REGION": 99,
                                                  "OUTPUT": "TEMPORARY_OUTPUT"})


def test_an_output_named_without_a_folder_is_written_where_the_log_says(provider, buildings, tmp_path, log_feedback,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    feedback = log_feedback()
    result = processing.run("lcr:building_emissions", {"INPUT": f"{buildings}|layername=buildings",
                                                       "OUTPUT": "bare.gpkg"}, feedback=feedback)
    assert result["OUTPUT"].split("|")[0] == str(tmp_path / "bare.gpkg")
    assert f"Output layer: “bare.gpkg” names no folder; it is written to {tmp_path / 'bare.gpkg'}." in feedback.text \
        or f"“bare.gpkg” names no folder; it is written to {tmp_path / 'bare.gpkg'}." in feedback.text
    source = ogr.Open(str(tmp_path / "bare.gpkg"))
    assert source.GetLayer(0).GetFeatureCount() == 35


@pytest.mark.parametrize("output", ["input.gpkg", "input.shp"])
def test_an_output_over_its_own_input_is_refused_and_the_input_stays(provider, buildings, tmp_path, output):
    if output.endswith(".shp"):   # the input as a Shapefile, the output its .shp
        gdal.VectorTranslate(str(tmp_path / "input.shp"), str(buildings))
        source = str(tmp_path / "input.shp")
    else:
        source = f"{buildings}|layername=buildings"
    before = state(tmp_path / output)
    with pytest.raises(QgsProcessingException, match=r"Building emissions: .*input\.(gpkg|shp) is the file of the "
                                                     r"input “Buildings”: writing the output there would delete"):
        processing.run("lcr:building_emissions", {"INPUT": source, "OUTPUT": str(tmp_path / output)})
    assert state(tmp_path / output) == before
