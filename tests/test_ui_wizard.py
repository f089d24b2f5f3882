"""The planning-check wizard driven end to end on the demo district, as a planner would click it."""
import gc
import os
from pathlib import Path

import pytest
from qgis.core import NULL, QgsProject, QgsRuleBasedRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QWizard

import processing

from lcr_toolkit.core import profiles
from lcr_toolkit.ui import settings
from lcr_toolkit.ui.wizard.page_results import COLOURS
from lcr_toolkit.ui.wizard.unit_table import COLOURS as UNIT_COLOURS
from lcr_toolkit.ui.wizard.unit_table import FID_ROLE
from lcr_toolkit.ui.wizard.recheck import AFTER_FOLDER, MEASURES_GPKG
from lcr_toolkit.ui.wizard.run import model_parameters
from lcr_toolkit.ui.wizard.state import WizardState
from lcr_toolkit.ui.wizard.wizard import Page, PlanningWizard

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"
LAYERS = ("planning_units", "parcels", "buildings", "landcover", "roads", "transit_stops", "flood_zones",
          "shelters", "facilities", "green_spaces")
RUN_TIMEOUT_MS = 180_000
RECHECK_TIMEOUT_MS = 600_000     # the master plan's measures: ~20 s CPU, far more wall on a busy machine


@pytest.fixture
def district(provider):
    project = QgsProject.instance()
    layers = {name: QgsVectorLayer(f"{DISTRICT}|layername={name}", name, "ogr") for name in LAYERS}
    project.addMapLayers(list(layers.values()))
    yield layers
    project.clear()


@pytest.fixture
def wizard(qtbot, district, qgis_canvas, monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "user_profile_dir", lambda: os.fspath(tmp_path))
    wizard = PlanningWizard(qgis_canvas, state=WizardState(folder=os.fspath(tmp_path / "results")))
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wizard.pages[Page.RUN].cancel()
    wizard.pages[Page.RESULTS].cancel()
    qtbot.waitUntil(lambda: wizard.state.status != "running", timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: wizard.pages[Page.RESULTS].recheck is None, timeout=RUN_TIMEOUT_MS)


def cell(view, row, column, role=Qt.ItemDataRole.DisplayRole):
    return view.model().index(row, column).data(role)


def next_enabled(wizard):
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def choose_level(wizard, level):
    if wizard.currentId() == Page.START:
        wizard.next()                    # "my own layers", the state's default
    page = wizard.pages[Page.LEVEL]
    (page.detailed if level == "detailed" else page.master).click()
    wizard.next()


def run_check(qtbot, wizard):
    page = wizard.pages[Page.RUN]
    assert wizard.currentId() == Page.RUN and not next_enabled(wizard)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(wizard.state.status))
    timer.start(20)
    page.start_button.click()
    qtbot.waitUntil(lambda: wizard.state.status in ("done", "failed", "cancelled"), timeout=RUN_TIMEOUT_MS)
    timer.stop()
    assert wizard.state.status == "done", page.status.text()
    assert next_enabled(wizard)
    assert ticks.count("running") >= 3         # the event loop kept turning: QGIS stayed responsive
    assert gc.get_freeze_count() == 0


def group_named(name):
    return QgsProject.instance().layerTreeRoot().findGroup(name)


def test_master_plan_end_to_end(qtbot, wizard, district, qgis_canvas):
    assert wizard.pages[Page.LEVEL].profile.currentData() == "cn_master"
    choose_level(wizard, "master")
    layers_page = wizard.pages[Page.LAYERS]
    assert wizard.currentId() == Page.LAYERS and next_enabled(wizard), layers_page.problems.text()
    assert layers_page.layer_boxes["units"].currentLayer() is district["planning_units"]
    assert layers_page.field_boxes["unit_id_field"].currentField() == "unit_id"
    assert layers_page.field_boxes["floors_field"].currentField() == "floors"
    assert layers_page.field_boxes["class_field"].currentField() == "lucode"
    assert "floor area = footprint × floors" in layers_page.previews["floors_field"].text()

    wizard.back()                                  # Back keeps the answers
    assert wizard.currentId() == Page.LEVEL
    wizard.next()
    assert layers_page.field_boxes["floors_field"].currentField() == "floors"
    wizard.next()
    assert wizard.currentId() == Page.TARGETS
    assert wizard.pages[Page.TARGETS].table.rowCount() == 12      # cn_master.csv has 12 master rules
    wizard.next()
    run_check(qtbot, wizard)

    # the units table's data was read on the run's worker thread, from the files the layers show
    rows = wizard.state.unit_rows
    assert rows is not None and sorted(rows.ids) == ["U1", "U2", "U3", "U4", "U5", "U6"]
    log = wizard.pages[Page.RUN].log.toPlainText()
    assert "Life circles written for 6 planning units." in log and "Unverified" in log
    group = group_named("Planning check: planning_units")
    assert group is not None and len(group.findLayers()) == 3
    check = wizard.state.result_layers["check:planning_check"]
    assert check.featureCount() == 6 and isinstance(check.renderer(), QgsRuleBasedRenderer)

    wizard.next()
    results = wizard.pages[Page.RESULTS]
    rules = wizard.state.result_layers["check:rules"]
    verdicts = [f["verdict"] for f in rules.getFeatures()]
    assert results.rules.rowCount() == len(verdicts) == 12
    assert [results.rules.item(r, 5).text() for r in range(12)] == [f["rule_id"] for f in rules.getFeatures()]
    fail_row = verdicts.index("fail")
    # CN_M_PARK_GREEN_PC (> 8 m²/person): 4 residential units fail it, 2 have nobody living there
    assert results.rules.item(fail_row, 0).text() == "Per-capita park green area"
    assert results.rules.item(fail_row, 1).text() == "fails in 4 of 4 units"
    assert results.rules.item(fail_row, 2).text() == "> 8 m²/person"
    assert results.rules.item(fail_row, 0).background().color() == COLOURS["fail"]
    red_rows = [r for r in range(12) if results.rules.item(r, 0).background().color() == COLOURS["fail"]]
    assert len(red_rows) == verdicts.count("fail")
    assert results.units.model().rowCount() == 6
    # U3, the industrial park: nobody lives there, so the 10 per-person and residential rules have no value;
    # it fails the 2 rules that are measured there and passes none. The green-transport share rests on the
    # shipped example shares wherever people live: the rules table says so once, not every unit (9 listed).
    u3 = next(r for r in range(6) if cell(results.units, r, 0) == "U3")
    row = [cell(results.units, u3, c) for c in range(5)]
    assert row[1] == "Changsheng Industrial Park" and row[2] == "0 %"
    assert len(row[3].split("; ")) == 2
    assert len(row[4].split("; ")) == 9 and "Per-capita park green area" in row[4]
    green = next(r for r in range(12) if results.rules.item(r, 5).text() == "CN_M_GREEN_TRIP")
    assert results.rules.item(green, 1).text() == "no verdict: only values from shipped defaults"
    assert "nobody lives" in cell(results.units, u3, 4, Qt.ItemDataRole.ToolTipRole)
    assert cell(results.units, u3, 0, Qt.ItemDataRole.BackgroundRole) == COLOURS["fail"]
    # sorted by share of rules passed, as numbers, of the 11 rules assessed from the plan's own data
    # where people live: U3 0 %, U4 3/11, U2 4/11, U1 and U6 6/11 (each residential unit passes the
    # per-resident shelter area, 0.67–1.09 m² against the local 0.3 m² = 2 m² per evacuee × 15 % of
    # residents); U5, the wetland, passes the 2 rules measured there, too few to pass (blue, not green)
    results.units.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert [cell(results.units, r, 2) for r in range(6)] == [
        "0 %", "27 %", "36 %", "55 %", "55 %", "100 %, too few rules assessed to pass"]
    assert cell(results.units, 5, 0, Qt.ItemDataRole.BackgroundRole) == UNIT_COLOURS["insufficient_data"]
    assert cell(results.units, 5, 0) == "U5"
    results.units.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    for key, button in (("report:report_html", results.html_button), ("report:report_pdf", results.pdf_button)):
        report = Path(wizard.state.outputs[key])
        assert report.stat().st_size > 0 and button.isEnabled()
    assert Path(wizard.state.outputs["report:report_pdf"]).read_bytes().startswith(b"%PDF")

    # A failing unit: the map zooms to it; a unit failing nothing is left alone.
    units = {f.id(): f for f in check.getFeatures()}
    failing = [r for r in range(6) if units[cell(results.units, r, 0, FID_ROLE)]["n_fail"] > 0]
    assert failing
    qgis_canvas.setDestinationCrs(check.crs())
    row = failing[0]
    results.units.clicked.emit(results.units.model().index(row, 0))
    unit_box = units[cell(results.units, row, 0, FID_ROLE)].geometry().boundingBox()
    extent = qgis_canvas.extent()
    assert extent.contains(unit_box)
    assert extent.center().x() == pytest.approx(unit_box.center().x(), abs=1)
    assert extent.center().y() == pytest.approx(unit_box.center().y(), abs=1)
    # the unit's box, enlarged by 1.2, fills the canvas along its tighter side
    assert min(extent.width() / unit_box.width(), extent.height() / unit_box.height()) == pytest.approx(1.2, rel=0.01)


def test_detailed_plan_end_to_end(qtbot, wizard, district):
    choose_level(wizard, "detailed")
    assert wizard.state.profile == "cn_detailed"
    layers_page = wizard.pages[Page.LAYERS]
    assert next_enabled(wizard), layers_page.problems.text()
    assert layers_page.layer_boxes["parcels"].currentLayer() is district["parcels"]
    assert layers_page.field_boxes["green_ratio_field"].currentField() == "green_ratio"
    assert layers_page.field_boxes["landuse_field"].currentField() == "lu_code"
    lid = ["bioretention_field", "permeable_paving_field", "green_roof_field", "tank_field"]
    assert [layers_page.field_boxes[name].currentField() for name in lid] == [
        "bioret_m2", "perm_pave_m2", "green_roof_m2", "tank_m3"]
    assert "units" not in layers_page.layer_boxes
    layers_page.value_boxes["daily_rainfall"].setFilePath(os.fspath(DISTRICT.with_name("demo_daily_rainfall.csv")))
    wizard.next()
    assert wizard.pages[Page.TARGETS].table.rowCount() == 9       # cn_detailed.csv has 9 rules
    wizard.next()
    run_check(qtbot, wizard)
    group = group_named("Planning check: parcels")
    assert group is not None and len(group.findLayers()) == 3
    wizard.next()
    results = wizard.pages[Page.RESULTS]
    assert results.units.model().rowCount() == district["parcels"].featureCount() == 459
    assert results.rules.rowCount() == wizard.state.result_layers["check:rules"].featureCount() == 9
    # with the rainfall series the runoff control rate is assessed on every parcel of construction land
    # (land-use codes 07–16): all but the 155 paddy, forest and river parcels
    construction = sum(1 for f in district["parcels"].getFeatures() if "07" <= f["lu_code"][:2] <= "16")
    assert construction == 459 - 155
    runoff = next(r for r in range(9) if results.rules.item(r, 5).text() == "CN_D_RUNOFF_CTRL")
    assert results.rules.item(runoff, 1).text().endswith(f" of {construction} parcels")
    # P0195, an industrial plot not built yet, has no value for 2 rules that apply to its land use (n_na 2): the
    # rooftop PV share and the runoff control rate, which has no value anywhere and is told once in the rules
    # table, so 1 is listed; rules for other land uses (residential FAR, life circle …) are not listed
    # (core.report.unit_not_assessed, the report's reading)
    row = next(r for r in range(459) if cell(results.units, r, 0) == "P0195")
    assert cell(results.units, row, 3).split("; ") == ["Rooftop PV share of building electricity demand"]
    # P0071, a square (1403): only the sponge-city rules apply, and it has a value for the retention,
    # so nothing is listed (the building, life-circle and shelter rules are not for squares)
    row = next(r for r in range(459) if cell(results.units, r, 0) == "P0071")
    assert cell(results.units, row, 3) == ""


def test_cancel_during_a_run_adds_nothing(qtbot, wizard):
    choose_level(wizard, "master")
    wizard.next()
    wizard.next()
    groups_before = len(QgsProject.instance().layerTreeRoot().children())
    layers_before = len(QgsProject.instance().mapLayers())
    page = wizard.pages[Page.RUN]
    page.start_button.click()
    assert page.cancel_button.isEnabled()
    page.cancel_button.click()
    qtbot.waitUntil(lambda: wizard.state.status != "running", timeout=RUN_TIMEOUT_MS)
    assert wizard.state.status == "cancelled"
    assert "Cancelled" in page.status.text()
    assert not next_enabled(wizard)
    assert len(QgsProject.instance().layerTreeRoot().children()) == groups_before
    assert len(QgsProject.instance().mapLayers()) == layers_before
    assert page.start_button.isEnabled()


def test_layers_page_refuses_bad_input(wizard, district, make_layer, rect):
    choose_level(wizard, "master")
    page = wizard.pages[Page.LAYERS]
    assert next_enabled(wizard)

    page.field_boxes["floors_field"].setField("")                 # a required field left unmapped
    assert not next_enabled(wizard)
    assert "Choose the field “Floors” of “buildings”." in page.problems.text()
    page.field_boxes["floors_field"].setField("floors")
    assert next_enabled(wizard)

    lonlat = make_layer("Polygon", "EPSG:4326", "floors:integer", [(rect(120.7, 30.7, 0.01, 0.01), [3])],
                        name="buildings_wgs84")
    QgsProject.instance().addMapLayer(lonlat)
    page.layer_boxes["buildings"].setLayer(lonlat)     # measured in its UTM zone (test_ui_wizard_lonlat.py)
    assert "geographic CRS" not in page.problems.text() and "(EPSG:32651)" in page.notes.text()

    far_away = make_layer("Polygon", "EPSG:4549", "floors:integer", [(rect(0, 0, 10, 10), [3])],
                          name="elsewhere")
    QgsProject.instance().addMapLayer(far_away)
    page.layer_boxes["buildings"].setLayer(far_away)
    assert "“elsewhere” does not overlap “planning_units”" in page.problems.text()
    assert not next_enabled(wizard)

    empty = make_layer("Polygon", "EPSG:4549", "floors:integer", [], name="no_buildings")
    QgsProject.instance().addMapLayer(empty)
    page.layer_boxes["buildings"].setLayer(empty)
    assert "“no_buildings” has no features." in page.problems.text()
    assert not next_enabled(wizard)

    page.layer_boxes["buildings"].setLayer(district["buildings"])
    assert next_enabled(wizard)
    assert page.field_boxes["floors_field"].currentField() == "floors"      # guessed again


def test_targets_page_edits_saves_and_refuses_a_bad_rule(wizard, tmp_path):
    choose_level(wizard, "master")
    wizard.next()
    page = wizard.pages[Page.TARGETS]
    column = profiles.COLUMNS.index
    threshold = page.table.item(0, column("threshold"))
    assert page.table.item(0, 0).text() == "CN_M_PARK_GREEN_PC" and threshold.text() == "8"
    threshold.setText("9.5")
    page.table.item(1, column("operator")).setText("=>")                             # not an operator
    assert not page.validatePage()
    assert "unknown operator “=>”" in page.message.text()
    page.table.item(1, column("operator")).setText(">")
    index = page.table.model().index(1, column("operator"))
    editor = page.delegates["operator"].createEditor(page.table, None, index)
    assert [editor.itemData(i) for i in range(editor.count())] == list(profiles.OPERATORS)
    assert editor.itemText(0) == "≥ at least" and editor.itemText(5) == "between"
    page.delegates["operator"].setEditorData(editor, index)
    editor.setCurrentIndex(editor.findData("<"))
    page.delegates["operator"].setModelData(editor, page.table.model(), index)
    assert page.table.item(1, column("operator")).text() == "<"          # the profile keeps the code
    page.table.item(1, column("operator")).setText(">")
    # codes are shown as words; the cells keep the codes the CSV stores
    assert page.delegates["operator"].displayText("<=", None) == "≤ at most"
    assert page.delegates["unit"].displayText("m2/person", None) == "m²/person"
    assert page.delegates["unit"].displayText("0-1", None) == "share, 0–1"
    assert page.delegates["side"].displayText("both", None) == "Low-carbon and resilience"
    page.add_rule()
    new_rule = {"rule_id": "MY_RULE", "name_en": "My rule", "name_zh": "我的规则", "indicator": "far",
                "operator": "<=", "threshold": "2.5", "source": "own target"}
    for name, value in new_rule.items():
        page.table.item(12, column(name)).setText(value)
    path = tmp_path / "mine.csv"
    assert page.save_profile(str(path))
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("rule_id,name_en,name_zh,indicator,unit,level,side,operator,threshold,"
                             "threshold_high,source,clause,status")
    assert header == ",".join(profiles.COLUMNS)     # the columns of the shipped profiles
    assert wizard.state.profile_file == str(path)
    assert wizard.state.targets["threshold"].iloc[0] == 9.5 and len(wizard.state.targets) == 13

    page.table.removeRow(12)                                       # edited again: written on Next
    wizard.next()
    assert wizard.currentId() == Page.RUN
    assert wizard.state.profile_file == str(tmp_path / "cn_master_edited.csv")
    assert len(wizard.state.targets) == 12


def test_targets_page_shows_why_a_profile_file_is_refused(wizard, tmp_path):
    choose_level(wizard, "master")
    wizard.next()
    page = wizard.pages[Page.TARGETS]
    bad = tmp_path / "bad.csv"
    bad.write_text("rule_id,name_en,name_zh,indicator,unit,level,side,operator,threshold,threshold_high,"
                   "source,clause,status\nA,a,a,far,,master,both,between,1,,s,c,verified\n", encoding="utf-8")
    assert not page.load_profile(str(bad))
    assert "rule A uses between but has no threshold_high" in page.message.text()
    assert page.table.rowCount() == 12


def test_parameters_are_those_of_the_model(wizard, district, tmp_path):
    from qgis.core import QgsApplication

    choose_level(wizard, "detailed")
    wizard.next()
    wizard.next()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lcr:detailed_plan_check")
    params = model_parameters(wizard.state, algorithm, os.fspath(tmp_path))
    assert params["parcels"] == district["parcels"].id()
    assert params["parcel_id_field"] == "parcel_id" and params["profile"] == 1 and params["language"] == 0
    assert params["check:rules"] == f"ogr:dbname='{tmp_path}/results.gpkg' table=\"rules\" (geom)"
    assert params["report:report_pdf"] == str(tmp_path / "report.pdf")
    assert set(params) <= {p.name() for p in algorithm.parameterDefinitions()}
    assert params["design_rainfall_mm"] == 25 and "daily_rainfall" not in params     # the model's defaults


def test_design_values_start_at_the_model_defaults_and_reach_the_model(wizard, district, tmp_path):
    from qgis.core import QgsApplication

    choose_level(wizard, "master")
    page = wizard.pages[Page.LAYERS]
    assert page.values() == {"design_rainfall_mm": 25.0, "impervious_classes": "1,2"}
    page.value_boxes["impervious_classes"].setText(" ")
    assert "Give “Impervious land-cover classes”." in page.problems.text() and not next_enabled(wizard)
    page.value_boxes["impervious_classes"].setText("1,2,7")
    page.value_boxes["design_rainfall_mm"].setValue(31.5)
    assert next_enabled(wizard)
    wizard.next()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lcr:master_plan_check")
    params = model_parameters(wizard.state, algorithm, os.fspath(tmp_path))
    assert params["design_rainfall_mm"] == 31.5 and params["impervious_classes"] == "1,2,7"

    wizard.back()
    wizard.back()
    choose_level(wizard, "detailed")
    page = wizard.pages[Page.LAYERS]
    # the design rainfall chosen for the master plan carries over; the rainfall file is optional
    assert page.values() == {"design_rainfall_mm": 31.5, "daily_rainfall": ""}
    assert next_enabled(wizard)
    page.value_boxes["daily_rainfall"].setFilePath(os.fspath(tmp_path / "missing.csv"))
    assert f"The file “{tmp_path / 'missing.csv'}” does not exist." in page.problems.text()
    assert not next_enabled(wizard)
    rain = tmp_path / "rain.csv"
    rain.write_text("date,rain_mm\n2020-01-01,3.5\n", encoding="utf-8")
    page.value_boxes["daily_rainfall"].setFilePath(os.fspath(rain))
    assert next_enabled(wizard)
    wizard.next()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lcr:detailed_plan_check")
    assert model_parameters(wizard.state, algorithm, os.fspath(tmp_path))["daily_rainfall"] == os.fspath(rain)


def test_plugin_menu_opens_the_wizard_and_unload_removes_it(plugin, qgis_iface):
    plugin.initGui()
    try:
        actions = qgis_iface.mainWindow().findChildren(type(plugin.action))
        assert plugin.wizard_action in actions and plugin.settings_action in actions
        assert plugin.wizard_action.text() == "Planning check wizard…"
        plugin.wizard_action.trigger()
        assert isinstance(plugin.wizard, PlanningWizard) and plugin.wizard.isVisible()
        wizard = plugin.wizard
    finally:
        plugin.unload()
    assert not wizard.isVisible()
    assert plugin.wizard_action is None and plugin.settings_action is None and plugin.wizard is None


def test_report_buttons_open_the_report_files(qtbot, monkeypatch, tmp_path):
    from lcr_toolkit.ui.wizard import page_results

    html = tmp_path / "report.html"
    html.write_text("<html></html>", encoding="utf-8")
    state = WizardState(outputs={"report:report_html": str(html), "report:report_pdf": str(tmp_path / "none.pdf")})
    page = page_results.ResultsPage(state)
    qtbot.addWidget(page)
    page.initializePage()
    assert page.html_button.isEnabled() and not page.pdf_button.isEnabled()     # the PDF was not written
    opened = []
    monkeypatch.setattr(page_results.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.html_button.click()
    assert opened == [str(html)]


def test_level_page_offers_the_profiles_with_rules_of_that_level(wizard):
    wizard.next()                                  # from "my own layers"
    page = wizard.pages[Page.LEVEL]
    offered = {page.profile.itemData(i) for i in range(page.profile.count())}
    # per resources/profiles/*.csv level columns
    assert offered == {"cn_master", "cn_new_town", "cn_rural_village", "cn_disaster_management",
                       "cn_transport_biodiversity", "eu_generic"}
    assert "12 rules" in page.note.text() and "7 of the 12 thresholds are unverified" in page.note.text()
    page.detailed.click()
    offered = {page.profile.itemData(i) for i in range(page.profile.count())}
    assert "cn_master" not in offered and "cn_transport_biodiversity" not in offered
    assert page.profile.currentData() == "cn_detailed"
    page.profile.setCurrentIndex(page.profile.findData("cn_new_town"))
    assert "6 rules" in page.note.text()        # cn_new_town: 6 detailed + 2 master rules
    wizard.next()
    assert wizard.state.level == "detailed" and wizard.state.profile == "cn_new_town"


@pytest.fixture
def chinese(qgis_processing):
    """The plugin's Chinese translation installed, as when QGIS runs in Simplified Chinese."""
    import subprocess

    from qgis.PyQt.QtCore import QSettings

    import lcr_toolkit

    ts = Path(__file__).resolve().parents[1] / "i18n" / "lcr_toolkit_zh_CN.ts"
    if not ts.with_suffix(".qm").exists():
        subprocess.run(["lrelease", "-silent", os.fspath(ts)], check=True)
    qsettings = QSettings()
    previous = qsettings.value("locale/userLocale"), qsettings.value("locale/overrideFlag")
    qsettings.setValue("locale/overrideFlag", True)
    qsettings.setValue("locale/userLocale", "zh-Hans")
    plugin = lcr_toolkit.classFactory(None)
    plugin._install_translator()
    yield
    plugin.unload()
    qsettings.setValue("locale/userLocale", previous[0] or "")
    qsettings.setValue("locale/overrideFlag", previous[1] or False)


def test_master_plan_in_chinese(qtbot, chinese, district, qgis_canvas, monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "user_profile_dir", lambda: os.fspath(tmp_path))
    wizard = PlanningWizard(qgis_canvas, state=WizardState(language=1))
    qtbot.addWidget(wizard)
    wizard.show()
    choose_level(wizard, "master")
    assert wizard.pages[Page.LAYERS].field_boxes["name_field"].currentField() == "name_zh"
    wizard.next()
    targets = wizard.pages[Page.TARGETS]
    assert targets.delegates["operator"].displayText(">=", None) == "≥ 不低于"
    assert targets.delegates["unit"].displayText("m2/person", None) == "m²/人"
    wizard.next()
    run_check(qtbot, wizard)
    assert group_named("规划检查：planning_units") is not None
    check = wizard.state.result_layers["check:planning_check"]
    legend = [rule.label() for rule in check.renderer().rootRule().children()]
    assert legend[:3] == ["3 条及以上规则未达标", "2 条规则未达标", "1 条规则未达标"]
    wizard.next()
    results = wizard.pages[Page.RESULTS]
    # CN_M_PARK_GREEN_PC (> 8 m²/person): the 4 units with residents fail it
    row = [results.rules.item(0, c).text() for c in range(4)]
    assert row[:3] == ["人均公园绿地面积", "4 个单元中 4 个未达标", "> 8 m²/人"]
    assert results.tabs.tabText(1) == "规划单元"
    names = [cell(results.units, r, 1) for r in range(results.units.model().rowCount())]
    assert "长盛工业园区" in names



def number(value):
    return None if value is None or value == NULL else float(value)


def counts(row, when):
    return row[f"pass_{when}"], row[f"fail_{when}"]


def test_apply_measures_and_check_again(qtbot, wizard, district):
    # "Apply proposed measures and check again" on the detailed plan: LID sized per parcel (lcr:size_lid) for the
    # runoff control rate, the life-circle facility types the parcels' residents lack and emergency shelters
    # (lcr:site_facilities on the parcels of eligible land use) for the life-circle and shelter-distance rules,
    # merged into copies of the parcels, facilities and shelters, the same check run again, the before/after table
    # shown per rule.
    choose_level(wizard, "detailed")
    wizard.pages[Page.LAYERS].value_boxes["daily_rainfall"].setFilePath(
        os.fspath(DISTRICT.with_name("demo_daily_rainfall.csv")))
    wizard.next()
    wizard.next()
    run_check(qtbot, wizard)
    wizard.next()
    page = wizard.pages[Page.RESULTS]
    assert page.recheck_button.isEnabled() and page.tabs.count() == 2
    summary = page.recheck_status.text()
    assert ("Measures for the failing rules: LID storage per parcel (CN_D_RUNOFF_CTRL, CN_D_RETENTION); new "
            "life-circle facilities (CN_D_LC_COMPLETE); new emergency shelters (CN_D_SHELTER_REACH).") in summary
    assert "No proposed measure repairs: CN_D_PV_SHARE, CN_D_FLOOD_FREE, CN_D_PUB_GREEN_15" in summary
    assert "CN_D_PV_SHARE reads the PV potential of every usable roof" in summary
    page.recheck_button.click()
    qtbot.waitUntil(lambda: page.recheck is None, timeout=RECHECK_TIMEOUT_MS)
    assert wizard.state.comparison, page.recheck_status.text()
    assert page.tabs.count() == 3 and page.tabs.currentWidget() is page.compare
    rows = {row["rule_id"]: row for row in wizard.state.comparison}
    runoff, circle, shelter = rows["CN_D_RUNOFF_CTRL"], rows["CN_D_LC_COMPLETE"], rows["CN_D_SHELTER_REACH"]
    assert counts(runoff, "before") + counts(runoff, "after") == (121, 183, 304, 0)
    # Every type lacking sited for every resident of the 131 residential parcels (lc_score 1: all 8 types); the
    # eligible parcels within walking distance bring 7 more parcels to all 8 types, the other 114 are short of an
    # eligible site for some type (their notes say so).
    assert counts(circle, "before") + counts(circle, "after") + (circle["fixed"],) == (10, 121, 17, 114, 7)
    # Shelters on dry parks, squares and sports ground within 500 m of the 247 judged parcels: 20 more reach one;
    # 178 parcels have no eligible dry site within 500 m.
    assert counts(shelter, "before") + counts(shelter, "after") + (shelter["fixed"],) == (49, 198, 69, 178, 20)
    assert (runoff["measure"], circle["measure"], shelter["measure"], rows["CN_D_PV_SHARE"]["measure"]) == \
        ("lid", "facilities", "shelters", "")
    # 211 passed before the PV share of a parcel whose demand rests mostly on buildings of the EUI table's
    # default row (use "other") got no verdict: 4 such parcels passed
    assert counts(rows["CN_D_PV_SHARE"], "after") == counts(rows["CN_D_PV_SHARE"], "before") == (207, 33)
    assert all(row["broken"] == 0 for row in wizard.state.comparison)
    text = page.recheck_status.text()
    assert "Measures applied: LID storage per parcel, new life-circle facilities, new emergency shelters." in text
    assert "emergency shelters: 6 new sites; in 178 of 247 parcels no eligible site within reach can reach 100 %" in text
    assert "sports: 5 new sites; in 3 of 131 parcels" in text
    assert "CN_D_PV_SHARE reads the PV potential of every usable roof" in text
    # The table shows what the two saved check layers hold, rule by rule.
    folder = wizard.state.run_folder
    before = QgsVectorLayer(wizard.state.outputs["check:planning_check"], "before", "ogr")
    after = QgsVectorLayer(os.path.join(folder, AFTER_FOLDER, "results.gpkg") + "|layername=planning_check",
                           "after", "ogr")
    for row in wizard.state.comparison:
        field = "r_" + row["rule_id"].lower()
        for layer, when in ((before, "before"), (after, "after")):
            values = [f[field] for f in layer.getFeatures()]
            assert (row[f"pass_{when}"], row[f"fail_{when}"]) == (values.count(1), values.count(0)), (field, when)
    table = page.compare
    line = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "CN_D_RUNOFF_CTRL")
    assert [table.item(line, c).text() for c in (2, 3, 4, 5)] == ["121 / 183 / 155", "304 / 0 / 155", "183", "0"]
    parcels = QgsVectorLayer(os.path.join(folder, MEASURES_GPKG) + "|layername=parcels_after", "p", "ogr")
    assert parcels.featureCount() == 459
    # The measures, the parcels with them and the 297 changed verdicts join the results' group: 183 parcels pass the
    # runoff control rate, and 114 the design-storm retention, which counts the runoff the LID storage holds.
    layers = {node.layer().name(): node.layer() for node in group_named("Planning check: parcels").findLayers()}
    assert {"LID measures to add", "Parcels with the measures", "Verdicts changed by the measures"} <= set(layers)
    assert {"Facilities with the new sites", "Shelters with the new sites", "Proposed sites: emergency shelters"} <= set(layers)
    changed = [(f["rule_id"], f["before"], f["after"]) for f in layers["Verdicts changed by the measures"].getFeatures()]
    assert len(changed) == 183 + 114 + 7 + 20
    assert changed.count(("CN_D_RUNOFF_CTRL", "fail", "pass")) == 183
    assert changed.count(("CN_D_RETENTION", "fail", "pass")) == 114
    assert changed.count(("CN_D_LC_COMPLETE", "fail", "pass")) == 7
    assert changed.count(("CN_D_SHELTER_REACH", "fail", "pass")) == 20
    # Independently: Community life circles and Shelter coverage run again on the layers with the measures give
    # the parcels that pass after.
    fields, gpkg = wizard.state.fields, os.path.join(folder, MEASURES_GPKG)
    life = processing.run("lcr:life_circle", {
        "INPUT": district["buildings"], "POPULATION_FIELD": fields["residents_field"],
        "FACILITIES": f"{gpkg}|layername=facilities_after", "FACILITY_TYPE_FIELD": fields["facility_type_field"],
        "ROADS": district["roads"], "UNITS": district["parcels"], "OUTPUT": "TEMPORARY_OUTPUT",
        "UNITS_OUTPUT": "TEMPORARY_OUTPUT"})["UNITS_OUTPUT"]
    full = {f["parcel_id"]: f["full_pct"] for f in life.getFeatures()}
    reach = processing.run("lcr:shelter_coverage", {
        "INPUT": district["parcels"], "POPULATION_FIELD": fields["parcel_residents_field"],
        "SHELTERS": f"{gpkg}|layername=shelters_after", "AREA_FIELD": fields["shelter_area_field"],
        "ROADS": district["roads"], "FLOOD_ZONES": district["flood_zones"], "FLOOD_DEPTH_FIELD": fields["depth_field"],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    distance = {f["parcel_id"]: f["shelter_m"] for f in reach.getFeatures()}
    judged = {name: [f["parcel_id"] for f in after.getFeatures() if number(f[name]) is not None]
              for name in ("r_cn_d_lc_complete", "r_cn_d_shelter_reach")}
    assert sum(1 for p in judged["r_cn_d_lc_complete"] if (number(full[p]) or 0) >= 100.0) == 17
    assert sum(1 for p in judged["r_cn_d_shelter_reach"] if (number(distance[p]) or 1e9) <= 500.0) == 69
    # The report buttons open the report with the section on the measures.
    html = wizard.state.outputs["report:report_html"]
    assert os.path.basename(html) == "report_measures.html" and os.path.exists(wizard.state.outputs["report:report_pdf"])
    with open(html, encoding="utf-8") as page_file:
        assert "Measures that make the plan pass" in page_file.read()
    # The planner takes the measures off one parcel the first round fixed and presses the button again: the
    # edited measures are checked again (not sized anew), that parcel fails again.
    parcel = next(f for f in layers["Verdicts changed by the measures"].getFeatures()
                  if f["rule_id"] == "CN_D_RUNOFF_CTRL")["feature_id"]
    lid = layers["LID measures to add"]
    target = next(f for f in lid.getFeatures() if f["parcel_id"] == parcel)
    assert lid.startEditing()
    for name in ("lid_bio_m2", "lid_pave_m2", "lid_groof_m2", "lid_tank_m3"):
        lid.changeAttributeValue(target.id(), lid.fields().indexOf(name), 0.0)
    assert lid.commitChanges()
    assert page.recheck_button.isEnabled()
    page.recheck_button.click()
    qtbot.waitUntil(lambda: page.recheck is None, timeout=RUN_TIMEOUT_MS)
    runoff = {row["rule_id"]: row for row in wizard.state.comparison}["CN_D_RUNOFF_CTRL"]
    assert (runoff["fail_after"], runoff["fixed"]) == (1, 182), page.recheck_status.text()
    names = {node.layer().name() for node in group_named("Planning check: parcels").findLayers()}
    assert {"Parcels with the measures (2)", "Verdicts changed by the measures (2)"} <= names
    assert os.path.basename(wizard.state.outputs["report:report_html"]) == "report_measures_2.html"


def test_apply_measures_and_check_again_on_the_master_plan(qtbot, wizard):
    # The master plan, with the CO2 target set to 1.2 t per resident on the targets page: the failing 15-minute
    # life-circle rule calls for new facilities of the types some unit lacks (lcr:site_facilities), the CO2 rule
    # for rooftop PV and retrofit (lcr:carbon_measures, read by the check through co2_field and pv_field); the
    # other failing rules (parks, rail, fixed-shelter capacity, impervious and sponge shares) no measure repairs.
    choose_level(wizard, "master")
    wizard.next()
    targets = wizard.pages[Page.TARGETS]
    column = profiles.COLUMNS.index
    line = next(r for r in range(targets.table.rowCount()) if targets.table.item(r, 0).text() == "CN_M_CO2_PC")
    targets.table.item(line, column("threshold")).setText("1.2")
    wizard.next()
    run_check(qtbot, wizard)
    wizard.next()
    page = wizard.pages[Page.RESULTS]
    assert page.recheck_button.isEnabled(), page.recheck_status.text()
    summary = page.recheck_status.text()
    assert "new life-circle facilities (CN_M_LC15_COV)" in summary
    assert "rooftop PV and retrofit (CN_M_CO2_PC)" in summary
    assert "No proposed measure repairs: CN_M_PARK_GREEN_PC" in summary and "CN_M_SHELTER_CAP" in summary
    page.recheck_button.click()
    assert page.recheck_cancel.isVisible() and page.recheck_progress.isVisible()
    qtbot.waitUntil(lambda: page.recheck is None, timeout=RECHECK_TIMEOUT_MS)
    assert wizard.state.comparison, page.recheck_status.text()
    rows = {row["rule_id"]: row for row in wizard.state.comparison}
    co2, circle = rows["CN_M_CO2_PC"], rows["CN_M_LC15_COV"]
    # U1 (1.50 t) and U6 (1.40 t) fail the CO2 rule before; PV and retrofit close both gaps.
    assert (co2["pass_before"], co2["fail_before"], co2["pass_after"], co2["fail_after"], co2["fixed"]) == \
        (2, 2, 4, 0, 2)
    assert co2["measure"] == "carbon" and circle["measure"] == "facilities"
    assert rows["CN_M_RAIL800_COV"]["measure"] == ""
    # All 8 types sited together (site_facilities' "all" mode) for 80 % of each unit's residents reaching
    # every type: every unit then passes.
    assert (circle["pass_before"], circle["fail_before"], circle["pass_after"], circle["fail_after"],
            circle["fixed"]) == (0, 4, 4, 0, 4)
    assert all(row["broken"] == 0 for row in wizard.state.comparison)
    # Rules no measure addresses keep their verdicts.
    assert all(row["fixed"] == 0 for row in wizard.state.comparison if not row["measure"])
    # The table counts what the two saved check layers hold.
    folder = wizard.state.run_folder
    after = QgsVectorLayer(os.path.join(folder, AFTER_FOLDER, "results.gpkg") + "|layername=planning_check",
                           "after", "ogr")
    values = [f["r_cn_m_co2_pc"] for f in after.getFeatures()]
    assert (values.count(1), values.count(0)) == (4, 0)
    table = page.compare
    line = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == "CN_M_RAIL800_COV")
    assert table.item(line, 6).text() == "none: no proposed measure repairs this rule"
    text = page.recheck_status.text()
    assert "Measures applied: new life-circle facilities, rooftop PV and retrofit." in text
    assert "No proposed measure repairs: CN_M_PARK_GREEN_PC" in text
    names = {node.layer().name() for node in group_named("Planning check: planning_units").findLayers()}
    assert {"Carbon measures by unit", "Buildings with the measures", "Facilities with the new sites"} <= names
    with open(wizard.state.outputs["report:report_html"], encoding="utf-8") as page_file:
        html = page_file.read()
    assert "Measures that make the plan pass" in html and "rooftop PV and retrofit" in html
    assert "Failing rules no proposed measure repairs (the plan itself must change): CN_M_PARK_GREEN_PC" in html


def test_check_again_stops_within_a_second_of_cancel(qtbot, wizard):
    choose_level(wizard, "master")
    wizard.next()
    targets = wizard.pages[Page.TARGETS]
    line = next(r for r in range(targets.table.rowCount()) if targets.table.item(r, 0).text() == "CN_M_CO2_PC")
    targets.table.item(line, profiles.COLUMNS.index("threshold")).setText("1.2")
    wizard.next()
    run_check(qtbot, wizard)
    wizard.next()
    page = wizard.pages[Page.RESULTS]
    page.recheck_button.click()
    qtbot.wait(300)
    page.recheck_cancel.click()
    import time
    started = time.monotonic()
    qtbot.waitUntil(lambda: page.recheck is None, timeout=RECHECK_TIMEOUT_MS)
    assert time.monotonic() - started < 1.0
    assert page.recheck_status.text() == "Cancelled." and page.recheck_button.isEnabled()
