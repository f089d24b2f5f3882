"""A gap-free, overlap-free land cover from parcels and road corridors."""
import shapely

from .common import opening, polygons_of


LANDCOVER = {"built_up": (1, "建设用地"), "road": (2, "道路"), "water": (3, "水体"),
             "park_green": (4, "绿地"), "tree_cover": (5, "林地"), "cropland": (6, "耕地"),
             "bare": (7, "裸地")}
LANDCOVER_SIMPLIFY_M = 5.0
LANDCOVER_OF_LU = {"0101": "cropland", "0301": "tree_cover", "1401": "park_green",
                   "1402": "tree_cover", "1403": "built_up", "1701": "water"}


def landcover_pieces(parcels, corridors):
    """(geometry, class) per parcel part: built parcels split into built-up ground and lawns."""
    pieces = [(corridors, "road")]
    for p in parcels:
        lu = p["lu"]
        if lu in LANDCOVER_OF_LU:
            pieces.append((p["geom"], LANDCOVER_OF_LU[lu]))
        elif p["kind"] == "cleared":
            pieces.append((p["geom"], "bare"))
        elif not p["buildings"]:
            pieces.append((p["geom"], "built_up"))
        else:
            # Yards, parking and lanes around buildings count as built-up; wide lawns as green.
            reach = 12.0 if lu in ("1001", "1101") else 4.0 if p["kind"] in ("historic", "village") else 7.0
            built = shapely.union_all([b["geom"].buffer(reach, join_style="mitre") for b in p["buildings"]])
            # Only lawns a 10 m land-cover product would see: wide and not tiny.
            green = shapely.union_all(polygons_of(opening(p["geom"].difference(built), 5.0), 1000.0))
            pieces += [(green, "park_green"), (p["geom"].difference(green), "built_up")]
    return [(g, cls) for g, cls in pieces if not g.is_empty]


def landcover(parcels, corridors, district):
    """A gap-free, overlap-free cover of the district.

    Overlay results never meet exactly (crumbs of a few cm² appear along every shared edge), so
    the cover is rebuilt as one planar partition: all outlines are noded and polygonized, each
    face takes the class of the piece it lies in, crumbs and orphans join the neighbour they
    share the longest edge with, and faces are dissolved per class.
    """
    pieces = landcover_pieces(parcels, corridors)
    linework = shapely.union_all([g.boundary for g, _ in pieces] + [district.boundary])
    faces = [f for f in shapely.get_parts(shapely.polygonize(shapely.get_parts(linework)))
             if district.contains(f.representative_point())]
    piece_tree = shapely.STRtree([g for g, _ in pieces])
    classes = []
    for f in faces:
        hits = piece_tree.query(f.representative_point(), predicate="intersects")
        classes.append(pieces[min(hits)][1] if len(hits) and f.area >= 1.0 else None)
    face_tree = shapely.STRtree(faces)
    for _ in range(3):
        for i, f in enumerate(faces):
            if classes[i] is not None:
                continue
            shared = [(f.boundary.intersection(faces[j].boundary).length, j)
                      for j in face_tree.query(f, predicate="intersects") if j != i and classes[j] is not None]
            if shared:
                classes[i] = classes[max(shared)[1]]
    dissolved = []
    for cls in LANDCOVER:
        members = [f for f, c in zip(faces, classes) if c == cls]
        dissolved += [(g, cls) for g in (polygons_of(shapely.union_all(members), 0.0) if members else [])]
    # Rounded lawn edges cost many vertices; simplifying the cover as a whole keeps shared edges shared.
    simple = shapely.coverage_simplify([g for g, _ in dissolved], LANDCOVER_SIMPLIFY_M)
    return [(g, {"lucode": LANDCOVER[cls][0], "class": cls, "class_zh": LANDCOVER[cls][1]})
            for g, (_, cls) in zip(simple, dissolved)]
