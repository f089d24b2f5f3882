"""Planning units: the six pilot units that tile the district, and the village hamlets."""
import shapely
from shapely.geometry import Point, box
from shapely.ops import polygonize

from .common import ORIGIN, cut_between, polygons_of, value_along


UNITS = {
    "U1": ("Hexing New Town", "禾兴新城", "new_town", "新城建设"),
    "U2": ("Meiwan Old Neighbourhoods", "梅湾老旧小区片区", "old_community_renovation", "老旧小区改造"),
    "U3": ("Changsheng Industrial Park", "长盛工业园区", "industrial_park_renewal", "产业园区更新"),
    "U4": ("Taoyuan Village", "桃园村", "rural_low_carbon_village", "乡村低碳示范"),
    "U5": ("Luxi Wetland", "芦溪湿地", "ecological_area", "生态保育区"),
    "U6": ("Yunhe Waterfront", "运河滨水区", "waterfront_renewal", "滨水地区更新"),
}


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


def unit_rows(units):
    rows = []
    for uid, poly in units.items():
        name, name_zh, pilot, pilot_zh = UNITS[uid]
        rows += [(part, dict(unit_id=uid, name=name, name_zh=name_zh, pilot_type=pilot, pilot_type_zh=pilot_zh))
                 for part in polygons_of(poly)]
    return rows
