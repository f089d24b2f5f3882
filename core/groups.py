"""Unions of geometries by group, vectorised over the groups."""
import numpy as np
import shapely

# Cells of the (groups × widest group) table a single union_all call may take: bounds its memory.
TABLE_CELLS = 2_000_000


def group_union(owner, geoms, n, wide=None):
    """Union of ``geoms`` per group 0..n−1 (``owner``: the group of each; None where a group is empty).
    Groups of up to ``wide`` members (default: as wide as ``TABLE_CELLS`` allows) are unioned row-wise in
    one vectorised call; only larger groups loop.

    >>> [g.area for g in group_union([1, 0, 1], np.array([shapely.box(0, 0, 1, 1)] * 2 + [shapely.box(1, 0, 2, 1)]), 2)]
    [1.0, 2.0]
    """
    out = np.full(n, None, dtype=object)
    owner = np.asarray(owner)
    if len(owner) == 0:
        return out
    order = np.argsort(owner, kind="stable")
    owner, geoms = owner[order], np.asarray(geoms, dtype=object)[order]
    starts = np.searchsorted(owner, np.arange(n))
    counts = np.bincount(owner, minlength=n)
    if wide is None:
        wide = max(1, min(int(counts.max()), TABLE_CELLS // max(int((counts > 0).sum()), 1)))
    rank = np.arange(len(owner)) - starts[owner]
    small = counts[owner] <= wide
    rows = np.flatnonzero((counts > 0) & (counts <= wide))
    if len(rows):
        slot = np.full(n, -1)
        slot[rows] = np.arange(len(rows))
        table = np.full((len(rows), min(wide, int(counts[rows].max()))), None, dtype=object)
        table[slot[owner[small]], rank[small]] = geoms[small]
        out[rows] = shapely.union_all(table, axis=1)
    for g in np.flatnonzero(counts > wide):
        out[g] = shapely.union_all(geoms[starts[g]:starts[g] + counts[g]])
    return out
