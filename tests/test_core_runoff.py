"""core.runoff: SCS-CN against TR-55 Table 2-1 and InVEST UFRM values (tests/test_ufrm.py)."""
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest

from lcr_toolkit.core import runoff
from lcr_toolkit.core.errors import InputError

# TR-55 (1986) Table 2-1, runoff depth Q (inches) for P (inches) x CN 55, 70, 80, 90, 95.
TR55_CN = [55, 70, 80, 90, 95]
TR55_TABLE = {
    1.0: [0.00, 0.00, 0.08, 0.32, 0.56], 1.2: [0.00, 0.03, 0.15, 0.46, 0.74],
    1.4: [0.00, 0.06, 0.24, 0.61, 0.92], 1.6: [0.00, 0.11, 0.34, 0.76, 1.11],
    1.8: [0.00, 0.17, 0.44, 0.93, 1.29], 2.0: [0.02, 0.24, 0.56, 1.09, 1.48],
    2.5: [0.08, 0.46, 0.89, 1.53, 1.96], 3.0: [0.19, 0.71, 1.25, 1.98, 2.45],
    3.5: [0.35, 1.01, 1.64, 2.45, 2.94], 4.0: [0.53, 1.33, 2.04, 2.92, 3.43],
    4.5: [0.74, 1.67, 2.46, 3.40, 3.92], 5.0: [0.98, 2.04, 2.89, 3.88, 4.42],
    6.0: [1.52, 2.81, 3.78, 4.85, 5.41], 7.0: [2.12, 3.62, 4.69, 5.82, 6.41],
    8.0: [2.78, 4.46, 5.63, 6.81, 7.40], 9.0: [3.49, 5.33, 6.57, 7.79, 8.40],
    10.0: [4.23, 6.22, 7.52, 8.78, 9.40], 11.0: [5.00, 7.13, 8.48, 9.77, 10.39],
    12.0: [5.79, 8.05, 9.45, 10.76, 11.39], 13.0: [6.61, 8.98, 10.42, 11.76, 12.39],
    14.0: [7.44, 9.91, 11.39, 12.75, 13.39], 15.0: [8.29, 10.85, 12.37, 13.74, 14.39],
}


def test_tr55_table_2_1_all_110_cells():
    # Metric core on P·25.4 mm, Q/25.4 back to inches; every cell within ±0.005 in, and the
    # half-up rounded value equals the table (CN 80, P 8.0 is exactly 5.625 → 5.63).
    p_in = np.repeat(list(TR55_TABLE), len(TR55_CN))
    cn = np.tile(TR55_CN, len(TR55_TABLE))
    expected = np.concatenate(list(TR55_TABLE.values()))
    assert len(expected) == 110
    q_in = runoff.runoff_mm(p_in * 25.4, cn) / 25.4
    assert np.all(np.abs(q_in - expected) <= 0.005 + 1e-9)
    # float() first: numpy 2 writes a numpy scalar's repr as np.float64(5.625), which Decimal refuses.
    rounded = [float(Decimal(repr(round(float(q), 9))).quantize(Decimal("0.01"), ROUND_HALF_UP)) for q in q_in]
    assert rounded == list(expected)


def test_smax_invest_ufrm():
    s = runoff.s_max_mm([100, 0, 65, 90, 30])
    np.testing.assert_allclose(s, [0.0, 100000.0, 136.769, 28.222, 592.667], rtol=1e-5)
    # 25400/98 − 254 = 5.184; 25400/80 − 254 = 63.5; 25400/61 − 254 = 162.393
    np.testing.assert_allclose(runoff.s_max_mm([98, 80, 61]), [5.184, 63.5, 162.393], atol=1e-3)


def test_metric_q_at_100_and_40_mm():
    np.testing.assert_allclose(runoff.runoff_mm(100.0, [61, 74, 80, 85, 90, 98]),
                               [19.83, 39.38, 50.54, 61.00, 72.63, 94.04], atol=0.005)
    np.testing.assert_allclose(runoff.runoff_mm(40.0, [61, 80, 90, 98]),
                               [0.333, 8.208, 18.861, 34.388], atol=0.0005)


def test_below_initial_abstraction_and_cn_zero():
    # CN 55: S = 25400/55 − 254 = 207.818 mm, Ia = 41.56 mm > P = 25.4 → Q = 0
    assert runoff.runoff_mm(25.4, 55) == 0.0
    # CN 0: S = 100000, Ia = 20000 → no runoff from any storm
    assert runoff.runoff_mm(500.0, 0) == 0.0
    assert np.isnan(runoff.runoff_mm(100.0, np.nan))


def test_lambda_parameter():
    # CN 80, S = 63.5, λ = 0.05: Ia = 3.175, Q = (100 − 3.175)² / (100 + 0.95·63.5) = 9375.08 / 160.325 = 58.475
    assert runoff.runoff_mm(100.0, 80, lam=0.05) == pytest.approx(96.825 ** 2 / 160.325, rel=1e-9)


def test_volumes_retention_and_composite():
    # CN 98, P 100 mm on 2000 m²: Q = 94.04 mm → 188.08 m³ runoff, 11.92 m³ retained, R = 0.0596
    out = runoff.polygon_runoff(np.array([98.0]), np.array([2000.0]), 100.0)
    assert out["runoff_m3"][0] == pytest.approx(188.08, abs=0.01)
    assert out["retained_m3"][0] == pytest.approx(11.92, abs=0.01)
    assert out["retention"][0] == pytest.approx(0.0596, abs=1e-4)
    # 65 % impervious at 98 + 35 % at 61 → 63.7 + 21.35 = 85.05
    assert runoff.composite_cn([98, 61], [65, 35]) == pytest.approx(85.05)


def test_soil_groups():
    np.testing.assert_array_equal(runoff.soil_group_index(np.array(["a", " B", "C", "D", "4", "E", None, ""],
                                                                   dtype=object)),
                                  [0, 1, 2, 3, 3, -2, -1, -1])
    np.testing.assert_array_equal(runoff.soil_group_index(np.array([1.0, 4.0, 5.0, 2.5, np.nan])),
                                  [0, 3, -2, -2, -1])


def test_shipped_table_and_matching():
    from lcr_toolkit.algorithms.base import resource_path
    table = runoff.read_cn_table(resource_path("factors", "curve_numbers.csv"))
    rows = runoff.match_classes(np.array([1.0, 2.0, 8.0, np.nan]), table)
    np.testing.assert_array_equal(rows, [0, 1, -1, -2])
    rows = runoff.match_classes(np.array(["Park_Green", "5", "forest", None], dtype=object), table)
    np.testing.assert_array_equal(rows, [3, 4, -1, -2])
    # park_green C = 74, road D = 98 (TR-55 Tables 2-2a)
    np.testing.assert_array_equal(runoff.feature_cn(np.array([3, 1, -1]), np.array([2, 3, 2]), table),
                                  [74.0, 98.0, np.nan])
    assert table.unverified([0, 2, 3]) == ["water"]


def _write(tmp_path, text):
    path = tmp_path / "cn.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_tables_name_lines(tmp_path):
    with pytest.raises(InputError) as err:
        runoff.read_cn_table(_write(tmp_path, "# comment\nlucode,cn_a,cn_b,cn_c,cn_d\n1,50,60,70,80\n2,50,x,70,80\n"))
    assert err.value.kind == "table_bad_number" and err.value.params["line"] == 4
    with pytest.raises(InputError) as err:
        runoff.read_cn_table(_write(tmp_path, "lucode,cn_a,cn_b,cn_c,cn_d\n1,50,60,70,80\n2,50,60,170,80\n"))
    assert err.value.kind == "cn_out_of_range" and err.value.params["line"] == 3
    with pytest.raises(InputError) as err:
        runoff.read_cn_table(_write(tmp_path, "lucode,cn_a,cn_b,cn_c,cn_d\n1.5,50,60,70,80\n"))
    assert err.value.kind == "cn_bad_lucode" and err.value.params["line"] == 2
    with pytest.raises(InputError) as err:
        runoff.read_cn_table(_write(tmp_path, "name,cn_a,cn_b,cn_c,cn_d\nx,50,60,70,80\n"))
    assert err.value.kind == "cn_table_no_key"
    with pytest.raises(InputError) as err:
        runoff.read_cn_table(_write(tmp_path, "class,cn_a,cn_b,cn_c,cn_d\nx,50,60,70,80\nX,1,2,3,4\n"))
    assert err.value.kind == "table_duplicate_key" and err.value.params["line"] == 3
    # lucode alone is enough (InVEST layout)
    table = runoff.read_cn_table(_write(tmp_path, "lucode,cn_a,cn_b,cn_c,cn_d\n7,50,60,70,80\n"))
    with pytest.raises(InputError):
        runoff.match_classes(np.array([1.0]), runoff.read_cn_table(
            _write(tmp_path, "class,cn_a,cn_b,cn_c,cn_d\nx,50,60,70,80\n")))
    assert table.cn[0, 2] == 70


# ---- rasters --------------------------------------------------------------------------------
def _shipped():
    from lcr_toolkit.algorithms.base import resource_path
    return runoff.read_cn_table(resource_path("factors", "curve_numbers.csv"))


def test_raster_rows_and_soil():
    table = _shipped()
    codes = np.array([[1, 2, 8], [5, 0, 255]], dtype=np.uint8)
    valid = codes != 255                                     # 255 = nodata
    np.testing.assert_array_equal(runoff.raster_rows(codes, valid, table), [[0, 1, -1], [4, -1, -2]])
    floats = np.array([1.0, 2.5, np.nan, 7.0])
    np.testing.assert_array_equal(runoff.raster_rows(floats, np.ones(4, bool), table), [0, -2, -2, 6])
    soil = np.array([1, 2, 3, 4, 5, 0, 9], dtype=np.int16)
    np.testing.assert_array_equal(runoff.raster_soil(soil, soil != 9), [0, 1, 2, 3, -2, -2, -1])


def test_raster_two_by_two_zones_by_hand():
    # 10 × 10 pixels of 10 m (100 m² each), soil D everywhere, quadrant zones 0 NW, 1 NE, 2 SW, 3 SE.
    # Road (lucode 2, CN 98): NW 25, SW 15 (columns 0–2), SE 10 (columns 5–6) = 50 pixels;
    # woods good (lucode 5, CN 77 on D): the other 50.
    codes = np.full((10, 10), 5, dtype=np.uint8)
    codes[:5, :5] = 2
    codes[5:, :3] = 2
    codes[5:, 5:7] = 2
    zone = np.zeros((10, 10), dtype=np.int32)
    zone[:5, 5:] = 1
    zone[5:, :5] = 2
    zone[5:, 5:] = 3
    table = _shipped()
    sums = runoff.raster_zone_counts(codes, np.ones_like(codes, bool), 3, zone, 4, table)
    out = runoff.zone_runoff(sums, table, 100.0, 100.0)
    # CN 98: S = 5.1837, Q = 94.0376 mm → 9.40376 m³ runoff, 0.59624 m³ retained per 100 m² pixel.
    # CN 77: S = 25400/77 − 254 = 75.8701, Ia = 15.1740, Q = 84.826² / 160.696 = 44.7767 mm
    #   → 4.47767 m³ runoff, 5.52233 m³ retained per pixel.
    # NW 25 road: 235.094 m³, retained 14.906; NE 25 woods: 111.942, 138.058;
    # SW 15 road + 10 woods: 141.056 + 44.777 = 185.833, retained 8.944 + 55.223 = 64.167;
    # SE 10 road + 15 woods: 94.038 + 67.165 = 161.203, retained 5.962 + 82.835 = 88.797.
    np.testing.assert_allclose(out["area_ha"], [0.25] * 4)
    np.testing.assert_allclose(out["runoff_m3"], [235.094, 111.942, 185.833, 161.203], atol=1e-3)
    np.testing.assert_allclose(out["retained_m3"], [14.906, 138.058, 64.167, 88.797], atol=1e-3)
    # cn: SW (15·98 + 10·77)/25 = 89.6, SE (10·98 + 15·77)/25 = 85.4
    np.testing.assert_allclose(out["cn"], [98.0, 77.0, 89.6, 85.4])
    # runoff_mm = m³ / 2500 m² × 1000: 94.038, 44.777, 74.333, 64.481
    np.testing.assert_allclose(out["runoff_mm"], [94.038, 44.777, 74.333, 64.481], atol=1e-3)
    # retention = retained / (0.1 m × 2500 m²): 0.0596, 0.5522, 0.2567, 0.3552
    np.testing.assert_allclose(out["retention"], [0.05962, 0.55223, 0.25667, 0.35519], atol=1e-5)
    totals = runoff.runoff_totals(out, 100.0)
    # 50 × 9.40376 + 50 × 4.47767 = 694.072 m³; retained 305.928 m³; together 100 mm × 1 ha = 1000 m³
    assert totals["runoff"] == pytest.approx(694.072, abs=1e-3)
    assert totals["retained"] == pytest.approx(305.928, abs=1e-3)
    assert totals["mean_retention"] == pytest.approx(0.305928, abs=1e-6)


def test_raster_blocks_add_up_and_leftovers_are_counted():
    table = _shipped()
    codes = np.array([[2, 2, 9], [4, 4, 4]], dtype=np.int32)
    soil_values = np.array([[4, 0, 4], [1, 7, 4]], dtype=np.int16)     # 0 = nodata, 7 = not a soil group
    soil = runoff.raster_soil(soil_values, soil_values != 0)
    zone = np.array([[0, 0, 0], [0, 0, -1]])
    a = runoff.raster_zone_counts(codes[:1], np.ones((1, 3), bool), soil[:1], zone[:1], 2, table, soil_values[:1])
    b = runoff.raster_zone_counts(codes[1:], np.ones((1, 3), bool), soil[1:], zone[1:], 2, table, soil_values[1:])
    a += b
    # counted: road on D (zone 0), park on A (zone 0); park on D outside zones; code 9 unknown;
    # road on soil nodata; park on soil 7.
    assert int(a.pixels.sum()) == 2 and a.pixels[0, 1, 3] == 1 and a.pixels[0, 3, 0] == 1
    assert a.outside == 1 and a.unknown == {"9": 1} and a.bad_soil == {"7": 1} and a.no_soil == 1
    out = runoff.zone_runoff(a, table, 100.0, 1.0)
    # zone 0: CN 98 and 39 on 1 m² each: (94.0376 + 1.0101) mm × 1 m² × 1e-3 = 0.0950477 m³; cn 68.5
    assert out["runoff_m3"][0] == pytest.approx(0.0950477, rel=1e-5)
    assert out["cn"][0] == pytest.approx(68.5)
    assert out["area_ha"][1] == 0 and np.isnan(out["runoff_m3"][1]) and np.isnan(out["retention"][1])
