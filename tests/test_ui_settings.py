"""Settings: stored in QgsSettings under lcr_toolkit/, factor tables imported into the user's profile."""
import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import Qt

from lcr_toolkit.ui import settings
from lcr_toolkit.ui.settings_dialog import SettingsDialog


@pytest.fixture
def clean_settings(monkeypatch, tmp_path):
    QgsSettings().remove("lcr_toolkit")
    # A throw-away QGIS profile: the algorithms read imported tables from there too.
    monkeypatch.setattr(QgsApplication, "qgisSettingsDirPath", staticmethod(lambda: str(tmp_path / "profile")))
    yield tmp_path
    QgsSettings().remove("lcr_toolkit")


@pytest.fixture
def dialog(qtbot, clean_settings):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    return dialog


def test_defaults(clean_settings):
    assert settings.grid_region() == "national"
    assert settings.grid_year() == 0
    assert settings.language() == "en"


def test_report_language_follows_qgis_until_chosen(clean_settings, monkeypatch):
    from qgis.core import QgsApplication

    monkeypatch.setattr(QgsApplication, "locale", staticmethod(lambda: "zh-Hans"))
    assert settings.language() == "zh"
    settings.set_language("en")
    assert settings.language() == "en"


def test_grid_years_come_from_the_factor_table():
    assert settings.grid_years("east_china") == [2023, 2022, 2021]
    assert settings.grid_years("national") == [2023, 2022, 2021]
    assert settings.grid_years("fujian") == [2022, 2021]       # 2023 provincial factors not found


def test_dialog_stores_choices_under_lcr_toolkit(dialog):
    dialog.region.setCurrentIndex(dialog.region.findData("east_china"))
    dialog.year.setCurrentIndex(dialog.year.findData(2022))
    assert "0.5617 kgCO2/kWh (2022)" in dialog.factor.text()      # grid_factors.csv, East China 2022
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accept()
    stored = QgsSettings()
    assert stored.value("lcr_toolkit/grid_region") == "east_china"
    assert int(stored.value("lcr_toolkit/grid_year")) == 2022
    assert stored.value("lcr_toolkit/report_language") == "zh"
    assert (settings.grid_region(), settings.grid_year(), settings.language()) == ("east_china", 2022, "zh")


def test_latest_year_shows_the_latest_factor(dialog):
    dialog.region.setCurrentIndex(dialog.region.findData("north_west"))
    assert dialog.year.currentData() == 0
    assert "0.5543 kgCO2/kWh (2023)" in dialog.factor.text()


def test_a_year_the_region_lacks_falls_back_to_latest(dialog):
    dialog.year.setCurrentIndex(dialog.year.findData(2023))       # national has 2023
    dialog.region.setCurrentIndex(dialog.region.findData("fujian"))  # Fujian only 2021 and 2022
    assert dialog.year.currentData() == 0
    assert "0.4092" in dialog.factor.text()


def test_cancel_stores_nothing(dialog):
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.reject()
    assert settings.language() == "en"


def _select(dialog, name):
    assert dialog.select_table(name)


def test_factor_tables_are_listed_by_what_they_hold(dialog):
    listed = [dialog.tables.item(row) for row in range(dialog.tables.count())]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in listed] == settings.factor_tables()
    assert all(item.text() != item.toolTip() for item in listed)     # every shipped table has a title
    _select(dialog, "flood_damage_curve.csv")
    assert dialog.tables.currentItem().text() == "Flood depth–damage curve"
    assert dialog.table_note.text().startswith("flood_damage_curve.csv: the shipped table.")


def test_view_import_and_reset_a_factor_table(dialog, clean_settings):
    _select(dialog, "flood_damage_curve.csv")
    assert dialog.content.horizontalHeaderItem(0).text() == "depth_m"
    shipped_rows = dialog.content.rowCount()
    own = clean_settings / "my_curve.csv"
    own.write_text("depth_m,damage_fraction,source,year,verified\n0,0,own survey,2025,yes\n1,0.5,own survey,2025,yes\n",
                   encoding="utf-8")
    assert dialog.import_table(str(own))
    assert dialog.content.rowCount() == 2 and dialog.content.item(1, 1).text() == "0.5"
    assert settings.factor_path("flood_damage_curve.csv") == str(
        clean_settings / "profile" / "lcr_toolkit" / "factors" / "flood_damage_curve.csv")
    assert dialog.reset_button.isEnabled()
    dialog.reset_table()
    assert dialog.content.rowCount() == shipped_rows
    assert settings.user_factor_path("flood_damage_curve.csv") == ""
    assert not dialog.reset_button.isEnabled()


def test_import_refuses_a_table_without_the_columns(dialog, clean_settings):
    _select(dialog, "flood_damage_curve.csv")
    bad = clean_settings / "bad.csv"
    bad.write_text("depth,damage\n0,0\n", encoding="utf-8")
    assert not dialog.import_table(str(bad))
    assert "lacks the column(s) depth_m, damage_fraction, source, year, verified" in dialog.table_note.text()
    assert settings.user_factor_path("flood_damage_curve.csv") == ""
