"""plan_check_glue.Geometries: a layer read once by a plan check keeps its polygons as coordinates and
gives every chunk back as the same geometries (same type, coordinates, holes, Z, None, empty)."""
import numpy as np
import shapely

from lcr_toolkit.algorithms.plan_check_glue import Geometries


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
