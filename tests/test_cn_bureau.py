"""A Chinese bureau's own data (tests/cn_bureau.py writes it): shapefiles in GBK without .cpg, with a .cpg
saying 936 and in UTF-8, Chinese field names (地块编号, 用地性质, 绿地率, 层数), spaces and Chinese characters in
the paths, land-use codes written with full-width characters, spaces and their names, 绿地率 as per cent
numbers. Each test is a defect this data found."""
import pytest
from osgeo import ogr

import processing

from . import cn_bureau as cb

S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger


def run(algorithm, params, **kwargs):
    return processing.run(f"lcr:{algorithm}", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


# ---- land-use codes as plan tables write them ---------------------------------------------------------------
CODES = {"DK-1": ("0701", "0701"), "DK-2": ("０７０１", "0701"), "DK-3": ("07 01", "0701"),
         "DK-4": ("0701（城镇住宅用地）", "0701"), "DK-5": ("Ｒ２", "070102"), "DK-6": ("R2二类居住用地", "070102"),
         "DK-7": ("070101 ", "070101"), "DK-8": ("1401 公园绿地", "1401"), "DK-9": ("０９０１", "0901"),
         "DK-10": ("B1/R2", "0901")}


def test_normalised_codes():
    from lcr_toolkit.core.landuse import normalise_codes

    written = [code for code, _ in CODES.values()] + ["701（住宅）", 701.0, "Mixed use", "二类居住用地", "05H1", " "]
    assert list(normalise_codes(written)) == ["0701", "0701", "0701", "0701", "R2", "R2", "070101", "1401", "0901",
                                              "B1", "0701", "0701", "MIXED USE", "二类居住用地", "05H1", None]


@pytest.mark.parametrize("encoding, cpg", [("GBK", None), ("GBK", "936"), ("UTF-8", "UTF-8")])
def test_bureau_codes_in_every_encoding(provider, tmp_path, encoding, cpg, log_feedback):
    folder = tmp_path / "嘉兴 控规 数据"
    folder.mkdir()
    path = str(folder / "控规 地块.shp")
    rows = [(cb.square(120 * i, 0, 100), [pid, code]) for i, (pid, (code, _)) in enumerate(CODES.items())]
    # names of at most 3 Chinese characters: a DBF field name has 10 bytes, 3 characters in UTF-8
    cb.write_shapefile(path, ogr.wkbPolygon, [("编号", S, 10), ("用地码", S, 40)], rows, encoding=encoding, cpg=cpg)
    feedback = log_feedback()
    result = run("landuse_codes", {"INPUT": path, "CODE_FIELD": "用地码", "SCHEME": 0}, feedback=feedback)
    assert (result["N_MAPPED"], result["N_UNMAPPED"]) == (10, 0)
    assert {f["编号"]: f["lu_code"] for f in result["OUTPUT"].getFeatures()} == \
        {pid: canonical for pid, (_, canonical) in CODES.items()}
    assert ("read as GBK" in feedback.text) == (cpg is None)


# ---- 绿地率 as per cent numbers ----------------------------------------------------------------------------------
def test_green_ratio_written_in_per_cent(provider, tmp_path, log_feedback):
    """Residential parcels of 12 floors: GB 50180-2018's 10–18-floor row, most lenient zone: 绿地率 ≥ 0.35.
    Written 35 (35 %), 30 (30 %) and 0.40: pass, fail, pass. Read as shares, 30 would pass (30 ≥ 0.35)."""
    path = str(tmp_path / "地块.shp")
    rows = [(cb.square(120 * i, 0, 100), [pid, "0701", green, "12层"])
            for i, (pid, green) in enumerate([("DK-1", 35.0), ("DK-2", 30.0), ("DK-3", 0.4)])]
    cb.write_shapefile(path, ogr.wkbPolygon, [("地块编号", S, 10), ("用地性质", S, 10), ("绿地率", R, 8),
                                              ("层数", S, 10)], rows, cpg="936")
    feedback = log_feedback()
    result = run("planning_check", {"INPUT": path, "PROFILE": 1, "LEVEL": 2, "LANDUSE_FIELD": "用地性质",
                                    "FLOORS_FIELD": "层数", "TABLE": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert {f["地块编号"]: f["r_cn_d_green_ratio"] for f in result["OUTPUT"].getFeatures()} == \
        {"DK-1": 1, "DK-2": 0, "DK-3": 1}
    assert "2 values of “绿地率” for rule CN_D_GREEN_RATIO are above 1" in feedback.text
    # said in the field map, the per cent are read as such with no warning, and the 0.40 as 0.4 %
    mapped = log_feedback()
    result = run("planning_check", {"INPUT": path, "PROFILE": 1, "LEVEL": 2, "LANDUSE_FIELD": "用地性质",
                                    "FLOORS_FIELD": "层数", "FIELD_MAP": "CN_D_GREEN_RATIO=绿地率[%]",
                                    "TABLE": None}, feedback=mapped)
    assert {f["地块编号"]: f["r_cn_d_green_ratio"] for f in result["OUTPUT"].getFeatures()} == \
        {"DK-1": 1, "DK-2": 0, "DK-3": 0}
    assert "above 1" not in mapped.text


# ---- the wizard's guesses on a bureau's field names ------------------------------------------------------------
@pytest.fixture
def bureau_project(provider, tmp_path):
    """Buildings in GBK without .cpg (QGIS shows their names garbled), with 地下层数 before 地上层数 and floors
    as text; parcels with a .cpg saying 936 and pinyin-initial field names, as bureaus' GIS tables have them."""
    from qgis.core import QgsProject, QgsVectorLayer

    folder = tmp_path / "西安 规划 数据"
    folder.mkdir()
    buildings = str(folder / "现状建筑.shp")
    cb.write_shapefile(buildings, ogr.wkbPolygon,
                       [("建筑编号", S, 10), ("地下层数", S, 10), ("地上层数", S, 20), ("建筑用途", S, 10), ("人口", I, 8)],
                       [(cb.square(20, 20, 30), ["JZ-1", "2", "地上12层", "住宅", 100])])
    parcels = str(folder / "控规地块.shp")
    cb.write_shapefile(parcels, ogr.wkbPolygon,
                       [("OBJECTID", I, 8), ("DKBH", S, 10), ("YDXZ", S, 10), ("YDMJ", R, 10), ("RJL", R, 8),
                        ("LDL", R, 8), ("RK", I, 8), ("CS", S, 8)],
                       [(cb.square(0, 0, 100), [1, "DK-1", "0701", 1.0, 2.0, 35.0, 300, "11层"])], cpg="936")
    layers = [QgsVectorLayer(buildings, "现状建筑", "ogr"), QgsVectorLayer(parcels, "控规地块", "ogr")]
    QgsProject.instance().addMapLayers(layers)
    yield layers
    QgsProject.instance().clear()


def test_wizard_guesses_the_fields_of_bureau_tables(qtbot, bureau_project, qgis_canvas, monkeypatch, tmp_path):
    import os

    from lcr_toolkit.ui import settings
    from lcr_toolkit.ui.wizard.state import WizardState
    from lcr_toolkit.ui.wizard.wizard import Page, PlanningWizard

    buildings, parcels = bureau_project
    shown = buildings.fields().names()
    assert "地上层数" not in shown            # QGIS reads the GBK names as UTF-8
    monkeypatch.setattr(settings, "user_profile_dir", lambda: os.fspath(tmp_path))
    wizard = PlanningWizard(qgis_canvas, state=WizardState(folder=os.fspath(tmp_path / "results")))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.pages[Page.LEVEL].detailed.click()
    wizard.next()
    page = wizard.pages[Page.LAYERS]
    assert page.layer_boxes["buildings"].currentLayer() is buildings
    assert page.layer_boxes["parcels"].currentLayer() is parcels
    chosen = {param: box.currentField() for param, box in page.field_boxes.items()}
    # the garbled names of 地上层数 (text, read as numbers), 建筑用途 and 人口, by position
    assert (chosen["floors_field"], chosen["use_field"], chosen["residents_field"]) == (shown[2], shown[3], shown[4])
    assert (chosen["parcel_id_field"], chosen["landuse_field"], chosen["green_ratio_field"],
            chosen["parcel_residents_field"]) == ("DKBH", "YDXZ", "LDL", "RK")
    # the parcels' floors (text) pick GB 50180-2018's height class: without them the lenient own thresholds apply
    assert chosen["parcel_floors_field"] == "CS"
    assert page.validatePage()
    from lcr_toolkit.ui.wizard.run import model_parameters
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("lcr:detailed_plan_check")
    assert model_parameters(wizard.state, model, os.fspath(tmp_path))["parcel_floors_field"] == "CS"


# ---- Gauss-Krüger eastings with and without the zone number, custom .prj, no .prj ------------------------------
CUSTOM_GK = ('PROJCS["自定义 高斯克吕格 120",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",'
             'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],'
             'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],'
             'PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],'
             'UNIT["Meter",1.0]]')


def buildings(folder, name, **kwargs):
    """Four 30 m × 30 m buildings of 12 floors: 4 × 900 m² × 12 = 43,200 m² of floor area."""
    path = str(folder / f"建筑 {name}.shp")
    rows = [(cb.square(120 * i + 20, 20, 30), [f"JZ-{i + 1}", 12]) for i in range(4)]
    return cb.write_shapefile(path, ogr.wkbPolygon, [("建筑编号", S, 10), ("层数", I, 4)], rows, cpg="936", **kwargs)


@pytest.mark.parametrize("name, kwargs", [("zone 40", {"epsg": 4528, "dx": cb.ZONE_40}), ("CM 120E", {"epsg": 4549}),
                                          ("Xi'an 1980", {"epsg": 2385}), ("Beijing 1954", {"epsg": 2437}),
                                          ("custom", {"prj": CUSTOM_GK}), ("no prj", {"prj": False})])
def test_floor_area_in_every_gauss_kruger_delivery(provider, tmp_path, name, kwargs):
    result = run("building_emissions", {"INPUT": buildings(tmp_path, name, **kwargs), "FLOORS_FIELD": "层数"})
    assert result["TOTAL_GFA_M2"] == pytest.approx(43_200)


@pytest.mark.parametrize("epsg, dx, expected", [
    (4549, cb.ZONE_40, "begin with the Gauss-Krüger zone number 40, which that CRS does not have: the layer is in a "
                       "CRS of zone 40 with the zone number, such as CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528)"),
    (4528, 0.0, "a CRS whose eastings begin with the Gauss-Krüger zone number 40, but its eastings (571,820 – 572,210) "
                "have no zone number: the layer is in the CRS of the same central meridian without it, such as "
                "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)"),
])
def test_zone_number_missing_or_extra_is_named(provider, tmp_path, epsg, dx, expected):
    from qgis.core import QgsProcessingException

    path = buildings(tmp_path, f"{epsg}", epsg=epsg, dx=dx)
    with pytest.raises(QgsProcessingException) as raised:
        run("building_emissions", {"INPUT": path, "FLOORS_FIELD": "层数"})
    assert expected in str(raised.value)


def test_no_prj_with_zone_number_names_the_crs(provider, tmp_path, log_feedback):
    feedback = log_feedback()
    run("building_emissions", {"INPUT": buildings(tmp_path, "no prj", prj=False, dx=cb.ZONE_40), "FLOORS_FIELD": "层数"},
        feedback=feedback)
    assert "Its eastings (40,571,820 – 40,572,210) begin with the Gauss-Krüger zone number 40: on CGCS2000 its CRS is " \
           "EPSG:4528" in feedback.text


def test_zone_number_hint_for_six_degree_zones():
    from lcr_toolkit.core.crs import gk_zone_number_hint

    # 6-degree zone 20 (CM 117E): EPSG:4498 with the number, EPSG:4509 without; zone 24 is no Chinese zone
    assert gk_zone_number_hint(500000, 20_430_000, 20_440_000) == ("in_data", 20, 4498)
    assert gk_zone_number_hint(20_500_000, 430_000, 440_000) == ("in_crs", 20, 4509)
    assert gk_zone_number_hint(500000, 24_430_000, 24_440_000) is None


# ---- Baidu POIs: BD-09, a GBK CSV in a folder with spaces, Baidu tags ------------------------------------------
BAIDU = [("金色童年幼儿园", "教育培训;幼儿园", 150, 0, "kindergarten"), ("东门小学", "教育培训;小学", 0, 350, "primary_school"),
         ("南湖中学", "教育培训;中学", 450, 450, "middle_school"), ("星巴克", "美食;咖啡厅", 300, 300, None)]


def test_baidu_pois_back_on_their_true_positions(provider, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    from lcr_toolkit.core import china_coords as cc
    from lcr_toolkit.ui.wizard.prepare import poi_csv_layer

    project = QgsProject.instance()
    to_lonlat = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), project)
    lines = ["名称,标签,bd09_lng,bd09_lat"]
    for name, tag, x, y, _ in BAIDU:
        true = to_lonlat.transform(QgsPointXY(cb.X0 + x, cb.Y0 + y))
        lon, lat = cc.wgs84_to_bd09(true.x(), true.y())
        lines.append(f"{name},{tag},{float(lon):.8f},{float(lat):.8f}")
    folder = tmp_path / "百度 POI 下载"
    folder.mkdir()
    path = folder / "南湖 POI.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    typed = run("poi_categories", {"INPUT": poi_csv_layer(str(path)), "CATEGORY_FIELD": "标签", "NAME_FIELD": "名称"})
    assert (typed["N_FACILITIES"], typed["N_UNMATCHED"]) == (3, 1)
    moved = run("china_coordinates", {"INPUT": typed["OUTPUT"], "CONVERSION": 1})
    to_gk = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                   QgsCoordinateReferenceSystem("EPSG:4549"), project)
    for feature in moved["OUTPUT"].getFeatures():
        name, _, x, y, kind = next(p for p in BAIDU if p[0] == feature["名称"])
        assert feature["fac_type"] == kind
        assert to_gk.transform(feature.geometry().asPoint()).distance(QgsPointXY(cb.X0 + x, cb.Y0 + y)) < 1.0


# ---- shelter areas in 公顷 --------------------------------------------------------------------------------------
@pytest.mark.parametrize("field, a, b", [("面积(公顷)", 0.03, 0.016), ("有效面积", 300.0, 160.0)])
def test_shelter_area_in_hectares(provider, tmp_path, make_layer, field, a, b, log_feedback):
    """Shelters A (0, 0) of 0.03 ha = 300 m² and B (400, 0) of 0.016 ha = 160 m², no capacity field: 2.0 m² per
    evacuee (the default row) gives capacities 300 / 2 = 150 and 160 / 2 = 80, whichever way the area is written."""
    path = str(tmp_path / "避难 场所.shp")
    cb.write_shapefile(path, ogr.wkbPoint, [("编号", S, 4), (field, R, 12)],
                       [("POINT(0 0)", ["A", a]), ("POINT(400 0)", ["B", b])], cpg="936")
    homes = make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer",
                       [("POLYGON((45 -5,55 -5,55 5,45 5,45 -5))", ["H", 100])])
    feedback = log_feedback()
    result = run("shelter_coverage", {"INPUT": homes, "SHELTERS": path, "POPULATION_FIELD": "residents",
                                      "AREA_FIELD": field, "SHELTERS_OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert {f["编号"]: f["capacity"] for f in result["SHELTERS_OUTPUT"].getFeatures()} == {"A": 150, "B": 80}
    assert ("is read in the unit its name gives: × 10000 to m²" in feedback.text) == (field == "面积(公顷)")


def test_hectares_in_a_field_named_without_unit_are_warned_about(provider, tmp_path, make_layer, log_feedback):
    path = str(tmp_path / "避难场所.shp")
    cb.write_shapefile(path, ogr.wkbPoint, [("编号", S, 4), ("有效面积", R, 12)],
                       [("POINT(0 0)", ["A", 0.03]), ("POINT(400 0)", ["B", 0.016])], cpg="936")
    homes = make_layer("Polygon", "EPSG:4549", "name:string&field=residents:integer",
                       [("POLYGON((45 -5,55 -5,55 5,45 5,45 -5))", ["H", 100])])
    feedback = log_feedback()
    run("shelter_coverage", {"INPUT": homes, "SHELTERS": path, "POPULATION_FIELD": "residents", "AREA_FIELD": "有效面积"},
        feedback=feedback)
    assert "Every effective area of “避难场所” (“有效面积”) is below 10 m², the largest 0.03: if the field holds " \
           "hectares (公顷)" in feedback.text


# ---- stop types as Chinese stop tables write them ----------------------------------------------------------------
def test_chinese_stop_types_with_suffixes():
    from lcr_toolkit.core import transit

    types = ["公交站", "地铁站", "轨道交通1号线站", "常规公交", "BUS", "ferry", "码头", None, "地铁公交换乘站"]
    rail, bus = transit.parse_values("rail,metro,subway,地铁,轨道"), transit.parse_values("bus,公交")
    is_rail, is_bus, other = transit.classify_stops(types, rail, bus)
    assert [t for t, r in zip(types, is_rail) if r] == ["地铁站", "轨道交通1号线站", "地铁公交换乘站"]
    assert [t for t, b in zip(types, is_bus) if b] == ["公交站", "常规公交", "BUS", "地铁公交换乘站"]
    assert other == ["", "ferry", "码头"]
    # English values still match whole words only: "bus" is no part of "business"
    assert not transit.classify_stops(["business"], rail, bus)[1].any()


# ---- a point on the edge two units share ----------------------------------------------------------------------
def test_point_on_a_shared_unit_edge_counts_in_the_first_unit():
    import shapely

    from lcr_toolkit.core import zones

    units = [shapely.box(0, 0, 290, 600), shapely.box(290, 0, 600, 600)]
    points = [shapely.Point(290, 290), shapely.Point(100, 100), shapely.Point(0, 50), shapely.Point(700, 50)]
    assert list(zones.assign_to_zones(points, units)) == [0, 0, 0, -1]


def test_master_model_gives_the_shelter_class_to_the_coverage_step(provider):
    """The wizard says the shelter type sets the service distance; the master model passed it only to the fixed
    capacity step, so a central shelter (2500 m) reached residents 500 m away only."""
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById("lcr:master_plan_check_model")
    step = next(c for c in model.childAlgorithms().values() if c.algorithmId() == "lcr:shelter_coverage")
    sources = {name: [s.parameterName() for s in values] for name, values in step.parameterSources().items()}
    assert sources["SHELTER_TYPE_FIELD"] == ["shelter_type_field"]
    assert sources["CAPACITY_FIELD"] == ["shelter_capacity_field"]


# ---- the master check on the bureau's district ---------------------------------------------------------------
@pytest.fixture(scope="module")
def master(tmp_path_factory, lcr):
    folder = cb.district(tmp_path_factory.mktemp("嘉兴 总规 数据"))
    params = cb.master_parameters(folder)
    out = folder / "结果"
    out.mkdir()
    processing.run("lcr:master_plan_check", {
        **params,
        "check:planning_check": f"ogr:dbname='{out / '总规 核查.gpkg'}' table=\"planning_check\" (geom)",
        "check:rules": str(out / "规则.csv"), "synergy:synergy": "TEMPORARY_OUTPUT",
        "report:report_html": str(out / "报告.html"), "report:report_pdf": str(out / "报告.pdf")})
    source = ogr.Open(str(out / "总规 核查.gpkg"))
    return {f["单元编号"]: f.items() for f in source.GetLayerByName("planning_check")}


def test_master_check_on_the_bureau_district(master):
    # residents: DY-01 holds DK-01, DK-04 and, by their slabs at x 230–245, DK-02 and DK-08: 16 slabs × 88 = 1,408
    assert [master[u]["pop"] for u in ("DY-01", "DY-02")] == [1408, 352]
    # 地铁站 is rail, 公交站 and 公交车站 bus: every home lies within 800 m of the station at (390, 190)
    assert master["DY-01"]["rail_pct"] == master["DY-02"]["rail_pct"] == 100
    # the park's centre (290, 290) on the shared edge: its 25,600 m² in DY-01, 25,600 / 1,408 = 18.18 m² each
    assert master["DY-01"]["park_m2"] == pytest.approx(25_600)
    assert master["DY-01"]["park_green_m2_pc"] == pytest.approx(25_600 / 1_408)
    assert master["DY-02"]["park_m2"] == 0
    # the central shelter (2,500 m, 6,000 places) on the edge too: everyone reaches it; 6,000 / 1,408 per 100
    assert master["DY-01"]["pop_unplaced"] == master["DY-02"]["pop_unplaced"] == 0
    assert master["DY-01"]["pop_reach"] + master["DY-02"]["pop_reach"] == 1_760
    assert master["DY-01"]["shelter_cap_pct"] == pytest.approx(100 * 6_000 / 1_408)


def test_start_page_guesses_on_gbk_parcels_and_a_baidu_csv(qtbot, provider, qgis_canvas, monkeypatch, tmp_path):
    """The Chinese-data start: parcels in GBK without .cpg (QGIS shows their names garbled) and a Baidu CSV whose
    category column is headed 标签: the code field and the category field are proposed."""
    import os

    from qgis.core import QgsProject, QgsVectorLayer

    from lcr_toolkit.ui import settings
    from lcr_toolkit.ui.wizard.state import WizardState
    from lcr_toolkit.ui.wizard.wizard import Page, PlanningWizard

    path = str(tmp_path / "控规 地块.shp")
    cb.write_shapefile(path, ogr.wkbPolygon, [("地块编号", S, 8), ("用地性质", S, 30)],
                       [(cb.square(0, 0, 100), ["DK-1", "0701"])])
    parcels = QgsVectorLayer(path, "控规 地块", "ogr")
    shown = parcels.fields().names()
    assert "用地性质" not in shown
    QgsProject.instance().addMapLayer(parcels)
    csv = tmp_path / "百度 POI.csv"
    csv.write_bytes("名称,标签,lng,lat\r\n金色童年幼儿园,教育培训;幼儿园,120.76,30.75\r\n".encode("gbk"))
    monkeypatch.setattr(settings, "user_profile_dir", lambda: os.fspath(tmp_path))
    try:
        wizard = PlanningWizard(qgis_canvas, state=WizardState(start="china", folder=os.fspath(tmp_path / "out")))
        qtbot.addWidget(wizard)
        wizard.show()
        start = wizard.pages[Page.START]
        start.parcels.setLayer(parcels)
        assert start.parcel_code.currentField() == shown[1]
        start.poi_csv.setFilePath(os.fspath(csv))
        assert (start.poi_category.currentField(), start.poi_name.currentField()) == ("标签", "名称")
    finally:
        QgsProject.instance().clear()
