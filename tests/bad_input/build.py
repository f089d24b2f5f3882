"""Inputs of the bad-input cases, written to disk with GDAL/OGR (not through QGIS, so that what QGIS
reads is exactly what was written): tiny layers, CSV tables, GeoTIFFs and the demo district carried
into other CRSs. Every writer returns the string a Processing parameter takes."""
import os
from pathlib import Path

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

REPO = Path(__file__).resolve().parents[2]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
X0, Y0 = 572000.0, 3402000.0   # near Jiaxing in EPSG:4549 (CGCS2000 / 3-degree GK CM 120E)

GEOMETRY_TYPES = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon,
                  "MultiPoint": ogr.wkbMultiPoint, "MultiLineString": ogr.wkbMultiLineString,
                  "MultiPolygon": ogr.wkbMultiPolygon, "None": ogr.wkbNone, "CurvePolygon": ogr.wkbCurvePolygon,
                  "PolygonZM": ogr.wkbPolygonZM, "Unknown": ogr.wkbUnknown}
FIELD_TYPES = {"int": ogr.OFTInteger, "real": ogr.OFTReal, "str": ogr.OFTString, "int64": ogr.OFTInteger64}
DRIVERS = {".gpkg": "GPKG", ".fgb": "FlatGeobuf", ".geojson": "GeoJSON", ".shp": "ESRI Shapefile"}


def rect(x, y, w, h):
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


def square(x, y, side=10):
    return rect(x - side / 2, y - side / 2, side, side)


def bow_tie(x, y, side=10):
    """Two triangles of side²/4 each crossing at the centre: invalid, make_valid gives side²/2."""
    return f"POLYGON(({x} {y},{x + side} {y + side},{x + side} {y},{x} {y + side},{x} {y}))"


def spatial_reference(crs):
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def layer(path, name, geometry, crs, fields, rows):
    """Write a layer and return "path|layername=name". ``fields`` "name:type,..." (int, real, str);
    ``rows`` [(wkt or None, [values])]. A GeoPackage takes several layers; a NaN needs FlatGeobuf
    (SQLite stores NaN as NULL)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    driver = ogr.GetDriverByName(DRIVERS[path.suffix])
    source = ogr.Open(os.fspath(path), 1) if path.exists() and path.suffix == ".gpkg" else \
        driver.CreateDataSource(os.fspath(path))
    srs = spatial_reference(crs) if crs else None
    options = ["SPATIAL_INDEX=NO"] if path.suffix == ".fgb" else []
    out = source.CreateLayer(name, srs, GEOMETRY_TYPES[geometry], options=options)
    specs = [spec.split(":") for spec in fields.split(",")] if fields else []
    for field_name, kind in specs:
        out.CreateField(ogr.FieldDefn(field_name, FIELD_TYPES[kind]))
    definition = out.GetLayerDefn()
    for wkt, values in rows:
        feature = ogr.Feature(definition)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        for index, value in enumerate(values):
            if value is None:
                feature.SetFieldNull(index)
            else:
                feature.SetField(index, value)
        out.CreateFeature(feature)
    source = None
    return f"{os.fspath(path)}|layername={name}"


def text(path, content, encoding="utf-8"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return os.fspath(path)


def geotiff(path, array, top_left, pixel, crs="EPSG:4549", nodata=None):
    """A one-band north-up GeoTIFF of square pixels; the band type follows the array's dtype."""
    types = {"uint8": gdal.GDT_Byte, "int16": gdal.GDT_Int16, "int32": gdal.GDT_Int32,
             "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows, cols = array.shape
    dataset = gdal.GetDriverByName("GTiff").Create(os.fspath(path), cols, rows, 1, types[array.dtype.name])
    dataset.SetGeoTransform((top_left[0], pixel, 0.0, top_left[1], 0.0, -pixel))
    if crs:
        dataset.SetProjection(spatial_reference(crs).ExportToWkt())
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    dataset = None
    return os.fspath(path)


def split_uri(uri):
    path, _, name = uri.partition("|layername=")
    return path, name


def copy_layer(uri, path, name, crs=None, assign_crs=None, geometry_type=None, geometry=None, values=None,
               keep=None, rename=None, add_fields=(), retype=None, fids=None, options=(), zm=False):
    """Copy the layer ``uri`` into ``path`` as ``name`` and return its URI, changing on the way:
    ``crs`` reprojects, ``assign_crs`` relabels without moving a coordinate, ``geometry(fid, geom)``
    returns a new OGR geometry, WKT or None, ``values(fid, row)`` edits a {field: value} dict,
    ``keep(fid)`` filters, ``rename`` {old: new} renames fields, ``add_fields`` [(name, type)] adds, ``retype`` {name: type}
    changes a field's type (int, real, str), ``fids(fid)`` gives each feature its id, ``options`` are
    GDAL's layer creation options, ``zm`` gives the layer Z and M."""
    source_path, source_name = split_uri(uri)
    source = ogr.Open(source_path)
    src = source.GetLayerByName(source_name)
    definition = src.GetLayerDefn()
    rename = rename or {}
    srs = src.GetSpatialRef()
    transform = None
    if crs is not None:
        target = spatial_reference(crs)
        if srs is not None:
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(srs, target)
        srs = target
    if assign_crs is not None:
        srs = spatial_reference(assign_crs)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    driver = ogr.GetDriverByName(DRIVERS[path.suffix])
    out_source = ogr.Open(os.fspath(path), 1) if path.exists() and path.suffix == ".gpkg" else \
        driver.CreateDataSource(os.fspath(path))
    options = (["SPATIAL_INDEX=NO"] if path.suffix == ".fgb" else []) + list(options)
    kind = GEOMETRY_TYPES[geometry_type] if geometry_type else src.GetGeomType()
    if zm:
        kind = ogr.GT_SetModifier(kind, True, True)
    out = out_source.CreateLayer(name, srs, kind, options=options)
    names = []
    for i in range(definition.GetFieldCount()):
        field = definition.GetFieldDefn(i)
        names.append(field.GetName())
        kind_of = FIELD_TYPES[retype[field.GetName()]] if retype and field.GetName() in retype else field.GetType()
        copy = ogr.FieldDefn(rename.get(field.GetName(), field.GetName()), kind_of)
        out.CreateField(copy)
    for field_name, kind_name in add_fields:
        out.CreateField(ogr.FieldDefn(field_name, FIELD_TYPES[kind_name]))
        names.append(field_name)
    out_definition = out.GetLayerDefn()
    source_names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    for feature in src:
        fid = feature.GetFID()
        if keep is not None and not keep(fid):
            continue
        row = {n: (feature.GetField(n) if n in source_names and not feature.IsFieldNull(n) else None)
               for n in names}
        if values is not None:
            row = values(fid, row)
        geom = feature.GetGeometryRef()
        geom = geom.Clone() if geom is not None else None
        if geometry is not None:
            geom = geometry(fid, geom)
            if isinstance(geom, str):
                geom = ogr.CreateGeometryFromWkt(geom)
        if geom is not None and transform is not None and not geom.IsEmpty():
            geom.Transform(transform)
        new = ogr.Feature(out_definition)
        if fids is not None:
            new.SetFID(fids(fid))
        if geom is not None:
            new.SetGeometry(geom)
        for index, n in enumerate(names):
            if row.get(n) is None:
                new.SetFieldNull(index)
            else:
                new.SetField(index, row[n])
        out.CreateFeature(new)
    out_source = None
    source = None
    return f"{os.fspath(path)}|layername={name}"
