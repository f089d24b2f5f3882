"""The wizard's first page, "Start from …", and results that stay: from the demo district, an OpenStreetMap
extract (Kotka) and Chinese POIs and parcels to a master plan check whose saved project, reopened in a fresh
QGIS process, still has every result layer and both reports; and the master plan without flood zones."""
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QLabel, QWizard

from lcr_toolkit.ui import settings
from lcr_toolkit.ui.wizard import saving
from lcr_toolkit.ui.wizard.page_start import STARTS
from lcr_toolkit.ui.wizard.run import model_parameters
from lcr_toolkit.ui.wizard.state import WizardState
from lcr_toolkit.ui.wizard.wizard import Page, PlanningWizard, state_from_settings

REPO = Path(__file__).resolve().parents[1]
KOTKA = REPO / "resources" / "sample_data" / "osm" / "kotka.osm.pbf"
TIMEOUT_MS = 240_000

REOPEN = """
import json, sys
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
ok = project.read(sys.argv[1])
groups = {}
for group in project.layerTreeRoot().findGroups():
    groups[group.name()] = {"layers": {node.layer().name(): [node.layer().isValid(), node.layer().featureCount(),
                                                             node.layer().source()]
                                       for node in group.findLayers()},
                            "html": group.customProperty("lcr_toolkit/report:report_html"),
                            "pdf": group.customProperty("lcr_toolkit/report:report_pdf")}
print(json.dumps({"ok": ok, "groups": groups, "folder": project.readEntry("lcr_toolkit", "results_folder")[0]}))
"""


@pytest.fixture
def fresh_project(provider, monkeypatch, tmp_path):
    monkeypatch.setattr(settings, "user_profile_dir", lambda: os.fspath(tmp_path))
    remembered = {}            # the user's QgsSettings stay as they are
    monkeypatch.setattr(settings, "results_folder", lambda: remembered.get("folder", ""))
    monkeypatch.setattr(settings, "set_results_folder", lambda path: remembered.update(folder=path))
    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


def open_wizard(qtbot, canvas, state):
    wizard = PlanningWizard(canvas, state=state)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_enabled(wizard):
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def run(qtbot, wizard):
    """From the level page (master) to the results page."""
    wizard.next()
    assert wizard.currentId() == Page.LAYERS and next_enabled(wizard), wizard.pages[Page.LAYERS].problems.text()
    wizard.next()
    wizard.next()
    page = wizard.pages[Page.RUN]
    page.start_button.click()
    qtbot.waitUntil(lambda: wizard.state.status in ("done", "failed", "cancelled"), timeout=TIMEOUT_MS)
    assert wizard.state.status == "done", page.status.text()
    wizard.next()
    return wizard.pages[Page.RESULTS]


def prepare(qtbot, wizard):
    page = wizard.pages[Page.START]
    assert page.prepare_button.isEnabled(), page.status.text()
    assert not next_enabled(wizard)                      # not before the layers are prepared
    page.prepare_button.click()
    qtbot.waitUntil(lambda: page.task is None, timeout=TIMEOUT_MS)
    assert next_enabled(wizard), page.status.text()
    return page


def test_default_folder_beside_the_project_or_in_documents(fresh_project, tmp_path):
    assert saving.default_folder().endswith(os.path.join("", saving.IN_DOCUMENTS))
    settings.set_results_folder("/data/last")
    assert saving.default_folder() == "/data/last"                  # the choice remembered in QgsSettings
    fresh_project.write(os.fspath(tmp_path / "plan.qgz"))
    assert saving.default_folder() == os.fspath(tmp_path / saving.BESIDE_PROJECT)
    saving.remember(os.fspath(tmp_path / "mine"))
    assert saving.default_folder() == os.fspath(tmp_path / "mine")  # this project's own choice
    first = saving.new_folder(os.fspath(tmp_path / "mine"), "planning units: Nanhu/东区")
    second = saving.new_folder(os.fspath(tmp_path / "mine"), "planning units: Nanhu/东区")
    assert first != second and Path(first).name.startswith("planning_units_Nanhu_东区_")


def test_demo_results_stay_after_the_project_is_reopened(qtbot, fresh_project, qgis_canvas, tmp_path):
    """The wizard run on the demo district, headless; the project saved and read again in a new QGIS
    process: every layer valid, both reports there, all in the chosen folder, none in a temporary one."""
    state = state_from_settings()
    assert state.start == "demo"                         # an empty project starts from the demo
    state.folder = ""
    wizard = open_wizard(qtbot, qgis_canvas, state)
    start = wizard.pages[Page.START]
    assert start.choices.checkedId() == STARTS.index("demo")
    folder = tmp_path / "saved results"
    start.folder.setFilePath(os.fspath(folder))
    wizard.next()
    assert {layer.name() for layer in fresh_project.mapLayers().values()} >= {"planning_units", "flood_zones"}
    results = run(qtbot, wizard)
    run_folder = Path(wizard.state.run_folder)
    assert run_folder.parent == folder and run_folder.name.startswith("planning_units_")
    assert sorted(p.name for p in run_folder.iterdir()) == ["report.html", "report.pdf", "results.gpkg"]
    source = ogr.Open(os.fspath(run_folder / "results.gpkg"))
    tables = [layer.GetName() for layer in source]
    source = None
    assert sorted(tables) == ["planning_check", "rules", "synergy"]
    assert f"Saved in {run_folder}" in results.saved.text() and results.folder_button.isEnabled()
    assert not results.notes.isVisible()          # nothing estimated, flood zones given
    assert settings.results_folder() == os.fspath(folder)

    project_file = tmp_path / "project" / "plan.qgz"
    project_file.parent.mkdir()
    assert fresh_project.write(os.fspath(project_file))
    fresh_project.clear()
    done = subprocess.run([sys.executable, "-c", REOPEN, os.fspath(project_file)], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    reopened = json.loads(done.stdout.strip().splitlines()[-1])
    assert reopened["ok"] and reopened["folder"] == os.fspath(folder)
    group = reopened["groups"]["Planning check: planning_units"]
    assert {name: values[:2] for name, values in group["layers"].items()} == {
        "Planning check": [True, 6], "Planning check rules": [True, 12], "Low-carbon and resilience synergy": [True, 6]}
    assert all(values[2].startswith(os.fspath(run_folder / "results.gpkg")) for values in group["layers"].values())
    assert Path(group["html"]).is_file() and Path(group["pdf"]).read_bytes().startswith(b"%PDF")
    assert Path(group["html"]).parent == run_folder
    demo = reopened["groups"]["Demo district"]["layers"]
    assert len(demo) == 10 and all(valid for valid, _n, _source in demo.values())


def test_master_plan_without_flood_zones(qtbot, fresh_project, qgis_canvas, tmp_path):
    wizard = open_wizard(qtbot, qgis_canvas, WizardState(start="demo", folder=os.fspath(tmp_path / "out")))
    wizard.next()
    wizard.next()
    layers = wizard.pages[Page.LAYERS]
    assert "<b>Flood zones</b> (optional)" in [label.text() for label in layers.findChildren(QLabel)]
    layers.layer_boxes["flood_zones"].setLayer(None)
    assert next_enabled(wizard), layers.problems.text()
    wizard.back()
    results = run(qtbot, wizard)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lcr:master_plan_check")
    parameters = model_parameters(wizard.state, algorithm, os.fspath(tmp_path))
    assert "flood_zones" not in parameters and parameters["units"] == wizard.state.layers["units"].id()
    assert "Flood rules were not assessed because no flood layer was given" in results.notes.text()
    assert "Flood rules were not assessed" in wizard.pages[Page.RUN].summary.text()
    html = Path(wizard.state.outputs["report:report_html"]).read_text(encoding="utf-8")
    assert "<h3>Inputs estimated or not given</h3>" in html
    assert "<li>Flood rules were not assessed because no flood layer was given: shelters are counted" in html
    pdf = subprocess.run(["pdftotext", wizard.state.outputs["report:report_pdf"], "-"], capture_output=True,
                         text=True, check=True).stdout
    pdf = unicodedata.normalize("NFKC", pdf)          # the PDF's font writes "fl" as a ligature
    listed = " ".join(pdf.split("Inputs estimated or not given")[-1].split())        # the PDF's section
    assert "• Flood rules were not assessed because no flood layer was given: shelters are counted" in listed
    assert results.rules.rowCount() == 12


def osm_buildings(gpkg):
    source = ogr.Open(os.fspath(gpkg))          # kept: its layer dies with it
    return [(f["residents"], f["residents_est"], f["floors_est"], f["use_est"])
            for f in source.GetLayerByName("buildings")]


def test_start_from_an_openstreetmap_extract(qtbot, fresh_project, qgis_canvas, tmp_path):
    """Kotka's .osm.pbf through lcr:prepare_osm to the master plan check, no flood zones: the estimates the
    wizard shows are those counted in the prepared GeoPackage."""
    wizard = open_wizard(qtbot, qgis_canvas, WizardState(start="osm", folder=os.fspath(tmp_path / "out")))
    start = wizard.pages[Page.START]
    assert "Choose the OpenStreetMap extract." in start.status.text() and not start.prepare_button.isEnabled()
    start.osm_file.setFilePath(os.fspath(KOTKA))
    prepare(qtbot, wizard)
    gpkg = next((tmp_path / "out").glob("prepared_osm_*/prepared_layers.gpkg"))
    rows = osm_buildings(gpkg)
    residential = [r for r in rows if r[0] and r[0] > 0]
    people = sum(r[0] for r in residential)
    floors, uses = sum(r[2] for r in rows), sum(r[3] for r in rows)
    assert len(rows) == 2193 and all(r[1] == 1 for r in rows)       # kotka: 2,193 usable building areas
    estimates = [note.text() for note in wizard.state.estimates]
    assert estimates[0] == (f"residents estimated for {len(residential):,} buildings from floor area ({people:,.0f} "
                            "people): OpenStreetMap has no residents (field residents_est)")
    assert estimates[1].startswith(f"floors estimated for {floors:,} of 2,193 buildings")
    assert estimates[2].startswith(f"use estimated for {uses:,} of 2,193 buildings")
    assert estimates[-1].startswith("27 planning units: grid cells")
    assert "Estimated:" in start.status.text() and estimates[0] in start.status.text()
    wizard.next()
    layers = wizard.pages[Page.LAYERS]
    wizard.next()
    assert layers.layer_boxes["units"].currentLayer().source() == f"{gpkg}|layername=planning_units"
    assert layers.layer_boxes["flood_zones"].currentLayer() is None
    assert layers.field_boxes["residents_field"].currentField() == "residents"
    wizard.back()
    results = run(qtbot, wizard)
    assert estimates[0] in results.notes.text() and "no flood layer was given" in results.notes.text()
    assert results.units.model().rowCount() == 27 and results.rules.rowCount() == 12


# The POIs of test_alg_china_data (Jiaxing, CGCS2000 / 3-degree GK CM 120E) and three parcels coded as
# integers of 用地用海分类 2023 (0701 urban housing written as 701, 1401 park, 0901 commerce).
def test_start_from_chinese_pois_and_parcels(qtbot, fresh_project, qgis_canvas, tmp_path, make_layer):
    sys.path.insert(0, os.fspath(REPO / "tests"))
    import test_alg_china_data as china

    csv = tmp_path / "amap_pois.csv"          # as Amap gives them: GCJ-02, typecodes, saved as GBK
    lines = ["lon,lat,typecode,名称"]
    for name, code, x, y, _ in china.POIS:
        lon, lat = china.cc.wgs84_to_gcj02(*china.true_lonlat(x, y))
        lines.append(f"{float(lon):.8f},{float(lat):.8f},{code},{name}")
    csv.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    parcels = make_layer("Polygon", "EPSG:4549", "地块编号:string&field=ydlx:integer",
                         [(china.square(0, 0, 100), ["A1", 701]), (china.square(300, 0, 100), ["A2", 1401]),
                          (china.square(600, 0, 100), ["A3", 9999])], name="parcels_2023")
    fresh_project.addMapLayer(parcels)
    wizard = open_wizard(qtbot, qgis_canvas, WizardState(start="china", folder=os.fspath(tmp_path / "out")))
    start = wizard.pages[Page.START]
    start.poi_csv.setFilePath(os.fspath(csv))
    assert start.poi_layer.currentLayer() is not None
    assert start.poi_category.currentField() == "typecode"
    start.parcels.setLayer(parcels)
    start.parcel_code.setField("ydlx")
    prepare(qtbot, wizard)
    estimates = [note.text() for note in wizard.state.estimates]
    assert estimates[0].startswith(f"{len(china.POIS)} POIs moved from Chinese web-map coordinates")
    shift = float(estimates[0].split(" by ")[1].split(" m")[0])
    assert 300 < shift < 700                            # GCJ-02's offset in eastern China
    # per test_alg_china_data: 7 facilities, 1 bus stop, the restaurant matches nothing
    assert estimates[1] == ("7 POIs typed as life-circle facilities and 1 as transit stops from their categories; "
                            "1 matched no category")
    assert estimates[2] == ("land-use codes of 2 parcels read through the crosswalk; 1 not recognised "
                            "(no land-use class)")
    prepared = wizard.state.prepared
    assert prepared["facilities"].featureCount() == 7 and prepared["transit_stops"].featureCount() == 1
    # Each POI in one layer only, each layer a table of its own (no filtered view of one POI table)
    facility_names = {f["名称"] for f in prepared["facilities"].getFeatures()}
    stop_names = {f["名称"] for f in prepared["transit_stops"].getFeatures()}
    assert not facility_names & stop_names and len(facility_names | stop_names) == 8
    for param in ("facilities", "transit_stops"):
        assert prepared[param].subsetString() == ""
        assert prepared[param].source().endswith(f"|layername={param}")
    assert prepared["facilities"].crs().authid() == "EPSG:4549"
    to_gk = china.transform("EPSG:4326", "EPSG:4549")
    truth = {name: (china.X0 + x, china.Y0 + y) for name, _c, x, y, _k in china.POIS}
    for feature in prepared["facilities"].getFeatures():
        point = feature.geometry().asPoint()
        x, y = truth[feature["名称"]]
        assert abs(point.x() - x) < 1.0 and abs(point.y() - y) < 1.0     # back on the true position
    codes = {f["地块编号"]: (f["lu_code"], f["lucode"]) for f in prepared["parcels"].getFeatures()}
    assert codes["A1"][0] == "0701" and codes["A2"][0] == "1401" and codes["A3"][0] in (None, "")
    assert prepared["landcover"] is prepared["parcels"]


def test_poi_csv_with_chinese_coordinate_columns_in_a_folder_with_a_space(tmp_path):
    """经度/纬度 columns (as Chinese POI tools write them), GBK, the file in "my data #1": the layer was invalid
    (the raw Chinese column names and the "#" in the URI)."""
    from lcr_toolkit.ui.wizard.prepare import poi_csv_layer

    folder = tmp_path / "my data #1"
    folder.mkdir()
    path = folder / "高德POI.csv"
    path.write_bytes("名称,typecode,经度,纬度\r\n阳光幼儿园,141204,120.6252463,31.3005254\r\n"
                     "城东诊所,090300,120.6294397,31.2987049\r\n".encode("gbk"))
    layer = poi_csv_layer(os.fspath(path))
    assert layer is not None and layer.featureCount() == 2
    names = {f["名称"]: (round(f.geometry().asPoint().x(), 7), round(f.geometry().asPoint().y(), 7))
             for f in layer.getFeatures()}
    assert names == {"阳光幼儿园": (120.6252463, 31.3005254), "城东诊所": (120.6294397, 31.2987049)}
    assert layer.crs().authid() == "EPSG:4326"


LIECHTENSTEIN = REPO / "resources" / "sample_data" / "osm" / "liechtenstein.osm.pbf"


def test_liechtenstein_from_the_raw_extract_to_the_report(qtbot, fresh_project, qgis_canvas, tmp_path):
    """A real country-town extract (8,994 buildings, 11 municipalities) from the raw .osm.pbf to the master
    plan check and its report through the wizard, the municipalities (admin level 8) as planning units. The
    counts of buildings and municipalities are those ogrinfo gives for the file."""
    import time

    wizard = open_wizard(qtbot, qgis_canvas, WizardState(start="osm", folder=os.fspath(tmp_path / "out")))
    start = wizard.pages[Page.START]
    start.osm_file.setFilePath(os.fspath(LIECHTENSTEIN))
    start.osm_units.setCurrentIndex(1)
    start.osm_admin_level.setValue(8)
    started = time.perf_counter()
    prepare(qtbot, wizard)
    prepared = time.perf_counter() - started
    estimates = [note.text() for note in wizard.state.estimates]
    assert "of 8,993 buildings" in estimates[1]         # of ogrinfo's 8,994 building areas, one is not usable
    assert estimates[-1].startswith("11 planning units: the administrative areas")
    units = wizard.state.prepared["units"]
    assert sorted(f["name"] for f in units.getFeatures())[:3] == ["Balzers", "Eschen", "Gamprin"]
    wizard.next()
    started = time.perf_counter()
    results = run(qtbot, wizard)
    checked = time.perf_counter() - started
    print(f"\nLiechtenstein: prepare_osm {prepared:.1f} s, master plan check {checked:.1f} s; "
          + "; ".join(estimates))
    assert results.units.model().rowCount() == 11 and results.rules.rowCount() == 12
    assert Path(wizard.state.outputs["report:report_pdf"]).read_bytes().startswith(b"%PDF")
    assert "no flood layer was given" in results.notes.text() and estimates[0] in results.notes.text()
    html = Path(wizard.state.outputs["report:report_html"]).read_text(encoding="utf-8")
    listed = html.split("<h3>Inputs estimated or not given</h3>")[1].split("</ul>")[0]
    assert all(f"<li>{line}</li>" in listed for line in estimates[:3])
    assert "<li>Data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright).</li>" in listed


def test_notes_are_written_in_the_reports_language(fresh_project, tmp_path):
    """The notes reach the model in the report's language, whatever QGIS's (here English)."""
    from lcr_toolkit.ui.wizard import prepare

    if not (REPO / "i18n" / "lcr_toolkit_zh_CN.qm").exists():
        subprocess.run(["lrelease", "-silent", os.fspath(REPO / "i18n" / "lcr_toolkit_zh_CN.ts")], check=True)
    residents = prepare.osm_estimates({"RESIDENTIAL_BUILDINGS": 1579, "RESIDENTS": 17161.4, "BUILDING_COUNT": 2193},
                                      {})[0]
    assert residents.text() == residents.text("en") == (
        "residents estimated for 1,579 buildings from floor area (17,161 people): OpenStreetMap has no residents "
        "(field residents_est)")
    assert residents.text("zh") == ("按建筑面积估算了 1,579 栋建筑的居民（共 17,161 人）：OpenStreetMap 没有居民数据"
                                    "（字段 residents_est）")
    state = WizardState(start="osm", estimates=[residents], language=1)
    layers = {"units": QgsVectorLayer("Polygon?crs=EPSG:32635", "units", "memory")}
    fresh_project.addMapLayers(list(layers.values()))
    state.layers = layers
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("lcr:master_plan_check")
    notes = model_parameters(state, algorithm, os.fspath(tmp_path))["input_notes"].splitlines()
    assert notes == [residents.text("zh"), prepare.NO_FLOOD.text("zh"), prepare.OSM_CREDIT.text("zh")]
    assert notes[1].startswith("未提供洪涝图层，因此未评估洪涝相关规则")
    assert notes[2] == "数据 © OpenStreetMap 贡献者，ODbL 1.0（openstreetmap.org/copyright）。"     # not ASCII
