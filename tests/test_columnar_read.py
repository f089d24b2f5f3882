"""Reading a GeoPackage's geometries and fields as columns (algorithms/columnar.py) gives exactly what
reading the features one by one gives: the same output layer, totals and log, on a table with NULL and
empty texts, text floors, NULL numbers, a bow-tie polygon and features without geometry; also across
chunk boundaries, and where GDAL's rows would not match QGIS's features (then the features are read)."""
import pytest
from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

import processing

FIELDS = "floors:string&field=use:string&field=gfa:double&field=residents:integer"
ROWS = [  # (wkt, [floors, use, gfa, residents])
    ("POLYGON((0 0,10 0,10 10,0 10,0 0))", ["6层", "office", None, 10]),        # 100 m² × 6
    ("POLYGON((20 0,40 0,40 10,20 10,20 0))", ["十二层", "住宅", None, None]),  # 200 m² × 12
    ("POLYGON((50 0,60 0,60 5,50 5,50 0))", ["", "", 1000.0, 3]),             # empty texts; the GFA wins
    ("POLYGON((70 0,80 10,80 0,70 10,70 0))", [None, None, None, 4]),           # bow-tie, 50 m², NULL texts
    (None, ["3", "office", None, 5]),                                          # no geometry
    ("POLYGON((90 0,100 0,100 10,90 10,90 0))", ["abc", "barn", -5.0, 2]),     # no number; a GFA below 0
]
HAZARD = [("POLYGON((-5 -5,25 -5,25 20,-5 20,-5 -5))", [0.8]), ("POLYGON((65 -5,85 -5,85 20,65 20,65 -5))", [1.5])]


@pytest.fixture
def layers(make_layer, tmp_path):
    """The buildings as a memory layer and as a GeoPackage table (its URI; the same features), and the hazard.
    (An ogr layer kept by a fixture crashes the test's teardown.)"""
    memory = make_layer("Polygon", "EPSG:4549", FIELDS, ROWS, name="buildings")
    path = str(tmp_path / "buildings.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "buildings"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return memory, f"{path}|layername=buildings", make_layer("Polygon", "EPSG:4549", "depth_m:double", HAZARD, name="hazard")


@pytest.fixture
def batches(monkeypatch):
    """Counts the batches read as columns."""
    from lcr_toolkit.algorithms import columnar

    read = []
    original = columnar.Columns.batches

    def counted(self):
        for batch in original(self):
            read.append(len(batch[0]))
            yield batch

    monkeypatch.setattr(columnar.Columns, "batches", counted)
    return read


def run(algorithm, params, feedback):
    result = processing.run(algorithm, {**params, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    layer = result.pop("OUTPUT")
    # a GeoPackage written by QGIS keeps a missing geometry as an empty one
    inputs = {"fid", "floors", "use", "gfa", "residents"}
    added = [name for name in layer.fields().names() if name not in inputs]
    rows = [([f[name] for name in added], f.geometry().asWkt(3) if not f.geometry().isEmpty() else "")
            for f in layer.getFeatures()]
    log = [line for line in feedback.lines if not line.startswith("Results:")]
    return rows, result, log


def both(algorithm, params, layers, log_feedback):
    memory, gpkg, _ = layers
    return run(algorithm, {**params, "INPUT": memory}, log_feedback()), \
        run(algorithm, {**params, "INPUT": gpkg}, log_feedback())


def test_building_emissions_reads_the_same_as_columns(provider, layers, log_feedback, batches):
    by_feature, by_column = both("lcr:building_emissions", {
        "FLOORS_FIELD": "floors", "USE_FIELD": "use", "GFA_FIELD": "gfa", "DEFAULT_FLOORS": 2}, layers, log_feedback)
    assert batches == [len(ROWS)]          # the GeoPackage was read as columns, the memory layer was not
    assert by_column == by_feature
    gfa = [row[0][0] for row in by_column[0]]
    # 6层 and 十二层 read as 6 and 12 floors; the GFA field wins; the bow-tie is repaired (50 m²) × 2
    # default floors (NULL text); no geometry: no area; "abc" holds no number: default floors
    assert gfa[:4] == pytest.approx([600.0, 2400.0, 1000.0, 100.0])
    assert gfa[5] == pytest.approx(200.0)
    assert "1 values of the text field “floors” hold no number" in " ".join(by_column[2])
    assert any("repaired" in line for line in by_column[2])


def test_flood_exposure_reads_the_same_as_columns(provider, layers, log_feedback, batches):
    by_feature, by_column = both("lcr:flood_exposure", {
        "HAZARD": layers[2], "DEPTH_FIELD": "depth_m", "POPULATION_FIELD": "residents"}, layers, log_feedback)
    assert batches == [len(ROWS)]
    assert by_column == by_feature
    assert by_column[1] == {"EXPOSED_COUNT": 3, "EXPOSED_POPULATION": 14.0}   # 10 + NULL + 4 residents


def test_chunk_boundaries(provider, layers, log_feedback, batches, monkeypatch):
    from lcr_toolkit.algorithms.base import LcrAlgorithm

    monkeypatch.setattr(LcrAlgorithm, "CHUNK_SIZE", 4)
    monkeypatch.setattr(LcrAlgorithm, "CANCEL_EVERY", 3)
    by_feature, by_column = both("lcr:building_emissions", {"FLOORS_FIELD": "floors", "USE_FIELD": "use"},
                                 layers, log_feedback)
    assert batches == [4, 2]
    assert by_column == by_feature


def test_rows_that_do_not_match_are_read_feature_by_feature(provider, layers, log_feedback, monkeypatch):
    from lcr_toolkit.algorithms import columnar

    original = columnar.Columns.batches

    def shifted(self):   # ids GDAL would give for other rows than QGIS reads
        for fid, wkb, numbers, texts in original(self):
            yield fid + 1, wkb[::-1], numbers, texts

    monkeypatch.setattr(columnar.Columns, "batches", shifted)
    by_feature, by_column = both("lcr:flood_exposure", {
        "HAZARD": layers[2], "DEPTH_FIELD": "depth_m", "POPULATION_FIELD": "residents"}, layers, log_feedback)
    assert by_column == by_feature


def test_only_whole_tables_read_as_they_are(provider, layers, tmp_path, batches, log_feedback):
    from lcr_toolkit.algorithms import columnar

    _, uri, _ = layers
    assert columnar.whole_table(QgsVectorLayer(uri, "buildings", "ogr")).layer == "buildings"
    subset = QgsVectorLayer(uri, "subset", "ogr")
    subset.setSubsetString('"residents" > 2')
    assert columnar.whole_table(subset) is None
    # an output into the GeoPackage being read: the features are read one by one
    path = uri.split("|")[0]
    processing.run("lcr:building_emissions", {"INPUT": uri, "FLOORS_FIELD": "floors",
                                              "OUTPUT": f"ogr:dbname='{path}' table=\"emissions\" (geom)"},
                   feedback=log_feedback())
    assert batches == []
    processing.run("lcr:building_emissions", {"INPUT": subset, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert batches == []


def test_the_cycle_collector_is_back_on_after_a_run_and_after_a_cancel(provider, layers, log_feedback):
    import gc

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    _, uri, _ = layers
    processing.run("lcr:building_emissions", {"INPUT": uri, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log_feedback())
    assert gc.isenabled()
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("lcr:building_emissions", {"INPUT": uri, "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert gc.isenabled()


def test_batches_hold_no_gdal_memory_and_let_go_of_the_file_when_dropped(layers):
    # The arrays handed out outlive the batch, the stream and the dataset (the plan check keeps them): a view
    # of a batch kept GDAL's Arrow memory, freed later after the dataset was gone, and crashed QGIS 3.44.
    import gc
    import weakref

    from osgeo import gdal

    from lcr_toolkit.algorithms import columnar

    _memory, uri, _hazard = layers
    path, table = uri.split("|layername=")
    opened = []
    original = gdal.OpenEx

    def tracked(*args, **kwargs):
        dataset = original(*args, **kwargs)
        opened.append(weakref.ref(dataset))
        return dataset

    reader = columnar.Columns(columnar.Table(path, table), ["residents"], ["use"], batch_size=2)
    gdal.OpenEx, was = tracked, gdal.OpenEx
    try:
        batches = reader.batches()
        fid, wkb, numbers, texts = next(batches)     # the reader stops after the first batch
    finally:
        gdal.OpenEx = was
    assert fid.tolist() == [1, 2] and numbers["residents"][0] == 10 and numbers["residents"][1] != numbers["residents"][1]
    for array in (fid, wkb, numbers["residents"]):
        assert array.base is None or isinstance(array.base, type(array)) and array.base.base is None, type(array.base)
    gc.disable()        # only the generator's own clean-up may close the dataset
    try:
        batches.close()
        assert [ref() for ref in opened] == [None] * len(opened) and opened
    finally:
        gc.enable()
