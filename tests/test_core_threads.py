"""core.threads: intersection areas computed in threads equal one vectorised call, bit for bit."""
import numpy as np
import shapely

from lcr_toolkit.core import landuse, threads


def discs(n, seed):
    rng = np.random.default_rng(seed)
    centres = shapely.points(rng.uniform(0, 2000, n), rng.uniform(0, 2000, n))
    return shapely.buffer(centres, rng.uniform(5, 40, n), quad_segs=16)


def test_threaded_areas_equal_one_call(monkeypatch):
    a = discs(3 * threads.BLOCK + 17, 1)
    b = shapely.buffer(shapely.centroid(a), 25.0)   # every pair meets
    monkeypatch.setattr(threads, "workers", lambda: 2)
    threaded = threads.intersection_areas(a, b)
    expected = shapely.area(shapely.intersection(a, b))
    assert np.array_equal(threaded, expected) and (expected > 0).all()


def test_one_core_is_one_call(monkeypatch):
    monkeypatch.setattr(threads, "workers", lambda: 1)
    a = np.array([shapely.box(0, 0, 10, 10)] * (threads.BLOCK + 1))
    b = np.array([shapely.box(5, 5, 20, 20)] * (threads.BLOCK + 1))
    assert (threads.intersection_areas(a, b) == 25.0).all()


def test_overlay_on_two_cores_equals_one(monkeypatch):
    """Land cover (discs) cut by a 100 m grid of zones: the same pairs and areas on 1 and 2 cores, and
    each disc's pieces add up to its area (the grid covers every disc)."""
    cover = discs(5000, 3)
    zones = shapely.box(*np.array([(x, y, x + 100, y + 100) for x in range(-100, 2100, 100)
                                   for y in range(-100, 2100, 100)], dtype=float).T)
    results = []
    for n in (1, 2):
        monkeypatch.setattr(threads, "workers", lambda n=n: n)
        results.append(landuse.overlay.__wrapped__(cover, zones))
    for one, two in zip(*results):
        assert np.array_equal(one, two)
    f_idx, _, area = results[1]
    assert np.allclose(np.bincount(f_idx, weights=area, minlength=len(cover)), shapely.area(cover))
