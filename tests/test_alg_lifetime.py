"""A run that fails or is cancelled leaves no Python wrapper of its algorithm behind.

Processing runs a copy of the algorithm and deletes the copy's C++ object, with the parameter definitions it
holds, when the run ends. An error raised out of processAlgorithm outlives the run (QGIS keeps it with its
traceback); had a frame on that traceback kept ``self``, the copy's wrapper and the wrappers of its definitions
stayed registered under addresses that the next run's definitions reuse. With QGIS 3.44 (Python 3.14, sip 6.16)
that next run was handed wrappers of the wrong types and crashed (the wizard's re-check after a cancelled run).
Here the collector is off, so a wrapper still reachable after the run is one the run left behind.

The parameters are checked on such a copy too (the algorithm dialog's, qgis_process's), and an error raised out of the
check is kept the same way: the check answers with a refusal instead (algorithms.base.refuses_instead_of_raising).
"""
import gc
import shutil
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
from qgis.PyQt import sip

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
MODEL = "lcr:master_plan_check"


def _left_behind():
    from lcr_toolkit.algorithms.base import LcrAlgorithm
    from lcr_toolkit.provider import ShippedModel

    return [type(o).__name__ for o in gc.get_objects()
            if isinstance(o, (LcrAlgorithm, ShippedModel)) and sip.isdeleted(o)]


@pytest.mark.parametrize("model", [MODEL, "lcr:master_plan_check_model"])   # the model's steps are copies C++ owns too
@pytest.mark.parametrize("failure", ["cancelled", "bad field", "bad input"])
def test_a_failed_run_leaves_no_wrapper_of_its_deleted_algorithm(provider, tmp_path, failure, model):
    sys.path.insert(0, str(REPO / "scripts"))
    from batch_check import model_parameters

    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")
    parameters = model_parameters(model, district, str(tmp_path / "out"))
    feedback = QgsProcessingFeedback()
    if failure == "cancelled":          # Canceled at the first look: the message of LcrAlgorithm
        feedback.cancel()
    elif failure == "bad field":        # a QgsProcessingException raised by the check itself, re-raised as is
        parameters["unit_id_field"] = "no_such_field"
    else:                               # an InputError: a planning-unit layer without features
        parameters["units"] = f"{district}|layername=planning_units|subset=1=0"
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(model)
    gc.collect()
    gc.disable()
    try:
        assert _left_behind() == []
        results, ok = algorithm.run(parameters, QgsProcessingContext(), feedback)
        left = _left_behind()
    finally:
        gc.enable()
    assert left == []
    if failure != "cancelled" or model == MODEL:
        assert not ok and not results
    else:       # QGIS's model stops at the Cancel before its first step, with ok and no step's inputs or results
        assert not any(results.values())


def _checked_then_deleted(algorithm_id, parameters):
    """Checks ``parameters`` on a copy as the algorithm dialog and qgis_process do, then deletes it as the closing dialog
    does (C++ owns their copies). An error raised out of the check is kept, as the dialog's error window and
    sys.last_exc keep it. Returns the check's answer (None if it raised) and what is left behind."""
    copy = QgsApplication.processingRegistry().algorithmById(algorithm_id).create()
    gc.collect()
    gc.disable()
    try:
        assert _left_behind() == []
        answer, kept = None, None
        try:
            answer = copy.checkParameterValues(parameters, QgsProcessingContext())
        except Exception as err:  # noqa: BLE001
            kept = err
        sip.delete(copy)
        del copy
        left = _left_behind()
    finally:
        gc.enable()
    del kept
    return answer, left


@pytest.mark.parametrize("model", [MODEL, "lcr:master_plan_check_model"])
@pytest.mark.parametrize("failure", ["missing field", "invalid layer", "null character", "unforeseen error"])
def test_a_refused_check_leaves_no_wrapper_of_its_deleted_algorithm(provider, tmp_path, monkeypatch, model, failure):
    sys.path.insert(0, str(REPO / "scripts"))
    from batch_check import model_parameters

    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")
    parameters = model_parameters(model, district, str(tmp_path / "out"))
    if failure == "missing field":
        parameters["unit_id_field"] = "no_such_field"
    elif failure == "invalid layer":
        parameters["units"] = str(tmp_path / "no_such_file.gpkg")
    elif failure == "null character":     # a batch table's or script's file name: Python's path functions raise
        parameters["report:report_html"] = str(tmp_path / "out\0.html")
    else:                                   # any error the check did not foresee, raised in a frame holding self
        import lcr_toolkit.algorithms.base as base
        import lcr_toolkit.provider as provider_module

        def unreadable(*args):
            raise OSError("simulated: the disk went away")
        monkeypatch.setattr(base, "_file_key", unreadable)                       # lcr:master_plan_check
        monkeypatch.setattr(provider_module, "decoded_field_names", unreadable)  # the model's own field check
    answer, left = _checked_then_deleted(model, parameters)
    assert left == []
    ok, message = answer
    if failure == "unforeseen error":
        assert (ok, message) == (False, "The parameters could not be checked (OSError: simulated: the disk went away).")
    elif failure == "null character" and model == MODEL:
        assert (ok, message) == (False, (
            "Planning check report (HTML): “{path}” cannot be a file name: it holds a character no file name can hold "
            "(a null character, or one the system cannot encode).").format(path=tmp_path / "out\\0.html"))
    elif failure == "invalid layer" or model != MODEL:
        # the model's own check refuses the missing field; QGIS's accepts the null character (its step refuses it)
        assert ok == (failure == "null character") and (ok or "units" in message.lower())
    else:                                   # the plan check finds its fields when it reads the layers (the run refuses)
        assert ok


def test_no_algorithm_prepares_or_post_processes_in_python(provider):
    """Processing calls prepareAlgorithm and postProcessAlgorithm on the copy C++ owns, like checkParameterValues: the
    toolkit's algorithms and models leave both to QGIS's C++, where no Python frame can keep the copy. One written
    in Python would need the guard of checkParameterValues (algorithms.base.refuses_instead_of_raising)."""
    overriding = [
        f"{algorithm.id()}.{name}"
        for algorithm in QgsApplication.processingRegistry().algorithms() if algorithm.provider().id() == "lcr"
        for name in ("prepareAlgorithm", "postProcessAlgorithm")
        if any(name in vars(cls) for cls in type(algorithm).__mro__ if cls.__module__.startswith("lcr_toolkit"))]
    assert overriding == []
