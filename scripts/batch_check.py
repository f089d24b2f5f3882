"""Run a ready-made plan-check model over several districts, headless, and print a summary.

    .venv/bin/python scripts/batch_check.py [--model master_plan_check] [--profile N] [--out DIR] \
        district1.gpkg district2.gpkg ...

Each district is a GeoPackage whose layers are named like the demo district's (planning_units,
parcels, buildings, landcover, roads, transit_stops, flood_zones, shelters, facilities, green_spaces)
and whose fields carry the model's default names, as lcr:prepare_osm writes them from an OpenStreetMap
extract (an optional layer the district lacks, such as its flood zones, is left out). Writes DIR/<district>_<model>.gpkg (layers
planning_check and synergy), DIR/<district>_<model>_rules.csv (one row per rule) and, where the
model has a report step, the report as .html and .pdf.
"""
import argparse
import os
import sys
from collections import Counter

import qgis_session

# Model layer parameters whose demo layer has another name.
LAYER_NAMES = {"units": "planning_units"}
# A layer the district may lack, and the one checked in its place: lcr:prepare_osm writes planning units, no parcels.
STAND_INS = {"parcels": "planning_units"}
# Field names tried, in order, where a field parameter's default is not in its layer (prepare_osm's units carry
# unit_id, not parcel_id).
FIELD_GUESSES = {"parcel_id_field": ("parcel_id", "unit_id"), "name_field": ("name", "parcel_id", "unit_id")}
TABLES = {"check:planning_check": "planning_check", "synergy:synergy": "synergy"}
FILES = {"check:rules": "_rules.csv", "report:report_html": ".html", "report:report_pdf": ".pdf"}


def model_parameters(model_id, gpkg, out_base, notes=None, **overrides):
    """Parameters of a plan-check model for one district: its layers by name, every other parameter
    at the model's default (QGIS 3.22 checks field parameters before it applies their defaults, so
    they are passed explicitly), outputs into ``out_base``.gpkg, _rules.csv, .html and .pdf (a table
    without geometry written into the GeoPackage by an ogr: destination makes GDAL log an error).
    A district without parcels (lcr:prepare_osm's output) has its planning units checked as parcels, and a
    field whose default name its layer lacks takes the first of ``FIELD_GUESSES`` it has (unit_id for the
    parcel id); each such choice is a sentence appended to ``notes``."""
    from qgis.core import QgsApplication, QgsProcessingParameterFeatureSource

    from osgeo import ogr

    model = QgsApplication.processingRegistry().algorithmById(model_id)
    if model is None:
        raise SystemExit(f"unknown model {model_id}")
    notes = [] if notes is None else notes
    source = ogr.Open(str(gpkg))
    fields = {}
    for i in range(source.GetLayerCount() if source is not None else 0):
        definition = source.GetLayer(i).GetLayerDefn()
        fields[source.GetLayer(i).GetName()] = [definition.GetFieldDefn(k).GetName()
                                                for k in range(definition.GetFieldCount())]
    source = None
    parameters, layers = {}, {}
    for definition in model.parameterDefinitions():
        name = definition.name()
        if isinstance(definition, QgsProcessingParameterFeatureSource):
            layer = LAYER_NAMES.get(name, name)
            if layer not in fields and STAND_INS.get(name) in fields:
                notes.append(f"{gpkg}: no layer {layer}; its {STAND_INS[name]} are checked as {name}")
                layer = STAND_INS[name]
            # An optional layer the district lacks (flood zones of an OpenStreetMap district) is left out.
            if layer not in fields and definition.flags() & definition.FlagOptional:
                continue
            parameters[name], layers[name] = f"{gpkg}|layername={layer}", layer
        elif definition.isDestination():
            if name in TABLES:
                parameters[name] = f"ogr:dbname='{out_base}.gpkg' table=\"{TABLES[name]}\" (geom)"
            elif name in FILES:
                parameters[name] = out_base + FILES[name]
        elif definition.defaultValue() is not None:
            parameters[name] = definition.defaultValue()
    for definition in model.parameterDefinitions():
        name, parent = definition.name(), getattr(definition, "parentLayerParameterName", lambda: None)()
        have = fields.get(layers.get(parent), None)
        if name in FIELD_GUESSES and have is not None and parameters.get(name) not in have:
            guess = next((field for field in FIELD_GUESSES[name] if field in have), None)
            if guess is not None:
                notes.append(f"{gpkg}: {layers[parent]} has no field {parameters.get(name)}: {name} = {guess}")
                parameters[name] = guess
    parameters.update(overrides)
    return parameters


def run_model(model_id, gpkg, out_base, feedback=None, notes=None, **overrides):
    """Run the model on one district's GeoPackage (existing outputs replaced); returns the result dict.
    ``overrides`` are model parameters (the model's own "district" among them); ``notes`` gets the choices
    ``model_parameters`` made (also logged to ``feedback``)."""
    import processing

    for suffix in (".gpkg", *FILES.values()):
        if os.path.exists(out_base + suffix):
            os.remove(out_base + suffix)
    notes = [] if notes is None else notes
    parameters = model_parameters(model_id, gpkg, out_base, notes=notes, **overrides)
    for note in notes:
        if feedback is not None:
            feedback.pushInfo(note)
    return processing.run(model_id, parameters, feedback=feedback)


def rule_counts(result):
    """{"pass": n, "fail": n, "not_assessed": n, "estimated": n} from the model's rule table."""
    from qgis.core import QgsVectorLayer

    rules = QgsVectorLayer(result["check:rules"], "rules", "ogr")
    if not rules.isValid():
        raise RuntimeError(f"cannot read {result['check:rules']}")
    counts = Counter(feature["verdict"] for feature in rules.getFeatures())
    return {verdict: counts.get(verdict, 0) for verdict in ("pass", "fail", "not_assessed", "estimated")}


def feature_scores(result, id_field):
    """[(id, score, n_pass, n_fail, n_na)] of the checked units or parcels."""
    from qgis.core import QgsVectorLayer

    check = QgsVectorLayer(result["check:planning_check"], "check", "ogr")
    return [(f[id_field], f["score"], f["n_pass"], f["n_fail"], f["n_na"]) for f in check.getFeatures()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("districts", nargs="+", help="district GeoPackages")
    parser.add_argument("--model", default="master_plan_check", help="model file stem (default master_plan_check)")
    parser.add_argument("--profile", type=int, help="standards profile index of lcr:planning_check")
    parser.add_argument("--out", default=os.path.join(qgis_session.REPO, "out", "batch"), help="output folder")
    args = parser.parse_args()
    qgis_session.start()
    os.makedirs(args.out, exist_ok=True)
    overrides = {} if args.profile is None else {"profile": args.profile}
    failed = 0
    print(f"{'district':<28} {'pass':>5} {'fail':>5} {'n/a':>5} {'est.':>5}  output")
    for district in args.districts:
        # QGIS 3.22 finds no driver for a table written into a GeoPackage whose name has a dot before its
        # extension ("plan_v1.2.gpkg": "OGR driver for '' not found")
        stem = os.path.splitext(os.path.basename(district))[0].replace(".", "_")
        out_base = os.path.join(os.path.abspath(args.out), f"{stem}_{args.model}")
        notes = []
        try:
            result = run_model(f"lcr:{args.model}", os.path.abspath(district), out_base, notes=notes, **overrides)
        except Exception as error:  # one bad district must not stop the batch
            failed += 1
            print(f"{stem:<28} failed: {format(error).strip().splitlines()[-1]}")
            continue
        finally:
            for note in notes:
                print(f"  note: {note}")
        counts = rule_counts(result)
        print(f"{stem:<28} {counts['pass']:>5} {counts['fail']:>5} {counts['not_assessed']:>5} "
              f"{counts['estimated']:>5}  {out_base}.gpkg")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
