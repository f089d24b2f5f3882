"""core.network: graph building, snapping and multi-source network distances, checked against
distances worked out by hand on a small street plan and against a brute-force Dijkstra."""
import heapq

import numpy as np
import pytest
import shapely

from lcr_toolkit.core import network
from lcr_toolkit.core.errors import InputError

# The street plan (metres):
#
#   G (100,150)                       dead end
#   |
#   D(0,100) --- E(100,100) --- F(200,100)
#   |            |              |
#   A(0,0) ----- B(100,0) ----- C(200,0)          H(500,0) -- M(550,0) -- I(600,0)  (disconnected)
#
# The dead end's first vertex is drawn 5 mm off E (100.004, 100.003) and must merge with it.
STREETS = [
    "LINESTRING(0 0, 100 0, 200 0)",          # A-B-C, B is an interior vertex
    "LINESTRING(0 100, 100 100, 200 100)",    # D-E-F
    "LINESTRING(0 0, 0 100)",
    "LINESTRING(100 0, 100 100)",
    "LINESTRING(200 0, 200 100)",
    "LINESTRING(100.004 100.003, 100 150)",   # E-G
    "MULTILINESTRING((500 0, 550 0), (550 0, 600 0))",
]
S1 = (50, -10)     # joins A-B 50 m from A, 10 m off the road
S2 = (210, 100)    # joins at F, 10 m off the road


@pytest.fixture(scope="module")
def net():
    return network.build_network(shapely.from_wkt(STREETS))


def points(*xy):
    return shapely.points(np.array(xy, dtype=float))


def distances(net, sources, targets, **kwargs):
    max_snap = kwargs.pop("max_snap", np.inf)
    return network.network_distance(net, network.snap(net, points(*sources), max_snap),
                                     network.snap(net, points(*targets), max_snap), **kwargs)


def test_graph_nodes_edges_and_pieces(net):
    # Nodes A B C D E F G H M I = 10 (E and the 5 mm-off vertex are one node);
    # segments AB BC DE EF AD BE CF EG HM MI = 10.
    assert net.n_nodes == 10
    assert net.n_edges == 10
    assert net.n_components == 2
    # 7 block sides of 100 m + the 50 m dead end + the 100 m piece apart = 850 m; main piece 750/850.
    assert net.total_length() == pytest.approx(850, abs=0.01)
    assert net.largest_component_share() == pytest.approx(750 / 850, abs=1e-4)
    assert net.unnoded_ends == 0
    assert net.graph.shape == (10, 10) and net.graph.nnz == 20   # symmetric: both directions


def test_snap_to_the_middle_of_an_edge(net):
    snapped = network.snap(net, points((105, 50), (300, 300), (40, 3)), max_distance=50)
    b_e = snapped.edge[0]
    # (105, 50) lies 5 m east of B-E, halfway along it.
    assert net.edge_length[b_e] == pytest.approx(100, abs=0.01)
    assert sorted(map(tuple, net.nodes[[net.edge_u[b_e], net.edge_v[b_e]]].round(1))) == [(100, 0), (100, 100)]
    assert snapped.offset[0] == pytest.approx(50, abs=0.01)
    assert snapped.access[0] == pytest.approx(5, abs=0.01)
    # (300, 300) is √(100² + 200²) = 223.6 m from F, farther than 50 m: not on the network.
    assert snapped.edge[1] == -1 and snapped.access[1] == np.inf
    assert list(snapped.on_network) == [True, False, True]
    assert snapped.access[2] == pytest.approx(3)


def test_distances_from_one_source(net):
    d, src = distances(net, [S1], [(150, 10), (80, 5), (105, 50), (110, 140), (550, 5), (300, 300)],
                       max_snap=50)
    expected = [
        10 + 50 + 50 + 10,        # S1 → B → (150,0) → target: 120
        10 + 30 + 5,              # same edge as S1: along A-B directly, 45 (via B it would be 85)
        10 + 50 + 50 + 5,         # up B-E to its middle: 115
        10 + 50 + 100 + 40 + 10,  # to the dead end: S1 → B → E → (100,140): 210
    ]
    assert d[:4] == pytest.approx(expected, abs=0.02)
    assert d[4] == np.inf         # on the disconnected piece
    assert d[5] == np.inf         # off the network
    assert list(src) == [0, 0, 0, 0, -1, -1]


def test_nearest_of_two_sources(net):
    d, src = distances(net, [S1, S2], [(150, 10), (110, 140), (190, 95)])
    # (150,10): S1 gives 120, S2 10 + F→C 100 + 50 + 10 = 170 → 120 from S1.
    # dead end: S2 10 + F→E 100 + 40 + 10 = 160 < 210 from S1.
    # (190,95) joins E-F 10 m from F, 5 m off: S2 10 + 10 + 5 = 25.
    assert d == pytest.approx([120, 160, 25], abs=0.02)
    assert list(src) == [0, 1, 1]


def test_two_sources_on_the_target_edge(net):
    # On A-B: Sa at offset 20, 2 m off; Sb at offset 90, 30 m off.
    d, src = distances(net, [(20, -2), (90, -30)], [(70, 1), (10, 1), (20, 4), (100, 10)])
    # (70,1): Sa 2 + 50 + 1 = 53, Sb 30 + 20 + 1 = 51 → 51 from Sb.
    # (10,1): Sa 2 + 10 + 1 = 13.  (20,4): Sa 2 + 0 + 4 = 6.
    # (100,10) joins at B (either edge, distance 10): Sa 2 + 80 + 10 = 92, Sb 30 + 10 + 10 = 50.
    # (E sits 2 mm off (100,100) after the merge, so B-E leans by 0.001°: hence abs=1e-3.)
    assert d == pytest.approx([51, 13, 6, 50], abs=1e-3)
    assert list(src) == [1, 0, 0, 1]


def test_source_on_a_node_and_cutoff(net):
    d, _ = distances(net, [(100, 0)], [(150, 0), (100, 0), (0, 50)])
    # At B itself: 50 along B-C; 0 to itself; B → A 100 → 50 up A-D = 150.
    assert d == pytest.approx([50, 0, 150], abs=1e-6)
    d, src = distances(net, [S1], [(150, 10), (80, 5)], cutoff=100)
    assert d[0] == np.inf and src[0] == -1        # 120 m > 100 m
    assert d[1] == pytest.approx(45)


def test_network_is_never_shorter_than_a_straight_line(net):
    rng = np.random.default_rng(7)
    targets = rng.uniform([-20, -20], [220, 160], size=(200, 2))
    sources = [S1, S2]
    d_net, _ = distances(net, sources, targets)
    d_air, nearest = network.euclidean_distance(points(*sources), points(*targets))
    assert np.all(d_net >= d_air - 1e-9)
    # Spot check of the straight line: (150,10) is √(100² + 20²) = 102.0 m from S1 (S2: 108.2).
    e, i = network.euclidean_distance(points(*sources), np.array([shapely.Point(150, 10), None], dtype=object))
    assert e[0] == pytest.approx(np.hypot(100, 20)) and i[0] == 0
    assert e[1] == np.inf and i[1] == -1


def test_unnoded_junction_is_reported_and_not_connected():
    # A spur starting on D-E at (50,100) without a vertex there.
    lines = shapely.from_wkt(STREETS + ["LINESTRING(50 100, 50 140)"])
    net = network.build_network(lines)
    assert net.unnoded_ends == 1
    assert net.n_components == 3
    d, _ = distances(net, [S1], [(55, 130)])
    assert d[0] == np.inf      # the spur is its own piece: a visible, counted defect, not a guess


def test_duplicates_collapsed_segments_and_missing_geometry():
    lines = np.array([shapely.from_wkt("LINESTRING(0 0, 100 0)"), shapely.from_wkt("LINESTRING(100 0, 0 0)"),
                      shapely.from_wkt("LINESTRING(100 0, 100.001 0)"), None,
                      shapely.from_wkt("LINESTRING EMPTY")], dtype=object)
    net = network.build_network(lines)
    assert net.n_edges == 1 and net.n_nodes == 2          # the 1 mm segment merges into its end
    assert net.total_length() == pytest.approx(100.0005, abs=1e-6)  # node at the mean of 100 and 100.001
    d, _ = distances(net, [(0, 5)], [(100, 0)])
    # (0,5) joins at (0,0), 5 m off; (100,0) lies on the segment 100 m along: 5 + 100.
    assert d[0] == pytest.approx(105, abs=1e-9)


def test_empty_network_is_refused():
    with pytest.raises(InputError) as err:
        network.build_network([None, shapely.from_wkt("LINESTRING EMPTY")])
    assert err.value.kind == "network_empty"
    with pytest.raises(InputError):
        network.build_network([shapely.from_wkt("LINESTRING(0 0, 0.001 0)")])   # collapses to one node


def test_no_sources_and_no_targets(net):
    d, src = distances(net, [(900, 900)], [(150, 10)], max_snap=50)   # the source is off the network
    assert d[0] == np.inf and src[0] == -1
    d, _ = network.network_distance(net, network.snap(net, points((50, 0))), network.snap(net, np.empty(0, dtype=object)))
    assert d.shape == (0,)
    assert list(network.representative_points(np.array([None, shapely.from_wkt("POLYGON((0 0,4 0,4 2,0 2,0 0))")],
                                                        dtype=object))[:1]) == [None]


def test_pair_distances_per_source_within_its_cutoff(net):
    # Sources S1 (cutoff 200) and S2 (cutoff 170). Targets:
    #   T1 (150, 5) on B-C, 50 m from B, 5 m off: S1 10 + 50 + 50 + 5 = 115; S2 10 + F-C 100 + 50 + 5 = 165.
    #   T2 (50, 105) on D-E: S1 10 + 50 + 100 + 50 + 5 = 215 > 200 (either way round); S2 10 + 100 + 50 + 5 = 165.
    #   T3 (550, 10) on the piece apart: no path.
    #   T4 (60, 3) on A-B with S1, 10 m further along: S1 10 + 10 + 3 = 23 straight along the segment;
    #   S2 10 + 200 + 40 + 3 = 253 > 170.
    s, t, d = network.pair_distances(net, network.snap(net, points(S1, S2)),
                                     network.snap(net, points((150, 5), (50, 105), (550, 10), (60, 3))), [200, 170])
    assert list(zip(s.tolist(), t.tolist())) == [(0, 0), (0, 3), (1, 0), (1, 1)]
    assert d == pytest.approx([115, 23, 165, 165], abs=0.01)   # E sits 2 mm off (100, 100): merged vertex


# ---- a 10 000+ segment grid against an independent brute-force Dijkstra ---------------------------
def _grid(n=80, spacing=50.0, drop=0.15, seed=4549):
    rng = np.random.default_rng(seed)
    xy = np.stack(np.meshgrid(np.arange(n) * spacing, np.arange(n) * spacing, indexing="ij"), axis=-1)
    xy = xy + rng.uniform(-10, 10, size=xy.shape)
    segments = [(xy[i, j], xy[i + 1, j]) for i in range(n - 1) for j in range(n)]
    segments += [(xy[i, j], xy[i, j + 1]) for i in range(n) for j in range(n - 1)]
    keep = rng.random(len(segments)) > drop
    return [s for s, k in zip(segments, keep) if k]


def _brute_force(segments, sources, targets):
    """Distance from each target to the nearest source: snap by projecting on every segment, split
    the segments at the snapped positions, Dijkstra (heapq) from each source in turn."""
    seg = np.array(segments)                      # (m, 2, 2)
    p, q = seg[:, 0], seg[:, 1]
    pq = q - p
    length = np.hypot(pq[:, 0], pq[:, 1])

    def snap(point):
        t = np.clip(((point - p) * pq).sum(1) / length ** 2, 0, 1)
        foot = p + t[:, None] * pq
        d = np.hypot(*(point - foot).T)
        k = int(np.argmin(d))
        return k, t[k] * length[k], d[k]

    key = lambda xy: (round(float(xy[0]), 6), round(float(xy[1]), 6))  # noqa: E731
    stops = {}                                    # segment -> [(offset, node name)]
    access = {}
    for kind, pts in (("s", sources), ("t", targets)):
        for i, point in enumerate(pts):
            k, offset, d = snap(np.asarray(point))
            stops.setdefault(k, []).append((offset, (kind, i)))
            access[(kind, i)] = d
    graph = {}

    def link(a, b, w):
        graph.setdefault(a, []).append((b, w))
        graph.setdefault(b, []).append((a, w))

    for k in range(len(seg)):
        chain = [(0.0, key(p[k]))] + sorted(stops.get(k, [])) + [(length[k], key(q[k]))]
        for (o1, n1), (o2, n2) in zip(chain[:-1], chain[1:]):
            link(n1, n2, o2 - o1)
    best = np.full(len(targets), np.inf)
    for i in range(len(sources)):
        dist = {("s", i): access[("s", i)]}
        heap = [(dist[("s", i)], ("s", i))]
        while heap:
            d, node = heapq.heappop(heap)
            if d > dist.get(node, np.inf):
                continue
            for nxt, w in graph.get(node, []):
                if d + w < dist.get(nxt, np.inf):
                    dist[nxt] = d + w
                    heapq.heappush(heap, (d + w, nxt))
        for j in range(len(targets)):
            best[j] = min(best[j], dist.get(("t", j), np.inf) + access[("t", j)])
    return best


def test_large_grid_matches_brute_force():
    segments = _grid()
    assert len(segments) >= 10_000
    lines = shapely.linestrings(np.array(segments))
    net = network.build_network(lines)
    assert net.n_edges == len(segments)
    rng = np.random.default_rng(1)
    sources = rng.uniform(0, 3950, size=(4, 2))
    targets = rng.uniform(0, 3950, size=(40, 2))
    # A target sharing an edge with a source: 3 m along and 2 m across from the first source.
    s_snap = network.snap(net, points(*sources))
    e = s_snap.edge[0]
    u, v = net.nodes[net.edge_u[e]], net.nodes[net.edge_v[e]]
    direction = (v - u) / net.edge_length[e]
    along = min(s_snap.offset[0] + 3, net.edge_length[e] - 1)
    targets[0] = u + direction * along + np.array([-direction[1], direction[0]]) * 2
    got, _ = network.network_distance(net, s_snap, network.snap(net, points(*targets)))
    expected = _brute_force(segments, sources, targets)
    assert np.isfinite(expected).sum() >= 35
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-6)


def test_pair_distances_match_one_search_per_source_in_batches():
    net = network.build_network(shapely.linestrings(np.array(_grid())))
    rng = np.random.default_rng(2)
    sources = network.snap(net, points(*rng.uniform(0, 3950, size=(30, 2))))
    targets = network.snap(net, points(*rng.uniform(0, 3950, size=(3000, 2))))
    cutoff = rng.uniform(300, 1500, 30)
    # Tables of at most 7 sources: 5 dijkstra calls instead of 1, the same pairs.
    s, t, d = network.pair_distances(net, sources, targets, cutoff, max_cells=7 * (net.n_nodes + 30))
    assert len(s) > 3000
    for k in range(30):
        expected, _ = network.network_distance(net, sources.take([k]), targets, cutoff[k])
        mine = s == k
        assert t[mine].tolist() == np.flatnonzero(np.isfinite(expected)).tolist()
        assert d[mine] == pytest.approx(expected[t[mine]], rel=1e-12)
