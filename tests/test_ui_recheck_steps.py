"""The wiring of the re-check's steps that is plain bookkeeping: which parcels a rule judges, and what a
siting run found per unit (read from its coverage table)."""
import sqlite3

from lcr_toolkit.ui.wizard.recheck_steps import judged, site_outcomes, type_target


def test_the_parcels_a_rule_judges_by_its_verdict_field():
    rows = [("CN_D_LC_COMPLETE", "lc_score", "fail", 1.0), ("CN_D_SHELTER_REACH", "shelter_m", "fail", 500.0),
            ("A_VERY_LONG_RULE_ID_1", "shelter_m", "pass", 300.0), ("A_VERY_LONG_RULE_ID_2", "shelter_m", "pass", 3.0)]
    assert judged(rows, "lc_score") == '"r_cn_d_lc_complete" IS NOT NULL'
    # every shelter rule; the field names are those the check writes (cut to 20 characters, the second of two
    # equal names ending in _2)
    assert judged(rows, "shelter_m") == ('"r_cn_d_shelter_reach" IS NOT NULL OR "r_a_very_long_rule_i" IS NOT NULL OR '
                                         '"r_a_very_long_rule_2" IS NOT NULL')
    assert judged(rows, "pv_share") == ""
    # the detailed life-circle rule asks every type of every resident: 100 % a type, whatever the number of types
    assert type_target(100.0, 8) == 100.0


def test_what_each_siting_found(tmp_path):
    gpkg = tmp_path / "measures.gpkg"
    with sqlite3.connect(gpkg) as db:
        db.execute("CREATE TABLE coverage_kindergarten (pop REAL, target_pct REAL, max_pct REAL, cov_after REAL)")
        # a unit without residents is left out; one no site can bring to 100 %; one below after (the best k)
        db.executemany("INSERT INTO coverage_kindergarten VALUES (?, ?, ?, ?)",
                       [(0, 100, None, None), (120, 100, 47.6, 47.6), (80, 100, 100, 100), (50, 100, 100, 90)])
        db.execute("CREATE TABLE coverage_shelter (pop REAL, target_pct REAL, max_pct REAL, cov_after REAL)")
        db.execute("INSERT INTO coverage_shelter VALUES (1, 100, 100, 100)")
    done = {"apply": ({}, {}), "site_kindergarten": ({}, {"SITES_PROPOSED": 3}), "site_shelter": ({}, {"SITES_PROPOSED": 1})}
    assert site_outcomes(done, str(gpkg)) == [("kindergarten", 3, 100, 3, 1, 2), ("shelter", 1, 100, 1, 0, 0)]
