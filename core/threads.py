"""Vectorised GEOS work spread over the machine's cores.

shapely 2 releases Python's GIL inside GEOS, so slices of one vectorised operation run side by side in
threads. Each pair is computed on its own, so the result is the same, bit for bit, as one call over
all of it; slices also bound how many result geometries live at once. Prepared geometries are not
used here: GEOS builds their indexes lazily, which is not safe across threads.
"""
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely

from .errors import check_canceled

# pairs per slice: large enough that a slice's GEOS time (~74 µs a land-cover × parcel cut) dwarfs
# the hand-over, small enough that two threads share the work of a chunk evenly
BLOCK = 2048


def workers():
    """The cores this process may use (its CPU affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # macOS, Windows
        return max(1, os.cpu_count() or 1)


def intersection_areas(a, b, is_canceled=None):
    """The area of the intersection of ``a[i]`` and ``b[i]`` for every i (arrays of shapely geometries
    in one CRS), in its squared units. ``is_canceled`` (a callable) is looked at before each slice and
    raises ``Canceled``, so a cancelled run stops within a slice's time (a few tenths of a second).

    >>> intersection_areas(np.array([shapely.box(0, 0, 2, 2)]), np.array([shapely.box(1, 1, 3, 3)])).tolist()
    [1.0]
    """
    n = len(a)
    if n <= BLOCK:
        return shapely.area(shapely.intersection(a, b))
    out = np.empty(n)

    def cut(start):
        check_canceled(is_canceled)
        stop = min(start + BLOCK, n)
        out[start:stop] = shapely.area(shapely.intersection(a[start:stop], b[start:stop]))

    threads = workers()
    if threads == 1:
        for start in range(0, n, BLOCK):
            cut(start)
        return out
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for _ in pool.map(cut, range(0, n, BLOCK)):   # re-raises the first error (GEOS, Canceled)
            pass
    return out
