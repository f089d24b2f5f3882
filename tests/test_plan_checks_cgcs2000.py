"""Both plan checks on the demo district delivered in CGCS2000 longitudes and latitudes (EPSG:4490), as most Chinese
bureau data come: every layer is measured in the CGCS2000 3-degree Gauss-Krüger zone of CM 120E (EPSG:4549), the
demo's own CRS, so every unit's and parcel's numbers are those of the district in EPSG:4549 (to the round trip
through degrees: 1e-6 relative, 1e-3 absolute for values near 0), and the log says where they were measured."""
import math
import sys
from pathlib import Path

import pytest
from osgeo import gdal, ogr

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"


@pytest.fixture(scope="module")
def in_degrees(tmp_path_factory):
    path = tmp_path_factory.mktemp("cgcs2000") / "demo_4490.gpkg"
    gdal.VectorTranslate(str(path), str(DISTRICT), dstSRS="EPSG:4490", options=["-preserve_fid"])
    return path


def rows(out_base, id_field):
    source = ogr.Open(f"{out_base}.gpkg")     # kept while its layer is read
    layer = source.GetLayerByName("planning_check")
    return {f[id_field]: f.items() for f in layer}


@pytest.mark.parametrize("model, id_field", [("lcr:master_plan_check", "unit_id"),
                                             ("lcr:detailed_plan_check", "parcel_id")])
def test_plan_check_in_cgcs2000_degrees_is_the_check_in_metres(provider, in_degrees, tmp_path, model, id_field,
                                                              log_feedback):
    from batch_check import run_model

    run_model(model, str(DISTRICT), str(tmp_path / "metres"))
    feedback = log_feedback()
    run_model(model, str(in_degrees), str(tmp_path / "degrees"), feedback=feedback)
    metres, degrees = rows(tmp_path / "metres", id_field), rows(tmp_path / "degrees", id_field)
    assert "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549) because EPSG:4490" in feedback.text
    assert degrees.keys() == metres.keys() and len(metres) in (6, 459)
    compared = 0
    for key, row in metres.items():
        for name, value in row.items():
            if isinstance(value, float) and math.isfinite(value):
                assert degrees[key][name] == pytest.approx(value, rel=1e-6, abs=1e-3), (key, name)
                compared += 1
            else:
                assert degrees[key][name] == value, (key, name)
    assert compared > 10 * len(metres)
