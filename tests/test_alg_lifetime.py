"""A run that fails or is cancelled leaves no Python wrapper of its algorithm behind.

Processing runs a copy of the algorithm and deletes the copy's C++ object, with the parameter definitions it
holds, when the run ends. An error raised out of processAlgorithm outlives the run (QGIS keeps it with its
traceback); had a frame on that traceback kept ``self``, the copy's wrapper and the wrappers of its definitions
stayed registered under addresses that the next run's definitions reuse. With QGIS 3.44 (Python 3.14, sip 6.16)
that next run was handed wrappers of the wrong types and crashed (the wizard's re-check after a cancelled run).
Here the collector is off, so a wrapper still reachable after the run is one the run left behind.
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

    return [type(o).__name__ for o in gc.get_objects() if isinstance(o, LcrAlgorithm) and sip.isdeleted(o)]


@pytest.mark.parametrize("failure", ["cancelled", "bad field", "bad input"])
def test_a_failed_run_leaves_no_wrapper_of_its_deleted_algorithm(provider, tmp_path, failure):
    sys.path.insert(0, str(REPO / "scripts"))
    from batch_check import model_parameters

    district = shutil.copy(DISTRICT, tmp_path / "district.gpkg")
    parameters = model_parameters(MODEL, district, str(tmp_path / "out"))
    feedback = QgsProcessingFeedback()
    if failure == "cancelled":          # Canceled at the first look: the message of LcrAlgorithm
        feedback.cancel()
    elif failure == "bad field":        # a QgsProcessingException raised by the check itself, re-raised as is
        parameters["unit_id_field"] = "no_such_field"
    else:                               # an InputError: a planning-unit layer without features
        parameters["units"] = f"{district}|layername=planning_units|subset=1=0"
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(MODEL)
    gc.collect()
    gc.disable()
    try:
        assert _left_behind() == []
        results, ok = algorithm.run(parameters, QgsProcessingContext(), feedback)
        left = _left_behind()
    finally:
        gc.enable()
    assert not ok and not results
    assert left == []
