"""Planning data as a Chinese bureau delivers it, written here (not committed as files): shapefiles of a
Jiaxing block in CGCS2000 / 3-degree Gauss-Krüger with Chinese field names and values, in GBK without
.cpg, GBK with a .cpg saying 936, or UTF-8; Chinese characters and spaces in folder and file names.

The block: four parcels of 100 m × 100 m (1 公顷 each) on a 120 m pitch from (X0, Y0) in the CM 120E zone,
with one building each. Used by test_cn_bureau*.py."""
import os

from osgeo import gdal, ogr, osr

X0, Y0 = 571_800.0, 3_403_000.0                 # Jiaxing, CGCS2000 / 3-degree GK CM 120E (EPSG:4549)
ZONE_40 = 40_000_000.0                          # the zone number before the easting (EPSG:4528)


def square(x, y, size, dx=0.0):
    x0, y0 = X0 + dx + x, Y0 + y
    return (f"POLYGON(({x0} {y0},{x0 + size} {y0},{x0 + size} {y0 + size},{x0} {y0 + size},{x0} {y0}))")


def write_shapefile(path, geometry, fields, rows, epsg=4549, encoding="GBK", cpg=None, prj=True, dx=0.0):
    """A shapefile at ``path``: ``fields`` [(name, ogr type, width)], ``rows`` [(wkt, values)], text in
    ``encoding``; ``cpg`` the text of the .cpg to leave (None: no .cpg), ``prj`` False for none, or a
    WKT string to write as the .prj instead of the EPSG one."""
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)     # QGIS sets "" for the process: GDAL would not recode
    try:
        source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        stem = os.path.splitext(os.path.basename(path))[0]
        layer = source.CreateLayer(stem, srs, geometry, options=[f"ENCODING={encoding}"])
        for name, kind, width in fields:
            definition = ogr.FieldDefn(name, kind)
            if width:
                definition.SetWidth(width)
            if kind == ogr.OFTReal:
                definition.SetPrecision(4)
            layer.CreateField(definition)
        for wkt, values in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for i, value in enumerate(values):
                if value is not None:
                    feature.SetField(i, value)
            geom = ogr.CreateGeometryFromWkt(wkt)
            if dx:
                geom = ogr.CreateGeometryFromWkt(_shifted(wkt, dx))
            feature.SetGeometry(geom)
            layer.CreateFeature(feature)
        feature = layer = source = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", previous)
    stem = os.path.splitext(path)[0]
    if os.path.exists(stem + ".cpg"):
        os.remove(stem + ".cpg")
    if cpg is not None:
        with open(stem + ".cpg", "w") as handle:
            handle.write(cpg)
    if prj is False:
        os.remove(stem + ".prj")
    elif isinstance(prj, str):
        with open(stem + ".prj", "w") as handle:
            handle.write(prj)
    return path


def _shifted(wkt, dx):
    geom = ogr.CreateGeometryFromWkt(wkt)
    for i in range(geom.GetGeometryCount()):
        ring = geom.GetGeometryRef(i)
        for k in range(ring.GetPointCount()):
            x, y = ring.GetX(k), ring.GetY(k)
            ring.SetPoint_2D(k, x + dx, y)
    return geom.ExportToWkt()
