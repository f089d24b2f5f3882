"""A factor table imported in Settings replaces the shipped one in every algorithm; a table given
to the algorithm itself still wins; resetting brings the shipped table back."""
import os
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback

import processing
from lcr_toolkit.algorithms import base
from lcr_toolkit.algorithms.planning_report import PlanningReport
from lcr_toolkit.ui import settings

REPO = Path(__file__).resolve().parents[1]
FACTORS = REPO / "resources" / "factors"
OWN = "Using your own factor table"
# Shipped: residential 30 kWh/m² electricity + 12 kWh/m² gas; office 85 + 5; national grid 2023
# 0.5306 kgCO2/kWh; natural gas 0.20196 kgCO2/kWh. One 10 m × 10 m storey: 100 m².
RESIDENTIAL_T = 100 * (30 * 0.5306 + 12 * 0.20196) / 1000       # 1.834152 t
OFFICE_GRID_T = 100 * 85 * 0.5306 / 1000                         # 4.5101 t (fuel factor 0)


@pytest.fixture
def profile(monkeypatch, tmp_path):
    """A throw-away QGIS profile folder, so no imported table outlives the test."""
    real = QgsApplication.qgisSettingsDirPath()
    monkeypatch.setattr(QgsApplication, "qgisSettingsDirPath", staticmethod(lambda: str(tmp_path / "profile")))
    yield tmp_path
    monkeypatch.undo()
    assert QgsApplication.qgisSettingsDirPath() == real
    assert not any(base.user_factor_path(name) for name in base.factor_tables())


def edited(tmp_path, name, old, new):
    """The shipped table ``name`` with the line fragment ``old`` replaced by ``new``."""
    text = (FACTORS / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / f"edited_{name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return str(path)


@pytest.fixture
def house(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "use:string", [(rect(0, 0, 10, 10), ["residential"])])


@pytest.fixture
def office(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", "use:string", [(rect(0, 0, 10, 10), ["office"])])


def run(layer, **params):
    feedback = QgsProcessingFeedback()
    result = processing.run("lcr:building_emissions", {"INPUT": layer, "USE_FIELD": "use",
                                                       "OUTPUT": "TEMPORARY_OUTPUT", **params}, feedback=feedback)
    return result["TOTAL_CO2_T"], feedback.textLog()


def test_imported_eui_table_replaces_the_shipped_one(provider, profile, house):
    co2, log = run(house)
    assert co2 == pytest.approx(RESIDENTIAL_T) and OWN not in log

    settings.import_factor_table("building_eui.csv", edited(profile, "building_eui.csv", "residential,30,12,",
                                                            "residential,60,24,"))
    own = os.path.join(settings.user_factor_dir(), "building_eui.csv")
    co2, log = run(house)
    assert co2 == pytest.approx(2 * RESIDENTIAL_T)                 # 3.668304 t
    assert log.count(OWN) == 1
    assert f"{OWN} {own} instead of the shipped building_eui.csv" in log

    explicit = profile / "eui.csv"
    explicit.write_text("use,elec_kwh_m2,fuel_kwh_m2\nresidential,10,0\ndefault,1,0\n", encoding="utf-8")
    co2, log = run(house, EUI_TABLE=str(explicit))
    assert co2 == pytest.approx(100 * 10 * 0.5306 / 1000)         # 0.5306 t: the parameter wins
    assert OWN not in log

    settings.reset_factor_table("building_eui.csv")
    co2, log = run(house)
    assert co2 == pytest.approx(RESIDENTIAL_T) and OWN not in log


def test_imported_grid_table_changes_the_grid_factor(provider, profile, office):
    settings.import_factor_table("grid_factors.csv", edited(profile, "grid_factors.csv", "2023,0.5306,", "2023,0.7959,"))
    co2, log = run(office, FUEL_FACTOR=0)
    assert co2 == pytest.approx(OFFICE_GRID_T * 1.5)              # 0.7959 / 0.5306 = 1.5: 6.76515 t
    assert "Grid factor 0.7959 kgCO2/kWh" in log and log.count(OWN) == 1
    assert settings.grid_years("national") == [2023, 2022, 2021]

    co2, log = run(office, FUEL_FACTOR=0, GRID_FACTOR=0.1)       # a factor given wins over any table
    assert co2 == pytest.approx(100 * 85 * 0.1 / 1000) and OWN not in log

    settings.reset_factor_table("grid_factors.csv")
    co2, _ = run(office, FUEL_FACTOR=0)
    assert co2 == pytest.approx(OFFICE_GRID_T)


def test_imported_emission_factors_change_the_default_fuel_factor(provider, profile, house):
    assert base.default_factor("natural_gas") == pytest.approx(0.20196)
    settings.import_factor_table("emission_factors.csv",
                                 edited(profile, "emission_factors.csv", "natural_gas,0.20196,", "natural_gas,0.3,"))
    assert base.default_factor("natural_gas") == pytest.approx(0.3)   # not hidden by the cache
    co2, _ = run(house)
    assert co2 == pytest.approx(100 * (30 * 0.5306 + 12 * 0.3) / 1000)   # 1.9518 t

    settings.import_factor_table("emission_factors.csv",
                                 edited(profile, "emission_factors.csv", "natural_gas,0.20196,", "natural_gas,0.25,"))
    assert base.default_factor("natural_gas") == pytest.approx(0.25)  # a re-import at the same path
    settings.reset_factor_table("emission_factors.csv")
    assert base.default_factor("natural_gas") == pytest.approx(0.20196)


def test_report_lists_the_tables_in_effect(profile):
    own = profile / "own_curve.csv"
    own.write_text("depth_m,damage_fraction,source,year,verified\n0,0,Own survey,2025,yes\n1,0.5,Own survey,2025,yes\n",
                   encoding="utf-8")
    settings.import_factor_table("flood_damage_curve.csv", str(own))
    feedback = QgsProcessingFeedback()
    summary = PlanningReport()._factor_summary(feedback).set_index("table")
    assert sorted(summary.index) == settings.factor_tables()
    row = summary.loc["flood_damage_curve.csv"]
    assert (row["own"], row["rows"], row["years"], row["verified"], row["sources"]) == (
        True, 2, "2025", "2/2", ["Own survey"])
    assert summary["own"].sum() == 1
    assert feedback.textLog().count(OWN) == 1
    settings.reset_factor_table("flood_damage_curve.csv")


def test_settings_dialog_shows_the_imported_grid_table(qtbot, profile):
    from lcr_toolkit.core.errors import InputError
    from lcr_toolkit.ui.settings_dialog import SettingsDialog

    bad = edited(profile, "grid_factors.csv", "2023,0.5306,", "2023,high,")
    with pytest.raises(InputError):                                # refused before it can break the dialog
        settings.import_factor_table("grid_factors.csv", bad)
    assert not settings.user_factor_path("grid_factors.csv")

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.region.setCurrentIndex(dialog.region.findData("national"))
    assert dialog.select_table("grid_factors.csv")
    assert dialog.import_table(edited(profile, "grid_factors.csv", "2023,0.5306,", "2023,0.7959,"))
    assert "0.7959 kgCO2/kWh (2023)" in dialog.factor.text()
    assert "The algorithms use it" in dialog.table_note.text()
    own = profile / "national_only.csv"
    own.write_text("region,region_en,region_zh,year,kgco2_per_kwh,source,verified\n"
                   "national,National average,全国平均,2024,0.5,Own estimate,no\n", encoding="utf-8")
    assert dialog.import_table(str(own))
    assert "0.5000 kgCO2/kWh (2024)" in dialog.factor.text()
    dialog.region.setCurrentIndex(dialog.region.findData("east_china"))
    assert "no region “east_china”" in dialog.factor.text()       # explained, not a traceback
    dialog.reset_table()
    assert "0.5500 kgCO2/kWh (2023)" in dialog.factor.text()       # the shipped East China 2023


def test_algorithms_read_factor_tables_only_through_the_base():
    # A direct path to resources/factors would bypass the user's imported table.
    direct = [path.name for path in (REPO / "algorithms").glob("*.py")
              if path.name != "base.py" and 'resource_path("factors"' in path.read_text(encoding="utf-8")]
    assert direct == []
