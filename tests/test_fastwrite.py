"""GeoPackage results written without a QgsFeature per feature (algorithms/fastwrite.py) equal the sink's
feature by feature: the same fields (names, types, widths, order), fids, values (NULLs included) and
geometries, and the same totals, for every algorithm that uses it, on the demo district, on a copy with odd
field names (spaces, Chinese) and NULLs, and on a copy in EPSG:4326. A cancelled run leaves no file; the
output loads on completion with the algorithm's style as before."""
from pathlib import Path

import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject

import processing

pytestmark = pytest.mark.usefixtures("provider")

DEMO = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
ODD = {"floors": "楼 层", "use": "use type", "residents": "居民 数", "roof_type": "屋顶 type"}


def algorithms(path, names):
    """(algorithm id, parameters) of the algorithms that write through ``GpkgResultSink``."""
    hazard = demo("flood_zones")
    return {
        "building_emissions": ("lcr:building_emissions", {"FLOORS_FIELD": names["floors"], "USE_FIELD": names["use"]}),
        "flood_exposure": ("lcr:flood_exposure", {"HAZARD": hazard, "DEPTH_FIELD": "depth_m",
                                                  "POPULATION_FIELD": names["residents"]}),
        "rooftop_pv": ("lcr:rooftop_pv", {"ROOF_TYPE_FIELD": names["roof_type"]}),
        "transit_coverage": ("lcr:transit_coverage", {
            "POPULATION_FIELD": names["residents"], "STOPS": demo("transit_stops"), "STOP_TYPE_FIELD": "stop_type",
            "ROADS": demo("roads")}),
        "life_circle": ("lcr:life_circle", {
            "POPULATION_FIELD": names["residents"], "FACILITIES": demo("facilities"),
            "FACILITY_TYPE_FIELD": "fac_type", "ROADS": demo("roads")}),
        "shelter_coverage": ("lcr:shelter_coverage", {
            "POPULATION_FIELD": names["residents"], "SHELTERS": demo("shelters"), "AREA_FIELD": "eff_area_m2",
            "ROADS": demo("roads")}),
    }


def demo(layer):
    return f"{DEMO}|layername={layer}"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """{variant: (buildings GeoPackage, field names)}: the demo, odd names with NULLs, EPSG:4326."""
    folder = tmp_path_factory.mktemp("fastwrite")
    odd = str(folder / "odd.gpkg")
    columns = ", ".join(
        f'CASE WHEN fid % 5 = 0 THEN NULL ELSE "{name}" END AS "{new}"' for name, new in ODD.items())
    gdal.VectorTranslate(odd, str(DEMO), format="GPKG", SQLStatement=(
        f'SELECT fid, geom, bldg_id, {columns}, height_m FROM buildings'), SQLDialect="SQLite",
        layerName="建筑 buildings", layerCreationOptions=["FID=fid"])
    wgs84 = str(folder / "wgs84.gpkg")
    gdal.VectorTranslate(wgs84, str(DEMO), format="GPKG", layers=["buildings"], dstSRS="EPSG:4326",
                         options=["-preserve_fid"])
    plain = {name: name for name in ODD}
    return {"demo": (f"{DEMO}|layername=buildings", plain), "odd": (f"{odd}|layername=建筑 buildings", ODD),
            "wgs84": (f"{wgs84}|layername=buildings", plain)}


def dump(path):
    """Everything a reader sees of the one layer of ``path``."""
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR)
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    fields = [(d.GetName(), d.GetType(), d.GetSubType(), d.GetWidth(), d.GetPrecision(), d.IsNullable())
              for d in map(definition.GetFieldDefn, range(definition.GetFieldCount()))]
    rows = [(f.GetFID(), [f.GetField(i) if f.IsFieldSetAndNotNull(i) else None for i in range(len(fields))],
             f.GetGeometryRef().ExportToIsoWkb() if f.GetGeometryRef() is not None else None) for f in layer]
    return {"geometry": (layer.GetGeomType(), layer.GetGeometryColumn(), layer.GetFIDColumn(),
                         layer.GetSpatialRef().ExportToWkt() if layer.GetSpatialRef() else None),
            "fields": fields, "rows": rows, "extent": layer.GetExtent()}


@pytest.fixture
def copies(spy):
    """The copies made by ``GpkgResultSink``."""
    from lcr_toolkit.algorithms import fastwrite

    return spy(fastwrite.GpkgResultSink, "copy")


@pytest.mark.parametrize("variant", ["demo", "odd", "wgs84"])
@pytest.mark.parametrize("name", ["building_emissions", "flood_exposure", "rooftop_pv", "transit_coverage",
                                  "life_circle", "shelter_coverage"])
def test_same_output_both_ways(inputs, variant, name, tmp_path, write_modes, copies):
    source, names = inputs[variant]
    alg, params = algorithms(source, names)[name]
    results = {}
    for mode in write_modes():
        output = str(tmp_path / f"{mode}.gpkg")
        result = processing.run(alg, {**params, "INPUT": source, "OUTPUT": output})
        assert result.pop("OUTPUT") == output
        results[mode] = (result, dump(output))
        assert len(copies) == (mode == "fast")
    (sink_totals, sink), (fast_totals, fast) = results["sink"], results["fast"]
    assert fast_totals == sink_totals
    assert fast["geometry"] == sink["geometry"]
    assert fast["fields"] == sink["fields"]
    path, _, layer = source.partition("|layername=")
    assert len(fast["rows"]) == len(sink["rows"]) == gdal.OpenEx(path).GetLayerByName(layer).GetFeatureCount()
    for fast_row, sink_row in zip(fast["rows"], sink["rows"]):
        assert fast_row == sink_row
    assert fast["extent"] == pytest.approx(sink["extent"])
    # the new columns hold values, and NULLs where the sink has NULLs
    assert any(value is None for row in sink["rows"] for value in row[1]) or variant != "odd"


def test_table_not_whole_goes_through_the_sink(inputs, tmp_path, copies):
    """A subset or a selection changes which features are written: the sink writes them."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsVectorLayer

    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["building_emissions"]
    output = str(tmp_path / "filtered.gpkg")
    processing.run(alg, {**params, "INPUT": f"{source}|subset=fid < 100", "OUTPUT": output})
    assert copies == []
    assert len(dump(output)["rows"]) == 99
    layer = QgsVectorLayer(source, "buildings")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds([1, 2, 3])
        processing.run(alg, {**params, "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True),
                             "OUTPUT": output})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert copies == []
    assert len(dump(output)["rows"]) == 3


def test_memory_output_goes_through_the_sink(inputs, copies):
    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["rooftop_pv"]
    layer = processing.run(alg, {**params, "INPUT": source, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert copies == [] and layer.featureCount() > 0


def test_loads_on_completion_with_the_style(inputs, tmp_path, write_modes, copies):
    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["building_emissions"]
    details = {}
    for mode in write_modes():
        output = str(tmp_path / f"{mode}.gpkg")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        result = processing.run(alg, {**params, "INPUT": source,
                                      "OUTPUT": QgsProcessingOutputLayerDefinition(output, QgsProject.instance())},
                                context=context)
        assert result["OUTPUT"] == output
        assert list(context.layersToLoadOnCompletion()) == [output]
        loaded = context.layerToLoadOnCompletionDetails(output)
        details[mode] = (loaded.name, loaded.outputName, loaded.postProcessor() is not None)
    assert len(copies) == 1
    assert details["fast"] == details["sink"] and details["fast"][2]


def test_cancel_leaves_no_file(inputs, tmp_path, monkeypatch, copies):
    from qgis.core import QgsProcessingException

    from lcr_toolkit.algorithms import fastwrite

    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["building_emissions"]
    feedback = QgsProcessingFeedback()
    original = fastwrite.GpkgResultSink.write

    def cancel_after(self, fids, values):
        original(self, fids, values)
        feedback.cancel()

    monkeypatch.setattr(fastwrite.GpkgResultSink, "write", cancel_after)
    output = tmp_path / "cancelled.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(alg, {**params, "INPUT": source, "OUTPUT": str(output)}, feedback=feedback)
    assert len(copies) == 1
    assert list(tmp_path.iterdir()) == []


def test_cancel_during_the_copy(inputs, tmp_path, copies):
    from qgis.core import QgsProcessingException

    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["flood_exposure"]
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(alg, {**params, "INPUT": source, "OUTPUT": str(tmp_path / "c.gpkg")}, feedback=feedback)
    assert list(tmp_path.iterdir()) == []
    assert ogr.GetDriverByName("GPKG") is not None


def test_table_without_columns_reads_the_features(inputs, tmp_path, monkeypatch, copies):
    """Where GDAL gives no columns after all, the features are read one by one and the copy still gets
    its values."""
    from lcr_toolkit.algorithms import columnar

    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["flood_exposure"]
    outputs = {}
    for mode in ("columns", "none"):
        if mode == "none":
            monkeypatch.setattr(columnar.Columns, "batches", lambda self: iter(()))
        outputs[mode] = str(tmp_path / f"{mode}.gpkg")
        processing.run(alg, {**params, "INPUT": source, "OUTPUT": outputs[mode]})
    assert len(copies) == 2
    assert dump(outputs["none"])["rows"] == dump(outputs["columns"])["rows"]
    assert any(row[1][-1] is not None for row in dump(outputs["none"])["rows"])


def index_check(path):
    """(rtreecheck's verdict, rows in the R-tree, features) of the one layer of ``path``, and the fids a
    box query through the index finds against those whose geometry meets the box, tested one by one."""
    import sqlite3

    dataset = gdal.OpenEx(path)
    layer = dataset.GetLayer(0)
    name, column, count = layer.GetName(), layer.GetGeometryColumn(), layer.GetFeatureCount()
    minx, maxx, miny, maxy = layer.GetExtent()
    box = (minx + (maxx - minx) / 3, miny + (maxy - miny) / 3, minx + (maxx - minx) / 2, miny + (maxy - miny) / 2)
    layer.SetSpatialFilterRect(*box)
    indexed = sorted(f.GetFID() for f in layer)
    layer.SetSpatialFilter(None)
    frame = ogr.CreateGeometryFromWkt("POLYGON (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(*box))
    meeting = sorted(f.GetFID() for f in layer if f.GetGeometryRef() and f.GetGeometryRef().Intersects(frame))
    layer = dataset = None
    db = sqlite3.connect(path)
    try:
        verdict = db.execute(f"SELECT rtreecheck('rtree_{name}_{column}')").fetchone()[0]
        rows = db.execute(f'SELECT count(*) FROM "rtree_{name}_{column}"').fetchone()[0]
    finally:
        db.close()
    return verdict, rows, count, indexed, meeting


@pytest.fixture
def row_copies(spy):
    """``.results``: what each ``GpkgResultSink._copy_rows`` returned (None: GDAL copied)."""
    from lcr_toolkit.algorithms import fastwrite

    return spy(fastwrite.GpkgResultSink, "_copy_rows")


def test_rows_and_index_copied_in_sqlite(inputs, tmp_path, row_copies):
    """The demo has a spatial index: the rows and the index's tables are copied in SQLite; the output's index
    passes SQLite's check, holds every building and finds, for a box, exactly the buildings whose bounding
    box meets it (3,713 buildings, counted feature by feature)."""
    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["flood_exposure"]
    output = str(tmp_path / "indexed.gpkg")
    processing.run(alg, {**params, "INPUT": source, "OUTPUT": output})
    assert row_copies.results == [True]
    verdict, rows, count, indexed, meeting = index_check(output)
    assert verdict == "ok" and rows == count == 3713
    assert indexed == meeting and len(indexed) > 10
    dataset, demo_dataset = gdal.OpenEx(output), gdal.OpenEx(str(DEMO))
    layer = dataset.GetLayer(0)
    assert layer.GetFeatureCount() == 3713   # gpkg_ogr_contents set once, not by the dropped triggers
    assert layer.GetExtent() == demo_dataset.GetLayerByName("buildings").GetExtent()


def test_source_without_index_copied_by_gdal(inputs, tmp_path, write_modes, row_copies):
    """A table without a spatial index is copied by GDAL, which builds the output's index; the features are
    the same as the sink's."""
    plain = str(tmp_path / "plain.gpkg")
    gdal.VectorTranslate(plain, str(DEMO), format="GPKG", layers=["buildings"], options=["-preserve_fid"],
                         layerCreationOptions=["SPATIAL_INDEX=NO", "FID=fid"])
    _, names = inputs["demo"]
    alg, params = algorithms(plain, names)["rooftop_pv"]
    dumps = {}
    for mode in write_modes():
        output = str(tmp_path / f"{mode}.gpkg")
        processing.run(alg, {**params, "INPUT": f"{plain}|layername=buildings", "OUTPUT": output})
        dumps[mode] = dump(output)
    assert row_copies.results == [None]
    assert dumps["fast"]["rows"] == dumps["sink"]["rows"]
    verdict, rows, count, indexed, meeting = index_check(str(tmp_path / "fast.gpkg"))
    assert verdict == "ok" and rows == count == 3713 and indexed == meeting


def test_cancel_during_the_sql_copy(inputs, tmp_path, monkeypatch, row_copies):
    """A Cancel while SQLite copies the rows with their values interrupts the copy and leaves no file."""
    from qgis.core import QgsProcessingException

    from lcr_toolkit.algorithms import fastwrite

    source, names = inputs["demo"]
    alg, params = algorithms(source, names)["flood_exposure"]
    feedback = QgsProcessingFeedback()
    original, filled = fastwrite.GpkgResultSink._fill, []

    def cancel_then_fill(self):
        feedback.cancel()   # as the copy starts
        filled.append(original(self))
        return filled[-1]

    monkeypatch.setattr(fastwrite.GpkgResultSink, "_fill", cancel_then_fill)
    monkeypatch.setattr(fastwrite, "CANCEL_STEPS", 100)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run(alg, {**params, "INPUT": source, "OUTPUT": str(tmp_path / "c.gpkg")}, feedback=feedback)
    assert row_copies.results == [True] and filled == [False]
    assert list(tmp_path.iterdir()) == []
