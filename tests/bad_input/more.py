"""Cases derived from the hand-worked ones in cases.py: inputs that real users produce and that spoil no
number, so that a run must give the base case's numbers (or, where said, a refusal naming the layer or
path), and geometries spoilt in more ways than the bow-tie and the NULL of ``geometry_cases``.

Whole layers changed, for every algorithm with a "base" case: every vertex twice, Z and M values, ids with
gaps beyond 2³¹ in a column called OBJECTID, a text attribute called "fid" (which a GeoPackage output must
not take for its ids), a layer filter or a selection that hides an extra feature, an empty selection, a
300 000-character text field, text fields named like the outputs' fields, a Shapefile with GBK text and
no .cpg, one with no .prj, the layers in EPSG:4326 and 4549 at once; outputs in a folder with Chinese
characters and spaces, in a missing folder, under a file, or over an existing file open in the project.

One feature spoilt, for every polygon layer of ``geometry_cases``: a NaN vertex, a vertex at 1e300, a
ring of zero area, a GeometryCollection, a point in a layer of mixed types, a hole outside its shell;
and for every field of ``value_cases``: an integer above 2³¹ in a 64-bit integer field.
"""
import math
import os
from pathlib import Path

import numpy as np
import shapely
from osgeo import ogr

from . import build as b
from .cases import CASES, Case, either, layers_of, refusal_only, value_of

NO_LAYERS = {"prepare_osm"}   # reads an OSM file: no layer to change
# Their primary layers have field names longer than a .dbf takes (10 bytes): a Shapefile of them is
# another input, not the same one in another format.
SHAPEFILE_UNFIT = {"carbon_measures", "planning_check", "planning_report"}


def _algorithm(target):
    from qgis.core import QgsApplication
    return QgsApplication.processingRegistry().algorithmById("lcr:" + target)


def _primary(params):
    keys = layers_of(params, None)
    return "INPUT" if "INPUT" in keys else keys[0]


def _derive(target, case_id, kind, vary, check=None, names=(), skipped=0, base_id="base"):
    base = CASES[(target, base_id)]

    def build(d, base=base):
        return vary(d, base.build(d))
    CASES[(target, case_id)] = Case(target, case_id, kind, build, names=tuple(names), skipped=skipped,
                                    check=base.check if check is None else check, nonnegative=base.nonnegative)


def _ogr(geom):
    return None if geom is None else ogr.CreateGeometryFromWkb(shapely.to_wkb(geom))


def _shapely(geom):
    return None if geom is None or geom.IsEmpty() else shapely.from_wkb(bytes(geom.ExportToWkb()))


# ---- whole layers ------------------------------------------------------------------------------------------
def _each_layer(change, which=None):
    def vary(d, params):
        out = dict(params)
        for key in layers_of(params, which):
            out[key] = change(d, params[key])
        return out
    return vary


def _doubled(geom):
    """Every vertex of ``geom`` twice (valid: GEOS allows repeated points)."""
    shape = _shapely(geom)
    if shape is None:
        return geom
    parts = shapely.get_parts(shape)
    doubled = []
    for part in parts:
        if isinstance(part, shapely.Polygon):
            rings = [np.repeat(shapely.get_coordinates(ring), 2, axis=0)
                     for ring in [part.exterior, *part.interiors]]
            doubled.append(shapely.Polygon(rings[0], rings[1:]))
        elif isinstance(part, shapely.LineString):
            doubled.append(shapely.LineString(np.repeat(shapely.get_coordinates(part), 2, axis=0)))
        else:
            doubled.append(part)
    if shape.geom_type.startswith("Multi"):
        return _ogr(type(shape)(doubled))
    return _ogr(doubled[0])


def _with_zm(geom):
    shape = _shapely(geom)
    if shape is None:
        return geom
    out = _ogr(shapely.force_3d(shape, 12.5))
    out.SetMeasured(True)
    return out


def _junk_added(d, uri):
    """A copy of ``uri`` with one more feature: the first one again, called "junk"; returns (uri, its fid)."""
    copy = d.copy(uri)
    path, name = b.split_uri(copy)
    source = ogr.Open(path, 1)
    layer = source.GetLayerByName(name)
    first = next(iter(layer))
    fid = max(feature.GetFID() for feature in layer) + 1
    junk = first.Clone()
    junk.SetFID(fid)
    if layer.GetLayerDefn().GetFieldIndex("name") >= 0:
        junk.SetField("name", "junk")
    layer.CreateFeature(junk)
    source = None
    return copy, fid


def _filtered(d, uri):
    copy, fid = _junk_added(d, uri)
    return f'{copy}|subset="fid" <> {fid}'


def _selected(d, uri, keep_none=False):
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    copy, fid = _junk_added(d, uri)
    layer = QgsVectorLayer(copy, b.split_uri(copy)[1], "ogr")
    QgsProject.instance().addMapLayer(layer)
    layer.selectByIds([] if keep_none else [f.id() for f in layer.getFeatures() if f.id() != fid])
    return QgsProcessingFeatureSourceDefinition(layer.id(), True)


def _selection(keep_none=False, which=None):
    def vary(d, params):
        out = dict(params)
        for key in ([_primary(params)] if which == "primary" else layers_of(params, None)):
            out[key] = _selected(d, params[key], keep_none)
        return out
    return vary


def _no_junk(run):
    problems = []
    for key, value in run.result.items():
        try:
            rows = run.rows(key)
        except Exception:   # not a vector layer
            continue
        if any(row.get("name") == "junk" for row in rows):
            problems.append(f"{key} holds the feature the filter or selection hides")
    return problems


def _and(*checks):
    return lambda run: [p for check in checks for p in check(run)]


def _shapefile(gbk=False, prj=True):
    """The primary layer as a Shapefile with a text field “note” = 住宅楼; ``gbk``: its .dbf in GBK with no
    .cpg and no code page in its header (as older Chinese tools write it); ``prj``: keep the .prj."""
    def vary(d, params):
        key = _primary(params)
        d.serial += 1
        name = b.split_uri(params[key])[1]
        path = d.inp / f"v{d.serial}" / f"{name}.shp"
        b.copy_layer(params[key], path, name, add_fields=[("note", "str")],
                     values=lambda fid, row: {**row, "note": "住宅楼"},
                     options=["ENCODING=CP936" if gbk else "ENCODING=UTF-8"])
        if gbk:
            path.with_suffix(".cpg").unlink(missing_ok=True)
            with open(path.with_suffix(".dbf"), "r+b") as dbf:   # byte 29: the language driver id
                dbf.seek(29)
                dbf.write(b"\0")
        if not prj:
            path.with_suffix(".prj").unlink()
        return {**params, key: os.fspath(path)}
    return vary


def _note_kept(run):
    problems = []
    for key in run.result:
        try:
            rows = run.rows(key)
        except Exception:
            continue
        notes = {row["note"] for row in rows if "note" in row}
        if notes - {"住宅楼", None}:
            problems.append(f"{key}: note reads {sorted(notes)[:2]}, not 住宅楼")
    return problems


def _no_crs_given(run):
    """An output of a layer without CRS has none either (not EPSG:4326, which would call its metres degrees)."""
    from qgis.core import QgsVectorLayer

    problems = []
    for key in run.result:
        try:
            layer = run.layer(key)
        except Exception:
            continue
        if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and layer.crs().isGeographic():
            problems.append(f"{key} is labelled {layer.crs().authid()}, its input had no CRS")
    return problems


def _clash(fields, kind="str", value="1,200"):
    """Fields named like the output ``fields`` (text “1,200” by default) in every layer that has none of them."""
    def change(d, uri):
        path, name = b.split_uri(uri)
        source = ogr.Open(path)
        definition = source.GetLayerByName(name).GetLayerDefn()
        have = {definition.GetFieldDefn(i).GetName().lower() for i in range(definition.GetFieldCount())}
        source = None
        new = [f for f in fields if f.lower() not in have]
        return d.copy(uri, add_fields=[(f, kind) for f in new],
                      values=lambda fid, row: {**row, **{f: value for f in new}})
    return _each_layer(change)


def _run_again(target, fields):
    """The layers carry the output fields already, as numbers (a run on an earlier run's output), written to
    GeoPackage files."""
    def vary(d, params):
        return _outputs_in(target, lambda d: d.out)(d, _clash(fields, "real", 1200.0)(d, params))
    return vary


# ---- outputs -----------------------------------------------------------------------------------------------
def _outputs(target, params, d):
    """{parameter: extension} of the outputs the run writes (temporary or into the case's out folder)."""
    algorithm = _algorithm(target)
    out = {}
    for key, value in params.items():
        definition = algorithm.parameterDefinition(key) if algorithm else None
        if definition is None or not definition.isDestination():
            continue
        if value != "TEMPORARY_OUTPUT" and not (isinstance(value, str) and value.startswith(os.fspath(d.out))):
            continue
        kind = definition.type()
        if kind in ("sink", "vectorDestination"):
            out[key] = "gpkg"
        elif kind == "rasterDestination":
            out[key] = "tif"
        elif kind == "fileDestination":
            out[key] = definition.defaultFileExtension() or "html"
    return out


def _outputs_in(target, folder, create=None, vectors_only=False):
    """Every output written under ``folder(d)``; ``create(d, path, key)`` may put something there first."""
    def vary(d, params):
        out = dict(params)
        where = Path(folder(d))
        if folder is not _missing_folder and not where.is_file():
            where.mkdir(parents=True, exist_ok=True)
        for key, extension in _outputs(target, params, d).items():
            if vectors_only and extension != "gpkg":
                continue
            path = where / f"结果 {key}.{extension}"
            if create:
                create(d, path, key, params)
            out[key] = os.fspath(path)
        return out
    return vary


def _chinese_folder(d):
    return d.out / "输出 目录 (2024)"


def _missing_folder(d):
    return d.out / "没有的 目录" / "sub"


def _under_a_file(d):
    d.out.mkdir(parents=True, exist_ok=True)
    (d.out / "blocked.txt").write_text("a file, not a folder")
    return d.out / "blocked.txt"


def _open_in_project(d, path, key, params):
    """An older result at ``path`` (another layer), loaded in the project as the user had it open."""
    from qgis.core import QgsProject, QgsVectorLayer

    if path.suffix != ".gpkg":
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    b.copy_layer(params[_primary(params)], path, "older_result")
    QgsProject.instance().addMapLayer(QgsVectorLayer(f"{path}|layername=older_result", "older result", "ogr"))


def _mixed_crs(d, params):
    """The primary layer in EPSG:4326, the others in EPSG:4549 (CGCS2000 3-degree zone 40, CM 120°E), both
    made for the scenes' place. A CRS of another zone is not a mixed CRS but an off-scale one: warned
    (tests/test_off_scale_crs.py), its numbers off by its scale error."""
    key = _primary(params)
    out = dict(params)
    for other in layers_of(params, None):
        out[other] = d.copy(params[other], crs="EPSG:4326" if other == key else "EPSG:4549")
    return out


def _text_fid(target):
    def vary(d, params):
        key = _primary(params)
        out = dict(params)
        out[key] = d.copy(params[key], file=f"{b.split_uri(params[key])[1]}.fgb", add_fields=[("fid", "str")],
                          values=lambda fid, row: {**row, "fid": f"B-{fid}"})
        return _outputs_in(target, lambda d: d.out, vectors_only=True)(d, out)
    return vary


# ---- one feature spoilt --------------------------------------------------------------------------------------
def _vertex(value):
    def spoil(geom):
        shape = _shapely(geom)
        coords = shapely.get_coordinates(shape)
        coords[1] = value
        return _ogr(shapely.set_coordinates(shape, coords))
    return spoil


def _zero_area(geom):
    x, y = shapely.get_coordinates(_shapely(geom))[0]
    return f"POLYGON(({x} {y},{x + 10} {y},{x + 5} {y},{x} {y}))"


def _collection(geom):
    shape = _shapely(geom)
    return _ogr(shapely.GeometryCollection([shape, shapely.centroid(shape)]))


def _as_point(geom):
    return _ogr(shapely.centroid(_shapely(geom)))


def _hole_outside(geom):
    """The shell with a 1 mm hole 50 m beside it: its area differs by 1e-6 m², whatever keeps or drops it."""
    shape = _shapely(geom)
    x, y = shapely.get_coordinates(shape)[0]
    hole = [(x - 50, y), (x - 50 + 1e-3, y), (x - 50 + 1e-3, y + 1e-3), (x - 50, y + 1e-3), (x - 50, y)]
    return _ogr(shapely.Polygon(shapely.get_coordinates(shape.exterior), [hole]))


def _spoil(which, fid, change, geometry_type=None):
    def vary(d, params):
        def replace(f, geom):
            if f != fid or geom is None:
                return geom
            return change(geom)
        out = dict(params)
        out[which] = d.copy(params[which], geometry=replace, geometry_type=geometry_type)
        return out
    return vary


# ---- registration ------------------------------------------------------------------------------------------------
def _register():
    targets = sorted({t for t, c in CASES if c == "base"} - NO_LAYERS)
    for target in targets:
        base = CASES[(target, "base")]
        _derive(target, "every_vertex_twice", "duplicate vertices", _each_layer(lambda d, u: d.copy(
            u, geometry=lambda f, g: _doubled(g))))
        _derive(target, "z_and_m_values", "Z and M values", _each_layer(lambda d, u: d.copy(
            u, zm=True, geometry=lambda f, g: _with_zm(g))))
        _derive(target, "fid_gaps_objectid", "fid gaps", _each_layer(lambda d, u: d.copy(
            u, fids=lambda f: 3_000_000_000 + 1000 * f, options=["FID=OBJECTID"])))
        _derive(target, "text_fid_attribute", "fid field", _text_fid(target))
        _derive(target, "layer_filter_hides_one", "layer filter", _each_layer(_filtered),
                check=_and(base.check, _no_junk))
        _derive(target, "selection_hides_one", "selected features only", _selection(),
                check=_and(base.check, _no_junk))
        _derive(target, "selection_empty", "empty selection", _selection(keep_none=True, which="primary"),
                check=refusal_only, names=["select"])
        _derive(target, "long_text", "long text", _each_layer(lambda d, u: d.copy(
            u, add_fields=[("note", "str")], values=lambda f, row: {**row, "note": "长文本" * 100_000})))
        fields = getattr(base.check, "fields", None)
        if fields and any(fields.values()):
            names = sorted({f for names in fields.values() for f in names})
            _derive(target, "output_field_names_as_text", "field name clash", _clash(names))
            _derive(target, "run_on_its_own_output", "field name clash", _run_again(target, names))
        if target not in SHAPEFILE_UNFIT:
            _derive(target, "shapefile_gbk_no_cpg", "Shapefile encoding", _shapefile(gbk=True),
                    check=_and(base.check, _note_kept))
            _derive(target, "shapefile_no_prj", "no CRS", _shapefile(prj=False),
                    check=_and(base.check, _no_crs_given))
        if (target, "geographic_4326") in CASES:
            _derive(target, "mixed_crs_4326_4549", "mixed CRS", _mixed_crs, check=CASES[(target, "geographic_4326")].check)
        _derive(target, "output_chinese_folder", "Chinese paths and names", _outputs_in(target, _chinese_folder))
        _derive(target, "output_missing_folder", "output path", _outputs_in(target, _missing_folder),
                names=["没有的 目录"])
        _derive(target, "output_under_a_file", "output path", _outputs_in(target, _under_a_file),
                check=refusal_only, names=["blocked.txt"])
        _derive(target, "output_exists_and_open", "output path",
                _outputs_in(target, _chinese_folder, create=_open_in_project), names=["结果"])

    for (target, case_id), spoilt in list(CASES.items()):
        meta = spoilt.meta or {}
        if case_id.endswith("null_geometry") and "prefix" in meta:
            prefix, which, fid = meta["prefix"], meta["which"], meta["fid"]
            if (target, "base") not in CASES:
                continue
            base = CASES[(target, "base")]
            bow_tie = CASES.get((target, f"{prefix}bow_tie"))
            missing = dict(check=spoilt.check, skipped=spoilt.skipped, names=[meta["name"]])
            kept_or_missing = dict(missing, check=either(base.check, spoilt.check))
            for suffix, kind, change, options, geometry_type in (
                    ("nan_vertex", "NaN coordinates", _vertex((math.nan, math.nan)), missing, None),
                    ("vertex_at_1e300", "huge coordinates", _vertex((1e300, 1e300)), missing, None),
                    ("zero_area", "zero-area polygon", _zero_area, missing, None),
                    ("geometry_collection", "geometry collection", _collection, kept_or_missing, None),
                    ("point_in_mixed_layer", "mixed geometry types", _as_point, missing, "Unknown"),
                    ("hole_outside_shell", "invalid geometry", _hole_outside,
                     dict(kept_or_missing, skipped=bow_tie.skipped if bow_tie else 1), None)):
                _derive(target, f"{prefix}{suffix}", kind, _spoil(which, fid, change, geometry_type), **options)
        # (floors and floor areas have a ceiling no building passes; a count or a sum of 3e9 may be real)
        if case_id.endswith("_1e308") and meta.get("field") in ("floors", "gfa"):
            _derive(target, case_id[:-len("1e308")] + "int64_huge", "integer above 2^31",
                    _int64(meta["which"], meta["fid"], meta["field"]), check=spoilt.check, skipped=spoilt.skipped,
                    names=[meta["field"]], base_id=case_id)


def _int64(which, fid, field):
    def vary(d, params):
        return value_of(which, fid, field, 3_000_000_000, retype="int64")(d, params)
    return vary


_register()
