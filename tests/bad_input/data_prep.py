"""Bad-input cases of the data-preparation tools (lcr:china_coordinates, lcr:poi_categories,
lcr:landuse_codes, lcr:prepare_osm). Imported by cases.py, whose helpers they use; kept apart only
to keep that module's size in hand."""
import math

from .build import X0, Y0, bow_tie
from .cases import (
    as_polygons, case, chain, chinese, emptied, expect, geometry_of, in_crs, mislabelled, register, setting, table,
    table_cases, value_of,
)


def _metres(a, b):
    """Distance in metres of two (lon, lat) points less than a few km apart (equirectangular: ample here)."""
    lat = math.radians((a[1] + b[1]) / 2)
    return math.hypot((a[0] - b[0]) * 111_320.0 * math.cos(lat), (a[1] - b[1]) * 110_574.0)


def _lonlat_vertices(run):
    """{name: [(lon, lat) of each vertex] or None} of the output layer, in WGS 84 degrees."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    layer = run.layer()
    to_wgs84 = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    out = {}
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            out[feature["name"]] = None
            continue
        geometry.transform(to_wgs84)
        out[feature["name"]] = [(v.x(), v.y()) for v in geometry.vertices()]
    return out


# ==== lcr:china_coordinates ===================================================================================
# Three POIs in GCJ-02 (Amap) degrees and where they truly are (WGS 84), the pairs computed with the PyPI
# package eviltransform 0.1.1 (tests/test_core_china_coords.py): Jiaxing, Shanghai and Beijing (spoilt).
GCJ = {"a": (120.75982002, 30.74990312), "b": (121.47822314, 31.2284577), "x": (116.40367173, 39.91063353)}
WGS = {"a": (120.7555, 30.7522), "b": (121.4737, 31.2304), "x": (116.397428, 39.90923)}
MADRID = (-3.7, 40.4)     # outside the box the Chinese maps shift


def cc_scene(d):
    return {"INPUT": d.layer("pois", "Point", "name:str", [
        (f"POINT({lon} {lat})", [name]) for name, (lon, lat) in GCJ.items()], crs="EPSG:4326"),
        "CONVERSION": 0, "OUTPUT": "TEMPORARY_OUTPUT"}


def cc_expect(where=None, moved=3, outside=0, tolerance_m=0.1):
    """Each POI at ``where`` {name: (lon, lat) or None for no geometry} (default: the WGS 84 truth), the
    counts as given."""
    where = dict(WGS, **(where or {}))

    def check(run):
        problems = expect(results={"MOVED": moved, "OUTSIDE": outside})(run)
        got = _lonlat_vertices(run)
        for name, want in where.items():
            vertices = got.get(name, "absent")
            if want is None or vertices is None or vertices == "absent":
                if vertices != want:
                    problems.append(f"{name}: {vertices!r}, expected {want!r}")
            elif _metres(vertices[0], want) > tolerance_m:
                problems.append(f"{name} at {vertices[0]}, {_metres(vertices[0], want):.2f} m from {want}")
        return problems
    return check


def cc_line(run):
    """The line through the three POIs: every vertex moved to its truth."""
    vertices = _lonlat_vertices(run).get("route")
    if not vertices or len(vertices) != 3:
        return [f"route: {vertices!r}"]
    return [f"vertex {name} {_metres(v, WGS[name]):.2f} m off" for v, name in zip(vertices, "abx")
            if _metres(v, WGS[name]) > 0.1]


CC_BASE = cc_expect()

register("china_coordinates", cc_scene, [
    case("base", "none (control)", check=CC_BASE),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["pois"]),
    case("null_geometry", "null geometry", geometry_of("INPUT", 3, None), skipped=1,
         check=cc_expect({"x": None}, moved=2)),
    case("empty_geometry", "empty geometry", geometry_of("INPUT", 3, "POINT EMPTY"), skipped=1,
         check=cc_expect({"x": None}, moved=2)),
    case("web_mercator_3857", "geographic CRS", in_crs("EPSG:3857"), check=CC_BASE),
    case("projected_4549", "projected CRS", in_crs("EPSG:4549"), check=CC_BASE),
    case("mislabelled_4326", "mislabelled CRS", chain(in_crs("EPSG:4549"), mislabelled(None)), names=["pois"]),
    case("degrees_labelled_4549", "mislabelled CRS", mislabelled(None, "EPSG:4549"), names=["pois"]),
    case("no_crs", "mislabelled CRS", setting(INPUT=lambda d: d.layer("pois", "Point", "name:str", [
        (f"POINT({lon} {lat})", [name]) for name, (lon, lat) in GCJ.items()], crs=None, file="no_crs/pois.gpkg")),
         names=["pois"]),
    # x in Madrid: left where it is, and counted.
    case("outside_china", "outside the area", geometry_of("INPUT", 3, "POINT({} {})".format(*MADRID)),
         check=cc_expect({"x": MADRID}, moved=2, outside=1)),
    case("lines", "multi geometry", setting(INPUT=lambda d: d.layer("route", "LineString", "name:str", [
        ("LINESTRING(" + ",".join(f"{lon} {lat}" for lon, lat in GCJ.values()) + ")", ["route"])],
        crs="EPSG:4326")), check=cc_line),
    case("polygon_bow_tie", "invalid geometry", setting(INPUT=lambda d: d.layer("aoi", "Polygon", "name:str", [
        (bow_tie(*GCJ["a"], side=0.001), ["a"])], crs="EPSG:4326")),
         check=cc_expect({"b": "absent", "x": "absent"}, moved=1, tolerance_m=0.1)),
    case("chinese_names", "Chinese paths and names", chinese(), check=CC_BASE),
], nonnegative=["MOVED", "OUTSIDE", "MEAN_SHIFT_M"])


# ==== lcr:poi_categories =======================================================================================
# Shipped table: Amap typecode 141204 kindergarten; 1507 (a prefix) bus stop; 0903 clinic; a name holding
# 社区卫生服务中心 a clinic where the category matches no row.
def poi_scene(d):
    return {"INPUT": d.layer("pois", "Point", "name:str,typecode:str,code_int:int", [
        (f"POINT({X0} {Y0})", ["阳光幼儿园", "141204", 141204]),
        (f"POINT({X0 + 50} {Y0})", ["南湖路(公交站)", "150700", 150700]),
        (f"POINT({X0 + 100} {Y0})", ["建设社区卫生服务中心", None, None]),
        (f"POINT({X0 + 150} {Y0})", ["某某公司", "090300", 90300])]),
        "CATEGORY_FIELD": "typecode", "NAME_FIELD": "name", "OUTPUT": "TEMPORARY_OUTPUT"}


def poi_expect(x_type="clinic", n_fac=3, unmatched=0):
    return expect({"fac_type": {"阳光幼儿园": "kindergarten", "南湖路(公交站)": None, "建设社区卫生服务中心": "clinic",
                                "某某公司": x_type},
                   "stop_type": {"南湖路(公交站)": "bus", "阳光幼儿园": None}},
                  {"N_FACILITIES": n_fac, "N_STOPS": 1, "N_UNMATCHED": unmatched})


POI_BASE = poi_expect()
POI_X_UNMATCHED = poi_expect(None, 2, 1)
POI_TABLE = ("provider,match,code,label_zh,fac_type,stop_type,reason,source,year,verified\n"
             "amap,typecode,141204,幼儿园,kindergarten,,kindergarten,test,2024,no\n"
             "amap,typecode,1507,公交车站,,bus,bus stop,test,2024,no\n"
             "amap,typecode,0903,诊所,clinic,,clinic,test,2024,no\n"
             "any,name,社区卫生服务中心,社区卫生服务中心,clinic,,by name,test,2026,no\n")

register("poi_categories", poi_scene, [
    case("base", "none (control)", check=POI_BASE),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["pois"]),
    # a POI without geometry keeps its row and its type; the missing geometry is counted
    case("null_geometry", "null geometry", geometry_of("INPUT", 4, None), skipped=1, check=POI_BASE),
    case("polygons", "multi geometry", as_polygons(["INPUT"]), check=POI_BASE),   # AOIs instead of points
    case("geographic_4326", "geographic CRS", in_crs("EPSG:4326"), check=POI_BASE),
    case("mislabelled_4326", "mislabelled CRS", mislabelled(None), names=["pois"]),
    case("codes_as_integers", "codes as integers", setting(CATEGORY_FIELD="code_int"), check=POI_BASE),
    case("code_unknown", "bad value", value_of("INPUT", 4, "typecode", "999999"), skipped=1, check=POI_X_UNMATCHED),
    case("code_and_name_null", "bad value", chain(value_of("INPUT", 4, "typecode", None),
                                                  value_of("INPUT", 4, "name", None)), skipped=1,
         check=expect(results={"N_FACILITIES": 2, "N_STOPS": 1, "N_UNMATCHED": 1})),
    case("missing_field", "missing field", setting(CATEGORY_FIELD="type"), names=["type"]),
    case("chinese_names", "Chinese paths and names",
         chinese({"CATEGORY_FIELD": ("INPUT", "类型编码")}), check=POI_BASE),
    *table_cases("TABLE", POI_TABLE, "code", prefix="poi_table", check=POI_BASE),
], nonnegative=["N_FACILITIES", "N_STOPS", "N_UNMATCHED"])


# ==== lcr:landuse_codes ============================================================================================
# 用地用海 2023 codes (the default scheme) through the shipped crosswalk: 0701 urban housing (residential,
# construction land, land cover 1 built_up), 1401 park green (green, construction land, 4 park_green), x 0601
# rural roads (agri_facility, not construction land, 2 road).
def lu_scene(d):
    return {"INPUT": d.layer("parcels", "Polygon", "pid:str,code:str,code_int:int", [
        (f"POLYGON(({X0} {Y0},{X0 + 10} {Y0},{X0 + 10} {Y0 + 10},{X0} {Y0}))", ["a", "0701", 701]),
        (f"POLYGON(({X0 + 20} {Y0},{X0 + 30} {Y0},{X0 + 30} {Y0 + 10},{X0 + 20} {Y0}))", ["b", "1401", 1401]),
        (f"POLYGON(({X0 + 40} {Y0},{X0 + 50} {Y0},{X0 + 50} {Y0 + 10},{X0 + 40} {Y0}))", ["x", "0601", 601])]),
        "CODE_FIELD": "code", "OUTPUT": "TEMPORARY_OUTPUT"}


def lu_expect(x=("0601", "agri_facility", 0, 2), mapped=3):
    x_code, x_group, x_constr, x_cover = x
    return expect({"lu_code": {"a": "0701", "b": "1401", "x": x_code},
                   "lu_group": {"a": "residential", "b": "green", "x": x_group},
                   "lu_constr": {"a": 1, "b": 1, "x": x_constr}, "lucode": {"a": 1, "b": 4, "x": x_cover}},
                  {"N_MAPPED": mapped, "N_UNMAPPED": 3 - mapped}, key="pid")


LU_BASE = lu_expect()
LU_X_UNMAPPED = lu_expect((None, None, None, None), 2)
CROSSWALK = ("scheme,code,name_zh,ydyh_code,lu_group,construction,lucode\n"
             "ydyh,0601,乡村道路用地,0601,agri_facility,0,2\n"
             "ydyh,0701,城镇住宅用地,0701,residential,1,1\n"
             "ydyh,1401,公园绿地,1401,green,1,4\n")

register("landuse_codes", lu_scene, [
    case("base", "none (control)", check=LU_BASE),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["parcels"]),
    case("null_geometry", "null geometry", geometry_of("INPUT", 3, None), skipped=1, check=LU_BASE),
    case("bow_tie", "invalid geometry", geometry_of("INPUT", 3, bow_tie(X0 + 40, Y0)), check=LU_BASE),
    case("geographic_4326", "geographic CRS", in_crs("EPSG:4326"), check=LU_BASE),
    case("mislabelled_4326", "mislabelled CRS", mislabelled(None), names=["parcels"]),
    case("codes_as_integers", "codes as integers", setting(CODE_FIELD="code_int"), check=LU_BASE),
    case("codes_as_reals", "codes as reals", value_of("INPUT", 3, "code_int", 601.0, retype="real"),
         check=LU_BASE),
    case("code_unknown", "bad value", value_of("INPUT", 3, "code", "9999"), skipped=1,
         check=LU_X_UNMAPPED),
    case("code_null", "bad value", value_of("INPUT", 3, "code", None), skipped=1, check=LU_X_UNMAPPED),
    case("code_inf", "bad value", chain(value_of("INPUT", 3, "code_int", math.inf, retype="real"),
                                        setting(CODE_FIELD="code_int")), skipped=1, check=LU_X_UNMAPPED),
    case("missing_field", "missing field", setting(CODE_FIELD="landuse"), names=["landuse"]),
    case("chinese_names", "Chinese paths and names", chinese({"CODE_FIELD": ("INPUT", "用地代码")}), check=LU_BASE),
    *table_cases("TABLE", CROSSWALK, "lucode", prefix="crosswalk", check=LU_BASE),
], nonnegative=["N_MAPPED", "N_UNMAPPED"])


# ==== lcr:prepare_osm ==================================================================================================
# A hand-written OpenStreetMap extract near Jiaxing (30.7522° N): a block of flats 30 m × 10 m with
# building:levels=3, a school building without levels, a road, a bus stop and a kindergarten. Residents =
# 300 m² × 3 floors / 40 m² per person = 22.5 (the footprint measured in a transverse Mercator zone, true to
# 1e-3 here).
LAT0, LON0 = 30.7522, 120.7555
_A, _E2 = 6_378_137.0, 0.006_694_379_990_14          # WGS 84


def _offset(east_m, north_m):
    """(lon, lat) ``east_m`` and ``north_m`` metres from (LON0, LAT0), by the ellipsoid's radii of curvature."""
    phi = math.radians(LAT0)
    w = 1 - _E2 * math.sin(phi) ** 2
    meridian, prime = _A * (1 - _E2) / w ** 1.5, _A / w ** 0.5
    return LON0 + math.degrees(east_m / (prime * math.cos(phi))), LAT0 + math.degrees(north_m / meridian)


def _way(way_id, corners, tags, first_node):
    nodes = "".join(f'<node id="{first_node + i}" lat="{lat!r}" lon="{lon!r}" version="1"/>'
                    for i, (lon, lat) in enumerate(corners))
    refs = list(range(first_node, first_node + len(corners)))
    if tags.get("closed", True):
        refs.append(first_node)
    tag_xml = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items() if k != "closed")
    return nodes, f'<way id="{way_id}" version="1">' + "".join(f'<nd ref="{r}"/>' for r in refs) + tag_xml + "</way>"


def osm_xml(levels="3", buildings=True):
    parts = []
    if buildings:
        parts.append(_way(1, [_offset(0, 0), _offset(30, 0), _offset(30, 10), _offset(0, 10)],
                          {"building": "apartments", "building:levels": levels}, 100))
        parts.append(_way(2, [_offset(60, 0), _offset(80, 0), _offset(80, 20), _offset(60, 20)],
                          {"building": "school"}, 200))
    parts.append(_way(3, [_offset(-20, -15), _offset(120, -15)], {"highway": "residential", "closed": False}, 300))
    stop_lon, stop_lat = _offset(40, -18)
    kg_lon, kg_lat = _offset(100, 30)
    nodes = "".join(n for n, _ in parts) + (
        f'<node id="400" lat="{stop_lat!r}" lon="{stop_lon!r}" version="1"><tag k="highway" v="bus_stop"/></node>'
        f'<node id="401" lat="{kg_lat!r}" lon="{kg_lon!r}" version="1"><tag k="amenity" v="kindergarten"/>'
        '<tag k="name" v="阳光幼儿园"/></node>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="hand">'
            + nodes + "".join(w for _, w in parts) + "</osm>\n")


OSM_SINKS = ("BUILDINGS", "ROADS", "TRANSIT_STOPS", "FACILITIES", "GREEN_SPACES", "SHELTERS", "LANDCOVER", "WATER",
             "UNITS")


def osm_scene(d):
    return {"INPUT": d.table("extract.osm", osm_xml()), **{name: "TEMPORARY_OUTPUT" for name in OSM_SINKS}}


def osm_expect(residents=22.5, floors_estimated=1):
    return expect(results={"BUILDING_COUNT": 2, "RESIDENTIAL_BUILDINGS": 1, "RESIDENTS": residents,
                           "FLOORS_ESTIMATED": floors_estimated, "STOP_COUNT": 1, "FACILITY_COUNT": 1}, rel=1e-3)


OSM_BASE = osm_expect()
# levels that are no number of floors: the default of a block of flats above 200 m², 4 floors (resources/osm
# /building_use.csv), flagged as an estimate: 300 × 4 / 40 = 30 residents
OSM_LEVELS_DEFAULTED = osm_expect(30.0, 2)

register("prepare_osm", osm_scene, [
    case("base", "none (control)", check=OSM_BASE),
    case("osm_0_bytes", "malformed table", table("INPUT", b"", name="extract.osm"), names=["extract.osm"]),
    case("osm_not_osm", "malformed table", table("INPUT", "date,rain_mm\n2020-07-01,12\n", name="extract.osm"),
         names=["extract.osm"]),
    case("osm_truncated", "malformed table", table("INPUT", osm_xml()[:900], name="extract.osm"),
         names=["extract.osm"]),
    case("osm_no_buildings", "empty layer", table("INPUT", osm_xml(buildings=False), name="extract.osm"),
         names=["extract.osm", "building"]),
    case("levels_nodata_minus_9999", "bad value", table("INPUT", osm_xml("-9999"), name="extract.osm"),
         skipped=1, names=["levels"], check=OSM_LEVELS_DEFAULTED),
    case("levels_1e308", "bad value", table("INPUT", osm_xml("1e308"), name="extract.osm"), skipped=1,
         names=["levels"], check=OSM_LEVELS_DEFAULTED),
    case("levels_text", "numbers as text", table("INPUT", osm_xml("3层"), name="extract.osm"), check=OSM_BASE),
    case("chinese_path", "Chinese paths and names", table("INPUT", osm_xml(), name="中文 目录/提取.osm"),
         check=OSM_BASE),
    case("grid_size_1e308", "extreme parameter", setting(GRID_SIZE=1e308), names=["Grid", "GRID_SIZE"],
         check=OSM_BASE),
    case("m2_per_person_1e308", "extreme parameter", setting(M2_PER_PERSON=1e308),
         names=["Floor area per resident", "M2_PER_PERSON"]),
], nonnegative=["BUILDING_COUNT", "RESIDENTS", "RESIDENTIAL_BUILDINGS", "FLOORS_ESTIMATED", "USE_ESTIMATED",
                "STOP_COUNT", "FACILITY_COUNT", "SHELTER_COUNT"])
