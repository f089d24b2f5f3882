"""scripts/city_tiles.py, the tiler behind the city-scale benchmark: the demo district tiled 2 × 2 has
four times each layer's features, every feature's own id once, references that stay inside their tile,
and geometries shifted by whole district extents (4 000 m east, 3 000 m north)."""
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
# The layers' own ids; the other *_id fields name a feature of another layer.
OWN_ID = {"planning_units": "unit_id", "parcels": "parcel_id", "buildings": "bldg_id", "roads": "road_id",
          "transit_stops": "stop_id", "flood_zones": "zone_id", "shelters": "shelter_id", "facilities": "fac_id",
          "green_spaces": "green_id"}
WIDTH, HEIGHT = 4000.0, 3000.0   # the demo district's extent (planning units: 570 000–574 000, 3 400 500–3 403 500)


def read(path):
    """{layer: [(fid, {field: value}, (xmin, xmax, ymin, ymax))]} in fid order."""
    source = ogr.Open(str(path))
    out = {}
    for i in range(source.GetLayerCount()):
        layer = source.GetLayer(i)
        out[layer.GetName()] = [(f.GetFID(), f.items(), f.GetGeometryRef().GetEnvelope()) for f in layer]
    return out


@pytest.fixture(scope="module")
def tiled(tmp_path_factory):
    output = tmp_path_factory.mktemp("city") / "city_2x2.gpkg"
    # A child process: the tiler switches GDAL to exceptions, which must not leak into other tests.
    subprocess.run([sys.executable, str(REPO / "scripts" / "city_tiles.py"), "2", str(output)],
                   check=True, capture_output=True)
    return read(DISTRICT), read(output)


def test_every_layer_has_four_times_its_features(tiled):
    district, city = tiled
    assert set(city) == set(district)
    assert len(city["buildings"]) == 4 * 3713
    for name in district:
        assert len(city[name]) == 4 * len(district[name]), name
        assert [fid for fid, _, _ in city[name]] == list(range(1, 4 * len(district[name]) + 1)), name


def test_own_ids_are_unique_and_references_stay_in_their_tile(tiled):
    district, city = tiled
    for name, field in OWN_ID.items():
        ids = Counter(items[field] for _, items, _ in city[name])
        assert len(ids) == len(city[name]) and max(ids.values()) == 1, name
    units = {items["unit_id"] for _, items, _ in city["planning_units"]}
    parcels = {items["parcel_id"] for _, items, _ in city["parcels"]}
    n = len(district["buildings"])
    for position, (_, items, _) in enumerate(city["buildings"]):
        suffix = f"-{position // n}" if position >= n else ""
        assert items["bldg_id"] == district["buildings"][position % n][1]["bldg_id"] + suffix
        original = district["buildings"][position % n][1]
        assert items["parcel_id"] == original["parcel_id"] + suffix and items["parcel_id"] in parcels
        assert items["unit_id"] == original["unit_id"] + suffix and items["unit_id"] in units


def test_tiles_are_shifted_by_whole_extents(tiled):
    district, city = tiled
    for name in ("buildings", "roads", "shelters"):
        n = len(district[name])
        for tile, (dx, dy) in enumerate([(0, 0), (WIDTH, 0), (0, HEIGHT), (WIDTH, HEIGHT)]):
            for row in (0, n // 2, n - 1):
                original = district[name][row][2]
                copied = city[name][tile * n + row][2]
                assert copied == pytest.approx((original[0] + dx, original[1] + dx, original[2] + dy,
                                                original[3] + dy), abs=1e-6), (name, tile, row)
                assert {k: v for k, v in city[name][tile * n + row][1].items() if not k.endswith("_id")} == \
                    {k: v for k, v in district[name][row][1].items() if not k.endswith("_id")}


def test_a_limit_keeps_the_first_features(tmp_path):
    output = tmp_path / "buildings_5000.gpkg"
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import city_tiles; "
            "print(city_tiles.tile_district(2, sys.argv[2], layers=['buildings', 'roads'], limits={'buildings': 5000}))")
    done = subprocess.run([sys.executable, "-c", code, str(REPO / "scripts"), str(output)],
                          check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "{'buildings': 5000, 'roads': 1096}"
    buildings = read(output)["buildings"]
    district = read(DISTRICT)["buildings"]
    assert buildings[-1][1]["bldg_id"] == district[5000 - 3713 - 1][1]["bldg_id"] + "-1"
