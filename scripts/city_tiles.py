"""A city made of the demo district tiled k × k, for benchmarks at city scale.

Every layer of resources/sample_data/demo_district.gpkg is copied k × k times, tile (column i, row j)
shifted by (i × width, j × height) of the district's extent, so neighbouring tiles share their edges
(with a gap, by (i × (width + gap), j × (height + gap)): tiles then lie apart, and no flood zone, park
or shelter of one reaches into the next).
Tile 0 (the south-west one) keeps the district's ids; in tile t every text field named ``*_id``
(bldg_id, parcel_id, unit_id, ...) gets the suffix ``-t``, the same in every layer, so the ids stay
unique and a building still names its own tile's parcel and unit. Feature ids run 1..n tile after tile.

    .venv/bin/python scripts/city_tiles.py K [output.gpkg] [gap in metres]

``city(k)`` writes each size once into out/bench/city/ (not committed) and reuses it while the demo
district is unchanged.
"""
import os
import sys

import numpy as np
import shapely
from osgeo import ogr, osr

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DISTRICT = os.path.join(REPO, "resources", "sample_data", "demo_district.gpkg")
CACHE = os.path.join(REPO, "out", "bench", "city")


def read_layer(layer):
    """(field definitions, shapely geometries, {field name: list of values}) of an OGR layer."""
    definition = layer.GetLayerDefn()
    fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
    wkbs, values = [], {f.GetName(): [] for f in fields}
    for feature in layer:
        geometry = feature.GetGeometryRef()
        wkbs.append(None if geometry is None else bytes(geometry.ExportToIsoWkb()))
        for f in fields:
            name = f.GetName()
            values[name].append(feature.GetField(name) if feature.IsFieldSetAndNotNull(name) else None)
    return fields, shapely.from_wkb(np.array(wkbs, dtype=object)), values


def id_fields(fields):
    return {f.GetName() for f in fields if f.GetName().endswith("_id") and f.GetType() == ogr.OFTString}


def tile_district(k, output, source=DISTRICT, layers=None, limits=None, gap=0.0):
    """Write the district tiled ``k`` × ``k`` into the GeoPackage ``output`` (replaced): all layers,
    or those named in ``layers``; ``limits`` {layer: n} keeps only the first n features of a layer;
    ``gap`` metres between tiles. Returns {layer: features written}."""
    limits = limits or {}
    district = ogr.Open(source)
    xmin, xmax, ymin, ymax = district.GetLayer(0).GetExtent()
    for index in range(district.GetLayerCount()):
        x0, x1, y0, y1 = district.GetLayer(index).GetExtent()
        xmin, xmax, ymin, ymax = min(xmin, x0), max(xmax, x1), min(ymin, y0), max(ymax, y1)
    width, height = xmax - xmin + gap, ymax - ymin + gap
    if os.path.exists(output):
        os.remove(output)
    target = ogr.GetDriverByName("GPKG").CreateDataSource(output)
    counts = {}
    for index in range(district.GetLayerCount()):
        layer = district.GetLayer(index)
        name = layer.GetName()
        if layers is not None and name not in layers:
            continue
        fields, geometries, values = read_layer(layer)
        renamed = id_fields(fields)
        srs = osr.SpatialReference(layer.GetSpatialRef().ExportToWkt())
        out = target.CreateLayer(name, srs, layer.GetGeomType(), options=["SPATIAL_INDEX=YES", "FID=fid"])
        for f in fields:
            out.CreateField(f)
        definition = out.GetLayerDefn()
        limit = limits.get(name, k * k * len(geometries))
        written = 0
        out.StartTransaction()
        for tile in range(k * k):
            if written >= limit:
                break
            offset = np.array([(tile % k) * width, (tile // k) * height])
            shifted = shapely.to_wkb(shapely.transform(geometries, lambda xy: xy + offset))
            suffix = f"-{tile}" if tile else ""
            for row in range(min(len(geometries), limit - written)):
                feature = ogr.Feature(definition)
                for f in fields:
                    value = values[f.GetName()][row]
                    if value is None:
                        feature.SetFieldNull(f.GetName())
                    else:
                        feature.SetField(f.GetName(), value + suffix if f.GetName() in renamed else value)
                if shifted[row] is not None:
                    feature.SetGeometry(ogr.CreateGeometryFromWkb(shifted[row]))
                out.CreateFeature(feature)
                written += 1
        out.CommitTransaction()
        counts[name] = written
    target = None
    return counts


def city(k, layers=None, limits=None, name=None, gap=0.0):
    """The path of the k × k city in the cache, written first if missing or older than the district."""
    path = os.path.join(CACHE, name or f"city_{k}x{k}" + (f"_gap{gap:g}" if gap else "") + ".gpkg")
    if not os.path.exists(path) or os.path.getmtime(path) < os.path.getmtime(DISTRICT):
        os.makedirs(CACHE, exist_ok=True)
        partial = path + ".partial.gpkg"   # renamed once complete: an interrupted run leaves no half city
        tile_district(k, partial, layers=layers, limits=limits, gap=gap)
        os.replace(partial, path)
    return path


def main(argv):
    ogr.UseExceptions()
    k = int(argv[1])
    output = argv[2] if len(argv) > 2 else None
    gap = float(argv[3]) if len(argv) > 3 else 0.0
    if output:
        counts = tile_district(k, output, gap=gap)
        print(f"{output}: " + ", ".join(f"{n} {c}" for n, c in counts.items()))
    else:
        print(city(k))


if __name__ == "__main__":
    main(sys.argv)
