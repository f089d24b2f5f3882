"""Time lcr:urban_cooling and measure its peak memory on synthetic land-cover rasters.

Each size runs in a fresh child process, so the peak resident set (ru_maxrss) is that run's alone;
the table gives it less the process's resident set just before the run (QGIS, the inputs on disk).
The raster is square, 10 m cells in EPSG:4549: built-up ground with parks (green, shaded) big enough
to pass the 2 ha threshold, rows of street trees, water and bare patches, from a fixed seed; 100
planning units tile it. Cooling distance 450 m and mixing radius 500 m (the InVEST defaults) make
the kernels 451 and 501 cells wide, so the distance-weighted steps dominate.

--save DIR keeps each run's HM and T_air rasters (hm_<n>.tif, tair_<n>.tif); --compare DIR checks
them against an earlier --save, cell by cell, to 1e-6.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_cooling.py [--sizes 2000,4000]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

SEED = 4549
CRS_EPSG = 4549
ORIGIN = (572000.0, 3402000.0)
CELL_M = 10.0
UNITS_PER_SIDE = 10
TOLERANCE = 1e-6
TABLE = ("lucode,class,kc,shade,albedo,green_area\n1,built_up,0.1,0,0.15,0\n2,park,1.0,0.8,0.2,1\n"
         "3,grass,0.9,0,0.25,1\n4,street_trees,0.7,0.6,0.15,0\n5,water,1.1,0,0.08,0\n6,bare,0.3,0,0.3,0\n")


def land_cover(n, rng):
    """Integer codes 1–6 on an n × n grid, about a fifth of it green."""
    codes = np.ones((n, n), dtype=np.int32)
    for _ in range(max(4, n * n // 40_000)):
        code = rng.choice([2, 2, 3, 5, 6])
        side = rng.integers(10, 60, size=2)
        r, c = rng.integers(0, n - 1, size=2)
        codes[r:r + side[0], c:c + side[1]] = code
    codes[::25, :] = np.where(codes[::25, :] == 1, 4, codes[::25, :])
    codes[-1, -1] = 0   # one nodata cell
    return codes


def write_inputs(n, folder):
    from osgeo import gdal, ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CRS_EPSG)
    lulc = os.path.join(folder, f"lulc_{n}.tif")
    dataset = gdal.GetDriverByName("GTiff").Create(lulc, n, n, 1, gdal.GDT_Int32, options=["TILED=YES"])
    dataset.SetGeoTransform((ORIGIN[0], CELL_M, 0, ORIGIN[1] + n * CELL_M, 0, -CELL_M))
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(0)
    band.WriteArray(land_cover(n, np.random.default_rng(SEED)))
    dataset = None
    units = os.path.join(folder, f"units_{n}.gpkg")
    store = ogr.GetDriverByName("GPKG").CreateDataSource(units)
    layer = store.CreateLayer("units", srs=srs, geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("pop", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("old", ogr.OFTReal))
    side = n * CELL_M / UNITS_PER_SIDE
    for i in range(UNITS_PER_SIDE * UNITS_PER_SIDE):
        x, y = ORIGIN[0] + (i % UNITS_PER_SIDE) * side, ORIGIN[1] + (i // UNITS_PER_SIDE) * side
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + side} {y},{x + side} {y + side},{x} {y + side},{x} {y}))"))
        feature.SetField("pop", 1000.0 + i)
        feature.SetField("old", 100.0 + i)
        layer.CreateFeature(feature)
    store = None
    table = os.path.join(folder, "table.csv")
    with open(table, "w", encoding="utf-8") as handle:
        handle.write(TABLE)
    return lulc, units, table


def rss_mb():
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(n, save):
    """One run in this process; prints a JSON line with the numbers."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import qgis_session

    qgis_session.start()
    import processing

    folder = tempfile.mkdtemp(prefix="lcr_bench_cooling_")
    lulc, units, table = write_inputs(n, folder)
    out = save or folder
    params = {"LULC_RASTER": lulc, "BIOPHYSICAL_TABLE": table, "UNITS": units, "POPULATION_FIELD": "pop",
              "ELDERLY_FIELD": "old", "COOLING_DISTANCE": 450, "AVERAGE_RADIUS": 500, "OUTPUT": "TEMPORARY_OUTPUT",
              "OUTPUT_HM_RASTER": os.path.join(out, f"hm_{n}.tif"),
              "OUTPUT_TAIR_RASTER": os.path.join(out, f"tair_{n}.tif")}
    before = rss_mb()
    start = time.perf_counter()
    result = processing.run("lcr:urban_cooling", params)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconds": seconds, "peak_mb": peak, "base_mb": before,
                      "t_air_mean": result["T_AIR_MEAN"], "hm_mean": result["HM_MEAN"]}))


def compare(n, left, right):
    from osgeo import gdal

    worst = 0.0
    for name in ("hm", "tair"):
        a = gdal.Open(os.path.join(left, f"{name}_{n}.tif")).ReadAsArray().astype(float)
        b = gdal.Open(os.path.join(right, f"{name}_{n}.tif")).ReadAsArray().astype(float)
        if not np.array_equal(a == -9999, b == -9999):
            return float("inf")
        worst = max(worst, float(np.max(np.abs(a - b))))
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,4000", help="raster sides in cells, comma-separated")
    parser.add_argument("--save", help="folder to keep the HM and T_air rasters in")
    parser.add_argument("--compare", help="folder of an earlier --save to compare the rasters with")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.save)
        return
    if args.compare and not args.save:
        args.save = tempfile.mkdtemp(prefix="lcr_bench_cooling_out_")
    if args.save:
        os.makedirs(args.save, exist_ok=True)
    print(f"{'cells':>12} {'seconds':>8} {'peak MB':>8} {'run MB':>8} {'T_air mean':>11} {'max |diff|':>11}")
    for n in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, os.path.abspath(__file__), "--child", format(n)]
        if args.save:
            command += ["--save", args.save]
        lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.splitlines()
        row = json.loads(next(line for line in lines if line.startswith("{")))
        diff = f"{compare(n, args.compare, args.save):11.2e}" if args.compare else f"{'':>11}"
        print(f"{n:>6}×{n:<5} {row['seconds']:8.1f} {row['peak_mb']:8.0f} {row['peak_mb'] - row['base_mb']:8.0f} "
              f"{row['t_air_mean']:11.6f} {diff}", flush=True)


if __name__ == "__main__":
    main()
