"""core.carbon against hand-computed stocks and the InVEST carbon reference case (InVEST tests/test_carbon.py)."""
import csv
from pathlib import Path

import numpy as np
import pytest

from lcr_toolkit.core import carbon
from lcr_toolkit.core.errors import InputError

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "resources" / "factors" / "carbon_pools.csv"

# InVEST tests/test_carbon.py: pools (above, below, soil, dead) in t C/ha.
INVEST_5_3 = "lucode,c_above,c_below,c_soil,c_dead\n1,15,10,60,1\n2,5,3,20,0\n3,2,1,5,0\n"
# Hand case: A = 40+10+50+0 = 100 t C/ha, growing 2 t C/ha/yr; B = 20 t C/ha, not growing.
HAND = ("lucode,class,aliases,c_above,c_below,c_soil,c_dead,c_rate,source,year,verified\n"
        "1,A,alpha|甲,40,10,50,0,2,test,2026,yes\n2,B,,0,0,20,0,,test,2026,no\n")


def table(tmp_path, text, name="pools.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return carbon.read_carbon_pools(path)


def test_domain_5_3_raster_totals(tmp_path):
    pools = table(tmp_path, INVEST_5_3)
    assert pools.density.tolist() == [86.0, 28.0, 8.0]          # 15+10+60+1, 5+3+20+0, 2+1+5+0
    pixel_ha = carbon.pixel_area_ha((0.0, 1.0, 0.0, 10.0, 0.0, -1.0))
    assert pixel_ha == pytest.approx(1e-4)                      # 1 m² = 0.0001 ha
    ones, twos = np.ones((10, 10), dtype=np.uint8), np.full((10, 10), 2, dtype=np.uint8)
    valid = np.ones((10, 10), dtype=bool)
    base = carbon.raster_zone_sums(ones, valid, None, 1, pools, pixel_ha)
    alt = carbon.raster_zone_sums(twos, valid, None, 1, pools, pixel_ha)
    columns = carbon.zone_carbon(base, alt)
    # 100 px × 86 t/ha × 0.0001 ha = 0.86 t; 100 × 28 × 0.0001 = 0.28 t; change −0.58 t.
    assert columns["c_stock_t"] == pytest.approx([0.86])
    assert columns["c_scen_t"] == pytest.approx([0.28])
    assert columns["c_change_t"] == pytest.approx([-0.58])
    assert columns["area_ha"] == pytest.approx([0.01])
    assert columns["co2e_t"] == pytest.approx([0.86 * 44 / 12])


def test_polygon_carbon_hand_case(tmp_path):
    pools = table(tmp_path, HAND)
    rows, null = carbon.match_classes(np.array([1.0, 2.0]), pools)
    scen, _ = carbon.match_classes(np.array([2.0, 1.0]), pools)
    out = carbon.polygon_carbon([20_000.0, 5_000.0], rows, scen, pools)
    assert out["area_ha"].tolist() == [2.0, 0.5]
    assert out["c_stock_t"] == pytest.approx([200.0, 10.0])      # 2 ha × 100; 0.5 ha × 20 → 210 t C
    assert out["co2e_t"].sum() == pytest.approx(770.0)           # 210 × 44/12
    assert out["c_scen_t"] == pytest.approx([40.0, 50.0])        # A→B: 2 × 20; B→A: 0.5 × 100
    assert out["c_change_t"] == pytest.approx([-160.0, 40.0])
    # Rates: A 2 t C/ha/yr, B blank = 0. 2 ha × 2 × 44/12 = 14.667 t CO2/yr; plan 0.5 × 2 × 44/12 = 3.667.
    assert out["seq_co2_t_yr"] == pytest.approx([44 / 3, 0.0])
    assert out["seq_scen_co2_t_yr"] == pytest.approx([0.0, 11 / 3])
    assert list(out) == carbon.output_fields(True, True)


def test_text_classes_match_class_aliases_and_codes(tmp_path):
    pools = table(tmp_path, HAND)
    values = np.array(["A", " b ", "alpha", "甲", "2", "2.0", None, "", "zzz"], dtype=object)
    rows, null = carbon.match_classes(values, pools)
    assert rows.tolist() == [0, 1, 0, 0, 1, 1, -1, -1, -1]
    assert null.tolist() == [False] * 6 + [True, True, False]


def test_unknown_classes_stay_nan_not_zero(tmp_path):
    pools = table(tmp_path, HAND)
    rows, null = carbon.match_classes(np.array([1.0, 7.0, np.nan, 1.5]), pools)
    assert rows.tolist() == [0, -1, -1, -1]                      # 1.5 is no whole code
    assert null.tolist() == [False, False, True, False]
    out = carbon.polygon_carbon([10_000.0] * 4, rows, None, pools)
    assert out["c_stock_t"][0] == 100.0
    assert np.isnan(out["c_stock_t"][1:]).all()
    assert carbon.totals(out)["c_t"] == 100.0


def test_numeric_classes_need_a_lucode_column(tmp_path):
    pools = table(tmp_path, "class,c_above,c_below,c_soil,c_dead\nA,1,1,1,1\n")
    with pytest.raises(InputError) as err:
        carbon.match_classes(np.array([1.0]), pools)
    assert err.value.kind == "carbon_table_no_lucode"
    assert carbon.match_classes(np.array(["a"], dtype=object), pools)[0].tolist() == [0]


def test_invest_table_without_source_columns(tmp_path):
    # InVEST's own layout and capitalisation, no class, source, year, verified or c_rate.
    pools = table(tmp_path, "lucode,LULC_Name,C_above,C_below,C_soil,C_dead\n1,Forest,140,70,35,12\n"
                            "5,Open/urban,5,5,15,2\n")
    assert pools.density.tolist() == [257.0, 27.0]               # the InVEST UG example rows
    assert not pools.has_rate and pools.verified is None
    assert pools.unverified([0, 1]) == []
    assert carbon.match_classes(np.array(["open/urban"], dtype=object), pools)[0].tolist() == [1]
    assert carbon.output_fields(False, pools.has_rate) == ["area_ha", "c_stock_t", "co2e_t"]


@pytest.mark.parametrize("text, kind, line", [
    # Comment and blank lines count: the bad value sits on file line 5.
    ("# note\nlucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n\n2,1,x,1,1\n", "table_bad_number", 5),
    ("lucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n2,1,-3,1,1\n", "table_bad_number", 3),
    ("lucode,c_above,c_below,c_dead\n1,1,1,1\n", "table_missing_columns", None),
    ("# c\n# c\nlucode,c_above,c_below,c_soil,c_dead\n1,1,1,1,1\n2,1,1,1,1\n1,2,2,2,2\n", "table_duplicate_key", 6),
    ("class,c_above,c_below,c_soil,c_dead\nPark,1,1,1,1\n park ,1,1,1,1\n", "table_duplicate_key", 3),
    ("lucode,c_above,c_below,c_soil,c_dead\n1.5,1,1,1,1\n", "carbon_bad_lucode", 2),
    ("lucode,c_above,c_below,c_soil,c_dead\n-1,1,1,1,1\n", "carbon_bad_lucode", 2),
    ("name,c_above,c_below,c_soil,c_dead\nx,1,1,1,1\n", "carbon_table_no_key", None),
    ("lucode,class,c_above,c_below,c_soil,c_dead\n1,a,1,1,1,1\n,,1,1,1,1\n", "carbon_row_no_key", 3),
    ("lucode,c_above,c_below,c_soil,c_dead,c_rate\n1,1,1,1,1,1\n2,1,1,1,1,-0.5\n", "table_bad_number", 3),
    ('lucode,c_above,c_below,c_soil,c_dead,source\n1,1,1,1,1,"two\nlines"\n2,1,1,1,1,ok\n3,1,1,y,1,ok\n',
     "table_bad_number", 5),
])
def test_bad_tables_name_the_line(tmp_path, text, kind, line):
    with pytest.raises(InputError) as err:
        table(tmp_path, text)
    assert err.value.kind == kind
    if line is not None:
        assert err.value.params["line"] == line


def test_raster_zone_sums_nodata_unknown_and_outside():
    pools = carbon.read_carbon_pools(SHIPPED)                   # 1 built_up 27, 2 road 15, 3 water 0 t C/ha
    codes = np.array([[1, 2, 9], [1, 3, 2], [255, 1, 1]], dtype=np.uint8)
    zone = np.array([[0, 0, 1], [1, -1, 1], [0, 0, -1]])
    valid = codes != 255
    sums = carbon.raster_zone_sums(codes, valid, zone, 2, pools, 0.01)   # 10 m pixels = 0.01 ha
    # Zone 0: 1, 2, (nodata), 1 → (27 + 15 + 27) × 0.01 = 0.69 t on 0.03 ha.
    # Zone 1: (9 unknown), 1, 2 → (27 + 15) × 0.01 = 0.42 t on 0.02 ha.
    assert sums.c_t == pytest.approx([0.69, 0.42])
    assert sums.area_ha == pytest.approx([0.03, 0.02])
    assert sums.outside_ha == pytest.approx(0.02)                 # the 3 and the last 1 lie in no zone
    assert dict(sums.unknown) == {"9": 1}
    assert sums.row_pixels[:3].tolist() == [4, 2, 1]
    # Rates: built_up and road 0 t C/ha/yr in the shipped table.
    assert sums.rate_t_yr == pytest.approx([0.0, 0.0])


def test_zone_without_pixels_is_nan_and_blocks_add_up(tmp_path):
    pools = table(tmp_path, INVEST_5_3)
    total = carbon.ZoneSums.empty(2, 3)
    for block in (np.array([[1, 1]]), np.array([[2, 3]])):      # two blocks of one raster
        total += carbon.raster_zone_sums(block, np.ones(block.shape, bool), np.zeros(block.shape, int), 2, pools, 1.0)
    columns = carbon.zone_carbon(total)
    assert columns["c_stock_t"][0] == pytest.approx(86 + 86 + 28 + 8)
    assert np.isnan(columns["c_stock_t"][1])                      # zone 1 has no pixel: NULL, not 0


def test_pixel_area_of_a_rotated_grid_and_in_feet():
    # |det| of the 2×2 part: |2 × (−3) − 0.5 × 1| = 6.5 units² per pixel = 0.00065 ha.
    assert carbon.pixel_area_ha((0, 2.0, 0.5, 0, 1.0, -3.0)) == pytest.approx(6.5e-4)
    assert carbon.pixel_area_ha((0, 10.0, 0, 0, 0, -10.0), to_m2=0.3048 ** 2) == pytest.approx(100 * 0.09290304 / 1e4)


def test_shipped_table_sources_and_demo_keys():
    pools = carbon.read_carbon_pools(SHIPPED)
    assert pools.codes.tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert pools.labels == ["built_up", "road", "water", "park_green", "tree_cover", "cropland", "bare"]
    with open(SHIPPED, encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert all(r["source"].strip() and r["year"].strip().isdigit() for r in rows)
    assert {r["verified"] for r in rows} == {"no"}               # none of these values was read in its primary source
    assert pools.unverified(range(7)) == pools.labels
    # InVEST UG example Open/urban 5+5+15+2 = 27; Nowak et al. 2013 7.69 kg C/m² of canopy ≈ 61.0 + 15.9
    # (root-to-shoot 0.26) + IPCC SOCref 88 + litter 13 = 177.9; paddy 5 + 88 × 1.10 = 101.8.
    assert pools.density[[0, 4, 5]] == pytest.approx([27.0, 177.9, 101.8])
    assert pools.rate[4] == pytest.approx(2.8)                    # 0.28 kg C/m²/yr


def test_codes_match_through_lookup_and_sorted_search(tmp_path):
    narrow = table(tmp_path, "lucode,c_above,c_below,c_soil,c_dead\n5,1,0,0,0\n7,2,0,0,0\n", "narrow.csv")
    wide = table(tmp_path, "lucode,c_above,c_below,c_soil,c_dead\n5,1,0,0,0\n9000000,2,0,0,0\n", "wide.csv")
    ints = np.array([5, 7, 9_000_000, -9999, 6])
    valid = ints != -9999                                          # -9999 plays nodata
    assert carbon.raster_zone_sums(ints, valid, None, 1, narrow, 1.0).row_pixels.tolist() == [1, 1]
    wide_sums = carbon.raster_zone_sums(ints, valid, None, 1, wide, 1.0)   # a range too wide for a look-up array
    assert wide_sums.row_pixels.tolist() == [1, 1]
    assert dict(wide_sums.unknown) == {"7": 1, "6": 1}
    floats = np.array([5.0, 5.5, np.nan, 7.0])                     # 5.5 is no code; NaN is never valid
    sums = carbon.raster_zone_sums(floats, np.ones(4, bool), None, 1, narrow, 1.0)
    assert sums.c_t.tolist() == [3.0]                              # 1 (code 5) + 2 (code 7) t C/ha × 1 ha
    assert dict(sums.unknown) == {"5.5": 1}


def npv_by_hand(price, r, c, p, q):
    """The User's Guide's sum, term by term: V/(q − p) · Σ_{t=0}^{q−p−1} 1/((1 + r/100)^t (1 + c/100)^t)."""
    return price / (q - p) * sum(1 / ((1 + r / 100) ** t * (1 + c / 100) ** t) for t in range(q - p))


def test_valuation_constant_invest_reference_and_hand_sums():
    # InVEST tests/test_carbon.py: 43 per t C, discount −7.1 %, price change 2.8 %, 2016 → 2030.
    assert carbon.valuation_constant(43, -7.1, 2.8, 2016, 2030) == pytest.approx(59.00136070250062, rel=1e-12)
    assert npv_by_hand(43, -7.1, 2.8, 2016, 2030) == pytest.approx(59.00136070250062, rel=1e-12)
    # 100 per t C, 10 %, 0 %, 2020 → 2023: 100/3 × (1 + 1/1.1 + 1/1.21) = 100/3 × 2.7355372 = 91.184573.
    assert carbon.valuation_constant(100, 10, 0, 2020, 2023) == pytest.approx(91.18457300275482, rel=1e-12)
    # 100 per t C, 5 %, 2 %, 2020 → 2022: 50 × (1 + 1/(1.05 × 1.02)) = 96.685341.
    assert carbon.valuation_constant(100, 5, 2, 2020, 2022) == pytest.approx(96.68534080298786, rel=1e-12)
    # No discounting and a steady price: each t C of change is worth the price (InVEST: −58 × 43 = −2494 per ha).
    assert -58 * carbon.valuation_constant(43, 0, 0, 2016, 2030) == pytest.approx(-2494.0)
    # Discount and price change that cancel, (1 − 0.5)(1 + 1) = 1: the series is n, as with 0 and 0.
    assert carbon.valuation_constant(10, -50, 100, 2000, 2010) == pytest.approx(10.0)
    for args in [(10, 3, 1, 2030, 2030), (10, 3, 1, 2030, 2020), (10, 3, 1, 2020, 2030.5)]:
        with pytest.raises(InputError) as err:
            carbon.valuation_constant(*args)
        assert err.value.kind == "carbon_bad_years"
    with pytest.raises(InputError) as err:
        carbon.valuation_constant(10, -100, 0, 2020, 2030)
    assert err.value.kind == "carbon_bad_rate"
    # A price per t CO2 is per 12/44 t C: 30 per t CO2 = 110 per t C.
    assert carbon.price_per_t_c(30, per_co2=True) == pytest.approx(110.0)
    assert carbon.price_per_t_c(30) == 30.0


def test_npv_per_polygon_and_zone_and_pool_totals(tmp_path):
    pools = table(tmp_path, HAND)
    rows, _ = carbon.match_classes(np.array([1.0, 2.0]), pools)
    scen, _ = carbon.match_classes(np.array([2.0, 1.0]), pools)
    value = carbon.valuation_constant(100, 10, 0, 2020, 2023)
    out = carbon.polygon_carbon([20_000.0, 5_000.0], rows, scen, pools, value)
    # Change −160 and +40 t C × 91.184573 = −14 589.53 and +3 647.38.
    assert out["npv_seq"] == pytest.approx([-14589.531680440771, 3647.3829201101928], rel=1e-12)
    assert carbon.totals(out)["npv"] == pytest.approx(-120 * 91.18457300275482)
    # Field names are public: the new one comes last, the old ones keep their order.
    assert list(out) == carbon.output_fields(True, True, True) == carbon.output_fields(True, True) + ["npv_seq"]
    assert "npv_seq" not in carbon.output_fields(False, True, True)     # no plan, nothing to value
    # Pools: A = 40/10/50/0 t C/ha on 2 ha, B = 0/0/20/0 on 0.5 ha.
    np.testing.assert_allclose(carbon.polygon_pools([20_000.0, 5_000.0], rows, pools),
                               [[80, 20, 100, 0], [0, 0, 10, 0]])
    unknown = carbon.polygon_pools([10_000.0], np.array([-1]), pools)
    assert np.isnan(unknown).all()


def test_raster_pools_npv_and_density_change(tmp_path):
    pools = table(tmp_path, INVEST_5_3)
    valid = np.ones((10, 10), dtype=bool)
    base = carbon.raster_zone_sums(np.ones((10, 10), np.uint8), valid, None, 1, pools, 1e-4)
    alt = carbon.raster_zone_sums(np.full((10, 10), 2, np.uint8), valid, None, 1, pools, 1e-4)
    # 100 pixels of 1 m² = 0.01 ha × (15, 10, 60, 1) t C/ha; the pools add up to the stock.
    np.testing.assert_allclose(base.pool_t, [[0.15, 0.10, 0.60, 0.01]])
    assert base.pool_t.sum() == pytest.approx(base.c_t.sum())
    columns = carbon.zone_carbon(base, alt, value_per_t_c=carbon.valuation_constant(43, -7.1, 2.8, 2016, 2030))
    assert columns["npv_seq"] == pytest.approx([-34.22078920745036])   # −0.58 t × 59.00136 (InVEST tests/test_carbon.py)
    codes = np.array([[1, 2], [255, 9]])
    change = carbon.density_change(codes, codes != 255, np.array([[2, 2], [1, 1]]), np.ones((2, 2), bool), pools)
    assert change[0].tolist() == [-58.0, 0.0] and np.isnan(change[1]).all()   # nodata, unknown code 9
    total = carbon.ZoneSums.empty(1, 3)
    total += base
    total += base
    np.testing.assert_allclose(total.pool_t, [[0.3, 0.2, 1.2, 0.02]])
