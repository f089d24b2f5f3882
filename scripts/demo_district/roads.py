"""The road network: arterials, each unit's streets, noding into a routable graph, road corridors."""
import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point
from shapely.ops import linemerge, substring

from .common import SIZE, bent_line, cut_between, lines_of, order_key, world
from .names import cn_number, ordinal


ROAD_RANK = {"trunk": 0, "primary": 1, "secondary": 2, "branch": 3}


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


def road_rows(edges):
    ordered = sorted(edges, key=lambda e: (ROAD_RANK[e["cls"]], e["name"], order_key(e["geom"])))
    return [(e["geom"], dict(road_id=f"R{i:04d}", road_class=e["cls"], name=e["name"], width_m=e["width"]))
            for i, e in enumerate(ordered, 1)]
