"""scripts/make_demo_district.py still writes the shipped demo district: every layer's schema,
features, attributes and WKB equal the committed GeoPackage, and the synthetic daily rainfall CSV
equals the committed one byte for byte (about 3 s; the tests that are pinned to their numbers are
only as good as this)."""
import subprocess
import sys
from pathlib import Path

from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "resources" / "sample_data" / "demo_district.gpkg"
COMMITTED_RAIN = REPO / "resources" / "sample_data" / "demo_daily_rainfall.csv"


def layers(path):
    """{layer: (geometry type, CRS, fields, [(fid, attributes, WKB)])}, read through GDAL."""
    source = ogr.Open(str(path))
    out = {}
    for i in range(source.GetLayerCount()):
        layer = source.GetLayer(i)
        defn = layer.GetLayerDefn()
        fields = [(defn.GetFieldDefn(j).GetName(), defn.GetFieldDefn(j).GetTypeName())
                  for j in range(defn.GetFieldCount())]
        rows = []
        for feature in layer:
            geometry = feature.GetGeometryRef()
            rows.append((feature.GetFID(),
                         tuple(feature.GetField(j) if feature.IsFieldSetAndNotNull(j) else None
                               for j in range(defn.GetFieldCount())),
                         bytes(geometry.ExportToWkb()) if geometry else None))
        out[layer.GetName()] = (layer.GetGeomType(), layer.GetSpatialRef().GetAuthorityCode(None), fields, rows)
    return out


def test_generator_reproduces_the_committed_district(tmp_path):
    output = tmp_path / "demo_district.gpkg"
    # A child process: the generator switches GDAL to exceptions, which must not leak into other tests.
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_demo_district.py"), str(output)],
                   check=True, capture_output=True)
    assert (tmp_path / COMMITTED_RAIN.name).read_bytes() == COMMITTED_RAIN.read_bytes()
    fresh, committed = layers(output), layers(COMMITTED)
    assert list(fresh) == list(committed)
    for name, (geom_type, crs, fields, rows) in committed.items():
        f_type, f_crs, f_fields, f_rows = fresh[name]
        assert (f_type, f_crs, f_fields) == (geom_type, crs, fields), name
        assert len(f_rows) == len(rows), name
        for new, old in zip(f_rows, rows):
            assert new[:2] == old[:2], (name, old[0])
            assert new[2] == old[2], (name, old[0], "geometry")
