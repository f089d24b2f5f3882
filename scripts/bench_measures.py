"""The plan measures timed: on the demo district and on the district tiled 6 × 6 and cut to 100,000 buildings
(scripts/city_tiles.py, written once into out/bench/measures/), each measure algorithm in turn, in one process:
lcr:site_facilities for every life-circle type and for shelters (by capacity), lcr:carbon_measures, lcr:size_lid,
lcr:apply_measures (the LID, the sites and the building measures merged) and lcr:compare_checks (the detailed plan
check before and after the LID, each run once, untimed, as the input). Prints one table a place: wall seconds,
CPU seconds (user + system, all threads: steadier than the wall clock on a shared machine), peak resident memory
(VmHWM, reset before each run), sites proposed, and the MIP's optimality gap, "greedy" where the greedy answer is
kept (too large for the MIP) or "unknown" where HiGHS proved no bound in its time.

    .venv/bin/python scripts/bench_measures.py [--sizes 100000] [--types all] [--target 80] [--time-limit 20]
                                               [--no-demo] [--no-check]

--no-check leaves out the two detailed plan checks and compare_checks.
"""
import argparse
import math
import os
import shutil
import sys
import time

import city_tiles
from bench_city import cpu_seconds, peak_rss, reset_peak

DISTRICT_BUILDINGS = 3713
LIFE_CIRCLE = ["kindergarten", "primary_school", "middle_school", "clinic", "elderly_care", "market",
               "community_center", "sports"]
CACHE = os.path.join(city_tiles.REPO, "out", "bench", "measures")


class Log:
    """A feedback keeping its lines (the gap's words are read from the log)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushInfo(self, text):  # noqa: N802
                self.lines.append(text)

            def pushWarning(self, text):  # noqa: N802
                self.lines.append(text)

        return Feedback()


def timed(rows, label, alg, params, summary=None):
    """Runs ``alg``; appends (label, s, CPU s, peak MB, sites, gap) to ``rows``; returns the result."""
    import processing

    feedback = Log()
    reset_peak()
    start, cpu = time.perf_counter(), cpu_seconds()
    result = processing.run(alg, params, feedback=feedback)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    sites, gap = summary(result, feedback) if summary else ("", "")
    rows.append((label, seconds, cpu, peak_rss() / 2 ** 20, sites, gap))
    print(f"  {label}: {seconds:.1f} s, CPU {cpu:.1f} s, {sites} {gap}", flush=True)
    return result


def siting_summary(result, feedback):
    """Sites proposed and the gap: "greedy" (too large for the MIP), "unknown" (no bound), or the %."""
    text = "\n".join(feedback.lines)
    if "too large for the MIP" in text:
        gap = "greedy"
    elif result["GAP"] is None or result["GAP"] != result["GAP"]:
        gap = "unknown"
    else:
        gap = f"{result['GAP']:.2f} %"
    return int(result["SITES_PROPOSED"]), gap


def run_place(name, path, args, out):
    import processing
    from batch_check import run_model
    from demo import SPONGE
    from qgis.core import QgsVectorLayer

    layer = lambda n: f"{path}|layername={n}"  # noqa: E731
    homes = QgsVectorLayer(layer("buildings"), "homes", "ogr")
    homes.setSubsetString("\"use\" = 'residential'")
    n_buildings = QgsVectorLayer(layer("buildings"), "b", "ogr").featureCount()
    print(f"{name}: {n_buildings:,} buildings, {homes.featureCount():,} residential", flush=True)
    rows = []
    common = {"INPUT": homes, "POPULATION_FIELD": "residents", "CANDIDATES": layer("parcels"),
              "LANDUSE_FIELD": "lu_code", "ROADS": layer("roads"), "UNITS": layer("planning_units"),
              "TARGET_PCT": args.target, "TIME_LIMIT": args.time_limit}
    sites = []
    types = LIFE_CIRCLE + ["shelter"] if args.types == "all" else args.types.split(",")
    for fac_type in types:
        existing = {"FACILITIES": layer("shelters"), "FACILITY_CAPACITY_FIELD": "capacity"} \
            if fac_type == "shelter" else {"FACILITIES": layer("facilities"), "FACILITY_TYPE_FIELD": "fac_type"}
        result = timed(rows, f"site_facilities {fac_type}", "lcr:site_facilities", {
            **common, **existing, "FACILITY_TYPE": fac_type, "OUTPUT": os.path.join(out, f"sites_{fac_type}.gpkg")},
            siting_summary)
        if fac_type != "shelter":
            sites.append(result["OUTPUT"])

    # Carbon: the inputs (emissions, PV, balance) untimed, then the measures.
    emissions = processing.run("lcr:building_emissions", {"INPUT": layer("buildings"), "FLOORS_FIELD": "floors",
                                                          "USE_FIELD": "use", "OUTPUT": os.path.join(out, "em.gpkg")})
    pv = processing.run("lcr:rooftop_pv", {"INPUT": emissions["OUTPUT"], "ROOF_TYPE_FIELD": "roof_type",
                                           "DEMAND_FIELD": "energy_kwh", "OUTPUT": os.path.join(out, "pv.gpkg")})
    balance = processing.run("lcr:carbon_balance", {
        "INPUT": layer("planning_units"), "BUILDING_POPULATION_FIELD": "residents", "TARGET_T_PER_CAPITA": 1.2,
        "BUILDINGS": pv["OUTPUT"], "PV_CO2_FIELD": "", "OUTPUT": os.path.join(out, "balance.gpkg")})
    carbon = timed(rows, "carbon_measures", "lcr:carbon_measures", {
        "INPUT": balance["OUTPUT"], "BUILDINGS": pv["OUTPUT"], "USE_FIELD": "use", "GREEN": layer("green_spaces"),
        "OUTPUT": os.path.join(out, "carbon.gpkg"), "BUILDINGS_OUTPUT": os.path.join(out, "carbon_b.gpkg"),
        "GREEN_OUTPUT": os.path.join(out, "carbon_g.gpkg")},
        lambda r, f: (f"{int(r['UNITS_LEFT'])} units left", ""))

    lid = {"BIORETENTION_FIELD": "bioret_m2", "PERMEABLE_PAVING_FIELD": "perm_pave_m2",
           "GREEN_ROOF_LID_FIELD": "green_roof_m2", "TANK_FIELD": "tank_m3"}
    sized = timed(rows, "size_lid", "lcr:size_lid", {
        "INPUT": layer("parcels"), "GREEN_RATIO_FIELD": "green_ratio", "DAILY_RAINFALL": SPONGE["daily_rainfall"],
        "TARGET_CONTROL_RATE": 75, **lid, "BUILDINGS": layer("buildings"), "OUTPUT": os.path.join(out, "lid.gpkg")},
        lambda r, f: (f"{int(r['PARCELS_SHORT'])} parcels short", ""))
    applied = timed(rows, "apply_measures", "lcr:apply_measures", {
        "PARCELS": layer("parcels"), "PARCEL_ID_FIELD": "parcel_id", **lid, "LID": sized["OUTPUT"],
        "FACILITIES": layer("facilities"), "FACILITY_TYPE_FIELD": "fac_type", "SITES": sites,
        "BUILDINGS": pv["OUTPUT"], "BUILDING_ID_FIELD": "bldg_id", "BUILDING_MEASURES": carbon["BUILDINGS_OUTPUT"],
        "PARCELS_OUTPUT": os.path.join(out, "parcels_after.gpkg"),
        "FACILITIES_OUTPUT": os.path.join(out, "facilities_after.gpkg"),
        "BUILDINGS_OUTPUT": os.path.join(out, "buildings_after.gpkg")},
        lambda r, f: (f"{int(r['PARCELS_CHANGED'])} parcels, {int(r['FACILITIES_ADDED'])} sites", ""))
    if args.check:
        start = time.perf_counter()
        before = run_model("lcr:detailed_plan_check", path, os.path.join(out, "check_before"), **SPONGE)
        after = run_model("lcr:detailed_plan_check", path, os.path.join(out, "check_after"), **SPONGE,
                          parcels=applied["PARCELS_OUTPUT"])
        print(f"  (two detailed plan checks, untimed input: {time.perf_counter() - start:.0f} s)", flush=True)
        timed(rows, "compare_checks", "lcr:compare_checks", {
            "BEFORE": before["check:planning_check"], "AFTER": after["check:planning_check"],
            "RULES": before["check:rules"], "ID_FIELD": "parcel_id", "OUTPUT": os.path.join(out, "compare.gpkg"),
            "CHANGES": os.path.join(out, "changes.gpkg")},
            lambda r, f: (f"{int(r['FIXED'])} fixed, {int(r['FAILS_AFTER'])} fails left", ""))
    print(f"\n{name} ({n_buildings:,} buildings)\n{'algorithm':34} {'s':>7} {'CPU s':>7} {'peak MB':>8}  "
          f"{'sites / result':28} gap")
    for label, seconds, cpu, peak, result, gap in rows:
        print(f"{label:34} {seconds:7.1f} {cpu:7.1f} {peak:8.0f}  {str(result):28} {gap}")
    print(flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--types", default="all")
    parser.add_argument("--target", type=float, default=80.0)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--no-demo", dest="demo", action="store_false")
    parser.add_argument("--no-check", dest="check", action="store_false")
    args = parser.parse_args(argv)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import qgis_session
    qgis_session.start()
    city_tiles.CACHE = CACHE
    os.makedirs(CACHE, exist_ok=True)
    places = []
    if args.demo:
        district = os.path.join(CACHE, "demo_district.gpkg")   # a copy: opening it in QGIS touches it
        shutil.copy(city_tiles.DISTRICT, district)
        places.append(("demo district", district))
    for n in (int(s) for s in args.sizes.split(",") if s):
        k = math.ceil(math.sqrt(n / DISTRICT_BUILDINGS))
        places.append((f"city {k}×{k} cut to {n:,}", city_tiles.city(k, limits={"buildings": n},
                                                                     name=f"measures_{n}.gpkg")))
    for name, path in places:
        out = os.path.join(CACHE, "runs", os.path.basename(path).replace(".gpkg", ""))
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        run_place(name, path, args, out)


if __name__ == "__main__":
    main()
