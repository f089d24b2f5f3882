"""core.textnum: floors and heights written as text, as Chinese survey tables hold them."""
import math

import numpy as np
import pytest

from lcr_toolkit.core.textnum import parse_numbers

CASES = [
    ("6层", 6), ("6F", 6), ("F6", 6), ("6f", 6), ("6/F", 6), ("６层", 6), ("6層", 6), (" 6 层 ", 6),
    ("十二层", 12), ("十层", 10), ("二十八", 28), ("两层", 2), ("一百零五米", 105), ("一百二十", 120), ("零", 0),
    ("12.5米", 12.5), ("18m", 18), ("约30", 30), ("30左右", 30), ("大约 24 米", 24),
    ("地上6层地下2层", 6), ("6-8层", 7), ("6~8", 7), ("6至8层", 7), ("6层(局部7层)", 6), ("B座6层", 6),
    ("-1层", -1), (7, 7), (7.5, 7.5), ("7", 7), ("7.0", 7),
    # thousands separators, as Excel shows them (a comma between digits is no decimal point here)
    ("1,200", 1200), ("1，200", 1200), ("1,234,567.5", 1234567.5), ("约1,200米", 1200),
]
# "12,5" and "1.200,5" (decimal commas) and "6,8层" (a list) were read as 12, 1.2 and 6
UNREADABLE = ["地下2层", "B1", "b2f", "二类住宅", "无", "三三层", "/", "12,5", "1.200,5", "6,8层"]
MISSING = [None, "", "   ", float("nan")]


@pytest.mark.parametrize("text, number", CASES)
def test_readable_texts(text, number):
    values, unreadable = parse_numbers([text])
    assert values[0] == pytest.approx(number) and not unreadable[0]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_texts_are_counted(text):
    values, unreadable = parse_numbers([text])
    assert math.isnan(values[0]) and unreadable[0]


@pytest.mark.parametrize("value", MISSING)
def test_missing_is_not_unreadable(value):
    values, unreadable = parse_numbers([value])
    assert math.isnan(values[0]) and not unreadable[0]


def test_a_whole_column_at_once():
    column = [text for text, _ in CASES] + UNREADABLE + MISSING
    values, unreadable = parse_numbers(column)
    assert np.allclose(values[:len(CASES)], [n for _, n in CASES])
    assert unreadable.sum() == len(UNREADABLE)
    assert np.isnan(values[len(CASES):]).all()
