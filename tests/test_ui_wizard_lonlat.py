"""The layers page on layers in longitudes and latitudes: CGCS2000's EPSG:4490 (the CRS most Chinese bureau data come
in) and WGS 84's EPSG:4326 are accepted, as the algorithms accept them, and the page says which CRS in metres the
checks measure them in: the CGCS2000 3-degree Gauss-Krüger zone of the layer's centre for EPSG:4490 (the demo lies at
about 120.7° E: CM 120E, EPSG:4549), the WGS 84 UTM zone for EPSG:4326 (zone 51N, EPSG:32651). Coordinates that
cannot be longitudes and latitudes are refused."""
import sys
from pathlib import Path

from qgis.core import QgsProject

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_ui_wizard import choose_level, district, next_enabled, wizard  # noqa: E402,F401
from lcr_toolkit.ui.wizard.wizard import Page  # noqa: E402


def test_layers_in_longitudes_and_latitudes_are_measured_in_metres(wizard, district, reprojected):
    choose_level(wizard, "master")
    page = wizard.pages[Page.LAYERS]
    assert next_enabled(wizard) and page.notes.text() == ""
    cgcs = reprojected(district["buildings"], "EPSG:4490")
    cgcs.setName("建筑 CGCS2000")
    wgs = reprojected(district["shelters"], "EPSG:4326")
    wgs.setName("shelters wgs84")
    QgsProject.instance().addMapLayers([cgcs, wgs])
    page.layer_boxes["buildings"].setLayer(cgcs)
    page.layer_boxes["shelters"].setLayer(wgs)
    assert page.problems.text() == "" and next_enabled(wizard)
    notes = page.notes.text().split("\n")
    assert notes == [
        "• “建筑 CGCS2000” is in longitudes and latitudes (EPSG:4490): the checks measure its distances and areas in "
        "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549); the results keep its CRS.",
        "• “shelters wgs84” is in longitudes and latitudes (EPSG:4326): the checks measure its distances and areas in "
        "WGS 84 / UTM zone 51N (EPSG:32651); the results keep its CRS."]


def test_metres_labelled_as_degrees_are_refused(wizard, district, make_layer, rect):
    choose_level(wizard, "master")
    page = wizard.pages[Page.LAYERS]
    metres = make_layer("Polygon", "EPSG:4490", "floors:integer", [(rect(571800, 3403000, 10, 10), [3])],
                        name="metres_as_degrees")
    QgsProject.instance().addMapLayer(metres)
    page.layer_boxes["buildings"].setLayer(metres)
    assert "“metres_as_degrees” is labelled EPSG:4490, longitudes and latitudes, but its coordinates cannot be" in \
        page.problems.text()
    assert not next_enabled(wizard)


def test_shelter_type_and_capacity_may_be_left_empty(wizard):
    """Both optional (the check then uses the default distance and leaves the capacity not assessed)."""
    choose_level(wizard, "master")
    page = wizard.pages[Page.LAYERS]
    for param in ("shelter_type_field", "shelter_capacity_field"):
        page.field_boxes[param].setField("")
    assert page.problems.text() == "" and next_enabled(wizard)
    assert page.previews["shelter_type_field"].text() == "(optional, not used) service distance by shelter class"
