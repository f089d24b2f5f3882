"""scripts/make_models.py, run on this QGIS, names every model's inputs and outputs as the shipped
.model3 files do: the wizard, demo.py, batch_check.py and users' scripts read results by those names."""
import importlib.util
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingModelAlgorithm

REPO = Path(__file__).resolve().parents[1]
BUILDERS = {"emissions_and_flood_exposure": "emissions_and_flood", "carbon_balance_from_layers": "carbon_balance",
            "resilience_assessment": "resilience_assessment", "master_plan_check_model": "master_plan_check",
            "detailed_plan_check_model": "detailed_plan_check"}


@pytest.fixture(scope="module")
def make_models():
    sys.path.insert(0, str(REPO / "scripts"))
    spec = importlib.util.spec_from_file_location("make_models", REPO / "scripts" / "make_models.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def names(model):
    return sorted(p.name() for p in model.parameterDefinitions()), sorted(o.name() for o in model.outputDefinitions())


@pytest.mark.parametrize("stem", BUILDERS)
def test_rebuilt_model_keeps_the_shipped_names(provider, make_models, stem):
    shipped = QgsProcessingModelAlgorithm()
    assert shipped.fromFile(str(REPO / "resources" / "models" / f"{stem}.model3"))
    rebuilt = getattr(make_models, BUILDERS[stem])()
    assert names(rebuilt) == names(shipped)


def test_rebuilt_plan_check_outputs_are_child_and_output(provider, make_models):
    outputs = names(make_models.master_plan_check())[1]
    assert outputs == ["check:planning_check", "check:rules", "report:report_html", "report:report_pdf",
                       "synergy:synergy"]
