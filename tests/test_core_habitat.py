"""core.habitat: InVEST Habitat Quality spot values (worked from its formula) and hand-worked effective mesh sizes."""
import numpy as np
import pytest
import shapely

from lcr_toolkit.core import habitat
from lcr_toolkit.core.errors import InputError

SQUARE = shapely.box(0, 0, 1000, 1000)                       # 100 ha
ROAD_X600 = shapely.LineString([(600, -100), (600, 1100)])   # cuts it into 60 ha + 40 ha


def test_quality_spot_values():
    # k = 0.5, z = 2.5, H = 1: Q = 1 − D^2.5/(D^2.5 + 0.5^2.5).
    q = habitat.quality([0.5, 0.25, 1.0, 0.1, 0.0], 1.0, half_saturation=0.5)
    assert q == pytest.approx([0.5, 0.849779, 0.150221, 0.982426, 1.0], abs=1e-6)
    assert habitat.quality([0.5], 0.6)[0] == pytest.approx(0.3)       # scaled by H = 0.6


def test_decay_spot_values():
    # exp(−2.99·0.2) = exp(−0.598) = 0.549910; exp(−2.99) = 0.050287; linear 1 − 0.2 = 0.8; 0 beyond d_max.
    assert habitat.decay([200, 1000, 1000.1, np.nan], 1000) == pytest.approx([0.549910, 0.050287, 0, 0], abs=1e-6)
    assert habitat.decay([200, 1000, 1200], 1000, "linear") == pytest.approx([0.8, 0.0, 0.0])


def test_degradation_normalises_weights():
    # weights 3 and 1 → 0.75 and 0.25: D = 0.75·0.5·0.8 + 0.25·1.0·0.4 = 0.3 + 0.1 = 0.4
    d = habitat.degradation([np.array([0.5]), np.array([1.0])], [3, 1], [np.array([0.8]), np.array([0.4])])
    assert d[0] == pytest.approx(0.4)


@pytest.mark.parametrize("width, mesh_ha, patch_ha", [
    (0, 52.0, 100.0),        # (60² + 40²)/100 = (3600 + 1600)/100 = 52 ha
    (10, 51.005, 99.0),      # 5 m off each side: (59.5² + 39.5²)/100 = (3540.25 + 1560.25)/100 = 51.005 ha
])
def test_effective_mesh_size_square_cut_by_one_road(width, mesh_ha, patch_ha):
    barriers, is_line = habitat.barrier_geometries(np.array([ROAD_X600]), [width])
    out = habitat.fragmentation(np.array([SQUARE]), np.array([SQUARE]), [1.0], barriers, is_line)
    assert out["mesh_m2"][0] / 1e4 == pytest.approx(mesh_ha, abs=1e-9)
    assert out["patches"][0] == 2
    assert out["patch_m2"][0] / 1e4 == pytest.approx(patch_ha)
    assert out["habitat_m2"][0] / 1e4 == pytest.approx(100.0)


def test_cut_variant_clips_at_unit_boundary():
    # Two 50 ha units side by side, one 100 ha habitat square, no roads: each unit keeps its own
    # 50 ha patch (CUT) → m_eff = 50²/50 = 50 ha per unit (not 100²/… as the CBC variant would give).
    units = np.array([shapely.box(0, 0, 500, 1000), shapely.box(500, 0, 1000, 1000)])
    out = habitat.fragmentation(units, np.array([SQUARE]), [1.0], np.array([], dtype=object), np.array([], bool))
    assert out["mesh_m2"] / 1e4 == pytest.approx([50.0, 50.0])
    assert list(out["patches"]) == [1, 1]


def test_non_habitat_is_not_a_patch():
    # Left 40 ha built-up (H = 0), right 60 ha trees: one patch of 60 ha → m_eff = 60²/100 = 36 ha.
    land = np.array([shapely.box(0, 0, 400, 1000), shapely.box(400, 0, 1000, 1000)])
    out = habitat.fragmentation(np.array([SQUARE]), land, [0.0, 1.0], np.array([], dtype=object),
                                np.array([], bool), built=land[:1])
    assert out["mesh_m2"][0] / 1e4 == pytest.approx(36.0)
    assert out["habitat_m2"][0] / 1e4 == pytest.approx(60.0)


@pytest.mark.parametrize("width, mesh_ha", [(0, 52.0), (10, 51.005)])
def test_mosaic_dissolves_like_one_polygon(width, mesh_ha):
    # The same 100 ha as four 25 ha land-cover squares: their patches merge across the shared
    # edges, so the road at x = 600 gives the one-polygon answers above (52 and 51.005 ha).
    quads = np.array([shapely.box(x, y, x + 500, y + 500) for x in (0, 500) for y in (0, 500)])
    barriers, is_line = habitat.barrier_geometries(np.array([ROAD_X600]), [width])
    out = habitat.fragmentation(np.array([SQUARE]), quads, [1.0] * 4, barriers, is_line)
    assert out["mesh_m2"][0] / 1e4 == pytest.approx(mesh_ha, abs=1e-9)
    assert out["patches"][0] == 2


def test_overlapping_habitat_counts_once():
    # 0–600 m and 400–1000 m strips overlap by 20 ha: habitat 100 ha (not 120), one patch of 100 ha.
    land = np.array([shapely.box(0, 0, 600, 1000), shapely.box(400, 0, 1000, 1000)])
    out = habitat.fragmentation(np.array([SQUARE]), land, [1.0, 1.0], np.array([], dtype=object),
                                np.array([], bool))
    assert out["habitat_m2"][0] / 1e4 == pytest.approx(100.0)
    assert out["mesh_m2"][0] / 1e4 == pytest.approx(100.0)
    assert out["patches"][0] == 1


def test_corner_contact_does_not_join_patches():
    # Two 25 ha squares meeting at one point (500, 500) are two patches: (25² + 25²)/100 = 12.5 ha.
    land = np.array([shapely.box(0, 0, 500, 500), shapely.box(500, 500, 1000, 1000)])
    out = habitat.fragmentation(np.array([SQUARE]), land, [1.0, 1.0], np.array([], dtype=object),
                                np.array([], bool))
    assert out["patches"][0] == 2
    assert out["mesh_m2"][0] / 1e4 == pytest.approx(12.5)


def test_quality_of_one_small_piece():
    # A 1 m² piece (no 20 m grid point falls in it: the grid sits at 10, 30, … m) samples its
    # representative point (0.5, 0.5). Road line at x = 200.5 → d = 200 of d_max 1000 → i = 0.549910;
    # no built-up land. D = (1/2)·0.549910·0.8 = 0.219964; Q = 1 − D^2.5/(D^2.5 + 0.5^2.5)
    # = 1 − 0.022692/(0.022692 + 0.176777) = 0.886236.
    piece = np.array([shapely.box(0, 0, 1, 1)])
    road = np.array([shapely.LineString([(200.5, -50), (200.5, 50)])])
    d, q = habitat.habitat_quality(piece, [1.0], [0.8], [0.7], road, np.array([], dtype=object), 1000, 500)
    assert d[0] == pytest.approx(0.5 * 0.549910 * 0.8, abs=1e-6)
    assert q[0] == pytest.approx(0.886236, abs=1e-5)


def test_table_and_class_matching(tmp_path):
    table = habitat.read_habitat_table(_shipped())
    rows, unknown = habitat.match_classes([5, 5.0, "tree_cover", "TREE_COVER", "9", None, "marsh"], table)
    assert list(rows[:4]) == [4, 4, 4, 4] and list(rows[4:]) == [-1, -1, -1]
    assert unknown == {"9": 1, "marsh": 1}
    assert table.frame["built"].tolist() == [True] + [False] * 6
    bad = tmp_path / "bad.csv"
    bad.write_text("lucode,class,habitat,sens_roads,sens_built\n1,a,1.5,0,0\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        habitat.read_habitat_table(bad)
    assert err.value.kind == "table_fraction_range" and err.value.params["line"] == 2


def _shipped():
    from pathlib import Path
    return Path(habitat.__file__).resolve().parents[1] / "resources" / "factors" / "habitat_sensitivity.csv"
