"""The shipped rules and factor tables as a review panel reads them: every row names its source (and year,
status); the detailed-plan rules say which land uses they are for; the grid factors cover every region in
2021 and the pilot provinces in 2021 and 2022."""
import glob
import os
import re

import pandas as pd
import pytest

from lcr_toolkit.core import profiles, tables

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILES = sorted(glob.glob(os.path.join(REPO, "resources", "profiles", "*.csv")))
CLASS_TABLES = sorted(glob.glob(os.path.join(REPO, "resources", "profiles", "tables", "*.csv")))
FACTORS = sorted(glob.glob(os.path.join(REPO, "resources", "factors", "*.csv")))
GRID = os.path.join(REPO, "resources", "factors", "grid_factors.csv")
# Land that is not construction land: 用地用海分类 2023 first-level codes 01–06 (farmland, garden, forest, grass,
# wetland, agricultural facilities), 17 (land water), 18–22 (sea uses), 23 (other); GB 50137-2011 E (non-urban).
NOT_CONSTRUCTION = ["0101", "010101", "0201", "0301", "0401", "0501", "0601", "1701", "1702", "1801", "2201", "2301",
                    "E1", "E2", "E9"]
PILOT_PROVINCES = ["shanghai", "zhejiang", "jiangsu", "shaanxi", "hebei", "fujian"]


def read(path):
    return pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)


def test_no_file_cites_notes_the_user_does_not_have():
    """Sources are public documents: no citation of the team's internal notes (the domain notes and the
    fact check), and no value left as 'recalled'."""
    internal = re.compile("DOM" + r"AIN(\.md)?\b|FACT" + "CHECK")
    shipped = [path for pattern in ("resources/**/*.csv", "algorithms/*.py", "core/*.py", "ui/**/*.py", "README.md")
               for path in glob.glob(os.path.join(REPO, pattern), recursive=True)]
    assert len(shipped) > 60
    for path in shipped:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        assert not internal.search(text), path
        if "/resources/" in path:
            assert "recalled" not in text.lower(), path


@pytest.mark.parametrize("path", PROFILES, ids=os.path.basename)
def test_every_rule_names_source_clause_and_status(path):
    profile = profiles.load_profile(path)
    for rule in profile.itertuples():
        assert len(rule.source) >= 10 and rule.clause, rule.rule_id
        assert rule.status in ("verified", "unverified"), rule.rule_id
        # a verified rule names the document it was read in (a standard, law, guide, paper or notice)
        if rule.status == "verified":
            assert re.search(r"GB|国办发|Regulation|Konijnendijk|Roo|Covenant", rule.source), rule.rule_id


@pytest.mark.parametrize("path", PROFILES, ids=os.path.basename)
def test_every_detailed_rule_says_which_land_uses_it_is_for(path):
    """Water, rivers, farmland and forest parcels must not fail a building, shelter, flood, life-circle, PV or
    sponge rule: every detailed-plan rule has applies_to, and none covers land that is not construction land."""
    profile = profiles.load_profile(path)
    detailed = profile[profile["level"] == "detailed"]
    assert (detailed["applies_to"] != "").all(), list(detailed.loc[detailed["applies_to"] == "", "rule_id"])
    scope = profiles.rule_scope(detailed, NOT_CONSTRUCTION)
    assert (scope.to_numpy() == 0).all(), {rule: [c for c, s in zip(NOT_CONSTRUCTION, scope[rule]) if s]
                                           for rule in scope.columns if scope[rule].any()}
    # and each profile explains its choices in its comment lines
    with open(path, encoding="utf-8") as handle:
        comments = [line for line in handle if line.startswith("#")]
    assert any("applies_to" in line for line in comments)


def test_residential_rules_cover_urban_housing_only():
    detailed = profiles.load_profile(os.path.join(REPO, "resources", "profiles", "cn_detailed.csv"))
    scope = profiles.rule_scope(detailed, ["0701", "070102", "R2", "0703", "0801", "1001", "1401", "1601"])
    for rule in ("CN_D_FAR_RES", "CN_D_GREEN_RATIO", "CN_D_LC_COMPLETE", "CN_D_PUB_GREEN_15"):
        assert scope[rule].tolist() == [1, 1, 1, 0, 0, 0, 0, 0], rule
    # shelters are for the people who live or work on the land; parks (14) are shelters themselves
    assert scope["CN_D_SHELTER_REACH"].tolist() == [1, 1, 1, 1, 1, 1, 0, 0]
    # flood exposure and PV: built land, not green space or reserved land
    assert scope["CN_D_FLOOD_FREE"].tolist() == scope["CN_D_PV_SHARE"].tolist() == [1, 1, 1, 1, 1, 1, 0, 0]
    # sponge-city targets: all construction land, green space and reserved land included
    assert scope["CN_D_RUNOFF_CTRL"].tolist() == scope["CN_D_RETENTION"].tolist() == [1] * 8


@pytest.mark.parametrize("path", FACTORS + CLASS_TABLES, ids=os.path.basename)
def test_every_factor_row_names_source_year_and_status(path):
    frame = read(path)
    status = "verified" if "verified" in frame.columns else "status"
    assert (frame["source"].str.len() >= 10).all(), path
    assert frame[status].isin(["yes", "no", "verified", "unverified"]).all(), path
    if "year" in frame.columns:
        assert frame["year"].str.fullmatch(r"(19|20)\d\d").all(), path
    else:
        assert "clause" in frame.columns, path        # a class table cites the standard's clause instead


# ---- grid factors -------------------------------------------------------------------------------
def test_grid_factors_cover_every_region_in_2021_and_the_pilot_provinces():
    from lcr_toolkit.algorithms.base import LcrAlgorithm

    table = tables.read_grid_factors(GRID)
    for region in LcrAlgorithm.GRID_REGIONS:
        factor, row = tables.grid_factor(table, region, 2021)
        assert 0.1 < factor < 1.0 and row["source"].startswith("关于发布2021年电力二氧化碳排放因子的公告"), region
    found = table.set_index(["region", "year"])["kgco2_per_kwh"]
    # Spot values: MEE/NBS 2021 and 2022 factors of the pilot provinces and the 2021 regions
    expected = {("shanghai", 2021): 0.5834, ("shanghai", 2022): 0.5849, ("zhejiang", 2021): 0.5422,
                ("zhejiang", 2022): 0.5153, ("jiangsu", 2021): 0.6451, ("jiangsu", 2022): 0.5978,
                ("shaanxi", 2021): 0.6336, ("shaanxi", 2022): 0.6558, ("hebei", 2021): 0.7901,
                ("hebei", 2022): 0.7252, ("fujian", 2021): 0.4711, ("fujian", 2022): 0.4092,
                ("national_excl_market", 2021): 0.5942, ("north_china", 2021): 0.7120, ("north_east", 2021): 0.6012,
                ("east_china", 2021): 0.5992, ("central", 2021): 0.5354, ("north_west", 2021): 0.5951,
                ("south", 2021): 0.4326, ("south_west", 2021): 0.2113}
    assert {key: found[key] for key in expected} == expected
    assert not table.duplicated(["region", "year"]).any()
    # a value seen only in a third-party data file stays unverified; the reported ones are verified
    status = table.set_index(["region", "year"])["verified"]
    assert status[("fujian", 2022)] == status[("hebei", 2022)] == status[("national", 2021)] == "yes"
    assert (status.loc[[(p, 2021) for p in PILOT_PROVINCES]] == "no").all()
    assert status[("east_china", 2021)] == status[("shanghai", 2022)] == "no"


def test_grid_regions_are_only_appended(provider):
    """Saved models store the region's index: the first twelve keep their places."""
    from lcr_toolkit.algorithms.base import LcrAlgorithm

    regions = LcrAlgorithm.GRID_REGIONS
    assert regions[:12] == ("national", "north_china", "north_east", "east_china", "central", "north_west",
                            "south", "south_west", "national_excl_market", "national_fossil", "hebei", "fujian")
    assert set(PILOT_PROVINCES) <= set(regions)
    names = LcrAlgorithm().grid_region_names()
    assert len(names) == len(regions) == len(set(names))
    table = read(GRID)
    english = dict(zip(table["region"], table["region_en"]))
    for region, name in zip(regions[10:], names[10:]):
        assert name == english[region], region


def test_the_models_offer_every_grid_region(provider):
    """The ready-made models store the grid region as an index into their own option list: it must list
    every region, in the algorithms' order (the wizard passes GRID_REGIONS indices)."""
    import xml.etree.ElementTree as ET

    from lcr_toolkit.algorithms.base import LcrAlgorithm

    names = LcrAlgorithm().grid_region_names()
    models = glob.glob(os.path.join(REPO, "resources", "models", "*.model3"))
    checked = 0
    for path in models:
        for parameter in ET.parse(path).getroot().iter("Option"):
            options = [o for o in parameter if o.get("name") == "options"]
            if parameter.get("name") == "grid_region" and options:      # the parameter's definition
                assert [o.get("value") for o in options[0]] == names, path
                checked += 1
    assert checked >= 2
