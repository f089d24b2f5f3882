"""Planning data as a Chinese bureau delivers it, written here (not committed as files): shapefiles of a
Jiaxing block in CGCS2000 / 3-degree Gauss-Krüger with Chinese field names and values, in GBK without
.cpg, GBK with a .cpg saying 936, or UTF-8; Chinese characters and spaces in folder and file names.

The block: four parcels of 100 m × 100 m (1 公顷 each) on a 120 m pitch from (X0, Y0) in the CM 120E zone,
with one building each. Used by test_cn_bureau*.py."""
import os

from osgeo import gdal, ogr, osr

X0, Y0 = 571_800.0, 3_403_000.0                 # Jiaxing, CGCS2000 / 3-degree GK CM 120E (EPSG:4549)
ZONE_40 = 40_000_000.0                          # the zone number before the easting (EPSG:4528)


def square(x, y, size, dx=0.0):
    x0, y0 = X0 + dx + x, Y0 + y
    return (f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))")


def write_shapefile(path, geometry, fields, rows, epsg=4549, encoding="GBK", cpg=None, prj=True, dx=0.0):
    """A shapefile at ``path``: ``fields`` [(name, ogr type, width)], ``rows`` [(wkt, values)], text in
    ``encoding``; ``cpg`` the text of the .cpg to leave (None: no .cpg), ``prj`` False for none, or a
    WKT string to write as the .prj instead of the EPSG one."""
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)     # QGIS sets "" for the process: GDAL would not recode
    try:
        source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        stem = os.path.splitext(os.path.basename(path))[0]
        layer = source.CreateLayer(stem, srs, geometry, options=[f"ENCODING={encoding}"])
        for name, kind, width in fields:
            definition = ogr.FieldDefn(name, kind)
            if width:
                definition.SetWidth(width)
            if kind == ogr.OFTReal:
                definition.SetPrecision(4)
            layer.CreateField(definition)
        for wkt, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for i, value in enumerate(values):
                if value is not None:
                    feature.SetField(i, value)
            geom = ogr.CreateGeometryFromWkt(wkt)
            if dx:
                geom = ogr.CreateGeometryFromWkt(_shifted(wkt, dx))
            feature.SetGeometry(geom)
            layer.CreateFeature(feature)
        feature = layer = source = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    stem = os.path.splitext(path)[0]
    if os.path.exists(stem + ".cpg"):
        os.remove(stem + ".cpg")
    if cpg is not None:
        with open(stem + ".cpg", "w") as handle:
            handle.write(cpg)
    if prj is False:
        os.remove(stem + ".prj")
    elif isinstance(prj, str):
        with open(stem + ".prj", "w") as handle:
            handle.write(prj)
    return path


def _shifted(wkt, dx):
    geom = ogr.CreateGeometryFromWkt(wkt)
    for i in range(geom.GetGeometryCount()):
        ring = geom.GetGeometryRef(i)
        for k in range(ring.GetPointCount()):
            x, y = ring.GetX(k), ring.GetY(k)
            ring.SetPoint_2D(k, x + dx, y)
    return geom.ExportToWkt()


def district(folder):
    """A 3 × 3 block of parcels (180 m on a 200 m pitch) as a bureau delivers it, in EPSG:4528 (eastings with the
    zone number 40), text in GBK without .cpg except the parcels (.cpg 936), names with spaces:
    规划 单元 (DY-01 west of x = 290, DY-02 east of it), 现状 建筑 (five residential parcels of 4 slabs of 15 × 15 m,
    地上11层/地下2层, 88 residents each: 1,760 residents, 1,408 in DY-01), 控规 地块 (bureau land-use codes),
    道路 (a grid on the gaps), 公交站点 (公交站, 公交车站, 地铁站), 公共服务设施, 公园 绿地 (160 × 160 m, its centre on
    the units' shared edge), 避难场所 (a 中心避难场所 holding 6,000, on the shared edge too). Returns the folder."""
    S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger
    z = ZONE_40
    codes = {(0, 0): "0701（城镇住宅用地）", (1, 0): "０７０１", (2, 0): "R2", (0, 1): "07 01", (1, 1): "1401 公园绿地",
             (2, 1): "B1", (0, 2): "0803", (1, 2): "070101", (2, 2): "M1"}
    residential = {(0, 0), (1, 0), (2, 0), (0, 1), (1, 2)}
    parcels, buildings = [], []
    for n, ((i, j), code) in enumerate(codes.items(), start=1):
        pid, x, y = f"DK-{n:02d}", 200 * i, 200 * j
        if (i, j) in residential:
            buildings += [(square(x + 30, y + 20 + 40 * k, 15, dx=z), [f"{pid}-{k + 1}", pid, "地上11层/地下2层", "住宅", 88])
                          for k in range(4)]
        else:
            buildings.append((square(x + 30, y + 30, 60, dx=z), [f"{pid}-1", pid, "5层", "商业", 0]))
        parcels.append((square(x, y, 180, dx=z), [pid, code, 0.35, 352 if (i, j) in residential else 0]))

    def point(x, y):
        return f"POINT({X0 + z + x} {Y0 + y})"

    def line(a, b):
        return f"LINESTRING({X0 + z + a[0]} {Y0 + a[1]},{X0 + z + b[0]} {Y0 + b[1]})"

    def box(x0, x1):
        return (f"POLYGON(({X0 + z + x0} {Y0 - 20},{X0 + z + x1} {Y0 - 20},{X0 + z + x1} {Y0 + 600},"
                f"{X0 + z + x0} {Y0 + 600},{X0 + z + x0} {Y0 - 20}))")

    grid = (-10, 190, 390, 590)
    roads = [(line(p, q), [f"路{k}", "支路"]) for c in grid for k, (a, b) in enumerate(zip(grid, grid[1:]))
             for p, q in (((c, a), (c, b)), ((a, c), (b, c)))]
    facilities = [("幼儿园", "幼儿园", 100, 300), ("小学", "小学", 100, 500), ("卫生站", "社区卫生服务站", 300, 100),
                  ("养老", "日间照料中心", 100, 100), ("中学", "中学", 500, 500), ("菜场", "菜市场", 300, 500),
                  ("文化", "文化活动中心", 100, 420), ("体育", "体育", 500, 300)]
    layers = [
        ("现状 建筑", ogr.wkbPolygon, [("建筑编号", S, 12), ("地块编号", S, 8), ("层数", S, 20), ("用途", S, 8), ("人口", I, 6)],
         buildings, None),
        ("控规 地块", ogr.wkbPolygon, [("地块编号", S, 8), ("用地性质", S, 30), ("绿地率", R, 8), ("人口", I, 6)], parcels, "936"),
        ("规划 单元", ogr.wkbPolygon, [("单元编号", S, 8), ("单元名称", S, 20)],
         [(box(-20, 290), ["DY-01", "南湖 单元"]), (box(290, 600), ["DY-02", "东栅 单元"])], None),
        ("道路", ogr.wkbLineString, [("道路名称", S, 10), ("道路等级", S, 10)], roads, None),
        ("公交站点", ogr.wkbPoint, [("站名", S, 12), ("站点类型", S, 10)],
         [(point(100, 190), ["横二路站", "公交站"]), (point(500, 390), ["横三路站", "公交车站"]),
          (point(390, 190), ["中心站", "地铁站"])], None),
        ("公共服务设施", ogr.wkbPoint, [("名称", S, 10), ("设施类型", S, 20)],
         [(point(x, y), [name, kind]) for name, kind, x, y in facilities], None),
        ("公园 绿地", ogr.wkbPolygon, [("名称", S, 10), ("类型", S, 12)],
         [(square(210, 210, 160, dx=z), ["中心公园", "community"])], None),
        ("避难场所", ogr.wkbPoint, [("名称", S, 12), ("有效面积", R, 10), ("容纳人数", I, 8), ("场所类型", S, 16)],
         [(point(290, 290), ["中心公园避难场所", 12000.0, 6000, "中心避难场所"])], None),
    ]
    for name, kind, fields, rows, cpg in layers:
        write_shapefile(str(folder / f"{name}.shp"), kind, fields, rows, epsg=4528, cpg=cpg)
    return folder


MASTER_LAYERS = ("规划 单元", "现状 建筑", "道路", "公交站点", "公共服务设施", "公园 绿地", "避难场所")


def master_parameters(folder):
    """The master check's inputs on ``district(folder)``'s shapefiles, the land cover coded first by
    lcr:landuse_codes (the lcr provider must be registered)."""
    import processing

    coded = str(folder / "地块 编码.gpkg")
    processing.run("lcr:landuse_codes", {"INPUT": str(folder / "控规 地块.shp"), "CODE_FIELD": "用地性质", "SCHEME": 0,
                                         "OUTPUT": coded})
    layer = {name: str(folder / f"{name}.shp") for name in MASTER_LAYERS}
    return {
        "units": layer["规划 单元"], "buildings": layer["现状 建筑"], "landcover": coded, "roads": layer["道路"],
        "transit_stops": layer["公交站点"], "facilities": layer["公共服务设施"], "green_spaces": layer["公园 绿地"],
        "shelters": layer["避难场所"], "unit_id_field": "单元编号", "name_field": "单元名称", "floors_field": "层数",
        "use_field": "用途", "residents_field": "人口", "class_field": "lucode", "stop_type_field": "站点类型",
        "facility_type_field": "设施类型", "park_type_field": "类型", "shelter_area_field": "有效面积",
        "shelter_capacity_field": "容纳人数", "shelter_type_field": "场所类型", "design_rainfall_mm": 25,
        "profile": 0, "language": 1, "grid_region": 0}
