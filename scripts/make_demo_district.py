#!/usr/bin/env python3
"""Generate the demo district shipped with the plugin: resources/sample_data/demo_district.gpkg.

The district is invented. It is a 4 km x 3 km piece of a Jiangnan water-town city, modelled on
the edge of Jiaxing (Zhejiang), in EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres).
A canal-sized river meanders west to east through it and an old canal runs north from it. A bent,
roughly grid-like road network splits the land into blocks, blocks into parcels, and parcels carry
buildings whose density and height follow the land use. Names of places and roads are made up.

Run it with the project's venv:  .venv/bin/python scripts/make_demo_district.py [output.gpkg]
The same seed always writes the same features (numpy's default_rng is the only randomness).

Layers (all EPSG:4549, polygons single-part, spatial index on):
  planning_units  6 pilot units that tile the district, one per pilot type.
  parcels         land parcels with a land-use code of China's territorial spatial classification
                  (国土空间调查、规划、用途管制用地用海分类), FAR, green ratio and residents.
                  Parcels never overlap each other or road corridors; river parcels are water.
  buildings       footprints (rectangles and L-shapes, aligned to their parcel) with floors,
                  height, use, roof type and residents. About 2 % have no floors on purpose, as
                  surveyed building data has gaps; their height is missing too.
  landcover       a gap-free, overlap-free cover: built-up, road, water, green, trees, crops, bare.
  roads           centre lines split at every junction, so a routable graph can be built.
  transit_stops   2 rail stations and a few dozen bus stops, on road centre lines.
  flood_zones     nested depth bands of a 50-year design storm along the river and in low spots;
                  bands overlap by design (a deeper band lies inside a shallower one).
  shelters        emergency shelters in parks, schools and squares; two sit in a flood zone on
                  purpose, to give the resilience checks something to find.
  facilities      community facilities, placed in matching parcels and deliberately uneven
                  between units (the rural and industrial units are under-served).
  green_spaces    park and protective-green parcels, with a park type and area.
"""
import math
import sys
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import linemerge, polygonize, substring
from shapely.prepared import prep

SEED = 20240607
EPSG = 4549
# South-west corner of the district; its centre then falls near x≈572000, y≈3402000 (Jiaxing).
ORIGIN = np.array([570000.0, 3400500.0])
SIZE = (4000.0, 3000.0)
REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "resources" / "sample_data" / "demo_district.gpkg"

# Household size and floor area per household used to turn residential floor area into people.
PERSONS_PER_HOUSEHOLD = 2.8
GFA_PER_HOUSEHOLD_M2 = 90.0
# Share of buildings whose floor count is blanked, to mimic gaps in surveyed data.
MISSING_FLOORS_SHARE = 0.02
# Flood bands are scaled until this share of buildings touches one (the demo needs exposure).
FLOODED_SHARE_TARGET = (0.12, 0.18)

UNITS = {
    "U1": ("Hexing New Town", "禾兴新城", "new_town", "新城建设"),
    "U2": ("Meiwan Old Neighbourhoods", "梅湾老旧小区片区", "old_community_renovation", "老旧小区改造"),
    "U3": ("Changsheng Industrial Park", "长盛工业园区", "industrial_park_renewal", "产业园区更新"),
    "U4": ("Taoyuan Village", "桃园村", "rural_low_carbon_village", "乡村低碳示范"),
    "U5": ("Luxi Wetland", "芦溪湿地", "ecological_area", "生态保育区"),
    "U6": ("Yunhe Waterfront", "运河滨水区", "waterfront_renewal", "滨水地区更新"),
}

LAND_USES = {
    "0101": ("Paddy field", "水田"),
    "0301": ("Arbor forest land", "乔木林地"),
    "0701": ("Urban residential land", "城镇住宅用地"),
    "0703": ("Rural homestead land", "农村宅基地"),
    "0801": ("Government and institution land", "机关团体用地"),
    "0804": ("Education land", "教育用地"),
    "0806": ("Medical and health land", "医疗卫生用地"),
    "0901": ("Commercial land", "商业用地"),
    "1001": ("Industrial land", "工业用地"),
    "1101": ("Logistics and warehousing land", "物流仓储用地"),
    "1401": ("Park green land", "公园绿地"),
    "1402": ("Protective green land", "防护绿地"),
    "1403": ("Square land", "广场用地"),
    "1701": ("River water surface", "河流水面"),
}

USES_ZH = {"residential": "住宅", "office": "办公", "commercial": "商业", "hotel": "酒店",
           "school": "学校", "hospital": "医院", "industrial": "工业", "other": "其他"}
# Storey heights (m). Sheds and warehouses under metal roofs are single tall halls, so they get
# their own value whatever the use.
STOREY_M = {"residential": 3.0, "office": 3.8, "commercial": 4.5, "hotel": 3.3, "school": 3.6,
            "hospital": 4.0, "industrial": 6.0, "other": 3.5}
METAL_SHED_STOREY_M = 7.5

LANDCOVER = {"built_up": (1, "建设用地"), "road": (2, "道路"), "water": (3, "水体"),
             "park_green": (4, "绿地"), "tree_cover": (5, "林地"), "cropland": (6, "耕地"),
             "bare": (7, "裸地")}
LANDCOVER_SIMPLIFY_M = 5.0
LANDCOVER_OF_LU = {"0101": "cropland", "0301": "tree_cover", "1401": "park_green",
                   "1402": "tree_cover", "1403": "built_up", "1701": "water"}

ROAD_RANK = {"trunk": 0, "primary": 1, "secondary": 2, "branch": 3}

# Two-character place names (pinyin, Chinese) for roads, parks and facilities.
PLACE_NAMES = [
    ("Jiahe", "嘉禾"), ("Meiwan", "梅湾"), ("Changsheng", "长盛"), ("Huayuan", "华园"),
    ("Qinyuan", "沁园"), ("Xinfeng", "新丰"), ("Fuxing", "复兴"), ("Liuying", "柳营"),
    ("Hongxing", "红星"), ("Shuguang", "曙光"), ("Kangle", "康乐"), ("Anle", "安乐"),
    ("Heping", "和平"), ("Xiangjia", "湘家"), ("Luoxing", "落星"), ("Lianhua", "莲花"),
    ("Guangming", "光明"), ("Ruixiang", "瑞祥"), ("Jinhu", "金湖"), ("Yuxiu", "毓秀"),
    ("Qingyuan", "清源"), ("Dongsheng", "东升"), ("Xiyuan", "西园"), ("Nanxi", "南溪"),
    ("Beiyuan", "北苑"), ("Mingde", "明德"), ("Lihe", "丽和"), ("Tongxin", "同心"),
    ("Jiangnan", "江南"), ("Shuixiang", "水乡"), ("Wuyue", "吴越"), ("Changhong", "长虹"),
    ("Yangguang", "阳光"), ("Xingfu", "幸福"), ("Jinqiao", "金桥"), ("Tianning", "天宁"),
    ("Fengming", "凤鸣"), ("Ziyang", "紫阳"), ("Yong'an", "永安"), ("Fumin", "富民"),
    ("Qinjian", "勤俭"), ("Jianshe", "建设"), ("Chuangye", "创业"), ("Zhihui", "智慧"),
    ("Xingye", "兴业"), ("Juxian", "聚贤"), ("Yunhai", "云海"), ("Hubin", "湖滨"),
    ("Lingxiang", "菱香"), ("Zuili", "槜李"), ("Yanyu", "烟雨"), ("Yuanhu", "鸳湖"),
    ("Lanxiu", "揽秀"), ("Yuehe", "月河"), ("Zicheng", "子城"), ("Zhiqiao", "芝桥"),
    ("Qinye", "勤业"), ("Wan'an", "万安"), ("Shuangxi", "双溪"), ("Hehua", "荷花"),
    ("Sangyuan", "桑园"), ("Daoxiang", "稻香"), ("Yuzhou", "渔舟"), ("Fengshou", "丰收"),
    ("Shunda", "顺达"), ("Tongji", "通济"), ("Xingwang", "兴旺"), ("Jiarui", "嘉瑞"),
    ("Wanfu", "万福"), ("Jinxiu", "锦绣"), ("Huating", "华庭"), ("Xinghe", "星河"),
    ("Cuizhu", "翠竹"), ("Qingtong", "青桐"), ("Songtao", "松涛"), ("Chunhui", "春晖"),
    ("Qiushi", "秋实"), ("Yuquan", "玉泉"), ("Baihe", "百合"), ("Jinsha", "金沙"),
    ("Haoyue", "皓月"), ("Tingxi", "听溪"), ("Wangjiang", "望江"), ("Chengxi", "城西"),
    ("Dongfang", "东方"), ("Xiangyun", "祥云"), ("Baoshan", "宝山"), ("Lüyin", "绿茵"),
    ("Huixin", "汇新"), ("Dexin", "德馨"), ("Chenguang", "晨光"), ("Jingxiu", "景秀"),
    ("Yiyuan", "怡园"), ("Lanting", "兰亭"), ("Mingyue", "明月"), ("Qingfeng", "清风"),
    ("Xiangyang", "向阳"), ("Tianxiang", "天祥"), ("Wenhua", "文华"), ("Boya", "博雅"),
    ("Jiaxin", "嘉欣"), ("Ronghe", "融和"), ("Xinyuan", "新苑"), ("Jinsui", "金穗"),
    ("Hengtai", "恒泰"), ("Longxiang", "龙翔"), ("Fenghuang", "凤凰"), ("Yinhu", "银湖"),
    ("Shuiyun", "水韵"), ("Xiaoqiao", "小桥"), ("Liushui", "流水"), ("Taohua", "桃花"),
    ("Yangliu", "杨柳"), ("Ouxiang", "藕香"), ("Qinghe", "清河"), ("Jingshui", "静水"),
    ("Fuyuan", "福苑"), ("Shengli", "胜利"), ("Minzhu", "民主"), ("Tianhe", "天和"),
]

CN_DIGITS = "零一二三四五六七八九十"


# ----------------------------------------------------------------------------- small geometry

def world(points):
    """Local metres (origin at the district's south-west corner) to EPSG:4549 metres."""
    return np.asarray(points, dtype=float) + ORIGIN


def polygons_of(geom, min_area=1.0):
    """Polygon parts of any overlay result; lines and points that overlays leave behind are dropped."""
    return [g for g in shapely.get_parts(geom)
            if g.geom_type == "Polygon" and not g.is_empty and g.area >= min_area]


def lines_of(geom, min_length=0.0):
    return [g for g in shapely.get_parts(linemerge_safe(geom))
            if g.geom_type == "LineString" and g.length > min_length]


def linemerge_safe(geom):
    if geom.geom_type == "MultiLineString":
        return linemerge(geom)
    return geom


def bent_line(start, end, rng, amplitude, kinks):
    """Straight-ish line whose interior vertices are pushed sideways, like a street that bends."""
    p0, p1 = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    along = p1 - p0
    side = np.array([-along[1], along[0]]) / np.hypot(*along)
    ts = np.linspace(0.0, 1.0, kinks + 2)[1:-1] + rng.uniform(-0.3, 0.3, kinks) / (kinks + 1)
    offsets = rng.normal(0.0, amplitude, kinks)
    middle = [p0 + t * along + o * side for t, o in zip(ts, offsets)]
    return LineString([p0, *middle, p1])


def value_along(line, coordinate, axis):
    """The other coordinate of a monotone line at ``coordinate`` on ``axis`` (0 = x, 1 = y)."""
    c = np.asarray(line.coords)
    order = np.argsort(c[:, axis])
    return float(np.interp(coordinate, c[order, axis], c[order, 1 - axis]))


def long_axis(poly):
    """Unit vector along the longer side of the polygon's minimum rotated rectangle."""
    rect = np.asarray(poly.minimum_rotated_rectangle.exterior.coords)
    e1, e2 = rect[1] - rect[0], rect[2] - rect[1]
    u = e1 if np.hypot(*e1) >= np.hypot(*e2) else e2
    n = np.hypot(*u)
    return u / n if n > 0 else np.array([1.0, 0.0])


def row_angle(poly):
    """Axis of the polygon nearest to east-west, degrees in [-45, 45): residential rows face south."""
    u = long_axis(poly)
    return (math.degrees(math.atan2(u[1], u[0])) + 45.0) % 90.0 - 45.0


def opening(poly, radius):
    """Shave off parts narrower than 2*radius and round convex corners (curb radii, slivers)."""
    return poly.buffer(-radius, quad_segs=2).buffer(radius, quad_segs=2).intersection(poly)


def smooth_profile(rng, wavelengths, amplitudes):
    """A smooth random 1-D function (sum of sines with random phases): meanders, band widths."""
    phases = rng.uniform(0.0, 2 * np.pi, len(wavelengths))
    return lambda s: sum(a * np.sin(2 * np.pi * np.asarray(s, dtype=float) / w + p)
                         for w, a, p in zip(wavelengths, amplitudes, phases))


def cut_between(line, first, second, overshoot=2.0):
    """The piece of ``line`` between its crossings with two other lines, reaching slightly past both.

    Overshooting guarantees the pieces really cross, so noding later makes a junction there;
    the stubs are pruned afterwards.
    """
    d = sorted(line.project(line.intersection(other).centroid) for other in (first, second))
    return substring(line, max(d[0] - overshoot, 0.0), min(d[1] + overshoot, line.length))


# ----------------------------------------------------------------------------- water

def make_river(rng):
    """Main river: meanders west to east like the Jiaxing canals, about 60 m wide."""
    meander = smooth_profile(rng, (2400.0, 850.0), (140.0, 35.0))
    xs = np.arange(-120.0, SIZE[0] + 121.0, 40.0)
    centre = LineString(world(np.column_stack([xs, 1350.0 + meander(xs)])))
    return centre, centre.buffer(30.0, cap_style="flat", join_style="mitre")


def make_canal(rng, river_centre):
    """Old canal that leaves the river northwards through the wetland and the old quarter."""
    x_mouth = 640.0
    y_mouth = value_along(river_centre, ORIGIN[0] + x_mouth, 0) - ORIGIN[1]
    ys = np.arange(y_mouth, SIZE[1] + 80.0, 30.0)
    drift = smooth_profile(rng, (1300.0, 520.0), (40.0, 15.0))
    # Anchored so the canal leaves the river exactly at its mouth.
    xs = x_mouth + drift(ys - y_mouth) - drift(0.0)
    centre = LineString(world(np.column_stack([xs, ys])))
    return centre, centre.buffer(10.0, cap_style="flat", join_style="mitre")


# ----------------------------------------------------------------------------- units and roads

def road(geom, cls, width, name, name_zh, unit=None, major=False):
    return {"geom": geom, "cls": cls, "width": float(width), "name": name, "name_zh": name_zh,
            "unit": unit, "major": major}


def make_major_roads(rng, river_centre):
    """Arterials that also bound the planning units, plus the riverside roads and one bridge road."""
    w, h = SIZE

    def across(y, kinks):  # west to east at about height y, overshooting the district edges
        start, end = (-60, y + rng.normal(0, 15)), (w + 60, y + rng.normal(0, 15))
        return LineString(world(bent_line(start, end, rng, 18, kinks).coords))

    def down(x, amplitude):  # south to north at about x
        start, end = (x + rng.normal(0, 15), -60), (x + rng.normal(0, 15), h + 60)
        return LineString(world(bent_line(start, end, rng, amplitude, 3).coords))

    a, b = across(2150, 4), across(650, 4)
    c, d, e = down(1350, 18), down(2750, 18), down(3480, 14)
    north = river_centre.offset_curve(130.0)
    south = river_centre.offset_curve(-130.0)
    east_edge = LineString(world([(w + 60, -60), (w + 60, h + 60)]))
    roads = [
        road(a, "trunk", 50, "Jiahe Avenue", "嘉禾大道", major=True),
        road(b, "primary", 40, "Chengnan Road", "城南路", major=True),
        road(c, "primary", 40, "Xiushui Road", "秀水路", major=True),
        road(d, "primary", 40, "Wenchang Road", "文昌路", major=True),
        road(e, "secondary", 30, "Keji Road", "科技路", major=True),
        road(cut_between(north, c, east_edge), "secondary", 30, "Binhe North Road", "滨河北路", major=True),
        road(cut_between(south, c, east_edge), "secondary", 30, "Binhe South Road", "滨河南路", major=True),
    ]
    return {"A": a, "B": b, "C": c, "D": d, "S": south}, roads


def make_units(district, lines, river_centre):
    """Planning units: faces between the arterials, the river (east of D) and Binhe South Road."""
    a, b, c, d, s = (lines[k] for k in "ABCDS")
    dividers = shapely.union_all([district.boundary, a, b, c, d,
                                  river_centre.intersection(box(ORIGIN[0] + 2500, 0, 1e7, 1e8)),
                                  cut_between(s, c, d, overshoot=5.0)])
    units = {}
    for face in polygonize(shapely.get_parts(dividers)):
        if not district.contains(face.representative_point()):
            continue
        uid = unit_rule(face.representative_point(), a, b, c, d, s, river_centre)
        units.setdefault(uid, []).append(face)
    return {uid: shapely.union_all(units[uid]) for uid in sorted(units)}


def unit_rule(p, a, b, c, d, s, river):
    """Which unit a point belongs to, from its side of each divider."""
    x, y = p.x, p.y
    west_of_c, west_of_d = x < value_along(c, y, 1), x < value_along(d, y, 1)
    if y > value_along(a, x, 0):
        return "U2" if west_of_c else "U1"
    if y > value_along(b, x, 0):
        if west_of_c:
            return "U5"
        if west_of_d:
            return "U6" if y > value_along(s, x, 0) else "U4"
        return "U1" if y > value_along(river, x, 0) else "U3"
    return "U3" if not west_of_d else "U4"


# How each unit's own streets look: grid rotation, spacing (m), bend, classes, widths, and how
# irregular they get. Old quarters are finer and more broken, rural roads sparse and crooked.
STREET_GRIDS = {
    "U1": dict(angle=-3, spacing=(330, 300), bend=12, kinks=3, classes=("secondary", "branch"),
               widths={"secondary": 30, "branch": 16}, near=70, bridge_p=0.0, thin_p=0.06, partial_p=0.0),
    "U2": dict(angle=8, spacing=(175, 150), bend=8, kinks=4, classes=("secondary", "branch", "branch"),
               widths={"secondary": 20, "branch": 10}, near=45, bridge_p=0.0, thin_p=0.18, partial_p=0.0),
    "U3": dict(angle=2, spacing=(380, 320), bend=10, kinks=2, classes=("secondary", "branch"),
               widths={"secondary": 30, "branch": 16}, near=80, bridge_p=0.0, thin_p=0.12, partial_p=0.0),
    "U4": dict(angle=11, spacing=(430, 330), bend=35, kinks=5, classes=("branch",),
               widths={"branch": 7}, near=80, bridge_p=0.0, thin_p=0.0, partial_p=0.35),
    "U5": dict(angle=-6, spacing=(650, 520), bend=45, kinks=5, classes=("branch",),
               widths={"branch": 7}, near=90, bridge_p=0.0, thin_p=0.0, partial_p=0.3),
    "U6": dict(angle=0, spacing=(230, 210), bend=10, kinks=3, classes=("secondary", "branch"),
               widths={"secondary": 30, "branch": 16}, near=70, bridge_p=0.45, thin_p=0.10, partial_p=0.0),
}
URBAN_UNITS = ("U1", "U2", "U3", "U6")


def grid_lines(unit_poly, spec, rng):
    """Raw street lines of a rotated, jittered grid over the unit's bounding box.

    Yields (line, direction, index) with direction "ns" or "ew" in the grid's own frame.
    """
    centre = unit_poly.centroid
    minx, miny, maxx, maxy = affinity.rotate(unit_poly, -spec["angle"], origin=centre).bounds
    for direction, (lo, hi, across_lo, across_hi, step) in {
            "ns": (minx, maxx, miny, maxy, spec["spacing"][0]),
            "ew": (miny, maxy, minx, maxx, spec["spacing"][1])}.items():
        pos, index = lo + step * rng.uniform(0.45, 0.85), 0
        while pos < hi - 0.3 * step:
            if direction == "ns":
                raw = bent_line((pos, across_lo - 80), (pos, across_hi + 80), rng, spec["bend"], spec["kinks"])
            else:
                raw = bent_line((across_lo - 80, pos), (across_hi + 80, pos), rng, spec["bend"], spec["kinks"])
            yield affinity.rotate(raw, spec["angle"], origin=centre), direction, index
            pos += step * rng.uniform(0.8, 1.2)
            index += 1


def runs_parallel(piece, obstacles, near):
    """True where the piece hugs an existing road or bank for a long stretch (would double it).

    A street crossing an arterial is only near it over a short run around the crossing; a
    near-duplicate is near it for hundreds of metres.
    """
    if piece.length < 20:
        return True
    d = np.arange(5.0, piece.length - 5.0, 10.0)
    close = shapely.distance(shapely.line_interpolate_point(piece, d), obstacles) < near
    run = longest = 0
    for flag in close:
        run = run + 10 if flag else 0
        longest = max(longest, run)
    # Crossing at an angle keeps a street near the other road for up to ~2.5 * near.
    return longest > 2.5 * near + 50.0


def minor_streets(uid, unit_poly, spec, majors, river_poly, canal_poly, district, rng, names):
    """A unit's own streets: grid lines clipped to the unit, cut at the river, de-duplicated."""
    obstacles = shapely.union_all([*(r["geom"] for r in majors), district.boundary,
                                   river_poly.boundary, canal_poly.boundary])
    river_no_go = river_poly.buffer(12.0)
    canal_no_go = canal_poly.buffer(6.0)
    area = unit_poly.buffer(1.0)
    streets = []
    for raw, direction, index in grid_lines(unit_poly, spec, rng):
        cls = spec["classes"][index % len(spec["classes"])]
        bridge = direction == "ns" and rng.random() < spec["bridge_p"]
        clipped = raw.intersection(area).intersection(district)
        if not bridge:
            clipped = clipped.difference(river_no_go)
        if direction == "ns":
            # N-S streets cannot run along the N-S canal; bridges over it are fine.
            clipped = clipped.difference(canal_no_go) if clipped.distance(canal_poly) < spec["near"] else clipped
        pieces = [p for p in lines_of(clipped, 60.0) if not runs_parallel(p, obstacles, spec["near"])]
        if not pieces:
            continue
        name, name_zh = street_name(uid, cls, len({s["name"] for s in streets}) + 1, names)
        for piece in pieces:
            if rng.random() < spec["partial_p"]:
                # Village and park roads often just stop; keep one end so they still connect.
                keep = piece.length * rng.uniform(0.4, 0.8)
                start = 0.0 if rng.random() < 0.5 else piece.length - keep
                piece = substring(piece, start, start + keep)
            streets.append(road(piece, cls, spec["widths"][cls], name, name_zh, unit=uid))
    return streets


# Industrial parks and villages number their roads (工业一路, 桃园二路) instead of naming them.
NUMBERED_STREETS = {"U3": ("Gongye", "工业"), "U4": ("Taoyuan", "桃园"), "U5": ("Luxi", "芦溪")}


def street_name(uid, cls, n, names):
    if uid in NUMBERED_STREETS:
        base, base_zh = NUMBERED_STREETS[uid]
        return f"{base} {ordinal(n)} Road", f"{base_zh}{cn_number(n)}路"
    base, base_zh = next(names)
    return (f"{base} Road", f"{base_zh}路") if cls == "secondary" else (f"{base} Street", f"{base_zh}街")


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def node_key(xy):
    return (round(xy[0], 6), round(xy[1], 6))


def edge_ends(edge):
    c = edge["geom"].coords
    return node_key(c[0]), node_key(c[-1])


def node_degrees(edges):
    degree = {}
    for e in edges:
        for k in edge_ends(e):
            degree[k] = degree.get(k, 0) + 1
    return degree


def node_network(sources, district):
    """Split every road at every crossing; each piece keeps the attributes of the road it came from."""
    geoms = [s["geom"].intersection(district) for s in sources]
    keep = [i for i, g in enumerate(geoms) if not g.is_empty and g.length > 0]
    sources = [dict(sources[i], geom=geoms[i], sid=n) for n, i in enumerate(keep)]
    tree = shapely.STRtree([s["geom"] for s in sources])
    edges = []
    for seg in shapely.get_parts(shapely.union_all([s["geom"] for s in sources])):
        if seg.geom_type != "LineString" or seg.length < 1e-6:
            continue
        mid = seg.interpolate(0.5, normalized=True)
        hits = tree.query(mid, predicate="dwithin", distance=1e-3)
        if len(hits) == 0:
            hits = [tree.nearest(mid)]
        best = min(hits, key=lambda i: (ROAD_RANK[sources[i]["cls"]], i))
        edges.append(dict(sources[best], geom=seg))
    return edges


def prune_stubs(edges, district, min_length):
    """Drop dead ends shorter than ``min_length`` that do not leave the district.

    These are the overshoots left by snapping streets onto arterials, and crumbs of clipping.
    """
    boundary = district.boundary
    while True:
        degree = node_degrees(edges)
        kept = []
        for e in edges:
            loose = [k for k in edge_ends(e) if degree[k] == 1 and boundary.distance(Point(k)) > 0.5]
            if not (loose and e["geom"].length < min_length):
                kept.append(e)
        if len(kept) == len(edges):
            return edges
        edges = kept


def components(edges):
    """Connected-component label of each edge (union-find over the end nodes)."""
    parent = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for e in edges:
        a, b = edge_ends(e)
        parent[find(a)] = find(b)
    return [find(edge_ends(e)[0]) for e in edges]


def connected(edges):
    return len(set(components(edges))) <= 1


def thin_streets(edges, rng, district):
    """Remove some street segments between junctions so blocks merge and T-junctions appear.

    Real grids are broken by compounds that swallowed a street; only segments whose removal
    leaves no dead end and keeps the network in one piece are taken out.
    """
    boundary = district.boundary
    order = rng.permutation(len(edges))
    removed = set()
    for i in order:
        e = edges[i]
        if e["major"] or e["unit"] not in URBAN_UNITS or rng.random() >= STREET_GRIDS[e["unit"]]["thin_p"]:
            continue
        rest = [x for j, x in enumerate(edges) if j != i and j not in removed]
        degree = node_degrees(rest)
        ends_ok = all(degree.get(k, 0) >= 2 or boundary.distance(Point(k)) < 0.5 for k in edge_ends(e))
        if ends_ok and connected(rest):
            removed.add(i)
    return [e for j, e in enumerate(edges) if j not in removed]


def merge_through_nodes(edges):
    """Join the two pieces of one road that meet at a node no other road touches (not a junction)."""
    edges = list(edges)
    changed = True
    while changed:
        changed = False
        incident = {}
        for i, e in enumerate(edges):
            for k in edge_ends(e):
                incident.setdefault(k, []).append(i)
        for k, idx in incident.items():
            if len(idx) != 2 or idx[0] == idx[1] or edges[idx[0]]["sid"] != edges[idx[1]]["sid"]:
                continue
            merged = linemerge([edges[idx[0]]["geom"], edges[idx[1]]["geom"]])
            if merged.geom_type != "LineString" or merged.is_ring:
                continue
            edges[idx[0]] = dict(edges[idx[0]], geom=merged)
            del edges[idx[1]]
            changed = True
            break
    return edges


def build_road_network(rng, district, units, majors, river_poly, canal_poly, names):
    sources = list(majors)
    for uid, poly in units.items():
        sources += minor_streets(uid, poly, STREET_GRIDS[uid], majors, river_poly, canal_poly, district, rng, names)
    edges = node_network(sources, district)
    edges = prune_stubs(edges, district, 40.0)
    edges = thin_streets(edges, rng, district)
    edges = prune_stubs(edges, district, 40.0)
    return largest_component(merge_through_nodes(edges))


def largest_component(edges):
    """Drop street fragments that the river cut off from everything else: the graph must be one piece."""
    labels = components(edges)
    main = max(set(labels), key=labels.count)
    return [e for e, label in zip(edges, labels) if label == main]


def road_corridors(edges, district):
    """Road space: each centre line widened to its red-line width."""
    space = shapely.union_all([e["geom"].buffer(e["width"] / 2.0, quad_segs=4) for e in edges])
    return space.intersection(district)


# ----------------------------------------------------------------------------- blocks and parcels

def split_in_two(poly, rng):
    """Cut a polygon across its long axis at a random point near the middle."""
    u = long_axis(poly)
    v = np.array([-u[1], u[0]])
    s = np.asarray(poly.exterior.coords) @ u
    cut = s.min() + rng.uniform(0.38, 0.62) * (s.max() - s.min())
    p = u * cut + v * (np.asarray(poly.centroid.coords[0]) @ v)
    big = 5000.0
    behind = Polygon([p + v * big, p - v * big, p - v * big - u * big, p + v * big - u * big])
    return polygons_of(poly.intersection(behind), 20.0) + polygons_of(poly.difference(behind), 20.0)


def subdivide(poly, target_area, rng, depth=0):
    """Recursively halve a block until pieces are near the target parcel size (m²)."""
    target = target_area(poly)
    if poly.area <= target * rng.uniform(0.75, 1.35) or depth > 12:
        return [poly]
    pieces = split_in_two(poly, rng)
    if len(pieces) < 2:
        return [poly]
    return [leaf for piece in pieces for leaf in subdivide(piece, target_area, rng, depth + 1)]


def parcel(geom, unit, angle, lu=None, role=None, **extra):
    return dict(geom=geom, unit=unit, angle=angle, lu=lu, role=role, kind=None, name=None,
                name_zh=None, buildings=[], **extra)


def make_blocks(district, corridors, water, units):
    """Land between roads and water, with rounded corners, each piece inside one unit."""
    blocks = []
    for part in polygons_of(district.difference(corridors).difference(water), 100.0):
        for rounded in polygons_of(opening(part, 5.0), 150.0):
            for uid, upoly in units.items():
                if not rounded.intersects(upoly):
                    continue
                for piece in polygons_of(rounded.intersection(upoly), 150.0):
                    blocks.append((uid, piece))
    return blocks


def water_parcels(water, corridors, units):
    out = []
    for uid, upoly in units.items():
        for piece in polygons_of(water.difference(corridors).intersection(upoly), 50.0):
            out.append(parcel(piece, uid, 0.0, lu="1701", role="water"))
    return out


def carve(block, band, min_area):
    """Split off the part of a block inside a band (riverside park, green belt)."""
    strip = block.intersection(band)
    if strip.area < min_area:
        return [], [block]
    strips = [opening(s, 3.0) for s in polygons_of(strip, min_area / 3)]
    strips = [g for s in strips for g in polygons_of(s, min_area / 3)]
    if not strips:
        return [], [block]
    rest = polygons_of(block.difference(shapely.union_all(strips)), 50.0)
    keep = [r for r in rest if not r.buffer(-20.0).is_empty]
    if len(keep) < len(rest):
        # A remainder too thin to build on (< 40 m) joins the green instead of becoming a sliver parcel.
        green = block.difference(shapely.union_all(keep)) if keep else block
        return polygons_of(green, min_area / 3), keep
    return strips, rest


PARCEL_TARGET_M2 = {"U1": 45000, "U2": 19000, "U3": 40000, "U5": 70000, "U6": 25000}


def make_parcels(rng, blocks, site):
    """Blocks to parcels: carve green strips along water and the trunk road, then subdivide."""
    # Green along the water: parks in town, a buffer at the factories, a wetland park in the
    # ecological unit that follows the river and the canal.
    def shore(water, width):
        return water.buffer(width, quad_segs=2).simplify(1.0)

    river_band = {"U1": (shore(site["river_poly"], 70.0), "1401", "riverside"),
                  "U3": (shore(site["river_poly"], 30.0), "1402", "riverside"),
                  "U5": (shapely.union_all([shore(site["river_poly"], 170.0), shore(site["canal_poly"], 60.0)]),
                         "1401", "wetland_park"),
                  "U6": (shore(site["river_poly"], 65.0), "1401", "riverside")}
    trunk_band = site["trunk"].buffer(25.0 + 20.0)
    parcels = []
    park_block = central_park_block(blocks, site)
    for uid, block in blocks:
        angle = row_angle(block)
        if block is park_block:
            parcels.append(parcel(block, uid, angle, lu="1401", role="central_park"))
            continue
        rest = [block]
        if uid in river_band:
            band, lu, role = river_band[uid]
            strips, rest = carve(block, band, 1500.0)
            parcels += [parcel(s, uid, angle, lu=lu, role=role) for s in strips]
        if uid in ("U1", "U6"):
            pieces = []
            for r in rest:
                strips, remain = carve(r, trunk_band, 1200.0)
                parcels += [parcel(s, uid, angle, lu="1402", role="trunk_belt") for s in strips]
                pieces += remain
            rest = pieces
        for r in rest:
            for leaf in subdivide(r, parcel_target(uid, site), rng):
                parcels.append(parcel(leaf, uid, angle))
    return parcels


def parcel_target(uid, site):
    if uid != "U4":
        return lambda poly: PARCEL_TARGET_M2[uid]
    villages = site["villages"]
    # Fields are large; the land around each village centre is cut finer for homesteads.
    return lambda poly: 20000.0 if min(poly.distance(v) - r for v, r in villages) < 100.0 else 80000.0


def central_park_block(blocks, site):
    """The new town's central park: the biggest block near the middle of its northern half."""
    target = Point(world((2950.0, 2600.0)))
    candidates = [b for uid, b in blocks if uid == "U1" and b.distance(target) < 500.0]
    return max(candidates, key=lambda b: b.area) if candidates else None


# ----------------------------------------------------------------------------- land use

def frontage(p, lines, width=25.0):
    """Whether the parcel faces one of the lines (centre line within ``width``)."""
    return p["geom"].distance(lines) < width


def spread_pick(candidates, k, rng):
    """Pick k parcels far apart from each other (schools are spread out in a plan)."""
    if not candidates:
        return []
    chosen = [candidates[int(rng.integers(len(candidates)))]]
    while len(chosen) < min(k, len(candidates)):
        rest = [c for c in candidates if all(c is not x for x in chosen)]
        chosen.append(max(rest, key=lambda c: min(c["geom"].distance(x["geom"]) for x in chosen)))
    return chosen


def open_parcels(parcels, uid, lo=0.0, hi=1e12):
    return [p for p in parcels if p["unit"] == uid and p["lu"] is None and lo <= p["geom"].area <= hi]


def compact(parcels, min_width=60.0):
    """Parcels wide enough for a building or a square (the thin riverside slivers are not)."""
    return [p for p in parcels if p["geom"].buffer(-min_width / 2.0).area > 0]


def set_lu(p, lu, kind=None, **extra):
    p["lu"], p["kind"] = lu, kind
    p.update(extra)


def small_leftovers(parcels, uid, lu, limit):
    for p in open_parcels(parcels, uid, hi=limit):
        set_lu(p, lu, role="leftover")


def plan_new_town(parcels, site, rng):
    """High-rise compounds around a central park, offices at the station and along Keji Road,
    schools, a hospital and civic offices spread through it."""
    small_leftovers(parcels, "U1", "1401", 7000.0)
    station = site["stations"][1]
    near = sorted(open_parcels(parcels, "U1"), key=lambda p: p["geom"].distance(station))
    set_lu(next(p for p in near if p["geom"].area < 25000), "1403", role="station_square")
    for p in open_parcels(parcels, "U1"):
        if p["geom"].distance(station) < 300.0:
            set_lu(p, "0901", "complex")
    # Keji Road is the new town's business spine: office towers along it, few hotels.
    for p in open_parcels(parcels, "U1"):
        if frontage(p, site["keji"], 40.0) and rng.random() < 0.4:
            set_lu(p, "0901", "complex", hotel_p=0.1)
        elif frontage(p, site["trunk"], 60.0) and rng.random() < 0.15:
            set_lu(p, "0901", "complex")
    park = [p for p in parcels if p["role"] == "central_park"]
    if park:
        civic = min(open_parcels(parcels, "U1", 15000), key=lambda p: p["geom"].distance(park[0]["geom"]))
        set_lu(civic, "0801", "offices")
    set_lu(min(open_parcels(parcels, "U1", 25000, 70000),
               key=lambda p: p["geom"].distance(Point(world((3300.0, 2450.0))))), "0806", "hospital")
    levels = ("primary_school",) * 4 + ("middle_school",) * 2
    for p, level in zip(spread_pick(open_parcels(parcels, "U1", 20000, 60000), len(levels), rng), levels):
        set_lu(p, "0804", "school", school=level)
    for p in spread_pick(open_parcels(parcels, "U1", 15000, 50000), 6, rng):
        set_lu(p, "1401", role="community_park")
    # The far corner is not built yet: roads are in, the land is still paddy awaiting development.
    corner = Point(world(SIZE))
    for p in sorted(open_parcels(parcels, "U1"), key=lambda p: p["geom"].distance(corner))[:5]:
        set_lu(p, "0101", role="awaiting_development")
    for p in spread_pick(open_parcels(parcels, "U1", 15000, 50000), 1, rng):
        set_lu(p, "0801", "offices")
    for p in open_parcels(parcels, "U1"):
        if p["geom"].distance(site["river_poly"]) < 200.0 and rng.random() < 0.5:
            set_lu(p, "0701", "lowrise")
        else:
            set_lu(p, "0701", pick(rng, {"highrise": 0.25, "midrise": 0.3, "lowrise": 0.45}))


def plan_old_quarter(parcels, site, rng):
    """1980s-90s walk-ups, an old water street on the canal, shops on the arterials, few parks."""
    small_leftovers(parcels, "U2", "1401", 3000.0)
    for p in open_parcels(parcels, "U2"):
        if p["geom"].distance(site["canal_poly"]) < 90.0:
            # Along the canal: the old water street, low houses with shops on the ground.
            set_lu(p, "0901" if rng.random() < 0.3 else "0701", "historic", role="old_street")
    for p in open_parcels(parcels, "U2"):
        if frontage(p, site["arterials"]) and rng.random() < 0.45:
            set_lu(p, "0901", "shops")
    for p, level in zip(spread_pick(open_parcels(parcels, "U2", 12000, 40000), 2, rng),
                        ("primary_school", "middle_school")):
        set_lu(p, "0804", "school", school=level)
    picks = open_parcels(parcels, "U2", 8000, 40000)
    order = rng.permutation(len(picks))
    roles = [("0806", "hospital"), ("0801", "offices"), ("1401", None), ("1401", None), ("1403", None)]
    for (lu, kind), i in zip(roles, order):
        set_lu(picks[i], lu, kind)
    for p in open_parcels(parcels, "U2"):
        set_lu(p, "0701", "walkup")


def plan_industrial(parcels, site, rng):
    """Factories, warehouses on the arterials, a service centre, and a few cleared plots."""
    small_leftovers(parcels, "U3", "1402", 8000.0)
    service = min(open_parcels(parcels, "U3", 15000),
                  key=lambda p: p["geom"].distance(Point(world((3100.0, 900.0)))))
    set_lu(service, "0801", "offices")
    for p in open_parcels(parcels, "U3"):
        if frontage(p, site["arterials"]) and rng.random() < 0.45:
            set_lu(p, "1101", "warehouses")
    for p in open_parcels(parcels, "U3"):
        set_lu(p, "1001", "factory")
    factories = [p for p in parcels if p["unit"] == "U3" and p["kind"] == "factory"]
    for i in rng.choice(len(factories), size=min(3, len(factories)), replace=False):
        # Renewal in progress: old plants pulled down, land waiting for new tenants.
        factories[i]["kind"] = "cleared"


def plan_village(parcels, site, rng):
    """Hamlets of homesteads in paddy fields with tree patches, a village hall and a school."""
    small_leftovers(parcels, "U4", "0301", 3000.0)
    villages = site["villages"]
    for p in open_parcels(parcels, "U4"):
        if min(p["geom"].centroid.distance(v) - r for v, r in villages) < 0.0:
            set_lu(p, "0703", "village")
    homesteads = [p for p in parcels if p["lu"] == "0703"]
    biggest = max(villages, key=lambda vr: vr[1])[0]
    hall = min(homesteads, key=lambda p: p["geom"].distance(biggest))
    set_lu(hall, "0801", "village_office")
    fields = sorted(open_parcels(parcels, "U4", 10000, 60000), key=lambda p: p["geom"].distance(biggest))
    set_lu(fields[0], "0804", "school", school="primary_school")
    for p in open_parcels(parcels, "U4"):
        set_lu(p, "0301" if rng.random() < 0.12 else "0101")


def plan_wetland(parcels, site, rng):
    """Outside the wetland park (carved earlier): woodland and some paddy."""
    for p in open_parcels(parcels, "U5"):
        set_lu(p, "0301" if rng.random() < 0.65 else "0101")


def plan_waterfront(parcels, site, rng):
    """Riverside parks (carved earlier), a river square, shops and hotels near the water, housing behind."""
    small_leftovers(parcels, "U6", "1401", 6000.0)
    station = site["stations"][0]
    for p in open_parcels(parcels, "U6"):
        if p["geom"].distance(station) < 250.0:
            set_lu(p, "0901", "complex")
    mid_river = Point(world((2050.0, value_along(site["river_centre"], ORIGIN[0] + 2050.0, 0) - ORIGIN[1])))
    square = min(compact(open_parcels(parcels, "U6", 6000)), key=lambda p: p["geom"].distance(mid_river))
    set_lu(square, "1403", role="river_square")
    culture = min(compact(open_parcels(parcels, "U6", 10000)), key=lambda p: p["geom"].distance(mid_river))
    set_lu(culture, "0801", "offices")
    school = max(open_parcels(parcels, "U6", 15000, 50000), key=lambda p: p["geom"].distance(site["river_poly"]))
    set_lu(school, "0804", "school", school="primary_school")
    for p in open_parcels(parcels, "U6"):
        if p["geom"].distance(site["river_poly"]) < 250.0 and rng.random() < 0.3:
            set_lu(p, "0901", "complex")
        else:
            set_lu(p, "0701", pick(rng, {"highrise": 0.25, "midrise": 0.5, "lowrise": 0.25}))


# ----------------------------------------------------------------------------- buildings

def rect(x, y, length, depth):
    return box(x, y, x + length, y + depth)


def l_shape(x, y, length, depth, wing, right):
    """An L: a bar along x with a wing of the same depth rising at one end."""
    if right:
        pts = [(x, y), (x + length, y), (x + length, y + depth + wing), (x + length - depth, y + depth + wing),
               (x + length - depth, y + depth), (x, y + depth)]
    else:
        pts = [(x, y), (x + length, y), (x + length, y + depth), (x + depth, y + depth),
               (x + depth, y + depth + wing), (x, y + depth + wing)]
    return Polygon(pts)


def fits(cand, region, occupied, gap):
    if not region.contains(cand):
        return False
    b = cand.bounds
    for o in occupied:
        ob = o.bounds
        if ob[0] - gap > b[2] or ob[2] + gap < b[0] or ob[1] - gap > b[3] or ob[3] + gap < b[1]:
            continue
        if cand.distance(o) < gap:
            return False
    return True


def pack_rows(region, rng, spec, occupied, max_count=None):
    """Lay footprints out in rows along local x, shortening them where the parcel edge is in the way."""
    if region.is_empty:
        return []
    prepared = prep(region)
    minx, miny, maxx, maxy = region.bounds
    gap = spec.get("min_gap", 0.8 * min(spec["gap_x"][0], spec["gap_y"][0]))
    placed, row = [], 0
    y = miny + rng.uniform(0.0, 0.3) * spec["gap_y"][0]
    while y + spec["depth"][0] < maxy:
        depth = rng.uniform(*spec["depth"])
        x = minx + rng.uniform(0.0, 0.5 if row % 2 else 0.15) * spec["length"][0]
        while x + spec["length"][0] * 0.5 < maxx:
            length = rng.uniform(*spec["length"])
            dy = rng.uniform(-1.0, 1.0) * spec.get("jitter", 0.0)
            shape = None
            # Shorter, then shallower versions where the parcel edge cuts the full one off.
            for trial, d in ((length, depth), (0.7 * length, depth), (0.5 * length, depth),
                             (length, 0.7 * depth), (0.6 * length, 0.7 * depth)):
                if trial < max(d, spec["length"][0] * 0.45) or d < spec["depth"][0] * 0.65:
                    continue
                if rng.random() < spec.get("l_shape", 0.0) and trial > 2.2 * d:
                    wing = rng.uniform(0.3, 0.5) * spec["gap_y"][0] + 0.5 * d
                    cand = l_shape(x, y + dy, trial, d, wing, rng.random() < 0.5)
                else:
                    cand = rect(x, y + dy, trial, d)
                if fits(cand, prepared, occupied, gap):
                    shape, length = cand, trial
                    break
            if shape is None:
                x += max(4.0, 0.3 * spec["length"][0])
                continue
            if rng.random() >= spec.get("skip", 0.0):
                placed.append(shape)
                occupied.append(shape)
                if max_count and len(placed) >= max_count:
                    return placed
            x += length + rng.uniform(*spec["gap_x"])
        y += depth + rng.uniform(*spec["gap_y"])
        row += 1
    return placed


def scatter(region, rng, count, length, depth, occupied, gap, tries=40):
    """Drop a few small buildings (club houses, sheds, pavilions) wherever they fit."""
    if region.is_empty or count <= 0:
        return []
    prepared = prep(region)
    minx, miny, maxx, maxy = region.bounds
    placed = []
    for _ in range(tries * count):
        l, d = rng.uniform(*length), rng.uniform(*depth)
        if maxx - minx <= l or maxy - miny <= d:
            continue
        x, y = rng.uniform(minx, maxx - l), rng.uniform(miny, maxy - d)
        cand = rect(x, y, l, d)
        if fits(cand, prepared, occupied, gap):
            placed.append(cand)
            occupied.append(cand)
            if len(placed) >= count:
                break
    return placed


def pick(rng, options):
    """Weighted choice from {value: weight}."""
    keys = list(options)
    w = np.array([options[k] for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=w / w.sum()))]


def bldg(shape, use, roof, floors, lo=None, hi=None):
    """A building record; lo/hi give the floor range the FAR fit may move it in (None: fixed)."""
    return dict(shape=shape, use=use, roof=roof, floors=int(floors),
                lo=lo if lo is not None else int(floors), hi=hi if hi is not None else int(floors))


# Residential typologies: footprint and spacing (m), floors, setback (m), FAR band, roofs.
# Spacing follows sunlight rules loosely: higher slabs stand further apart.
HOUSING = {
    "highrise": dict(length=(30, 42), depth=(14, 17), gap_x=(22, 32), gap_y=(48, 62), floors=(16, 33),
                     setback=10, far=(2.0, 2.6), l_shape=0.0, ancillary=(2, 4),
                     roofs={"flat": 0.92, "green": 0.08}),
    "midrise": dict(length=(40, 60), depth=(13, 15), gap_x=(14, 20), gap_y=(30, 38), floors=(9, 18),
                    setback=8, far=(1.7, 2.2), l_shape=0.1, ancillary=(2, 4),
                    roofs={"flat": 0.85, "green": 0.15}),
    "lowrise": dict(length=(22, 32), depth=(12, 14), gap_x=(10, 14), gap_y=(18, 24), floors=(6, 9),
                    setback=6, far=(1.2, 1.6), l_shape=0.15, ancillary=(1, 3),
                    roofs={"flat": 0.6, "pitched": 0.3, "green": 0.1}),
    "walkup": dict(length=(24, 54), depth=(10, 12), gap_x=(8, 14), gap_y=(13, 18), floors=(3, 6),
                   setback=4, far=(1.3, 1.9), l_shape=0.1, ancillary=(2, 5),
                   roofs={"pitched": 0.55, "flat": 0.45}),
    "historic": dict(length=(8, 16), depth=(9, 13), gap_x=(1.5, 3.0), gap_y=(3.0, 6.0), floors=(2, 3),
                     setback=2, far=(1.2, 1.5), l_shape=0.25, ancillary=(0, 0), jitter=1.0,
                     min_gap=1.2, roofs={"pitched": 1.0}),
    "village": dict(length=(9, 13), depth=(8, 11), gap_x=(3, 7), gap_y=(8, 13), floors=(1, 3),
                    setback=3, far=(0.45, 0.85), l_shape=0.1, skip=0.1, jitter=2.0, ancillary=(0, 0),
                    roofs={"pitched": 0.85, "flat": 0.15}),
}
FAR_BOUNDS_URBAN_RESIDENTIAL = (1.2, 2.8)


def fit_floors(recs, target_gfa):
    """Scale the flexible buildings' floors so the parcel's floor area approaches the target."""
    if not recs:
        return
    fp = np.array([r["shape"].area for r in recs])
    f0 = np.array([r["floors"] for r in recs], dtype=float)
    lo = np.array([r["lo"] for r in recs])
    hi = np.array([r["hi"] for r in recs])
    scale = target_gfa / max(float(fp @ f0), 1e-9)
    floors = f0
    for _ in range(10):
        floors = np.clip(np.rint(f0 * scale), lo, hi)
        gfa = float(fp @ floors)
        if gfa <= 0 or abs(gfa - target_gfa) / target_gfa < 0.02:
            break
        scale *= target_gfa / gfa
    for r, f in zip(recs, floors):
        r["floors"] = int(f)


def gfa(recs):
    return sum(r["shape"].area * r["floors"] for r in recs)


def housing(region, area, rng, kind, density=1.0):
    """Residential compound: rows of slabs or houses plus a few small service buildings."""
    t = HOUSING[kind]
    spec = dict(t, gap_x=tuple(g * density for g in t["gap_x"]), gap_y=tuple(g * density for g in t["gap_y"]))
    occupied = []
    homes = [bldg(s, "residential", pick(rng, t["roofs"]), rng.integers(t["floors"][0], t["floors"][1] + 1),
                  *t["floors"]) for s in pack_rows(region, rng, spec, occupied)]
    extras = []
    n_extra = int(rng.integers(t["ancillary"][0], t["ancillary"][1] + 1))
    for s in scatter(region, rng, n_extra, (12, 26), (9, 15), occupied, 8.0):
        use = "commercial" if rng.random() < 0.5 else "other"
        extras.append(bldg(s, use, pick(rng, {"flat": 0.6, "green": 0.4}), rng.integers(1, 3)))
    if kind == "village":
        # Farm sheds and kitchens next to the houses.
        for s in scatter(region, rng, len(homes) // 4, (4, 7), (3, 5), occupied, 1.5):
            extras.append(bldg(s, "other", "pitched", 1))
    target = rng.uniform(*t["far"]) * area - gfa(extras)
    fit_floors(homes, max(target, 1.0))
    return homes + extras


def far_capped(recs, area, cap, rng):
    """Remove random homes until the FAR respects the plan's cap (tall minimums can overshoot)."""
    recs = list(recs)
    while recs and gfa(recs) / area > cap:
        homes = [i for i, r in enumerate(recs) if r["use"] == "residential"]
        if not homes:
            break
        del recs[homes[int(rng.integers(len(homes)))]]
    return recs


def school(region, rng, occupied):
    """Teaching blocks in one half; the other half is the sports ground (also a shelter site)."""
    minx, miny, maxx, maxy = region.bounds
    half = region.intersection(box(minx, miny, minx + 0.55 * (maxx - minx), maxy))
    spec = dict(length=(50, 80), depth=(14, 18), gap_x=(12, 18), gap_y=(18, 25), l_shape=0.4)
    recs = [bldg(s, "school", pick(rng, {"flat": 0.8, "green": 0.2}), rng.integers(4, 6))
            for s in pack_rows(half, rng, spec, occupied, max_count=8)]
    recs += [bldg(s, "school", "flat", 2) for s in scatter(half, rng, 1, (30, 40), (20, 26), occupied, 10.0)]
    return recs


def hospital(region, rng, occupied, small):
    main = dict(length=(40, 60) if small else (60, 100), depth=(18, 26), gap_x=(20, 30), gap_y=(25, 35),
                l_shape=0.6)
    side = dict(length=(30, 55), depth=(14, 18), gap_x=(15, 20), gap_y=(18, 25), l_shape=0.2)
    recs = [bldg(s, "hospital", "flat", rng.integers(6, 10) if small else rng.integers(10, 17))
            for s in pack_rows(region, rng, main, occupied, max_count=1)]
    recs += [bldg(s, "hospital", pick(rng, {"flat": 0.8, "green": 0.2}), rng.integers(3, 7))
             for s in pack_rows(region, rng, side, occupied, max_count=4)]
    return recs


def offices(region, rng, occupied, floors, size):
    spec = dict(length=size[0], depth=size[1], gap_x=(15, 25), gap_y=(25, 35), l_shape=0.3)
    return [bldg(s, "office", pick(rng, {"flat": 0.85, "green": 0.15}), rng.integers(floors[0], floors[1] + 1))
            for s in pack_rows(region, rng, spec, occupied, max_count=3)]


def commercial_complex(region, area, rng, occupied, hotel_p):
    """Commercial complex: a low mall podium and towers of offices or a hotel."""
    podium = dict(length=(60, 120), depth=(35, 60), gap_x=(20, 30), gap_y=(20, 30), l_shape=0.35)
    tower = dict(length=(26, 40), depth=(20, 26), gap_x=(25, 35), gap_y=(30, 40))
    recs = [bldg(s, "commercial", pick(rng, {"flat": 0.7, "green": 0.3}), rng.integers(3, 6), 2, 6)
            for s in pack_rows(region, rng, podium, occupied, max_count=1 if area < 40000 else 2)]
    for s in pack_rows(region, rng, tower, occupied, max_count=max(1, int(area // 9000))):
        if rng.random() < hotel_p:
            recs.append(bldg(s, "hotel", "flat", rng.integers(10, 23), 8, 24))
        else:
            recs.append(bldg(s, "office", "flat", rng.integers(12, 31), 8, 32))
    fit_floors(recs, rng.uniform(2.0, 3.5) * area)
    return recs


def shops(region, area, rng, occupied):
    spec = dict(length=(15, 40), depth=(12, 18), gap_x=(4, 8), gap_y=(10, 15), l_shape=0.15)
    recs = [bldg(s, "commercial", pick(rng, {"flat": 0.6, "pitched": 0.4}), rng.integers(2, 5), 2, 5)
            for s in pack_rows(region, rng, spec, occupied)]
    fit_floors(recs, rng.uniform(1.0, 1.8) * area)
    return recs


def factory(region, rng, occupied):
    """A plant: big sheds, an office block where room is left, a guard house and utility rooms."""
    shed = dict(length=(50, 140), depth=(30, 70), gap_x=(10, 16), gap_y=(12, 18), min_gap=10.0)
    recs = [bldg(s, "industrial", "industrial_metal", pick(rng, {1: 0.5, 2: 0.3, 3: 0.2}))
            for s in pack_rows(region, rng, shed, occupied)]
    recs += [bldg(s, "office", "flat", rng.integers(4, 7))
             for s in scatter(region, rng, 1, (25, 40), (14, 18), occupied, 10.0)]
    # Guard house, canteen, dormitory, boiler and pump rooms.
    recs += [bldg(s, "other", "flat", rng.integers(1, 3))
             for s in scatter(region, rng, int(rng.integers(2, 7)), (6, 18), (5, 12), occupied, 6.0)]
    return recs


def warehouses(region, rng, occupied):
    spec = dict(length=(60, 150), depth=(40, 70), gap_x=(15, 25), gap_y=(20, 30), min_gap=15.0)
    recs = [bldg(s, "other", "industrial_metal", pick(rng, {1: 0.8, 2: 0.2}))
            for s in pack_rows(region, rng, spec, occupied)]
    recs += [bldg(s, "office", "flat", rng.integers(2, 4))
             for s in scatter(region, rng, 1, (15, 25), (10, 14), occupied, 10.0)]
    return recs


def pavilions(region, area, rng, occupied):
    n = min(4, int(area // 30000) + (1 if area > 10000 else 0))
    return [bldg(s, "other", pick(rng, {"pitched": 0.7, "green": 0.3}), rng.integers(1, 3))
            for s in scatter(region, rng, n, (10, 24), (8, 14), occupied, 20.0)]


SETBACK_M = {"complex": 8, "shops": 3, "school": 8, "hospital": 8, "offices": 8, "village_office": 4,
             "factory": 8, "warehouses": 8, "park": 10}


def local_region(p, kind, setback):
    """The parcel turned so its rows run along x, shrunk by the setback; plus the way back."""
    angle = p["angle"]
    geom = p["geom"]
    if kind in ("factory", "warehouses", "complex", "offices", "hospital", "school"):
        # Big single buildings follow the parcel's long side rather than facing south.
        turned = affinity.rotate(geom, -angle, origin=geom.centroid)
        minx, miny, maxx, maxy = turned.bounds
        if maxy - miny > maxx - minx:
            angle += 90.0
    origin = geom.centroid
    turned = affinity.rotate(geom, -angle, origin=origin)
    region = turned.buffer(-setback, join_style="mitre")
    return region, (lambda g: affinity.rotate(g, angle, origin=origin))


def buildings_for(p, rng):
    """Building records for one parcel from its land use and typology, in map coordinates."""
    kind, area = p["kind"], p["geom"].area
    if p["lu"] in ("0701", "0703") or kind == "historic":
        return residential_parcel(p, rng)
    if p["lu"] == "1401" and area > 10000:
        region, back = local_region(p, "park", SETBACK_M["park"])
        return [dict(r, shape=back(r["shape"])) for r in pavilions(region, area, rng, [])]
    if p["lu"] == "0101":
        # Pump houses and tool sheds dot the paddy fields.
        region, back = local_region(p, "park", 5.0)
        return [dict(r, shape=back(r["shape"])) for r in
                (bldg(s, "other", pick(rng, {"pitched": 0.6, "industrial_metal": 0.4}), 1)
                 for s in scatter(region, rng, int(rng.integers(0, 3)), (5, 14), (4, 8), [], 30.0))]
    if kind in (None, "cleared"):
        return []
    region, back = local_region(p, kind, SETBACK_M[kind])
    occupied = []
    if kind == "complex":
        recs = commercial_complex(region, area, rng, occupied, p.get("hotel_p", 0.4 if p["unit"] == "U6" else 0.2))
    elif kind == "shops":
        recs = shops(region, area, rng, occupied)
    elif kind == "school":
        recs = school(region, rng, occupied)
    elif kind == "hospital":
        recs = hospital(region, rng, occupied, small=p["unit"] != "U1")
    elif kind == "offices" and p["unit"] == "U2":
        recs = offices(region, rng, occupied, (3, 6), ((25, 45), (12, 16)))
    elif kind == "offices":
        recs = offices(region, rng, occupied, (4, 12), ((40, 80), (16, 22)))
    elif kind == "village_office":
        recs = offices(region, rng, occupied, (2, 3), ((20, 30), (12, 15)))
    elif kind == "factory":
        recs = factory(region, rng, occupied)
    elif kind == "warehouses":
        recs = warehouses(region, rng, occupied)
    else:
        raise ValueError(kind)
    return [dict(r, shape=back(r["shape"])) for r in recs]


def residential_parcel(p, rng):
    """Homes for a residential parcel, packed tighter when the first try misses the FAR floor."""
    kind = p["kind"]
    area = p["geom"].area
    low, high = {"0701": FAR_BOUNDS_URBAN_RESIDENTIAL, "0901": (1.0, 2.0)}.get(p["lu"], (0.0, 1.2))
    recs = []
    for density in (1.0, 0.8, 0.65):
        region, back = local_region(p, kind, HOUSING[kind]["setback"])
        recs = far_capped(housing(region, area, rng, kind, density), area, high, rng)
        if gfa(recs) / area >= low:
            if p["lu"] == "0901":
                # Old-street houses with shops: same fabric, commercial use.
                recs = [dict(r, use="commercial") if r["use"] == "residential" else r for r in recs]
            return [dict(r, shape=back(r["shape"])) for r in recs]
    p["failed"] = True
    return []


def populate(parcels, rng):
    """Buildings for every parcel; built parcels where nothing sensible fits become pocket parks."""
    for p in parcels:
        recs = buildings_for(p, rng)
        # The setback keeps footprints well inside; this only guards against numerical edge cases.
        p["buildings"] = [r for r in recs if p["geom"].contains(r["shape"])]
        if p["kind"] == "complex" and not p["buildings"]:
            # Too small or odd for a complex: a row of shops still fits.
            p["kind"] = "shops"
            p["buildings"] = [r for r in buildings_for(p, rng) if p["geom"].contains(r["shape"])]
        floor_area = sum(r["shape"].area * r["floors"] for r in p["buildings"])
        # Warehouses are low and sparse by nature; the others should reach a modest FAR.
        least_far = {"0801": 0.3, "0806": 0.3, "0901": 0.3, "1101": 0.1}.get(p["lu"])
        if p["kind"] == "village_office":
            least_far = 0.01  # a village hall is a small house on a big plot
        empty = least_far is not None and floor_area < least_far * p["geom"].area
        if p.pop("failed", False) or empty:
            set_lu(p, "1402" if p["unit"] == "U3" else "1401", None, role="pocket")
            p["buildings"] = []


def storey_height(use, roof):
    return METAL_SHED_STOREY_M if roof == "industrial_metal" else STOREY_M[use]


def residents_of(use, floor_area):
    if use != "residential":
        return 0
    return int(round(floor_area / GFA_PER_HOUSEHOLD_M2 * PERSONS_PER_HOUSEHOLD))


# ----------------------------------------------------------------------------- parcel attributes

def green_ratio(p, rng):
    """Green ratio (绿地率) from the plan: residential 0.30-0.40, industry capped at 0.20."""
    lu, kind = p["lu"], p["kind"]
    ranges = {"0701": (0.30, 0.33) if p["unit"] == "U2" else (0.30, 0.40), "0703": (0.15, 0.25),
              "0801": (0.30, 0.35), "0804": (0.35, 0.40), "0806": (0.35, 0.40), "0901": (0.20, 0.25),
              "1001": (0.15, 0.20), "1101": (0.10, 0.15), "1401": (0.70, 0.85), "1402": (0.85, 0.95),
              "1403": (0.25, 0.35), "0301": (0.95, 0.95), "0101": (0.0, 0.0), "1701": (0.0, 0.0)}
    lo, hi = ranges[lu]
    if kind == "historic":
        lo, hi = 0.30, 0.31
    return round(float(rng.uniform(lo, hi)), 2)


def order_key(geom):
    """North-west first, row by row: ids then read like a map."""
    c = geom.centroid
    return (-round((c.y - ORIGIN[1]) / 150.0), c.x)


# ----------------------------------------------------------------------------- landcover

def landcover_pieces(parcels, corridors):
    """(geometry, class) per parcel part: built parcels split into built-up ground and lawns."""
    pieces = [(corridors, "road")]
    for p in parcels:
        lu = p["lu"]
        if lu in LANDCOVER_OF_LU:
            pieces.append((p["geom"], LANDCOVER_OF_LU[lu]))
        elif p["kind"] == "cleared":
            pieces.append((p["geom"], "bare"))
        elif not p["buildings"]:
            pieces.append((p["geom"], "built_up"))
        else:
            # Yards, parking and lanes around buildings count as built-up; wide lawns as green.
            reach = 12.0 if lu in ("1001", "1101") else 4.0 if p["kind"] in ("historic", "village") else 7.0
            built = shapely.union_all([b["geom"].buffer(reach, join_style="mitre") for b in p["buildings"]])
            # Only lawns a 10 m land-cover product would see: wide and not tiny.
            green = shapely.union_all(polygons_of(opening(p["geom"].difference(built), 5.0), 1000.0))
            pieces += [(green, "park_green"), (p["geom"].difference(green), "built_up")]
    return [(g, cls) for g, cls in pieces if not g.is_empty]


def landcover(parcels, corridors, district):
    """A gap-free, overlap-free cover of the district.

    Overlay results never meet exactly (crumbs of a few cm² appear along every shared edge), so
    the cover is rebuilt as one planar partition: all outlines are noded and polygonized, each
    face takes the class of the piece it lies in, crumbs and orphans join the neighbour they
    share the longest edge with, and faces are dissolved per class.
    """
    pieces = landcover_pieces(parcels, corridors)
    linework = shapely.union_all([g.boundary for g, _ in pieces] + [district.boundary])
    faces = [f for f in shapely.get_parts(shapely.polygonize(shapely.get_parts(linework)))
             if district.contains(f.representative_point())]
    piece_tree = shapely.STRtree([g for g, _ in pieces])
    classes = []
    for f in faces:
        hits = piece_tree.query(f.representative_point(), predicate="intersects")
        classes.append(pieces[min(hits)][1] if len(hits) and f.area >= 1.0 else None)
    face_tree = shapely.STRtree(faces)
    for _ in range(3):
        for i, f in enumerate(faces):
            if classes[i] is not None:
                continue
            shared = [(f.boundary.intersection(faces[j].boundary).length, j)
                      for j in face_tree.query(f, predicate="intersects") if j != i and classes[j] is not None]
            if shared:
                classes[i] = classes[max(shared)[1]]
    dissolved = []
    for cls in LANDCOVER:
        members = [f for f, c in zip(faces, classes) if c == cls]
        dissolved += [(g, cls) for g in (polygons_of(shapely.union_all(members), 0.0) if members else [])]
    # Rounded lawn edges cost many vertices; simplifying the cover as a whole keeps shared edges shared.
    simple = shapely.coverage_simplify([g for g, _ in dissolved], LANDCOVER_SIMPLIFY_M)
    return [(g, {"lucode": LANDCOVER[cls][0], "class": cls, "class_zh": LANDCOVER[cls][1]})
            for g, (_, cls) in zip(simple, dissolved)]


# ----------------------------------------------------------------------------- transit

def junctions(edges):
    """Nodes where roads of different names meet, with the names present."""
    names = {}
    for e in edges:
        for k in edge_ends(e):
            names.setdefault(k, {})[e["name"]] = e["name_zh"]
    return {k: v for k, v in names.items() if len(v) >= 2}


def rail_stations(edges, trunk_name, targets_x):
    """Stations of a metro line under the trunk road, at its junctions nearest the target x."""
    nodes = [k for k, v in junctions(edges).items() if trunk_name in v]
    return [Point(min(nodes, key=lambda k: abs(k[0] - (ORIGIN[0] + x)))) for x in targets_x]


# How many bus stops a unit gets, relative to an urban unit (rural areas are poorly served).
BUS_SERVICE = {"U1": 1.0, "U2": 1.0, "U6": 1.0, "U3": 0.6, "U4": 0.4, "U5": 0.3}


def bus_stops(edges, units, stations, rng):
    nodes = junctions(edges)
    groups = {}
    for e in edges:
        if e["cls"] in ("trunk", "primary", "secondary"):
            groups.setdefault((e["name"], e["name_zh"]), []).append(e["geom"])
    stops = []
    for (name, name_zh), geoms in groups.items():
        for line in lines_of(shapely.union_all(geoms)):
            d = rng.uniform(120.0, 320.0)
            while d < line.length - 60.0:
                pt = line.interpolate(d)
                d += rng.uniform(520.0, 680.0)
                uid = next(u for u, poly in units.items() if poly.buffer(1.0).contains(pt))
                if rng.random() >= BUS_SERVICE[uid]:
                    continue
                if any(pt.distance(s[0]) < 250.0 for s in stops) or any(pt.distance(s) < 120.0 for s in stations):
                    continue
                stops.append((pt, *stop_name(pt, name, name_zh, nodes, stops)))
    return stops


def stop_name(pt, name, name_zh, nodes, stops):
    """Chinese bus stops are named after the nearest crossing: 禾兴路新丰路口."""
    crossings = sorted((pt.distance(Point(k)), k) for k, v in nodes.items() if name in v)
    taken = {s[1] for s in stops}
    for dist, k in crossings[:3]:
        if dist > 300.0:
            break
        other = next(((n, z) for n, z in nodes[k].items() if n != name), None)
        if other is None:
            continue
        label, label_zh = f"{name} / {other[0]}", f"{name_zh}{other[1]}口"
        if label in taken:
            east = pt.x - k[0]
            north = pt.y - k[1]
            side = ("East", "东") if abs(east) >= abs(north) and east > 0 else ("West", "西") if abs(east) >= abs(north) \
                else ("North", "北") if north > 0 else ("South", "南")
            label, label_zh = f"{label} {side[0]}", f"{label_zh}{side[1]}"
        if label not in taken:
            return label, label_zh
    n = sum(1 for s in stops if s[1].startswith(name)) + 1
    return f"{name} Stop {n}", f"{name_zh}{CN_DIGITS[min(n, 10)]}站"


# ----------------------------------------------------------------------------- flood zones

FLOOD_DEPTHS = (0.15, 0.4, 0.8, 1.5)
# Reach (m beyond the bank) of each depth band along the river, and radius of each band in the
# low-lying spots; deeper water reaches less far.
RIVER_REACH = {0.15: 170.0, 0.4: 100.0, 0.8: 45.0, 1.5: 12.0}
LOW_SPOTS = [  # centre (local m), radius per depth (m): an old-quarter basin and a rural polder
    ((930.0, 2520.0), {0.15: 230.0, 0.4: 150.0, 0.8: 80.0, 1.5: 30.0}),
    ((2150.0, 330.0), {0.15: 280.0, 0.4: 170.0, 0.8: 70.0}),
]
# The road underpass at the eastern rail station ponds in heavy rain (radius per depth, m).
UNDERPASS = {0.15: 90.0, 0.4: 55.0, 0.8: 25.0}


def flood_bands(rng, river_centre, district, underpass, scale):
    """Nested polygons per depth: width wobbles along the river, low spots are lumpy circles."""
    wobble = smooth_profile(rng, (1700.0, 600.0), (0.3, 0.15))
    spots = LOW_SPOTS + [((underpass.x - ORIGIN[0], underpass.y - ORIGIN[1]), UNDERPASS)]
    lump = [rng.uniform(0.0, 2 * np.pi, 2) for _ in spots]
    s = np.arange(0.0, river_centre.length, 25.0)
    pts = shapely.line_interpolate_point(river_centre, s)
    g = np.clip(0.8 + wobble(s), 0.15, 1.4)
    zones = []
    for depth in FLOOD_DEPTHS:
        radius = 30.0 + RIVER_REACH[depth] * scale * g
        band = shapely.union_all(shapely.buffer(pts, radius, quad_segs=6)).simplify(1.0)
        zones.append((band, depth))
        for (centre, radii), phase in zip(spots, lump):
            if depth not in radii:
                continue
            theta = np.linspace(0.0, 2 * np.pi, 73)[:-1]
            r = radii[depth] * scale * (1 + 0.22 * np.sin(2 * theta + phase[0]) + 0.12 * np.sin(3 * theta + phase[1]))
            xy = world(np.column_stack([centre[0] + r * np.cos(theta), centre[1] + r * np.sin(theta)]))
            zones.append((Polygon(xy), depth))
    return [(g2, depth) for geom, depth in zones for g2 in polygons_of(geom.intersection(district), 100.0)]


def flooded_share(zones, footprints):
    tree = shapely.STRtree([z for z, _ in zones])
    hit = np.unique(tree.query(footprints, predicate="intersects")[0])
    return len(hit) / max(len(footprints), 1)


def calibrated_flood_zones(seed, river_centre, district, underpass, footprints):
    """Scale the bands until the share of touched buildings lands in the target range.

    The same seed gives the same band shapes at every scale, so this stays deterministic while
    keeping the demo's exposure meaningful whatever the building layout turns out to be.
    """
    lo, hi = 0.3, 2.5
    scale = 1.0
    for _ in range(12):
        zones = flood_bands(np.random.default_rng(seed), river_centre, district, underpass, scale)
        share = flooded_share(zones, footprints)
        if FLOODED_SHARE_TARGET[0] <= share <= FLOODED_SHARE_TARGET[1]:
            break
        lo, hi = (scale, hi) if share < FLOODED_SHARE_TARGET[0] else (lo, scale)
        scale = (lo + hi) / 2.0
    return zones, share


# ----------------------------------------------------------------------------- green, facilities, shelters

def park_type(p):
    if p["lu"] == "1402":
        return "protective"
    if p["role"] in ("central_park", "wetland_park") or p["geom"].area >= 100000:
        return "comprehensive"
    return "community" if p["geom"].area >= 10000 else "pocket"


def name_green_spaces(parcels, edges, names):
    """Names for parks, green belts and squares; sections of one park share its name."""
    sections = {}
    for p in parcels:
        if p["lu"] not in ("1401", "1402", "1403"):
            continue
        role = p["role"]
        if role == "central_park":
            base = ("Hexing Central Park", "禾兴中央公园")
        elif role == "wetland_park":
            base = ("Luxi Wetland Park", "芦溪湿地公园")
        elif role == "riverside":
            base = (("Yunhe Riverside Park", "运河滨河公园") if p["lu"] == "1401"
                    else ("Yunhe Protective Green Belt", "运河防护绿带"))
        elif role == "trunk_belt":
            base = ("Jiahe Avenue Green Belt", "嘉禾大道防护绿带")
        elif p["lu"] == "1402":
            # Named after the road whose kerb it lines (the nearest corridor edge, not centre line).
            e = min(edges, key=lambda e: e["geom"].distance(p["geom"]) - e["width"] / 2.0)
            base = (f"{e['name']} Green Belt", f"{e['name_zh']}防护绿带")
        elif p["lu"] == "1403":
            n, z = next(names)
            base = (f"{n} Square", f"{z}广场")
        else:
            n, z = next(names)
            base = (f"{n} Pocket Park", f"{z}口袋公园") if park_type(p) == "pocket" else (f"{n} Park", f"{z}公园")
        sections.setdefault(base, []).append(p)
    for (name, name_zh), group in sections.items():
        group.sort(key=lambda p: p["geom"].centroid.x)
        for i, p in enumerate(group, 1):
            p["base_name"] = (name, name_zh)
            if len(group) == 1:
                p["name"], p["name_zh"] = name, name_zh
            else:
                p["name"], p["name_zh"] = f"{name} Section {i}", f"{name_zh}{cn_number(i)}段"


def cn_number(n):
    if n <= 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + CN_DIGITS[n - 10]
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


FACILITY_PLAN = {  # deliberately uneven: the village and the industrial park are under-served
    "U1": {"kindergarten": 4, "primary_school": 4, "middle_school": 2, "clinic": 2, "elderly_care": 1,
           "market": 2, "community_center": 2, "sports": 2},
    "U2": {"kindergarten": 2, "primary_school": 1, "middle_school": 1, "clinic": 1, "elderly_care": 2,
           "market": 1, "community_center": 1},
    "U3": {"clinic": 1, "market": 1},
    "U4": {"primary_school": 1, "clinic": 1, "elderly_care": 1, "community_center": 1},
    "U5": {"sports": 1},
    "U6": {"kindergarten": 1, "primary_school": 1, "clinic": 1, "market": 1, "community_center": 1, "sports": 1},
}
FACILITY_HOSTS = {  # land uses that can host each facility, best first
    "kindergarten": ("0701", "0703"), "primary_school": ("0804",), "middle_school": ("0804",),
    "clinic": ("0806", "0701", "0703", "0801"), "elderly_care": ("0701", "0703", "0801"),
    "market": ("0901", "0801", "0703"), "community_center": ("0801", "0701", "0703"),
    "sports": ("1401", "1403"),
}
FACILITY_NAMES = {
    "kindergarten": ("Kindergarten", "幼儿园"), "primary_school": ("Primary School", "小学"),
    "middle_school": ("Middle School", "中学"), "clinic": ("Community Health Station", "社区卫生服务站"),
    "elderly_care": ("Elderly Day Care Centre", "居家养老服务中心"), "market": ("Farmers' Market", "农贸市场"),
    "community_center": ("Community Service Centre", "社区服务中心"), "sports": ("Fitness Centre", "全民健身中心"),
}
HOST_USE = {"0804": "school", "0806": "hospital", "0901": "commercial", "0801": "office"}


def spot_in(p, avoid=None):
    """A point for a facility: in its main building if the parcel has one of the right use,
    otherwise in the open part of the parcel (outside buildings and, if given, outside ``avoid``)."""
    use = HOST_USE.get(p["lu"])
    matching = [b["geom"] for b in p["buildings"] if b["use"] == use]
    if matching and avoid is None:
        return max(matching, key=lambda g: g.area).point_on_surface()
    space = p["geom"]
    if p["buildings"]:
        space = space.difference(shapely.union_all([b["geom"].buffer(3.0) for b in p["buildings"]]))
    if avoid is not None:
        space = space.difference(avoid)
    parts = polygons_of(space, 10.0)
    if not parts:
        return None
    return max(parts, key=lambda g: g.area).point_on_surface()


def place_facilities(parcels, rng, names):
    """Facilities per unit following FACILITY_PLAN; schools name their parcel for the shelters."""
    facilities, used = [], set()
    for uid, plan in FACILITY_PLAN.items():
        for fac_type, count in plan.items():
            for _ in range(count):
                host = facility_host(parcels, uid, fac_type, used, rng)
                if host is None:
                    continue
                used.add(id(host))
                if fac_type in ("primary_school", "middle_school"):
                    host["school_name"] = next(names)
                    base = host["school_name"]
                elif "base_name" in host:
                    base = host["base_name"]
                else:
                    base = next(names)
                label, label_zh = FACILITY_NAMES[fac_type]
                facilities.append((spot_in(host), fac_type, f"{base[0]} {label}", f"{base[1]}{label_zh}"))
    return facilities


def facility_host(parcels, uid, fac_type, used, rng):
    """A random parcel of the best available host land use; shares a parcel only when it must."""
    for lu, share in [(lu, share) for share in (False, True) for lu in FACILITY_HOSTS[fac_type]]:
        pool = [p for p in parcels if p["unit"] == uid and p["lu"] == lu and (share or id(p) not in used)]
        if fac_type in ("primary_school", "middle_school"):
            pool = [p for p in pool if p.get("school") == fac_type]
        if fac_type == "sports":
            pool = [p for p in pool if p["geom"].area > 8000]
        if pool:
            return pool[int(rng.integers(len(pool)))]
    return None


def shelter_class(eff_area, central):
    """Shelter class by effective area, loosely after GB 51143-2015 (central ones are designated)."""
    if central:
        return "central"
    if eff_area >= 20000:
        return "long_term"
    return "short_term" if eff_area >= 5000 else "emergency"


def place_shelters(parcels, zones):
    """Shelters in parks, schools and squares; two deliberately sit where the design flood reaches."""
    flood = shapely.union_all([z for z, _ in zones])

    def first(pred, key=lambda p: -p["geom"].area):
        pool = sorted((p for p in parcels if pred(p)), key=key)
        return pool[0] if pool else None

    def school(level, uid):
        return first(lambda p: p.get("school") == level and p["unit"] == uid)

    def pocket(uid):
        return first(lambda p: p["lu"] == "1401" and p["unit"] == uid and 3000 < p["geom"].area < 15000
                     and p["role"] not in ("riverside", "wetland_park") and not p["geom"].intersects(flood))

    picks = [  # (parcel, deliberately flooded, central)
        (first(lambda p: p["role"] == "central_park"), False, True),
        (first(lambda p: p["role"] == "wetland_park"), False, False),
        (school("middle_school", "U1"), False, False),
        (school("primary_school", "U1"), False, False),
        (school("middle_school", "U2"), False, False),
        (school("primary_school", "U4"), False, False),
        (first(lambda p: p["role"] == "river_square"), False, False),
        (first(lambda p: p["lu"] == "1403" and p["unit"] == "U2"), False, False),
        (pocket("U1"), False, False),
        (pocket("U2"), False, False),
        # A riverside park section and the square at the underpass: places people would go,
        # which the design flood reaches; the resilience check should flag them.
        (first(lambda p: p["role"] == "riverside" and p["lu"] == "1401" and p["unit"] == "U6"
               and p["geom"].area > 5000 and p["geom"].intersects(flood), key=lambda p: p["geom"].area), True, False),
        (first(lambda p: p["role"] == "station_square" and p["geom"].intersects(flood)), True, False),
    ]
    shelters = []
    for p, in_flood, central in picks:
        if p is None or any(p is q for q, *_ in shelters):
            continue
        if in_flood:
            wet = polygons_of(p["geom"].intersection(flood), 10.0)
            spot = max(wet, key=lambda g: g.area).point_on_surface() if wet else None
        else:
            spot = spot_in(p, avoid=flood)
        if spot is None:
            continue
        footprint = sum(b["geom"].area for b in p["buildings"])
        # Usable open ground: a school's sports field, most of a square, the lawns of a park.
        share = {"0804": 0.3, "1403": 0.75}.get(p["lu"], 0.6)
        eff = round(share * (p["geom"].area - footprint), 1)
        if p["lu"] == "0804":
            label, label_zh = FACILITY_NAMES[p["school"]]
            name, name_zh = f"{p['school_name'][0]} {label}", f"{p['school_name'][1]}{label_zh}"
        else:
            name, name_zh = p["name"], p["name_zh"]
        shelters.append((p, spot, name + " Emergency Shelter", name_zh + "应急避难场所",
                         shelter_class(eff, central), eff, int(eff // 2)))
    return [s[1:] for s in shelters]


# ----------------------------------------------------------------------------- writing

def write_layer(ds, srs, name, geom_type, fields, rows, description):
    layer = ds.CreateLayer(name, srs, geom_type, options=["SPATIAL_INDEX=YES", "FID=fid", f"DESCRIPTION={description}"])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for geom, attrs in rows:
        feature = ogr.Feature(defn)
        for key, value in attrs.items():
            if value is None:
                feature.SetFieldNull(key)
            else:
                feature.SetField(key, value.item() if isinstance(value, np.generic) else value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger
SCHEMA = {
    "planning_units": (ogr.wkbPolygon, [("unit_id", S), ("name", S), ("name_zh", S), ("pilot_type", S),
                                        ("pilot_type_zh", S)],
                       "Six pilot planning units that tile the demo district"),
    "parcels": (ogr.wkbPolygon, [("parcel_id", S), ("unit_id", S), ("lu_code", S), ("lu_name", S), ("lu_name_zh", S),
                                 ("far", R), ("green_ratio", R), ("residents", I)],
                "Land parcels, land use after China's territorial spatial use classification (2023)"),
    "buildings": (ogr.wkbPolygon, [("bldg_id", S), ("parcel_id", S), ("unit_id", S), ("floors", I), ("height_m", R),
                                   ("use", S), ("use_zh", S), ("residents", I), ("roof_type", S)],
                  "Building footprints; about 2% have no floor count on purpose"),
    "landcover": (ogr.wkbPolygon, [("lucode", I), ("class", S), ("class_zh", S)],
                  "Land cover without gaps or overlaps"),
    "roads": (ogr.wkbLineString, [("road_id", S), ("road_class", S), ("name", S), ("width_m", R)],
              "Road centre lines split at junctions; width_m is the red-line width"),
    "transit_stops": (ogr.wkbPoint, [("stop_id", S), ("stop_type", S), ("name", S), ("name_zh", S)],
                      "Rail stations and bus stops on road centre lines"),
    "flood_zones": (ogr.wkbPolygon, [("zone_id", S), ("depth_m", R), ("event", S)],
                    "Design-storm flood depth bands; deeper bands are nested inside shallower ones"),
    "shelters": (ogr.wkbPoint, [("shelter_id", S), ("name", S), ("name_zh", S), ("shelter_type", S),
                                ("eff_area_m2", R), ("capacity", I)],
                 "Emergency shelters; capacity is effective area / 2 m2 per person"),
    "facilities": (ogr.wkbPoint, [("fac_id", S), ("fac_type", S), ("name", S), ("name_zh", S)],
                   "Community facilities"),
    "green_spaces": (ogr.wkbPolygon, [("green_id", S), ("name", S), ("name_zh", S), ("park_type", S), ("area_m2", R)],
                     "Parks and protective green; geometries equal the 1401/1402 parcels"),
}


def write_geopackage(path, layers):
    # A fixed timestamp in gpkg_contents keeps reruns byte-for-byte comparable.
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2024-06-07T00:00:00.000Z")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, (geom_type, fields, description) in SCHEMA.items():
        write_layer(ds, srs, name, geom_type, fields, layers[name], description)
    ds = None


# ----------------------------------------------------------------------------- assembly

def village_centres(rng, unit_poly):
    """Up to six hamlets spread over the rural unit, each with a radius (m)."""
    centres = []
    minx, miny, maxx, maxy = unit_poly.bounds
    inner = unit_poly.buffer(-90.0)
    for _ in range(400):
        pt = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if inner.contains(pt) and all(pt.distance(c) > 400.0 for c, _ in centres):
            centres.append((pt, float(rng.uniform(110.0, 180.0))))
        if len(centres) == 6:
            break
    return centres


def name_stream(rng, taken):
    pool = [n for n in PLACE_NAMES if n[1] not in taken]
    order = rng.permutation(len(pool))
    i = 0
    while True:
        base = pool[order[i % len(pool)]]
        # After the pool runs out, reuse it with a direction; never hand out the same name twice.
        rounds = i // len(pool)
        yield base if rounds == 0 else (f"{base[0]} {['', 'East', 'West', 'North', 'South'][rounds % 5]}".strip(),
                                        base[1] + ["", "东", "西", "北", "南"][rounds % 5])
        i += 1


# Names already taken by units, arterials and numbered streets; the name pool skips them.
RESERVED_NAMES = {"禾兴", "梅湾", "长盛", "桃园", "芦溪", "运河", "嘉禾", "城南", "秀水", "文昌", "科技", "滨河", "工业"}


def lay_out_site(rng):
    """Water, planning units and the road network: the frame everything else is placed in."""
    district = box(*ORIGIN, *(ORIGIN + SIZE))
    river_centre, river_poly = make_river(rng)
    _, canal_poly = make_canal(rng, river_centre)
    river_poly, canal_poly = river_poly.intersection(district), canal_poly.intersection(district)
    lines, majors = make_major_roads(rng, river_centre)
    units = make_units(district, lines, river_centre)
    names = name_stream(rng, RESERVED_NAMES)
    edges = build_road_network(rng, district, units, majors, river_poly, canal_poly, names)

    def roads_where(test):
        return shapely.union_all([e["geom"] for e in edges if test(e)])

    stations = rail_stations(edges, "Jiahe Avenue", (1550.0, 3250.0))
    return dict(district=district, river_centre=river_centre, river_poly=river_poly, canal_poly=canal_poly,
                water=shapely.union_all([river_poly, canal_poly]), units=units, names=names, edges=edges,
                corridors=road_corridors(edges, district), stations=stations,
                trunk=roads_where(lambda e: e["cls"] == "trunk"),
                arterials=roads_where(lambda e: e["cls"] in ("trunk", "primary")),
                keji=roads_where(lambda e: e["name"] == "Keji Road"),
                villages=village_centres(rng, units["U4"]))


def develop(rng, site):
    """Blocks, parcels with their land use, and buildings; parcels get ids in map order."""
    blocks = make_blocks(site["district"], site["corridors"], site["water"], site["units"])
    parcels = make_parcels(rng, blocks, site) + water_parcels(site["water"], site["corridors"], site["units"])
    for planner in (plan_new_town, plan_old_quarter, plan_industrial, plan_village, plan_wetland, plan_waterfront):
        planner(parcels, site, rng)
    parcels.sort(key=lambda p: (p["unit"], order_key(p["geom"])))
    populate(parcels, rng)
    for i, p in enumerate(parcels, 1):
        p["id"] = f"P{i:04d}"
    return parcels, finish_buildings(parcels, rng)


def unit_rows(units):
    rows = []
    for uid, poly in units.items():
        name, name_zh, pilot, pilot_zh = UNITS[uid]
        rows += [(part, dict(unit_id=uid, name=name, name_zh=name_zh, pilot_type=pilot, pilot_type_zh=pilot_zh))
                 for part in polygons_of(poly)]
    return rows


def parcel_rows(parcels, rng):
    rows = []
    for p in parcels:
        floor_area = sum(b["gfa"] for b in p["buildings"])
        lu_name, lu_name_zh = LAND_USES[p["lu"]]
        rows.append((p["geom"], dict(
            parcel_id=p["id"], unit_id=p["unit"], lu_code=p["lu"], lu_name=lu_name, lu_name_zh=lu_name_zh,
            far=round(floor_area / p["geom"].area, 2), green_ratio=green_ratio(p, rng),
            residents=int(sum(b["residents"] for b in p["buildings"])))))
    return rows


def building_rows(buildings):
    return [(b["geom"], dict(bldg_id=f"B{i:05d}", parcel_id=b["parcel"]["id"], unit_id=b["unit"],
                             floors=b["floors_out"], height_m=b["height_out"], use=b["use"],
                             use_zh=USES_ZH[b["use"]], residents=b["residents"], roof_type=b["roof"]))
            for i, b in enumerate(buildings, 1)]


def road_rows(edges):
    ordered = sorted(edges, key=lambda e: (ROAD_RANK[e["cls"]], e["name"], order_key(e["geom"])))
    return [(e["geom"], dict(road_id=f"R{i:04d}", road_class=e["cls"], name=e["name"], width_m=e["width"]))
            for i, e in enumerate(ordered, 1)]


def stop_rows(site, rng):
    nodes = junctions(site["edges"])
    rows = []
    for i, st in enumerate(site["stations"], 1):
        # Metro stations are named after the road crossing the line there.
        cross, cross_zh = next((n, z) for n, z in nodes[(st.x, st.y)].items() if n != "Jiahe Avenue")
        rows.append((st, dict(stop_id=f"RS{i}", stop_type="rail", name=f"{cross} Station", name_zh=f"{cross_zh}站")))
    for i, (pt, name, name_zh) in enumerate(bus_stops(site["edges"], site["units"], site["stations"], rng), 1):
        rows.append((pt, dict(stop_id=f"BS{i:02d}", stop_type="bus", name=name, name_zh=name_zh)))
    return rows


def flood_rows(zones):
    ordered = sorted(zones, key=lambda z: (z[1], order_key(z[0])))
    return [(geom, dict(zone_id=f"FZ{i:02d}", depth_m=depth, event="design storm, 50-year return period"))
            for i, (geom, depth) in enumerate(ordered, 1)]


def green_rows(parcels):
    greens = [p for p in parcels if p["lu"] in ("1401", "1402")]
    return [(p["geom"], dict(green_id=f"G{i:03d}", name=p["name"], name_zh=p["name_zh"], park_type=park_type(p),
                             area_m2=round(p["geom"].area, 1)))
            for i, p in enumerate(greens, 1)]


def generate(seed=SEED):
    """Every layer as {name: [(geometry, attributes), ...]}, and the share of buildings in a flood zone."""
    rng = np.random.default_rng(seed)
    site = lay_out_site(rng)
    parcels, buildings = develop(rng, site)
    layers = {
        "planning_units": unit_rows(site["units"]),
        "parcels": parcel_rows(parcels, rng),
        "buildings": building_rows(buildings),
        "landcover": landcover(parcels, site["corridors"], site["district"]),
        "roads": road_rows(site["edges"]),
        "transit_stops": stop_rows(site, rng),
    }
    zones, share = calibrated_flood_zones(int(rng.integers(1 << 31)), site["river_centre"], site["district"],
                                          site["stations"][1], [b["geom"] for b in buildings])
    layers["flood_zones"] = flood_rows(zones)
    name_green_spaces(parcels, site["edges"], site["names"])
    layers["green_spaces"] = green_rows(parcels)
    facilities = place_facilities(parcels, rng, site["names"])
    layers["facilities"] = [(pt, dict(fac_id=f"F{i:03d}", fac_type=kind, name=name, name_zh=name_zh))
                            for i, (pt, kind, name, name_zh) in enumerate(facilities, 1)]
    layers["shelters"] = [(pt, dict(shelter_id=f"SH{i:02d}", name=name, name_zh=name_zh, shelter_type=kind,
                                    eff_area_m2=eff, capacity=cap))
                          for i, (pt, name, name_zh, kind, eff, cap) in enumerate(place_shelters(parcels, zones), 1)]
    return layers, share


def finish_buildings(parcels, rng):
    """Final building records (floor area, height, residents) per parcel and as one list."""
    out = []
    for p in parcels:
        p["buildings"] = [building_record(p, r) for r in p["buildings"]]
        out += p["buildings"]
    for i in rng.choice(len(out), size=int(round(MISSING_FLOORS_SHARE * len(out))), replace=False):
        # Residents stay: registration data usually survive where the building survey has gaps.
        out[i]["floors_out"] = out[i]["height_out"] = None
    return out


def building_record(p, r):
    floor_area = r["shape"].area * r["floors"]
    return dict(geom=r["shape"], parcel=p, unit=p["unit"], use=r["use"], roof=r["roof"], gfa=floor_area,
                residents=residents_of(r["use"], floor_area), floors_out=r["floors"],
                height_out=round(r["floors"] * storey_height(r["use"], r["roof"]), 1))


def main(argv):
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    gdal.UseExceptions()
    ogr.UseExceptions()
    layers, share = generate()
    write_geopackage(output, layers)
    counts = ", ".join(f"{k} {len(v)}" for k, v in layers.items())
    print(f"{output}: {counts}; {share:.1%} of buildings touch a flood zone")


if __name__ == "__main__":
    main(sys.argv)
