"""City-scale benchmark: the plan checks and the per-building algorithms on the demo district tiled k × k.

    .venv/bin/python scripts/bench_city.py [--city 1,4,8,16] [--checks detailed_plan_check] [--algs 100000,1000000]
                                           [--only a,b] [--repeat n] [--osm 1,2,4 [--profile]]
    (or: make bench CITY=1,4,8,16 ALGS=100000,1000000)

--city: lcr:master_plan_check and lcr:detailed_plan_check on the k × k city (scripts/city_tiles.py, written
once into out/bench/city/), each run in a process of its own, so its time and peak resident memory
(VmHWM, including QGIS's start) are its own; then the growth exponent, the log-log slope of time
against buildings from 4 × 4 (or the smallest size above 1 × 1) to the largest size; and each rule's
pass/fail/not-assessed counts against k² × those of 1 × 1 (tiles share their edges, so counts near the
edges may differ). Each step's wall and CPU time goes to stderr as the step ends; --checks runs only the
checks named.
--algs: in one process per size, n buildings (the first n of the tiled city, GeoPackage in, a fresh
GeoPackage out): native:fieldcalculator (one constant field: the floor of reading and writing every
building) and each lcr algorithm that writes every building (building_emissions, flood_exposure,
rooftop_pv, transit_coverage, life_circle, shelter_coverage, china_coordinates, and the buildings' outputs of
apply_measures and carbon_measures, their other inputs made once beside the outputs), and up to 100k
buildings qgis:joinbylocationsummary, the native step flood_exposure replaces; time and peak memory of each run (the
peak is reset between runs), the ratio to the floor and the memory per building above the process's
resident memory before the run; --repeat n runs n rounds of them all, the fastest counting.
--osm: lcr:prepare_osm on Liechtenstein's extract tiled k × k (scripts/osm_tiles.py, written once into
out/bench/osm/ with pyosmium from /tmp/osmium-venv, see that script), all nine outputs into one
GeoPackage, each size in a process of its own; the output counts, the step times of the run's log and
the growth exponent. --profile: cProfile of the largest size into out/bench/osm/prepare_osm_KxK.prof.
Every run's CPU time (user + system, all threads) is printed beside its wall time: on a machine others
share, the wall clock stretches with their load and the CPU time much less.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import time

import city_tiles

REPO = city_tiles.REPO
# The runs' outputs; LCR_BENCH_RUNS=/dev/shm/... keeps a busy disk out of the timings.
RUNS = os.environ.get("LCR_BENCH_RUNS") or os.path.join(REPO, "out", "bench", "runs")
DISTRICT_BUILDINGS = 3713
CHECKS = ("master_plan_check", "detailed_plan_check")
# The layers the single algorithms read; buildings are cut to the size asked for.
ALG_LAYERS = ["buildings", "flood_zones", "transit_stops", "roads", "shelters", "facilities", "planning_units"]
JOIN_AT_MOST = 100_000   # buildings up to which the native join runs too (at 1M it takes minutes)
FLOOR = ("native:fieldcalculator", {"FIELD_NAME": "bench", "FIELD_TYPE": 0, "FIELD_LENGTH": 0,
                                    "FIELD_PRECISION": 0, "FORMULA": "0"})


def layer(path, name):
    return f"{path}|layername={name}"


def algorithms(path):
    """(label, algorithm id, parameters) of the algorithms that write every building."""
    return [
        ("building_emissions", "lcr:building_emissions", {"FLOORS_FIELD": "floors", "USE_FIELD": "use"}),
        ("flood_exposure", "lcr:flood_exposure", {"HAZARD": layer(path, "flood_zones"), "DEPTH_FIELD": "depth_m",
                                                  "POPULATION_FIELD": "residents"}),
        ("rooftop_pv", "lcr:rooftop_pv", {"ROOF_TYPE_FIELD": "roof_type"}),
        ("transit_coverage", "lcr:transit_coverage", {
            "POPULATION_FIELD": "residents", "STOPS": layer(path, "transit_stops"), "STOP_TYPE_FIELD": "stop_type",
            "ROADS": layer(path, "roads")}),
        ("life_circle", "lcr:life_circle", {
            "POPULATION_FIELD": "residents", "FACILITIES": layer(path, "facilities"),
            "FACILITY_TYPE_FIELD": "fac_type", "ROADS": layer(path, "roads")}),
        ("shelter_coverage", "lcr:shelter_coverage", {
            "POPULATION_FIELD": "residents", "SHELTERS": layer(path, "shelters"), "AREA_FIELD": "eff_area_m2",
            "ROADS": layer(path, "roads")}),
        ("china_coordinates", "lcr:china_coordinates", {"CONVERSION": 2}),
        # the buildings in and out of these are other parameters (BUILDS); their other inputs: ``measure_inputs``
        ("apply_measures", "lcr:apply_measures", {
            "BUILDING_MEASURES": layer(measure_inputs(path), "measures"), "BUILDING_ID_FIELD": "bldg_id"}),
        ("carbon_measures", "lcr:carbon_measures", {
            "INPUT": layer(measure_inputs(path), "units"), "GAP_FIELD": "gap_t", "OUTPUT": "TEMPORARY_OUTPUT",
            "BUILDINGS": layer(measure_inputs(path), "buildings"), "USE_FIELD": "use"}),
    ]


# The parameters taking the buildings and writing them, where not INPUT and OUTPUT.
BUILDS = {"lcr:apply_measures": ("BUILDINGS", "BUILDINGS_OUTPUT"),
          "lcr:carbon_measures": ("BUILDINGS", "BUILDINGS_OUTPUT")}


def measure_inputs(path):
    """A GeoPackage beside the runs' outputs with what the measure algorithms read besides the buildings: a
    measure on every tenth building (the table lcr:carbon_measures writes), the planning units with a gap
    to their CO2 target of 50 t/a each, and the buildings with the fields lcr:carbon_measures reads (as
    lcr:building_emissions and lcr:rooftop_pv name them; six numeric columns more than the floor's buildings)."""
    target = os.path.join(RUNS, f"measures_{os.path.basename(path)}")
    if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(path):
        from osgeo import gdal
        os.makedirs(RUNS, exist_ok=True)
        partial = target + ".partial.gpkg"
        gdal.VectorTranslate(partial, path, format="GPKG", layerName="measures", SQLDialect="SQLite", SQLStatement=(
            "SELECT bldg_id, 40.0 AS pv_m2, 6.0 AS pv_t, 0.0 AS retro_m2, 0.0 AS retro_t, 20.0 AS co2_after_t "
            "FROM buildings WHERE fid % 10 = 0"), geometryType="NONE")
        gdal.VectorTranslate(partial, path, format="GPKG", accessMode="update", layerName="units",
                             SQLDialect="SQLite", SQLStatement="SELECT *, 50.0 AS gap_t FROM planning_units")
        floors = "coalesce(floors, 1)"
        gdal.VectorTranslate(partial, path, format="GPKG", accessMode="update", layerName="buildings",
                             SQLDialect="SQLite", layerCreationOptions=["FID=fid"], SQLStatement=(
                                 f"SELECT *, 100.0 * {floors} AS gfa_m2, 8.0 * {floors} AS co2_t_yr, "
                                 f"100.0 AS roof_m2, 5.0 AS pv_co2_t, 9000.0 AS pv_kwh_yr, "
                                 f"9000.0 * {floors} AS energy_kwh FROM buildings"))
        os.replace(partial, target)
    return target


def native_join(path):
    """The native step lcr:flood_exposure replaces: the buildings' maximum flood depth by
    qgis:joinbylocationsummary (intersects, max, keep the buildings outside every zone)."""
    return ("qgis:joinbylocationsummary", "qgis:joinbylocationsummary", {
        "JOIN": layer(path, "flood_zones"), "PREDICATE": [0], "JOIN_FIELDS": ["depth_m"], "SUMMARIES": [3],
        "DISCARD_NONMATCHING": False})


# ---- memory ----------------------------------------------------------------------------------
def _status(key):
    with open("/proc/self/status") as status:
        match = re.search(rf"^{key}:\s+(\d+) kB", status.read(), re.M)
    return int(match.group(1)) * 1024 if match else None


def peak_rss():
    """Peak resident memory of this process in bytes (VmHWM; ru_maxrss where /proc is missing)."""
    peak = _status("VmHWM")
    if peak is None:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return peak


def cpu_seconds():
    """CPU time of this process, all threads, user and system: on a shared machine a steadier measure
    than the wall clock, which other processes stretch."""
    times = os.times()
    return times.user + times.system


def reset_peak():
    """Start VmHWM again from the current resident memory (Linux ≥ 4.0); False where it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


# ---- the children: one check, or the algorithms at one size ------------------------------------
def StepLog():   # noqa: N802 (a class made once QGIS is imported)
    """A feedback that prints each step's time (the check's "step: n s" lines) with the CPU time since
    the previous one to stderr: the per-step table of a run."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        last = [cpu_seconds()]

        def pushInfo(self, info):  # noqa: N802
            if re.search(r": \d+\.\d s$", info) or info.startswith("Times:"):
                now = cpu_seconds()
                log(f"  step {info} ({now - self.last[0]:.1f} s CPU)")
                self.last[0] = now

    return Log()


def child_check(model, k, gap=0.0):
    import qgis_session
    qgis_session.start()
    from batch_check import run_model
    from demo import SPONGE, report_details
    from qgis.core import QgsVectorLayer

    path = city_tiles.city(k, gap=gap)
    os.makedirs(RUNS, exist_ok=True)
    start, cpu = time.perf_counter(), cpu_seconds()
    result = run_model(f"lcr:{model}", path, os.path.join(RUNS, f"{model}_{k}x{k}" + (f"_gap{gap:g}" if gap else "")),
                       feedback=StepLog(),
                       **(SPONGE if model == "detailed_plan_check" else {}), **report_details(model))
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    rules = QgsVectorLayer(result["check:rules"], "rules", "ogr")
    counts = {f["rule_id"]: [int(f[n] or 0) for n in ("n_pass", "n_fail", "n_na")] for f in rules.getFeatures()}
    return {"seconds": seconds, "cpu": cpu, "peak": peak_rss(), "rules": counts}


def child_algs(n, only, repeat=1):
    import qgis_session
    qgis_session.start()
    import processing

    k = math.ceil(math.sqrt(n / DISTRICT_BUILDINGS))
    path = city_tiles.city(k, layers=ALG_LAYERS, limits={"buildings": n}, name=f"buildings_{n}.gpkg")
    out = os.path.join(RUNS, f"algs_{n}")
    os.makedirs(out, exist_ok=True)
    runs = [("floor (native:fieldcalculator)", *FLOOR)] + [
        run for run in algorithms(path) if not only or run[0] in only]
    if any(label == "carbon_measures" for label, _, _ in runs):   # its buildings have six fields more
        runs.append(("floor_carbon (the floor on carbon_measures' buildings)", FLOOR[0],
                     {**FLOOR[1], "INPUT": layer(measure_inputs(path), "buildings")}))
    if n <= JOIN_AT_MOST and (not only or "flood_exposure" in only):
        runs.append(native_join(path))
    rows = {label: {"label": label, "seconds": math.inf, "cpu": math.inf, "peak": 0} for label, _, _ in runs}
    for round_ in range(repeat):   # rounds of every run, the fastest counts: others' load only slows a run down
        for label, alg_id, params in runs:
            if round_ and alg_id == "qgis:joinbylocationsummary":
                continue   # ten times the others: one run is enough to read its ratio
            target = os.path.join(out, f"{label.split(' ')[0].replace(':', '_')}.gpkg")
            if os.path.exists(target):
                os.remove(target)
            before = _status("VmRSS")
            reset_peak()
            start, cpu = time.perf_counter(), cpu_seconds()
            into, out_of = BUILDS.get(alg_id, ("INPUT", "OUTPUT"))
            processing.run(alg_id, {into: layer(path, "buildings"), **params, out_of: target})
            seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
            row, peak = rows[label], peak_rss()
            row.update(seconds=min(seconds, row["seconds"]), cpu=min(cpu, row["cpu"]))
            if not row["peak"] or peak < row["peak"]:   # the round whose process had grown least
                row.update(peak=peak, before=before)
            log(f"  {label}: {seconds:.1f} s ({cpu:.1f} s CPU), peak {peak_rss() / 1e9:.2f} GB")
    rows = list(rows.values())
    return {"n": n, "rows": rows}


OSM_OUTPUTS = {"BUILDINGS": "buildings", "ROADS": "roads", "TRANSIT_STOPS": "transit_stops",
               "FACILITIES": "facilities", "GREEN_SPACES": "green_spaces", "SHELTERS": "shelters",
               "LANDCOVER": "landcover", "WATER": "water", "UNITS": "planning_units"}
OSM_BENCH = os.path.join(REPO, "out", "bench", "osm")
OSMIUM_PYTHON = "/tmp/osmium-venv/bin/python"


def osm_extract(k):
    """Liechtenstein tiled k × k, made by scripts/osm_tiles.py (pyosmium's venv) when missing."""
    path = os.path.join(OSM_BENCH, f"liechtenstein_{k}x{k}.osm.pbf")
    if not os.path.exists(path):
        if not os.path.exists(OSMIUM_PYTHON):
            sys.exit(f"{path} is missing and so is {OSMIUM_PYTHON}, which writes it: python3 -m venv /tmp/osmium-venv "
                     "&& /tmp/osmium-venv/bin/pip install osmium numpy (see scripts/osm_tiles.py)")
        subprocess.run([OSMIUM_PYTHON, os.path.join(REPO, "scripts", "osm_tiles.py"), str(k)], check=True)
    return path


def child_osm(k, profile=False):
    import qgis_session
    qgis_session.start()
    import processing
    from qgis.core import QgsVectorLayer

    source = osm_extract(k)
    os.makedirs(RUNS, exist_ok=True)
    gpkg = os.path.join(RUNS, f"prepare_osm_{k}x{k}.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    parameters = {"INPUT": source, **{name: f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"
                                      for name, table in OSM_OUTPUTS.items()}}
    profiler = None
    if profile:
        import cProfile
        # CPU time, not the wall clock: on a shared machine the others' load would be charged to whatever ran
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
    start, cpu = time.perf_counter(), cpu_seconds()
    processing.run("lcr:prepare_osm", parameters, feedback=StepLog())
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(os.path.join(OSM_BENCH, f"prepare_osm_{k}x{k}.prof"))
    counts = {table: QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr").featureCount()
              for table in OSM_OUTPUTS.values()}
    return {"seconds": seconds, "cpu": cpu, "peak": peak_rss(), "counts": counts}


def bench_osm(sizes, profile=False):
    results = {}
    for k in sizes:
        osm_extract(k)
        log(f"prepare_osm {k}x{k} ...")
        results[k] = run_child("osm", k, int(profile and k == max(sizes)))
        log(f"  {results[k]['seconds']:.1f} s, {results[k]['peak'] / 1e9:.2f} GB")
    print(f"\n{'tiles':<7}{'buildings':>11}{'wall (s)':>10}{'CPU (s)':>10}{'peak (GB)':>11}  outputs")
    for k in sizes:
        row = results[k]
        print(f"{k}x{k:<5}{row['counts']['buildings']:>11,}{row['seconds']:>10.1f}{row['cpu']:>10.1f}"
              f"{row['peak'] / 1e9:>11.2f}  " + ", ".join(f"{t} {n}" for t, n in row["counts"].items()))
    for label, key in (("wall", "seconds"), ("CPU", "cpu")):
        found = slope(sizes, [results[k][key] for k in sizes])
        if found:
            print(f"prepare_osm: growth exponent {found[0]:.2f} {label} (time ~ buildings^x, "
                  f"{found[1]}x{found[1]} to {found[2]}x{found[2]})")


# ---- the parent --------------------------------------------------------------------------------
def run_child(*args):
    """Run this script as a child with ``args``; return the JSON it prints last."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:" + os.environ.get("PATH", ""))
    done = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", *map(str, args)],
                          stdout=subprocess.PIPE, env=env, cwd=REPO, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"bench child {args} failed (exit {done.returncode})")
    return json.loads(lines[-1])


def slope(sizes, seconds):
    """Log-log slope of time against buildings from the first size above 1 × 1 to the last."""
    points = [(k, s) for k, s in zip(sizes, seconds) if k > 1 and s]
    if len(points) < 2:
        return None
    (k0, s0), (k1, s1) = points[0], points[-1]
    return math.log(s1 / s0) / math.log(k1 * k1 / (k0 * k0)), k0, k1


def bench_checks(sizes, checks=CHECKS, gap=0.0):
    results = {}
    for k in sizes:
        log(f"tiling {k}x{k} ...")
        city_tiles.city(k, gap=gap)
        for model in checks:
            log(f"{model} {k}x{k} ...")
            results[(model, k)] = run_child("check", model, k, gap)
            log(f"  {results[(model, k)]['seconds']:.1f} s, {results[(model, k)]['peak'] / 1e9:.2f} GB")
    print(f"\n{'tiles':<7}{'buildings':>11}" + "".join(f"{m + ' (wall, CPU, peak)':>40}" for m in checks))
    for k in sizes:
        cells = "".join(f"{results[(m, k)]['seconds']:>17.1f} s, {results[(m, k)]['cpu']:>6.1f} s, "
                        f"{results[(m, k)]['peak'] / 1e9:>5.2f} GB" for m in checks)
        print(f"{k}x{k:<5}{k * k * DISTRICT_BUILDINGS:>11,}{cells}")
    for model in checks:
        found = slope(sizes, [results[(model, k)]["seconds"] for k in sizes])
        found_cpu = slope(sizes, [results[(model, k)]["cpu"] for k in sizes])
        if found:
            print(f"{model}: growth exponent {found[0]:.2f} wall, {found_cpu[0]:.2f} CPU (time ~ buildings^x, "
                  f"{found[1]}x{found[1]} to {found[2]}x{found[2]})")
        if 1 in sizes:
            base = results[(model, 1)]["rules"]
            for k in (k for k in sizes if k > 1):
                rules = results[(model, k)]["rules"]
                off = [r for r in base if [k * k * c for c in base[r]] != rules.get(r)]
                print(f"  {k}x{k}: {len(base) - len(off)} of {len(base)} rules count k² × 1x1's pass/fail/n.a."
                      + (f"; not: {', '.join(f'{r} {rules.get(r)} vs {base[r]}' for r in off)}" if off else ""))


def bench_algs(sizes, only, repeat):
    for n in sizes:
        log(f"single algorithms, {n:,} buildings ...")
        result = run_child("algs", n, ",".join(only), repeat)
        floor, floor_cpu = result["rows"][0]["seconds"], result["rows"][0]["cpu"]
        print(f"\n{n:,} buildings, GeoPackage in and out")
        print(f"{'algorithm':<34}{'wall (s)':>9}{'x floor':>9}{'CPU (s)':>9}{'x floor':>9}{'peak (GB)':>11}"
              f"{'kB/bldg':>9}")
        for row in result["rows"]:
            per = (row["peak"] - row["before"]) / n / 1e3
            print(f"{row['label']:<34}{row['seconds']:>9.1f}{row['seconds'] / floor:>9.2f}{row['cpu']:>9.1f}"
                  f"{row['cpu'] / floor_cpu:>9.2f}{row['peak'] / 1e9:>11.2f}{per:>9.2f}")
        rows = {row["label"].split(" ")[0]: row for row in result["rows"]}
        if "flood_exposure" in rows and "qgis:joinbylocationsummary" in rows:
            flood, join = rows["flood_exposure"], rows["qgis:joinbylocationsummary"]
            print(f"lcr:flood_exposure is {join['seconds'] / flood['seconds']:.1f}x faster than "
                  f"qgis:joinbylocationsummary ({join['cpu'] / flood['cpu']:.1f}x in CPU time)")


def log(message):
    print(message, file=sys.stderr, flush=True)


def sizes_arg(text):
    return [int(float(s)) for s in text.split(",") if s.strip()]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind = argv[1]
        if kind == "osm":
            result = child_osm(int(argv[2]), bool(int(argv[3])))
        elif kind == "check":
            result = child_check(argv[2], int(argv[3]), float(argv[4]))
        else:
            result = child_algs(int(argv[2]), [a for a in argv[3].split(",") if a], int(argv[4]))
        print(json.dumps(result), flush=True)
        os._exit(0)   # QGIS's exit can take longer than the run; the numbers are out
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--city", type=sizes_arg, default=[], help="tiles per side, e.g. 1,4,8,16")
    parser.add_argument("--checks", default=",".join(CHECKS), help="with --city: these checks only, e.g. "
                        "detailed_plan_check")
    parser.add_argument("--gap", type=float, default=0.0, help="with --city: metres between tiles (tiles then "
                        "lie apart: every rule should count k² × 1x1's; e.g. 2000)")
    parser.add_argument("--algs", type=sizes_arg, default=[], help="buildings, e.g. 100000,1000000")
    parser.add_argument("--only", default="", help="algorithm names for --algs, e.g. flood_exposure,rooftop_pv")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each algorithm for --algs (the fastest counts)")
    parser.add_argument("--osm", type=sizes_arg, default=[], help="lcr:prepare_osm on Liechtenstein tiled k × k, "
                        "e.g. 1,2,4")
    parser.add_argument("--profile", action="store_true", help="with --osm: cProfile the largest size")
    args = parser.parse_args(argv)
    if args.city:
        bench_checks(args.city, [c for c in CHECKS if c in args.checks.split(",")], args.gap)
    if args.algs:
        bench_algs(args.algs, [a for a in args.only.split(",") if a], args.repeat)
    if args.osm:
        bench_osm(args.osm, args.profile)


if __name__ == "__main__":
    main()
