"""The wizard on the worst of the bad inputs (tests/bad_input/more.py): a buildings layer holding a
GeometryCollection, and one with a NaN vertex. Both must run, leaving that building out (the collection
used to stop the run when its copy was written: “Could not add feature with geometry type GeometryCollection
to layer of type Polygon”): the spoilt building is building 6, a home of 73 residents in unit U1, so the
check's units hold the demo's 144,649 residents less those 73, 144,576, all taken from U1."""
import math
import os
import sys
from pathlib import Path

import pytest
import shapely
from osgeo import ogr
from qgis.core import QgsProject, QgsVectorLayer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bad_input.build import copy_layer  # noqa: E402
from test_ui_wizard import DISTRICT, RUN_TIMEOUT_MS, choose_level, district, wizard  # noqa: E402,F401
from lcr_toolkit.ui.wizard.wizard import Page  # noqa: E402


SPOILT, ITS_RESIDENTS, ITS_UNIT = 6, 73, "U1"


def spoilt_buildings(tmp_path, change):
    """The demo buildings in a GeoPackage of their own, building ``SPOILT``'s geometry changed by ``change``."""
    def replace(fid, geom):
        if fid != SPOILT:
            return geom
        return ogr.CreateGeometryFromWkb(shapely.to_wkb(change(shapely.from_wkb(bytes(geom.ExportToWkb())))))
    uri = copy_layer(f"{DISTRICT}|layername=buildings", tmp_path / "spoilt" / "buildings.gpkg", "buildings",
                     geometry=replace)
    layer = QgsVectorLayer(uri, "buildings", "ogr")
    QgsProject.instance().addMapLayer(layer)
    return layer


def run(qtbot, wizard, buildings):
    choose_level(wizard, "master")
    wizard.pages[Page.LAYERS].layer_boxes["buildings"].setLayer(buildings)
    wizard.next()
    wizard.next()
    page = wizard.pages[Page.RUN]
    page.start_button.click()
    qtbot.waitUntil(lambda: wizard.state.status in ("done", "failed", "cancelled"), timeout=RUN_TIMEOUT_MS)
    return page.status.text()


def assert_the_building_left_out(wizard):
    """The units' pop: the demo buildings' residents by their unit_id, less the spoilt building's."""
    demo = QgsVectorLayer(f"{DISTRICT}|layername=buildings", "demo", "ogr")
    expected = {}
    for f in demo.getFeatures():
        expected[f["unit_id"]] = expected.get(f["unit_id"], 0) + (f["residents"] or 0)
    expected[ITS_UNIT] -= ITS_RESIDENTS
    check = QgsVectorLayer(wizard.state.outputs["check:planning_check"], "check", "ogr")
    pop = {f["unit_id"]: f["pop"] or 0 for f in check.getFeatures()}
    assert sum(pop.values()) == pytest.approx(144_649 - 73)
    assert pop == pytest.approx({unit: expected.get(unit, 0) for unit in pop})


def test_a_geometry_collection_in_the_buildings_leaves_that_building_out(qtbot, wizard, tmp_path):
    buildings = spoilt_buildings(tmp_path, lambda g: shapely.GeometryCollection([g, g.centroid]))
    text = run(qtbot, wizard, buildings)
    assert wizard.state.status == "done", text
    assert_the_building_left_out(wizard)


def test_a_nan_vertex_in_the_buildings_leaves_that_building_out(qtbot, wizard, tmp_path):
    def nan_vertex(g):
        coords = shapely.get_coordinates(g)
        coords[1] = (math.nan, math.nan)
        return shapely.set_coordinates(g, coords)
    text = run(qtbot, wizard, spoilt_buildings(tmp_path, nan_vertex))
    assert wizard.state.status == "done", text
    assert os.path.exists(wizard.state.run_folder)
    assert_the_building_left_out(wizard)
