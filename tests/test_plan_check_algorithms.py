"""lcr:master_plan_check and lcr:detailed_plan_check (Python algorithms that read each layer once) take
the parameters of their models (lcr:*_plan_check_model) and give the models' results exactly: every
field of every unit or parcel, every rule's tallies and the synergy, on the demo district in its own
CRS and in EPSG:4326 (where every step measures in UTM)."""
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from osgeo import gdal, ogr

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
CHECKS = ("master_plan_check", "detailed_plan_check")
sys.path.insert(0, str(REPO / "scripts"))


def table(path, name):
    source = ogr.Open(str(path))
    layer = source.GetLayerByName(name)
    rows = [dict(feature.items(), geometry=feature.GetGeometryRef().ExportToWkt()
                 if feature.GetGeometryRef() else None) for feature in layer]
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def district_4326(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("plan_4326") / "demo_4326.gpkg")
    source = ogr.Open(str(DISTRICT))
    for i in range(source.GetLayerCount()):
        name = source.GetLayer(i).GetName()
        gdal.VectorTranslate(path, str(DISTRICT), options=gdal.VectorTranslateOptions(
            layers=[name], layerName=name, dstSRS="EPSG:4326", accessMode="append" if i else None))
    return path


@pytest.fixture(scope="module")
def pairs(lcr, district_4326, tmp_path_factory):
    from batch_check import run_model

    folder = tmp_path_factory.mktemp("plan_pairs")
    found = {}
    for crs, district in (("own", str(DISTRICT)), ("4326", district_4326)):
        for check in CHECKS:
            for form in (check, f"{check}_model"):
                base = str(folder / f"{form}_{crs}")
                run_model(f"lcr:{form}", district, base)
                found[(form, crs)] = base
    return found


def test_the_algorithms_take_their_models_parameters(lcr):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    for check in CHECKS:
        algorithm, model = registry.algorithmById(f"lcr:{check}"), registry.algorithmById(f"lcr:{check}_model")
        assert model.displayName().endswith("(model)") and not algorithm.displayName().endswith("(model)")

        def described(alg):
            return {d.name(): (d.type(), d.defaultValue(), bool(d.flags() & d.FlagOptional), d.description())
                    for d in alg.parameterDefinitions() if d.name() != "OUTPUT_BUILDINGS"}
        assert described(algorithm) == described(model), check
        assert {o.name(): o.type() for o in algorithm.outputDefinitions() if o.name() != "OUTPUT_BUILDINGS"} == \
            {o.name(): o.type() for o in model.outputDefinitions()}, check
        # the one parameter more: the per-building layer, optional and not made unless asked for
        extra = algorithm.parameterDefinition("OUTPUT_BUILDINGS")
        assert extra.type() == "sink" and extra.flags() & extra.FlagOptional and not extra.createByDefault()


@pytest.mark.parametrize("crs", ["own", "4326"])
@pytest.mark.parametrize("check", CHECKS)
def test_the_algorithm_gives_the_models_results(pairs, check, crs):
    mine, theirs = pairs[(check, crs)], pairs[(f"{check}_model", crs)]
    for name in ("planning_check", "synergy"):
        got, want = table(mine + ".gpkg", name), table(theirs + ".gpkg", name)
        assert list(got.columns) == list(want.columns), name
        assert len(got) == len(want) > 0, name
        for column in want.columns:
            pd.testing.assert_series_equal(got[column], want[column], check_exact=True, obj=f"{name}.{column}")
    got, want = pd.read_csv(mine + "_rules.csv"), pd.read_csv(theirs + "_rules.csv")
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    # every rule is tallied and the verdicts are there to compare
    assert (want["n_pass"] + want["n_fail"]).sum() > 0
    assert np.isfinite(pd.to_numeric(table(mine + ".gpkg", "planning_check")["score"], errors="coerce")).any()


@pytest.mark.parametrize("check, module, function", [
    # the life-circle step, once it first builds a road network
    ("lcr:master_plan_check", "lcr_toolkit.core.network", "build_network"),
    # laying out the report, the last step (seconds of tables): the check's GeoPackage and rule table, finished
    # by earlier steps, must go with the rest (they stayed, and the layout ran on for 6 s)
    ("lcr:detailed_plan_check", "lcr_toolkit.algorithms.report_layout", "build_layout")])
def test_a_cancel_stops_the_check_within_a_second_and_leaves_nothing(lcr, tmp_path, log_feedback, monkeypatch, check,
                                                                     module, function):
    """Cancelled 0.1 s after the run first calls ``function``, the check stops within a second, fails, and
    leaves none of its outputs."""
    import importlib
    import threading
    import time

    import processing
    from qgis.core import QgsProcessingException

    from batch_check import model_parameters
    from demo import SPONGE

    feedback, due = log_feedback(), []
    owner = importlib.import_module(module)
    original = getattr(owner, function)

    def first_call(*args, **kwargs):
        if not due:
            due.append(time.perf_counter() + 0.1)
            threading.Timer(0.1, feedback.cancel).start()
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, function, first_call)
    extra = SPONGE if check == "lcr:detailed_plan_check" else {}
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(check, model_parameters(check, DISTRICT, str(tmp_path / "check"), **extra), feedback=feedback)
    stop = time.perf_counter() - due[0]
    assert "Cancelled" in str(raised.value) + feedback.text
    assert stop <= 1.0, stop
    assert not list(tmp_path.iterdir())


def test_floors_as_text_give_the_models_results(lcr, tmp_path):
    """Floors in a text field (6层, as survey tables keep them): the building-emissions step reads them as
    numbers, which the layer read once holds as text; the check reads them again, as the model does."""
    import shutil

    from batch_check import run_model

    district = tmp_path / "district.gpkg"
    shutil.copy(DISTRICT, district)
    source = ogr.Open(str(district), 1)
    layer = source.GetLayerByName("buildings")
    layer.CreateField(ogr.FieldDefn("floors_txt", ogr.OFTString))
    layer.StartTransaction()
    for feature in layer:
        floors = feature.GetField("floors")
        feature.SetField("floors_txt", None if floors is None else f"{floors}层")
        layer.SetFeature(feature)
    layer.CommitTransaction()
    source = layer = None
    bases = {}
    for form in ("master_plan_check", "master_plan_check_model"):
        bases[form] = str(tmp_path / form)
        run_model(f"lcr:{form}", str(district), bases[form], floors_field="floors_txt")
    got, want = (table(bases[form] + ".gpkg", "planning_check") for form in bases)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert pd.to_numeric(want["bldg_co2_t"]).sum() > 0


def test_buildings_are_written_only_on_request_with_the_single_algorithms_values(pairs, lcr, tmp_path):
    """By default a check writes no per-building layer; with OUTPUT_BUILDINGS it writes every building
    once with the fields of each per-building step, equal to those the single algorithms write with the
    model's settings (emissions then rooftop PV, life circles, transit, shelters), and the per-unit
    results stay those of the model."""
    import processing

    from batch_check import run_model

    assert not [p for p in Path(pairs[("master_plan_check", "own")]).parent.iterdir() if "build" in p.name]
    base = str(tmp_path / "master")
    result = run_model("lcr:master_plan_check", str(DISTRICT), base, OUTPUT_BUILDINGS=base + "_buildings.gpkg")
    got = table(result["OUTPUT_BUILDINGS"], "master_buildings")
    want_units = table(pairs[("master_plan_check_model", "own")] + ".gpkg", "planning_check")
    pd.testing.assert_frame_equal(table(base + ".gpkg", "planning_check"), want_units, check_exact=True)

    def layer(name):
        return f"{DISTRICT}|layername={name}"
    buildings, people = layer("buildings"), {"POPULATION_FIELD": "residents", "ROADS": layer("roads")}
    emissions = processing.run("lcr:building_emissions", {
        "INPUT": buildings, "FLOORS_FIELD": "floors", "USE_FIELD": "use", "GRID_REGION": 0,
        "OUTPUT": str(tmp_path / "emissions.gpkg")})["OUTPUT"]
    singles = {
        "pv": ("lcr:rooftop_pv", {"INPUT": emissions, "ROOF_TYPE_FIELD": "roof_type", "DEMAND_FIELD": "energy_kwh",
                                  "GRID_REGION": 0}),
        "life": ("lcr:life_circle", {"INPUT": buildings, **people, "FACILITIES": layer("facilities"),
                                     "FACILITY_TYPE_FIELD": "fac_type"}),
        "transit": ("lcr:transit_coverage", {"INPUT": buildings, **people, "STOPS": layer("transit_stops"),
                                             "STOP_TYPE_FIELD": "stop_type"}),
        "shelter": ("lcr:shelter_coverage", {"INPUT": buildings, **people, "SHELTERS": layer("shelters"),
                                             "AREA_FIELD": "eff_area_m2", "SHELTER_TYPE_FIELD": "shelter_type",
                                                 "CAPACITY_FIELD": "capacity", "FLOOD_ZONES": layer("flood_zones"),
                                             "FLOOD_DEPTH_FIELD": "depth_m"}),
    }
    compared = set()
    for name, (alg, params) in singles.items():
        path = processing.run(alg, {**params, "OUTPUT": str(tmp_path / f"{name}.gpkg")})["OUTPUT"]
        single = table(path, name)
        assert len(single) == len(got) == 3713
        for column in single.columns:
            if column not in ("method", "fid"):
                pd.testing.assert_series_equal(got[column], single[column], check_exact=True, obj=f"{name}.{column}")
                compared.add(column)
    assert {"co2_t_yr", "pv_kwh_yr", "lc_score", "rail_m", "shelter_m", "assigned"} <= compared
    assert got["co2_t_yr"].sum() > 0 and (got["in_reach"] == 1).any()


def test_the_detailed_check_writes_its_buildings_on_request(lcr, tmp_path):
    from batch_check import run_model

    base = str(tmp_path / "detailed")
    result = run_model("lcr:detailed_plan_check", str(DISTRICT), base)
    assert "OUTPUT_BUILDINGS" not in result and sorted(p.name for p in tmp_path.iterdir() if "build" in p.name) == []
    result = run_model("lcr:detailed_plan_check", str(DISTRICT), base, OUTPUT_BUILDINGS=base + "_buildings.gpkg")
    got = table(result["OUTPUT_BUILDINGS"], "detailed_buildings")
    assert len(got) == 3713 and got["bldg_id"].is_unique
    # the detailed check's per-building steps: emissions, rooftop PV, life circles (no transit or shelters)
    assert {"co2_t_yr", "pv_kwh_yr", "lc_score"} <= set(got.columns)
    assert not {"rail_m", "shelter_m"} & set(got.columns)


def test_each_layer_and_intermediate_is_freed_after_its_last_step(lcr, tmp_path, monkeypatch):
    """Freed as soon as no later step reads them: the buildings after the last step reading them (park
    supply, the 10th of 14), with them every result the steps shared from them; and no intermediate
    layer is left in the run's temporary store. The results stay the model's (the tests above)."""
    from batch_check import run_model
    from lcr_toolkit.algorithms import plan_check_glue, plan_checks
    from lcr_toolkit.core import shared

    events, cache_sizes = [], []
    run_step, free = plan_checks.ModelPlanCheck._run_step, plan_check_glue.StoredLayer.free

    def logged_step(self, child, *args):
        events.append(("step", child.childId()))
        return run_step(self, child, *args)

    def logged_free(self):
        before = len(shared._STATE.cache)
        free(self)
        events.append(("free", str(self.value).split("layername=")[-1]))
        cache_sizes.append((str(self.value).split("layername=")[-1], before, len(shared._STATE.cache)))

    monkeypatch.setattr(plan_checks.ModelPlanCheck, "_run_step", logged_step)
    monkeypatch.setattr(plan_check_glue.StoredLayer, "free", logged_free)
    run_model("lcr:master_plan_check", str(DISTRICT), str(tmp_path / "master"))
    steps = [e[1] for e in events if e[0] == "step"]
    freed = [e[1] for e in events if e[0] == "free"]
    assert len(steps) == 14 and sorted(freed) == sorted(
        ["buildings", "landcover", "roads", "transit_stops", "flood_zones", "shelters", "facilities", "green_spaces"])
    assert events.index(("free", "buildings")) == events.index(("step", "unit_parks")) + 1
    assert events.index(("free", "buildings")) < events.index(("step", "check"))
    # the buildings' shared results (representative points, their snaps to the roads) go with them
    sizes = dict((name, (before, after)) for name, before, after in cache_sizes)
    assert sizes["buildings"][1] < sizes["buildings"][0]
