#!/usr/bin/env python3
"""Generate the demo district shipped with the plugin: resources/sample_data/demo_district.gpkg, and
beside it demo_daily_rainfall.csv, a synthetic (not observed) daily rainfall series for the sponge checks.

Run it with the project's venv:  .venv/bin/python scripts/make_demo_district.py [output.gpkg]
The generator itself, layer by layer, is the package scripts/demo_district (its docstring
describes the district and its layers).
"""
import sys
from pathlib import Path

from osgeo import gdal, ogr

from demo_district import generate
from demo_district.gpkg import write_geopackage
from demo_district.rainfall import daily_rainfall, write_rainfall_csv

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
RAINFALL_NAME = "demo_daily_rainfall.csv"   # written in the folder of the GeoPackage


def main(argv):
    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    gdal.UseExceptions()
    ogr.UseExceptions()
    layers, share = generate()
    write_geopackage(output, layers)
    counts = ", ".join(f"{k} {len(v)}" for k, v in layers.items())
    print(f"{output}: {counts}; {share:.1%} of buildings touch a flood zone")
    rain = daily_rainfall()
    write_rainfall_csv(output.parent / RAINFALL_NAME, rain)
    print(f"{output.parent / RAINFALL_NAME}: {len(rain)} days, synthetic")


if __name__ == "__main__":
    main(sys.argv)
