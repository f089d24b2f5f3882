"""Run the toolkit on the bundled demo district, headless, and print what a planner would read.

Writes out/demo/building_emissions.gpkg and out/demo/flood_exposure.gpkg (or the folder given
as the first argument) and prints totals, then a summary per planning unit.
"""
import os
import sys
import time

import pandas as pd

import qgis_session

DISTRICT = os.path.join(qgis_session.REPO, "resources", "sample_data", "demo_district.gpkg")


def layer(name):
    return f"{DISTRICT}|layername={name}"


def attributes(path, fields):
    """The chosen fields of a GeoPackage layer as a DataFrame (no geometry read)."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    vector = QgsVectorLayer(path, "out", "ogr")
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(fields, vector.fields())
    rows = [[f[name] for name in fields] for f in vector.getFeatures(request)]
    return pd.DataFrame(rows, columns=fields).apply(pd.to_numeric, errors="ignore")


def main():
    out_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(qgis_session.REPO, "out", "demo"))
    os.makedirs(out_dir, exist_ok=True)
    qgis_session.start()
    import processing
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    emissions_path = os.path.join(out_dir, "building_emissions.gpkg")
    flood_path = os.path.join(out_dir, "flood_exposure.gpkg")
    started = time.perf_counter()
    emissions = processing.run("lcr:building_emissions", {
        "INPUT": layer("buildings"), "FLOORS_FIELD": "floors", "USE_FIELD": "use",
        "OUTPUT": emissions_path}, feedback=feedback)
    flood = processing.run("lcr:flood_exposure", {
        "INPUT": layer("buildings"), "HAZARD": layer("flood_zones"), "DEPTH_FIELD": "depth_m",
        "POPULATION_FIELD": "residents", "OUTPUT": flood_path}, feedback=feedback)
    seconds = time.perf_counter() - started

    table = attributes(emissions_path, ["unit_id", "gfa_m2", "co2_t_yr", "residents"]).merge(
        attributes(flood_path, ["unit_id", "exposed", "pop_exp"]).drop(columns="unit_id"),
        left_index=True, right_index=True)
    units = table.groupby("unit_id").agg(
        buildings=("gfa_m2", "size"), gfa_m2=("gfa_m2", "sum"), co2_t_yr=("co2_t_yr", "sum"),
        residents=("residents", "sum"), exposed=("exposed", "sum"), pop_exp=("pop_exp", "sum"))
    units["kgco2_m2"] = 1000 * units["co2_t_yr"] / units["gfa_m2"]
    names = attributes(layer("planning_units"), ["unit_id", "pilot_type"]).set_index("unit_id")
    units = names.join(units, how="right")

    print(f"Demo district: {len(table)} buildings, both algorithms in {seconds:.1f} s")
    print(f"  Building emissions: {emissions['TOTAL_GFA_M2']:,.0f} m² GFA, {emissions['TOTAL_CO2_T']:,.0f} t CO2/a"
          f"  -> {emissions_path}")
    print(f"  Flood exposure:     {flood['EXPOSED_COUNT']} buildings, {flood['EXPOSED_POPULATION']:,.0f} residents"
          f"  -> {flood_path}")
    print()
    print(units.round({"gfa_m2": 0, "co2_t_yr": 1, "kgco2_m2": 1, "pop_exp": 0}).to_string())


if __name__ == "__main__":
    main()
