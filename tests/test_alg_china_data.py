"""A Chinese planning institute's own data, built here: Amap POIs in GCJ-02 in a GBK CSV, a GBK shapefile
without .cpg with Chinese field names and floors as text, parcels coded as integers, in GB 50137 or in 三调,
and layers in CGCS2000 degrees. Through processing.run: lcr:poi_categories → lcr:china_coordinates →
lcr:life_circle gives the life circles of the true positions; lcr:building_emissions reads the GBK shapefile
and its text floors; lcr:planning_check scopes rules alike for every way of writing a land-use code."""
import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)

import processing
from lcr_toolkit.core import china_coords as cc

# A neighbourhood of Jiaxing in CGCS2000 / 3-degree GK CM 120E (EPSG:4549), metres.
X0, Y0 = 571_800.0, 3_403_000.0
HOMES = {"H1": (0, 0), "H2": (600, 0), "H3": (0, 700), "H4": (900, 900)}
# (name, Amap typecode, x, y, true type): the kindergarten is 150 m from H1, the clinic (typecode 090300,
# read from the CSV as the number 90300) 200 m from H2, the community health station has no useful category
# and is found by its name, the bus stop and the restaurant are no facilities.
POIS = [
    ("阳光幼儿园", "141204", 150, 0, "kindergarten"),
    ("实验小学", "141203", 0, 350, "primary_school"),
    ("城东诊所", "090300", 600, 200, "clinic"),
    ("梅湾社区卫生服务站", "", 50, 650, "clinic"),
    ("南湖街道日间照料中心", "070000", 880, 880, "elderly_care"),
    ("第一中学", "141202", 450, 450, "middle_school"),
    ("菜市场", "060703", 650, 50, "market"),
    ("实验小学(公交站)", "150700", 10, 340, None),
    ("老王饭店", "050100", 300, 300, None),
]


def transform(source, target):
    return QgsCoordinateTransform(QgsCoordinateReferenceSystem(source), QgsCoordinateReferenceSystem(target),
                                  QgsProject.instance())


def true_lonlat(x, y):
    point = transform("EPSG:4549", "EPSG:4326").transform(QgsPointXY(X0 + x, Y0 + y))
    return point.x(), point.y()


def square(x, y, half=10):
    x, y = X0 + x, Y0 + y
    return f"POLYGON(({x - half} {y - half},{x + half} {y - half},{x + half} {y + half},{x - half} {y + half},{x - half} {y - half}))"


@pytest.fixture
def homes(make_layer):
    return make_layer("Polygon", "EPSG:4549", "name:string&field=pop:integer",
                      [(square(x, y), [name, 100]) for name, (x, y) in HOMES.items()], name="homes")


@pytest.fixture
def true_facilities(make_layer):
    return make_layer("Point", "EPSG:4549", "fac_type:string",
                      [(f"POINT({X0 + x} {Y0 + y})", [kind]) for _, _, x, y, kind in POIS if kind], name="true")


@pytest.fixture
def amap_csv(tmp_path):
    """The POIs as a download from Amap gives them: GCJ-02 longitudes and latitudes, typecodes, Chinese names,
    saved by a Chinese Excel as GBK."""
    lines = ["lon,lat,typecode,名称"]
    for name, code, x, y, _ in POIS:
        lon, lat = cc.wgs84_to_gcj02(*true_lonlat(x, y))
        lines.append(f"{float(lon):.8f},{float(lat):.8f},{code},{name}")
    path = tmp_path / "amap_pois.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def csv_layer(path):
    layer = QgsVectorLayer(f"file://{path}?type=csv&delimiter=,&xField=lon&yField=lat&crs=EPSG:4326&detectTypes=yes",
                           "amap_pois", "delimitedtext")
    assert layer.isValid()
    return layer


def lc_values(layer):
    fields = [f for f in layer.fields().names() if f.startswith("lc_") and f != "lc_missing"]
    return {f["name"]: [f[k] for k in fields] for f in layer.getFeatures()}


def run(algorithm, params, **kwargs):
    return processing.run(f"lcr:{algorithm}", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


# ---- POIs: GBK CSV, categories, GCJ-02 → WGS 84, life circles ---------------------------------------
def test_life_circles_of_converted_amap_pois_match_the_true_positions(provider, homes, true_facilities, amap_csv,
                                                                     log_feedback):
    pois = csv_layer(amap_csv)
    assert "名称" not in pois.fields().names()            # QGIS reads the GBK header as UTF-8: garbled
    feedback = log_feedback()
    typed = run("poi_categories", {"INPUT": pois, "CATEGORY_FIELD": "typecode", "NAME_FIELD": "名称"},
                feedback=feedback)
    assert "is read as GBK (GB 18030)" in feedback.text
    out = {f["名称"]: (f["fac_type"], f["stop_type"], f["cat_by"]) for f in typed["OUTPUT"].getFeatures()}
    assert out["城东诊所"] == ("clinic", None, "code")               # 90300 got its leading zero back
    assert out["梅湾社区卫生服务站"] == ("clinic", None, "name")
    assert out["南湖街道日间照料中心"] == ("elderly_care", None, "name")
    assert out["实验小学(公交站)"] == (None, "bus", "code")
    assert (typed["N_FACILITIES"], typed["N_STOPS"], typed["N_UNMATCHED"]) == (7, 1, 1)

    converted = run("china_coordinates", {"INPUT": typed["OUTPUT"], "CONVERSION": 0})
    assert converted["MOVED"] == len(POIS) and 300 < converted["MEAN_SHIFT_M"] < 700
    to_gk = transform("EPSG:4326", "EPSG:4549")
    for feature in converted["OUTPUT"].getFeatures():
        x, y = next((x, y) for name, _, x, y, _ in POIS if name == feature["名称"])
        point = to_gk.transform(feature.geometry().asPoint())
        assert point.distance(QgsPointXY(X0 + x, Y0 + y)) < 1.0      # back on the true position

    params = {"INPUT": homes, "FACILITY_TYPE_FIELD": "fac_type", "POPULATION_FIELD": "pop"}
    truth = run("life_circle", {**params, "FACILITIES": true_facilities})
    corrected = run("life_circle", {**params, "FACILITIES": converted["OUTPUT"]})
    raw = run("life_circle", {**params, "FACILITIES": typed["OUTPUT"]})
    assert lc_values(corrected["OUTPUT"]) == lc_values(truth["OUTPUT"])
    assert corrected["FULL_COVERAGE_PCT"] == truth["FULL_COVERAGE_PCT"]
    assert corrected["MEAN_SCORE"] == pytest.approx(truth["MEAN_SCORE"])
    # left in GCJ-02, the POIs lie ~485 m off: H1 loses its kindergarten 150 m away
    assert lc_values(raw["OUTPUT"]) != lc_values(truth["OUTPUT"])
    assert lc_values(truth["OUTPUT"])["H1"][0] == 1 and lc_values(raw["OUTPUT"])["H1"][0] == 0


def test_utf8_csv_is_read_as_it_is(provider, tmp_path, log_feedback):
    path = tmp_path / "utf8.csv"
    path.write_text("lon,lat,typecode,名称\n120.75,30.75,141204,幼儿园\n", encoding="utf-8")
    feedback = log_feedback()
    result = run("poi_categories", {"INPUT": csv_layer(path), "CATEGORY_FIELD": "typecode", "NAME_FIELD": "名称"},
                 feedback=feedback)
    assert "GBK" not in feedback.text
    assert [f["fac_type"] for f in result["OUTPUT"].getFeatures()] == ["kindergarten"]


@pytest.mark.parametrize("conversion, back", [(0, 2), (1, 3), (4, 5)])
def test_lines_and_polygons_round_trip_in_a_projected_crs(provider, make_layer, conversion, back):
    lonlat = [(120.70, 30.70), (120.72, 30.71), (120.75, 30.74)]
    to_mercator = transform("EPSG:4326", "EPSG:3857")
    xy = [to_mercator.transform(QgsPointXY(*p)) for p in lonlat]
    line = "LINESTRING(" + ",".join(f"{p.x()} {p.y()}" for p in xy) + ")"
    ring = xy + [xy[0]]
    polygon = "POLYGON((" + ",".join(f"{p.x()} {p.y()}" for p in ring) + "))"
    for kind, wkt in (("LineString", line), ("Polygon", polygon)):
        layer = make_layer(kind, "EPSG:3857", "name:string", [(wkt, ["a"]), (None, ["empty"])])
        there = run("china_coordinates", {"INPUT": layer, "CONVERSION": conversion})
        again = run("china_coordinates", {"INPUT": there["OUTPUT"], "CONVERSION": back})
        assert there["OUTPUT"].crs().authid() == "EPSG:3857" and there["MOVED"] == 1
        before, after = list(layer.getFeatures()), list(again["OUTPUT"].getFeatures())
        assert [f["name"] for f in after] == ["a", "empty"] and after[1].geometry().isNull()
        original = before[0].geometry().asPolyline() if kind == "LineString" else before[0].geometry().asPolygon()[0]
        returned = after[0].geometry().asPolyline() if kind == "LineString" else after[0].geometry().asPolygon()[0]
        moved = next(there["OUTPUT"].getFeatures()).geometry().vertexAt(0)
        assert 300 < QgsPointXY(moved).distance(original[0]) < 2000   # Mercator metres: 1/cos 30.7° of the shift
        assert max(a.distance(b) for a, b in zip(original, returned)) < 1.0


def test_points_outside_china_stay(provider, make_layer, log_feedback):
    layer = make_layer("Point", "EPSG:4326", "name:string", [("POINT(2.35 48.85)", ["Paris"]),
                                                               ("POINT(120.75 30.75)", ["Jiaxing"])])
    feedback = log_feedback()
    result = run("china_coordinates", {"INPUT": layer, "CONVERSION": 1}, feedback=feedback)
    assert (result["MOVED"], result["OUTSIDE"]) == (1, 1)
    assert next(result["OUTPUT"].getFeatures()).geometry().asWkt(6) == "Point (2.35 48.85)"
    assert "cannot be told apart" in feedback.text and "outside the area" in feedback.text


# ---- a GBK shapefile without .cpg, floors as text -------------------------------------------------------
FLOORS = {"A楼": "6层", "B楼": "十二层", "C楼": "约3", "D楼": "地下1层", "E楼": "8F"}


@pytest.fixture
def gbk_shapefile(tmp_path):
    """Buildings as an institute's GIS exports them: GBK text, Chinese field names, no .cpg, no code page mark."""
    path = str(tmp_path / "建筑.shp")
    # QGIS's OGR provider sets SHAPE_ENCODING to "" for the whole process, which would make GDAL write
    # the UTF-8 text unchanged: unset it while writing, so that ENCODING=GBK recodes the text to GBK
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = source.CreateLayer("建筑", srs, ogr.wkbPolygon, options=["ENCODING=GBK"])
    for name in ("名称", "层数", "用途"):
        definition = ogr.FieldDefn(name, ogr.OFTString)
        definition.SetWidth(30)
        layer.CreateField(definition)
    for i, (name, floors) in enumerate(FLOORS.items()):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(0, name)
        feature.SetField(1, floors)
        feature.SetField(2, "住宅")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(square(i * 100, 0, half=5)))       # 100 m² each
        layer.CreateFeature(feature)
    # the layer and feature keep the file open; closing it (re)writes the .cpg, which must then go
    feature = layer = source = None
    gdal.SetConfigOption("SHAPE_ENCODING", previous)
    (tmp_path / "建筑.cpg").unlink()
    return path


def test_gbk_shapefile_names_and_text_floors(provider, gbk_shapefile, log_feedback):
    garbled = QgsVectorLayer(gbk_shapefile, "建筑", "ogr")
    assert garbled.isValid() and "名称" not in garbled.fields().names()
    feedback = log_feedback()
    result = run("building_emissions", {"INPUT": gbk_shapefile, "FLOORS_FIELD": "层数", "USE_FIELD": "用途",
                                        "DEFAULT_FLOORS": 2}, feedback=feedback)
    out = {f["名称"]: f for f in result["OUTPUT"].getFeatures()}
    assert result["OUTPUT"].fields().names()[:3] == ["名称", "层数", "用途"]
    assert {name: out[name]["gfa_m2"] for name in FLOORS} == pytest.approx(
        {"A楼": 600, "B楼": 1200, "C楼": 300, "D楼": 200, "E楼": 800})          # D楼: no above-ground floors
    assert out["A楼"]["层数"] == "6层" and out["A楼"]["eui_kwh_m2"] == pytest.approx(42.0)   # 住宅 = residential
    text = feedback.text
    assert "建筑.shp does not say its text encoding" in text and "“名称”" in text
    assert "the text field “层数” is read as numbers" in text
    assert "1 values of the text field “层数” hold no number" in text and "“地下1层”" in text
    # the user's layer and file are as they were; choosing the garbled field name of the layer works too
    assert "名称" not in QgsVectorLayer(gbk_shapefile, "again", "ogr").fields().names()
    again = run("building_emissions", {"INPUT": garbled, "FLOORS_FIELD": garbled.fields().names()[1],
                                       "DEFAULT_FLOORS": 2})
    assert again["TOTAL_GFA_M2"] == pytest.approx(3100)


def test_a_text_field_is_still_refused_where_no_number_is_meant(provider, gbk_shapefile):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="must be numeric"):
        run("building_emissions", {"INPUT": gbk_shapefile, "GFA_FIELD": "名称"})


# ---- land-use codes written in every way -----------------------------------------------------------------
# canonical, integer, GB 50137, 三调: urban housing, public services, park, river
PARCELS = [("P1", "0701", 701, "R2", "0701"), ("P2", "0801", 801, "A1", "08H1"),
           ("P3", "1401", 1401, "G1", "0810"), ("P4", "1701", 1701, "E1", "1101")]


@pytest.fixture
def parcels(make_layer):
    return make_layer("Polygon", "EPSG:4549",
                      "pid:string&field=code:string&field=code_int:integer&field=code_gb:string&field=code_sd:string"
                      "&field=far:double&field=green_ratio:double&field=pv_share:double",
                      [(square(i * 200, 0, half=50), [pid, c, ci, gb, sd, 2.0, 0.2, 0.1])
                       for i, (pid, c, ci, gb, sd) in enumerate(PARCELS)])


def verdicts(layer):
    fields = [n for n in layer.fields().names() if n.startswith("r_") or n in ("n_nap", "n_na", "verdict")]
    return {f["pid"]: [f[n] for n in fields] for f in layer.getFeatures()}


def test_integer_text_gb50137_and_sandiao_codes_give_the_same_applicability(provider, parcels):
    check = {"INPUT": parcels, "PROFILE": 1, "LEVEL": 2, "TABLE": None}
    canonical = verdicts(run("planning_check", {**check, "LANDUSE_FIELD": "code"})["OUTPUT"])
    assert canonical["P1"] != canonical["P4"]                # the rules do apply to some parcels only
    assert verdicts(run("planning_check", {**check, "LANDUSE_FIELD": "code_int"})["OUTPUT"]) == canonical
    assert verdicts(run("planning_check", {**check, "LANDUSE_FIELD": "code_gb"})["OUTPUT"]) == canonical
    assert verdicts(run("planning_check", {**check, "LANDUSE_FIELD": "code_gb",
                                           "LANDUSE_SCHEME": 1})["OUTPUT"]) == canonical
    assert verdicts(run("planning_check", {**check, "LANDUSE_FIELD": "code_sd",
                                           "LANDUSE_SCHEME": 2})["OUTPUT"]) == canonical
    # read as written, the 三调 codes would put the river (1101) in storage land and score it
    assert verdicts(run("planning_check", {**check, "LANDUSE_FIELD": "code_sd"})["OUTPUT"]) != canonical


def test_landuse_codes_adds_the_canonical_code(provider, parcels):
    result = run("landuse_codes", {"INPUT": parcels, "CODE_FIELD": "code_sd", "SCHEME": 2})
    out = {f["pid"]: (f["lu_code"], f["lu_group"], f["lu_constr"], f["lucode"]) for f in result["OUTPUT"].getFeatures()}
    assert out == {"P1": ("0701", "residential", 1, 1), "P2": ("0801", "public_service", 1, 1),
                   "P3": ("14", "green", 1, 4), "P4": ("1701", "water", 0, 3)}
    assert (result["N_MAPPED"], result["N_UNMAPPED"]) == (4, 0)
    integers = run("landuse_codes", {"INPUT": parcels, "CODE_FIELD": "code_int", "SCHEME": 0})
    assert [f["lu_code"] for f in integers["OUTPUT"].getFeatures()] == ["0701", "0801", "1401", "1701"]
    check = {"PROFILE": 1, "LEVEL": 2, "TABLE": None}
    assert verdicts(run("planning_check", {**check, "INPUT": result["OUTPUT"], "LANDUSE_FIELD": "lu_code"})["OUTPUT"]) \
        == verdicts(run("planning_check", {**check, "INPUT": parcels, "LANDUSE_FIELD": "code"})["OUTPUT"])


def test_unknown_codes_are_counted(provider, make_layer, log_feedback):
    layer = make_layer("Polygon", "EPSG:4549", "code:string", [(square(0, 0), ["R2"]), (square(50, 0), ["Q7"]),
                                                               (square(100, 0), [None])])
    feedback = log_feedback()
    result = run("landuse_codes", {"INPUT": layer, "CODE_FIELD": "code", "SCHEME": 0}, feedback=feedback)
    assert (result["N_MAPPED"], result["N_UNMAPPED"]) == (1, 2)
    assert "Q7 (1)" in feedback.text


def test_text_floors_pick_the_height_class(provider, make_layer):
    layer = make_layer("Polygon", "EPSG:4549", "pid:string&field=code:string&field=floors:string&field=far:double",
                       [(square(0, 0, 50), ["P1", "0701", "6层", 2.0]), (square(200, 0, 50), ["P2", "0701", "6", 2.0])])
    result = run("planning_check", {"INPUT": layer, "PROFILE": 1, "LEVEL": 2, "LANDUSE_FIELD": "code",
                                    "FLOORS_FIELD": "floors", "CLIMATE_ZONE": 3, "TABLE": None})
    rows = verdicts(result["OUTPUT"])
    assert rows["P1"] == rows["P2"]


# ---- CGCS2000 degrees ------------------------------------------------------------------------------------
def test_cgcs2000_degrees_are_measured_in_their_gauss_kruger_zone(provider, make_layer, reprojected, log_feedback):
    buildings = make_layer("Polygon", "EPSG:4549", "floors:integer",
                           [(square(0, 0, 20), [3]), (square(500, 300, 15), [5])])
    in_degrees = reprojected(buildings, "EPSG:4490")
    feedback = log_feedback()
    metric = run("building_emissions", {"INPUT": buildings, "FLOORS_FIELD": "floors"})
    degrees = run("building_emissions", {"INPUT": in_degrees, "FLOORS_FIELD": "floors"}, feedback=feedback)
    assert "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)" in feedback.text
    assert degrees["TOTAL_GFA_M2"] == pytest.approx(metric["TOTAL_GFA_M2"], rel=1e-6)
    wgs = run("building_emissions", {"INPUT": reprojected(buildings, "EPSG:4326"), "FLOORS_FIELD": "floors"})
    assert wgs["TOTAL_GFA_M2"] == pytest.approx(metric["TOTAL_GFA_M2"], rel=2e-3)   # UTM 51N: within its scale error


def test_land_use_mix_reads_sandiao_codes_through_the_crosswalk(provider, make_layer, rect):
    # three parcels of one unit: urban housing (0701), rural homesteads (三调 0702) and a river (三调 1101)
    parcels = make_layer("Polygon", "EPSG:4549", "code:string", [(rect(0, 0, 100, 100), ["0701"]),
                                                                 (rect(100, 0, 100, 100), ["0702"]),
                                                                 (rect(200, 0, 100, 100), ["1101"])])
    units = make_layer("Polygon", "EPSG:4549", "uid:string", [(rect(0, 0, 300, 100), ["U1"])])
    params = {"INPUT": parcels, "ZONES": units, "LANDUSE_FIELD": "code", "CODE_DIGITS": 2, "ENTROPY_K": 2, "K_FIXED": 2,
              "OUTPUT": "TEMPORARY_OUTPUT"}
    as_written = processing.run("lcr:land_use_mix", params)               # 07, 07, 11: two thirds housing
    translated = processing.run("lcr:land_use_mix", {**params, "LANDUSE_SCHEME": 2})   # 07, 07, 17
    assert as_written["MEAN_ENTROPY"] == pytest.approx(translated["MEAN_ENTROPY"])     # two classes either way
    water = processing.run("lcr:land_use_mix", {**params, "LANDUSE_SCHEME": 2, "EXCLUDE_CATEGORIES": "17"})
    assert water["MEAN_ENTROPY"] == pytest.approx(0.0)                   # the river is 17 (water), not 11 (storage)
    storage = processing.run("lcr:land_use_mix", {**params, "EXCLUDE_CATEGORIES": "17"})
    assert storage["MEAN_ENTROPY"] > 0.9
