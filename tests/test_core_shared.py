"""core.shared: results shared inside ``sharing()``, and ``release`` dropping those computed from a
freed layer's arrays, and the results computed from those in turn."""
import numpy as np
import shapely

from lcr_toolkit.core import shared

CALLS = []


@shared.shareable
def doubled(values):
    CALLS.append("doubled")
    return values * 2


@shared.shareable
def summed(values, offset=0):
    CALLS.append("summed")
    return float(values.sum()) + offset


def test_release_drops_the_results_of_an_array_and_what_was_computed_from_them():
    a, b = np.arange(4.0), np.ones(3)
    CALLS.clear()
    with shared.sharing():
        twice = doubled(a)
        assert summed(twice) == 12.0 and summed(b) == 3.0
        assert doubled(a) is twice and summed(twice) == 12.0 and CALLS == ["doubled", "summed", "summed"]
        # a's doubled, and the sum of that: 2 entries; b's sum stays
        assert shared.release([a]) == 2
        assert summed(b) == 3.0 and CALLS == ["doubled", "summed", "summed"]
        assert doubled(a) is not twice and CALLS[-1] == "doubled"
    assert shared.release([a]) == 0   # outside sharing(): nothing is kept


@shared.shareable(by_content=(0,))
def counted(geometries, chunk):
    CALLS.append("counted")
    return len(geometries) + chunk


def test_content_keys_are_worked_out_once_per_array_and_match_equal_copies(monkeypatch):
    import shapely

    hashed = []
    original = shared._content
    monkeypatch.setattr(shared, "_content", lambda g: hashed.append(id(g)) or original(g))
    units = shapely.box(np.arange(3.0), 0.0, np.arange(3.0) + 1, 1.0)
    copy = shapely.box(np.arange(3.0), 0.0, np.arange(3.0) + 1, 1.0)
    CALLS.clear()
    with shared.sharing():
        assert [counted(units, k) for k in range(4)] == [3, 4, 5, 6]   # one step, four chunks
        assert len(hashed) == 1 and CALLS == ["counted"] * 4
        assert counted(copy, 2) == 5 and len(hashed) == 2 and len(CALLS) == 4   # a later step's equal read: shared
        del units
        other = shapely.box(np.arange(3.0), 5.0, np.arange(3.0) + 1, 6.0)   # may take the freed id
        assert counted(other, 0) == 3 and len(hashed) == 3 and len(CALLS) == 5
    assert counted(copy, 2) == 5 and len(hashed) == 3   # outside sharing(): simply runs, nothing hashed


def test_last_of_keeps_only_the_last_argument_inside_sharing():
    made = []

    def make(values):
        made.append(id(values))
        return values.sum()

    a, b = np.arange(3.0), np.arange(4.0)
    with shared.sharing():
        assert [shared.last_of("sum", a, make) for _ in range(3)] == [3.0] * 3 and len(made) == 1
        assert shared.last_of("sum", b, make) == 6.0 and len(made) == 2
        assert shared.last_of("sum", a, make) == 3.0 and len(made) == 3   # a was dropped for b
    assert shared.last_of("sum", a, make) == 3.0 and shared.last_of("sum", a, make) == 3.0 and len(made) == 5


def test_assign_to_zones_gives_the_same_zones_with_its_tree_kept():
    import shapely

    from lcr_toolkit.core import zones

    units = shapely.box([0.0, 10.0], 0.0, [10.0, 20.0], 10.0)
    chunks = [shapely.points([[1.0, 1.0], [15.0, 5.0]]), shapely.points([[25.0, 5.0], [10.0 - 1e-9, 9.0]])]
    with shared.sharing():
        inside = [zones.assign_to_zones(c, units).tolist() for c in chunks]
    assert inside == [[0, 1], [-1, 0]] == [zones.assign_to_zones(c, units).tolist() for c in chunks]


def test_keep_only_drops_what_was_computed_from_other_arrays_and_keeps_what_follows_from_the_kept():
    kept, units = np.arange(4.0), np.ones(3)
    CALLS.clear()
    with shared.sharing():
        twice = doubled(kept)
        summed(twice, offset=1)      # from a kept result: stays
        summed(units)                # from a step's own array: goes
        assert shared.keep_only([kept]) == 1
        assert doubled(kept) is twice and summed(twice, offset=1) == 13.0 and summed(units) == 3.0
        assert CALLS == ["doubled", "summed", "summed", "summed"]
        assert shared.keep_only([]) == 3   # every entry hangs on an array no longer kept
    assert shared.keep_only([kept]) == 0


def test_arguments_matched_by_content_are_not_held():
    import shapely

    units = shapely.box(np.arange(3.0), 0.0, np.arange(3.0) + 1, 1.0)
    with shared.sharing():
        counted(units, 1)
        (_result, args, _kwargs), = shared._STATE.cache.values()
        assert args == (None, 1)
        assert shared.keep_only([]) == 0   # the content is the key: nothing to drop


@shared.shareable(points=True)
def centres(geometries):
    CALLS.append("centres")
    return np.array([None if g is None else g.centroid for g in geometries], dtype=object)


@shared.shareable
def eastings(points):
    CALLS.append("eastings")
    return shapely.get_x(points)


def test_points_are_kept_as_coordinates_and_what_is_computed_from_them_stays_shared():
    squares = np.array([shapely.box(0, 0, 2, 2), None, shapely.box(10, 0, 14, 4)], dtype=object)
    CALLS.clear()
    with shared.sharing():
        first, again = centres(squares), centres(squares)
        assert first is not again and [p is None for p in again] == [False, True, False]
        assert [p.wkt for p in again[[0, 2]]] == ["POINT (1 1)", "POINT (12 2)"]
        (packed, _args, _kwargs), = shared._STATE.cache.values()
        assert packed.coords.tolist() == [[1.0, 1.0], [12.0, 2.0]]   # 16 bytes a point, no GEOS object
        # the eastings of either array (points built from the same coordinates) are computed once
        assert np.array_equal(eastings(first), [1.0, np.nan, 12.0], equal_nan=True)
        assert eastings(again) is eastings(first) and CALLS == ["centres", "eastings"]
        del first, again
        assert shared.release([squares]) == 2   # the points and their eastings go with the squares
    assert CALLS == ["centres", "eastings"]


@shared.shareable(points=True)
def themselves(geometries):
    return geometries


def test_results_that_are_not_all_2d_points_are_kept_as_they_are():
    lines = np.array([shapely.LineString([(0, 0), (2, 0)])], dtype=object)
    raised = np.array([shapely.Point(0, 0, 5)], dtype=object)
    flat = np.array([shapely.Point(0, 0)], dtype=object)
    with shared.sharing():
        assert themselves(lines) is lines and themselves(raised) is raised
        first = themselves(flat)   # packed: built anew, each time, and the same result for both
        assert first is not flat and themselves(flat) is not first and first[0].equals(flat[0])
        assert len(shared._STATE.cache) == 3


def test_how_a_call_is_cancelled_is_not_part_of_its_key():
    """Two steps overlaying the same land cover on the same units, each with its own cancel check: one
    overlay, and the check is not held by the cache."""
    from lcr_toolkit.core import landuse

    cover = np.array([shapely.box(0, 0, 10, 10), shapely.box(5, 5, 15, 15)])
    units = np.array([shapely.box(0, 0, 8, 8), shapely.box(8, 0, 20, 20)])
    with shared.sharing():
        first = landuse.overlay(cover, units, is_canceled=lambda: False)
        second = landuse.overlay(cover, units.copy(), is_canceled=lambda: False)
        assert second is first
        assert all(not callable(v) for v in shared._STATE.cache[next(iter(shared._STATE.cache))][2].values())
    # A = [0,10]², B = [5,15]²; U0 = [0,8]², U1 = [8,20]×[0,20]: A∩U0 64, A∩U1 2×10, B∩U0 3×3, B∩U1 7×10
    assert sorted(first[2].tolist()) == [9.0, 20.0, 64.0, 70.0]
