"""A field map names fields as they are: spaces kept ("park area", "绿地 面积"); items split on semicolons where
there are any (so a name may hold a comma), else on commas, full-width ones too."""
import pytest

from lcr_toolkit.core import profiles


@pytest.mark.parametrize("text, expected", [
    ("CN_M_PARK_GREEN_PC=park area, CN_M_SHELTER_PC=绿地 面积",
     {"CN_M_PARK_GREEN_PC": "park area", "CN_M_SHELTER_PC": "绿地 面积"}),
    ("CN_M_PARK_GREEN_PC=park area；CN_M_SHELTER_PC=面积,公顷", {"CN_M_PARK_GREEN_PC": "park area",
                                                             "CN_M_SHELTER_PC": "面积,公顷"}),
    ("CN_M_PARK_GREEN_PC = park area [m2/person]; ", {"CN_M_PARK_GREEN_PC": "park area"}),
    ("CN_M_PARK_GREEN_PC=公园 面积，CN_M_SHELTER_PC=避难 面积", {"CN_M_PARK_GREEN_PC": "公园 面积",
                                                           "CN_M_SHELTER_PC": "避难 面积"}),
])
def test_field_map_keeps_spaces_and_splits_on_semicolons_or_commas(text, expected):
    assert profiles.parse_field_map(text, ["CN_M_PARK_GREEN_PC", "CN_M_SHELTER_PC"]) == expected
