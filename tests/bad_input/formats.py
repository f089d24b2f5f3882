"""Cases derived from the hand-worked "base" ones: the same inputs read through other providers, the
outputs written to other formats, and parameter values as qgis_process and batch mode pass them. Nothing
here spoils a number, so a run must give the base case's numbers (or a refusal naming what it cannot take).

Outputs: every vector output as a Shapefile (field names cut to 10 bytes: the log must name the long
ones, and the values must sit under the cut names), GeoJSON, CSV, an Excel workbook, a memory layer, and
a layer written into a GeoPackage that already holds a layer of that name and another one (which stays).

Inputs: the primary layer as delimited text (CSV with WKT), as a virtual layer, in edit mode with an
unsaved deletion, with a filter and a selection together, with the field the algorithm reads coming from
a join or from an expression (virtual) field.

Parameters: field names in capitals or with spaces around them, numbers given as text.
"""
import os
import re

from osgeo import ogr

from . import build as b
from .cases import CASES, Case, layers_of

NO_LAYERS = {"prepare_osm"}


def _algorithm(target):
    from qgis.core import QgsApplication
    return QgsApplication.processingRegistry().algorithmById("lcr:" + target)


def _primary(params):
    keys = layers_of(params, None)
    return "INPUT" if "INPUT" in keys else keys[0]


def _derive(target, case_id, kind, vary, check=None, names=()):
    base = CASES[(target, "base")]

    def build(d, base=base):
        return vary(d, base.build(d), target)
    CASES[(target, case_id)] = Case(target, case_id, kind, build, names=tuple(names),
                                    check=base.check if check is None else check, nonnegative=base.nonnegative)


def _project_layer(uri, name=None, provider="ogr"):
    from qgis.core import QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(uri, name or b.split_uri(uri)[1] or "layer", provider)
    assert layer.isValid(), uri
    QgsProject.instance().addMapLayer(layer)
    return layer


def _vector_outputs(target, params):
    algorithm = _algorithm(target)
    return [key for key, value in params.items()
            if (definition := algorithm.parameterDefinition(key)) is not None
            and definition.type() in ("sink", "vectorDestination") and value is not None]


# ---- outputs ---------------------------------------------------------------------------------------------------
def _outputs_as(extension):
    def vary(d, params, target):
        out = dict(params)
        for key in _vector_outputs(target, params):
            out[key] = d.output(f"result_{key}.{extension}") if extension != "memory:" else "memory:"
        return out
    return vary


def _into_existing_gpkg(d, params, target):
    """Each vector output as a layer "result" of a GeoPackage that holds a layer "result" (an older run) and
    a layer "keep" that the run must leave alone."""
    out = dict(params)
    for key in _vector_outputs(target, params):
        path = d.output(f"several_{key}.gpkg")
        for name in ("result", "keep"):
            b.layer(path, name, "Point", "EPSG:4549", "name:str", [(f"POINT({b.X0} {b.Y0})", [name])])
        out[key] = f"ogr:dbname='{path}' table=\"result\" (geom)"
    return out


def _over_the_input(d, params, target):
    """The first vector output (or file output) given the primary input's own file: the run must refuse, not
    replace it."""
    out = dict(params)
    key = _primary(params)
    algorithm = _algorithm(target)
    outputs = _vector_outputs(target, params) or [
        k for k, v in params.items() if v and (definition := algorithm.parameterDefinition(k)) is not None
        and definition.isDestination()]
    if outputs and isinstance(params[key], str):
        out[outputs[0]] = b.split_uri(params[key])[0]
    return out


def _keep_left(run):
    """The layer "keep" beside an output written into an existing GeoPackage is still there, unchanged."""
    problems = []
    for value in run.result.values():
        if isinstance(value, str) and "several_" in value:
            path = value.split("|", 1)[0]
            source = ogr.Open(path)
            layer = source.GetLayerByName("keep") if source else None
            if layer is None or layer.GetFeatureCount() != 1:
                problems.append(f"the layer “keep” of {os.path.basename(path)} is gone or changed")
            source = None
    return problems


_PARAMS = {}   # the parameters a derived case ran with, by target (build and check run in one worker)


def _remembered(vary):
    def remember(d, params, target):
        _PARAMS[target] = vary(d, params, target)
        return _PARAMS[target]
    return remember


def _full_names(target, params):
    """{output: field names} of the run with every vector output a GeoPackage (the base case's run)."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    again = {k: ("TEMPORARY_OUTPUT" if k in _vector_outputs(target, params) else v) for k, v in params.items()}
    result = processing.run("lcr:" + target, again, context=context)
    names = {}
    for key in _vector_outputs(target, params):
        layer = result.get(key)
        if isinstance(layer, str):
            layer = QgsProcessingUtils.mapLayerFromString(layer, context)
        if layer is not None:
            numeric = {f.name() for f in layer.fields() if f.isNumeric()}
            names[key] = (layer.fields().names(), layer.isSpatial(), numeric)
    return names


def _with_rows(run, by, base_check, problems):
    """``problems`` and the base check run on the rows ``by`` gives (``run.by`` put back after)."""
    original_by = run.by
    run.by = by
    try:
        return problems + base_check(run)
    finally:
        run.by = original_by


def _shapefile_check(target, base_check):
    """Every field name the Shapefile cut is named in the log with the name it got, and the base check
    passes on the rows with the names put back (the Shapefile keeps the fields' order)."""
    def check(run):
        full = _full_names(target, _PARAMS[target])
        problems, renames = [], {}
        for output, (names, _, _) in full.items():
            got = run.layer(output).fields().names()
            if len(got) != len(names):
                problems.append(f"{output} has {len(got)} fields, the GeoPackage output {len(names)}")
                continue
            renames[output] = dict(zip(got, names))
            problems += [f"the log does not say that “{old}” became “{new}”" for old, new in zip(names, got)
                         if old != new and not any(old in line and new in line for line in run.log)]
        original_by = run.by

        def by(key, output="OUTPUT"):
            rename = renames.get(output, {})
            back = {v: k for k, v in rename.items()}
            return {ident: {rename.get(k, k): v for k, v in row.items()}
                    for ident, row in original_by(back.get(key, key), output).items()}
        return _with_rows(run, by, base_check, problems)
    check.fields = getattr(base_check, "fields", None)
    return check


def _table_check(target, base_check, numbers_as_text=False):
    """The base check on a CSV or spreadsheet output (a CSV's numbers read back as text: OGR writes no
    .csvt); where the output of a GeoPackage run has geometries, the log must say that they are dropped."""
    def check(run):
        full = _full_names(target, _PARAMS[target])
        spatial = [output for output, (_, has, _) in full.items() if has]
        problems = [f"{output} had geometries and the log does not say that the table drops them" for output in spatial
                    if not any("table only" in line for line in run.log)]
        original_by = run.by

        def number(value):   # "12.5" → 12.5, "" → NULL (a CSV has no NULL); not a code like "0701"
            if isinstance(value, str) and re.fullmatch(r"-?([1-9][0-9]*|0)(\.[0-9]+)?(e[-+]?[0-9]+)?", value):
                return float(value)
            return None if value == "" else value

        def by(key, output="OUTPUT"):
            numeric = full[output][2] if output in full else set()
            return {ident: {k: (number(v) if k in numeric else None if v == "" else v) for k, v in row.items()}
                    for ident, row in original_by(key, output).items()}
        return _with_rows(run, by if numbers_as_text else original_by, base_check, problems)
    check.fields = getattr(base_check, "fields", None)
    return check


# ---- inputs -----------------------------------------------------------------------------------------------------
def _primary_changed(change):
    def vary(d, params, target):
        key = _primary(params)
        out = dict(params)
        out[key] = change(d, params[key], params, target)
        return out
    return vary


def _as_delimited_text(d, uri, params, target):
    """The layer as a CSV with a WKT column, read by QGIS's delimited-text provider."""
    from qgis.core import QgsProject  # noqa: F401  (QGIS is running in the worker)

    path, name = b.split_uri(uri)
    source = ogr.Open(path)
    layer = source.GetLayerByName(name)
    crs = layer.GetSpatialRef().GetAuthorityCode(None) if layer.GetSpatialRef() else "4549"
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    lines = ["wkt;" + ";".join(names)]
    for feature in layer:
        geom = feature.GetGeometryRef()
        cells = [geom.ExportToWkt() if geom is not None else ""]
        cells += ["" if not feature.IsFieldSetAndNotNull(n) else str(feature.GetField(n)) for n in names]
        lines.append(";".join(cells))
    source = None
    d.serial += 1
    csv = d.inp / f"v{d.serial}" / f"{name}.csv"
    b.text(csv, "\n".join(lines) + "\n")
    uri = f"file://{csv}?type=csv&delimiter=;&wktField=wkt&crs=EPSG:{crs}&detectTypes=yes&watchFile=no"
    layer = _project_layer(uri, name, "delimitedtext")
    return layer.id()


def _as_virtual_layer(d, uri, params, target):
    from qgis.core import QgsVirtualLayerDefinition

    source = _project_layer(uri)
    definition = QgsVirtualLayerDefinition()
    definition.addSource("src", source.id())
    definition.setQuery("SELECT * FROM src")
    layer = _project_layer(definition.toString(), b.split_uri(uri)[1], "virtual")
    return layer.id()


def _junk(d, uri):
    """A copy of ``uri`` with the first feature again, called "junk"; (copy, fid of the junk)."""
    from .more import _junk_added
    return _junk_added(d, uri)


def _unsaved_deletion(d, uri, params, target):
    """The junk feature is in the file, deleted in an edit session not saved: the run must not see it."""
    copy, fid = _junk(d, uri)
    layer = _project_layer(copy)
    layer.startEditing()
    assert layer.deleteFeature(fid)
    return layer.id()


def _unsaved_value_edit(d, params, target):
    """The field the algorithm reads holds a wrong value for the first feature in the file, put right in an
    edit session not saved: the run must read what the user sees (the base case's numbers)."""
    param, field = _read_field(target, params)
    key = _primary(params)
    if param is None:
        return params
    path, name = b.split_uri(params[key])
    source = ogr.Open(path)
    first = next(iter(source.GetLayerByName(name)))
    fid, right = first.GetFID(), first.GetField(field)
    source = None
    wrong = "zzz" if isinstance(right, str) else (right or 0) * 3 + 7
    copy = d.copy(params[key], values=lambda f, row: {**row, field: wrong} if f == fid else row)
    layer = _project_layer(copy)
    layer.startEditing()
    assert layer.changeAttributeValue(fid, layer.fields().lookupField(field), right)
    return {**params, key: layer.id()}


def _filter_and_selection(d, uri, params, target):
    """Two junk features: a filter hides one, the selection leaves out the other."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    copy, fid = _junk(d, uri)
    path, name = b.split_uri(copy)
    source = ogr.Open(path, 1)
    layer = source.GetLayerByName(name)
    second = layer.GetFeature(fid).Clone()
    second.SetFID(fid + 1)
    layer.CreateFeature(second)
    source = None
    filtered = _project_layer(f'{copy}|subset="fid" <> {fid}')
    filtered.selectByIds([f.id() for f in filtered.getFeatures() if f.id() != fid + 1])
    return QgsProcessingFeatureSourceDefinition(filtered.id(), True)


def _read_field(target, params):
    """The first field parameter of the primary layer the base case sets, and the field it names."""
    algorithm = _algorithm(target)
    key = _primary(params)
    for definition in algorithm.parameterDefinitions():
        if definition.type() == "field" and definition.parentLayerParameterName() == key:
            value = params.get(definition.name())
            if isinstance(value, str) and value:
                return definition.name(), value
    return None, None


def _field_from(how):
    """The field the algorithm reads comes from a join (``how`` "join") or an expression field ("virtual")
    instead of the layer's own table; the layer's own column is renamed away."""
    def vary(d, params, target):
        param, field = _read_field(target, params)
        if param is None:
            return params
        key = _primary(params)
        hidden = field + "_src"
        copy = d.copy(params[key], rename={field: hidden})
        if how == "virtual":
            layer = _project_layer(copy)
            from qgis.core import QgsField
            from qgis.PyQt.QtCore import QVariant

            kind = layer.fields().field(hidden).type()
            layer.addExpressionField(f'"{hidden}"', QgsField(field, kind if kind != QVariant.Invalid else QVariant.Double))
        else:
            from qgis.core import QgsVectorLayerJoinInfo

            keyed = d.copy(copy, add_fields=[("jkey", "int")], values=lambda fid, row: {**row, "jkey": fid})
            layer = _project_layer(keyed)
            table = _project_layer(d.copy(params[key], name="joined", add_fields=[("jkey", "int")],
                                          values=lambda fid, row: {**row, "jkey": fid}))
            join = QgsVectorLayerJoinInfo()
            join.setJoinLayer(table)
            join.setJoinFieldName("jkey")
            join.setTargetFieldName("jkey")
            join.setJoinFieldNamesSubset([field])
            join.setPrefix("")
            join.setUsingMemoryCache(True)
            assert layer.addJoin(join)
        return {**params, key: layer.id()}
    return vary


# ---- parameters --------------------------------------------------------------------------------------------------
def _field_param(change):
    def vary(d, params, target):
        param, field = _read_field(target, params)
        return params if param is None else {**params, param: change(field)}
    return vary


def _numbers_as_text(d, params, target):
    algorithm = _algorithm(target)
    out = dict(params)
    for key, value in params.items():
        definition = algorithm.parameterDefinition(key)
        if definition is not None and definition.type() == "number" and isinstance(value, (int, float)) \
                and not isinstance(value, bool):
            out[key] = repr(float(value))
    return out


def _enum(value):
    """The first enum parameter the algorithm has set to ``value`` (99: out of range; "abc": no option);
    a refusal must name the parameter (set on the case while it builds: QGIS is running then)."""
    def vary(d, params, target):
        algorithm = _algorithm(target)
        for definition in algorithm.parameterDefinitions():
            if definition.type() == "enum" and not definition.allowMultiple():
                CASES[(target, f"enum_{'out_of_range' if value == 99 else 'as_text'}")].names = (
                    definition.name(), definition.description())
                return {**params, definition.name(): value}
        return params
    return vary


# ---- registration ------------------------------------------------------------------------------------------------
def refusal_only_check(run):
    from .cases import refusal_only
    return refusal_only(run)


def _register():
    targets = sorted({t for t, c in CASES if c == "base"} - NO_LAYERS)
    for target in targets:
        base = CASES[(target, "base")]
        _derive(target, "output_shapefile", "output format", _remembered(_outputs_as("shp")),
                check=_shapefile_check(target, base.check))
        _derive(target, "output_geojson", "output format", _outputs_as("geojson"))
        _derive(target, "output_csv", "output format", _remembered(_outputs_as("csv")),
                check=_table_check(target, base.check, numbers_as_text=True))
        _derive(target, "output_xlsx", "output format", _remembered(_outputs_as("xlsx")),
                check=_table_check(target, base.check))
        _derive(target, "output_memory", "output format", _outputs_as("memory:"))
        _derive(target, "output_into_gpkg_with_that_layer", "output format", _into_existing_gpkg,
                check=lambda run, c=base.check: c(run) + _keep_left(run))
        _derive(target, "output_over_its_input", "output path", _over_the_input, check=refusal_only_check,
                names=["buildings", "gpkg", "input", "输入"])
        _derive(target, "input_delimited_text", "input provider", _primary_changed(_as_delimited_text))
        _derive(target, "input_virtual_layer", "input provider", _primary_changed(_as_virtual_layer))
        _derive(target, "input_unsaved_deletion", "input provider", _primary_changed(_unsaved_deletion),
                check=lambda run, c=base.check: c(run) + _no_junk(run))
        _derive(target, "input_unsaved_value_edit", "input provider", _unsaved_value_edit)
        _derive(target, "input_filter_and_selection", "input provider", _primary_changed(_filter_and_selection),
                check=lambda run, c=base.check: c(run) + _no_junk(run))
        _derive(target, "input_field_from_join", "input provider", _field_from("join"))
        _derive(target, "input_virtual_field", "input provider", _field_from("virtual"))
        _derive(target, "field_name_in_capitals", "parameter text", _field_param(str.upper))
        _derive(target, "field_name_with_spaces", "parameter text", _field_param(lambda f: f" {f} "))
        _derive(target, "numbers_as_strings", "parameter text", _numbers_as_text)
        _derive(target, "enum_out_of_range", "parameter text", _enum(99))
        _derive(target, "enum_as_text", "parameter text", _enum("abc"))


def _no_junk(run):
    from .more import _no_junk as no_junk
    return no_junk(run)


_register()


# ---- rasters -------------------------------------------------------------------------------------------------------
def _raster_copy(param, bands=1, rotate_deg=0.0, window=None):
    """The raster of ``param`` saved again: ``bands`` bands (band 2 on holds 99, a code no table knows),
    turned ``rotate_deg`` about its top-left corner (pixel areas unchanged), or cut to ``window``
    (col, row, cols, rows)."""
    import math

    import numpy as np
    from osgeo import gdal

    def vary(d, params):
        source = gdal.Open(params[param])
        col, row, cols, rows = window or (0, 0, source.RasterXSize, source.RasterYSize)
        band = source.GetRasterBand(1)
        array = band.ReadAsArray(col, row, cols, rows)
        x0, dx, _, y0, _, dy = source.GetGeoTransform()
        x0, y0 = x0 + col * dx, y0 + row * dy
        a = math.radians(rotate_deg)
        transform = (x0, dx * math.cos(a), -dy * math.sin(a), y0, dx * math.sin(a), dy * math.cos(a))
        d.serial += 1
        path = d.inp / f"v{d.serial}" / os.path.basename(params[param])
        path.parent.mkdir(parents=True, exist_ok=True)
        out = gdal.GetDriverByName("GTiff").Create(os.fspath(path), cols, rows, bands, band.DataType)
        out.SetGeoTransform(transform)
        out.SetProjection(source.GetProjection())
        for index in range(1, bands + 1):
            target = out.GetRasterBand(index)
            if band.GetNoDataValue() is not None:
                target.SetNoDataValue(band.GetNoDataValue())
            target.WriteArray(array if index == 1 else np.full_like(array, 99))
        out = source = None
        return {**params, param: os.fspath(path)}
    return vary


def _register_rasters():
    from .cases import csr_expect, srr_expect
    for target, base_id, param, one_pixel in (
            ("carbon_stock", "raster_base", "LULC_RASTER", csr_expect(1.779, 0.028)),        # one tree pixel
            ("stormwater_runoff", "raster_base", "LULC_RASTER", srr_expect(park_m2=100.0, road_m2=0.0)),
            ("urban_cooling", "base", "LULC_RASTER", None),
            ("rooftop_pv", "raster", "IRRADIATION_RASTER", None)):
        base = CASES[(target, base_id)]

        def derive(case_id, kind, vary, check=None, base=base):
            CASES[(target, case_id)] = Case(
                target, case_id, kind, lambda d, base=base, vary=vary: vary(d, base.build(d)),
                names=("lulc", "irradiation", param), check=base.check if check is None else check,
                nonnegative=base.nonnegative)
        derive(f"{base_id}_two_bands", "multi-band raster", _raster_copy(param, bands=2))
        if one_pixel is not None:
            derive(f"{base_id}_rotated_30", "rotated raster", _raster_copy(param, rotate_deg=30.0))
            derive(f"{base_id}_one_pixel", "one-pixel raster", _raster_copy(param, window=(0, 0, 1, 1)),
                   check=one_pixel)


_register_rasters()


# ---- models: every field parameter naming a field the layer lacks ------------------------------------------------
# (the field parameters the model forms have, with a default; the plan checks' models have no up-front field
# check of their own: a step must refuse, naming the field)
MODEL_FIELD_PARAMS = {
    "master_plan_check_model": ("class_field", "depth_field", "facility_type_field", "floors_field", "name_field",
                                "park_type_field", "residents_field", "roof_field", "shelter_area_field",
                                "shelter_capacity_field", "shelter_type_field", "stop_type_field", "use_field"),
    "detailed_plan_check_model": ("class_field", "depth_field", "facility_type_field", "floors_field",
                                  "green_ratio_field", "landuse_field", "name_field", "parcel_residents_field",
                                  "park_type_field", "residents_field", "roof_field", "shelter_area_field",
                                  "use_field"),
    "resilience_assessment": ("class_field", "depth_field", "facility_type_field", "shelter_area_field"),
    "carbon_balance_from_layers": ("class_field", "parcel_residents_field", "roof_field", "use_field"),
}


def _register_model_fields():
    from .cases import refusal_only
    for model, fields in MODEL_FIELD_PARAMS.items():
        base = next(case for (target, case_id), case in CASES.items() if target == model and case_id == "demo")
        for param in fields:
            missing = f"no_{param}"

            def build(d, base=base, param=param, missing=missing):
                return {**base.build(d), param: missing}
            CASES[(model, f"missing_{param}")] = Case(model, f"missing_{param}", "missing field", build,
                                                      names=(missing,), check=refusal_only,
                                                      nonnegative=base.nonnegative)


_register_model_fields()
