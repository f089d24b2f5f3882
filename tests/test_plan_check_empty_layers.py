"""Empty layers in the plan checks: a layer whose absence only removes some rules (transit stops in the
master check; an OpenStreetMap extract of a town without mapped stops) leaves those rules not assessed and
says why in the log and the report, instead of stopping the check; an empty optional layer (flood zones) is
left out as if not given; an empty required layer is refused before any step runs, named with its parameter."""
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
sys.path.insert(0, str(REPO / "scripts"))


def altered(tmp_path, *statements):
    """A copy of the demo district changed by SQL ``statements``."""
    copy = tmp_path / "district_copy.gpkg"
    shutil.copy(DISTRICT, copy)
    source = ogr.Open(str(copy), 1)
    for statement in statements:
        source.ExecuteSQL(statement)
    source = None
    return copy


def emptied(tmp_path, *tables):
    return altered(tmp_path, *(f"DELETE FROM {table}" for table in tables))


def without_column(tmp_path, table, column):
    return altered(tmp_path, f"ALTER TABLE {table} DROP COLUMN {column}")


def checked_both(model, copy, tmp_path, log):
    """The rules table (indexed by rule_id) of ``model`` on ``copy`` (logging to ``log``) and on the demo
    district, and the outputs of the run on ``copy``."""
    from batch_check import run_model

    whole = run_model(model, str(DISTRICT), str(tmp_path / "whole"))
    checked = run_model(model, str(copy), str(tmp_path / "out"), feedback=log)
    rules, before = (pd.read_csv(run["check:rules"]).set_index("rule_id") for run in (checked, whole))
    return rules, before, checked


def test_master_check_without_transit_stops_leaves_the_transit_rule_not_assessed(provider, log_feedback, tmp_path):
    """The demo district has 6 planning units, 4 with residents: without stops its rail-coverage rule is not
    assessed in all 6 (rail_pct NULL everywhere), the report names the reason, and the other rules are judged as before."""
    log = log_feedback()
    rules, before, checked = checked_both("lcr:master_plan_check", emptied(tmp_path, "transit_stops"), tmp_path, log)
    assert rules.loc["CN_M_RAIL800_COV", "verdict"] == "not_assessed"
    assert rules.loc["CN_M_RAIL800_COV", "n_na"] == 6
    # with the stops the 4 units with residents were judged (2 hold none)
    assert before.loc["CN_M_RAIL800_COV", ["n_pass", "n_fail", "n_na"]].tolist() == [0, 4, 2]
    others = before.index.drop("CN_M_RAIL800_COV")
    pd.testing.assert_frame_equal(rules.loc[others, ["verdict", "n_pass", "n_fail", "n_na"]],
                                  before.loc[others, ["verdict", "n_pass", "n_fail", "n_na"]])
    assert any("no transit stops in the data" in line and "transit_stops" in line for line in log.lines)
    page = Path(checked["report:report_html"]).read_text(encoding="utf-8")
    assert "no transit stops in the data" in page


def test_master_check_without_green_spaces_leaves_the_park_rules_not_assessed(provider, log_feedback, tmp_path):
    """Without green spaces the four park rules are not assessed in any of the 6 units (with them they were
    judged in the 4 with residents); every other rule is judged as before."""
    log = log_feedback()
    rules, before, checked = checked_both("lcr:master_plan_check", emptied(tmp_path, "green_spaces"), tmp_path, log)
    parks = ["CN_M_PARK_GREEN_PC", "CN_M_COMP_PARK_PC", "CN_M_COMM_PARK_PC", "CN_M_PARK_COV"]
    assert (before.loc[parks, ["n_pass", "n_fail"]].sum(axis=1) == 4).all()
    assert (rules.loc[parks, "verdict"] == "not_assessed").all() and (rules.loc[parks, "n_na"] == 6).all()
    others = before.index.drop(parks)
    pd.testing.assert_frame_equal(rules.loc[others, ["verdict", "n_pass", "n_fail", "n_na"]],
                                  before.loc[others, ["verdict", "n_pass", "n_fail", "n_na"]])
    page = Path(checked["report:report_html"]).read_text(encoding="utf-8")
    assert "no green spaces in the data" in page


def test_empty_flood_zones_are_left_out_and_an_empty_required_layer_is_named(provider, log_feedback, tmp_path):
    import processing
    from batch_check import model_parameters

    copy = emptied(tmp_path, "flood_zones", "shelters")
    log = log_feedback()
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lcr:master_plan_check", model_parameters("lcr:master_plan_check", copy,
                                                                 str(tmp_path / "out")), feedback=log)
    assert "“shelters” (Shelters) has no features; the check needs it" in str(refused.value)
    assert any("Flood zones: “flood_zones” has no features; it is left out" in line for line in log.lines)
    assert not any(line.startswith("Step 1 of") for line in log.lines)   # refused before any step ran


def test_detailed_check_on_parcels_without_green_ratio_leaves_its_rules_not_assessed(provider, log_feedback,
                                                                                      tmp_path):
    """Parcels without a green_ratio field (those of lcr:prepare_osm): the green-ratio rule is not assessed in
    any parcel, the report says why, and retention (land cover plus LID storage, which needs no green ratio:
    the demo's parcels have no LID fields, so storage is 0 with or without it) is judged as before."""
    log = log_feedback()
    rules, before, checked = checked_both("lcr:detailed_plan_check", without_column(tmp_path, "parcels", "green_ratio"),
                                          tmp_path, log)
    judged = before.loc["CN_D_GREEN_RATIO", ["n_pass", "n_fail", "n_na"]].sum()
    assert before.loc["CN_D_GREEN_RATIO", ["n_pass", "n_fail"]].sum() > 0
    assert rules.loc["CN_D_GREEN_RATIO", "verdict"] == "not_assessed"
    assert rules.loc["CN_D_GREEN_RATIO", "n_na"] == judged
    assert rules.loc["CN_D_RETENTION", ["verdict", "n_pass", "n_fail", "n_na"]].tolist() == \
        before.loc["CN_D_RETENTION", ["verdict", "n_pass", "n_fail", "n_na"]].tolist()
    said = "The parcels layer “parcels” has no field “green_ratio” (parameter “Green ratio field (0–1)”)"
    assert any(line.startswith(said) for line in log.lines)
    assert not any("is not in" in line for line in log.lines)
    page = Path(checked["report:report_html"]).read_text(encoding="utf-8")
    assert "has no field “green_ratio”" in page


def test_detailed_check_refuses_parcels_without_residents_naming_layer_and_parameter(provider, log_feedback,
                                                                                     tmp_path):
    import processing
    from batch_check import model_parameters

    copy = without_column(tmp_path, "parcels", "residents")
    log = log_feedback()
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("lcr:detailed_plan_check", model_parameters("lcr:detailed_plan_check", copy,
                                                                   str(tmp_path / "out")), feedback=log)
    assert str(refused.value).startswith(
        "The parcels layer “parcels” has no field “residents” (parameter “Parcel residents field”). Its fields are:")
    assert not any(line.startswith("Step 1 of") for line in log.lines)
