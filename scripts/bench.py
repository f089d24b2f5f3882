"""Time the toolkit's two algorithms against the native QGIS chains that give the same answer.

lcr:building_emissions is compared with Add geometry attributes (footprint area in the layer's CRS)
and four native:fieldcalculator steps (gfa_m2, eui_kwh_m2, energy_kwh, co2_t_yr) whose CASE
expressions are built from the shipped EUI table;
lcr:flood_exposure with qgis:joinbylocationsummary (intersects, max depth, keep non-matching)
followed by four native:fieldcalculator steps (depth_m, exposed, damage_fr, pop_exp) whose CASE
does the piecewise-linear depth-damage curve. That chain is what a planner would build in the
Model Designer without the toolkit, so it is the honest baseline for "is the plugin worth it".

Inputs are synthetic (a fixed seed) memory layers in EPSG:4549 near Jiaxing: rectangular buildings
on a jittered grid, and two kinds of hazard: a few hundred overlapping, partly nested flood blobs,
and a depth grid polygonised cell by cell (100 m cells, thousands of polygons) as flood models
deliver them. The join's cost grows with the number of hazard polygons; the plugin's hardly does. Each side writes once
to memory and once to a GeoPackage, since writing files dominates real use. Only the algorithm
runs are timed; both sides' answers are checked to agree before any timing is trusted.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench.py [--sizes 10000,100000]
--habitat, --shelters and --report time lcr:habitat_fragmentation, lcr:shelter_coverage or
lcr:planning_report (on the cn_detailed check of synthetic parcels: seconds, PDF pages, HTML size) alone.
--city 1,4,8,16 and --algs 100000,1000000 run the city-scale benchmark instead (scripts/bench_city.py):
the plan checks on the demo district tiled k × k, and the per-building algorithms against the write floor;
--osm 1,2,4 times lcr:prepare_osm on Liechtenstein's extract tiled k × k (needs pyosmium, see
scripts/osm_tiles.py).
"""
import argparse
import itertools
import math
import os
import re
import shutil
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import shapely

import qgis_session
from qgis.core import QgsAggregateCalculator, QgsFeature, QgsGeometry, QgsVectorLayer

SEED = 4549
CRS = "EPSG:4549"
ORIGIN = (572000.0, 3402000.0)
SPACING_M = 50.0  # grid cell; buildings (≤ 40 m + 8 m jitter) never overlap
USES = ["residential", "office", "commercial", "hotel", "school", "hospital", "industrial", "other"]
USE_SHARES = [0.55, 0.10, 0.10, 0.03, 0.04, 0.02, 0.10, 0.06]
HAZARD_BLOBS = 240
HAZARD_COVER = 0.15  # nominal share of the area under water before blobs overlap
DEPTH_GRID_CELL_M = 100.0
SLOW_RUN_S = 30.0  # a run this slow is not repeated: one sample is enough to read the ratio
FACTORS = os.path.join(qgis_session.REPO, "resources", "factors")
GRID_FACTOR, FUEL_FACTOR, DEFAULT_FLOORS, MIN_DEPTH = 0.5306, 0.20196, 1.0, 0.0
FLOAT, INTEGER = 0, 1  # native:fieldcalculator FIELD_TYPE values
INTERSECTS, MAX = 0, 3  # qgis:joinbylocationsummary PREDICATE and SUMMARIES values
TOLERANCE = 1e-6
EXACT = {"exposed"}  # counts must match exactly, not within a tolerance
REPEATS, REPEATS_ABOVE_100K = 3, 1
CHECKED = {"building_emissions": ["gfa_m2", "eui_kwh_m2", "energy_kwh", "co2_t_yr"],
           "flood_exposure": ["depth_m", "exposed", "damage_fr", "pop_exp"]}


# ---- synthetic data ----------------------------------------------------------------------
def memory_layer(spec, name, geometries, rows, kind="Polygon"):
    layer = QgsVectorLayer(f"{kind}?crs={CRS}&{spec}", name, "memory")
    features = []
    for wkb, values in zip(shapely.to_wkb(geometries), rows):
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes(values)
        features.append(feature)
    if not layer.dataProvider().addFeatures(features):
        raise RuntimeError(f"cannot fill the memory layer {name}")
    return layer


def buildings_layer(n, rng):
    side = math.ceil(math.sqrt(n))
    x = ORIGIN[0] + (np.arange(n) % side) * SPACING_M + rng.uniform(0, 8, n)
    y = ORIGIN[1] + (np.arange(n) // side) * SPACING_M + rng.uniform(0, 8, n)
    boxes = shapely.box(x, y, x + rng.uniform(10, 40, n), y + rng.uniform(10, 40, n))
    floors = rng.integers(1, 31, n).astype(object)
    floors[rng.random(n) < 0.02] = None  # the default-floors rule must be exercised
    uses = rng.choice(USES, n, p=USE_SHARES)
    residents = rng.integers(0, 120, n)
    rows = [list(r) for r in zip(floors.tolist(), uses.tolist(), residents.tolist())]
    return memory_layer("field=floors:integer&field=use:string&field=residents:integer",
                        "buildings", boxes, rows)


def blobs(cx, cy, radius, rng, vertices=48):
    """Star-shaped wobbly discs (always valid polygons), one per centre."""
    theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    lobes = rng.integers(2, 6, len(cx))[:, None]
    phase = rng.uniform(0, 2 * np.pi, len(cx))[:, None]
    r = radius[:, None] * (1 + 0.25 * np.sin(lobes * theta + phase))
    ring = np.stack([cx[:, None] + r * np.cos(theta), cy[:, None] + r * np.sin(theta)], axis=-1)
    return shapely.polygons(np.concatenate([ring, ring[:, :1]], axis=1))


def hazard_layer(extent, rng):
    """Shallow blobs, a third of them holding a deeper nested core, scaled to cover ~HAZARD_COVER."""
    xmin, ymin, xmax, ymax = extent
    # Scale the radius to the area so the share of buildings reached stays similar at every size.
    radius = math.sqrt(HAZARD_COVER * (xmax - xmin) * (ymax - ymin) / (HAZARD_BLOBS * math.pi))
    cx, cy = rng.uniform(xmin, xmax, HAZARD_BLOBS), rng.uniform(ymin, ymax, HAZARD_BLOBS)
    outer_r = radius * rng.uniform(0.5, 1.5, HAZARD_BLOBS)
    outer_depth = rng.uniform(0.1, 1.2, HAZARD_BLOBS)
    core = rng.random(HAZARD_BLOBS) < 1 / 3
    core_depth = np.minimum(outer_depth[core] + rng.uniform(0.3, 1.3, core.sum()), 2.5)
    geometries = np.concatenate([blobs(cx, cy, outer_r, rng),
                                 blobs(cx[core], cy[core], 0.4 * outer_r[core], rng)])
    depths = np.concatenate([outer_depth, core_depth])
    return memory_layer("field=depth_m:double", "hazard", geometries, [[float(d)] for d in depths])


def depth_grid_layer(extent, rng, cell=DEPTH_GRID_CELL_M):
    """A flood model's depth raster polygonised cell by cell into depth classes (0.1 m steps),
    as planners usually receive hazard maps: thousands of small polygons, not a few bands."""
    xmin, ymin, xmax, ymax = extent
    x, y = np.meshgrid(np.arange(xmin, xmax, cell), np.arange(ymin, ymax, cell))
    wetness = np.sin(x / 700.0) + np.cos(y / 500.0) + 0.3 * rng.standard_normal(x.shape)
    wet = wetness > 1.0
    depth = np.round(np.clip((wetness[wet] - 1.0) * 1.5, 0.1, 2.5), 1)
    cells = shapely.box(x[wet], y[wet], x[wet] + cell, y[wet] + cell)
    return memory_layer("field=depth_m:double", "hazard", cells, [[float(d)] for d in depth])


# ---- native expressions built from the shipped tables ---------------------------------------
def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def read_factor_table(name):
    return pd.read_csv(os.path.join(FACTORS, name), comment="#", dtype=str, keep_default_na=False)


def eui_case(per_row):
    """CASE on the normalised use with one branch per table row (its aliases included);
    ``per_row(elec, fuel)`` is the expression text for that row; unlisted uses take "default"."""
    table = read_factor_table("building_eui.csv")
    branches, fallback = [], None
    for row in table.itertuples():
        value = per_row(float(row.elec_kwh_m2), float(row.fuel_kwh_m2))
        if row.use.strip().lower() == "default":
            fallback = value
            continue
        keys = [row.use] + row.aliases.split("|")
        names = ", ".join(quoted(k.strip().lower()) for k in keys if k.strip())
        branches.append(f"WHEN lower(trim(\"use\")) IN ({names}) THEN {value}")
    return "CASE " + " ".join(branches) + f" ELSE {fallback} END"


def damage_case():
    """np.interp as a CASE: linear between the curve's points, flat beyond its ends, 0 if dry."""
    curve = read_factor_table("flood_damage_curve.csv")
    d, f = curve["depth_m"].astype(float).tolist(), curve["damage_fraction"].astype(float).tolist()
    branches = ['WHEN "exposed" = 0 THEN 0', f'WHEN "depth_m" <= {d[0]!r} THEN {f[0]!r}']
    for i in range(1, len(d)):
        slope = (f[i] - f[i - 1]) / (d[i] - d[i - 1])
        branches.append(f'WHEN "depth_m" <= {d[i]!r} THEN {slope!r} * ("depth_m" - {d[i - 1]!r}) + {f[i - 1]!r}')
    return "CASE " + " ".join(branches) + f" ELSE {f[-1]!r} END"


def native_emissions_steps():
    return [
        # Footprint area in the layer's CRS (CALC_METHOD 0), planar like the plugin in a projected CRS;
        # an ellipsoidal area would differ by the grid scale factor.
        ("qgis:exportaddgeometrycolumns", {"CALC_METHOD": 0}),
        calculator("gfa_m2", FLOAT,
                   f'"area" * CASE WHEN "floors" > 0 THEN "floors" ELSE {DEFAULT_FLOORS!r} END'),
        calculator("eui_kwh_m2", FLOAT, eui_case(lambda elec, fuel: repr(elec + fuel))),
        calculator("energy_kwh", FLOAT, '"gfa_m2" * "eui_kwh_m2"'),
        calculator("co2_t_yr", FLOAT, '"gfa_m2" * ' + eui_case(
            lambda elec, fuel: f"({elec!r} * {GRID_FACTOR!r} + {fuel!r} * {FUEL_FACTOR!r}) / 1000")),
    ]


def native_flood_steps(hazard):
    return [
        ("qgis:joinbylocationsummary", {"JOIN": hazard, "PREDICATE": [INTERSECTS], "JOIN_FIELDS": ["depth_m"],
                                        "SUMMARIES": [MAX], "DISCARD_NONMATCHING": False}),
        calculator("depth_m", FLOAT, 'coalesce("depth_m_max", 0)'),
        calculator("exposed", INTEGER, f'if("depth_m" > {MIN_DEPTH!r}, 1, 0)'),
        calculator("damage_fr", FLOAT, damage_case()),
        calculator("pop_exp", FLOAT, 'if("exposed" = 1, coalesce("residents", 0), 0)'),
    ]


def calculator(name, kind, formula):
    # Precision 0: a positive precision makes QGIS round doubles, which the plugin does not.
    return ("native:fieldcalculator", {"FIELD_NAME": name, "FIELD_TYPE": kind, "FIELD_LENGTH": 0,
                                       "FIELD_PRECISION": 0, "FORMULA": formula})


# ---- running and timing --------------------------------------------------------------------
def run_chain(processing, steps, layer, output):
    """Run steps in turn, intermediate results in memory; return the last result and step times."""
    times = []
    for position, (algorithm, params) in enumerate(steps):
        last = position == len(steps) - 1
        start = time.perf_counter()
        result = processing.run(algorithm, {**params, "INPUT": layer, "OUTPUT": output if last else "memory:"})
        times.append(time.perf_counter() - start)
        layer = result["OUTPUT"]
    return result, times


def lcr_steps(algorithm, hazard):
    if algorithm == "building_emissions":
        params = {"FLOORS_FIELD": "floors", "DEFAULT_FLOORS": DEFAULT_FLOORS, "USE_FIELD": "use",
                  "GRID_FACTOR": GRID_FACTOR, "FUEL_FACTOR": FUEL_FACTOR}
    else:
        params = {"HAZARD": hazard, "DEPTH_FIELD": "depth_m", "POPULATION_FIELD": "residents",
                  "MIN_DEPTH": MIN_DEPTH}
    return [(f"lcr:{algorithm}", params)]


def native_steps(algorithm, hazard):
    return native_emissions_steps() if algorithm == "building_emissions" else native_flood_steps(hazard)


def best_of(repeats, processing, steps, layer, destination):
    """Fastest of ``repeats`` runs: (total seconds, its step times, the last run's result)."""
    best = None
    for _ in range(repeats):
        result, times = run_chain(processing, steps, layer, destination())
        if best is None or sum(times) < sum(best):
            best = times
        if sum(times) > SLOW_RUN_S:
            break
    return sum(best), best, result


def as_layer(output):
    if isinstance(output, QgsVectorLayer):
        return output
    layer = QgsVectorLayer(output, "result", "ogr")
    if not layer.isValid():
        raise RuntimeError(f"cannot open the output {output}")
    return layer


def field_sums(layer, names):
    sums = {}
    for name in names:
        value, ok = layer.aggregate(QgsAggregateCalculator.Sum, name)
        if not ok:
            raise RuntimeError(f"cannot sum {name}")
        sums[name] = float(value)
    return sums


def compare(algorithm, lcr_result, native_result):
    """Differences between the two answers (empty when they agree), and the lcr sums."""
    names = CHECKED[algorithm]
    lcr = field_sums(as_layer(lcr_result["OUTPUT"]), names)
    native = field_sums(as_layer(native_result["OUTPUT"]), names)
    # The algorithm's own reported totals must match its layer too.
    reported = ({"gfa_m2": "TOTAL_GFA_M2", "co2_t_yr": "TOTAL_CO2_T"} if algorithm == "building_emissions"
                else {"exposed": "EXPOSED_COUNT", "pop_exp": "EXPOSED_POPULATION"})
    pairs = [(n, f"{n} sum", lcr[n]) for n in names]
    pairs += [(n, f"{key} vs native {n} sum", float(lcr_result[key])) for n, key in reported.items()]
    problems = []
    for field, label, value in pairs:
        other = native[field]
        scale = max(abs(value), abs(other), 1e-12)
        if (value != other) if field in EXACT else abs(value - other) > TOLERANCE * scale:
            problems.append(f"{label}: lcr {value!r} != native {other!r}")
    return problems, lcr


# ---- the benchmark -------------------------------------------------------------------------
def bench_size(processing, n, workdir, rows, problems, hazard_kinds=("blobs", "depth grid")):
    rng = np.random.default_rng(SEED)
    buildings = buildings_layer(n, rng)
    e = buildings.extent()
    extent = (e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum())
    hazards = {"blobs": hazard_layer(extent, rng), "depth grid": depth_grid_layer(extent, rng)}
    repeats = REPEATS if n <= 100_000 else REPEATS_ABOVE_100K
    counter = itertools.count()
    # A fresh GeoPackage per run: overwriting an existing one would add a delete to the timing.
    outputs = {"memory": lambda: "memory:",
               "GeoPackage": lambda: os.path.join(workdir, f"out_{n}_{next(counter)}.gpkg")}
    cases = [("flood_exposure", kind, output) for kind in hazard_kinds for output in outputs
             if kind == "blobs" or output == "memory"]  # the slow native grid case once, in memory
    cases += [("building_emissions", "", output) for output in outputs]
    for algorithm, kind, output in cases:
        hazard = hazards.get(kind)
        log(f"{algorithm} n={n} {kind} → {output} ...")
        lcr_s, _, lcr_result = best_of(
            repeats, processing, lcr_steps(algorithm, hazard), buildings, outputs[output])
        native_s, native_times, native_result = best_of(
            repeats, processing, native_steps(algorithm, hazard), buildings, outputs[output])
        found, sums = compare(algorithm, lcr_result, native_result)
        problems.extend(f"{algorithm} n={n} {kind} {output}: {p}" for p in found)
        label = f"{algorithm} ({hazard.featureCount()} {kind})" if hazard else algorithm
        rows.append({"algorithm": label, "n": n, "output": output, "lcr": lcr_s,
                     "native": native_s, "first_step": native_times[0], "flood": bool(hazard)})
        if hazard and output == "memory":
            log(f"  {int(sums['exposed'])} of {n} buildings reached "
                f"({100 * sums['exposed'] / n:.0f} %), {hazard.featureCount()} hazard polygons")


def warm_up(processing, workdir, problems):
    """Untimed small runs so the first timed run does not pay for imports and provider start-up."""
    bench_size(processing, 400, workdir, [], problems, hazard_kinds=("blobs",))


def print_tables(rows):
    for output in ("memory", "GeoPackage"):
        print(f"\n{output} output")
        print(f"{'algorithm':<44}{'n':<9}{'lcr (s)':<10}{'native (s)':<13}native/lcr")
        for row in (r for r in rows if r["output"] == output):
            print(f"{row['algorithm']:<44}{row['n']:<9}{row['lcr']:<10.3f}{row['native']:<13.3f}"
                  f"{row['native'] / row['lcr']:.1f}x")
    print("\nnative flood chain: qgis:joinbylocationsummary alone, against lcr:flood_exposure")
    for row in (r for r in rows if r["flood"]):
        print(f"  {row['algorithm']:<44} n={row['n']:<7} {row['output']:<11} join {row['first_step']:.3f} s "
              f"of {row['native']:.3f} s chain; join/lcr {row['first_step'] / row['lcr']:.1f}x")


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---- lcr:shelter_coverage on a road grid (no native chain gives it: timed alone) ------------
SHELTER_COUNT, ROAD_SPACING_M = 500, 160.0


def road_grid_layer(extent):
    """A noded road grid ROAD_SPACING_M apart, one feature per block side (~20k at 100k buildings)."""
    xmin, ymin, xmax, ymax = extent
    gx, gy = np.meshgrid(np.arange(xmin, xmax + ROAD_SPACING_M, ROAD_SPACING_M),
                         np.arange(ymin, ymax + ROAD_SPACING_M, ROAD_SPACING_M))
    grid = np.stack([gx, gy], axis=-1)
    across = np.stack([grid[:, :-1], grid[:, 1:]], axis=2).reshape(-1, 2, 2)
    down = np.stack([grid[:-1], grid[1:]], axis=2).reshape(-1, 2, 2)
    segments = shapely.linestrings(np.concatenate([across, down]))
    return memory_layer("field=id:integer", "roads", segments, [[i] for i in range(len(segments))], "LineString")


def bench_shelters(processing, n):
    """Time lcr:shelter_coverage (roads, 500 m, no type field) on n buildings and SHELTER_COUNT shelters
    whose effective areas (2 000–20 000 m², 2 m² per person) leave some of them full."""
    from qgis.core import QgsProcessingFeedback

    rng = np.random.default_rng(SEED)
    buildings = buildings_layer(n, rng)
    e = buildings.extent()
    roads = road_grid_layer((e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()))
    x = rng.uniform(e.xMinimum(), e.xMaximum(), SHELTER_COUNT)
    y = rng.uniform(e.yMinimum(), e.yMaximum(), SHELTER_COUNT)
    shelters = memory_layer("field=eff_area_m2:double", "shelters", shapely.points(x, y),
                            [[float(a)] for a in rng.uniform(2000, 20000, SHELTER_COUNT)], "Point")
    params = {"INPUT": buildings, "POPULATION_FIELD": "residents", "SHELTERS": shelters,
              "AREA_FIELD": "eff_area_m2", "ROADS": roads, "OUTPUT": "memory:", "SHELTERS_OUTPUT": "memory:"}
    times = []
    for _ in range(REPEATS if n <= 100_000 else REPEATS_ABOVE_100K):
        feedback = QgsProcessingFeedback()
        start = time.perf_counter()
        result = processing.run("lcr:shelter_coverage", params, feedback=feedback)
        times.append(time.perf_counter() - start)
    chosen = [line for line in feedback.textLog().splitlines() if "ssignment" in line]
    print(f"shelter_coverage n={n}, {SHELTER_COUNT} shelters, {roads.featureCount()} road segments: "
          f"{', '.join(f'{t:.2f}' for t in times)} s; in reach {result['POP_IN_REACH_PCT']:.2f} %, "
          f"unplaced {result['POP_UNPLACED']:,.0f}\n  " + "\n  ".join(chosen))


# ---- lcr:habitat_fragmentation on a land-cover mosaic (no native chain gives it: timed alone) ------
LAND_CELL_M, UNIT_SIDE_M, HABITAT_ROAD_SPACING_M = 40.0, 1000.0, 400.0
LAND_SHARES = [0.3, 0.05, 0.05, 0.15, 0.2, 0.2, 0.05]  # lucode 1..7 of habitat_sensitivity.csv
ROAD_WIDTHS_M = [12.0, 0.0, 20.0, 8.0]  # every fourth road is a zero-width cutting line


def land_cover_layer(n, rng):
    """n quadrilaterals on a jittered 40 m vertex grid (a clean coverage: neighbours share their
    vertices exactly), classes in 5 × 5-cell blocks with 20 % of the cells reassigned at random."""
    side = math.ceil(math.sqrt(n))
    gx, gy = np.meshgrid(np.arange(side + 1) * LAND_CELL_M, np.arange(side + 1) * LAND_CELL_M)
    gx = ORIGIN[0] + gx + rng.uniform(-0.25, 0.25, gx.shape) * LAND_CELL_M
    gy = ORIGIN[1] + gy + rng.uniform(-0.25, 0.25, gy.shape) * LAND_CELL_M
    c, r = np.arange(n) % side, np.arange(n) // side
    corners = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c)]
    cells = shapely.polygons(np.stack([np.stack([gx[i, j], gy[i, j]], -1) for i, j in corners], 1))
    blocks = side // 5 + 1
    lucode = rng.choice(7, blocks * blocks, p=LAND_SHARES)[(r // 5) * blocks + c // 5] + 1
    noise = rng.random(n) < 0.2
    lucode[noise] = rng.integers(1, 8, noise.sum())
    layer = memory_layer("field=lucode:integer", "land_cover", cells, [[int(v)] for v in lucode])
    return layer, side * LAND_CELL_M


def bench_habitat(processing, n):
    """Time lcr:habitat_fragmentation on n land-cover cells, 1 km planning units and a road grid every
    HABITAT_ROAD_SPACING_M (widths ROAD_WIDTHS_M), quality sampled on the default 20 m grid."""
    from qgis.core import QgsProcessingFeedback

    rng = np.random.default_rng(SEED)
    land, extent = land_cover_layer(n, rng)
    x0, y0 = ORIGIN
    ticks = np.arange(0, extent + 1, HABITAT_ROAD_SPACING_M)
    lines = ([shapely.LineString([(x0 + t, y0 - 10), (x0 + t, y0 + extent + 10)]) for t in ticks]
             + [shapely.LineString([(x0 - 10, y0 + t), (x0 + extent + 10, y0 + t)]) for t in ticks])
    widths = [ROAD_WIDTHS_M[i % len(ROAD_WIDTHS_M)] for i in range(len(lines))]
    roads = memory_layer("field=width_m:double", "roads", lines, [[w] for w in widths], "LineString")
    ux, uy = np.meshgrid(np.arange(0, extent, UNIT_SIDE_M) + x0, np.arange(0, extent, UNIT_SIDE_M) + y0)
    boxes = shapely.box(ux.ravel(), uy.ravel(), ux.ravel() + UNIT_SIDE_M, uy.ravel() + UNIT_SIDE_M)
    units = memory_layer("field=id:integer", "units", boxes, [[i] for i in range(len(boxes))])
    params = {"HABITAT": land, "HABITAT_CLASS_FIELD": "lucode", "ROADS": roads, "ROAD_WIDTH_FIELD": "width_m",
              "UNITS": units, "OUTPUT": "memory:"}
    times = []
    for _ in range(REPEATS if n <= 100_000 else REPEATS_ABOVE_100K):
        start = time.perf_counter()
        result = processing.run("lcr:habitat_fragmentation", params, feedback=QgsProcessingFeedback())
        times.append(time.perf_counter() - start)
    print(f"habitat_fragmentation n={n}, {len(boxes)} units, {len(lines)} roads: "
          f"{', '.join(f'{t:.2f}' for t in times)} s; mean mesh {result['MEAN_MESH_HA']:.6f} ha, "
          f"mean quality {result['MEAN_HQ']:.6f}")


# ---- lcr:planning_report on a parcel-level planning check (no native chain gives it: timed alone) ------
PARCEL_SIDE_M, DETAILED_PROFILE = 50.0, 1   # PROFILE 1 = cn_detailed, nine rules
# One field per indicator of cn_detailed, drawn around its threshold so every rule fails somewhere.
PARCEL_VALUES = {"far": (0.5, 3.5), "green_ratio": (0.15, 0.45), "ctrl_rate": (60, 90), "retention": (0.4, 1.0),
                 "pv_share": (0.0, 0.3), "lc_score": (0.6, 1.0), "shelter_m": (100, 900), "exposed": (0, 1),
                 "pub_green_m2_pc": (0.5, 4.0)}


def parcels_layer(n, rng):
    """n square parcels on a grid, a third residential (lu_code 0701), 3 % of each indicator missing."""
    side = math.ceil(math.sqrt(n))
    x = ORIGIN[0] + (np.arange(n) % side) * (PARCEL_SIDE_M + 10)
    y = ORIGIN[1] + (np.arange(n) // side) * (PARCEL_SIDE_M + 10)
    boxes = shapely.box(x, y, x + PARCEL_SIDE_M, y + PARCEL_SIDE_M)
    columns = [[f"P{i:06d}" for i in range(n)], np.where(rng.random(n) < 1 / 3, "0701", "0901").tolist()]
    for name, (low, high) in PARCEL_VALUES.items():
        values = (rng.integers(low, high + 1, n) if name == "exposed" else rng.uniform(low, high, n)).astype(object)
        values[rng.random(n) < 0.03] = None
        columns.append(values.tolist())
    spec = "field=parcel_id:string&field=lu_code:string&" + "&".join(
        f"field={name}:{'integer' if name == 'exposed' else 'double'}" for name in PARCEL_VALUES)
    return memory_layer(spec, "parcels", boxes, [list(row) for row in zip(*columns)])


def bench_report(processing, n):
    """Time lcr:planning_report (English) on the cn_detailed check of n parcels: seconds, PDF pages, HTML size."""
    parcels = parcels_layer(n, np.random.default_rng(SEED))
    check = processing.run("lcr:planning_check", {"INPUT": parcels, "PROFILE": DETAILED_PROFILE,
                                                  "LANDUSE_FIELD": "lu_code", "OUTPUT": "memory:", "TABLE": "memory:"})
    with tempfile.TemporaryDirectory(prefix="lcr_bench_") as folder:
        html, pdf = os.path.join(folder, "report.html"), os.path.join(folder, "report.pdf")
        start = time.perf_counter()
        processing.run("lcr:planning_report", {"CHECK": check["OUTPUT"], "RULES": check["TABLE"],
                                               "NAME_FIELD": "parcel_id", "OUTPUT_HTML": html, "OUTPUT_PDF": pdf})
        seconds = time.perf_counter() - start
        with open(pdf, "rb") as data:   # the page tree's root counts every page
            pages = max(int(c) for c in re.findall(rb"/Count (\d+)", data.read()))
        print(f"planning_report n={n}: {seconds:.2f} s, {pages} PDF pages ({os.path.getsize(pdf) / 1e6:.1f} MB), "
              f"HTML {os.path.getsize(html) / 1e6:.2f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="building counts, comma-separated")
    parser.add_argument("--habitat", action="store_true", help="time lcr:habitat_fragmentation only")
    parser.add_argument("--shelters", action="store_true", help="time lcr:shelter_coverage only")
    parser.add_argument("--report", action="store_true", help="time lcr:planning_report only")
    parser.add_argument("--city", help="city scale: plan checks on the demo tiled k x k, e.g. 1,4,8,16")
    parser.add_argument("--gap", default="0", help="with --city: metres between the tiles, e.g. 2000 (tiles apart)")
    parser.add_argument("--algs", help="city scale: per-building algorithms against the write floor, e.g. 100000")
    parser.add_argument("--osm", help="city scale: lcr:prepare_osm on Liechtenstein tiled k x k, e.g. 1,2,4")
    parser.add_argument("--only", default="", help="with --algs: these algorithms only, e.g. flood_exposure")
    parser.add_argument("--repeat", default="1", help="with --algs: runs of each algorithm, the fastest counts")
    args = parser.parse_args()
    if args.city or args.algs or args.osm:
        import bench_city
        bench_city.main([*(["--city", args.city, "--gap", args.gap] if args.city else []),
                         *(["--algs", args.algs] if args.algs else []), *(["--osm", args.osm] if args.osm else []),
                         "--only", args.only, "--repeat", args.repeat])
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    qgis_session.start()
    import processing  # importable only once QGIS and Processing are up
    if args.habitat:
        for n in sizes:
            bench_habitat(processing, n)
        return
    if args.shelters:
        for n in sizes:
            bench_shelters(processing, n)
        return
    if args.report:
        for n in sizes:
            bench_report(processing, n)
        return

    workdir = tempfile.mkdtemp(prefix="lcr_bench_")
    rows, problems = [], []
    try:
        warm_up(processing, workdir, problems)
        for n in sizes:
            bench_size(processing, n, workdir, rows, problems)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_tables(rows)
    print(f"\nchecks: sums of {', '.join(sum(CHECKED.values(), []))} and the algorithms' totals, "
          f"relative tolerance {TOLERANCE:g}, exposed counts exact")
    if problems:
        print("ANSWERS DIFFER:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("answers agree")


if __name__ == "__main__":
    main()
