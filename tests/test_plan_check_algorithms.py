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
_PROVIDERS = []


@pytest.fixture(scope="module")
def lcr(qgis_processing):
    """The plugin's provider, registered once for the module's fixtures."""
    from qgis.core import QgsApplication

    from lcr_toolkit.provider import LcrProvider

    if QgsApplication.processingRegistry().providerById("lcr") is None:
        _PROVIDERS.append(LcrProvider())
        QgsApplication.processingRegistry().addProvider(_PROVIDERS[-1])


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
                    for d in alg.parameterDefinitions()}
        assert described(algorithm) == described(model), check
        assert {o.name(): o.type() for o in algorithm.outputDefinitions()} == \
            {o.name(): o.type() for o in model.outputDefinitions()}, check


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


def test_a_cancel_stops_the_check_within_a_second(lcr, tmp_path, log_feedback, monkeypatch):
    """Cancelled 0.1 s after the run first builds a road network (the life-circle step), the check
    stops within a second, fails, and leaves none of its outputs."""
    import threading
    import time

    import processing
    from qgis.core import QgsProcessingException

    from batch_check import model_parameters
    from lcr_toolkit.core import network

    feedback, due = log_feedback(), []
    original = network.build_network

    def first_call(*args, **kwargs):
        if not due:
            due.append(time.perf_counter() + 0.1)
            threading.Timer(0.1, feedback.cancel).start()
        return original(*args, **kwargs)

    monkeypatch.setattr(network, "build_network", first_call)
    base = str(tmp_path / "master")
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("lcr:master_plan_check", model_parameters("lcr:master_plan_check", DISTRICT, base),
                       feedback=feedback)
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
