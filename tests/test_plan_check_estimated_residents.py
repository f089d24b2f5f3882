"""Residents estimated as lcr:prepare_osm estimates them (residents_est = 1 on every building: floor area / 40 m²,
OSM has no residents) reach the master plan check: every per-resident rule of a unit whose residents are mostly
estimated is "estimated" (no verdict, counted under n_est and named in the report), in the check and in its model;
the coverage shares (estimated residents over estimated residents) keep their verdicts; and the same buildings
with residents_est = 0 are judged exactly as the demo district without the field."""
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from osgeo import ogr

REPO = Path(__file__).resolve().parents[1]
DISTRICT = REPO / "resources" / "sample_data" / "demo_district.gpkg"
sys.path.insert(0, str(REPO / "scripts"))

# The master profile's rules on an amount per resident (m²/person, places per 100, t/person): the residents are
# their divisor. The coverage shares (park_cov_pct, full_pct, rail_pct) are not among them.
PER_RESIDENT = ["CN_M_PARK_GREEN_PC", "CN_M_COMP_PARK_PC", "CN_M_COMM_PARK_PC", "CN_M_SHELTER_PC",
                "CN_M_SHELTER_CAP", "CN_M_CO2_PC"]
COUNTS = ["verdict", "n_pass", "n_fail", "n_na", "n_est"]


def flagged(folder, value):
    """A copy of the demo district whose buildings carry residents_est = ``value``."""
    folder.mkdir()
    copy = folder / "district.gpkg"
    shutil.copy(DISTRICT, copy)
    source = ogr.Open(str(copy), 1)
    source.ExecuteSQL("ALTER TABLE buildings ADD COLUMN residents_est INTEGER")
    source.ExecuteSQL(f"UPDATE buildings SET residents_est = {value}")
    source = None
    return copy


@pytest.fixture(scope="module")
def checks(lcr, tmp_path_factory):
    from batch_check import run_model

    folder = tmp_path_factory.mktemp("estimated")
    out = {}
    districts = {"plain": DISTRICT, "est0": flagged(folder / "est0", 0), "est1": flagged(folder / "est1", 1)}
    for key, gpkg in districts.items():
        out[key] = run_model("lcr:master_plan_check", str(gpkg), str(folder / f"master_{key}"))
    out["est1_model"] = run_model("lcr:master_plan_check_model", str(folder / "est1" / "district.gpkg"),
                                  str(folder / "model_est1"))
    return out


def rules(result):
    return pd.read_csv(result["check:rules"]).set_index("rule_id")


def units(result, key="unit_id"):
    path, layer = result["check:planning_check"].split("|layername=")
    source = ogr.Open(path)
    return pd.DataFrame([f.items() for f in source.GetLayerByName(layer)]).set_index(key)


def test_estimated_residents_give_no_per_resident_verdict(checks):
    plain, estimated = rules(checks["plain"]), rules(checks["est1"])
    # The demo district's 4 units with residents are judged on every per-resident rule; flagged, none is, and
    # all 4 count as estimated (the other 2 have no residents: not assessed either way).
    assert (plain.loc[PER_RESIDENT, "n_pass"] + plain.loc[PER_RESIDENT, "n_fail"] == 4).all()
    assert (plain.loc[PER_RESIDENT, "n_est"] == 0).all()
    assert (estimated.loc[PER_RESIDENT, "verdict"] == "estimated").all()
    assert (estimated.loc[PER_RESIDENT, "n_est"] == 4).all()
    assert (estimated.loc[PER_RESIDENT, "n_pass"] + estimated.loc[PER_RESIDENT, "n_fail"] == 0).all()
    # every other rule, the coverage shares among them, keeps its verdicts
    others = plain.index.drop(PER_RESIDENT)
    assert {"CN_M_PARK_COV", "CN_M_LC15_COV", "CN_M_RAIL800_COV"} <= set(others)
    pd.testing.assert_frame_equal(estimated.loc[others, COUNTS], plain.loc[others, COUNTS])
    # per unit: the flags the steps wrote are what the check read
    checked = units(checks["est1"])
    housed = checked["pop"] > 0
    for field in ("park_green_m2_pc_est", "comp_park_m2_pc_est", "comm_park_m2_pc_est", "shelter_cap_pct_est",
                  "shelter_m2_cap_est", "pop_est"):
        assert checked.loc[housed, field].tolist() == [1] * 4, field
        assert checked.loc[~housed, field].tolist() == [0] * 2, field
    assert (checked["full_pct_est"] == 0).all()   # the demo's facility types are data
    # the report names each of them among the rules resting on estimates
    page = Path(checks["est1"]["report:report_html"]).read_text(encoding="utf-8")
    section = page[page.index("Rules with values from shipped defaults"):]
    for rule in PER_RESIDENT:
        assert rule in section, rule


def test_unflagged_residents_are_judged_as_without_the_field(checks):
    pd.testing.assert_frame_equal(rules(checks["est0"]), rules(checks["plain"]))
    plain, est0 = units(checks["plain"]), units(checks["est0"])
    verdicts = [c for c in plain.columns if c.startswith("r_")] + ["score", "n_pass", "n_fail", "n_na", "n_est",
                                                                   "verdict"]
    pd.testing.assert_frame_equal(est0[verdicts], plain[verdicts])


def test_the_model_flags_the_same_rules(checks):
    pd.testing.assert_frame_equal(rules(checks["est1_model"])[COUNTS], rules(checks["est1"])[COUNTS])


@pytest.fixture(scope="module")
def detailed(lcr, tmp_path_factory):
    """The detailed check of the demo district, and of a copy whose parcels' residents are all estimated and whose
    facility types are all guesses (residents_est and type_est of lcr:prepare_osm), in the check and its model."""
    from batch_check import run_model

    folder = tmp_path_factory.mktemp("estimated_detailed")
    copy = folder / "district.gpkg"
    shutil.copy(DISTRICT, copy)
    source = ogr.Open(str(copy), 1)
    for table, field in (("parcels", "residents_est"), ("facilities", "type_est")):
        source.ExecuteSQL(f"ALTER TABLE {table} ADD COLUMN {field} INTEGER")
        source.ExecuteSQL(f"UPDATE {table} SET {field} = 1")
    source = None
    return {"plain": run_model("lcr:detailed_plan_check", str(DISTRICT), str(folder / "plain")),
            "est": run_model("lcr:detailed_plan_check", str(copy), str(folder / "est")),
            "model": run_model("lcr:detailed_plan_check_model", str(copy), str(folder / "model"))}


def test_detailed_check_flags_public_green_and_guessed_life_circles(detailed):
    plain, estimated = rules(detailed["plain"]), rules(detailed["est"])
    judged = plain.loc["CN_D_PUB_GREEN_15", "n_pass"] + plain.loc["CN_D_PUB_GREEN_15", "n_fail"]
    assert judged > 0
    assert estimated.loc["CN_D_PUB_GREEN_15", ["verdict", "n_pass", "n_fail", "n_est"]].tolist() == \
        ["estimated", 0, 0, judged]
    # Every facility is a guess, so a home rests on one wherever it reaches any type: a parcel where more than
    # half of the residents reach some one type (pct_<type> > 50) is flagged whatever else holds. In the demo
    # that is every one of the 131 residential parcels judged without the flags.
    lc_plain, lc_est = plain.loc["CN_D_LC_COMPLETE"], estimated.loc["CN_D_LC_COMPLETE"]
    assert lc_plain["n_pass"] + lc_plain["n_fail"] == 131
    assert lc_est[["verdict", "n_pass", "n_fail", "n_est"]].tolist() == ["estimated", 0, 0, 131]
    parcels = units(detailed["est"], "parcel_id")
    reach_most = parcels.filter(like="pct_").max(axis=1) > 50
    assert (parcels.loc[reach_most, "lc_score_est"] == 1).all()
    # here the flagged parcels are exactly those (143, the 131 residential among them): none is flagged by
    # residents spread over several types without a majority on one
    assert ((parcels["lc_score_est"] == 1) == reach_most).all() and reach_most.sum() == 143
    assert (parcels["lc_score_est"] == parcels["full_pct_est"]).all()
    others = plain.index.drop(["CN_D_PUB_GREEN_15", "CN_D_LC_COMPLETE"])
    pd.testing.assert_frame_equal(estimated.loc[others, COUNTS], plain.loc[others, COUNTS])
    pd.testing.assert_frame_equal(rules(detailed["model"])[COUNTS], estimated[COUNTS])
