"""core.cooling: the InVEST Urban Cooling reference CC raster (InVEST tests/test_ucm.py), the HM rule, air
temperature mixing, zonal statistics and heat risk, all against hand or published numbers."""
import numpy as np
import pytest

from lcr_toolkit.core import cooling
from lcr_toolkit.core.errors import InputError

# InVEST tests/test_ucm.py test_cc_rasters: lucode, kc, albedo, shade, green_area.
INVEST_TABLE = ("lucode,kc,albedo,shade,green_area\n1,1,0.05,0,0\n2,1.1,0.1,1,1\n3,0.9,0.2,0,1\n"
                "4,0.3,0.3,0.2,0\n5,0.2,0.4,0,0\n")
LULC = np.array([[2, 3, 1, 5, 5, 5], [3, 3, 1, 1, 4, 5], [5, 5, 4, 2, 3, 1], [4, 1, 4, 2, 2, 1],
                 [1, 5, 4, 1, 1, 2]])
ET0 = np.array([[800, 799, 567, 234, 422, 422], [765, 867, 765, 654, 456, 677],
                [556, 443, 456, 265, 876, 890], [433, 266, 677, 776, 900, 687],
                [456, 832, 234, 234, 234, 554]], dtype=float)
EXPECTED_CC = np.array([
    [0.815556, 0.1998, 0.136, 0.0904, 0.098756, 0.098756],
    [0.193, 0.2134, 0.18, 0.155333, 0.2104, 0.110089],
    [0.104711, 0.099689, 0.2104, 0.684778, 0.2152, 0.207778],
    [0.208867, 0.069111, 0.225133, 0.809689, 0.84, 0.162667],
    [0.111333, 0.116978, 0.1956, 0.062, 0.062, 0.755422]])


@pytest.fixture
def invest_table(tmp_path):
    path = tmp_path / "bio.csv"
    path.write_text(INVEST_TABLE, encoding="utf-8")
    return cooling.read_biophysical(str(path))


def cc_of(table, lulc, et0, valid=None, weights=cooling.DEFAULT_WEIGHTS):
    valid = np.ones(lulc.shape, bool) if valid is None else valid
    rows, unknown = cooling.class_rows(lulc, valid, table)
    valid = valid & (rows >= 0)
    eti = cooling.evapotranspiration_index(table.kc[rows], et0, valid)
    return cooling.cooling_capacity(table.shade[rows], table.albedo[rows], eti, weights), valid, rows, unknown


def test_domain_5_4_cc_raster(invest_table):
    # Cell (0,0): forest, 0.6·1 + 0.2·0.1 + 0.2·(1.1·800/900) = 0.815556; ET_max = 900 (cell (3,4)).
    cc, valid, _, unknown = cc_of(invest_table, LULC, ET0)
    assert valid.all() and unknown == {}
    np.testing.assert_allclose(cc, EXPECTED_CC, atol=1e-6)


def test_constant_et0_means_eti_is_kc(invest_table):
    # One ET0 number: ET_max = ET0, so ETI = kc. Forest: 0.6 + 0.02 + 0.2·1.1 = 0.84; water 0.01 + 0.2 = 0.21.
    cc, *_ = cc_of(invest_table, np.array([[2, 1]]), 4.0)
    np.testing.assert_allclose(cc, [[0.84, 0.21]], atol=1e-12)
    # Custom weights 1/0/0: CC = shade.
    cc, *_ = cc_of(invest_table, np.array([[2, 4]]), 4.0, weights=cooling.parse_weights("1, 0, 0"))
    np.testing.assert_allclose(cc, [[1.0, 0.2]])


def test_nodata_and_unknown_codes(invest_table):
    lulc = np.array([[2, 9], [255, 1]])
    valid = lulc != 255
    cc, valid, rows, unknown = cc_of(invest_table, lulc, np.array([[900.0, 900], [100, 450]]), valid)
    assert unknown == {9: 1}
    assert valid.tolist() == [[True, False], [False, True]]
    # ET_max over valid cells only = 900: water at (1,1): 0.2·0.05 + 0.2·(1·450/900) = 0.11.
    assert cc[1, 1] == pytest.approx(0.11)
    assert np.isnan(cc[0, 1]) and np.isnan(cc[1, 0])


def test_kernels():
    # Exponential kernel of expected distance 1 cell: cut at 5 cells, 11 × 11, sums to 1, and the
    # centre/neighbour ratio is e^(1/1).
    kernel = cooling.exponential_kernel(1)
    assert kernel.shape == (11, 11) and kernel.sum() == pytest.approx(1.0)
    assert kernel[5, 5] / kernel[5, 6] == pytest.approx(np.e)
    assert kernel[0, 0] == 0.0 and kernel[0, 5] > 0   # corner at 7.07 cells is beyond 5; edge at 5 is in
    # Disc of radius 2 cells: 1 + 4 + 4 + 4 = 13 cells.
    assert cooling.disc_kernel(2).sum() == 13
    assert cooling.cells(450, 10) == 45 and cooling.cells(10, 30) == 1


def make_hm_case():
    """40 × 40 cells of 30 m, all CC 0 (built), a 20 × 10-cell park (18 ha) at rows 10–29, cols 5–14
    and a 2 × 2-cell park (0.36 ha) at rows 20–21, cols 30–31, both with CC 0.6."""
    cc = np.zeros((40, 40))
    green = np.zeros((40, 40))
    for rows, cols in ((slice(10, 30), slice(5, 15)), (slice(20, 22), slice(30, 32))):
        cc[rows, cols] = 0.6
        green[rows, cols] = 1
    return cc, green


def explicit_cc_park(cc, green, i, j, expected):
    """Σ g·CC·e^(−d/e) / Σ_kernel e^(−d/e), summed cell by cell (no convolution)."""
    reach = 5 * expected
    mass = sum(np.exp(-np.hypot(di, dj) / expected) for di in range(-reach, reach + 1)
               for dj in range(-reach, reach + 1) if np.hypot(di, dj) <= reach)
    total = 0.0
    for a, b in zip(*np.nonzero(green)):
        d = np.hypot(a - i, b - j)
        if d <= reach:
            total += cc[a, b] * np.exp(-d / expected)
    return total / mass


def test_hm_rule_large_and_small_park():
    cc, green = make_hm_case()
    valid = np.ones(cc.shape, bool)
    out = cooling.heat_mitigation(cc, green, valid, 30.0, 150.0)   # d_cool = 150 m = 5 cells
    # Cell (20,15), east of the big park: the disc of radius 5 (81 cells) holds (81 − 11)/2 = 35 park
    # cells west of its centre column → GA = 35 × 900 = 31 500 m² ≥ 2 ha, and CC_park > CC = 0 → HM = CC_park.
    assert out["ga_m2"][20, 15] == pytest.approx(31_500)
    expected = explicit_cc_park(cc, green, 20, 15, 5)
    assert out["cc_park"][20, 15] == pytest.approx(expected, abs=1e-9)
    assert out["hm"][20, 15] == pytest.approx(expected, abs=1e-9) and expected > 0.05
    # Cell (20,32), east of the small park: GA = 4 × 900 = 3 600 m² < 2 ha → HM keeps CC = 0 although
    # CC_park > 0 there.
    assert out["ga_m2"][20, 32] == pytest.approx(3_600)
    assert out["cc_park"][20, 32] == pytest.approx(explicit_cc_park(cc, green, 20, 32, 5), abs=1e-9)
    assert out["cc_park"][20, 32] > 0 and out["hm"][20, 32] == 0.0
    # Inside the big park CC (0.6) ≥ CC_park (a weighted mean of 0.6 and 0) → HM = CC.
    assert out["hm"][20, 10] == pytest.approx(0.6)


def test_air_temperature_bounds_and_no_mixing():
    rng = np.random.default_rng(7)
    hm = rng.uniform(0, 1, (60, 50))
    valid = rng.uniform(size=hm.shape) > 0.1
    t_nomix, t_air = cooling.air_temperature(hm, valid, 30.0, 3.0, 10.0, 50.0)
    assert np.all(np.isnan(t_air[~valid])) and np.all(np.isfinite(t_air[valid]))
    assert t_air[valid].min() >= 30.0 and t_air[valid].max() <= 33.0
    # HM 0.25 → T_nomix = 30 + 0.75 · 3 = 32.25.
    t_nomix, _ = cooling.air_temperature(np.full((2, 2), 0.25), np.ones((2, 2), bool), 30.0, 3.0, 10.0, 50.0)
    np.testing.assert_allclose(t_nomix, 32.25)
    # Uniform HM: mixing a uniform field, renormalised at edges and around nodata, changes nothing.
    uniform = np.full((30, 30), 0.25)
    holes = np.ones(uniform.shape, bool)
    holes[0, 0] = holes[15, 15] = False
    _, t_air = cooling.air_temperature(uniform, holes, 30.0, 3.0, 10.0, 100.0)
    np.testing.assert_allclose(t_air[holes], 32.25, atol=1e-9)
    # A radius below half a cell: no mixing, T_air = T_nomix.
    t_nomix, t_air = cooling.air_temperature(hm, valid, 30.0, 3.0, 10.0, 0.0)
    np.testing.assert_array_equal(np.nan_to_num(t_air, nan=-1), np.nan_to_num(t_nomix, nan=-1))


def test_air_mixing_hand_case():
    # Two valid cells side by side (the rest nodata), radius = 1 cell: kernel weights e^0 and e^-1 (the
    # normalisation cancels). T_nomix 30 and 33 → T_air of the first = (30 + 33/e)/(1 + 1/e) = 30.806...
    hm = np.array([[1.0, 0.0, 0.5]])
    valid = np.array([[True, True, False]])
    _, t_air = cooling.air_temperature(hm, valid, 30.0, 3.0, 10.0, 10.0)
    e = np.exp(-1)
    assert t_air[0, 0] == pytest.approx((30 + 33 * e) / (1 + e))
    assert t_air[0, 1] == pytest.approx((33 + 30 * e) / (1 + e))
    assert np.isnan(t_air[0, 2])


def test_zonal_statistics():
    # Zone 0: cells 1, 2, 3 (mean 2, max 3); zone 1: cell 4 plus a nodata cell (mean 4); zone 2: none.
    zone = np.array([[0, 0, 0], [1, 1, -1]])
    valid = np.array([[True, True, True], [True, False, True]])
    values = np.array([[1.0, 2, 3], [4, np.nan, 9]])
    out = cooling.zonal_statistics(zone, valid, 3, t=values)
    np.testing.assert_allclose(out["t_mean"][:2], [2.0, 4.0])
    np.testing.assert_allclose(out["t_max"][:2], [3.0, 4.0])
    assert np.isnan(out["t_mean"][2]) and np.isnan(out["t_max"][2]) and out["cells"].tolist() == [3, 1, 0]


def test_tiles_cover_the_grid_once_with_clipped_halos():
    seen = np.zeros((10, 7), int)
    for (y0, y1, x0, x1), (wy0, wy1, wx0, wx1) in cooling.tiles(10, 7, 4, 2):
        seen[y0:y1, x0:x1] += 1
        assert (wy0, wx0) == (max(0, y0 - 2), max(0, x0 - 2)) and (wy1, wx1) == (min(10, y1 + 2), min(7, x1 + 2))
    assert (seen == 1).all()
    # Reach of the 450 m kernel on 10 m cells: 45 cells expected, cut at 5 × 45 = 225.
    assert cooling.kernel_reach(450, 10) == 225 == cooling.exponential_kernel(45).shape[0] // 2


@pytest.mark.parametrize("d_cool, radius", [(50.0, 40.0), (200.0, 10.0)])   # FFT and direct kernels
def test_tiles_with_halo_give_the_whole_raster_result(d_cool, radius):
    # HM and T_air of each tile's core, computed on the core grown by the kernel's reach, equal the
    # whole-raster computation (cells 10 m; 50 m → 5 cells, reach 25; 200 m → 20 cells, reach 100).
    rng = np.random.default_rng(11)
    shape = (90, 130)
    green = (rng.uniform(size=shape) > 0.6).astype(float)
    valid = rng.uniform(size=shape) > 0.05
    cc = np.where(valid, rng.uniform(0, 1, shape), np.nan)
    whole_hm = cooling.heat_mitigation(cc, green, valid, 10.0, d_cool)["hm"]
    _, whole_t = cooling.air_temperature(whole_hm, valid, 30.0, 3.0, 10.0, radius)
    tiled_hm = np.full(shape, np.nan)
    for (y0, y1, x0, x1), (wy0, wy1, wx0, wx1) in cooling.tiles(*shape, 32, cooling.kernel_reach(d_cool, 10.0)):
        part = cooling.heat_mitigation(cc[wy0:wy1, wx0:wx1], green[wy0:wy1, wx0:wx1], valid[wy0:wy1, wx0:wx1],
                                       10.0, d_cool)["hm"]
        tiled_hm[y0:y1, x0:x1] = part[y0 - wy0:y1 - wy0, x0 - wx0:x1 - wx0]
    np.testing.assert_allclose(tiled_hm, whole_hm, rtol=0, atol=1e-9)
    tiled_t = np.full(shape, np.nan)
    for (y0, y1, x0, x1), (wy0, wy1, wx0, wx1) in cooling.tiles(*shape, 32, cooling.kernel_reach(radius, 10.0)):
        window = tiled_hm[wy0:wy1, wx0:wx1]
        _, part = cooling.air_temperature(window, np.isfinite(window), 30.0, 3.0, 10.0, radius)
        tiled_t[y0:y1, x0:x1] = part[y0 - wy0:y1 - wy0, x0 - wx0:x1 - wx0]
    np.testing.assert_allclose(tiled_t, whole_t, rtol=0, atol=1e-9)


def test_zonal_statistics_added_tile_by_tile():
    # The same cells as test_zonal_statistics, split into two tiles and two passes (t, then u = 2t).
    zone = np.array([[0, 0, 0], [1, 1, -1]])
    valid = np.array([[True, True, True], [True, False, True]])
    values = np.array([[1.0, 2, 3], [4, np.nan, 9]])
    stats = cooling.ZonalStatistics(3)
    for part in (np.s_[:, :2], np.s_[:, 2:]):
        stats.add(zone[part], valid[part], t=values[part])
    for part in (np.s_[:1], np.s_[1:]):
        stats.add(zone[part], valid[part], u=2 * values[part])
    out = stats.result()
    assert out["cells"].tolist() == [3, 1, 0]
    np.testing.assert_allclose(out["t_mean"][:2], [2.0, 4.0])
    np.testing.assert_allclose(out["u_max"][:2], [6.0, 8.0])
    assert np.isnan(out["t_max"][2]) and np.isnan(out["u_mean"][2])


def test_eti_takes_the_whole_rasters_et_max():
    # A tile whose own largest ET0 is 400 mm, of a raster whose largest is 800: ETI = kc · 400 / 800.
    eti = cooling.evapotranspiration_index(np.array([1.0, 0.5]), np.array([400.0, 200.0]), np.array([True, True]),
                                           et_max=800.0)
    np.testing.assert_allclose(eti, [0.5, 0.125])


def test_heat_risk():
    # (31.5 − 30)/3 = 0.5 hazard × (200 + 100)/1000 = 0.3 vulnerable → 0.15.
    # Unit 2: 33 °C, no children field value (NULL counts 0): 1.0 × 50/100 = 0.5. Unit 3: no residents.
    risk = cooling.heat_risk([31.5, 33.0, 32.0], 30.0, 3.0, [1000, 100, 0], elderly=[200, 50, 10],
                             children=[100, np.nan, 0])
    np.testing.assert_allclose(risk[:2], [0.15, 0.5])
    assert np.isnan(risk[2])
    assert np.isnan(cooling.heat_risk([31.0], 30.0, 3.0, [100])).all()


@pytest.mark.parametrize("text, kind, line", [
    ("lucode,kc,shade,albedo\n1,1,0,0\n", "table_missing_columns", None),
    ("lucode,kc,shade,albedo,green_area\n1,1,0,0,0\n2,x,0,0,1\n", "table_bad_number", 3),
    ("# note\nlucode,kc,shade,albedo,green_area\n1,1,0,0,0\n2,1,1.5,0,1\n", "table_fraction_range", 4),
    ("lucode,kc,shade,albedo,green_area\n1,1,0,0,0.5\n", "cooling_bad_green_area", 2),
    ("lucode,kc,shade,albedo,green_area\n1,1,0,0,0\n1,1,0,0,1\n", "table_duplicate_key", 3),
    ("lucode,kc,shade,albedo,green_area\n1.5,1,0,0,0\n", "cooling_bad_lucode", 2),
])
def test_bad_tables(tmp_path, text, kind, line):
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        cooling.read_biophysical(str(path))
    assert err.value.kind == kind
    if line is not None:
        assert err.value.params["line"] == line
    if kind == "table_missing_columns":
        assert err.value.params["columns"] == "green_area"


@pytest.mark.parametrize("text", ["0.6,0.2", "a,b,c", "0,0,0", "-1,1,1"])
def test_bad_weights(text):
    with pytest.raises(InputError):
        cooling.parse_weights(text)
