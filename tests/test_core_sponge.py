"""core.sponge: runoff coefficient, volume method, control rate and design rainfall, worked by hand."""
import numpy as np
import pytest

from lcr_toolkit.algorithms.base import resource_path
from lcr_toolkit.core import sponge
from lcr_toolkit.core.errors import InputError

# Ten days of rain (mm). Days ≤ 2 mm (1 and 2) are dropped → 3, 5, 8, 10, 12, 15, 20, 30; Σ = 103 mm.
RAIN = [12, 1, 30, 5, 2, 8, 20, 3, 15, 10]


def test_shipped_tables():
    coefficients = sponge.read_runoff_coefficients(resource_path("factors", "runoff_coefficients.csv"))
    # Table E.0.1 ranges: green 0.15, hard roof 0.8–0.9 → mid-point 0.85, green roof 0.3–0.4 → 0.35, water 1.0.
    assert sponge.lookup(coefficients, ["green", "roof_hard", "green_roof", "water", "paved"], "psi") == \
        pytest.approx([0.15, 0.85, 0.35, 1.0, 0.85])
    assert set(coefficients["verified"]) == {"no"}          # [P]/[U] → never verified
    lid = sponge.read_lid_measures(resource_path("factors", "lid_measures.csv"))
    assert sponge.lookup(lid, ["bioretention", "permeable_paving", "green_roof", "tank"],
                         "storage_m3_per_unit") == pytest.approx([0.2, 0.03, 0.05, 1.0])
    with pytest.raises(InputError) as err:
        sponge.lookup(lid, ["swale"], "storage_m3_per_unit")
    assert err.value.kind == "table_missing_key"


def test_green_ratio_psi():
    # 35 % green at 0.15 + 65 % hard at 0.85 = 0.0525 + 0.5525 = 0.605.
    assert sponge.green_ratio_psi([0.35], 0.15, 0.85) == pytest.approx([0.605])
    assert np.isnan(sponge.green_ratio_psi([np.nan], 0.15, 0.85)[0])
    with pytest.raises(InputError) as err:
        sponge.green_ratio_psi([0.3, 35.0], 0.15, 0.85)
    assert err.value.kind == "share_out_of_range" and err.value.params["value"] == 35.0


def test_composite_psi_from_areas():
    # 10 000 m² parcel: roof 4 000 (0.85), green 3 000 (0.15), NaN water (absent); remainder 3 000 paved (0.85).
    # ψ = (4000·0.85 + 3000·0.15 + 3000·0.85) / 10000 = (3400 + 450 + 2550) / 10000 = 0.64.
    # Second parcel: 1 000 m² with 800 + 400 m² given → scaled to 2/3, 1/3 (counted), no remainder:
    # ψ = 2/3·0.85 + 1/3·0.15 = 0.61667.
    given = [[4000, 3000, np.nan], [800, 400, 0]]
    shares, remainder, overfull = sponge.surface_shares(given, [10000, 1000])
    assert shares[0] == pytest.approx([0.4, 0.3, 0.0]) and remainder == pytest.approx([0.3, 0.0])
    assert overfull == 1
    psi = sponge.composite_psi(shares, [0.85, 0.15, 1.0], remainder, 0.85)
    assert psi == pytest.approx([0.64, 0.85 * 2 / 3 + 0.15 / 3])


def test_composite_psi_from_shares_and_bad_shares():
    # Shares 0.5 green roof (0.35), 0.2 water (1.0), remainder 0.3 green (0.15): 0.175 + 0.2 + 0.045 = 0.42.
    shares, remainder, _ = sponge.surface_shares([[0.5, 0.2]], shares=True)
    assert sponge.composite_psi(shares, [0.35, 1.0], remainder, 0.15) == pytest.approx([0.42])
    with pytest.raises(InputError) as err:
        sponge.surface_shares([[1.2, 0.0]], shares=True)
    assert err.value.kind == "share_out_of_range"
    with pytest.raises(InputError) as err:
        sponge.surface_shares([[0.7, 0.6]], shares=True)
    assert err.value.kind == "shares_sum_over_one" and err.value.params["value"] == pytest.approx(1.3)
    with pytest.raises(InputError):
        sponge.surface_shares([[-5.0]], [100.0])


def test_capture_volume_two_hectares():
    # V = 10·H·ψ·F = 10 × 25 mm × 0.605 × 2 ha = 302.5 m³ (= 0.025 m × 0.605 × 20 000 m²).
    assert sponge.capture_volume_m3(25, 0.605, 20000) == pytest.approx(302.5)


def test_provided_storage():
    # 100 m² bioretention × 0.2 + 500 m² permeable paving × 0.03 + NaN green roof + 10 m³ tank × 1 = 20 + 15 + 10 = 45 m³.
    assert sponge.provided_storage_m3([[100, 500, np.nan, 10]], [0.2, 0.03, 0.05, 1.0]) == pytest.approx([45.0])
    with pytest.raises(InputError):
        sponge.provided_storage_m3([[-1.0]], [0.2])


def test_control_rate_by_hand():
    rain = sponge.rain_days(RAIN)
    assert list(rain) == [3, 5, 8, 10, 12, 15, 20, 30]
    # α(10) = (3+5+8+10 + 10·4) / 103 = 66/103; α(15) = (53 + 15·2)/103 = 83/103; α(0) = 0; α(30) = α(∞) = 1.
    assert sponge.control_rate([10, 15, 0, 30, np.inf], rain) == pytest.approx([66 / 103, 83 / 103, 0, 1, 1])
    assert np.isnan(sponge.control_rate([np.nan], rain)[0])


def test_design_rainfall_by_hand():
    rain = sponge.rain_days(RAIN)
    # Target 80 %: 0.8·103 = 82.4. α(12) = (38 + 12·3)/103 = 74/103 < 0.8 < α(15) = 83/103, so between 12 and
    # 15 three days exceed H: 38 + 3H = 82.4 → H = 14.8 mm.
    assert sponge.design_rainfall_mm(rain, 0.80) == pytest.approx(14.8)
    # Target 100 % → the largest day, 30 mm; and the round trip α(H(t)) = t.
    assert sponge.design_rainfall_mm(rain, 1.0) == pytest.approx(30)
    assert sponge.control_rate(sponge.design_rainfall_mm(rain, 0.5), rain) == pytest.approx(0.5)
    for bad in (0.0, 1.2):
        with pytest.raises(InputError) as err:
            sponge.design_rainfall_mm(rain, bad)
        assert err.value.kind == "target_out_of_range"
    with pytest.raises(InputError) as err:
        sponge.rain_days([1, 2, 0.5])
    assert err.value.kind == "rainfall_no_days"


def test_achieved_depth_inverts_volume_method():
    # 2 ha, ψ 0.605: 1 mm needs 10·1·0.605·2 = 12.1 m³; 121 m³ holds 10 mm. ψ = 0 holds everything (∞).
    assert sponge.achieved_depth_mm([121.0, 5.0], [0.605, 0.0], [20000, 20000]) == pytest.approx([10.0, np.inf])


def test_daily_rainfall_csv(tmp_path):
    good = tmp_path / "rain.csv"
    good.write_text("date,rain_mm\n2020-06-01,12\n2020-06-02,0\n2021-06-01,3.5\n", encoding="utf-8")
    rain, years = sponge.read_daily_rainfall(good)
    assert list(rain) == [12, 0, 3.5] and years == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("date,precip\n2020-06-01,12\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        sponge.read_daily_rainfall(bad)
    assert err.value.kind == "table_missing_columns" and "rain_mm" in err.value.params["columns"]
    negative = tmp_path / "negative.csv"
    negative.write_text("date,rain_mm\n2020-06-01,-3\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        sponge.read_daily_rainfall(negative)
    assert err.value.kind == "table_bad_number" and err.value.params["line"] == 2
