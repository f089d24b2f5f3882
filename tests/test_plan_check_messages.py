"""What the plan checks say about the demo district: no "The input already has a field" for the fields
the checks' own steps write and read again (said once, in the check's words, where a field of the user's
layers is replaced), and warnings that name a layer by its layer name, not by its GeoPackage file."""
import shutil
import sys
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProject, QgsVectorLayer

import processing

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
sys.path.insert(0, str(REPO / "scripts"))


def warnings_of(log, text):
    return [line for line in log.lines if text in line]


def test_master_check_says_replaced_fields_once_and_names_layers(provider, log_feedback, tmp_path):
    """A copy of the demo whose buildings carry a field "pop" (the shelter steps write "pop" twice, and
    "bldg" and "method", on the checks' own intermediate layers), run with the name field as the park
    type field, so that no green space has a comprehensive or community park type."""
    from batch_check import run_model

    copy = tmp_path / "district_copy.gpkg"
    shutil.copy(DISTRICT, copy)
    source = ogr.Open(str(copy), 1)
    source.ExecuteSQL("ALTER TABLE buildings ADD COLUMN pop REAL")
    source = None
    log = log_feedback()
    run_model("lcr:master_plan_check", str(copy), str(tmp_path / "out"), feedback=log, park_type_field="name")
    assert not warnings_of(log, "The input already has a field")
    said = warnings_of(log, "already have a field")
    assert said == ["Your input layers already have a field “pop”: the check computes it again and uses its own "
                    "values."]
    green = warnings_of(log, "No green space of")
    assert len(green) == 2 and all(line.startswith("No green space of “green_spaces” has a type") for line in green)
    assert "district_copy" not in log.text


def test_detailed_check_on_the_demo_has_no_replaced_field_warning(provider, log_feedback, tmp_path):
    from batch_check import run_model

    log = log_feedback()
    run_model("lcr:detailed_plan_check", str(DISTRICT), str(tmp_path / "out"), feedback=log)
    assert not warnings_of(log, "already has a field") and not warnings_of(log, "already have a field")


@pytest.mark.parametrize("in_project", [False, True])
def test_a_layer_is_named_as_in_the_project_or_by_its_sublayer(provider, log_feedback, in_project):
    """lcr:park_supply alone: a GeoPackage layer given by path is named by its sublayer; a project layer keeps
    its own name (and is not renamed)."""
    green = f"{DISTRICT}|layername=green_spaces"
    name = "green_spaces"
    if in_project:
        layer = QgsVectorLayer(green, "Parks of the new town", "ogr")
        QgsProject.instance().addMapLayer(layer)
        green, name = layer.id(), "Parks of the new town"
    units = processing.run("native:fieldcalculator", {
        "INPUT": f"{DISTRICT}|layername=planning_units", "FIELD_NAME": "pop", "FIELD_TYPE": 1, "FORMULA": "1000",
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    log = log_feedback()
    try:
        processing.run("lcr:park_supply", {
            "INPUT": units, "POPULATION_FIELD": "pop", "GREEN_SPACES": green, "TYPE_FIELD": "name",
            "BUILDINGS": f"{DISTRICT}|layername=buildings", "BUILDING_POPULATION_FIELD": "residents",
            "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=log)
        if in_project:
            assert layer.name() == "Parks of the new town"
    finally:
        if in_project:
            QgsProject.instance().removeMapLayer(green)
    green_lines = warnings_of(log, "No green space of")
    assert len(green_lines) == 2 and all(f"No green space of “{name}” has" in line for line in green_lines)
    assert "“demo_district”" not in log.text
