"""Bad-input cases of the plan-measure tools (lcr:site_facilities, lcr:size_lid, lcr:carbon_measures).
Imported by cases.py, whose helpers they use; kept apart to keep that module's size in hand."""
from .build import X0, Y0, bow_tie, rect, square
from .cases import (
    COUNT_NUMBERS, CRS_REL, DISJOINT, LID, all_of, as_points, as_polygons, at, case, chinese, crs_cases, emptied,
    expect, geometry_of, moved, numbers, register, setting, table_cases, text_copy, value_cases, warned,
)

# ==== lcr:site_facilities ===================================================================================
# Homes a–f (10 residents) at x = 0, 100, …, 500; candidates C0 (x = 250, 070101) reaching b–e, C1 (100, 0702)
# reaching a–c, C2 (400, 0801) reaching d–f, C3 (250, 1001, not eligible); 160 m in straight lines, 100 %.
# The fewest: C1 and C2, 30 residents each; the greedy would take three.
def sf_scene(d):
    return {"INPUT": d.layer("homes", "Polygon", "name:str,residents:real",
                             [(square(*at(x, 0)), [n, 10]) for x, n in zip(range(0, 600, 100), "abcdef")]),
            "CANDIDATES": d.layer("candidates", "Point", "name:str,lu:str", [
                ("POINT({} {})".format(*at(x, 0)), [n, code])
                for n, x, code in (("C0", 250, "070101"), ("C1", 100, "0702"), ("C2", 400, "0801"),
                                   ("C3", 250, "1001"))]),
            "POPULATION_FIELD": "residents", "LANDUSE_FIELD": "lu", "ELIGIBLE_CODES": "0701,0702,0801",
            "FACILITY_TYPE": "kindergarten", "DISTANCE": 160, "TARGET_PCT": 100, "OUTPUT": "TEMPORARY_OUTPUT"}

def sf_expect(sites=2, after=100.0, rel=1e-6, pops=None):
    fields = {"new_pop": pops} if pops else None
    return expect(fields, {"SITES_PROPOSED": sites, "COVERAGE_AFTER": after, "COVERAGE_BEFORE": 0.0}, rel=rel)

SF_BASE = sf_expect(pops={"C1": 30.0, "C2": 30.0})
SF_TABLE = "fac_type,circle,distance_m\nkindergarten,5,300\nclinic,10,500\n"

register("site_facilities", sf_scene, [
    case("base", "none (control)", check=SF_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["homes"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["homes"]),
    # Without f (or with f at 0 residents) a–e need two sites still (C1 and C0 or C2).
    case("null_geometry", "null geometry", geometry_of("INPUT", 6, None), skipped=1, check=sf_expect()),
    case("empty_geometry", "empty geometry", geometry_of("INPUT", 6, "POLYGON EMPTY"), skipped=1, check=sf_expect()),
    # f drawn as a bow-tie over its square: repaired, still reached from C2
    case("bow_tie", "invalid geometry", geometry_of("INPUT", 6, bow_tie(*at(495, -5))), skipped=1, check=SF_BASE),
    *crs_cases(sf_expect(rel=CRS_REL, pops={"C1": 30.0, "C2": 30.0}), ["homes"], mixed=["CANDIDATES"]),
    *value_cases("INPUT", 6, "residents", sf_expect(), numbers=COUNT_NUMBERS),
    case("candidates_as_parcels", "candidates as parcels", as_polygons(["CANDIDATES"]), check=SF_BASE),
    case("candidates_empty_layer", "empty layer", emptied(["CANDIDATES"]), names=["candidates"]),
    # Without C1 nothing reaches a: at most 50 of 60 (83.3 %), by C0 and C2.
    case("candidates_null_geometry", "null geometry", geometry_of("CANDIDATES", 2, None), skipped=1,
         check=sf_expect(2, 100 * 50 / 60)),
    case("candidates_disjoint", "disjoint extents", moved(["CANDIDATES"]),
         check=all_of(sf_expect(0, 0.0), warned(*DISJOINT))),
    case("missing_field", "missing field", setting(POPULATION_FIELD="pop"), names=["pop"]),
    case("landuse_missing_field", "missing field", setting(LANDUSE_FIELD="landuse"), names=["landuse"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "residents", "POPULATION_FIELD"),
         names=["as_text"], check=SF_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("INPUT", "居民"), "LANDUSE_FIELD": ("CANDIDATES", "用地")}), check=SF_BASE),
    case("facility_type_unknown", "bad parameter", setting(FACILITY_TYPE="swimming pool"), names=["swimming pool"]),
    *table_cases("FACILITY_TABLE", SF_TABLE, "distance_m", prefix="facility_table", check=SF_BASE),
    case("time_limit_tiny", "extreme parameter", setting(TIME_LIMIT=0.1), check=SF_BASE),
    # Shelters by capacity need an effective area: candidate points without an area field are refused.
    case("shelter_points_without_area", "missing field", setting(FACILITY_TYPE="shelter"), names=["candidates"]),
], nonnegative=["new_pop", "rank", "SITES_PROPOSED", "COVERAGE_BEFORE", "COVERAGE_AFTER", "GAP"])

# ==== lcr:size_lid ==========================================================================================
# A: 1 ha, green 0.35 (ψ 0.605), 25 mm: need 151.25 m³, 100 m² of bioretention there (20 m³), roof 4 000 m²:
#    add 500 m² of bioretention and 625 m² of green roof (20 % of the roof is room) = 131.25 m³.
# B: 1 000 m², green 0, roof 950: need 21.25 m³, room for 10.95 m³ (5 m² bio, 15 m² paving, 190 m² green roof):
#    10.3 m³ short.
def sl_scene(d):
    return {"INPUT": d.layer("parcels", "Polygon", "name:str,green:real,roof:real,bio:real", [
        (rect(X0, Y0, 100, 100), ["A", 0.35, 4000, 100]), (rect(X0 + 200, Y0, 50, 20), ["B", 0.0, 950, None])]),
        "GREEN_RATIO_FIELD": "green", "ROOF_FIELD": "roof", "BIORETENTION_FIELD": "bio", "DESIGN_RAINFALL_MM": 25,
        "GREEN_ROOF_SHARE": 0.2, "OUTPUT": "TEMPORARY_OUTPUT"}

def sl_expect(b_short=10.3, rel=1e-6):
    left_out = b_short is None
    return expect({"add_m3": {"A": 131.25, "B": None if left_out else 10.95},
                   "short_m3": {"A": 0.0, "B": b_short}},
                  {"PARCELS_SHORT": 0 if left_out else 1, "TOTAL_SHORT_M3": 0.0 if left_out else b_short,
                   "TOTAL_ADDED_M3": 131.25 + (0.0 if left_out else 10.95)}, rel=rel)

SL_BASE = sl_expect()
SL_B_LEFT_OUT = sl_expect(None)

register("size_lid", sl_scene, [
    case("base", "none (control)", check=SL_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["parcels"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["parcels"]),
    case("null_geometry", "null geometry", geometry_of("INPUT", 2, None), skipped=1, check=SL_B_LEFT_OUT),
    case("empty_geometry", "empty geometry", geometry_of("INPUT", 2, "POLYGON EMPTY"), skipped=1,
         check=SL_B_LEFT_OUT),
    # B (50 m × 20 m at X0 + 200) as a 50 m bow-tie: repaired to 1 250 m², green 0, roof 950; flagged short, whatever
    # it still needs, and A unchanged
    case("bow_tie", "invalid geometry", geometry_of("INPUT", 2, bow_tie(X0 + 200, Y0, 50)), skipped=1,
         check=expect({"add_m3": {"A": 131.25}, "short_m3": {"A": 0.0}}, {"PARCELS_SHORT": 1})),
    *crs_cases(sl_expect(rel=CRS_REL), ["parcels"]),
    *value_cases("INPUT", 2, "green", SL_B_LEFT_OUT, prefix="green_ratio"),
    case("missing_field", "missing field", setting(ROOF_FIELD="roof_m2"), names=["roof_m2"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "green", "GREEN_RATIO_FIELD"), names=["as_text"],
         check=SL_BASE),
    case("chinese_names", "Chinese paths and names", chinese({"GREEN_RATIO_FIELD": ("INPUT", "绿地率")}),
         check=SL_BASE),
    *table_cases("LID_TABLE", LID, "storage_m3_per_unit", prefix="lid_table", check=SL_BASE),
    case("design_rainfall_1e308", "extreme parameter", setting(DESIGN_RAINFALL_MM=1e308), names=["ainfall"]),
    case("least_cost_without_costs", "bad parameter", setting(OBJECTIVE=1), names=["cost_per_unit"]),
    case("tank_depth_0", "extreme parameter", setting(TANK_SHARE=0.5, TANK_DEPTH_M=0.0), check=SL_BASE),
], nonnegative=["need_m3", "prov_m3", "add_m3", "add_bio_m2", "add_pave_m2", "add_groof_m2", "add_tank_m3",
                "lid_bio_m2", "lid_pave_m2", "lid_groof_m2", "lid_tank_m3", "add_area_m2", "short_m3", "on_site",
                "PARCELS_SHORT", "TOTAL_ADDED_M3", "TOTAL_SHORT_M3", "DESIGN_MM"])

# ==== lcr:carbon_measures ===================================================================================
# Units U (gap 6 t), V (gap 10 t), W (−3 t). In U, building a: PV 5 t (capped at demand) at 600 per t, retrofit
# 5 t at 5 000; b: PV 5 t at 1 200, retrofit 2.5 t at 4 000 → U takes 5 + 1 t of PV for 4 200. In V, c's retrofit
# 1 t at 2 500 and the 1 ha park's planting 7.19 t at 80 000 / 7.19: 8.19 t for 82 500, 1.81 t left.
CM_FIELDS = "name:str,co2_t_yr:real,gfa_m2:real,energy_kwh:real,roof_m2:real,pv_kwh_yr:real,pv_co2_t:real"

def cm_scene(d):
    return {"INPUT": d.layer("units", "Polygon", "name:str,target_gap_t:real", [
        (rect(X0, Y0, 100, 100), ["U", 6.0]), (rect(X0 + 200, Y0, 200, 100), ["V", 10.0]),
        (rect(X0 + 500, Y0, 100, 100), ["W", -3.0])]),
        "BUILDINGS": d.layer("buildings", "Polygon", CM_FIELDS, [
            (rect(X0 + 10, Y0 + 10, 10, 10), ["a", 20.0, 1000.0, 10000.0, 100.0, 20000.0, 10.0]),
            (rect(X0 + 50, Y0 + 50, 10, 10), ["b", 10.0, 400.0, 50000.0, 100.0, 10000.0, 5.0]),
            (rect(X0 + 210, Y0 + 10, 10, 10), ["c", 4.0, 100.0, 0.0, 0.0, 0.0, 0.0])]),
        "GREEN": d.layer("green", "Polygon", "name:str", [(rect(X0 + 300, Y0, 100, 100), ["park"])]),
        "GAP_FIELD": "target_gap_t", "OUTPUT": "TEMPORARY_OUTPUT"}

def cm_expect(u=(6.0, 0.0), v_green=7.19, rel=1e-6, abs_tol=1e-6, over=2):
    v_left = 10.0 - 1.0 - v_green
    return expect({"pv_t": {"U": u[0], "V": 0.0}, "retro_t": {"U": u[1], "V": 1.0}, "green_t": {"V": v_green},
                   "left_t": {"U": 0.0, "V": v_left}},
                  {"UNITS_OVER": over, "UNITS_LEFT": 1}, rel=rel, abs_tol=abs_tol)

CM_BASE = cm_expect()

register("carbon_measures", cm_scene, [
    case("base", "none (control)", check=all_of(CM_BASE, expect(results={"TOTAL_COST": 86700.0}))),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["units"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["units"]),
    *crs_cases(cm_expect(rel=CRS_REL, abs_tol=0.05), ["units"], mixed=["GREEN"]),
    # A gap that is no number: U gets nothing and is counted.
    *value_cases("INPUT", 1, "target_gap_t", expect({"pv_t": {"U": 0.0}, "left_t": {"U": None}},
                                                    {"UNITS_OVER": 1, "UNITS_LEFT": 1}),
                 prefix="gap", numbers=numbers("inf", "nan", "1e308")),
    # Without a, U takes b's 5 t of PV and 1 t of its retrofit.
    case("buildings_null_geometry", "null geometry", geometry_of("BUILDINGS", 1, None), skipped=1,
         check=cm_expect(u=(5.0, 1.0))),
    case("buildings_empty_geometry", "empty geometry", geometry_of("BUILDINGS", 1, "POLYGON EMPTY"), skipped=1,
         check=cm_expect(u=(5.0, 1.0))),
    # the 1 ha park as a bow-tie: repaired to two triangles of 0.25 ha each, 0.5 ha × 7.19 t
    case("green_bow_tie", "invalid geometry", geometry_of("GREEN", 1, bow_tie(X0 + 300, Y0, 100)), skipped=1,
         check=cm_expect(v_green=3.595)),
    case("green_disjoint", "disjoint extents", moved(["GREEN"]),
         check=all_of(cm_expect(v_green=0.0), warned(*DISJOINT))),
    case("missing_field", "missing field", setting(GAP_FIELD="gap"), names=["gap"]),
    case("chinese_names", "Chinese paths and names", chinese({"GAP_FIELD": ("INPUT", "目标缺口")}), check=CM_BASE),
    case("savings_bad", "bad parameter", setting(RETROFIT_SAVINGS_BY_USE="office:2"), names=["office:2"]),
], nonnegative=["pv_t", "retro_t", "green_t", "cost_yr", "left_t", "closes", "UNITS_OVER", "UNITS_LEFT",
                "TOTAL_COST"])
