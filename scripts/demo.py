"""Run the toolkit on the bundled demo district, headless, and print what a planner would read.

Writes into out/demo/ (or the folder given as the first argument): building_emissions.gpkg and
flood_exposure.gpkg; then the two ready-made plan checks from the raw layers, the master plan
of the planning units and the detailed plan of the parcels: <model>.gpkg (layers planning_check
and synergy), <model>_rules.csv (one row per rule) and, where lcr:planning_report exists, the
report as <model>.html and <model>.pdf, with the plan's name, district and organisation on its first
page. Prints the totals and a pass/fail summary of each check.
"""
import os
import sys
import time

import qgis_session
from batch_check import feature_scores, rule_counts, run_model

DISTRICT = os.path.join(qgis_session.REPO, "resources", "sample_data", "demo_district.gpkg")
# The detailed check's runoff control rate needs a daily rainfall series (the demo's is synthetic) and
# the parcels' LID storage, whose fields the model leaves empty unless told.
RAIN = os.path.join(qgis_session.REPO, "resources", "sample_data", "demo_daily_rainfall.csv")
SPONGE = {"daily_rainfall": RAIN, "bioretention_field": "bioret_m2", "permeable_paving_field": "perm_pave_m2",
          "green_roof_field": "green_roof_m2", "tank_field": "tank_m3"}
CHECKS = [("master_plan_check", "Master plan check of the planning units", "unit_id", {}),
          ("detailed_plan_check", "Detailed plan check of the parcels", "parcel_id", SPONGE)]
# The first page of the demo's reports: the district and the plans are invented.
PLANS = {"master_plan_check": "Demo district territorial master plan 2025–2035",
         "detailed_plan_check": "Demo district detailed plan (parcels) 2025–2035"}
DISTRICT_NAME = "Demo district (invented), Jiaxing, Zhejiang"
ORGANISATION = "LCR Toolkit team (demonstration data)"


def report_details(model):
    """The model parameters that put the plan, district and organisation on the report's first page."""
    return {"plan_name": PLANS[model], "district": DISTRICT_NAME, "organisation": ORGANISATION}


def layer(name):
    return f"{DISTRICT}|layername={name}"


def rules(result):
    from qgis.core import QgsVectorLayer

    table = QgsVectorLayer(result["check:rules"], "rules", "ogr")
    has_nap = table.fields().lookupField("n_nap") >= 0   # rules limited to some land uses
    return [(f["rule_id"], f["verdict"], f["n_pass"], f["n_fail"], f["n_na"], f["n_nap"] if has_nap else 0,
             f["status"]) for f in table.getFeatures()]


def print_check(title, result, id_field, out_base, seconds):
    counts = rule_counts(result)
    print(f"{title} ({seconds:.1f} s): {counts['pass']} rules passed, {counts['fail']} failed, "
          f"{counts['not_assessed']} not assessed  -> {out_base}.gpkg")
    for rule, verdict, n_pass, n_fail, n_na, n_nap, status in rules(result):
        mark = "" if status == "verified" else "  (unverified threshold)"
        other_uses = f", {n_nap} other land uses" if int(n_nap or 0) else ""
        print(f"  {rule:<22} {verdict:<13} {n_pass:>4} pass {n_fail:>4} fail {n_na:>4} n/a{other_uses}{mark}")
    scores = feature_scores(result, id_field)
    if len(scores) <= 12:
        print("  score = passed / assessed rules:")
        for ident, score, n_pass, n_fail, n_na in scores:
            shown = "  n/a" if not isinstance(score, float) else f"{score:5.2f}"
            print(f"    {ident:<8} {shown}  ({n_pass} pass, {n_fail} fail, {n_na} not assessed)")
    else:
        assessed = [s[1] for s in scores if isinstance(s[1], float)]
        print(f"  {len(scores)} features, {len(assessed)} with a score: mean {sum(assessed) / len(assessed):.2f}, "
              f"{sum(s == 1 for s in assessed)} pass every assessed rule, "
              f"{sum(s < 0.5 for s in assessed)} score below 0.5")
    for key in ("report:report_html", "report:report_pdf"):
        if key in result:
            print(f"  report: {result[key]}")
    print()


def main():
    out_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(qgis_session.REPO, "out", "demo"))
    os.makedirs(out_dir, exist_ok=True)
    qgis_session.start()
    import processing
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    emissions = processing.run("lcr:building_emissions", {
        "INPUT": layer("buildings"), "FLOORS_FIELD": "floors", "USE_FIELD": "use",
        "OUTPUT": os.path.join(out_dir, "building_emissions.gpkg")}, feedback=feedback)
    flood = processing.run("lcr:flood_exposure", {
        "INPUT": layer("buildings"), "HAZARD": layer("flood_zones"), "DEPTH_FIELD": "depth_m",
        "POPULATION_FIELD": "residents", "OUTPUT": os.path.join(out_dir, "flood_exposure.gpkg")}, feedback=feedback)
    print(f"Demo district: {emissions['TOTAL_GFA_M2']:,.0f} m² GFA, {emissions['TOTAL_CO2_T']:,.0f} t CO2/a; "
          f"{flood['EXPOSED_COUNT']} buildings and {flood['EXPOSED_POPULATION']:,.0f} residents in the design flood")
    print()
    for model, title, id_field, overrides in CHECKS:
        out_base = os.path.join(out_dir, model)
        started = time.perf_counter()
        result = run_model(f"lcr:{model}", DISTRICT, out_base, feedback=feedback, **overrides,
                           **report_details(model))
        print_check(title, result, id_field, out_base, time.perf_counter() - started)


if __name__ == "__main__":
    main()
