"""Facility siting at city scale: lcr:site_facilities (shelters by capacity, or a life-circle type) on the demo
district, and on the district tiled into a city cut to about 10,000 and 100,000 buildings (scripts/city_tiles.py,
cached in out/bench/city/), printing the greedy's and the MIP's number of new sites, the gap, the demand
aggregation and the time.

    .venv/bin/python scripts/bench_siting.py [--sizes 10000,100000] [--types shelter,kindergarten] [--target 80]
                                             [--time-limit 20] [--codes 07,08] [--distance 1000]

--codes (eligible land-use prefixes) and --distance (m) enlarge the problems beyond the MIP's 50,000 pairs, where
the homes are merged into grid-cell demand points.
"""
import argparse
import math
import os
import re
import shutil
import sys
import time

import city_tiles

LAYERS = ["buildings", "parcels", "roads", "shelters", "facilities", "planning_units"]
DISTRICT_BUILDINGS = 3713


def run(path, fac_type, target, time_limit, extra):
    import processing
    from qgis.core import QgsProcessingFeedback, QgsVectorLayer

    class Log(QgsProcessingFeedback):
        lines = []

        def pushInfo(self, text):  # noqa: N802
            self.lines.append(text)

        def pushWarning(self, text):  # noqa: N802
            self.lines.append(text)

    homes = QgsVectorLayer(f"{path}|layername=buildings", "homes", "ogr")
    homes.setSubsetString("\"use\" = 'residential'")
    feedback = Log()
    start = time.perf_counter()
    existing = {"FACILITIES": f"{path}|layername=shelters", "FACILITY_CAPACITY_FIELD": "capacity"} \
        if fac_type == "shelter" else {"FACILITIES": f"{path}|layername=facilities", "FACILITY_TYPE_FIELD": "fac_type"}
    result = processing.run("lcr:site_facilities", {
        "INPUT": homes, "POPULATION_FIELD": "residents", "CANDIDATES": f"{path}|layername=parcels",
        "LANDUSE_FIELD": "lu_code", **existing, "FACILITY_TYPE": fac_type, "ROADS": f"{path}|layername=roads",
        "UNITS": f"{path}|layername=planning_units", "TARGET_PCT": target, "TIME_LIMIT": time_limit,
        "OUTPUT": "TEMPORARY_OUTPUT", **extra}, feedback=feedback)
    seconds = time.perf_counter() - start
    text = "\n".join(feedback.lines)
    greedy = re.search(r"greedy start: ([\d,]+); the MIP: ([\d,]+)", text)
    size = re.search(r"problem: (\d+) (?:demand )?groups.* (\d+) eligible candidates, (\d+) pairs", text)
    cell = re.search(r"one ([\d.]+) m grid cell.* (\d+) demand groups, (\d+) pairs", text)
    print(f"{os.path.basename(path)} {fac_type}: {homes.featureCount()} homes; groups {size[1]}, "
          f"candidates {size[2]}, pairs {size[3]}; aggregated "
          f"{f'to {cell[1]} m cells, {cell[2]} groups, {cell[3]} pairs' if cell else 'no'}; "
          f"greedy {greedy[1] if greedy else '-'} sites, MIP {greedy[2] if greedy else result['SITES_PROPOSED']} sites"
          f" ({'greedy kept' if 'too large for the MIP' in text else 'mip'}), gap {number(result['GAP'])} %, coverage "
          f"{number(result['COVERAGE_BEFORE'])} → {number(result['COVERAGE_AFTER'])} %, {seconds:.1f} s", flush=True)


def number(value):
    return "unknown" if value is None or value != value else f"{value:.1f}"


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--types", default="shelter,kindergarten")
    parser.add_argument("--target", type=float, default=80.0)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--codes", default="")
    parser.add_argument("--distance", type=float)
    args = parser.parse_args(argv)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import qgis_session
    qgis_session.start()
    district = os.path.join(city_tiles.CACHE, "demo_district.gpkg")   # a copy: opening it in QGIS touches it
    os.makedirs(city_tiles.CACHE, exist_ok=True)
    shutil.copy(city_tiles.DISTRICT, district)
    paths = [district] + [
        city_tiles.city(math.ceil(math.sqrt(n / DISTRICT_BUILDINGS)), layers=LAYERS, limits={"buildings": n},
                        name=f"siting_{n}.gpkg") for n in (int(s) for s in args.sizes.split(",") if s)]
    for fac_type in args.types.split(","):
        for path in paths:
            run(path, fac_type, args.target, args.time_limit,
                {**({"ELIGIBLE_CODES": args.codes} if args.codes else {}),
                 **({"DISTANCE": args.distance} if args.distance else {})})


if __name__ == "__main__":
    main()
