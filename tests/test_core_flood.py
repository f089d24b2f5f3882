"""core.flood against hand-built geometries and the shipped depth-damage curve."""
import numpy as np
import pytest
import shapely

from lcr_toolkit.core import flood, tables
from lcr_toolkit.core.errors import InputError

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CURVE = REPO / "resources" / "factors" / "flood_damage_curve.csv"


def box(x, y, w, h):
    return shapely.box(x, y, x + w, y + h)


def test_max_depth_takes_deepest_intersecting_polygon():
    hazards = np.array([box(0, 0, 10, 10), box(5, 0, 10, 10), box(100, 100, 5, 5), box(0, 0, 50, 50)])
    depths = np.array([0.3, 1.2, 9.0, np.nan])  # the NaN polygon covers everything but is ignored
    buildings = np.array([
        box(6, 1, 2, 2),      # inside both of the first two → 1.2
        box(1, 1, 2, 2),      # only the first → 0.3
        box(15, 0, 5, 5),     # shares the edge x=15 with the second → counts (intersects)
        box(30, 30, 2, 2),    # only under the NaN polygon → dry
        None,                 # no geometry → dry
    ], dtype=object)
    assert flood.max_depth(buildings, hazards, depths).tolist() == [1.2, 0.3, 1.2, 0.0, 0.0]


def test_negative_depth_counts_as_dry():
    assert flood.max_depth(np.array([box(0, 0, 1, 1)]), np.array([box(0, 0, 5, 5)]), [-0.5]).tolist() == [0.0]


def test_damage_curve_interpolates_linearly_and_holds_its_ends():
    curve = tables.read_damage_curve(CURVE)
    d, f = curve["depth_m"].to_numpy(), curve["damage_fraction"].to_numpy()
    # Halfway between (0.5 m, 0.3266) and (1.0 m, 0.4941): 0.41035. Beyond 6 m: 1.0.
    assert flood.damage_fraction([0.75, 0.0, 9.0], d, f) == pytest.approx([0.41035, 0.0, 1.0])


def test_exposure_counts_damage_and_people_only_above_threshold():
    exposed, damage, pop = flood.exposure(
        [0.0, 0.2, 0.75, 2.0], 0.2, population=[10, 20, np.nan, 40],
        curve_depth_m=[0.0, 1.0, 2.0], curve_fraction=[0.0, 0.5, 0.8])
    assert exposed.tolist() == [0, 0, 1, 1]           # 0.2 is not deeper than 0.2
    assert damage == pytest.approx([0.0, 0.0, 0.375, 0.8])
    assert pop.tolist() == [0.0, 0.0, 0.0, 40.0]      # missing population counts as 0


@pytest.mark.parametrize("text, kind, line", [
    ("depth_m,damage_fraction\n0,0\n1,0.5\n1,0.6\n", "table_not_increasing", 4),
    ("depth_m,damage_fraction\n0,0\n1,1.5\n", "table_fraction_range", 3),
    ("depth,damage\n0,0\n", "table_missing_columns", None),
])
def test_bad_damage_curves_are_refused(tmp_path, text, kind, line):
    path = tmp_path / "curve.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        tables.read_damage_curve(path)
    assert err.value.kind == kind
    assert err.value.params.get("line") == line


def test_strtree_handles_many_buildings_without_loops():
    # 200 × 200 grid of 5 m buildings on 10 m pitch; a hazard covering x < 1000 reaches the 100 left columns.
    x, y = np.meshgrid(np.arange(200) * 10.0, np.arange(200) * 10.0)
    buildings = shapely.box(x.ravel(), y.ravel(), x.ravel() + 5, y.ravel() + 5)
    depth = flood.max_depth(buildings, np.array([box(-1, -1, 996, 3000)]), [0.5])
    assert int((depth > 0).sum()) == 100 * 200


@pytest.mark.parametrize("n_buildings, n_hazards", [(300, 20), (20, 300)])
def test_max_depth_equals_every_pair_checked_whichever_layer_is_larger(n_buildings, n_hazards):
    # The tree is built over the larger layer; the answer must not depend on it: pairwise intersects.
    rng = np.random.default_rng(7)
    bx, by = rng.uniform(0, 1000, n_buildings), rng.uniform(0, 1000, n_buildings)
    buildings = shapely.box(bx, by, bx + 20, by + 15).astype(object)
    buildings[3] = None
    hx, hy = rng.uniform(0, 1000, n_hazards), rng.uniform(0, 1000, n_hazards)
    hazards = shapely.buffer(shapely.points(hx, hy), rng.uniform(10, 150, n_hazards))
    depths = rng.uniform(0.1, 3.0, n_hazards)
    depths[1] = np.nan
    hits = shapely.intersects(np.where(buildings == None, shapely.Point(), buildings)[:, None],  # noqa: E711
                              hazards[None, :]) & ~np.isnan(depths)[None, :]
    expected = np.where(hits, np.nan_to_num(depths)[None, :], 0.0).max(axis=1)
    assert flood.max_depth(buildings, hazards, depths) == pytest.approx(expected)
    assert 0 < (expected > 0).sum() < len(buildings)
