"""core.encoding: GBK tables told from UTF-8 and from single-byte code pages; what a shapefile declares."""
import pytest
from osgeo import gdal, ogr, osr

from lcr_toolkit.core import encoding

CHINESE = "名称,层数,幼儿园,社区卫生服务站,用地代码 0701"


@pytest.mark.parametrize("data, expected", [
    (CHINESE.encode("utf-8"), encoding.UTF8), (b"name,floors,12", encoding.UTF8),
    (CHINESE.encode("gbk"), encoding.GBK), (CHINESE.encode("gb18030"), encoding.GBK),
    ("Müller,café,Straße".encode("latin-1"), encoding.UNKNOWN),
])
def test_bytes(data, expected):
    assert encoding.text_encoding_of_bytes(data) == expected


def write_shapefile(folder, name, encode_as, cpg=False, values=("幼儿园", "6层")):
    path = str(folder / f"{name}.shp")
    # QGIS's OGR provider sets SHAPE_ENCODING to "" for the whole process, which would make GDAL write
    # the UTF-8 text unchanged: unset it while writing, so that ENCODING= recodes the text
    previous = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    layer = source.CreateLayer(name, srs, ogr.wkbPoint, options=[f"ENCODING={encode_as}"])
    for field in ("名称", "层数"):
        definition = ogr.FieldDefn(field, ogr.OFTString)
        definition.SetWidth(40)
        layer.CreateField(definition)
    feature = ogr.Feature(layer.GetLayerDefn())
    for i, value in enumerate(values):
        feature.SetField(i, value)
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (500000 3400000)"))
    layer.CreateFeature(feature)
    # the layer and feature keep the file open; closing it (re)writes the .cpg, which must then go
    feature = layer = source = None
    gdal.SetConfigOption("SHAPE_ENCODING", previous)
    cpg_path = folder / f"{name}.cpg"
    if not cpg and cpg_path.exists():
        cpg_path.unlink()
    return path


def test_shapefiles(tmp_path):
    assert encoding.shapefile_encoding(write_shapefile(tmp_path, "gbk", "GBK")) == encoding.GBK
    assert encoding.shapefile_encoding(write_shapefile(tmp_path, "declared", "GBK", cpg=True)) == encoding.DECLARED
    assert encoding.shapefile_encoding(write_shapefile(tmp_path, "utf8", "UTF-8")) == encoding.UTF8
    assert encoding.shapefile_encoding(str(tmp_path / "missing.shp")) == encoding.UNKNOWN
    dbf = tmp_path / "gbk.dbf"
    text, ldid = encoding.dbf_text(str(dbf))
    assert ldid == 0 and "名称".encode("gbk") in text and "6层".encode("gbk") in text


def test_code_page_mark_counts_as_declared(tmp_path):
    path = write_shapefile(tmp_path, "ldid", "GBK")
    dbf = tmp_path / "ldid.dbf"
    data = bytearray(dbf.read_bytes())
    data[29] = 0x4D          # the LDID of code page 936
    dbf.write_bytes(bytes(data))
    assert encoding.shapefile_encoding(path) == encoding.DECLARED


def test_text_files(tmp_path):
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(("lon,lat,名称\n" + "120.7,30.7,幼儿园\n" * 50).encode("gbk"))
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text("lon,lat,名称\n120.7,30.7,幼儿园\n", encoding="utf-8-sig")
    assert encoding.text_file_encoding(str(gbk)) == encoding.GBK
    assert encoding.text_file_encoding(str(utf8)) == encoding.UTF8
    # a file cut after some lines is judged on whole lines
    assert encoding.text_file_encoding(str(gbk), max_bytes=40) == encoding.GBK
