"""Result maps a reader can read: verdicts apart in greyscale print, the synergy drawn as markers that
leave the verdict visible under them and sit above it, units labelled by name, legends titled with
what they measure and the unit."""
from pathlib import Path

import processing
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

REPO = Path(__file__).resolve().parents[1]


def grey(colour):
    """ITU-R BT.601 luma of a QColor, as a greyscale print or photocopy renders it (0 black, 255 white)."""
    return 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()


def memory_layer(fields, name="units"):
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4549&field={fields}", name, "memory")
    assert layer.isValid()
    return layer


def test_verdicts_apart_in_greyscale_and_synergy_markers_leave_the_fill(qgis_app):
    from lcr_toolkit.algorithms.styles import apply_style

    check = memory_layer("n_fail:integer&field=verdict:string")
    assert apply_style(check, "planning_check")
    rules = check.renderer().rootRule().children()
    greys = [grey(rule.symbol().color()) for rule in rules]
    # fails 3+, 2, 1, pass, not assessed: lighter with every rule fewer failed, at least 40 grey levels apart
    ordered = [greys[0], greys[1], greys[2], greys[3], greys[5]]
    assert ordered == sorted(ordered) and min(b - a for a, b in zip(ordered, ordered[1:])) >= 40, greys
    assert [round(g) for g in ordered] == [32, 78, 146, 193, 240]
    insufficient = rules[4].symbol()
    assert insufficient.symbolLayerCount() == 2 and insufficient.symbolLayer(1).layerType() == "LinePatternFill"

    synergy = memory_layer("quadrant:string")
    assert apply_style(synergy, "synergy")
    shapes = []
    for rule in synergy.renderer().rootRule().children()[:4]:
        outline, centre = rule.symbol().symbolLayer(0), rule.symbol().symbolLayer(1)
        assert outline.brushStyle() == Qt.BrushStyle.NoBrush      # no fill: the verdict shows through
        marker = centre.subSymbol().symbolLayer(0)
        assert marker.strokeColor().name() == "#ffffff"            # a white rim on any verdict colour
        shapes.append(marker.shape())
    assert len(set(shapes)) == 4                                   # told apart without colour


def test_units_labelled_by_name_and_legend_titles(qgis_app):
    from lcr_toolkit.algorithms.styles import TITLES, apply_style, titled_name

    units = memory_layer("unit_id:string&field=name:string&field=n_fail:integer&field=verdict:string")
    assert apply_style(units, "planning_check")
    assert units.labelsEnabled() and units.labeling().settings().fieldName == "name"
    ids_only = memory_layer("unit_id:string&field=n_fail:integer")
    assert apply_style(ids_only, "planning_check") and ids_only.labeling().settings().fieldName == "unit_id"
    buildings = memory_layer("depth_m:double&field=exposed:integer")
    assert apply_style(buildings, "flood_exposure") and not buildings.labelsEnabled()
    assert {p.stem for p in (REPO / "resources" / "styles").glob("*.qml")} == set(TITLES)
    assert titled_name("Flood exposure", "flood_exposure") == "Flood exposure — deepest flood water at the building (m)"
    assert titled_name("Planning check", "planning_check") == "Planning check — verdict: rules failed per unit"


def test_synergy_moves_above_the_check_it_was_loaded_with(qgis_app, qtbot):
    from lcr_toolkit.algorithms.styles import apply_style, order_results

    project = QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, "results")
    check, synergy = memory_layer("n_fail:integer", "check"), memory_layer("quadrant:string", "synergy")
    apply_style(check, "planning_check")
    apply_style(synergy, "synergy")
    for layer in (check, synergy):
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    # as the wizard adds them, check first: the order is put right once the event loop runs
    qtbot.waitUntil(lambda: [node.layer().name() for node in group.children()] == ["synergy", "check"], timeout=2000)
    order_results(project)
    assert [node.layer().name() for node in group.children()] == ["synergy", "check"]
    project.layerTreeRoot().removeChildNode(group)
    project.removeMapLayers([check.id(), synergy.id()])


def test_processing_output_legend_says_what_and_unit(provider, make_layer, rect):
    buildings = make_layer("Polygon", "EPSG:4549", "floors:integer", [(rect(0, 0, 10, 10), [2])])
    hazard = make_layer("Polygon", "EPSG:4549", "depth_m:double", [(rect(0, 0, 5, 5), [0.7])])
    for _run in range(2):   # the second run gets a post-processor of its own (the first one's is deleted)
        result = processing.runAndLoadResults("lcr:flood_exposure", {
            "INPUT": buildings, "HAZARD": hazard, "DEPTH_FIELD": "depth_m", "OUTPUT": "TEMPORARY_OUTPUT"})
        layer = QgsProject.instance().mapLayer(result["OUTPUT"])
        assert layer.name().endswith(" — deepest flood water at the building (m)"), layer.name()
        QgsProject.instance().removeMapLayer(layer.id())
