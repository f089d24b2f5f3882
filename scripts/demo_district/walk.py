"""Walking distances along the demo's roads, so that facilities are sited where residents can walk to them.

A point joins the network at the nearest point of the nearest road (a straight access leg); from
there it walks to either end of that road, then along the shortest path between road ends (the
roads are split at every junction). Two points on the same road may also walk straight along it.
"""
import numpy as np
import shapely
from scipy.sparse.csgraph import dijkstra


class Walk:
    """Shortest walks between all road ends of ``lines`` (LineStrings meeting at their ends)."""

    def __init__(self, lines):
        self.lines = np.asarray(lines, dtype=object)
        n = len(self.lines)
        ends = shapely.get_coordinates(np.concatenate([shapely.get_point(self.lines, 0),
                                                       shapely.get_point(self.lines, -1)]))
        _, node = np.unique(ends.round(3), axis=0, return_inverse=True)
        node = node.reshape(-1)
        self.u, self.v = node[:n], node[n:]
        self.length = shapely.length(self.lines)
        graph = np.full((node.max() + 1,) * 2, np.inf)
        # Two roads may join the same pair of junctions: keep the shorter.
        np.minimum.at(graph, (self.u, self.v), self.length)
        np.minimum.at(graph, (self.v, self.u), self.length)
        self.between = dijkstra(graph, directed=False)
        self.tree = shapely.STRtree(self.lines)

    def snap(self, points):
        """(road, offset along it, access leg) of each point."""
        points = np.asarray(points, dtype=object)
        road = self.tree.nearest(points)
        return road, shapely.line_locate_point(self.lines[road], points), shapely.distance(self.lines[road], points)

    def distances(self, a, b):
        """(len(a), len(b)) walking distances (m) between two sets of snapped points."""
        (ra, oa, xa), (rb, ob, xb) = a, b
        via = np.full((len(ra), len(rb)), np.inf)
        for na, da in ((self.u[ra], oa), (self.v[ra], self.length[ra] - oa)):
            for nb, db in ((self.u[rb], ob), (self.v[rb], self.length[rb] - ob)):
                via = np.minimum(via, da[:, None] + self.between[np.ix_(na, nb)] + db[None, :])
        along = np.where(ra[:, None] == rb[None, :], np.abs(oa[:, None] - ob[None, :]), np.inf)
        return xa[:, None] + np.minimum(via, along) + xb[None, :]
