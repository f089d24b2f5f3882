"""core.profiles class tables: thresholds by building climate zone and height class (GB 50180-2018
Table 4.0.2, FAR maximum and green ratio minimum of residential blocks), picked from hand-worked parcels."""
import os

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import profiles
from lcr_toolkit.core.errors import InputError

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLES = os.path.join(REPO, "resources", "profiles", "tables")
SHIPPED = os.path.join(TABLES, "gb50180_residential_blocks.csv")
HEADER = ",".join(profiles.COLUMNS)
FAR = ("FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,<=,3.1,,GB 50180-2018,§4.0.2,unverified,0701|R,"
       "{table}:far_max")
GREEN = ("GREEN,Green ratio,绿地率,green_ratio,0-1,detailed,both,>=,0.25,,GB 50180-2018,§4.0.2,unverified,0701|R,"
         "{table}:green_min")


def write_profile(folder, *rows, table="gb50180_residential_blocks.csv"):
    path = os.path.join(folder, "own.csv")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n" + "\n".join(row.format(table=table) for row in rows) + "\n")
    return path


@pytest.fixture
def shipped(tmp_path):
    profile = profiles.load_profile(write_profile(str(tmp_path), FAR, GREEN))
    return profile, profiles.load_class_tables(profile, [TABLES])


def thresholds(shipped, zone, floors=None, height=None):
    profile, tables = shipped
    n = len(floors if floors is not None else height)
    values, source = profiles.class_thresholds(profile, tables, zone,
                                               np.full(n, np.nan) if floors is None else floors,
                                               np.full(n, np.nan) if height is None else height)
    return values, source


# ---- the shipped table --------------------------------------------------------------------------
def test_shipped_table_rows_sources_and_status():
    table = profiles.load_class_table(SHIPPED)
    assert len(table) == 15
    assert sorted(set(table["climate_zone"])) == ["III_IV_V", "II_VI", "I_VII"]
    assert list(table["height_class"][:5]) == ["low", "multi_1", "multi_2", "high_1", "high_2"]
    # the classes of Table 4.0.2: 1–3, 4–6, 7–9, 10–18, 19–26 floors; height limits 18, 27, 36, 54, 80 m
    for zone, rows in table.groupby("climate_zone"):
        assert rows["floors_max"].tolist() == [3, 6, 9, 18, 26], zone
        assert rows["height_max_m"].tolist() == [18, 27, 36, 54, 80], zone
    assert (table["source"].str.contains("GB 50180-2018")).all() and (table["clause"] != "").all()
    # the printed table was not read: every row stays unverified
    assert (table["status"] == "unverified").all()
    far_max = table["far_max"].astype(float)
    green = table["green_min"].astype(float)
    assert far_max.between(1.0, 3.1).all() and green.between(0.25, 0.35).all()
    # the upper end of each printed range is the far_max the rule checks
    assert all(printed.split("–")[-1] == f"{value:.1f}" for printed, value in zip(table["far_printed"], far_max))


def test_shipped_rule_thresholds_are_the_tables_most_lenient_values():
    """Where a parcel's height class is unknown the rule's own threshold applies: it must be the most lenient
    value of the table, so that no parcel fails that some zone and class permit."""
    table = profiles.load_class_table(SHIPPED)
    for key in ("cn_detailed", "cn_new_town"):
        profile = profiles.load_profile(os.path.join(REPO, "resources", "profiles", f"{key}.csv"))
        tables = profiles.load_class_tables(profile, [TABLES])
        assert list(tables) == ["gb50180_residential_blocks.csv"]
        by_class = profile[profile["by_class"] != ""].set_index("by_class")
        far = by_class.loc["gb50180_residential_blocks.csv:far_max"]
        green = by_class.loc["gb50180_residential_blocks.csv:green_min"]
        assert (far["operator"], far["threshold"]) == ("<=", table["far_max"].astype(float).max()) == ("<=", 3.1)
        assert (green["operator"], green["threshold"]) == (">=", table["green_min"].astype(float).min()) == (">=", 0.25)


# ---- picking the row ----------------------------------------------------------------------------
def test_row_from_floors_in_zone_iii(shipped):
    # hand-worked: zone III/IV/V of Table 4.0.2 (Jiaxing, Shanghai, Xiamen)
    floors = np.array([1, 3, 3.4, 6, 7, 9, 12, 18, 19, 26, 26.5, np.nan, 0, -2])
    far, source = thresholds(shipped, "III_IV_V", floors=floors)
    expected = [1.2, 1.2, 1.6, 1.6, 2.1, 2.1, 2.8, 2.8, 3.1, 3.1]
    assert far["FAR"][:10] == pytest.approx(expected)
    assert np.isnan(far["FAR"][10])                                   # 26.5 floors: above the table
    assert far["FAR"][11:] == pytest.approx([3.1, 3.1, 3.1])          # unknown (NULL, 0, negative): own threshold
    assert far["GREEN"][:10] == pytest.approx([0.25, 0.25, 0.30, 0.30, 0.30, 0.30, 0.35, 0.35, 0.35, 0.35])
    assert source["FAR"].tolist() == [1] * 10 + [-1] + [0] * 3


def test_row_from_height_where_floors_are_missing(shipped):
    floors = np.array([np.nan, np.nan, np.nan, np.nan, np.nan, 5, np.nan])
    height = np.array([18, 18.5, 54, 54.1, 80, 80, 81])
    far, source = thresholds(shipped, "II_VI", floors=floors, height=height)
    # 18 m low-rise 1.1; 18.5 m multi-storey I 1.5; 54 m high-rise I 2.5; 54.1 m high-rise II 2.9; 80 m 2.9;
    # 5 floors win over the 80 m height: multi-storey I 1.5; 81 m is above the table
    assert far["FAR"][:6] == pytest.approx([1.1, 1.5, 2.5, 2.9, 2.9, 1.5])
    assert np.isnan(far["FAR"][6]) and source["FAR"].tolist() == [1, 1, 1, 1, 1, 1, -1]


def test_zone_not_set_takes_the_most_lenient_row(shipped):
    floors = np.array([2, 5, 8, 15, 20])
    far, _ = thresholds(shipped, None, floors=floors)
    green, _ = thresholds(shipped, None, floors=floors)
    # the highest FAR maximum of the three zones per class (zone III), the lowest green minimum (low-rise: III)
    assert far["FAR"] == pytest.approx([1.2, 1.6, 2.1, 2.8, 3.1])
    assert green["GREEN"] == pytest.approx([0.25, 0.30, 0.30, 0.35, 0.35])
    zone_i, _ = thresholds(shipped, "I_VII", floors=floors)
    assert zone_i["FAR"] == pytest.approx([1.0, 1.4, 1.7, 2.2, 2.8])
    assert zone_i["GREEN"] == pytest.approx([0.30, 0.30, 0.30, 0.35, 0.35])


def test_zone_iii_high_rise_that_the_standard_permits_passes(shipped):
    """The published quote of Table 4.0.2 allows FAR up to 2.7–2.9 in zone III with buildings up to 80 m: such
    parcels must not fail, whether their class comes from floors, from height or is unknown."""
    profile, tables = shipped
    values = pd.DataFrame({"FAR": [2.7, 2.9, 2.9, 2.9, 2.8, 3.2], "GREEN": [0.35] * 6})
    floors = np.array([26, 26, np.nan, np.nan, 18, 26])
    height = np.array([np.nan, np.nan, 80, np.nan, np.nan, np.nan])
    for zone in ("III_IV_V", None):
        limits, _ = profiles.class_thresholds(profile, tables, zone, floors, height)
        result = profiles.evaluate(values, profile, thresholds=limits)
        # 3.2 at 26 floors is above every row of the table: it fails
        assert result["FAR"].tolist() == [1, 1, 1, 1, 1, 0], zone
        assert result["GREEN"].tolist() == [1] * 6


def test_evaluate_with_thresholds_per_feature(shipped):
    profile, tables = shipped
    values = pd.DataFrame({"FAR": [1.5, 1.7, 2.0, np.nan, 2.0], "GREEN": [0.28, 0.28, 0.34, 0.40, 0.30]})
    floors = np.array([5, 5, 12, 12, 30])
    limits, _ = profiles.class_thresholds(profile, tables, "III_IV_V", floors, np.full(5, np.nan))
    result = profiles.evaluate(values, profile, thresholds=limits)
    # 5 floors: FAR ≤ 1.6, green ≥ 0.30; 12 floors: ≤ 2.8, ≥ 0.35; 30 floors: above the table, not assessed
    assert [None if np.isnan(v) else v for v in result["FAR"]] == [1, 0, 1, None, None]
    assert [None if np.isnan(v) else v for v in result["GREEN"]] == [0, 0, 0, 1, None]
    # without per-feature thresholds the rules' own (3.1, 0.25) apply
    plain = profiles.evaluate(values, profile)
    assert [None if np.isnan(v) else v for v in plain["FAR"]] == [1, 1, 1, None, 1]


# ---- a class table of one's own, and errors ------------------------------------------------------
def test_own_class_table_next_to_the_profile(tmp_path):
    (tmp_path / "local.csv").write_text(
        "# a local stricter table\n"
        "climate_zone,height_class,floors_max,height_max_m,far_max,green_min,source,clause,status\n"
        "III_IV_V,low,3,18,1.0,0.35,local rule,§1,verified\n"
        "III_IV_V,high,30,100,2.5,0.40,local rule,§1,verified\n", encoding="utf-8")
    profile = profiles.load_profile(write_profile(str(tmp_path), FAR, GREEN, table="local.csv"))
    tables = profiles.load_class_tables(profile, [str(tmp_path), TABLES])
    assert list(tables) == ["local.csv"]
    limits, _ = profiles.class_thresholds(profile, tables, "iii_iv_v", np.array([2, 28]), np.array([np.nan] * 2))
    assert limits["FAR"].tolist() == [1.0, 2.5] and limits["GREEN"].tolist() == [0.35, 0.40]


@pytest.mark.parametrize("row, kind", [
    (FAR.replace("<=,3.1,", "between,1,3.1"), "profile_by_class_operator"),
    (FAR.replace("<=,3.1,", "==,3.1,"), "profile_by_class_operator"),
    (FAR.replace("{table}:far_max", "{table}"), "profile_bad_by_class"),
    (FAR.replace("{table}:far_max", "tables/{table}:far_max"), "profile_bad_by_class"),
    (FAR.replace("{table}:far_max", "{table}:far max"), "profile_bad_by_class"),
])
def test_bad_by_class_names_the_line(tmp_path, row, kind):
    path = write_profile(str(tmp_path), GREEN, row)
    with pytest.raises(InputError) as err:
        profiles.load_profile(path)
    assert err.value.kind == kind and (err.value.params["line"], err.value.params["rule"]) == (3, "FAR")


def test_class_table_errors(tmp_path):
    profile = profiles.load_profile(write_profile(str(tmp_path), FAR, table="missing.csv"))
    with pytest.raises(InputError) as err:
        profiles.load_class_tables(profile, [str(tmp_path), TABLES])
    assert err.value.kind == "class_table_not_found" and err.value.params["file"] == "missing.csv"

    (tmp_path / "t.csv").write_text("climate_zone,height_class,floors_max,height_max_m,green_min,source,clause,status\n"
                                    "III_IV_V,low,3,18,0.3,s,c,unverified\n", encoding="utf-8")
    profile = profiles.load_profile(write_profile(str(tmp_path), FAR, table="t.csv"))
    with pytest.raises(InputError) as err:
        profiles.load_class_tables(profile, [str(tmp_path)])
    assert (err.value.kind, err.value.params["column"], err.value.params["rule"]) == (
        "class_table_missing_column", "far_max", "FAR")

    (tmp_path / "t.csv").write_text("climate_zone,height_class,floors_max,height_max_m,far_max,source,clause,status\n"
                                    "III_IV_V,low,3,18,1.2,s,c,unverified\nIII_IV_V,high,26,80,high,s,c,unverified\n",
                                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        profiles.load_class_tables(profile, [str(tmp_path)])
    assert (err.value.kind, err.value.params["line"], err.value.params["value"]) == ("table_bad_number", 3, "high")

    (tmp_path / "t.csv").write_text("climate_zone,height_class,floors_max,height_max_m,far_max,source,clause,status\n"
                                    "III_IV_V,low,3,18,1.2,s,c,unverified\niii_iv_v,LOW,26,80,2,s,c,unverified\n",
                                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        profiles.load_class_tables(profile, [str(tmp_path)])
    assert (err.value.kind, err.value.params["line"]) == ("class_table_duplicate", 3)

    (tmp_path / "t.csv").write_text("climate_zone,height_class,floors_max,height_max_m,far_max,source,clause,status\n"
                                    "III_IV_V,low,3,18,1.2,s,c,maybe\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        profiles.load_class_tables(profile, [str(tmp_path)])
    assert (err.value.kind, err.value.params["column"]) == ("profile_bad_choice", "status")


def test_zone_missing_from_the_table(shipped):
    profile, tables = shipped
    with pytest.raises(InputError) as err:
        profiles.class_thresholds(profile, tables, "VIII", np.array([3.0]), np.array([np.nan]))
    assert err.value.kind == "class_table_no_zone" and "III_IV_V" in err.value.params["zones"]


def test_profiles_without_by_class_need_no_table(tmp_path):
    path = write_profile(str(tmp_path), "A,a,甲,x,-,detailed,both,>=,1,,s,c,verified")
    profile = profiles.load_profile(path)
    assert profile["by_class"].tolist() == [""]
    assert profiles.load_class_tables(profile, []) == {}
    limits, source = profiles.class_thresholds(profile, {}, None, np.array([3.0]), np.array([np.nan]))
    assert limits == {} and source == {}
