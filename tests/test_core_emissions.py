"""core.emissions and core.tables against numbers worked out by hand."""
import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import emissions, tables
from lcr_toolkit.core.errors import InputError

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

EUI_CSV = REPO / "resources" / "factors" / "building_eui.csv"


def test_gfa_prefers_given_area_then_floors_then_default():
    # 100 m² × 3 floors; given GFA 1000 wins over 200 × default; 50 m² with 0 floors → default 2.
    gfa, n_default = emissions.gross_floor_area(
        [100.0, 200.0, 50.0], floors=[3, np.nan, 0], gfa_m2=[np.nan, 1000.0, -1.0], default_floors=2)
    assert gfa.tolist() == [300.0, 1000.0, 100.0]
    assert n_default == 1


def test_gfa_no_building_has_is_read_as_missing():
    # 300 floors (the tallest building has 163) and 3 000 000 000 m² (an integer field's overflow; the largest
    # building has about 1.8 million m²) are no values: 100 m² × default 2, and 100 m² × 4 floors.
    gfa, n_default = emissions.gross_floor_area(
        [100.0, 100.0, 100.0], floors=[300, 4, 200], gfa_m2=[np.nan, 3e9, np.nan], default_floors=2)
    assert gfa.tolist() == [200.0, 400.0, 20000.0]
    assert n_default == 1


def test_gfa_without_floors_uses_default_everywhere():
    gfa, n_default = emissions.gross_floor_area([10.0, 20.0], default_floors=1.5)
    assert gfa.tolist() == [15.0, 30.0]
    assert n_default == 2


def test_gfa_rejects_non_positive_default():
    with pytest.raises(InputError) as err:
        emissions.gross_floor_area([1.0], default_floors=0)
    assert err.value.kind == "default_floors_not_positive"


def test_domain_reference_value_530_6_t():
    # Worked by hand: 10 000 m² × 100 kWh/m²·a × 0.5306 kgCO2/kWh = 530.6 tCO2/a.
    energy, co2 = emissions.operational_co2([10_000.0], [100.0], [0.0], 0.5306, 0.202)
    assert energy[0] == pytest.approx(1_000_000.0)
    assert co2[0] == pytest.approx(530.6)


def test_fuel_adds_its_own_factor():
    # 200 m² × (30 kWh elec × 0.5 + 10 kWh gas × 0.2) = 200 × 17 kg = 3.4 t; energy 200 × 40 kWh.
    energy, co2 = emissions.operational_co2([200.0], [30.0], [10.0], 0.5, 0.2)
    assert energy[0] == pytest.approx(8000.0)
    assert co2[0] == pytest.approx(3.4)


def test_uses_match_names_aliases_and_fall_back():
    table = tables.read_eui_table(EUI_CSV)
    elec, fuel, n_fallback, rows = emissions.match_uses([" Residential", "住宅", "OFFICE", "warehouse", None], table)
    residential = table.set_index("use").loc["residential"]
    default = table.set_index("use").loc["default"]
    assert elec.tolist() == [residential.elec_kwh_m2] * 2 + [85.0, default.elec_kwh_m2, default.elec_kwh_m2]
    assert fuel[0] == residential.fuel_kwh_m2
    assert n_fallback == 2
    assert table["use"].iloc[rows[2]] == "office"


def test_unheated_uses_get_their_own_rows():
    # A garage or a barn is neither heated nor cooled: lighting only, not a heated building's energy.
    table = tables.read_eui_table(EUI_CSV)
    elec, fuel, n_fallback, rows = emissions.match_uses(["garage", "Barn", "车库", "shed"], table)
    assert list(table["use"].iloc[rows]) == ["unheated_garage", "unheated_outbuilding", "unheated_garage",
                                            "unheated_outbuilding"]
    assert (fuel == 0).all() and (elec <= 5).all() and n_fallback == 0


def test_shipped_table_rows_carry_source_year_and_status():
    table = tables.read_eui_table(EUI_CSV)
    assert set(table["use"]) >= {"residential", "office", "commercial", "hotel", "school", "hospital",
                                 "industrial", "default"}
    assert (table["source"].str.len() > 10).all()
    assert table["year"].str.fullmatch(r"\d{4}").all()
    assert table["verified"].isin(["yes", "no"]).all()


def test_table_without_default_row_is_refused_only_when_a_use_needs_it(tmp_path):
    path = tmp_path / "eui.csv"
    path.write_text("use,elec_kwh_m2,fuel_kwh_m2\noffice,80,0\nshop,100,10\n", encoding="utf-8")
    table = tables.read_eui_table(path)
    elec, fuel, fell_back, _ = emissions.match_uses(["office", "Shop ", "office"], table)
    assert elec.tolist() == [80, 100, 80] and fuel.tolist() == [0, 10, 0] and fell_back == 0
    with pytest.raises(InputError) as err:
        emissions.match_uses(["office", "barn", "barn", None], table)
    assert err.value.kind == "table_no_default"
    assert err.value.params["values"] == "barn, (1× empty)"


@pytest.mark.parametrize("text, kind, line", [
    ("use,elec_kwh_m2\noffice,80\n", "table_missing_columns", None),
    ("use,elec_kwh_m2,fuel_kwh_m2\n", "table_empty", None),
    ("use,elec_kwh_m2,fuel_kwh_m2\noffice,80,0\nshop,lots,0\n", "table_bad_number", 3),
    ("use,elec_kwh_m2,fuel_kwh_m2\noffice,80,-1\n", "table_bad_number", 2),
    ("use,elec_kwh_m2,fuel_kwh_m2\noffice,80,inf\n", "table_bad_number", 2),
    ("use,elec_kwh_m2,fuel_kwh_m2\noffice,nan,0\n", "table_bad_number", 2),
    ("use,elec_kwh_m2,fuel_kwh_m2\noffice,80,0\nshop,1e308,0\n", "table_implausible_number", 3),
    ("", "table_empty", None),
    ("# only a comment\n\n", "table_empty", None),
    ("use,elec_kwh_m2,fuel_kwh_m2\noffice,80,0\nOffice,90,0\n", "table_duplicate_key", 3),
])
def test_bad_eui_tables_name_the_problem_and_line(tmp_path, text, kind, line):
    path = tmp_path / "eui.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        tables.read_eui_table(path)
    assert err.value.kind == kind
    assert err.value.params.get("line") == line


def test_excel_csv_with_bom_and_upper_case_headers(tmp_path):
    path = tmp_path / "eui.csv"
    path.write_bytes("\ufeffUse, ELEC_kWh_m2 ,fuel_kwh_m2\ndefault,50,5\n".encode("utf-8"))
    table = tables.read_eui_table(path)
    assert table["elec_kwh_m2"].tolist() == [50.0]


def test_error_line_counts_comment_and_blank_lines(tmp_path):
    path = tmp_path / "eui.csv"
    path.write_text("# a comment\n# another\nuse,elec_kwh_m2,fuel_kwh_m2\noffice,80,0\n\nshop,lots,0\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        tables.read_eui_table(path)
    assert err.value.params["line"] == 6      # the file's own line 6, as an editor shows it


def test_gbk_table_is_read_as_gb18030(tmp_path):
    path = tmp_path / "eui.csv"
    path.write_bytes("use,aliases,elec_kwh_m2,fuel_kwh_m2\ndefault,住宅|居住,50,5\n".encode("gbk"))
    table = tables.read_eui_table(path)
    assert table.attrs["encoding"] == "gb18030"
    elec, _, fell_back, _ = emissions.match_uses(["居住"], table)
    assert elec.tolist() == [50.0] and fell_back == 0


def test_utf16_table_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "eui.csv"
    path.write_bytes("use,elec_kwh_m2,fuel_kwh_m2\ndefault,50,5\n".encode("utf-16"))
    with pytest.raises(InputError) as err:
        tables.read_eui_table(path)
    assert err.value.kind == "table_not_text"


def test_co2_estimated_default_floors_fallback_use_and_upstream_flags():
    table = pd.DataFrame({"use": ["office", "residential", "default"], "elec_kwh_m2": [85, 30, 60],
                          "fuel_kwh_m2": [5, 12, 10]})
    floors = [3, np.nan, 0, 3, 3, 3]
    gfa = [np.nan, 500.0, np.nan, np.nan, np.nan, np.nan]
    rows = [0, 1, 0, 2, 0, 1]
    floors_flag = [0, 0, 0, 0, 1, np.nan]
    use_flag = None
    # 0 surveyed; 1 GFA given though floors missing; 2 default floors; 3 default use; 4 floors flagged.
    flags = emissions.co2_estimated(floors, gfa, rows, table, floors_flag, use_flag)
    assert flags.tolist() == [0, 0, 1, 1, 1, 0]


def test_known_co2_replaces_the_computed_and_scales_energy():
    # A building of 1 000 m² at 100 kWh/m² (100 MWh, 53.06 t at 0.5306) retrofitted to 39.795 t (25 % saved):
    # its energy falls to 75 MWh, its EUI to 75; a NaN or negative known value keeps the computed 53.06 t; a
    # building computed at 0 t keeps its energy.
    co2, energy, eui, n = emissions.known_co2([53.06, 53.06, 53.06, 0.0], [100_000.0] * 4, [100.0] * 4,
                                              [39.795, np.nan, -1.0, 2.0])
    assert co2.tolist() == [39.795, 53.06, 53.06, 2.0] and n == 2
    assert energy.tolist() == pytest.approx([75_000.0, 100_000.0, 100_000.0, 100_000.0])
    assert eui.tolist() == pytest.approx([75.0, 100.0, 100.0, 100.0])
