"""Buildings: footprints packed into parcels by use, floors, heights and residents."""
import math

import numpy as np
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.prepared import prep

from .common import pick
from .parcels import set_lu


# Household size and floor area per household used to turn residential floor area into people.
PERSONS_PER_HOUSEHOLD = 2.8
GFA_PER_HOUSEHOLD_M2 = 90.0
# Share of buildings whose floor count is blanked, to mimic gaps in surveyed data.
MISSING_FLOORS_SHARE = 0.02

USES_ZH = {"residential": "住宅", "office": "办公", "commercial": "商业", "hotel": "酒店",
           "school": "学校", "hospital": "医院", "industrial": "工业", "other": "其他"}
# Storey heights (m). Sheds and warehouses under metal roofs are single tall halls, so they get
# their own value whatever the use.
STOREY_M = {"residential": 3.0, "office": 3.8, "commercial": 4.5, "hotel": 3.3, "school": 3.6,
            "hospital": 4.0, "industrial": 6.0, "other": 3.5}
METAL_SHED_STOREY_M = 7.5


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
    # fsum, not fp @ f0: OpenBLAS sums a dot product in an order that depends on the processor.
    scale = target_gfa / max(math.fsum(fp * f0), 1e-9)
    floors = f0
    for _ in range(10):
        floors = np.clip(np.rint(f0 * scale), lo, hi)
        gfa = math.fsum(fp * floors)
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


def building_rows(buildings):
    return [(b["geom"], dict(bldg_id=f"B{i:05d}", parcel_id=b["parcel"]["id"], unit_id=b["unit"],
                             floors=b["floors_out"], height_m=b["height_out"], use=b["use"],
                             use_zh=USES_ZH[b["use"]], residents=b["residents"], roof_type=b["roof"]))
            for i, b in enumerate(buildings, 1)]


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
