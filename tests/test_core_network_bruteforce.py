"""core.network's snapping (k-d tree over segment pieces, STRtree for the rest) and shortest paths
(multi-source Dijkstra; bounded Dijkstras per block of sources on the network around them) against
an independent brute force on small random networks: every point's distance to every segment, and
Floyd–Warshall between all nodes written out in numpy."""
import numpy as np
import pytest
import shapely

from lcr_toolkit.core import network


def random_network(seed):
    """A jittered 10 × 10 street grid with a fifth of its streets missing, a few long diagonal roads
    noded at the grid's vertices they join, and a separate piece far to the east."""
    rng = np.random.default_rng(seed)
    side, step = 10, 100.0
    xy = np.stack(np.meshgrid(np.arange(side), np.arange(side)), axis=-1).reshape(-1, 2) * step
    xy = xy + rng.uniform(-20, 20, xy.shape)
    lines = []
    for i in range(side):
        for j in range(side):
            here = i * side + j
            for there in ([here + 1] if j + 1 < side else []) + ([here + side] if i + 1 < side else []):
                if rng.random() > 0.2:
                    lines.append(shapely.LineString([xy[here], xy[there]]))
    for _ in range(3):   # long roads of two or three vertices: segments many pieces long
        a, b = rng.choice(len(xy), 2, replace=False)
        lines.append(shapely.LineString([xy[a], (xy[a] + xy[b]) / 2 + rng.uniform(-30, 30, 2), xy[b]]))
    lines.append(shapely.LineString([(2000, 0), (2300, 40), (2350, 400)]))
    return lines, rng


def brute_snap(net, points, max_distance):
    """Nearest segment by measuring every point against every segment."""
    dist = shapely.distance(net.segments[None, :], points[:, None])
    edge = np.argmin(dist, axis=1)
    access = dist[np.arange(len(points)), edge]
    offset = shapely.line_locate_point(net.segments[edge], points)
    far = access > max_distance
    return np.where(far, -1, edge), np.where(far, 0.0, offset), np.where(far, np.inf, access)


def floyd_warshall(net):
    """All node-to-node shortest path lengths, O(n³) in numpy."""
    n = net.n_nodes
    d = np.full((n, n), np.inf)
    np.fill_diagonal(d, 0.0)
    d[net.edge_u, net.edge_v] = d[net.edge_v, net.edge_u] = net.edge_length
    for k in range(n):
        d = np.minimum(d, d[:, k:k + 1] + d[k:k + 1, :])
    return d


def brute_distances(net, all_pairs, src, tgt):
    """d(s, t) for every source × target (inf off the network): through either end of each one's
    segment, or directly along a shared segment."""
    (se, so, sa), (te, to, ta) = src, tgt
    d = np.full((len(se), len(te)), np.inf)
    for i in np.flatnonzero(se >= 0):
        s_ends = [(net.edge_u[se[i]], so[i]), (net.edge_v[se[i]], net.edge_length[se[i]] - so[i])]
        for j in np.flatnonzero(te >= 0):
            t_ends = [(net.edge_u[te[j]], to[j]), (net.edge_v[te[j]], net.edge_length[te[j]] - to[j])]
            best = min(sw + all_pairs[sn, tn] + tw for sn, sw in s_ends for tn, tw in t_ends)
            if se[i] == te[j]:
                best = min(best, abs(so[i] - to[j]))
            d[i, j] = sa[i] + best + ta[j]
    return d


def random_points(rng, n):
    """Points over the grid (some beyond its edges, farther than the snapping limit), a tenth of
    them round the piece to the east."""
    east = n // 10
    return shapely.points(np.concatenate([rng.uniform(-250, 1150, (n - east, 2)),
                                          rng.uniform([1900, -100], [2450, 500], (east, 2))]))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("candidates", [1, 8])
def test_snap_matches_brute_force(seed, candidates, monkeypatch):
    monkeypatch.setattr(network, "SNAP_CANDIDATES", candidates)   # 1: most points ask the STRtree
    lines, rng = random_network(seed)
    net = network.build_network(lines)
    pts = random_points(rng, 400)
    pts = np.concatenate([pts, shapely.points(net.nodes[:5]), [None]])   # on vertices; none
    got = network.snap(net, pts, max_distance=120.0)
    edge, offset, access = brute_snap(net, pts[:-1], 120.0)
    assert got.edge[-1] == -1 and got.access[-1] == np.inf
    got = got.take(np.arange(len(pts) - 1))
    assert np.array_equal(got.edge >= 0, edge >= 0)
    np.testing.assert_allclose(got.access, access, rtol=0, atol=1e-9)
    # ties between segments meeting at a vertex may pick either; the snapped point is the same
    on = edge >= 0
    at_got = shapely.line_interpolate_point(net.segments[got.edge[on]], got.offset[on])
    at_brute = shapely.line_interpolate_point(net.segments[edge[on]], offset[on])
    assert shapely.distance(at_got, at_brute).max() < 1e-9


@pytest.mark.parametrize("seed", [4, 5])
def test_nearest_source_matches_brute_force(seed):
    lines, rng = random_network(seed)
    net = network.build_network(lines)
    sources, targets = random_points(rng, 12), random_points(rng, 300)
    s_snap, t_snap = network.snap(net, sources, 150.0), network.snap(net, targets, 150.0)
    d = brute_distances(net, floyd_warshall(net), brute_snap(net, sources, 150.0), brute_snap(net, targets, 150.0))
    got, nearest = network.network_distance(net, s_snap, t_snap)
    want = d.min(axis=0)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-7)
    found = np.isfinite(want)
    np.testing.assert_allclose(d[nearest[found], np.flatnonzero(found)], want[found], rtol=0, atol=1e-7)
    assert (nearest[~found] == -1).all()


@pytest.mark.parametrize("seed", [6, 7, 8])
@pytest.mark.parametrize("block_sources, max_cells", [(64, 1 << 24), (2, 150), (1e-6, 1 << 24)])
def test_pair_distances_match_brute_force(seed, block_sources, max_cells, monkeypatch):
    """Every pair within each source's own cutoff, whether the sources are searched in one block, in
    blocks of about two sources, in the smallest blocks (squares of twice the cutoff), or in calls of
    a few sources."""
    monkeypatch.setattr(network, "BLOCK_SOURCES", block_sources)
    lines, rng = random_network(seed)
    net = network.build_network(lines)
    sources, targets = random_points(rng, 40), random_points(rng, 250)
    cutoff = rng.uniform(40, 250, len(sources))
    cutoff[0] = 0.0   # no pairs
    s_snap, t_snap = network.snap(net, sources, 150.0), network.snap(net, targets, 150.0)
    d = brute_distances(net, floyd_warshall(net), brute_snap(net, sources, 150.0), brute_snap(net, targets, 150.0))
    s, t, dist = network.pair_distances(net, s_snap, t_snap, cutoff, max_cells=max_cells)
    want_s, want_t = np.nonzero((d <= cutoff[:, None]) & (cutoff[:, None] > 0))
    assert len(want_s) > 50   # the test sees many pairs
    assert np.array_equal(s, want_s) and np.array_equal(t, want_t)
    np.testing.assert_allclose(dist, d[want_s, want_t], rtol=0, atol=1e-7)
