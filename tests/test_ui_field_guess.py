"""Guessing fields and layers from their names (pure functions, no QGIS)."""
import pytest

from lcr_toolkit.ui.field_guess import FIELD_NAMES, guess_field, guess_layer


@pytest.mark.parametrize("role, names, expected", [
    ("floors", ["fid", "层数", "用途"], "层数"),
    ("floors", ["bldg_id", "Floors", "height_m"], "Floors"),
    ("floors", ["bldg_id", "num_floors"], "num_floors"),
    ("landuse", ["parcel_id", "用地代码", "far"], "用地代码"),
    ("landuse", ["parcel_id", "LU_CODE"], "LU_CODE"),
    ("residents", ["unit_id", "人口"], "人口"),
    ("residents", ["id", "Population_2020"], "Population_2020"),
    ("use", ["id", "用途", "roof_type"], "用途"),
    ("unit_id", ["单元编号", "name"], "单元编号"),
    ("unit_id", ["Unit ID", "name"], "Unit ID"),      # spaces, case and underscores are ignored
    ("depth", ["zone_id", "depth_m"], "depth_m"),
    ("green_ratio", ["绿地率", "容积率"], "绿地率"),
    ("far", ["绿地率", "容积率"], "容积率"),
])
def test_guesses_common_names_in_english_and_chinese(role, names, expected):
    assert guess_field(role, names) == expected


def test_exact_name_wins_over_a_name_containing_it():
    assert guess_field("use", ["use_zh", "use"]) == "use"
    assert guess_field("name", ["name_zh", "name"]) == "name"


def test_earlier_candidate_wins():
    # both match, but unit_id is the more specific candidate
    assert guess_field("unit_id", ["zone", "unit_id"]) == "unit_id"


def test_a_chinese_check_finds_the_chinese_name_beside_the_english_one():
    assert guess_field("name_zh", ["unit_id", "name", "name_zh"]) == "name_zh"
    assert guess_field("name_zh", ["编号", "名称"]) == "名称"


def test_sponge_city_measures_in_english_and_chinese():
    names = ["地块编号", "绿地率", "生物滞留设施面积", "透水铺装面积", "屋顶绿化面积", "雨水调蓄池"]
    assert [guess_field(role, names) for role in ("bioretention", "permeable_paving", "green_roof", "tank")] == \
        ["生物滞留设施面积", "透水铺装面积", "屋顶绿化面积", "雨水调蓄池"]
    demo = ["parcel_id", "green_ratio", "bioret_m2", "perm_pave_m2", "green_roof_m2", "tank_m3"]
    assert [guess_field(role, demo) for role in ("green_ratio", "bioretention", "permeable_paving", "green_roof",
                                                 "tank")] == demo[1:]


def test_short_candidates_do_not_match_inside_other_names():
    assert guess_field("landuse", ["value", "lucky"]) is None      # "lu" is too short to search inside
    assert guess_field("floors", ["id", "name"]) is None


def test_nothing_to_choose_from():
    assert guess_field("floors", []) is None


def test_every_role_finds_its_own_first_candidate():
    for role, candidates in FIELD_NAMES.items():
        assert guess_field(role, ["zzz", candidates[0]]) == candidates[0]


@pytest.mark.parametrize("role, names, expected", [
    ("units", ["roads", "planning_units", "buildings"], "planning_units"),
    ("buildings", ["道路", "建筑物"], "建筑物"),
    ("parcels", ["Parcels 2024", "roads"], "Parcels 2024"),
    ("flood_zones", ["roads"], None),
])
def test_guesses_layers(role, names, expected):
    assert guess_layer(role, names) == expected


@pytest.mark.parametrize("role, names, expected", [
    ("floors", ["建筑编号", "地下层数", "地上层数"], "地上层数"),       # the above-ground count, not the basements
    ("floors", ["地下层数", "建筑总层数"], "建筑总层数"),
    ("floors", ["BH", "CS", "YT"], "CS"),
    ("parcel_id", ["OBJECTID", "DKBH", "YDXZ"], "DKBH"),
    ("landuse", ["OBJECTID", "DKBH", "YDXZ"], "YDXZ"),
    ("green_ratio", ["RJL", "绿化率"], "绿化率"),
    ("far", ["RJL", "LDL"], "RJL"),
    ("residents", ["DKBH", "RK"], "RK"),
    ("residents", ["地块编号", "规划人口"], "规划人口"),
    ("use", ["编号", "使用功能"], "使用功能"),
])
def test_bureau_names_and_pinyin_initials(role, names, expected):
    assert guess_field(role, names) == expected
