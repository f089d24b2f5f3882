"""core.cooling: the InVEST Urban Cooling reference CC raster (InVEST test_cc_rasters), the HM rule, air
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
    """Σ g·CC·e^(−d/e) / Σ e^(−d/e), both summed cell by cell over the raster's cells within 5·e of
    (i, j) (no convolution): InVEST's edge normalisation, the kernel's mass outside the raster left out."""
    reach = 5 * expected
    total = mass = 0.0
    for a in range(cc.shape[0]):
        for b in range(cc.shape[1]):
            d = np.hypot(a - i, b - j)
            if d <= reach:
                mass += np.exp(-d / expected)
                total += green[a, b] * cc[a, b] * np.exp(-d / expected)
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


def border_park_case():
    """10 × 16 cells of 30 m: a park (green, CC 0.6–0.9) in columns 0–3 along the west edge, built
    land (CC 0.05–0.15) elsewhere; (8, 12) is nodata, and park cell (7, 2) has a class but no CC (its
    ET0 is missing). Seeded random CC, so every cell's sums differ."""
    rng = np.random.default_rng(2024)
    shape = (10, 16)
    green = np.zeros(shape)
    green[:, :4] = 1
    cc = np.where(green == 1, rng.uniform(0.6, 0.9, shape), rng.uniform(0.05, 0.15, shape))
    classified = np.ones(shape, bool)
    classified[8, 12] = False
    valid = classified.copy()
    valid[7, 2] = False
    return np.where(valid, cc, np.nan), green, valid, classified


def test_park_at_the_raster_edge_matches_the_user_guide_cell_by_cell(ucm_reference):
    # d_cool 150 m = 5 cells (disc of 81 cells, CC_park kernel to 25 cells: beyond the grid everywhere),
    # mixing 60 m = 2 cells. Every valid cell's CC_park, GA, HM and T_air against the brute-force sums.
    cc, green, valid, classified = border_park_case()
    ours = cooling.heat_mitigation(cc, green, valid, 30.0, 150.0, green_valid=classified)
    t_nomix, t_air = cooling.air_temperature(ours["hm"], valid, 30.0, 3.0, 30.0, 60.0)
    ref = ucm_reference(np.nan_to_num(cc), green, valid, 30.0, 150.0, 60.0, 30.0, 3.0, classified)
    for name, values in (("cc_park", ours["cc_park"]), ("ga_m2", ours["ga_m2"]), ("hm", ours["hm"]),
                         ("t_nomix", t_nomix), ("t_air", t_air)):
        assert np.array_equal(np.isnan(values), ~valid), name
        np.testing.assert_allclose(values[valid], ref[name][valid], rtol=5e-3, err_msg=name)
        np.testing.assert_allclose(values[valid], ref[name][valid], rtol=1e-9, err_msg=name)   # in fact exact
    # Cell (0, 4), built land on the north edge next to the park: 45 of its disc's 81 cells lie in the
    # raster, 19 of them green, so GA = 81 × 19/45 × 900 m² = 30 780 m² ≥ 2 ha and HM = CC_park > CC.
    # Without the edge correction GA would be 19 × 900 = 17 100 m² < 2 ha and HM would stay CC.
    assert ours["ga_m2"][0, 4] == pytest.approx(30_780.0)
    assert ours["hm"][0, 4] == pytest.approx(ref["cc_park"][0, 4]) and ours["hm"][0, 4] > cc[0, 4]
    # The park's cells with no CC count in the green area (known class) but not in CC_park.
    with_hole = cooling.heat_mitigation(cc, green, valid, 30.0, 150.0)
    assert with_hole["ga_m2"][4, 5] < ours["ga_m2"][4, 5]


def test_uniform_park_at_the_edge_is_not_diluted():
    # 6 × 6 cells of 30 m, all park with CC 0.7, d_cool 90 m = 3 cells. Edge-normalised, CC_park is the
    # mean of 0.7s = 0.7 in every cell, corners included, and GA is the whole disc's 29 cells × 900 m² =
    # 26 100 m² (the old, undivided sums gave the corner 0.7 × the kernel's in-raster share, and 16 cells).
    cc = np.full((6, 6), 0.7)
    out = cooling.heat_mitigation(cc, np.ones(cc.shape), np.ones(cc.shape, bool), 30.0, 90.0)
    np.testing.assert_allclose(out["cc_park"], 0.7, rtol=1e-12)
    np.testing.assert_allclose(out["ga_m2"], 26_100.0, rtol=1e-12)
    np.testing.assert_allclose(out["hm"], 0.7, rtol=1e-12)


def test_two_hectares_exactly_count_as_large():
    # 10 m cells, d_cool 80 m = 8 cells: disc of 197 cells. Exactly 200 green cells would need a bigger
    # disc, so take 20 m cells and d_cool 160 m (8 cells, 197 cells of 400 m²): 50 green cells = 2 ha.
    # GA = 2 ha is not "< 2 ha", so a built cell with CC 0 takes CC_park.
    cc = np.zeros((17, 17))
    green = np.zeros(cc.shape)
    offsets = [(a, b) for a in range(17) for b in range(17) if np.hypot(a - 8, b - 8) <= 8 and (a, b) != (8, 8)]
    for a, b in offsets[:50]:
        green[a, b], cc[a, b] = 1, 0.5
    out = cooling.heat_mitigation(cc, green, np.ones(cc.shape, bool), 20.0, 160.0)
    assert out["ga_m2"][8, 8] == pytest.approx(20_000.0)
    assert out["hm"][8, 8] == pytest.approx(out["cc_park"][8, 8]) and out["hm"][8, 8] > 0


def test_intensity_method_table_and_cc(tmp_path):
    # Night-time CC = 1 − building_intensity; the table needs no kc, shade or albedo then.
    path = tmp_path / "night.csv"
    path.write_text("lucode,green_area,building_intensity\n1,0,0.8\n2,1,0.05\n", encoding="utf-8")
    table = cooling.read_biophysical(str(path), "intensity")
    assert table.intensity.tolist() == [0.8, 0.05] and np.isnan(table.shade).all()
    np.testing.assert_allclose(cooling.cooling_capacity_intensity(table.intensity), [0.2, 0.95])
    with pytest.raises(InputError) as err:
        cooling.read_biophysical(str(path))                                 # the factors method needs kc …
    assert err.value.kind == "table_missing_columns"
    # A factors table read for the daytime method ignores a building_intensity column, even a blank one.
    day = tmp_path / "day.csv"
    day.write_text("lucode,kc,shade,albedo,green_area,building_intensity\n1,1,0,0,0,\n", encoding="utf-8")
    assert cooling.read_biophysical(str(day)).intensity is None
    with pytest.raises(InputError) as err:
        cooling.read_biophysical(str(day), "intensity")                      # … the night method a value
    assert err.value.kind == "table_bad_number" and err.value.params["line"] == 2
    over = tmp_path / "over.csv"
    over.write_text("lucode,green_area,building_intensity\n1,0,1.5\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        cooling.read_biophysical(str(over), "intensity")
    assert err.value.kind == "table_fraction_range" and err.value.params["column"] == "building_intensity"


def test_weights_are_scaled_to_sum_one():
    # InVEST divides each weight by their sum: 1,1,1 averages shade, albedo and ETI.
    cc = cooling.cooling_capacity(np.array([0.9]), np.array([0.3]), np.array([0.6]), (1.0, 1.0, 1.0))
    assert cc[0] == pytest.approx(0.6)
    cc = cooling.cooling_capacity(np.array([1.0]), np.array([0.0]), np.array([0.0]), (3.0, 1.0, 1.0))
    assert cc[0] == pytest.approx(0.6)


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
