"""What keeps a plan check's memory down: the steps reading a layer already read run first
(``step_order``), so that each layer is freed before the next is read."""
from lcr_toolkit.algorithms.plan_check_glue import step_order
from lcr_toolkit.qt_compat import MODEL_SOURCE


class _Source:
    def __init__(self, layer=None, child=None):
        self.layer, self.child = layer, child

    def source(self):
        return MODEL_SOURCE.ModelParameter if self.layer else MODEL_SOURCE.ChildOutput

    def parameterName(self):  # noqa: N802
        return self.layer

    def outputChildId(self):  # noqa: N802
        return self.child


class _Step:
    def __init__(self, sources):
        self.sources = sources

    def parameterSources(self):  # noqa: N802
        return {"INPUT": self.sources}


class _Model:
    """The detailed check's first steps: emissions and flood read the buildings and the flood zones, PV
    reads the emissions' output, the PV share PV's and flood's."""

    steps = {"emissions": [_Source("buildings")], "flood": [_Source("flood_zones")], "pv": [_Source(child="emissions")],
             "pv_share": [_Source(child="pv"), _Source(child="flood")]}

    def childAlgorithms(self):  # noqa: N802
        return {cid: _Step(sources) for cid, sources in self.steps.items()}

    def childAlgorithm(self, cid):  # noqa: N802
        return _Step(self.steps[cid])

    def dependsOnChildAlgorithms(self, cid):  # noqa: N802
        return {source.child for source in self.steps[cid] if source.child}


def test_the_steps_reading_a_layer_already_read_run_first():
    # the model's order, level by level: flood reads the flood zones while the buildings are held for PV
    assert step_order(_Model()) == ["emissions", "flood", "pv", "pv_share"]
    # PV reads the buildings (through the emissions) that are being read: it runs before flood opens a layer
    assert step_order(_Model(), ["buildings", "flood_zones"]) == ["emissions", "pv", "flood", "pv_share"]
