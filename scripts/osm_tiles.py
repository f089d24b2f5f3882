"""A city-sized OpenStreetMap extract for benchmarking lcr:prepare_osm: Liechtenstein (the largest bundled
extract, 8,993 buildings) tiled k × k, every node moved by k' × the extract's width east and k'' × its
height north, every node, way and relation id renumbered (its rank within its kind, plus the tile's
number × the count of that kind) so that they stay unique and ascending, as GDAL's OSM driver expects.

    python3 -m venv /tmp/osmium-venv && /tmp/osmium-venv/bin/pip install osmium numpy
    /tmp/osmium-venv/bin/python scripts/osm_tiles.py 4 [--source resources/sample_data/osm/liechtenstein.osm.pbf]

writes out/bench/osm/liechtenstein_4x4.osm.pbf (not committed) and prints its path. It reads and writes
.osm.pbf with pyosmium (the ``osmium`` package of PyPI), in a virtual environment of its own: a benchmark
tool, not a dependency of the plugin. GDAL's OSM reader would lose what the tiling needs (the node
ids ways share, relation members), which is why the file is copied object by object.

Members and way nodes missing from the extract (relations cut by its edge) are left out of each copy:
GDAL cannot resolve them in the original either. Tiles shifted by whole extents touch along their
edges; at 8 × 8 Liechtenstein spans 1.4° of longitude and 1.8° of latitude, within one UTM zone.

Benchmark (2 shared cores): ``scripts/bench_city.py --osm 1,2,4`` times lcr:prepare_osm on them.
"""
import argparse
import os
import sys

import numpy as np
import osmium

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(REPO, "resources", "sample_data", "osm", "liechtenstein.osm.pbf")
OUT = os.path.join(REPO, "out", "bench", "osm")


def read(path):
    """Nodes (ids, lon/lat, tags), ways (ids, node refs, tags) and relations (ids, members, tags)."""
    nodes, ways, relations = ([], [], []), ([], [], []), ([], [], [])
    coords = []
    for obj in osmium.FileProcessor(path):
        tags = [(tag.k, tag.v) for tag in obj.tags]
        if obj.is_node():
            nodes[0].append(obj.id)
            coords.append((obj.location.lon, obj.location.lat) if obj.location.valid() else (np.nan, np.nan))
            nodes[2].append(tags)
        elif obj.is_way():
            ways[0].append(obj.id)
            ways[1].append([ref.ref for ref in obj.nodes])
            ways[2].append(tags)
        elif obj.is_relation():
            relations[0].append(obj.id)
            relations[1].append([(member.type, member.ref, member.role) for member in obj.members])
            relations[2].append(tags)
    return nodes, np.array(coords, dtype=float).reshape(-1, 2), ways, relations


def renumber(ids):
    """Old id -> rank + 1 within its kind (a sorted array and a lookup)."""
    return np.sort(np.asarray(ids, dtype=np.int64))


def new_id(sorted_ids, old, tile):
    """The new id of ``old`` in ``tile``; None where the extract lacks it."""
    position = int(np.searchsorted(sorted_ids, old))
    if position >= len(sorted_ids) or sorted_ids[position] != old:
        return None
    return tile * len(sorted_ids) + position + 1


def tile(source, k, target):
    nodes, coords, ways, relations = read(source)
    ok = np.isfinite(coords).all(axis=1)
    west, south = coords[ok].min(axis=0)
    east, north = coords[ok].max(axis=0)
    width, height = east - west, north - south
    node_ids, way_ids, relation_ids = renumber(nodes[0]), renumber(ways[0]), renumber(relations[0])
    kinds = {"n": node_ids, "w": way_ids, "r": relation_ids}
    node_order = np.argsort(nodes[0], kind="stable")
    way_order = np.argsort(ways[0], kind="stable")
    relation_order = np.argsort(relations[0], kind="stable")
    way_refs = [np.searchsorted(node_ids, np.asarray(refs, dtype=np.int64)) for refs in ways[1]]
    way_found = [(pos < len(node_ids)) & (node_ids[np.minimum(pos, len(node_ids) - 1)] == np.asarray(refs))
                 for pos, refs in zip(way_refs, ways[1])]
    tiles = [(i, j) for j in range(k) for i in range(k)]
    if os.path.exists(target):
        os.remove(target)
    writer = osmium.SimpleWriter(target)
    try:
        # nodes of every tile, then ways, then relations: each kind ascending, as PBF readers expect
        for number, (i, j) in enumerate(tiles):
            shift = np.array([i * width, j * height])
            moved = coords + shift
            base = number * len(node_ids)
            for rank, index in enumerate(node_order):
                lon, lat = moved[index]
                if not np.isfinite(lon):
                    continue
                writer.add_node(osmium.osm.mutable.Node(id=base + rank + 1, location=(lon, lat), version=1,
                                                        tags=nodes[2][index]))
        for number, _ in enumerate(tiles):
            base = number * len(node_ids)
            for rank, index in enumerate(way_order):
                refs = (way_refs[index][way_found[index]] + base + 1).tolist()
                writer.add_way(osmium.osm.mutable.Way(id=number * len(way_ids) + rank + 1, nodes=refs, version=1,
                                                      tags=ways[2][index]))
        for number, _ in enumerate(tiles):
            for rank, index in enumerate(relation_order):
                members = []
                for kind, ref, role in relations[1][index]:
                    moved_ref = new_id(kinds[kind], ref, number)
                    if moved_ref is not None:
                        members.append((kind, moved_ref, role))
                writer.add_relation(osmium.osm.mutable.Relation(id=number * len(relation_ids) + rank + 1,
                                                                members=members, version=1,
                                                                tags=relations[2][index]))
    finally:
        writer.close()
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("k", type=int, help="tiles per side")
    parser.add_argument("--source", default=SOURCE, help="the extract to tile (.osm.pbf or .osm)")
    args = parser.parse_args(argv)
    os.makedirs(OUT, exist_ok=True)
    name = os.path.basename(args.source).split(".")[0]
    target = os.path.join(OUT, f"{name}_{args.k}x{args.k}.osm.pbf")
    print(tile(args.source, args.k, target))


if __name__ == "__main__":
    sys.exit(main())
