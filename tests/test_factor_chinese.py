"""Factor tables in Chinese: every shipped row carries its name (where a name is shown) and its source
in Simplified Chinese; the logs, the settings dialog and a Chinese report use them when QGIS runs in
Chinese, and a user's own table may leave them out."""
import re
from pathlib import Path

import pandas as pd
import processing
import pytest

from lcr_toolkit.core import tables

REPO = Path(__file__).resolve().parents[1]
FACTORS = REPO / "resources" / "factors"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Tables whose rows have a name a user reads (the key column), and those with their own Chinese columns.
NAMED = {"building_eui.csv": "use", "carbon_pools.csv": "class", "cooling_biophysical.csv": "class",
         "curve_numbers.csv": "class", "emission_factors.csv": "key", "habitat_sensitivity.csv": "class",
         "lid_measures.csv": "measure", "life_circle_facilities.csv": "fac_type", "pv_defaults.csv": "roof_type",
         "runoff_coefficients.csv": "surface", "shelter_standards.csv": "shelter_type", "transport_factors.csv": "mode"}
OWN_CHINESE = {"landuse_crosswalk.csv": "name_zh", "poi_categories.csv": "label_zh"}


@pytest.mark.parametrize("path", sorted(FACTORS.glob("*.csv")), ids=lambda p: p.name)
def test_every_row_has_its_name_and_source_in_chinese(path):
    frame = tables.read_csv_table(str(path), [], [])
    if path.name in OWN_CHINESE:
        assert frame[OWN_CHINESE[path.name]].map(lambda v: bool(CJK.search(str(v)))).all()
        return
    assert frame["source_zh"].map(lambda v: bool(CJK.search(str(v)))).all(), path.name
    if path.name in NAMED:
        assert frame["name_zh"].map(lambda v: bool(CJK.search(str(v)))).all(), path.name
        assert frame["name_zh"].is_unique
    # what the English source cites (standards, tables, addresses) is still there in Chinese
    for english, chinese in zip(frame["source"], frame["source_zh"]):
        for cited in re.findall(r"(?:GB(?:/T)? \d+-\d{4}|TR-55|doi:[\w./]+|[\w.-]+\.(?:com|html|org|ai|rst)\b)", english):
            assert cited in chinese, (path.name, cited)


def test_in_language_falls_back_to_english():
    frame = pd.DataFrame({"class": ["water", "road"], "name_zh": ["水体", ""], "source": ["A", "B"],
                          "source_zh": ["甲", None]})
    assert list(tables.in_language(frame, "class", "zh")) == ["水体", "road"]
    assert list(tables.in_language(frame, "class", "en")) == ["water", "road"]
    assert list(tables.in_language(frame, "source", "zh")) == ["甲", "B"]
    assert list(tables.in_language(frame.drop(columns=["name_zh"]), "class", "zh")) == ["water", "road"]


def test_own_table_need_not_carry_the_chinese_columns(qgis_app, tmp_path):
    from lcr_toolkit.ui import settings

    assert "name_zh" not in settings.shipped_columns("carbon_pools.csv")
    assert "source_zh" not in settings.shipped_columns("grid_factors.csv")


def test_chinese_report_lists_chinese_sources():
    from lcr_toolkit.core import report

    paths = {"transport_factors.csv": str(FACTORS / "transport_factors.csv")}
    zh = report.factor_summary(paths, lang="zh", max_chars=400)
    en = report.factor_summary(paths, max_chars=400)
    assert zh["sources"][0][0].startswith("无直接 CO2") and en["sources"][0][0].startswith("No direct CO2")


@pytest.fixture
def chinese_qgis(monkeypatch):
    from lcr_toolkit.algorithms import base


    monkeypatch.setattr(base, "ui_lang", lambda: "zh")


def test_log_names_factor_rows_in_chinese(provider, make_layer, rect, log_feedback, chinese_qgis):
    from lcr_toolkit.algorithms.base import factor_names

    assert factor_names(["water", "tree_cover", "mine"], "carbon_pools.csv", "class") == ["水体", "林木覆盖", "mine"]
    buildings = make_layer("Polygon", "EPSG:4549", "floors:integer&field=use:string",
                           [(rect(0, 0, 10, 10), [2, "office"])])
    feedback = log_feedback()
    processing.run("lcr:building_emissions", {"INPUT": buildings, "FLOORS_FIELD": "floors", "USE_FIELD": "use",
                                              "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert "Unverified EUI values were used for: 办公." in feedback.text
    assert re.search(r"Grid factor [\d.]+ kgCO2/kWh: [^,]*[\u4e00-\u9fff]+[^,]*, \d{4}\. Source: .*[\u4e00-\u9fff]", feedback.text)


def test_life_circle_logs_facility_types_in_chinese(chinese_qgis):
    from lcr_toolkit.algorithms.life_circle import LifeCircle

    assert LifeCircle._type_names(["kindergarten", "market", "own_type"]) == ["幼儿园", "菜市场", "own_type"]
