"""Walking distance along a road network, from many points to the nearest of a set of facilities.

Model (network distance is the honest measure of access; Euclidean buffers over-claim
near rivers, rail lines and walled compounds):

- The network is an undirected graph whose nodes are the vertices of the road lines (vertices closer
  than a snapping tolerance are merged) and whose edges are the straight segments between
  consecutive vertices, weighted by their length in metres. Lines must be noded where roads meet,
  i.e. share a vertex there (as the demo roads layer is); roads that cross without a shared vertex
  (bridges, tunnels) stay unconnected, which is right for grade separations.
- A point (a stop, a building's representative point) joins the network at the nearest point ON the
  nearest segment. Its access distance a is the straight distance to that point, walked off-network.
- The distance from a source s to a target t is
      d(s, t) = a_s + D(s′, t′) + a_t,
  where s′, t′ are the snapped positions and D the shortest path along the network between them:
  leaving s′ towards either end of its segment (offset o_s, or L − o_s), Dijkstra between segment
  ends, entering t′ from either end of its own segment, or, when both lie on the same segment,
  directly |o_s − o_t| along it. Every distance is in the units of the coordinates (metres in a
  projected CRS), and d is ≥ the straight-line distance between s and t (triangle inequality).
- One Dijkstra per set of sources (``scipy.sparse.csgraph.dijkstra`` with ``min_only=True``): every
  source is a virtual node with one-way edges of length a_s + o_s and a_s + L − o_s to the ends of
  its segment, so the search needs no per-target or per-source loop. Where every source's own
  distances are wanted (``pair_distances``), the same virtual nodes go to one bounded call with
  ``min_only=False`` per block of nearby sources, on the part of the network within the cutoff.
"""
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from . import zones
from .errors import InputError, check_canceled
from .shared import shareable

SNAP_TOLERANCE_M = 0.01
SNAP_CANDIDATES = 8   # nearest segment pieces looked at per point before asking the STRtree
MAX_TABLE_CELLS = 1 << 24   # entries of one sources × nodes distance table (8 bytes each, 128 MiB)
BLOCK_SOURCES = 64   # sources in a block of ``pair_distances`` (about; blocks are at least 2 cutoffs square)


@dataclass(frozen=True)
class Network:
    """An undirected road graph.

    ``nodes`` (n, 2) coordinates; ``graph`` symmetric CSR matrix (n × n) of segment lengths;
    ``edge_u``, ``edge_v``, ``edge_length`` per segment (u < v, each pair once); ``segments`` the
    segments as shapely LineStrings from u to v and ``tree`` an STRtree over them; ``component``
    the connected-component label of each node; ``unnoded_ends`` the number of dead ends lying on
    another segment without sharing a vertex with it (a sign the lines are not noded).
    """
    nodes: np.ndarray
    graph: sparse.csr_matrix
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length: np.ndarray
    segments: np.ndarray
    tree: shapely.STRtree
    component: np.ndarray
    unnoded_ends: int

    @property
    def n_nodes(self):
        return len(self.nodes)

    @property
    def n_edges(self):
        return len(self.edge_u)

    @property
    def n_components(self):
        return int(self.component.max()) + 1 if len(self.component) else 0

    def total_length(self):
        """Length of all segments (coordinate units)."""
        return float(self.edge_length.sum())

    def largest_component_share(self):
        """Share (0..1) of the network's length in its largest connected piece."""
        if not self.n_edges:
            return 0.0
        per_component = np.bincount(self.component[self.edge_u], weights=self.edge_length)
        return float(per_component.max() / per_component.sum())


@dataclass(frozen=True)
class Snapped:
    """Where points join a network, one row per input point.

    ``edge`` segment index (-1: not on the network: missing geometry, or farther than the maximum
    snapping distance); ``offset`` distance along the segment from its node u to the snapped point;
    ``access`` straight distance from the point to the snapped point (inf where ``edge`` is -1).
    """
    edge: np.ndarray
    offset: np.ndarray
    access: np.ndarray

    def __len__(self):
        return len(self.edge)

    @property
    def on_network(self):
        return self.edge >= 0

    def take(self, ids):
        """The rows ``ids`` (indices or a boolean mask) as a ``Snapped``."""
        return Snapped(self.edge[ids], self.offset[ids], self.access[ids])


@dataclass(frozen=True)
class Reach:
    """Shortest distances from a set of sources to every node of a network (see ``reach``)."""
    network: Network
    node_distance: np.ndarray   # (n_nodes,) distance to the nearest source, inf where none
    node_source: np.ndarray     # (n_nodes,) index (in the sources given) of that source, -1 where none
    sources: Snapped
    cutoff: float

    def distance_to(self, targets):
        """Network distance from each target (a ``Snapped``) to its nearest source, and that source.

        d = min(D(u) + o_t, D(v) + L − o_t, min over sources on the same segment of
        a_s + |o_s − o_t|) + a_t. Returns ``(distance, source)``: inf and -1 where the target is
        not on the network, in a piece no source reaches, or farther than the cutoff.
        """
        n = len(targets)
        distance = np.full(n, np.inf)
        source = np.full(n, -1, dtype=np.int64)
        on = np.flatnonzero(targets.on_network)
        if not on.size:
            return distance, source
        net = self.network
        edge = targets.edge[on]
        offset = targets.offset[on]
        u, v, length = net.edge_u[edge], net.edge_v[edge], net.edge_length[edge]
        via_u = self.node_distance[u] + offset
        via_v = self.node_distance[v] + (length - offset)
        best = np.minimum(via_u, via_v)
        best_source = np.where(via_u <= via_v, self.node_source[u], self.node_source[v])
        direct, direct_source = _same_segment(self.sources, edge, offset)
        closer = direct < best
        best = np.where(closer, direct, best)
        best_source = np.where(closer, direct_source, best_source)
        total = best + targets.access[on]
        beyond = ~(total <= self.cutoff)
        total[beyond] = np.inf
        best_source[beyond] = -1
        distance[on] = total
        source[on] = best_source
        return distance, source


@shareable
def build_network(lines, tolerance=SNAP_TOLERANCE_M):
    """Build the graph of road ``lines`` (shapely LineStrings or MultiLineStrings; None and empty
    geometries are skipped).

    Vertices closer than ``tolerance`` (coordinate units, default 0.01 m) become one node, at their
    mean position (pairs found with a k-d tree, merged transitively). Segments shorter than that
    collapse and are dropped; a segment given twice counts once. Raises ``InputError("network_empty")``
    when no segment is left.
    """
    lines = np.asarray(lines, dtype=object)
    lines = lines[~shapely.is_missing(lines)] if len(lines) else lines
    parts = shapely.get_parts(lines) if len(lines) else np.array([], dtype=object)
    parts = parts[shapely.get_type_id(parts) == 1] if len(parts) else parts  # LineStrings only
    coords, part = shapely.get_coordinates(parts, return_index=True) if len(parts) else (np.zeros((0, 2)), np.zeros(0, int))
    if len(coords) < 2:
        raise InputError("network_empty")

    node_of_coord, nodes = _merge_vertices(coords, tolerance)
    same_part = part[1:] == part[:-1]
    u = node_of_coord[:-1][same_part]
    v = node_of_coord[1:][same_part]
    keep = u != v
    u, v = np.minimum(u[keep], v[keep]), np.maximum(u[keep], v[keep])
    if not len(u):
        raise InputError("network_empty")
    pairs = np.unique(np.stack([u, v], axis=1), axis=0)
    u, v = pairs[:, 0], pairs[:, 1]
    # Drop nodes no segment uses (vertices of collapsed segments) and renumber.
    used = np.zeros(len(nodes), dtype=bool)
    used[u] = used[v] = True
    renumber = np.cumsum(used) - 1
    nodes = nodes[used]
    u, v = renumber[u], renumber[v]

    length = np.hypot(*(nodes[v] - nodes[u]).T)
    n = len(nodes)
    graph = sparse.coo_matrix((np.concatenate([length, length]), (np.concatenate([u, v]), np.concatenate([v, u]))),
                              shape=(n, n)).tocsr()
    _, component = csgraph.connected_components(graph, directed=False)
    segments = shapely.linestrings(np.stack([nodes[u], nodes[v]], axis=1))
    tree = shapely.STRtree(segments)
    unnoded = _unnoded_ends(graph, nodes, segments, tree, u, v, tolerance)
    return Network(nodes, graph, u, v, length, segments, tree, component.astype(np.int64), unnoded)


def snap_parts(network, parts, max_distance=np.inf):
    """``snap`` of the points of every array in ``parts``, joined: the same as snapping their
    concatenation, as each point is snapped on its own, but a plan check's steps share the snap of
    each part (``core.shared``)."""
    snapped = [snap(network, points, max_distance) for points in parts]
    if not snapped:
        return snap(network, np.zeros(0, dtype=object), max_distance)
    return Snapped(*(np.concatenate([getattr(s, name) for s in snapped]) for name in ("edge", "offset", "access")))


@shareable
def snap(network, points, max_distance=np.inf):
    """Join each point to the nearest point on the nearest segment of ``network``.

    Points (shapely, None allowed) farther than ``max_distance`` from every segment are not on the
    network (edge -1, access inf). Ties between equally near segments are broken arbitrarily, which
    does not change distances. The nearest segment comes from ``nearest_segments`` (a k-d tree, all
    points at once), the access distance from shapely ``distance`` and the offset from
    ``line_locate_point``.
    """
    points = np.asarray(points, dtype=object)
    n = len(points)
    edge = np.full(n, -1, dtype=np.int64)
    offset = np.zeros(n)
    access = np.full(n, np.inf)
    if n == 0:
        return Snapped(edge, offset, access)
    point_idx = np.flatnonzero(~shapely.is_missing(points) & ~shapely.is_empty(points))
    edge_idx = nearest_segments(network, points[point_idx])
    dist = shapely.distance(network.segments[edge_idx], points[point_idx])
    near = dist <= max_distance
    point_idx, edge_idx, dist = point_idx[near], edge_idx[near], dist[near]
    edge[point_idx] = edge_idx
    access[point_idx] = dist
    offset[point_idx] = np.clip(shapely.line_locate_point(network.segments[edge_idx], points[point_idx]),
                                0.0, network.edge_length[edge_idx])
    return Snapped(edge, offset, access)


def nearest_segments(network, points, k=None):
    """Index of the segment nearest to each geometry (shapely, none missing or empty).

    Exact, and the same as the STRtree's ``query_nearest`` up to ties: every segment is cut into
    pieces no longer than 2h (``_SnapIndex``) and a k-d tree over the pieces' midpoints gives each
    point its ``k`` nearest midpoints. A segment none of whose pieces is among them is at least
    (k-th midpoint distance − h) away, since every point of a piece lies within h of its midpoint;
    where the nearest of the candidate segments is no farther than that, it is the nearest of all.
    The few other points (far from the roads, or among many short segments) ask the STRtree.
    """
    k = SNAP_CANDIDATES if k is None else k
    result = np.zeros(len(points), dtype=np.int64)
    single = np.flatnonzero(shapely.get_type_id(points) == 0)   # other shapes ask the STRtree
    others = np.setdiff1d(np.arange(len(points)), single)
    if others.size:
        point_idx, edge_idx = network.tree.query_nearest(points[others], all_matches=False)
        result[others[point_idx]] = edge_idx
    if single.size:
        result[single] = _nearest_to_points(network, points[single], k)
    return result


def _nearest_to_points(network, points, k):
    """``nearest_segments`` of points."""
    coords = shapely.get_coordinates(points)
    result = np.zeros(len(points), dtype=np.int64)
    index = _snap_index(network)
    k = min(k, len(index.piece_edge))
    mid_dist, piece = index.tree.query(coords, k=k)
    mid_dist, piece = mid_dist.reshape(len(coords), k), piece.reshape(len(coords), k)
    cand = index.piece_edge[piece]
    # the distance to each candidate segment from u + t (v − u), t the projection clipped to 0..1,
    # in x and y arrays (reductions over an axis of two would cost more than the rest)
    start_x, start_y = index.start_x[cand], index.start_y[cand]
    along_x, along_y = index.along_x[cand], index.along_y[cand]
    rel_x, rel_y = coords[:, :1] - start_x, coords[:, 1:] - start_y
    t = np.clip((rel_x * along_x + rel_y * along_y) / index.length_sq[cand], 0.0, 1.0)
    gap_x, gap_y = rel_x - t * along_x, rel_y - t * along_y
    best = np.argmin(gap_x * gap_x + gap_y * gap_y, axis=1)
    rows = np.arange(len(coords))
    result[:] = cand[rows, best]
    best_dist = np.hypot(gap_x[rows, best], gap_y[rows, best])
    # 1e-9 m of slack for rounding in the distances computed here
    unsure = np.flatnonzero(best_dist > mid_dist[:, -1] - index.half_piece - 1e-9)
    if k == len(index.piece_edge):
        unsure = unsure[:0]   # every piece was looked at
    if unsure.size:
        point_idx, edge_idx = network.tree.query_nearest(points[unsure], all_matches=False)
        result[unsure[point_idx]] = edge_idx
    return result


@dataclass(frozen=True)
class _SnapIndex:
    """Segments cut into pieces of length ≤ 2 ``half_piece``: the segment of each piece and a k-d tree
    over the pieces' midpoints."""
    piece_edge: np.ndarray
    tree: cKDTree
    half_piece: float
    start_x: np.ndarray     # per segment: its node u
    start_y: np.ndarray
    along_x: np.ndarray     # v − u
    along_y: np.ndarray
    length_sq: np.ndarray   # |v − u|²


def _snap_index(network):
    """The network's ``_SnapIndex``, made once per network. Pieces as long as the median segment
    (at least 1 m) keep their number near twice the segments' and h small next to the distances
    from buildings to their street."""
    found = network.__dict__.get("_snap_index")
    if found is None:
        piece_len = max(float(np.median(network.edge_length)), 1.0)
        count = np.maximum(np.ceil(network.edge_length / piece_len).astype(np.int64), 1)
        piece_edge = np.repeat(np.arange(network.n_edges), count)
        within = np.arange(piece_edge.size) - np.repeat(np.cumsum(count) - count, count)
        share = ((within + 0.5) / count[piece_edge])[:, None]
        a, b = network.nodes[network.edge_u[piece_edge]], network.nodes[network.edge_v[piece_edge]]
        half = float((network.edge_length / count).max()) / 2.0
        start = network.nodes[network.edge_u]
        along = network.nodes[network.edge_v] - start
        found = _SnapIndex(piece_edge, cKDTree(a + share * (b - a)), half * (1.0 + 1e-9),
                           start[:, 0].copy(), start[:, 1].copy(), along[:, 0].copy(), along[:, 1].copy(),
                           (along * along).sum(axis=1))
        object.__setattr__(network, "_snap_index", found)
    return found


def reach(network, sources, cutoff=np.inf):
    """Multi-source Dijkstra from snapped ``sources`` (a ``Snapped``; those not on the network are
    left out) to every node: D(node) = min over sources of a_s + path length, nodes farther than
    ``cutoff`` left at inf (``limit`` of scipy's dijkstra, so a small cutoff searches less).
    Returns a ``Reach`` whose ``distance_to`` gives target distances."""
    n = network.n_nodes
    ids = np.flatnonzero(sources.on_network)
    node_distance = np.full(n, np.inf)
    node_source = np.full(n, -1, dtype=np.int64)
    if ids.size:
        augmented, virtual = _with_sources(network, sources.take(ids))
        dist, _, nearest = csgraph.dijkstra(augmented, directed=True, indices=virtual, min_only=True,
                                            return_predecessors=True, limit=cutoff)
        node_distance = dist[:n]
        found = np.isfinite(node_distance)
        node_source[found] = ids[nearest[:n][found] - n]
    return Reach(network, node_distance, node_source, sources, float(cutoff))


def pair_distances(network, sources, targets, cutoff, max_cells=MAX_TABLE_CELLS, is_canceled=None):
    """Every (source, target, distance) pair with a network distance d(s, t) ≤ ``cutoff[s]``.

    ``sources`` and ``targets`` are ``Snapped``; ``cutoff`` (coordinate units) is per source or one
    number; sources off the network or with a cutoff ≤ 0 have no pairs. d is the model's
    a_s + D(s′, t′) + a_t (module docstring), taken as in ``Reach.distance_to`` but per source.

    Bounded single-source Dijkstras, one ``csgraph.dijkstra`` call (``indices`` = the virtual node of
    every source, ``limit`` = the largest cutoff) per block of nearby sources on the part of the
    network around them (``_source_blocks``): a way no longer than the cutoff never leaves the
    cutoff's distance from its source, so that part holds every way wanted, and the work grows with
    the sources, not with sources × the whole network. Each call gives a sources × local nodes
    table, split into calls of at most ``max_cells`` entries to bound memory. The table's entries find
    the targets on a segment ending at their node through a sort of the targets by node, so no loop
    runs over sources or targets. Each batch keeps only its ways within their source's cutoff and the
    shortest per pair (all ways of a source run through its batch), so what is held grows with the
    pairs found, not with every way the searches saw.
    ``is_canceled`` (a callable) is looked at between the calls and raises ``Canceled``. Returns
    int64 source and target indices and float distances, sorted by source, then target.
    """
    cutoff = np.broadcast_to(np.asarray(cutoff, dtype=float), (len(sources),))
    src = np.flatnonzero(sources.on_network & (cutoff > 0))
    tgt = np.flatnonzero(targets.on_network)
    found = [(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))]
    if not src.size or not tgt.size:
        return found[0]
    t_edge, t_off, t_acc = targets.edge[tgt], targets.offset[tgt], targets.access[tgt]
    t_len = network.edge_length[t_edge]
    ends = []   # per end of the targets' segments: the targets sorted by that end node, and the way from it
    for end_node, along in ((network.edge_u[t_edge], t_off), (network.edge_v[t_edge], t_len - t_off)):
        by_node = np.argsort(end_node, kind="stable")
        ends.append((end_node[by_node], by_node, along))
    for block, local in _source_blocks(network, sources, src, cutoff):
        size = network.n_nodes if local is None else len(local)
        batch = max(1, int(max_cells) // (size + block.size))
        for start in range(0, block.size, batch):
            check_canceled(is_canceled)
            part = src[block[start:start + batch]]
            augmented, virtual = _with_sources(network, sources.take(part), local)
            table = csgraph.dijkstra(augmented, directed=True, indices=virtual,
                                     limit=float(cutoff[part].max()))[:, :size]
            row, node = np.nonzero(np.isfinite(table))
            dist = table[row, node]
            del table
            node = node if local is None else local[node]
            ways = []
            for sorted_end, by_node, along in ends:
                entry, at = _rows_at(sorted_end, node)
                t_pos = by_node[at]
                ways.append(_within(part[row[entry]], t_pos, dist[entry] + along[t_pos] + t_acc[t_pos], cutoff))
            # a batch holds every way through the nodes from its sources: its shortest per pair is final
            # but for the ways along a shared segment (below), and the rest need not be held meanwhile
            found.append(_shortest(*(np.concatenate(column) for column in zip(*ways))))
    s_same, t_same, d_same = _same_segment_pairs(sources.take(src), t_edge, t_off, src)
    found.append(_within(s_same, t_same, d_same + t_acc[t_same], cutoff))
    s_idx, t_pos, dist = _shortest(*(np.concatenate(column) for column in zip(*found)))
    return s_idx, tgt[t_pos], dist


def _within(s_idx, t_pos, dist, cutoff):
    """The ways (source, target position, length) no longer than their source's cutoff."""
    keep = dist <= cutoff[s_idx]
    return s_idx[keep], t_pos[keep], dist[keep]


def _shortest(s_idx, t_pos, dist):
    """The shortest way of each (source, target) pair, sorted by source, then target. Taking it over
    parts of the ways, then over the parts' shortest, gives the same: a minimum of minima."""
    order = np.lexsort((dist, t_pos, s_idx))
    s_idx, t_pos, dist = s_idx[order], t_pos[order], dist[order]
    first = np.ones(s_idx.size, dtype=bool)
    first[1:] = (s_idx[1:] != s_idx[:-1]) | (t_pos[1:] != t_pos[:-1])
    return s_idx[first], t_pos[first], dist[first]


def _source_blocks(network, sources, src, cutoff):
    """Yield (positions in ``src``, nodes) per block: the sources ``src`` grouped by squares of at
    least twice the largest cutoff (by where they join the network), with the sorted nodes within a cutoff of the
    block's sources (a box round them, widened by their largest cutoff). Every node on a way of
    length ≤ c from a source lies within c of its snapped point (the straight line is no longer), so
    the graph on those nodes holds all such ways. One block of all nodes (None) where the cutoff is
    not finite."""
    c_max = float(cutoff[src].max())
    if not np.isfinite(c_max):
        yield np.arange(src.size), None
        return
    edge, offset = sources.edge[src], sources.offset[src]
    a, b = network.nodes[network.edge_u[edge]], network.nodes[network.edge_v[edge]]
    at = a + (offset / network.edge_length[edge])[:, None] * (b - a)
    # squares no smaller than 2 c, and large enough for about BLOCK_SOURCES sources each: a call per
    # handful of sources would cost more in making their graphs than it saves in searching
    extent = at.max(axis=0) - at.min(axis=0)
    side = max(2.0 * c_max, float(np.sqrt(extent[0] * extent[1] * BLOCK_SOURCES / src.size)), 1e-9)
    cell = np.floor((at - at.min(axis=0)) / side).astype(np.int64)
    order = np.lexsort((cell[:, 0], cell[:, 1]))
    key = cell[order]
    cuts = np.flatnonzero(np.r_[True, (key[1:] != key[:-1]).any(axis=1), True])
    tree = _node_tree(network)
    for first, last in zip(cuts[:-1], cuts[1:]):
        block = order[first:last]
        low, high = at[block].min(axis=0), at[block].max(axis=0)
        radius = float((high - low).max()) / 2.0 + float(cutoff[src[block]].max())
        local = np.sort(np.asarray(tree.query_ball_point((low + high) / 2.0, radius * (1.0 + 1e-9) + 1e-9,
                                                         p=np.inf), dtype=np.int64))
        yield block, local


def _node_tree(network):
    """A k-d tree over the network's nodes, made once per network."""
    found = network.__dict__.get("_node_tree")
    if found is None:
        found = cKDTree(network.nodes)
        object.__setattr__(network, "_node_tree", found)
    return found


def network_distance(network, sources, targets, cutoff=np.inf):
    """Distance (and index of the nearest source) from each snapped target to the nearest snapped
    source along ``network``; see ``Reach.distance_to``."""
    return reach(network, sources, cutoff).distance_to(targets)


def euclidean_distance(sources, targets):
    """Straight-line distance from each target point to the nearest source point, and its index.

    inf and -1 where a target has no geometry or there are no sources. One STRtree query."""
    sources = np.asarray(sources, dtype=object)
    targets = np.asarray(targets, dtype=object)
    distance = np.full(len(targets), np.inf)
    nearest = np.full(len(targets), -1, dtype=np.int64)
    present = ~shapely.is_missing(sources) if len(sources) else np.zeros(0, dtype=bool)
    if not present.any() or not len(targets):
        return distance, nearest
    ids = np.flatnonzero(present)
    tree = shapely.STRtree(sources[ids])
    (target_idx, source_idx), dist = tree.query_nearest(targets, return_distance=True, all_matches=False)
    distance[target_idx] = dist
    nearest[target_idx] = ids[source_idx]
    return distance, nearest


def representative_points(geometries):
    """A point inside each geometry, the same whatever the CRS (``core.zones.representative_points``)."""
    return zones.representative_points(geometries)


# ---- helpers -------------------------------------------------------------------------------
def _with_sources(network, sources, local=None):
    """The graph (on the sorted nodes ``local`` only, numbered in that order, where given) plus one
    virtual node per source (all on the network), with one-way edges of length a_s + o_s and
    a_s + L − o_s to the ends of its segment, and those nodes' numbers. An end outside ``local`` is
    left out: it lies farther than the block's cutoff (``_source_blocks``)."""
    edge, a, o = sources.edge, sources.access, sources.offset
    length = network.edge_length[edge]
    u, v = network.edge_u[edge], network.edge_v[edge]
    if local is None:
        n, graph = network.n_nodes, network.graph.tocoo()
        u_in = v_in = np.ones(len(edge), dtype=bool)
    else:
        n, graph = len(local), network.graph[local][:, local].tocoo()
        u, u_in = _position_in(local, u)
        v, v_in = _position_in(local, v)
    virtual = n + np.arange(len(edge))
    rows = np.concatenate([graph.row, virtual[u_in], virtual[v_in]])
    cols = np.concatenate([graph.col, u[u_in], v[v_in]])
    weights = np.concatenate([graph.data, (a + o)[u_in], (a + (length - o))[v_in]])
    size = n + len(edge)
    # csr_matrix sums duplicates: a source at a segment's end gives two virtual edges to one
    # node only if u == v, which build_network never makes.
    return sparse.csr_matrix((weights, (rows, cols)), shape=(size, size)), virtual


def _position_in(sorted_values, values):
    """Position of each of ``values`` in ``sorted_values`` and whether it is there at all."""
    at = np.minimum(np.searchsorted(sorted_values, values), max(len(sorted_values) - 1, 0))
    found = sorted_values[at] == values if len(sorted_values) else np.zeros(len(values), dtype=bool)
    return at, found


def _rows_at(sorted_keys, wanted):
    """All matches of each ``wanted`` key in ``sorted_keys``: (position in ``wanted``, position in
    ``sorted_keys``) per match, without a loop over either."""
    lo = np.searchsorted(sorted_keys, wanted, side="left")
    count = np.searchsorted(sorted_keys, wanted, side="right") - lo
    which = np.repeat(np.arange(len(wanted)), count)
    first = np.repeat(np.cumsum(count) - count, count)
    return which, np.repeat(lo, count) + (np.arange(which.size) - first)


def _same_segment_pairs(sources, edge, offset, source_ids):
    """(source id, target position, a_s + |o_s − o_t|) for every source sharing its segment with a
    target at ``offset`` on ``edge``: the way along the segment that skips both its ends."""
    by_edge = np.argsort(sources.edge, kind="stable")
    t_pos, at = _rows_at(sources.edge[by_edge], edge)
    s_pos = by_edge[at]
    return (source_ids[s_pos], t_pos,
            sources.access[s_pos] + np.abs(sources.offset[s_pos] - offset[t_pos]))


def _merge_vertices(coords, tolerance):
    """Node number of each coordinate and node positions, merging coordinates within ``tolerance``."""
    unique, inverse = np.unique(coords, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    if tolerance > 0 and len(unique) > 1:
        pairs = cKDTree(unique).query_pairs(r=tolerance, output_type="ndarray")
    else:
        pairs = np.zeros((0, 2), dtype=np.int64)
    if len(pairs):
        m = len(unique)
        link = sparse.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(m, m))
        _, label = csgraph.connected_components(link, directed=False)
        count = np.bincount(label)
        nodes = np.stack([np.bincount(label, weights=unique[:, 0]) / count,
                          np.bincount(label, weights=unique[:, 1]) / count], axis=1)
        return label[inverse], nodes
    return inverse, unique


def _unnoded_ends(graph, nodes, segments, tree, u, v, tolerance):
    """Dead-end nodes lying within ``tolerance`` (at least 1e-6) of a segment they are not an end of."""
    degree = np.diff(graph.indptr)
    ends = np.flatnonzero(degree == 1)
    if not ends.size:
        return 0
    points = shapely.points(nodes[ends])
    end_idx, seg_idx = tree.query(points, predicate="dwithin", distance=max(tolerance, 1e-6))
    node = ends[end_idx]
    foreign = (u[seg_idx] != node) & (v[seg_idx] != node)
    return int(np.unique(node[foreign]).size)


def _same_segment(sources, edge, offset):
    """For targets at ``offset`` on segment ``edge``: min over sources on the same segment of
    a_s + |o_s − o_t|, and that source's index (inf, -1 where no source shares the segment).

    Sources and targets are sorted together by (segment, offset); a running minimum of a_s − o_s
    from the left (plus o_t) and of a_s + o_s from the right (minus o_t), reset per segment,
    covers both sides in O(n log n)."""
    n = len(edge)
    best = np.full(n, np.inf)
    best_source = np.full(n, -1, dtype=np.int64)
    src = np.flatnonzero(sources.on_network)
    if not src.size:
        return best, best_source
    shared = np.isin(edge, sources.edge[src])
    if not shared.any():
        return best, best_source
    s_edge, s_off, s_acc = sources.edge[src], sources.offset[src], sources.access[src]
    t_pos = np.flatnonzero(shared)
    all_edge = np.concatenate([s_edge, edge[t_pos]])
    all_off = np.concatenate([s_off, offset[t_pos]])
    is_source = np.concatenate([np.ones(src.size, bool), np.zeros(t_pos.size, bool)])
    who = np.concatenate([src, np.full(t_pos.size, -1)])
    # Sources before targets at equal offsets, so the left pass sees a source at the same spot.
    order = np.lexsort((~is_source, all_off, all_edge))
    e, o, is_s, who = all_edge[order], all_off[order], is_source[order], who[order]
    acc = np.where(is_s, np.concatenate([s_acc, np.zeros(t_pos.size)])[order], np.inf)

    left_value, left_who = _segmented_running_min(np.where(is_s, acc - o, np.inf), e, who, is_s)
    right_value, right_who = _segmented_running_min(
        np.where(is_s, acc + o, np.inf)[::-1], e[::-1], who[::-1], is_s[::-1])
    right_value, right_who = right_value[::-1], right_who[::-1]
    from_left = left_value + o
    from_right = right_value - o
    value = np.minimum(from_left, from_right)
    chosen = np.where(from_left <= from_right, left_who, right_who)

    target_rows = ~is_s
    positions = t_pos[order[target_rows] - src.size]
    best[positions] = value[target_rows]
    best_source[positions] = np.where(np.isfinite(value[target_rows]), chosen[target_rows], -1)
    return best, best_source


def _segmented_running_min(values, groups, who, is_source):
    """Running minimum of ``values`` restarting at each change of ``groups`` (which must be sorted
    into runs), with the ``who`` of the element that set it (-1 while the minimum is inf)."""
    running = pd.Series(values).groupby(groups).cummin().to_numpy()
    setter = is_source & (values == running) & np.isfinite(values)
    mark = np.maximum.accumulate(np.where(setter, np.arange(len(values)), -1))
    found = np.isfinite(running)
    chosen = np.full(len(values), -1, dtype=np.int64)
    chosen[found] = who[mark[found]]
    return running, chosen
