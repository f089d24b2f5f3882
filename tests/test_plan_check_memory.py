"""What keeps a plan check's memory down: a layer read once keeps its polygons as coordinates and gives
every chunk back as the same geometries (``Geometries``: same type, coordinates, holes, Z, None,
empty), and the steps reading a layer already read run first (``step_order``)."""
import numpy as np
import shapely

from lcr_toolkit.algorithms.plan_check_glue import Geometries, step_order
from lcr_toolkit.qt_compat import MODEL_SOURCE


def _same(built, given):
    return len(built) == len(given) and all(
        (a is None and b is None) or (a is not None and b is not None and a.geom_type == b.geom_type
                                      and a.has_z == b.has_z and a.equals_exact(b, 0))
        for a, b in zip(built, given))


def test_chunks_come_back_as_the_geometries_read_whatever_their_kind():
    rng = np.random.default_rng(1)
    given = np.array(list(shapely.box(rng.random(50), rng.random(50), rng.random(50) + 1, rng.random(50) + 1)),
                     dtype=object)
    given[3] = None
    given[7] = shapely.Point(1, 2)
    given[10] = shapely.Polygon([(0, 0, 1), (1, 0, 1), (1, 1, 1)])
    given[11] = shapely.Polygon()
    given[12] = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)],
                                [[(1, 1), (2, 1), (2, 2)], [(5, 5), (6, 5), (6, 6)]])
    given[20] = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)])
    # read in chunks of 17, 1, 22 and 10 features
    kept = Geometries([given[:17], given[17:18], given[18:40], given[40:]])
    assert len(kept) == 50 and len(kept.others) == 5   # None, the point, the 3D, empty and multi-polygons
    assert len(kept.coords) == 44 * 5 + 5 + 4 + 4   # 44 boxes, the holed square's shell and two holes
    for start, end in [(0, 50), (0, 1), (3, 4), (5, 33), (17, 18), (49, 50), (12, 13), (20, 20)]:
        assert _same(kept.chunk(start, end), given[start:end])
    assert _same(np.concatenate(list(kept.chunks(7))), given)


def test_a_layer_of_polygons_only_keeps_no_rows_and_nothing_as_objects():
    boxes = shapely.box(np.arange(5.0), 0, np.arange(5.0) + 1, 1)
    kept = Geometries([boxes[:2], boxes[2:]])
    assert kept.rows is None and not len(kept.others) and _same(kept.chunk(1, 4), boxes[1:4])
    assert len(Geometries([]).chunk(0, 0)) == 0


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
