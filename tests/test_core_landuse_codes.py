"""core.landuse_codes and the shipped crosswalk: codes of 用地用海 2023, GB 50137-2011 and 三调 read as the
canonical codes, whether stored as text or integers; groups and land covers consistent with the profiles
and the shipped carbon and curve-number tables."""
import os

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import landuse_codes as lc
from lcr_toolkit.core import profiles
from lcr_toolkit.core.errors import InputError

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CROSSWALK = os.path.join(REPO, "resources", "factors", "landuse_crosswalk.csv")


@pytest.fixture(scope="module")
def table():
    return lc.read_crosswalk(CROSSWALK)


def read(codes, table, scheme):
    return lc.translate(codes, table, scheme)


def test_integer_text_and_float_codes_are_one_code(table):
    out = read(["0701", 701, 701.0, "701", " 0701 ", "070102", 70102], table, lc.MIXED)
    assert out["code"].tolist() == ["0701"] * 5 + ["070102"] * 2
    assert out["group"].tolist() == ["residential"] * 7 and out["matched"].all()


def test_gb50137_codes_find_their_2023_class(table):
    codes = ["R2", "r21", "R22", "A33", "A35", "B1", "M2", "W1", "S1", "S42", "U12", "G1", "G3", "E1", "E2", "H14"]
    out = read(codes, table, lc.MIXED)
    assert out["code"].tolist() == ["070102", "070102", "0702", "0804", "0802", "0901", "100102", "110101", "1207",
                                    "120803", "1303", "1401", "1403", "17", None, None]
    assert out["group"].tolist()[-2:] == ["farmland_forest", "construction"]
    assert out["matched"].all()
    assert read(codes, table, lc.GB50137)["code"].tolist() == out["code"].tolist()


def test_sandiao_digits_mean_other_land_than_the_2023_ones(table):
    codes = ["0601", 601, "0702", "1001", "1101", "05H1", "08H2", "0810", "1104A", "0201K", "1006", "0303"]
    out = read(codes, table, lc.SANDIAO)
    assert out["code"].tolist() == ["1001", "1001", "0703", "1201", "1701", "09", "08", "14", "1704", "0201", "0601",
                                    "0507"]
    assert out["group"].tolist()[:5] == ["industrial", "industrial", "residential", "transport", "water"]
    # read as 2023 codes, the same digits are rural roads, community services, industry and storage
    as_2023 = read(["0601", "0702", "1001", "1101"], table, lc.MIXED)
    assert as_2023["group"].tolist() == ["agri_facility", "residential", "industrial", "storage"]


def test_unknown_and_missing_codes(table):
    out = read(["99", None, "", "X9", "0701"], table, lc.MIXED)
    assert out["matched"].tolist() == [False, False, False, False, True]
    assert out["code"].tolist()[:4] == [None] * 4 and np.isnan(out["lucode"][:4]).all()
    assert out["unknown"] == {"99": 1, "X9": 1}


def test_canonical_codes_give_the_profiles_verdicts(table):
    """GB 50137 and 三调 parcels read through the crosswalk are scoped by the shipped detailed profile as
    the canonical codes are."""
    profile = profiles.load_profile(os.path.join(REPO, "resources", "profiles", "cn_detailed.csv"))
    canonical = ["0701", "070102", "0703", "0801", "0901", "1001", "1207", "1401", "1701", "0101", "0301"]
    gb50137 = ["R2", "R21", None, "A1", "B1", "M", "S1", "G1", "E1", None, None]
    sandiao = ["0701", "0701", "0702", "08H1", "05H1", "0601", "1004", None, "1101", "0101", "0301"]
    expected = profiles.rule_scope(profile, canonical)
    for codes, scheme in ((gb50137, lc.GB50137), (sandiao, lc.SANDIAO)):
        scope = profiles.rule_scope(profile, read(codes, table, scheme)["code"])
        known = [c is not None for c in codes]
        pd.testing.assert_frame_equal(scope[known].reset_index(drop=True), expected[known].reset_index(drop=True))


def test_construction_land_is_what_the_profiles_call_construction_land(table):
    ydyh = table[table["scheme"] == lc.YDYH]
    first_level = ydyh[ydyh["code"].str.len() == 2].set_index("code")["construction"]
    assert first_level[[f"{c:02d}" for c in range(7, 17)]].eq(1).all()
    assert first_level[[f"{c:02d}" for c in list(range(1, 7)) + list(range(17, 25))]].eq(0).all()
    for scheme in lc.SCHEMES:
        assert table.loc[table["scheme"] == scheme, "lu_group"].notna().all()


@pytest.mark.parametrize("name", ["carbon_pools.csv", "curve_numbers.csv"])
def test_land_covers_are_the_shipped_tables_lucodes(name):
    shipped = pd.read_csv(os.path.join(REPO, "resources", "factors", name), comment="#", dtype=str)
    classes = dict(zip(shipped["lucode"].astype(int), shipped["class"]))
    frame = pd.read_csv(CROSSWALK, comment="#", dtype=str, keep_default_na=False)
    covered = frame[frame["lucode"] != ""]
    assert {int(c): k for c, k in zip(covered["lucode"], covered["cover"])}.items() <= classes.items()
    assert (frame.loc[frame["lucode"] == "", "cover"] == "").all()
    # every 用地用海 first-level class has a land cover
    ydyh = frame[(frame["scheme"] == "ydyh") & (frame["code"].str.len() == 2)]
    assert len(ydyh) == 24 and (ydyh["lucode"] != "").all()


def test_every_row_points_to_a_2023_class_the_table_knows(table):
    ydyh = list(table.loc[table["scheme"] == lc.YDYH, "code"])
    targets = table.loc[table["scheme"] != lc.YDYH, "ydyh_code"].dropna()
    found = lc.longest_prefix_rows(targets.to_numpy(dtype=object), ydyh)
    assert (found >= 0).all(), list(targets[found < 0])


def test_bad_tables_are_refused(tmp_path):
    header = "scheme,code,ydyh_code,lu_group,construction,lucode\n"
    cases = {"ydyh,07,07,residential,1,1\nabc,R,07,residential,1,1\n": "crosswalk_bad_scheme",
             "ydyh,07,07,residential,1,1.5\n": "crosswalk_bad_value",
             "ydyh,07,07,residential,2,1\n": "crosswalk_bad_value",
             "ydyh,07,07,residential,1,1\nydyh,0007,07,residential,1,1\n": None,
             "ydyh,07,07,residential,1,1\nydyh,7,07,residential,1,1\n": "table_duplicate_key"}
    for body, kind in cases.items():
        path = tmp_path / "crosswalk.csv"
        path.write_text(header + body, encoding="utf-8")
        if kind is None:
            assert len(lc.read_crosswalk(str(path))) == 2
            continue
        with pytest.raises(InputError) as err:
            lc.read_crosswalk(str(path))
        assert err.value.kind == kind, body
        assert err.value.params["line"] == 3 or kind != "crosswalk_bad_scheme"
