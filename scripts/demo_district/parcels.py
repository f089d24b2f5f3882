"""Blocks, parcels and their land use, planned unit by unit."""
import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from .common import ORIGIN, SIZE, long_axis, opening, pick, polygons_of, project, row_angle, value_along, world
from .lid import lid_measures


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


def split_in_two(poly, rng):
    """Cut a polygon across its long axis at a random point near the middle."""
    u = long_axis(poly)
    v = np.array([-u[1], u[0]])
    s = project(poly.exterior.coords, u)
    cut = s.min() + rng.uniform(0.38, 0.62) * (s.max() - s.min())
    p = u * cut + v * project(poly.centroid.coords[0], v)
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


def parcel_rows(parcels, rng, lid_rng):
    """Attributes per parcel; ``lid_rng`` is a stream of its own, so adding the LID columns left every
    other draw, and so every other layer, as it was."""
    rows = []
    for p in parcels:
        floor_area = sum(b["gfa"] for b in p["buildings"])
        lu_name, lu_name_zh = LAND_USES[p["lu"]]
        green = green_ratio(p, rng)
        rows.append((p["geom"], dict(
            parcel_id=p["id"], unit_id=p["unit"], lu_code=p["lu"], lu_name=lu_name, lu_name_zh=lu_name_zh,
            far=round(floor_area / p["geom"].area, 2), green_ratio=green,
            residents=int(sum(b["residents"] for b in p["buildings"])), **lid_measures(p, green, lid_rng))))
    return rows
