"""core.runoff: SCS-CN against TR-55 Table 2-1 and InVEST UFRM values (DOMAIN.md §5.1, §5.2)."""
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
    rounded = [float(Decimal(repr(round(q, 9))).quantize(Decimal("0.01"), ROUND_HALF_UP)) for q in q_in]
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
