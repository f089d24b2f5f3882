"""core.rule_text: a profile rule's codes as words, in English and Simplified Chinese."""
from pathlib import Path

import numpy as np
import pytest

from lcr_toolkit.core import profiles, rule_text

PROFILES = sorted((Path(__file__).resolve().parents[1] / "resources" / "profiles").glob("*.csv"))
UNITS_USED = sorted({u for path in PROFILES for u in profiles.load_profile(path)["unit"]})
# Units that are already words (or a symbol) in English; in Chinese only "%" stays as written.
SAME_IN_ENGLISH = {"%", "m", "ha", "trees"}


def test_profiles_use_units():
    assert len(PROFILES) == 10 and {"%", "-", "0-1", "0/1", "m", "m2/person"} <= set(UNITS_USED)


@pytest.mark.parametrize("unit", UNITS_USED)
def test_every_profile_unit_has_words(unit):
    assert unit in rule_text.UNITS   # chosen words, not the fallback
    en, zh = rule_text.unit_text(unit, "en"), rule_text.unit_text(unit, "zh")
    assert (en == unit) == (unit in SAME_IN_ENGLISH)
    assert (zh == unit) == (unit == "%")
    for shown in (en, zh):
        assert "m2" not in shown and "0-1" not in shown


def test_unit_words():
    assert rule_text.unit_text("m2/person", "en") == "m²/person" and rule_text.unit_text("m2/person", "zh") == "m²/人"
    assert rule_text.unit_text("0-1", "en") == "share, 0–1" and rule_text.unit_text("0-1", "zh") == "比例（0–1）"
    assert rule_text.unit_text("-", "en") == "" and rule_text.unit_text(None, "zh") == ""
    assert rule_text.unit_text("kg/m2", "en") == "kg/m²"   # a unit of the user's own profile


def test_requirement():
    assert rule_text.requirement(">=", 8, np.nan, "en", "m²/person") == "≥ 8 m²/person"
    assert rule_text.requirement(">=", 8, np.nan, "zh") == "≥ 8"
    assert rule_text.requirement("<=", 500, np.nan, "en", "m") == "≤ 500 m"
    assert rule_text.requirement("==", 0, np.nan, "en") == "= 0"
    assert rule_text.requirement("between", 1, 2.5, "en") == "1 to 2.5"
    assert rule_text.requirement("between", 80, 90, "zh", "%") == "80 至 90 %"
    assert rule_text.requirement("", np.nan, np.nan, "en") == "–"


def test_codes_as_words():
    assert rule_text.operator_text(">=", "en") == "at least" and rule_text.operator_text("<=", "zh") == "不高于"
    assert rule_text.side_text("both", "zh") == "低碳与韧性" and rule_text.side_text("resilience", "en") == "Resilience"
    assert rule_text.level_text("master", "zh") == "总体规划"
    assert rule_text.status_text("unverified", "zh") == "未核实" and rule_text.status_text("", "en") == ""


def test_numbers():
    assert [rule_text.number(v) for v in (np.nan, None, 0.3333, 2.5, 123.4, 12345.6)] == [
        "–", "–", "0.333", "2.5", "123", "12,346"]


def test_target_reads_a_yes_no_rule_as_words():
    # CN_D_FLOOD_FREE: exposed (0/1) == 0
    assert rule_text.target("==", 0.0, float("nan"), "0/1", "en") == "= 0 (no)"
    assert rule_text.target("==", 1.0, float("nan"), "0/1", "zh") == "= 1（是）"
    assert rule_text.target(">=", 8.0, float("nan"), "m2/person", "zh") == "≥ 8 m²/人"
    assert rule_text.target("between", 1.0, 2.5, "-", "en") == "1 to 2.5"


def test_a_share_reads_in_per_cent_in_the_target_and_the_value():
    # CN_D_RETENTION: retention >= 0.7 (unit 0-1); a mean of 0.7234 reads 72.3 %
    assert rule_text.target(">=", 0.7, float("nan"), "0-1", "en") == "≥ 70 %"
    assert rule_text.target("between", 0.3, 0.55, "0-1", "zh") == "30 至 55 %"
    assert rule_text.value_text(0.7234, "0-1", "en") == "72.3 %"
    assert rule_text.value_text(3.654, "m2/person", "zh") == "3.65 m²/人"
    assert rule_text.value_text(1002.85, "m", "en") == "1,003 m"
    assert rule_text.value_text(0.29, "0/1", "en") == "0.29"
    assert rule_text.value_text(float("nan"), "%", "en") == "–"
