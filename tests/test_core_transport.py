"""core.transport (ASIF) against numbers worked out by hand."""
from pathlib import Path

import numpy as np
import pytest

from lcr_toolkit.core import transport
from lcr_toolkit.core.errors import InputError

REPO = Path(__file__).resolve().parents[1]
MODES_CSV = REPO / "resources" / "factors" / "transport_factors.csv"
NATIONAL_2023 = 0.5306   # kgCO2/kWh, MEE/NBS


def test_shipped_table_is_the_documented_example():
    table = transport.read_mode_table(MODES_CSV)
    assert table["mode"].tolist() == list(transport.SHIPPED_MODES)
    rows = table.set_index("mode")
    # UK DEFRA 2007: car 0.2042 kg/vehicle-km / 2 occupants = 0.1021 kg/pkm; bus 0.0891.
    assert rows.loc["car", "kg_co2_pkm"] == 0.1021
    assert rows.loc["bus", "kg_co2_pkm"] == 0.0891
    # Rail is electric: 0.1225 kWh/pkm × 0.5306 = 0.0650 kg/pkm, DEFRA's light rail/tram value.
    assert rows.loc["rail", "electric"] and rows.loc["rail", "kg_co2_pkm"] == 0
    assert rows.loc["rail", "kwh_pkm"] * NATIONAL_2023 == pytest.approx(0.0650, abs=5e-5)
    assert table["share"].sum() == pytest.approx(1.0)
    assert rows["green"].to_dict() == {"walk": True, "bike": True, "bus": True, "rail": True, "car": False}
    # Chinese factors were not found: every row ships as an unverified example with its source.
    assert (table["verified"] == "no").all()
    assert (table["source"].str.len() > 20).all()
    assert table["year"].str.fullmatch(r"\d{4}").all()


def test_hand_computed_zone_with_the_shipped_table():
    table = transport.read_mode_table(MODES_CSV)
    # 1000 residents × 2.5 trips/day × 365 = 912 500 trips a year.
    pkm = transport.passenger_km([1000.0], 2.5, table["share"].to_numpy(), table["trip_km"].to_numpy())
    # walk 912 500 × 0.30 × 0.8 km = 219 000; bike × 0.20 × 2.5 = 456 250; bus × 0.15 × 6 = 821 250;
    # rail × 0.10 × 10 = 912 500; car × 0.25 × 8 = 1 825 000 passenger-km a year.
    assert pkm[0].tolist() == pytest.approx([219_000, 456_250, 821_250, 912_500, 1_825_000])
    ef = transport.emission_per_pkm(table["kg_co2_pkm"], table["kwh_pkm"], NATIONAL_2023)
    # CO2 = 821 250 × 0.0891 + 912 500 × 0.1225 × 0.5306 + 1 825 000 × 0.1021
    #     = 73 173.375 + 59 311.131 + 186 332.5 = 318 817.006 kg = 318.817 t.
    assert transport.transport_co2_t(pkm, ef)[0] == pytest.approx(318.817006, abs=1e-6)
    # Green share = walk + bike + bus + rail = 0.30 + 0.20 + 0.15 + 0.10 = 0.75.
    assert transport.green_share(table["share"].to_numpy(), table["green"].to_numpy())[0] == pytest.approx(0.75)


def test_electric_mode_follows_the_grid_factor():
    # 0.1225 kWh/pkm: at 0.5306 → 0.06500 kg/pkm, at East China 2023 (0.5500) → 0.067375 kg/pkm;
    # a direct factor is added unchanged: 0.01 + 0.1 × 0.5 = 0.06.
    ef = transport.emission_per_pkm([0.0, 0.0, 0.01], [0.1225, 0.1225, 0.1], 0.5306)
    assert ef[:2].tolist() == pytest.approx([0.0649985, 0.0649985])
    assert transport.emission_per_pkm([0.0], [0.1225], 0.55)[0] == pytest.approx(0.067375)
    assert transport.emission_per_pkm([0.01], [0.1], 0.5)[0] == pytest.approx(0.06)
    with pytest.raises(InputError):
        transport.emission_per_pkm([0.0], [0.1], -0.1)


def test_zone_shares_replace_and_share_the_rest():
    table = np.array([0.30, 0.20, 0.15, 0.10, 0.25])
    nan = np.nan
    given = np.array([
        [nan, nan, nan, nan, nan],          # table shares
        [nan, nan, nan, nan, 0.50],         # car 0.5; the other 0.5 in the table's 0.30:0.20:0.15:0.10
        [0.2, 0.2, 0.2, 0.2, 0.195],        # all given, sum 0.995: within 0.01, rescaled to 1
        [0.2, 0.2, 0.2, 0.2, 0.10],         # all given, sum 0.90: invalid
        [nan, nan, nan, 0.6, 0.6],          # given sum 1.2 > 1: invalid
        [nan, nan, nan, nan, -0.1],         # negative: invalid
        [0.05, nan, nan, nan, nan],         # walk 0.05; rest 0.95 over 0.70 of table shares
    ])
    shares, invalid = transport.zone_shares(table, given)
    assert invalid.tolist() == [False, False, False, True, True, True, False]
    assert shares[0].tolist() == pytest.approx(table.tolist())
    # Rest 0.5 / 0.75 of the non-car table shares: 0.30 → 0.2, 0.20 → 0.1333, 0.15 → 0.1, 0.10 → 0.0667.
    assert shares[1].tolist() == pytest.approx([0.2, 0.2 / 1.5, 0.1, 0.1 / 1.5, 0.5])
    assert shares[2].tolist() == pytest.approx([0.2 / 0.995] * 4 + [0.195 / 0.995])
    assert np.isnan(shares[3:6]).all()
    # 0.95 / 0.70: bike 0.20 → 0.271429, bus 0.15 → 0.203571, rail 0.10 → 0.135714, car 0.25 → 0.339286.
    assert shares[6].tolist() == pytest.approx([0.05, 0.2 * 0.95 / 0.7, 0.15 * 0.95 / 0.7, 0.1 * 0.95 / 0.7,
                                                0.25 * 0.95 / 0.7])
    assert np.allclose(shares[[0, 1, 2, 6]].sum(axis=1), 1.0)


def test_passenger_km_nan_population_and_negative_rate():
    pkm = transport.passenger_km([np.nan, 0.0], 2.0, [1.0], [5.0])
    assert np.isnan(pkm[0, 0]) and pkm[1, 0] == 0
    with pytest.raises(InputError) as err:
        transport.passenger_km([1.0], -1.0, [1.0], [5.0])
    assert err.value.kind == "trip_rate_negative"


def test_trip_weighted_mean():
    # (0.75 × 912 500 + 0.5 × 1 825 000) / 2 737 500 = 1 596 875 / 2 737 500 = 0.583333; NaN zones and
    # zones without trips are left out; nothing left → NaN.
    assert transport.trip_weighted_mean([0.75, 0.5, np.nan, 0.9], [912_500, 1_825_000, 5, 0]) == pytest.approx(
        0.5833333333)
    assert np.isnan(transport.trip_weighted_mean([0.5], [0.0]))


def write(tmp_path, text):
    path = tmp_path / "modes.csv"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "mode,share,trip_km,kg_co2_pkm,kwh_pkm,green\n"


@pytest.mark.parametrize("rows, kind, line", [
    ("walk,0.5,1,0,,1\ncar,0.4,8,0.1,,0\n", "mode_shares_sum", None),        # sums to 0.9
    ("walk,50,1,0,,1\ncar,50,8,0.1,,0\n", "table_fraction_range", 2),        # percent, not fractions
    ("walk,0.5,1,0,,yes\ncar,0.5,8,0.1,,0\n", "mode_bad_green", 2),
    ("walk,0.5,1,,,1\ncar,0.5,8,0.1,,0\n", "mode_no_factor", 2),
    ("walk,0.5,1,0,,1\ncar,0.5,8,-0.1,,0\n", "table_bad_number", 3),
    ("walk,0.5,1,0,,1\ncar,0.5,8,,lots,0\n", "table_bad_number", 3),
    ("walk,0.5,1,0,,1\nWALK,0.5,8,0.1,,0\n", "table_duplicate_key", 3),
    ("walk,0.5,1,0,,1\ncar pool,0.5,8,0.1,,0\n", "mode_bad_name", 3),
    ("walk,0.5,-1,0,,1\ncar,0.5,8,0.1,,0\n", "table_bad_number", 2),
])
def test_bad_mode_tables(tmp_path, rows, kind, line):
    with pytest.raises(InputError) as err:
        transport.read_mode_table(write(tmp_path, HEADER + rows))
    assert err.value.kind == kind
    assert err.value.params["path"] == str(tmp_path / "modes.csv")
    if line is not None:
        assert err.value.params["line"] == line


def test_table_without_any_factor_column(tmp_path):
    with pytest.raises(InputError) as err:
        transport.read_mode_table(write(tmp_path, "mode,share,trip_km,green\nwalk,1,1,1\n"))
    assert err.value.kind == "table_missing_columns"


def test_table_with_only_an_electric_column_and_rounded_shares(tmp_path):
    # Shares 0.333 × 3 = 0.999, within the 0.01 tolerance: rescaled to 1/3 each.
    table = transport.read_mode_table(write(
        tmp_path, "mode,share,trip_km,kwh_pkm,green\nmetro,0.333,10,0.1,1\nebus,0.333,5,0.08,1\nwalk,0.333,1,0,1\n"))
    assert table["share"].tolist() == pytest.approx([1 / 3] * 3)
    assert table["electric"].tolist() == [True, True, False]
    assert table["kg_co2_pkm"].tolist() == [0.0, 0.0, 0.0]
