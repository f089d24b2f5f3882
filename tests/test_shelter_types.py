"""Shelter types as Chinese plans write them, matched to the classes of resources/factors/shelter_standards.csv:
固定/中心/紧急避难场所, Ⅰ/Ⅱ/Ⅲ类 in Roman numerals, Latin letters, full-width letters and Chinese numbers, 室内/室外, spaces.
Ⅰ/Ⅱ/Ⅲ类 are GB 21734-2008's classes by length of stay (Ⅰ ≥ 30 d, Ⅱ 10–30 d, Ⅲ ≤ 10 d): long-, medium-, short-term."""
from pathlib import Path

import numpy as np
import pytest

from lcr_toolkit.core import shelter

TABLE = Path(__file__).resolve().parents[1] / "resources" / "factors" / "shelter_standards.csv"

# (type, area per evacuee m², service distance m) from the table's rows: emergency 1.0/500, short 2.0/1000,
# medium 3.0/1500, long and central 4.5/2500
CASES = [
    ("紧急避难场所", 1.0, 500), ("室内紧急避难场所", 1.0, 500), ("紧急 避难场所", 1.0, 500),
    ("固定避难场所", 2.0, 1000), ("固定", 2.0, 1000), ("室外固定避难场所", 2.0, 1000),
    ("中心避难场所", 4.5, 2500), ("中心　避难场所", 4.5, 2500), ("室外 中心避难场所", 4.5, 2500),
    ("Ⅰ类", 4.5, 2500), ("I类", 4.5, 2500), ("一类", 4.5, 2500), ("Ⅰ类地震应急避难场所", 4.5, 2500), ("Ｉ类", 4.5, 2500),
    ("Ⅱ类", 3.0, 1500), ("II类", 3.0, 1500), ("二类", 3.0, 1500), ("Ⅱ 类避难场所", 3.0, 1500), ("ii类", 3.0, 1500),
    ("Ⅲ类", 2.0, 1000), ("III类", 2.0, 1000), ("三类", 2.0, 1000), ("ＩＩＩ类", 2.0, 1000), ("Ⅲ类应急避难场所", 2.0, 1000),
    ("短期固定避难场所", 2.0, 1000), ("长期固定避难场所", 4.5, 2500),
]


@pytest.mark.parametrize("text, area, distance", CASES)
def test_chinese_shelter_types_find_their_class(text, area, distance):
    table = shelter.read_standards(TABLE)
    per_cap, reach, found, unknown = shelter.shelter_standards([text], table, 500.0)
    assert (per_cap[0], reach[0], bool(found[0]), unknown) == (area, distance, True, {})


def test_types_naming_no_class_are_counted_and_named():
    """室内/室外避难场所 (a form of site) and 应急避难场所 say no class: each spelling is named with its count, and
    they take the default row (2 m², the service distance given), never a class."""
    table = shelter.read_standards(TABLE)
    types = ["室内避难场所", "室外避难场所", "室外避难场所", "应急避难场所", "紧急避难场所", None]
    per_cap, reach, found, unknown = shelter.shelter_standards(types, table, 600.0)
    assert unknown == {"室内避难场所": 1, "室外避难场所": 2, "应急避难场所": 1}
    assert found.tolist() == [False, False, False, False, True, False]
    assert per_cap.tolist() == [2.0, 2.0, 2.0, 2.0, 1.0, 2.0] and reach.tolist() == [600, 600, 600, 600, 500, 600]


def test_fixed_shelters_by_chinese_types():
    """Every class but the emergency one is a fixed shelter (固定避难场所 of GB 51143-2015)."""
    table = shelter.read_standards(TABLE)
    fixed, unknown = shelter.fixed_shelters(["紧急避难场所", "Ⅰ类", "固定避难场所", "中心 避难场所", "室内紧急避难场所"],
                                            table)
    assert fixed.tolist() == [False, True, True, True, False] and unknown == {}


def test_type_key():
    assert [shelter.type_key(t) for t in ("Ⅰ类", "ＩＩ 类", "固定避难场所", "室外 中心避难场所", "室内避难场所", "室内")] == \
        ["i类", "ii类", "固定", "中心", "避难场所", "室内"]
    assert np.array_equal(shelter.type_key("避难所"), "避难所")
