"""Every algorithm and shipped model against each kind of bad input. The issue asks for zero crashes,
zero tracebacks and zero silently wrong results, and every input byte-identical after every run.

What each case feeds in and what a right result is lives in tests/bad_input/cases.py; the cases run in
worker processes (tests/bad_input/runner.py) so that a crash fails its case instead of pytest. EXPECTED
below is the one place that says how each case ends today. REFUSAL, SKIP (a counted skip) and OK are
right outcomes and are asserted as they are. A ``Today(...)`` entry is a failure as it happens today
(traceback, silently wrong, unclear refusal, or a refusal where the input must run), marked
xfail(strict=True) with what happens and where: when someone fixes it the test turns red (XPASS), and
the entry becomes the outcome the fix gives.

    pytest tests/test_bad_input.py -q                   (2 workers; LCR_BAD_INPUT_JOBS=n for more)
    .venv/bin/python scripts/bad_input_report.py        counts by outcome class (--list: the failures)
"""
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bad_input import runner  # noqa: E402
from bad_input.cases import CASES  # noqa: E402

REFUSAL, SKIP, OK = runner.REFUSAL, runner.SKIP, runner.OK
CRASH, TRACEBACK, SILENTLY_WRONG, UNCLEAR_REFUSAL = runner.CRASH, runner.TRACEBACK, runner.WRONG, runner.UNCLEAR
JOBS = int(os.environ.get("LCR_BAD_INPUT_JOBS", min(2, os.cpu_count() or 1)))


class Today:
    """A case that fails today: the class it ends in, what happens, and where (file:line)."""

    def __init__(self, outcome, what, where=""):
        self.outcome, self.what, self.where = outcome, what, where

    @property
    def reason(self):
        return f"today {self.outcome}: {self.what}" + (f" [{self.where}]" if self.where else "")


def wrong(what, where=""):
    return Today(SILENTLY_WRONG, what, where)


def tb(what, where=""):
    return Today(TRACEBACK, what, where)


def unclear(what, where=""):
    return Today(UNCLEAR_REFUSAL, what, where)


def refused(what, where=""):
    """A refusal where the input must run (the demo reprojected, say)."""
    return Today(REFUSAL, what, where)


def csv_inf(effect):
    return wrong(f"“inf” in a numeric table column passes the ≥ 0 check: {effect}", "core/tables.py:60")


# Causes shared by several algorithms.
MISLABELLED_AREA = tb(
    "ValueError: not a longitude/latitude: 572…, 3402… — metre coordinates labelled EPSG:4326 are taken as "
    "degrees to pick a UTM zone", "core/crs.py:19 < algorithms/base.py:347 (area_measure)")
MISLABELLED_DISTANCE = tb(
    "ValueError: not a longitude/latitude: 572…, 3402… — metre coordinates labelled EPSG:4326 are taken as "
    "degrees to pick a UTM zone", "core/crs.py:19 < algorithms/base.py:377 (distance_crs)")
CSV_0_BYTES = tb(
    "pandas.errors.EmptyDataError: No columns to parse from file — read_csv_table catches ParserError and "
    "UnicodeDecodeError, not EmptyDataError", "core/tables.py:46")
CSV_GBK = tb(
    "refused as “Cannot read the table …: 'utf-8' codec can't decode byte 0xd7 in position 2: invalid "
    "continuation byte”: Python's codec error, not a sentence saying the file is not UTF-8",
    "core/tables.py:48-49 (reason=str(exc))")
RESIDENTS_INF = wrong(
    "residents inf / 1e308 pass clean_population (only NaN and < 0 are replaced): coverage shares about 0 "
    "(or NaN, logged as “nan %”)", "algorithms/network_glue.py:118")

# Causes shared by several cases of one algorithm.
SPONGE_SHARES_UNNAMED = unclear(
    "“Shares must lie between 0 and 1; 1 parcels have values outside it, e.g. …” names neither the field “green” nor "
    "the layer",
    "algorithms/sponge_capture.py:148")
LANDUSE_RESIDENTS = wrong(
    "residents pass as they are: B's density_pph ±1.8e308 / 1e308 / −5 / −9999",
    "core/landuse.py:186")
CHECK_IMPOSSIBLE_FAR = wrong(
    "an impossible FAR (1e308, −5, nodata −9999/−999/9999) is assessed and fails; nothing says it is no FAR",
    "core/profiles.py:282 (evaluate)")
LANDUSE_FAR = wrong(
    "a FAR that is no FAR passes: B's far 1.8e304 / −2 / −4999 / 5000",
    "core/landuse.py:143 (LandUseTally.add)")
FLOOD_NEGATIVE_DEPTH = wrong(
    "a negative depth (−inf, −5, −9999, −999) is clipped to 0 without a word",
    "core/flood.py:25")
HABITAT_NO_HABITAT = wrong(
    "no habitat left: MEAN_HQ NaN, logged as “mean habitat quality nan”",
    "algorithms/habitat_fragmentation.py:239")
FLOOD_NEGATIVE_RESIDENTS = wrong(
    "negative residents pass: pop_exp −inf / −5 / −9999, EXPOSED_POPULATION below the truth",
    "core/flood.py:52")
BALANCE_SINK_INF = wrong(
    "a sink's seq_co2_t_yr of ±inf or 1e308 is shared out as is: both units' net ∓9e307",
    "core/balance.py:18 (apportion_by_area) < algorithms/carbon_balance.py:328")
FLOOD_BIG_DEPTH = wrong(
    "a depth of inf / 1e308 / 9999 m is taken as is: deep's depth_m inf / 1e308 / 9999, damage_fr 1.0; only NaN "
    "depths are left out",
    "core/flood.py:25; algorithms/flood_exposure.py:129")
SHELTER_CAPACITY = wrong(
    "a capacity of 1e308 is kept, −5 / −9999 replaced by area ÷ 2 m², all without a word",
    "core/shelter.py:87 (capacities)")
BALANCE_BUILDING_INF = wrong(
    "a building's co2_t_yr of ±inf or 1e308 is summed into its unit: U2 net ±1.8e308 / 1e308, TOTAL_NET_CO2_T too",
    "core/zones.py:36 (sum_by_zone replaces NaN only) < algorithms/carbon_balance.py:301")
BALANCE_NEGATIVE_RESIDENTS = wrong(
    "residents −5 / −9999: net_t_cap is NULL but target_gap_t uses them (31 − 0.6 × −5 > 0): U2 counted over target, "
    "no warning",
    "core/balance.py:61")
FLOOD_BIG_RESIDENTS = wrong(
    "residents inf / 1e308 pass: x's pop_exp and EXPOSED_POPULATION 1.8e308 / 1e308",
    "core/flood.py:52 (nan_to_num only)")
TRANSPORT_BIG_POPULATION = wrong(
    "population inf / 1e308 passes (only NaN and < 0 are refused): pkm inf, GREEN_SHARE NaN, logged as “nan %”",
    "algorithms/transport_emissions.py:147")
BALANCE_NEGATIVE_SINK = wrong(
    "a negative sequestration (−5, −9999 t) is shared out as emissions: U1 net 60.5 / 5057.5 instead of 58, no "
    "warning",
    "core/balance.py:18 (apportion_by_area) < algorithms/carbon_balance.py:328")
FLOOD_HAZARD_NO_GEOMETRY = wrong(
    "a hazard polygon without (or with an empty) geometry is dropped, not counted",
    "core/flood.py:20")
PV_BIG_DEMAND = wrong(
    "a demand of inf / 1e308 kWh gives pv_share 0 / 1e-304 without a word",
    "core/solar.py:102 (demand > 0 only)")
FLOOD_BUILDING_NO_GEOMETRY = wrong(
    "a building without (or with an empty) geometry gets depth 0 and exposed 0, not counted",
    "core/flood.py:12 (max_depth) < algorithms/flood_exposure.py:97")
SPONGE_BIG_LID = wrong(
    "a bioretention area of inf / 1e308 m² is kept: provided 3.6e307 / 2e307 m³, the parcel “meets”",
    "core/sponge.py (LID storage)")
CHECK_INFINITE_FAR = wrong(
    "FAR = ±inf passes “between 1 and 2.5”: the tolerance |v − t| ≤ 1e-9·max(|v|, |t|) holds when v is infinite; "
    "value_min/mean/max ±inf",
    "core/profiles.py:260")
SPONGE_NEGATIVE_LID_UNNAMED = unclear(
    "“LID areas and volumes cannot be negative (found -5.0).” names neither the field “bio” nor the layer",
    "algorithms/sponge_capture.py:153")
HABITAT_INFINITE_WIDTH = tb(
    "shapely GEOSException: IllegalArgumentException: CGAlgorithmsDD::orientationIndex encountered NaN/Inf numbers; "
    "the width check lets inf / 1e308 through",
    "core/habitat.py:142 < algorithms/habitat_fragmentation.py:204; check at :197")


# How each case ends today (see the module's docstring).
EXPECTED = {
    "building_emissions": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": SKIP,
        "null_geometry": SKIP,
        "empty_geometry": wrong(
            "an empty geometry (POLYGON EMPTY) is measured as 0 m²: x's GFA 0, not counted; only NULL geometries are "
            "(shapely.is_missing)",
            "algorithms/building_emissions.py:115"),
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "floors_inf": wrong(
            "floors = inf passes the floors > 0 test: x's GFA, energy and CO2 and both totals are inf",
            "core/emissions.py:27"),
        "floors_minus_inf": SKIP,
        "floors_nan": SKIP,
        "floors_1e308": wrong(
            "floors = 1e308 passes floors > 0: GFA 1e310 overflows, TOTAL_GFA_M2 and TOTAL_CO2_T inf",
            "core/emissions.py:27"),
        "floors_negative": SKIP,
        "floors_nodata_minus_9999": SKIP,
        "floors_nodata_minus_999": SKIP,
        "floors_nodata_9999": wrong(
            "floors = 9999 (a nodata sentinel) is taken as 9999 floors: GFA 999 900 m², no warning",
            "core/emissions.py:27"),
        "gfa_inf": wrong("a GFA of inf passes given > 0: GFA and CO2 inf", "core/emissions.py:33"),
        "gfa_1e308": wrong(
            "a GFA of 1e308 m² passes given > 0 and is used: CO2 overflows to inf",
            "core/emissions.py:33"),
        "gfa_negative": OK,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "use_codes_as_integers": OK,
        "chinese_names": OK,
        "eui_table_0_bytes": CSV_0_BYTES,
        "eui_table_header_only": REFUSAL,
        "eui_table_gbk": CSV_GBK,
        "eui_table_inf": csv_inf("elec_kwh_m2 = inf: EUI, energy and CO2 inf"),
        "eui_table_missing_column": REFUSAL,
        "default_floors_1e308": wrong(
            "DEFAULT_FLOORS has no upper bound: 1e308 default floors make GFA and CO2 inf",
            "algorithms/building_emissions.py:64"),
        "grid_factor_1e308": wrong(
            "GRID_FACTOR has no upper bound: 1e308 kgCO2/kWh makes CO2 inf",
            "algorithms/base.py:250"),
        "grid_year_without_data": REFUSAL,
    },
    "carbon_balance": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": SKIP,
        "null_geometry": SKIP,
        "empty_geometry": SKIP,
        "sinks_null_geometry": SKIP,
        "sinks_bow_tie": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "mixed_crs": OK,
        "buildings_disjoint": SKIP,
        "building_co2_inf": BALANCE_BUILDING_INF,
        "building_co2_minus_inf": BALANCE_BUILDING_INF,
        "building_co2_nan": SKIP,
        "building_co2_1e308": BALANCE_BUILDING_INF,
        "building_co2_nodata_minus_9999": wrong(
            "a building CO2 of −9999 t is summed: U2 net −10 008 t, no warning",
            "core/zones.py:36 (sum_by_zone replaces NaN only) < algorithms/carbon_balance.py:301"),
        "sink_inf": BALANCE_SINK_INF,
        "sink_minus_inf": BALANCE_SINK_INF,
        "sink_nan": SKIP,
        "sink_1e308": BALANCE_SINK_INF,
        "sink_negative": BALANCE_NEGATIVE_SINK,
        "sink_nodata_minus_9999": BALANCE_NEGATIVE_SINK,
        "pop_inf": wrong("residents = inf: U2's net_t_cap 0 and target_gap_t −inf", "core/balance.py:56, :61"),
        "pop_minus_inf": wrong("residents = −inf: U2's target_gap_t +inf, counted over target", "core/balance.py:61"),
        "pop_nan": SKIP,
        "pop_1e308": wrong("residents = 1e308: U2's net_t_cap 3e-307, no warning", "core/balance.py:56"),
        "pop_negative": BALANCE_NEGATIVE_RESIDENTS,
        "pop_nodata_minus_9999": BALANCE_NEGATIVE_RESIDENTS,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "target_1e308": wrong(
            "TARGET_T_PER_CAPITA has no upper bound: target_gap_t −inf",
            "algorithms/carbon_balance.py:118"),
    },
    "carbon_balance_from_layers": {
        "demo": OK,
        "demo_4326": OK,
        "demo_building_residents_inf": wrong(
            "a building with residents = inf: its unit's residents inf, target_gap_t −inf",
            "core/balance.py:61 (the model's balance step)"),
        "demo_landcover_empty": REFUSAL,
        "demo_missing_field": REFUSAL,
        "demo_3857": OK,
        "demo_buildings_4326": OK,
        "demo_chinese_paths": OK,
        "demo_building_null_geometry": SKIP,
        "demo_building_floors_nodata": SKIP,
    },
    "carbon_stock": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": SKIP,
        "null_geometry": SKIP,
        "empty_geometry": wrong(
            "an empty geometry is measured as 0 ha: x's stock 0 t, not counted; only NULL geometries are",
            "algorithms/carbon_stock.py:201"),
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "class_unknown_code": SKIP,
        "class_nodata_minus_9999": SKIP,
        "class_inf": tb(
            "OverflowError: cannot convert float infinity to integer, listing the unknown class inf",
            "algorithms/carbon_stock.py:346 < :338 (_label)"),
        "class_nan": SKIP,
        "codes_as_reals": OK,
        "codes_as_text": OK,
        "missing_field": REFUSAL,
        "chinese_names": OK,
        "pools_table_0_bytes": CSV_0_BYTES,
        "pools_table_header_only": REFUSAL,
        "pools_table_gbk": CSV_GBK,
        "pools_table_inf": csv_inf("c_above = inf: stock and CO2e inf, logged as “inf t C”"),
        "pools_table_missing_column": REFUSAL,
        "polygons_and_raster": REFUSAL,
        "raster_base": OK,
        "raster_nodata": OK,
        "raster_nodata_undeclared": SKIP,
        "raster_float_nan": OK,
        "raster_float_inf": SKIP,
        "raster_geographic": REFUSAL,
        "raster_no_crs": OK,
        "raster_misaligned_pixel_size": REFUSAL,
        "raster_misaligned_origin": OK,
        "raster_misaligned_crs": REFUSAL,
        "raster_zones_disjoint": OK,
        "raster_zones_4326": OK,
        "raster_chinese_path": OK,
    },
    "detailed_plan_check": {
        "demo": OK,
        "demo_4326": wrong(
            "in EPSG:4326 the model measures park areas with area($geometry) in square degrees (and buffers parks by "
            "1000 degrees): Σ pub_green_m2_pc 1e-7 instead of 1580, 146 parcels fail CN_D_PUB_GREEN_15 that pass on "
            "the demo",
            "scripts/make_models.py:581 → resources/models/detailed_plan_check.model3"),
        "demo_building_residents_inf": wrong(
            "a building with residents = inf: pct_middle_school and pct_market of its parcel inf",
            "algorithms/network_glue.py:118 (clean_population keeps inf)"),
        "demo_facilities_empty": REFUSAL,
        "demo_missing_field": unclear(
            "“Error encountered while running Join pub_green_m2_pc by parcel id” / “Invalid join fields”: names "
            "neither parcel_id_field nor “pid”",
            "the model's native:joinattributestable step"),
    },
    "emissions_and_flood_exposure": {
        "demo": OK,
        "demo_4326": OK,
        "demo_building_residents_inf": wrong(
            "residents = inf accepted without a word (building 1 is dry, so no number changes)",
            "core/flood.py:52"),
        "demo_hazard_empty": REFUSAL,
        "demo_missing_field": REFUSAL,
        "demo_3857": OK,
        "demo_buildings_4326": OK,
        "demo_chinese_paths": OK,
        "demo_building_null_geometry": SKIP,
        "demo_building_floors_nodata": SKIP,
    },
    "flood_exposure": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": OK,
        "null_geometry": FLOOD_BUILDING_NO_GEOMETRY,
        "empty_geometry": FLOOD_BUILDING_NO_GEOMETRY,
        "multipolygon": OK,
        "hazard_wrong_geometry_type": REFUSAL,
        "hazard_empty_layer": REFUSAL,
        "hazard_bow_tie": OK,
        "hazard_null_geometry": FLOOD_HAZARD_NO_GEOMETRY,
        "hazard_empty_geometry": FLOOD_HAZARD_NO_GEOMETRY,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": wrong(
            "buildings in metres labelled EPSG:4326: the hazard is reprojected into “degrees”, nothing overlaps, 0 "
            "exposed; only a no-overlap warning",
            "algorithms/flood_exposure.py:123 (_read_hazard)"),
        "mixed_crs": OK,
        "disjoint_extents": OK,
        "residents_inf": FLOOD_BIG_RESIDENTS,
        "residents_minus_inf": FLOOD_NEGATIVE_RESIDENTS,
        "residents_nan": OK,
        "residents_1e308": FLOOD_BIG_RESIDENTS,
        "residents_negative": FLOOD_NEGATIVE_RESIDENTS,
        "residents_nodata_minus_9999": FLOOD_NEGATIVE_RESIDENTS,
        "depth_inf": FLOOD_BIG_DEPTH,
        "depth_minus_inf": FLOOD_NEGATIVE_DEPTH,
        "depth_nan": SKIP,
        "depth_1e308": FLOOD_BIG_DEPTH,
        "depth_negative": FLOOD_NEGATIVE_DEPTH,
        "depth_nodata_minus_9999": FLOOD_NEGATIVE_DEPTH,
        "depth_nodata_minus_999": FLOOD_NEGATIVE_DEPTH,
        "depth_nodata_9999": FLOOD_BIG_DEPTH,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "damage_curve_0_bytes": CSV_0_BYTES,
        "damage_curve_header_only": REFUSAL,
        "damage_curve_gbk": CSV_GBK,
        "damage_curve_inf": REFUSAL,
        "damage_curve_missing_column": REFUSAL,
        "min_depth_1e308": OK,
    },
    "habitat_fragmentation": {
        "base": OK,
        "units_wrong_geometry_type": REFUSAL,
        "units_empty_layer": REFUSAL,
        "landcover_wrong_geometry_type": REFUSAL,
        "landcover_empty_layer": REFUSAL,
        "landcover_bow_tie": wrong(
            "the self-intersecting land cover is repaired (mesh 11.97 ha) and the log does not say so",
            "algorithms/habitat_fragmentation.py:163 (chunk.repaired never logged)"),
        "landcover_null_geometry": HABITAT_NO_HABITAT,
        "roads_wrong_geometry_type": REFUSAL,
        "roads_empty_layer": REFUSAL,
        "roads_null_geometry": wrong(
            "a road without geometry is dropped, not counted",
            "algorithms/habitat_fragmentation.py:203"),
        "roads_disjoint": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "mixed_crs": OK,
        "road_width_inf": HABITAT_INFINITE_WIDTH,
        "road_width_minus_inf": SKIP,
        "road_width_nan": SKIP,
        "road_width_1e308": HABITAT_INFINITE_WIDTH,
        "road_width_negative": SKIP,
        "road_width_nodata_minus_9999": SKIP,
        "road_width_nodata_minus_999": SKIP,
        "road_width_nodata_9999": wrong(
            "a 9999 m road width (nodata sentinel) is buffered: no habitat left, mesh 0, MEAN_HQ NaN",
            "algorithms/habitat_fragmentation.py:197"),
        "class_unknown_code": HABITAT_NO_HABITAT,
        "class_inf": HABITAT_NO_HABITAT,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "habitat_table_0_bytes": CSV_0_BYTES,
        "habitat_table_header_only": REFUSAL,
        "habitat_table_gbk": CSV_GBK,
        "habitat_table_inf": REFUSAL,
        "habitat_table_missing_column": REFUSAL,
        "sample_spacing_0": OK,
    },
    "land_use_mix": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": SKIP,
        "null_geometry": wrong(
            "a parcel without geometry drops out of the mix and the intensities without a word",
            "core/landuse.py:143 (LandUseTally.add)"),
        "empty_geometry": SKIP,
        "units_wrong_geometry_type": REFUSAL,
        "units_empty_layer": REFUSAL,
        "units_bow_tie": SKIP,
        "units_null_geometry": SKIP,
        "units_empty_geometry": SKIP,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "mixed_crs": OK,
        "disjoint_extents": REFUSAL,
        "residents_inf": LANDUSE_RESIDENTS,
        "residents_minus_inf": LANDUSE_RESIDENTS,
        "residents_nan": OK,
        "residents_1e308": LANDUSE_RESIDENTS,
        "residents_negative": LANDUSE_RESIDENTS,
        "residents_nodata_minus_9999": LANDUSE_RESIDENTS,
        "far_inf": LANDUSE_FAR,
        "far_nan": SKIP,
        "far_1e308": LANDUSE_FAR,
        "far_negative": LANDUSE_FAR,
        "far_nodata_minus_9999": LANDUSE_FAR,
        "far_nodata_9999": LANDUSE_FAR,
        "codes_as_integers": OK,
        "codes_old_standard": OK,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "k_fixed_missing": REFUSAL,
        "code_digits_20": OK,
        "worker_share_0_01": OK,
    },
    "life_circle": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": OK,
        "null_geometry": SKIP,
        "empty_geometry": SKIP,
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_DISTANCE,
        "mixed_crs": OK,
        "residents_inf": RESIDENTS_INF,
        "residents_minus_inf": SKIP,
        "residents_nan": SKIP,
        "residents_1e308": RESIDENTS_INF,
        "residents_negative": SKIP,
        "residents_nodata_minus_9999": SKIP,
        "facilities_wrong_geometry_type": REFUSAL,
        "facilities_empty_layer": REFUSAL,
        "facilities_null_geometry": SKIP,
        "facilities_disjoint": wrong(
            "facilities 200 km away: every home scores 0, and nothing warns that the layers do not meet "
            "(transit_coverage warns)",
            "algorithms/life_circle.py:265 (_report)"),
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "facility_table_0_bytes": CSV_0_BYTES,
        "facility_table_header_only": REFUSAL,
        "facility_table_gbk": CSV_GBK,
        "facility_table_inf": csv_inf(
            "distance_m = inf: the kindergarten reaches every home, logged as “kindergarten inf m”"),
        "facility_table_missing_column": REFUSAL,
        "distance_scale_0": OK,
        "distance_scale_1e308": wrong(
            "DISTANCE_SCALE has no upper bound: thresholds inf, logged as “kindergarten inf m”",
            "algorithms/life_circle.py:90"),
    },
    "master_plan_check": {
        "demo": OK,
        "demo_4326": wrong(
            "model steps measure area($geometry) in the layer's CRS: in EPSG:4326 park and land-cover areas are "
            "square degrees (Σ comm_m2_sum 5e-5 instead of 550 996 m²)",
            "scripts/make_models.py:454-477 → resources/models/master_plan_check.model3"),
        "demo_building_residents_inf": unclear(
            "a building with residents = inf stops the model at “Evaluation error in expression \"100 * "
            "coalesce(attribute(@residents_field || '_sum'), 0) / \"pop\"\": Cannot convert 'inf' to double”: "
            "QGIS's expression error, not a sentence naming the building or the field",
            "scripts/make_models.py:507 (park_cov_pct) → resources/models/master_plan_check.model3"),
        "demo_shelters_empty": REFUSAL,
        "demo_missing_field": unclear(
            "“Error encountered while running Land cover per unit: join by id” / “Invalid join fields”: names neither"
            " unit_id_field nor “uid”",
            "the model's native:joinattributestable step"),
        "demo_3857": wrong(
            "the same steps in EPSG:3857: areas inflated by 1/cos²φ ≈ 1.36 (Σ comm_m2_sum 748 152 instead of 550 996 "
            "m²)",
            "scripts/make_models.py:454-477 → resources/models/master_plan_check.model3"),
        "demo_chinese_paths": OK,
    },
    "planning_check": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "null_geometry": OK,
        "mislabelled_4326": OK,
        "far_inf": CHECK_INFINITE_FAR,
        "far_minus_inf": CHECK_INFINITE_FAR,
        "far_nan": OK,
        "far_1e308": CHECK_IMPOSSIBLE_FAR,
        "far_negative": CHECK_IMPOSSIBLE_FAR,
        "far_nodata_minus_9999": CHECK_IMPOSSIBLE_FAR,
        "far_nodata_minus_999": CHECK_IMPOSSIBLE_FAR,
        "far_nodata_9999": CHECK_IMPOSSIBLE_FAR,
        "landuse_codes_as_integers": wrong(
            "a numeric land-use field is taken for LANDUSE_FIELD (declared String): 701 does not start with “07”, so "
            "FAR is silently “not applicable” to a and x",
            "algorithms/planning_check.py:277"),
        "field_map_syntax": REFUSAL,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "profile_0_bytes": CSV_0_BYTES,
        "profile_header_only": REFUSAL,
        "profile_gbk": CSV_GBK,
        "profile_inf": REFUSAL,
        "profile_missing_column": REFUSAL,
    },
    "planning_report": {
        "base": OK,
        "not_a_check_layer": REFUSAL,
        "empty_layer": REFUSAL,
        "wrong_geometry_type": REFUSAL,
        "null_geometry": OK,
        "check_4326": OK,
        "check_mislabelled_4326": OK,
        "score_inf": wrong("a score of inf is printed in the report", "core/report.py:391 (share_cell)"),
        "rules_value_inf": OK,
        "missing_field": REFUSAL,
        "chinese_paths_and_title": OK,
    },
    "resilience_assessment": {
        "demo": OK,
        "demo_4326": refused(
            "“Could not load source layer for LULC_RASTER: …/OUTPUT.tif not found”: the model rasterizes EPSG:4326 "
            "land cover with a cell size in degrees and Urban cooling gets no raster",
            "the model's rasterize step → resources/models/resilience_assessment.model3"),
        "demo_building_residents_inf": wrong(
            "a building with residents = inf: logged as “nan of inf residents (nan %) are within reach…”, "
            "POP_IN_REACH_PCT NaN",
            "algorithms/network_glue.py:118"),
        "demo_shelters_empty": REFUSAL,
        "demo_missing_field": REFUSAL,
        "demo_3857": refused(
            "“OUTPUT is in EPSG:3857, where cells have no fixed size in metres…”: the model rasterizes land cover in "
            "its own CRS and Urban cooling refuses it",
            "algorithms/raster.py:111 (open_raster) via the model's rasterize step"),
        "demo_buildings_4326": OK,
        "demo_chinese_paths": OK,
        "demo_building_null_geometry": SKIP,
    },
    "resilience_index": {
        "base": OK,
        "empty_layer": REFUSAL,
        "null_geometry": OK,
        "points": OK,
        "mislabelled_4326": OK,
        "table_from_csv": REFUSAL,
        "a_inf": wrong(
            "an indicator of inf is min-max scaled: the others collapse to 0 (u2's index 0 instead of 0.5)",
            "core/composite.py:110 (normalise)"),
        "a_minus_inf": wrong(
            "an indicator of −inf makes every scaled value NaN: all three indices NULL, MISSING_COUNT 3",
            "core/composite.py:110 (normalise)"),
        "a_nan": SKIP,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "target_zero": REFUSAL,
        "target_inf": REFUSAL,
        "weight_inf": REFUSAL,
        "weight_nan": REFUSAL,
        "weights_all_zero": REFUSAL,
        "geometric_mean_of_zeros": OK,
    },
    "rooftop_pv": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": SKIP,
        "null_geometry": SKIP,
        "empty_geometry": SKIP,
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "demand_inf": PV_BIG_DEMAND,
        "demand_minus_inf": SKIP,
        "demand_nan": SKIP,
        "demand_1e308": PV_BIG_DEMAND,
        "demand_negative": SKIP,
        "demand_nodata_minus_9999": SKIP,
        "roof_type_unknown": SKIP,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "roof_table_0_bytes": CSV_0_BYTES,
        "roof_table_header_only": REFUSAL,
        "roof_table_gbk": CSV_GBK,
        "roof_table_inf": REFUSAL,
        "roof_table_missing_column": REFUSAL,
        "raster": OK,
        "raster_nodata": SKIP,
        "raster_inf": SKIP,
        "raster_disjoint": SKIP,
        "raster_4326": OK,
        "irradiation_1e308": wrong(
            "IRRADIATION has no upper bound: yields and CO2 inf",
            "core/solar.py:72 (check_pv_parameters checks ≥ 0 only)"),
    },
    "shelter_coverage": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": OK,
        "null_geometry": SKIP,
        "empty_geometry": wrong(
            "a building with an empty geometry is left out of the shares (100 % in reach) but not counted; only NULL "
            "geometries are",
            "algorithms/shelter_coverage.py:313 (_report)"),
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_DISTANCE,
        "mixed_crs": OK,
        "residents_inf": RESIDENTS_INF,
        "residents_minus_inf": SKIP,
        "residents_nan": SKIP,
        "residents_1e308": RESIDENTS_INF,
        "residents_negative": SKIP,
        "residents_nodata_minus_9999": SKIP,
        "shelters_wrong_geometry_type": REFUSAL,
        "shelters_empty_layer": REFUSAL,
        "shelters_null_geometry": SKIP,
        "shelters_disjoint": wrong(
            "shelters 200 km away: 0 % in reach and no warning that the layers do not meet",
            "algorithms/shelter_coverage.py:313 (_report)"),
        "capacity_inf": wrong(
            "a capacity of inf is kept: logged as “the usable shelters hold inf persons”",
            "core/shelter.py:87 (capacities)"),
        "capacity_nan": OK,
        "capacity_1e308": SHELTER_CAPACITY,
        "capacity_negative": SHELTER_CAPACITY,
        "capacity_nodata_minus_9999": SHELTER_CAPACITY,
        "area_inf": wrong("an effective area of inf: per_cap_m2 inf", "core/shelter.py:79 (capacities)"),
        "area_nan": SKIP,
        "area_1e308": wrong("an effective area of 1e308 m² accepted without a word", "core/shelter.py:79 (capacities)"),
        "area_negative": SKIP,
        "area_nodata_minus_9999": SKIP,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "service_distance_1e308": OK,
        "service_distance_0": OK,
    },
    "sponge_capture": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": wrong(
            "the self-intersecting parcel is repaired (50 m²) and the log does not say so",
            "algorithms/sponge_capture.py:203 (chunk.repaired never logged)"),
        "null_geometry": SKIP,
        "empty_geometry": SKIP,
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "green_ratio_inf": SPONGE_SHARES_UNNAMED,
        "green_ratio_minus_inf": SPONGE_SHARES_UNNAMED,
        "green_ratio_nan": SKIP,
        "green_ratio_1e308": SPONGE_SHARES_UNNAMED,
        "green_ratio_negative": SPONGE_SHARES_UNNAMED,
        "green_ratio_nodata_minus_9999": SPONGE_SHARES_UNNAMED,
        "green_ratio_nodata_minus_999": SPONGE_SHARES_UNNAMED,
        "green_ratio_nodata_9999": SPONGE_SHARES_UNNAMED,
        "green_ratio_percent": SPONGE_SHARES_UNNAMED,
        "bioretention_inf": SPONGE_BIG_LID,
        "bioretention_nan": OK,
        "bioretention_1e308": SPONGE_BIG_LID,
        "bioretention_negative": SPONGE_NEGATIVE_LID_UNNAMED,
        "bioretention_nodata_minus_9999": SPONGE_NEGATIVE_LID_UNNAMED,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "daily_rainfall_0_bytes": CSV_0_BYTES,
        "daily_rainfall_header_only": REFUSAL,
        "daily_rainfall_gbk": CSV_GBK,
        "daily_rainfall_inf": csv_inf("rain_mm = inf: the control rate is computed from an infinite day"),
        "daily_rainfall_missing_column": REFUSAL,
        "daily_rainfall_negative": REFUSAL,
        "daily_rainfall_all_dry": REFUSAL,
        "lid_table_0_bytes": CSV_0_BYTES,
        "lid_table_header_only": REFUSAL,
        "lid_table_gbk": CSV_GBK,
        "lid_table_inf": csv_inf("storage_m3_per_unit = inf: provided inf m³"),
        "lid_table_missing_column": REFUSAL,
        "design_rainfall_1e308": wrong(
            "DESIGN_RAINFALL_MM has no upper bound: need inf m³, and the log prints a 309-digit number",
            "algorithms/sponge_capture.py:105"),
    },
    "stormwater_runoff": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": SKIP,
        "null_geometry": SKIP,
        "empty_geometry": wrong(
            "an empty geometry is measured as 0 m²: x's runoff 0 m³, not counted; only NULL geometries are",
            "algorithms/stormwater_runoff.py:242"),
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_AREA,
        "class_unknown_code": SKIP,
        "class_nodata_minus_9999": SKIP,
        "class_inf": SKIP,
        "soil_unknown": SKIP,
        "soil_null": SKIP,
        "codes_as_text": OK,
        "missing_field": REFUSAL,
        "chinese_names": OK,
        "cn_table_0_bytes": CSV_0_BYTES,
        "cn_table_header_only": REFUSAL,
        "cn_table_gbk": CSV_GBK,
        "cn_table_inf": REFUSAL,
        "cn_table_missing_column": REFUSAL,
        "rainfall_1e308": wrong(
            "RAINFALL_MM has no upper bound: runoff inf, retained and retention −inf",
            "algorithms/stormwater_runoff.py:114"),
        "raster_base": OK,
        "raster_soil": OK,
        "raster_soil_unknown_value": SKIP,
        "raster_nodata": OK,
        "raster_geographic": REFUSAL,
        "raster_misaligned_pixel_size": REFUSAL,
        "raster_misaligned_origin": REFUSAL,
        "raster_misaligned_crs": REFUSAL,
        "raster_zones_disjoint": wrong(
            "zones that miss the raster: MEAN_RETENTION NaN, logged as “mean retention index nan”",
            "core/runoff.py:343 (runoff_totals)"),
        "raster_zones_4326": OK,
    },
    "synergy": {
        "base": OK,
        "empty_layer": REFUSAL,
        "null_geometry": OK,
        "mislabelled_4326": OK,
        "co2_inf": wrong(
            "co2 = inf: every low-carbon score NULL, logged as “Quadrant thresholds: low-carbon nan”",
            "core/synergy.py:64 (score)"),
        "co2_minus_inf": wrong(
            "co2 = −inf (lower is better) is scaled: B's low-carbon score 0 instead of 1",
            "core/synergy.py:64 (score)"),
        "co2_nan": SKIP,
        "one_unit": OK,
        "baseline_other_ids": OK,
        "missing_field": REFUSAL,
        "chinese_names": OK,
        "weight_inf": REFUSAL,
    },
    "transit_coverage": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": OK,
        "null_geometry": SKIP,
        "empty_geometry": SKIP,
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": MISLABELLED_DISTANCE,
        "mixed_crs": OK,
        "residents_inf": RESIDENTS_INF,
        "residents_minus_inf": SKIP,
        "residents_nan": SKIP,
        "residents_1e308": RESIDENTS_INF,
        "residents_negative": SKIP,
        "residents_nodata_minus_9999": SKIP,
        "stops_wrong_geometry_type": REFUSAL,
        "stops_empty_layer": REFUSAL,
        "stops_null_geometry": SKIP,
        "roads_wrong_geometry_type": REFUSAL,
        "roads_empty_layer": REFUSAL,
        "roads_disjoint": SKIP,
        "stop_types_as_integers": OK,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "rail_distance_1e308": OK,
        "max_snap_1e308": OK,
        "bus_distance_0": OK,
        "no_stop_values": REFUSAL,
    },
    "transport_emissions": {
        "base": OK,
        "wrong_geometry_type": REFUSAL,
        "empty_layer": REFUSAL,
        "bow_tie": OK,
        "null_geometry": OK,
        "empty_geometry": OK,
        "multipolygon": OK,
        "geographic_4326": OK,
        "web_mercator_3857": OK,
        "mislabelled_4326": OK,
        "pop_inf": TRANSPORT_BIG_POPULATION,
        "pop_minus_inf": SKIP,
        "pop_nan": SKIP,
        "pop_1e308": TRANSPORT_BIG_POPULATION,
        "pop_negative": SKIP,
        "pop_nodata_minus_9999": SKIP,
        "car_share_over_one": SKIP,
        "car_share_negative": SKIP,
        "car_share_inf": SKIP,
        "car_share_nan": OK,
        "car_share_percent": SKIP,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "mode_table_0_bytes": CSV_0_BYTES,
        "mode_table_header_only": REFUSAL,
        "mode_table_gbk": CSV_GBK,
        "mode_table_inf": csv_inf("trip_km = inf: pkm_walk inf"),
        "mode_table_missing_column": REFUSAL,
        "trip_rate_1e308": wrong(
            "TRIP_RATE has no upper bound: pkm inf, GREEN_SHARE NaN",
            "algorithms/transport_emissions.py:82"),
        "trip_rate_0": OK,
    },
    "urban_cooling": {
        "base": OK,
        "units_wrong_geometry_type": REFUSAL,
        "units_empty_layer": REFUSAL,
        "units_null_geometry": SKIP,
        "units_4326": OK,
        "units_mislabelled_4326": REFUSAL,
        "units_disjoint": REFUSAL,
        "lulc_geographic": REFUSAL,
        "lulc_nodata": OK,
        "et0_misaligned_pixel_size": OK,
        "et0_misaligned_crs": REFUSAL,
        "et0_inf": SKIP,
        "pop_inf": wrong("population inf accepted without a word (heat_risk 0)", "core/cooling.py:288 (heat_risk)"),
        "pop_minus_inf": SKIP,
        "pop_nan": SKIP,
        "pop_1e308": wrong(
            "population 1e308 accepted without a word (heat_risk 2e-306)",
            "core/cooling.py:288 (heat_risk)"),
        "pop_negative": SKIP,
        "pop_nodata_minus_9999": SKIP,
        "pop_zero": SKIP,
        "missing_field": REFUSAL,
        "numbers_as_text": REFUSAL,
        "chinese_names": OK,
        "biophysical_table_0_bytes": CSV_0_BYTES,
        "biophysical_table_header_only": REFUSAL,
        "biophysical_table_gbk": CSV_GBK,
        "biophysical_table_inf": REFUSAL,
        "biophysical_table_missing_column": REFUSAL,
        "uhi_max_1e308": wrong(
            "UHI_MAX has no upper bound: T_air inf, logged as “inf °C”",
            "algorithms/urban_cooling.py:104"),
        "cc_weights_nan": REFUSAL,
        "average_radius_1e308": tb(
            "ValueError: Maximum allowed size exceeded, building the mixing kernel of a 1e308 m radius",
            "core/cooling.py:166 < :234 (exponential_kernel)"),
    },
}


def _param(target, case_id):
    expected = EXPECTED[target][case_id]
    # raises=AssertionError: a broken run of the suite itself (an error in the fixture) must not pass as
    # the failure expected today.
    marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=expected.reason)] \
        if isinstance(expected, Today) else []
    return pytest.param(target, case_id, id=f"{target}-{case_id}", marks=marks)


PARAMS = [_param(target, case_id) for target, case_id in CASES]


@pytest.fixture(scope="session")
def bad_input_results(request, tmp_path_factory):
    """The records of the cases this session selected, run once in ``JOBS`` worker processes."""
    here = [item for item in request.session.items if item.path.resolve() == Path(__file__).resolve()]
    wanted = [[item.callspec.params["target"], item.callspec.params["case_id"]]
              for item in here if item.originalname == "test_bad_input"]
    if not wanted or any(item.originalname == "test_no_input_changes" for item in here):
        wanted = [list(key) for key in CASES]
    return runner.run_cases(wanted, tmp_path_factory.mktemp("bad_input"), jobs=JOBS, weight=runner.weight)


def describe(record):
    lines = [f"{record['target']} / {record['case']}: {record['outcome']}"]
    if record.get("where"):
        lines.append(f"  raised at {record['where']}")
    if record.get("message"):
        lines.append("  message: " + runner.last_error_line(record["message"]))
    lines += [f"  problem: {p}" for p in record.get("problems", [])]
    lines += [f"  log: {line}" for line in record.get("log", [])[-5:]]
    return "\n".join(lines)


@pytest.mark.parametrize("target, case_id", PARAMS)
def test_bad_input(bad_input_results, target, case_id):
    record = bad_input_results[(target, case_id)]
    expected = EXPECTED[target][case_id]
    if isinstance(expected, Today):
        right = (OK, SKIP) if CASES[(target, case_id)].must_run else runner.ACCEPTABLE
        assert record["outcome"] in right and not record["problems"], describe(record)
    else:
        assert record["outcome"] == expected and not record["problems"], describe(record)


def test_no_input_changes(bad_input_results):
    # Apart from the cases' own tests so that an xfail mark never hides a changed input.
    changed = {f"{t} / {c}": r["changed"] for (t, c), r in bad_input_results.items() if r.get("changed")}
    assert not changed


def test_the_table_has_every_case_once():
    table = {(target, case_id) for target, cases in EXPECTED.items() for case_id in cases}
    assert table == set(CASES)
    for (target, case_id), case in CASES.items():
        expected = EXPECTED[target][case_id]
        if isinstance(expected, Today):
            assert expected.outcome in (CRASH, TRACEBACK, SILENTLY_WRONG, UNCLEAR_REFUSAL, REFUSAL), case_id
            assert expected.outcome != REFUSAL or case.must_run, (target, case_id)
        else:
            assert expected in ((OK, SKIP) if case.must_run else runner.ACCEPTABLE), (target, case_id)


def test_a_dying_or_hanging_worker_is_a_crash_and_the_rest_still_run(tmp_path, monkeypatch):
    monkeypatch.setenv("LCR_BAD_INPUT_SELFTEST", "1")
    records = runner.run_cases([["_selftest", "abort"], ["_selftest", "hang"], ["_selftest", "after"]], tmp_path,
                               jobs=1, case_timeout=3)
    abort, hang, after = (records[("_selftest", name)] for name in ("abort", "hang", "after"))
    assert abort["outcome"] == CRASH and "exit status -6" in abort["message"], describe(abort)   # SIGABRT
    assert hang["outcome"] == CRASH and "ran over 3 s" in hang["message"], describe(hang)
    assert after["outcome"] == OK, describe(after)


def test_every_algorithm_and_model_has_cases():
    from lcr_toolkit.algorithms import ALGORITHMS

    models = {path.stem for path in (Path(__file__).resolve().parents[1] / "resources" / "models").glob("*.model3")}
    assert {alg.ALG_ID for alg in ALGORITHMS} | models == {target for target, _ in CASES}


@pytest.mark.parametrize("message, raw", [
    ("Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: bad", True),
    ("pandas.errors.EmptyDataError: No columns to parse from file", True),
    ("Cannot read the table a.csv: 'utf-8' codec can't decode byte 0xd7 in position 2", True),
    ("The total is nan t CO2.", True),
    ("<built-in function len>", True),
    ("“buildings” has no features.", False),
    ("Shares must lie between 0 and 1; 1 parcels have values outside it, e.g. -inf.", False),
    ("CC weights “nan,0.2,0.2”: give three numbers ≥ 0 separated by commas.", False),
])
def test_what_counts_as_raw_python(message, raw):
    assert runner.raw_python(message) is raw


def test_what_counts_as_a_count_in_the_log():
    log = ["1 buildings have no geometry: their results stay empty.",
           "Results: {'OUTPUT': 'Shelter_coverage_1a', 'POP_UNPLACED': 20.0}"]
    assert runner.counts_in_log(log, 1)
    assert not runner.counts_in_log(log[1:], 1)     # ids in Processing's echo of the results are no count
    assert not runner.counts_in_log(["3 buildings: 700 m² gross floor area."], 3)
