"""A Chinese survey district as a planning institute holds it, built here: a 3 × 3 block of Suzhou with
every layer in GCJ-02 longitudes and latitudes (as web-map tools give them), Chinese field names, parcels
coded in 三调 (text codes), floors as text (11层), no roof types, shelters without ids, a flood map, and Amap
POIs in a GBK CSV with 经度/纬度 columns. The planner's path: lcr:china_coordinates on each layer →
lcr:poi_categories (stops and facilities apart, as the wizard writes them) → lcr:landuse_codes → the
detailed plan check, once in EPSG:4326 and once in CGCS2000 / 3-degree GK CM 120E: the same verdicts, the
counts worked out by hand from the layout below. Each of the defects this district found (the POI CSV's
columns, roof types, shelter keys, the synergy's green_ratio) stopped the run before."""
import numpy as np
import pytest
import shapely
from osgeo import ogr, osr

import processing
from lcr_toolkit.core import china_coords as cc

# Parcels of 180 m on a 200 m pitch, roads between them, from the south-west corner (120.62° E, 31.30° N).
CODES = {(0, 0): "0701", (1, 0): "0701", (2, 0): "0701", (0, 1): "0701", (1, 1): "0810", (2, 1): "05H1",
         (0, 2): "0803", (1, 2): "0701", (2, 2): "0601"}
GREEN = {"0701": 0.35, "0810": 0.85, "05H1": 0.2, "0803": 0.35, "0601": 0.15}
OTHER_BUILDINGS = {"05H1": (100, 60, "5", "商业"), "0803": (80, 30, "4", "学校"), "0601": (120, 80, "2", "工业")}
# (name, Amap typecode, x, y): 8 facilities (two found by their names), 3 stops, a restaurant matching nothing.
POIS = [("阳光幼儿园", "141204", 100, 300), ("实验小学", "141203", 100, 500), ("城东诊所", "090300", 500, 100),
        ("社区卫生服务站", "", 300, 100), ("日间照料中心", "070000", 100, 100), ("第一中学", "141202", 500, 500),
        ("菜市场", "060703", 300, 500), ("社区文化活动中心", "", 100, 420), ("横二路公交站", "150700", 100, 190),
        ("横三路公交站", "150700", 500, 390), ("苏州中心地铁站", "150500", 390, 190), ("老王饭店", "050100", 300, 300)]


def box(x, y, w, h):
    return shapely.box(x, y, x + w, y + h)


def district(folder):
    """The survey layers (GeoPackage, GCJ-02 as EPSG:4326) and the POI CSV (GBK)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    to_gk = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                   QgsCoordinateReferenceSystem("EPSG:4549"), QgsProject.instance())
    origin = to_gk.transform(QgsPointXY(120.62, 31.30))
    to_lonlat = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())

    def gcj(geometry):
        def move(xy):
            points = [to_lonlat.transform(QgsPointXY(origin.x() + x, origin.y() + y)) for x, y in xy]
            return np.column_stack(cc.wgs84_to_gcj02(np.array([p.x() for p in points]),
                                                     np.array([p.y() for p in points])))
        return shapely.transform(geometry, move)

    parcels, buildings = [], []
    for n, ((i, j), code) in enumerate(CODES.items(), start=1):
        pid, x, y = f"DK-{n:02d}", 200 * i, 200 * j
        if code == "0701":       # 4 slabs of 60 × 15 m, 11 floors, 88 residents each
            buildings += [(box(x + 30, y + 20 + 40 * k, 60, 15), [f"{pid}-{k + 1}", pid, "11层", "住宅", 88])
                          for k in range(4)]
        elif code in OTHER_BUILDINGS:
            w, h, floors, use = OTHER_BUILDINGS[code]
            buildings.append((box(x + 30, y + 30, w, h), [f"{pid}-1", pid, floors, use, 0]))
        parcels.append((box(x, y, 180, 180), [pid, code, GREEN[code], 352 if code == "0701" else 0,
                                              "11层" if code == "0701" else None]))
    grid = (-10, 190, 390, 590)
    roads = [(shapely.LineString(line), [f"{k}路", "支路"]) for c in grid for k, (a, b) in enumerate(zip(grid, grid[1:]))
             for line in (((c, a), (c, b)), ((a, c), (b, c)))]       # one segment from crossing to crossing
    path = str(folder / "苏州测试区.gpkg")
    source = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger
    for name, kind, fields, rows in [
        ("地块", ogr.wkbPolygon, [("地块编号", S), ("用地代码", S), ("绿地率", R), ("居住人口", I), ("层数", S)], parcels),
        ("建筑", ogr.wkbPolygon, [("建筑编号", S), ("地块编号", S), ("层数", S), ("用途", S), ("人口", I)], buildings),
        ("道路", ogr.wkbLineString, [("道路名称", S), ("道路等级", S)], roads),
        ("公园", ogr.wkbPolygon, [("名称", S), ("类型", S)], [(box(210, 210, 160, 160), ["中心公园", "community"])]),
        ("避难场所", ogr.wkbPoint, [("名称", S), ("类型", S), ("有效面积", R)],
         [(shapely.Point(290, 290), ["中心公园避难场所", "central", 12000.0])]),
        # 0.3 m over parcel DK-01 and 20 m strips of DK-02 (east), DK-04 (north) and the park DK-05
        ("内涝风险区", ogr.wkbPolygon, [("积水深度", R)], [(box(-20, -20, 240, 240), [0.3])]),
    ]:
        layer = source.CreateLayer(name, srs, kind)
        for field, field_kind in fields:
            layer.CreateField(ogr.FieldDefn(field, field_kind))
        for geometry, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for (field, _), value in zip(fields, values):
                if value is not None:
                    feature.SetField(field, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(gcj(geometry), output_dimension=2)))
            layer.CreateFeature(feature)
    source = None
    lines = ["名称,typecode,经度,纬度"] + [f"{name},{code},{p.x:.7f},{p.y:.7f}" for name, code, x, y in POIS
                                        for p in [gcj(shapely.Point(x, y))]]
    csv = folder / "高德POI.csv"
    csv.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path, csv


def prepare(path, csv, crs, gpkg):
    """What the wizard's Chinese-data start does, for every layer: true coordinates, then ``crs``."""
    from lcr_toolkit.ui.wizard.prepare import POI_TABLES, poi_csv_layer

    def sink(table):
        return f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"

    def true_position(layer, table):
        moved = processing.run("lcr:china_coordinates", {"INPUT": layer, "CONVERSION": 0, "OUTPUT": "memory:"})
        return processing.run("native:reprojectlayer", {"INPUT": moved["OUTPUT"], "TARGET_CRS": crs,
                                                        "OUTPUT": sink(table) if table else "memory:"})["OUTPUT"]

    for layer, table in {"建筑": "buildings", "道路": "roads", "公园": "green_spaces", "避难场所": "shelters",
                         "内涝风险区": "flood_zones", "地块": "survey_parcels"}.items():
        true_position(f"{path}|layername={layer}", table)
    pois = poi_csv_layer(str(csv))
    typed = processing.run("lcr:poi_categories", {"INPUT": true_position(pois, None), "CATEGORY_FIELD": "typecode",
                                                  "NAME_FIELD": "名称", "OUTPUT": sink("pois")})
    for table, expression in POI_TABLES.items():
        processing.run("native:extractbyexpression", {"INPUT": typed["OUTPUT"], "EXPRESSION": expression,
                                                      "OUTPUT": sink(table)})
    coded = processing.run("lcr:landuse_codes", {"INPUT": f"{gpkg}|layername=survey_parcels", "CODE_FIELD": "用地代码",
                                                 "SCHEME": 2, "OUTPUT": sink("parcels")})
    return typed, coded


def detailed_check(gpkg, out):
    layer = {name: f"{gpkg}|layername={name}" for name in (
        "buildings", "parcels", "roads", "facilities", "green_spaces", "shelters", "flood_zones")}
    result = processing.run("lcr:detailed_plan_check", {
        **layer, "landcover": layer["parcels"], "floors_field": "层数", "use_field": "用途", "residents_field": "人口",
        "landuse_field": "lu_code", "parcel_id_field": "地块编号", "name_field": "地块编号",
        "parcel_residents_field": "居住人口", "green_ratio_field": "绿地率", "parcel_floors_field": "层数",
        "facility_type_field": "fac_type", "park_type_field": "类型", "shelter_area_field": "有效面积",
        "depth_field": "积水深度", "class_field": "lucode", "design_rainfall_mm": 25, "profile": 1, "language": 1,
        "climate_zone": 0, "grid_region": 0,
        "check:planning_check": f"ogr:dbname='{out}.gpkg' table=\"planning_check\" (geom)",
        "synergy:synergy": f"ogr:dbname='{out}.gpkg' table=\"synergy\" (geom)", "check:rules": f"{out}_rules.csv",
        "report:report_html": f"{out}.html", "report:report_pdf": f"{out}.pdf"})
    import pandas as pd

    rules = pd.read_csv(result["check:rules"]).set_index("rule_id")[["verdict", "n_pass", "n_fail", "n_na", "n_nap"]]
    source = ogr.Open(f"{out}.gpkg")
    parcels = {f["地块编号"]: f.items() for f in source.GetLayerByName("planning_check")}
    return rules, parcels


@pytest.fixture(scope="module")
def checked(tmp_path_factory, qgis_processing):
    from qgis.core import QgsApplication

    from lcr_toolkit.provider import LcrProvider

    if QgsApplication.processingRegistry().providerById("lcr") is None:
        checked.provider = LcrProvider()
        QgsApplication.processingRegistry().addProvider(checked.provider)
    folder = tmp_path_factory.mktemp("china district")
    path, csv = district(folder)
    runs = {}
    for crs in ("EPSG:4326", "EPSG:4549"):
        gpkg = folder / f"prepared_{crs[5:]}.gpkg"
        typed, coded = prepare(path, csv, crs, gpkg)
        runs[crs] = (typed, coded, *detailed_check(gpkg, folder / f"detailed_{crs[5:]}"))
    return runs


def test_pois_and_codes(checked):
    typed, coded, _, _ = checked["EPSG:4326"]
    assert (typed["N_FACILITIES"], typed["N_STOPS"], typed["N_UNMATCHED"]) == (8, 3, 1)
    assert (coded["N_MAPPED"], coded["N_UNMAPPED"]) == (9, 0)


def test_detailed_check_verdicts_by_hand(checked):
    _, _, rules, parcels = checked["EPSG:4549"]
    # Flooded: DK-01 wholly, DK-02 and DK-04 by a 20 m strip; the park DK-05 is not a parcel the rule applies to.
    assert rules.loc["CN_D_FLOOD_FREE", ["n_pass", "n_fail", "n_nap"]].tolist() == [5, 3, 1]
    assert sorted(k for k, p in parcels.items() if p["r_cn_d_flood_free"] == 0) == ["DK-01", "DK-02", "DK-04"]
    # No sports facility among the POIs: no home has a complete life circle; 5 residential parcels.
    assert rules.loc["CN_D_LC_COMPLETE", ["verdict", "n_pass", "n_fail"]].tolist() == ["fail", 0, 5]
    # The 160 m × 160 m park (25,600 m²) is within 1,000 m of every residential parcel: 25,600 / 1,760 residents
    # = 14.5 m² each.
    assert rules.loc["CN_D_PUB_GREEN_15", ["verdict", "n_pass", "n_nap"]].tolist() == ["pass", 5, 4]
    assert parcels["DK-01"]["pub_green_m2_pc"] == pytest.approx(25_600 / 1_760, rel=0.01)
    # The 地块 layer has 绿地率, not green_ratio, and no far: not assessed rather than a failed run.
    assert rules.loc["CN_D_GREEN_RATIO", "verdict"] == rules.loc["CN_D_FAR_RES", "verdict"] == "not_assessed"


def test_same_verdicts_in_degrees_and_in_metres(checked):
    _, _, degrees, by_degrees = checked["EPSG:4326"]
    _, _, metres, by_metres = checked["EPSG:4549"]
    assert degrees.equals(metres)
    verdicts = [k for k in by_metres["DK-01"] if k.startswith("r_cn_")]
    assert {k: [p[v] for v in verdicts] for k, p in by_degrees.items()} == \
        {k: [p[v] for v in verdicts] for k, p in by_metres.items()}
