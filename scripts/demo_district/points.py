"""Transit stops, community facilities and emergency shelters."""
import numpy as np
import shapely
from shapely.geometry import Point

from .common import ORIGIN, lines_of, polygons_of
from .names import CN_DIGITS
from .roads import edge_ends


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


# A community service station (社区服务站) houses the 5-minute facilities of GB 50180-2018 together.
STATION = ("kindergarten", "clinic", "elderly_care")
# Deliberately uneven: the village and the industrial park are under-served. Order matters: each
# facility is sited for the homes the ones before it serve, from the least movable (schools, on
# their parcels) to the most.
FACILITY_PLAN = {
    "U1": {"primary_school": 6, "market": 5, "station": 8, "middle_school": 2, "community_center": 2, "sports": 2},
    "U2": {"primary_school": 2, "market": 2, "station": 4, "middle_school": 1, "community_center": 1, "sports": 1},
    "U3": {"clinic": 1, "market": 1},
    "U4": {"primary_school": 1, "clinic": 1, "elderly_care": 1, "community_center": 1},
    "U5": {"sports": 1},
    "U6": {"primary_school": 1, "market": 3, "station": 5, "middle_school": 1, "community_center": 1, "sports": 1},
}
FACILITY_HOSTS = {  # land uses that can host each facility, best first
    "primary_school": ("0804",), "middle_school": ("0804",),
    "clinic": ("0806", "0701", "0703", "0801"), "elderly_care": ("0701", "0703", "0801"),
    "market": ("0901", "0801", "0703"), "community_center": ("0801", "0701", "0703"),
    "sports": ("1401", "1403"), "station": ("0701", "0703"),
}
FACILITY_NAMES = {
    "kindergarten": ("Kindergarten", "幼儿园"), "primary_school": ("Primary School", "小学"),
    "middle_school": ("Middle School", "中学"), "clinic": ("Community Health Station", "社区卫生服务站"),
    "elderly_care": ("Elderly Day Care Centre", "居家养老服务中心"), "market": ("Farmers' Market", "农贸市场"),
    "community_center": ("Community Service Centre", "社区服务中心"), "sports": ("Fitness Centre", "全民健身中心"),
}
# Walking distance (m) within which a facility serves a home: the life circles of GB 50180-2018,
# as in resources/factors/life_circle_facilities.csv.
WALK_M = {"kindergarten": 300, "clinic": 300, "elderly_care": 300, "station": 300, "primary_school": 500,
          "market": 500, "middle_school": 1000, "community_center": 1000, "sports": 1000}
# A home already served by n other types counts COMPLETION_WEIGHT ** n times when a facility is
# sited: a planner completes life circles rather than spreading every type thin. Integers, so that
# the sums are exact whatever the BLAS kernel and equal gains stay ties on every machine.
COMPLETION_WEIGHT = 20
GATE_STEP_M = 30.0   # candidate gates along a parcel's edge
DOOR_SHIFT_M = (0.0, 12.0, -12.0)   # a station's doors side by side along its edge


def spot_in(p, avoid):
    """A point in the open part of the parcel: outside its buildings and outside ``avoid``."""
    space = p["geom"]
    if p["buildings"]:
        space = space.difference(shapely.union_all([b["geom"].buffer(3.0) for b in p["buildings"]]))
    parts = polygons_of(space.difference(avoid), 10.0)
    if not parts:
        return None
    return max(parts, key=lambda g: g.area).point_on_surface()


def place_facilities(parcels, rng, names, walk):
    """Facilities per unit following FACILITY_PLAN, each at the gate where it serves the most
    residents on foot (``facility_gate``; ``walk`` a ``Walk`` of the roads); schools name their
    parcel for the shelters."""
    homes = [b for p in parcels for b in p["buildings"] if b["residents"]]
    home_at = walk.snap(shapely.point_on_surface([b["geom"] for b in homes]))
    residents = np.array([b["residents"] for b in homes], dtype=np.int64)
    served = {fac_type: np.zeros(len(homes), dtype=bool) for fac_type in FACILITY_NAMES}
    facilities, used = [], set()
    for uid, plan in FACILITY_PLAN.items():
        for key, count in plan.items():
            kinds = STATION if key == "station" else (key,)
            for _ in range(count):
                done = np.logical_and.reduce([served[k] for k in kinds])
                others = sum(v for k, v in served.items() if k not in kinds)
                host, edge, at = facility_gate(parcels, uid, key, used, rng, walk, home_at,
                                               residents * ~done * COMPLETION_WEIGHT ** others)
                if host is None:
                    continue
                used.add((id(host), key))
                for shift, fac_type in zip(DOOR_SHIFT_M, kinds):
                    spot = edge.interpolate(at + shift)
                    served[fac_type] |= walk.distances(walk.snap([spot]), home_at)[0] <= WALK_M[fac_type]
                    facilities.append((spot, fac_type, *facility_name(host, fac_type, names)))
    return facilities


def facility_name(host, fac_type, names):
    """Facilities of one parcel share its name: a school's (kept for both levels of a nine-year
    school), a park's, or one drawn for the parcel."""
    if fac_type in ("primary_school", "middle_school"):
        key = "school_name"
    elif "base_name" in host:
        key = "base_name"
    else:
        key = "facility_name"
    if key not in host:
        host[key] = next(names)
    label, label_zh = FACILITY_NAMES[fac_type]
    return f"{host[key][0]} {label}", f"{host[key][1]}{label_zh}"


def facility_gate(parcels, uid, key, used, rng, walk, home_at, weight):
    """(parcel, its edge inset 3 m, position of the gate along that edge): of the best available
    host land use, the gate (one every GATE_STEP_M along the edge) with the most ``weight`` within
    walking distance; ties drawn at random. Different kinds share a parcel; two of one kind only
    when they must. Schools go to a school parcel of their level, once those are taken to any
    school parcel (a nine-year school, 九年一贯制, teaches both levels)."""
    for lu, share in [(lu, share) for share in (False, True) for lu in FACILITY_HOSTS[key]]:
        pool = [p for p in parcels if p["unit"] == uid and p["lu"] == lu and (share or (id(p), key) not in used)]
        if key in ("primary_school", "middle_school"):
            pool = [p for p in pool if share or p.get("school") == key]
        if key == "sports":
            pool = [p for p in pool if p["geom"].area > 8000]
        if not pool:
            continue
        edges = [inner_edge(p["geom"]) for p in pool]
        steps = [np.arange(0.0, e.length, GATE_STEP_M) for e in edges]
        owner = np.repeat(np.arange(len(pool)), [len(a) for a in steps])
        at = np.concatenate(steps)
        gates = shapely.line_interpolate_point(np.array(edges, dtype=object)[owner], at)
        gain = (walk.distances(walk.snap(gates), home_at) <= WALK_M[key]).astype(np.int64) @ weight
        best = np.flatnonzero(gain == gain.max())
        pick = best[int(rng.integers(len(best)))]
        return pool[owner[pick]], edges[owner[pick]], float(at[pick])
    return None, None, None


def inner_edge(geom, inset=3.0):
    """The parcel's edge moved ``inset`` m inwards (of its largest part, where that splits it)."""
    parts = polygons_of(geom.buffer(-inset))
    return max(parts, key=lambda g: g.area).exterior if parts else geom.exterior


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
