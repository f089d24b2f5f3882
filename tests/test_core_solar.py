"""core.solar against numbers worked out by hand and spot values of the Huld formula."""
import math
from pathlib import Path

import numpy as np
import pytest

from lcr_toolkit.core import solar
from lcr_toolkit.core.errors import InputError

REPO = Path(__file__).resolve().parents[1]
PV_CSV = REPO / "resources" / "factors" / "pv_defaults.csv"


# ---- Huld model ---------------------------------------------------------------------------
@pytest.mark.parametrize("technology", ["c-Si", "CdTe"])
def test_huld_at_stc_is_exactly_one(technology):
    # G′ = 1 → ln G′ = 0, T′ = 0: every correction term vanishes.
    assert solar.huld_relative_power(1000.0, 25.0, technology) == 1.0


def test_huld_half_sun_c_si_domain_value():
    # 0.5·(1 − 0.01724·ln 0.5 − 0.0447·(ln 0.5)²) = 0.5·(1 + 0.011950 − 0.021476) = 0.495237.
    assert solar.huld_relative_power(500.0, 25.0, "c-Si") == pytest.approx(0.495237, abs=1e-6)


def test_huld_half_sun_cdte():
    # ln 0.5 = −0.693147, (ln 0.5)² = 0.480453:
    # 0.5·(1 + 0.046689·0.693147 − 0.072844·0.480453) = 0.5·(1 + 0.032362 − 0.034998) = 0.498682.
    assert solar.huld_relative_power(500.0, 25.0, "CdTe") == pytest.approx(0.498682, abs=1e-6)


def test_huld_hot_module_at_full_sun():
    # G′ = 1, T′ = 20 K: 1 + k3·20 + k6·400 = 1 − 0.094 + 0.002 = 0.908 (c-Si).
    assert solar.huld_relative_power(1000.0, 45.0) == pytest.approx(0.908, abs=1e-12)


def test_huld_dark_is_zero_and_arrays_work():
    out = solar.huld_relative_power([0.0, -5.0, 1000.0], [25.0, 25.0, 25.0])
    assert out.tolist() == [0.0, 0.0, 1.0]


def test_huld_unknown_technology():
    with pytest.raises(InputError) as err:
        solar.huld_relative_power(800, 30, "perovskite")
    assert err.value.kind == "pv_technology_unknown"


def test_sandia_module_temperature_roof_mount():
    # 800 W/m² · exp(−2.98 − 0.0471·2) + 20 °C = 800 · exp(−3.0742) + 20 = 800 · 0.0462266 + 20 = 56.981 °C.
    assert solar.sandia_module_temperature(800, 20, 2) == pytest.approx(56.98128, abs=1e-4)
    # Open rack at zero wind: 1000 · exp(−3.47) + 25 = 1000 · 0.031110 + 25 = 56.110 °C.
    assert solar.sandia_module_temperature(1000, 25, 0, "open_rack_glass_back") == pytest.approx(
        1000 * math.exp(-3.47) + 25)


# ---- planning-level yield -------------------------------------------------------------------
def test_yield_two_buildings_by_hand():
    # A: 200 m² flat (0.6) → 120 m² × 1300 kWh/m² × 0.20 × 0.80 = 120 × 208 = 24 960 kWh/a.
    # B: 150 m² pitched (0.5) → 75 m² × 208 = 15 600 kWh/a.
    roof, energy = solar.pv_yield([200.0, 150.0], [0.6, 0.5], 1300.0, 0.20, 0.80)
    assert roof.tolist() == pytest.approx([120.0, 75.0])
    assert energy.tolist() == pytest.approx([24_960.0, 15_600.0])
    # Avoided CO2 at the East China grid 2023 (0.5500 kg/kWh): 24 960 × 0.55 / 1000 = 13.728 t.
    assert solar.avoided_co2_t(energy, 0.55).tolist() == pytest.approx([13.728, 8.58])


def test_yield_per_building_irradiation_and_missing_footprint():
    # 100 m² × 1.0 × 1000 kWh × 0.2 × 0.8 = 16 000; 100 m² × 1.0 × 1500 × 0.16 = 24 000; NaN stays NaN.
    _, energy = solar.pv_yield([100.0, 100.0, np.nan], [1.0, 1.0, 1.0], [1000.0, 1500.0, np.nan], 0.2, 0.8)
    assert energy[:2].tolist() == pytest.approx([16_000.0, 24_000.0])
    assert np.isnan(energy[2])


@pytest.mark.parametrize("eta, pr, h, kind", [
    (0.0, 0.8, 1300, "pv_efficiency_range"), (1.2, 0.8, 1300, "pv_efficiency_range"),
    (0.2, 0.0, 1300, "pv_performance_ratio_range"), (0.2, 0.8, -1, "pv_irradiation_negative")])
def test_yield_parameters_are_checked(eta, pr, h, kind):
    with pytest.raises(InputError) as err:
        solar.pv_yield([100.0], [0.5], h, eta, pr)
    assert err.value.kind == kind


def test_demand_share():
    # 24 960 / 49 920 = 0.5; demand 0, negative or missing → NaN.
    share = solar.demand_share([24_960.0, 100.0, 100.0, 100.0], [49_920.0, 0.0, -5.0, np.nan])
    assert share[0] == pytest.approx(0.5)
    assert np.isnan(share[1:]).all()


# ---- roof table ---------------------------------------------------------------------------
def test_shipped_roof_table_covers_demo_roof_types_and_is_marked():
    table = solar.read_roof_table(PV_CSV)
    assert set(table["roof_type"]) >= {"flat", "pitched", "green", "industrial_metal", "default"}
    assert table["usable_share"].between(0, 1).all()
    assert (table["source"].str.len() > 10).all()
    assert table["year"].str.fullmatch(r"\d{4}").all()
    assert (table["verified"] == "no").all()          # planning defaults, never checked: verified=no


def test_roof_types_match_names_aliases_and_fall_back():
    table = solar.read_roof_table(PV_CSV)
    shares = table.set_index("roof_type")["usable_share"]
    share, rows, unknown = solar.match_roof_types([" FLAT", "坡屋顶", "Thatch", "thatch", None, ""], table)
    assert share.tolist() == [shares["flat"], shares["pitched"]] + [shares["default"]] * 4
    assert unknown == {"Thatch": 2}                   # blank and missing types are not "unknown"
    assert table["roof_type"].iloc[rows[1]] == "pitched"


@pytest.mark.parametrize("text, kind", [
    ("roof_type,usable_share\nflat,0.6\n", "roof_table_no_default"),
    ("roof_type,usable_share\nflat,1.6\ndefault,0.4\n", "table_fraction_range"),
    ("roof_type,usable_share\nflat,0.6\nFlat,0.5\ndefault,0.4\n", "table_duplicate_key"),
    ("roof_type,usable_share\nflat,lots\ndefault,0.4\n", "table_bad_number"),
    ("roof_type,share\nflat,0.6\n", "table_missing_columns"),
])
def test_bad_roof_tables(tmp_path, text, kind):
    path = tmp_path / "roof.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        solar.read_roof_table(path)
    assert err.value.kind == kind


# ---- raster sampling ----------------------------------------------------------------------
def test_pixel_indices_north_up():
    # Origin (100, 200), 10 m cells, 3 columns × 2 rows: x 100–130, y 180–200.
    gt = (100.0, 10.0, 0.0, 200.0, 0.0, -10.0)
    row, col = solar.pixel_indices([105, 125, 130, 99, 129.9, np.nan], [195, 185, 185, 195, 180.1, 190], gt, 3, 2)
    assert row.tolist() == [0, 1, -1, -1, 1, -1]
    assert col.tolist() == [0, 2, -1, -1, 2, -1]


def test_pixel_indices_rotated():
    # x = col·2 + row·1, y = row·2 (a sheared grid): the point (5, 4) is col 1.5 → 1, row 2.
    row, col = solar.pixel_indices([5.0], [4.0], (0.0, 2.0, 1.0, 0.0, 0.0, 2.0), 10, 10)
    assert (row[0], col[0]) == (2, 1)


def test_sample_raster_reads_only_tiles_with_points_and_drops_nodata():
    grid = np.arange(25, dtype=float).reshape(5, 5)       # value = 5·row + col
    grid[4, 4] = -9999.0
    reads = []

    def read_block(xoff, yoff, xsize, ysize):
        reads.append((xoff, yoff, xsize, ysize))
        return grid[yoff:yoff + ysize, xoff:xoff + xsize]

    gt = (0.0, 1.0, 0.0, 5.0, 0.0, -1.0)                   # cell (row r, col c) covers x c..c+1, y 5−r−1..5−r
    x = [0.5, 1.5, 4.5, 4.5, 7.0]
    y = [4.5, 3.5, 0.5, 4.5, 1.0]
    values = solar.sample_raster(x, y, gt, 5, 5, read_block, nodata=-9999.0, block=2)
    # (0,0) → 0; (1,1) → 6; (4,4) → nodata → NaN; (0,4) → 4; x = 7 outside → NaN.
    assert values[[0, 1, 3]].tolist() == [0.0, 6.0, 4.0]
    assert np.isnan(values[[2, 4]]).all()
    # Points fall in three 2×2 tiles: (0,0) holds two points and is read once; edge tiles are clipped.
    assert sorted(reads) == [(0, 0, 2, 2), (4, 0, 1, 2), (4, 4, 1, 1)]
