"""Bad-input cases of lcr:apply_measures and lcr:compare_checks. Imported by cases.py, whose helpers they use."""
from .build import X0, Y0, rect
from .cases import as_points, case, chinese, emptied, expect, register, setting

# ==== lcr:apply_measures ====================================================================================
# Parcels A (bio 5 m²), B (none), C (1 m²); the sizing gives A 12 m² of bioretention and 3 m² of paving, B 4 m² and
# 2 m² of green roof; C has no sizing and keeps its 1 m².
LID_FIELDS = "name:str,lid_bio_m2:real,lid_pave_m2:real,lid_groof_m2:real,lid_tank_m3:real"


def am_scene(d):
    return {"PARCELS": d.layer("parcels", "Polygon", "name:str,bio:real", [
        (rect(X0, Y0, 10, 10), ["A", 5.0]), (rect(X0 + 20, Y0, 10, 10), ["B", None]),
        (rect(X0 + 40, Y0, 10, 10), ["C", 1.0])]),
        "LID": d.layer("lid", "Polygon", LID_FIELDS, [(rect(X0, Y0, 10, 10), ["A", 12.0, 3.0, 0.0, 0.0]),
                                                      (rect(X0 + 20, Y0, 10, 10), ["B", 4.0, 0.0, 2.0, 0.0])]),
        "PARCEL_ID_FIELD": "name", "BIORETENTION_FIELD": "bio", "PARCELS_OUTPUT": "TEMPORARY_OUTPUT"}


AM_BASE = expect({"bio": {"A": 12.0, "B": 4.0, "C": 1.0}, "lid_pave_m2": {"A": 3.0}, "lid_groof_m2": {"B": 2.0}},
                 {"PARCELS_CHANGED": 2}, output="PARCELS_OUTPUT")


def duplicate_lid(d, params):
    return {**params, "LID": d.layer("lid_twice", "Polygon", LID_FIELDS, [
        (rect(X0, Y0, 10, 10), ["A", 12.0, 3.0, 0.0, 0.0]), (rect(X0, Y0, 10, 10), ["A", 4.0, 0.0, 2.0, 0.0])])}


register("apply_measures", am_scene, [
    case("base", "none (control)", check=AM_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["PARCELS"]), names=["parcels"]),
    case("empty_layer", "empty layer", emptied(["PARCELS"]), names=["parcels"]),
    case("missing_field", "missing field", setting(PARCEL_ID_FIELD="pid"), names=["pid"]),
    case("lid_not_sized", "wrong layer", lambda d, p: {**p, "LID": p["PARCELS"]}, names=["lid_bio_m2"]),
    case("duplicate_ids", "bad values", duplicate_lid, names=["“A”"]),
    case("nothing_to_apply", "bad parameter", setting(LID=None), names=["LID"]),
    case("chinese_names", "Chinese paths and names", chinese(), check=AM_BASE),
], nonnegative=["bio", "lid_pave_m2", "lid_groof_m2", "lid_tank_m3", "PARCELS_CHANGED"])

# ==== lcr:compare_checks ====================================================================================
# Rule R1: A fail → pass, B pass → fail, C n/a → fail; R2 only after (A pass, B n/a, C pass).
def cc_scene(d):
    return {"BEFORE": d.layer("before", "Polygon", "name:str,r_r1:int", [
        (rect(X0, Y0, 10, 10), ["A", 0]), (rect(X0 + 20, Y0, 10, 10), ["B", 1]),
        (rect(X0 + 40, Y0, 10, 10), ["C", None])]),
        "AFTER": d.layer("after", "Polygon", "name:str,r_r1:int,r_r2:int", [
            (rect(X0 + 40, Y0, 10, 10), ["C", 0, 1]), (rect(X0, Y0, 10, 10), ["A", 1, 1]),
            (rect(X0 + 20, Y0, 10, 10), ["B", 0, None])]),
        "ID_FIELD": "name", "OUTPUT": "TEMPORARY_OUTPUT"}


CC_BASE = expect({"pass_before": {"R1": 1, "R2": 0}, "fail_after": {"R1": 2, "R2": 0}, "na_after": {"R2": 1},
                  "fixed": {"R1": 1}, "broken": {"R1": 1}}, {"FIXED": 1, "BROKEN": 1, "FAILS_AFTER": 2},
                 key="rule_id")


def duplicate_before(d, params):
    return {**params, "BEFORE": d.layer("before_twice", "Polygon", "name:str,r_r1:int", [
        (rect(X0, Y0, 10, 10), ["A", 0]), (rect(X0 + 20, Y0, 10, 10), ["A", 1])])}


register("compare_checks", cc_scene, [
    case("base", "none (control)", check=CC_BASE),
    case("empty_layer", "empty layer", emptied(["BEFORE"]), names=["before"]),
    case("missing_field", "missing field", setting(ID_FIELD="pid"), names=["pid"]),
    case("duplicate_ids", "bad values", duplicate_before, names=["“A”"]),
    case("rules_not_a_rule_table", "wrong layer", lambda d, p: {**p, "RULES": p["BEFORE"]}, names=["rule_id"]),
    case("unknown_measure", "bad parameter", setting(MEASURES="carbon, solar"), names=["“solar”"]),
    case("chinese_names", "Chinese paths and names", chinese(), check=CC_BASE),
], nonnegative=["pass_before", "fail_before", "na_before", "pass_after", "fail_after", "na_after", "fixed",
                "broken", "FIXED", "BROKEN", "FAILS_BEFORE", "FAILS_AFTER"])
