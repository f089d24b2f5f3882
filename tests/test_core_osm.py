"""core.osm: OSM tags to the toolkit's classes, checked on hand-made tag sets against the shipped
tables of resources/osm, and the geometry helpers of lcr:prepare_osm on shapes worked out by hand."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from lcr_toolkit.core import crs, groups, osm
from lcr_toolkit.core.errors import InputError

TABLES = Path(__file__).resolve().parents[1] / "resources" / "osm"
FACTORS = Path(__file__).resolve().parents[1] / "resources" / "factors"


def tags(rows):
    """A tag frame from dicts, one per feature, with every key any of them has."""
    keys = sorted({key for row in rows for key in row})
    return pd.DataFrame([{key: row.get(key) for key in keys} for row in rows], dtype=object)


def classify(rows, table, column, area=None, area_columns=("min_area_m2", "max_area_m2")):
    frame = tags(rows)
    matched = osm.first_match(frame, table, area, area_columns)
    values = table[column].to_numpy(object)
    return [values[m] if m >= 0 else None for m in matched]


# ---- HSTORE and tag frames ---------------------------------------------------------------------
def test_hstore_pairs_with_escapes_and_unicode():
    pairs = osm.parse_hstore(['"name:zh"=>"实验小学","note"=>"a \\"quoted\\" \\\\ word"', "", None,
                              '"building:levels"=>"5"'])
    assert pairs.values.tolist() == [[0, "name:zh", "实验小学"], [0, "note", 'a "quoted" \\ word'],
                                     [3, "building:levels", "5"]]


def test_tag_frame_takes_columns_and_other_tags():
    frame = osm.tag_frame({"building": np.array(["yes", None, "house"], dtype=object)},
                          np.array(['"building:levels"=>"3","height"=>"9 m"', None, '"amenity"=>"school"'],
                                   dtype=object), ["building", "building:levels", "amenity", "shop"], 3)
    assert frame.to_dict("list") == {"building": ["yes", None, "house"], "building:levels": ["3", None, None],
                                     "amenity": [None, None, "school"], "shop": [None, None, None]}


# ---- conditions --------------------------------------------------------------------------------
def test_conditions(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("tags,cls\n"
                    "amenity=school&isced:level=1,primary\n"
                    "amenity=school&name~小学|primary,primary_by_name\n"
                    "amenity=school&operator!=private,public_school\n"
                    "amenity=*,any_amenity\n"
                    ",rest\n", encoding="utf-8")
    table = osm.read_mapping(path, ["cls"])
    assert classify([{"amenity": "school", "isced:level": "0;1"},       # one of OSM's ;-values matches
                     {"amenity": "School", "name": "实验小学"},            # case ignored, regex on the name
                     {"amenity": "school", "operator": "private"},
                     {"amenity": "school"},                              # != holds where the key is absent
                     {"amenity": "no"},                                  # * needs a value other than "no"
                     {"amenity": "cafe"}], table, "cls") == [
        "primary", "primary_by_name", "any_amenity", "public_school", "rest", "any_amenity"]
    assert osm.mapping_keys(table) == ["amenity", "isced:level", "name", "operator"]


def test_bad_condition_names_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("# comment\ntags,cls\namenity=school,a\nbuilding,b\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        osm.read_mapping(path, ["cls"])
    assert err.value.kind == "osm_bad_condition" and err.value.params["line"] == 4
    path.write_text("tags,cls\nname~([,a\n", encoding="utf-8")
    with pytest.raises(InputError):
        osm.read_mapping(path, ["cls"])


def test_every_shipped_table_reads_and_has_reasons():
    for path in TABLES.glob("*.csv"):
        frame = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
        assert (frame["reason"].str.strip() != "").all(), path.name
        assert "source" in frame.columns, path.name
        if "tags" in frame.columns:
            osm.read_mapping(path, [])


# ---- the shipped tables on hand-made tags ------------------------------------------------------
def test_building_use_table():
    table = osm.read_mapping(TABLES / "building_use.csv", ["applies_to", "use"],
                             numeric=["default_floors", "min_footprint_m2", "max_footprint_m2"])
    own = table[table["applies_to"] == "building"].reset_index(drop=True)
    rows = [{"building": "house"}, {"building": "apartments"}, {"building": "yes", "amenity": "school"},
            {"building": "yes", "shop": "bakery"}, {"building": "garages"}, {"building": "shed"},
            {"building": "yes"}, {"building": "yes"}, {"building": "residential", "shop": "kiosk"},
            {"building": "retail"}, {"building": "yes", "office": "government"}, {"building": "apartments"}]
    footprint = [120, 900, 2000, 300, 60, 12, 25, 400, 800, 500, 700, 150]
    assert classify(rows, own, "use", footprint, ("min_footprint_m2", "max_footprint_m2")) == [
        "residential", "residential", "school", "commercial", "unheated_garage", "unheated_outbuilding",
        "unheated_outbuilding", None, "residential", "commercial", "office", "residential"]
    # Default floors: a house 2, a block of flats 4, a flats building of house size 2.
    matched = osm.first_match(tags([{"building": "house"}, {"building": "apartments"}, {"building": "apartments"}]),
                              own, np.array([120, 900, 150.0]), ("min_footprint_m2", "max_footprint_m2"))
    assert own["default_floors"].to_numpy()[matched].tolist() == [2, 4, 2]
    # Every use is a row (or alias) of the EUI table.
    eui = pd.read_csv(FACTORS / "building_eui.csv", comment="#")
    known = set(eui["use"]) | {a for aliases in eui["aliases"].dropna() for a in aliases.split("|")}
    assert set(table["use"]) <= known
    around = table[table["applies_to"] == "surrounding"].reset_index(drop=True)
    assert classify([{"landuse": "residential"}, {"landuse": "retail"}, {"amenity": "school"}, {"landuse": "forest"}],
                    around, "use") == ["residential", "commercial", "school", None]


def test_facility_table():
    table = osm.read_mapping(TABLES / "facilities.csv", ["fac_type"], numeric=["estimated"])
    rows = [{"amenity": "kindergarten"}, {"amenity": "childcare"}, {"amenity": "school", "isced:level": "1"},
            {"amenity": "school", "isced:level": "2;3"}, {"amenity": "school", "name": "嘉兴市实验小学"},
            {"amenity": "school", "name": "秀洲区第二中学"}, {"amenity": "school", "name": "Helilän koulu"},
            {"amenity": "clinic"}, {"healthcare": "doctor"}, {"amenity": "hospital"},
            {"amenity": "social_facility", "social_facility": "group_home", "social_facility:for": "senior"},
            {"amenity": "social_facility", "social_facility:for": "homeless"}, {"amenity": "marketplace"},
            {"shop": "supermarket"}, {"shop": "convenience"}, {"amenity": "community_centre"},
            {"leisure": "pitch"}, {"leisure": "fitness_station"}, {"amenity": "cafe"}]
    assert classify(rows, table, "fac_type") == [
        "kindergarten", "kindergarten", "primary_school", "middle_school", "primary_school", "middle_school",
        "primary_school", "clinic", "clinic", "clinic", "elderly_care", None, "market", "market", None,
        "community_center", "sports", "sports", None]
    estimated = table["estimated"].to_numpy()[osm.first_match(tags(rows[4:7]), table)]
    assert estimated.tolist() == [1, 1, 1]
    types = set(pd.read_csv(FACTORS / "life_circle_facilities.csv", comment="#")["fac_type"])
    assert set(table["fac_type"]) <= types


def test_transit_stop_table():
    table = osm.read_mapping(TABLES / "transit_stops.csv", ["mode", "stop_type"])
    rows = [{"highway": "bus_stop"}, {"public_transport": "platform", "bus": "yes"},
            {"public_transport": "stop_position", "trolleybus": "yes"}, {"railway": "tram_stop"},
            {"public_transport": "stop_position", "tram": "yes"}, {"railway": "station", "station": "subway"},
            {"railway": "subway_entrance"}, {"railway": "halt"}, {"railway": "station"},
            {"public_transport": "station", "train": "yes"}, {"amenity": "bus_station"},
            {"public_transport": "platform"}, {"railway": "level_crossing"}]
    assert classify(rows, table, "mode") == ["bus", "bus", "bus", "tram", "tram", "metro", "metro", "rail", "rail",
                                             "rail", "bus", "bus", None]
    assert classify(rows, table, "stop_type") == ["bus", "bus", "bus", "rail", "rail", "rail", "rail", "rail",
                                                  "rail", "rail", "bus", "bus", None]
    # A funicular (Heidelberg's Bergbahn, Hong Kong's Peak Tram), a cable car or a ferry is not rail or bus: as
    # PTv2 stops their railway=station or bare stop position matched the rail row or the PTv2 fall-back bus row.
    rows = [{"railway": "station", "station": "funicular", "public_transport": "station"},
            {"railway": "halt", "public_transport": "stop_position", "funicular": "yes"},
            {"public_transport": "stop_position", "aerialway": "yes"},
            {"public_transport": "platform", "ferry": "yes"}, {"amenity": "ferry_terminal"},
            {"aerialway": "station"}, {"railway": "halt", "public_transport": "stop_position"}]
    assert classify(rows, table, "stop_type") == ["funicular", "funicular", "aerialway", "ferry", "ferry", None,
                                                  "rail"]


def test_landcover_table_codes_are_in_the_factor_tables():
    table = osm.read_mapping(TABLES / "landcover.csv", ["lucode", "class"], numeric=["lucode", "rank"])
    rows = [{"natural": "water"}, {"landuse": "forest"}, {"building": "yes", "landuse": "residential"},
            {"landuse": "residential"}, {"leisure": "park"}, {"landuse": "farmland"}, {"landuse": "construction"},
            {"highway": "residential"}, {"amenity": "parking"}, {"landuse": "grass"}, {"tourism": "museum"}]
    assert classify(rows, table, "lucode") == [3, 5, 1, 1, 4, 6, 7, 2, 2, 4, None]
    for name in ("carbon_pools.csv", "curve_numbers.csv", "cooling_biophysical.csv", "habitat_sensitivity.csv"):
        codes = pd.read_csv(FACTORS / name, comment="#").set_index("lucode")["class"]
        for code, cls in zip(table["lucode"], table["class"]):
            assert codes[int(code)] == cls, (name, code)


def test_road_green_shelter_and_roof_tables():
    roads = osm.read_mapping(TABLES / "roads.csv", ["walkable"], numeric=["walkable", "width_m"])
    assert classify([{"highway": "residential"}, {"highway": "motorway"}, {"highway": "primary", "foot": "no"},
                     {"highway": "service", "access": "private"}, {"highway": "service", "access": "private",
                                                                   "foot": "yes"},
                     {"highway": "footway"}, {"highway": "proposed"}, {"highway": "bus_stop"}], roads, "walkable") == [
        1, 0, 0, 0, 1, 1, 0, 0]
    green = osm.read_mapping(TABLES / "green_spaces.csv", ["park_type"], numeric=["min_area_m2"])
    assert classify([{"leisure": "park"}] * 3 + [{"leisure": "park", "access": "private"}, {"landuse": "grass"}],
                    green, "park_type", [150_000, 20_000, 3_000, 50_000, 50_000]) == [
        "comprehensive", "community", "pocket", "", None]
    shelters = osm.read_mapping(TABLES / "shelters.csv", ["site"], numeric=["usable_share"])
    assert classify([{"leisure": "park"}, {"amenity": "school"}, {"leisure": "pitch"}, {"amenity": "shelter"}],
                    shelters, "usable_share") == [0.6, 0.3, 0.8, None]
    roof = osm.read_mapping(TABLES / "roof_type.csv", ["roof_type"])
    assert classify([{"roof:shape": "flat"}, {"roof:shape": "gabled"}, {"roof:material": "grass", "roof:shape": "flat"},
                     {"building": "warehouse"}, {"building": "house"}], roof, "roof_type") == [
        "flat", "pitched", "green", "industrial_metal", "unknown"]


# ---- numbers from text -------------------------------------------------------------------------
def test_levels_and_heights_from_text():
    assert osm.parse_levels(["5", " 12 ", "2.5", "3;5", "2-4", "5 floors", "-", "0", "999", None]).tolist() == \
        pytest.approx([5, 12, 2.5, 4, 3, 5, np.nan, np.nan, np.nan, np.nan], nan_ok=True)
    assert osm.parse_height(["30", "30 m", "12,5", "100'", "x"]).tolist() == pytest.approx(
        [30, 30, 12.5, 30.48, np.nan], nan_ok=True)


def test_floors_in_order_of_sources_and_residents():
    floors, source = osm.building_floors([6, np.nan, np.nan, np.nan, np.nan], [np.nan, 31, 1, np.nan, np.nan],
                                         [np.nan, 2, np.nan, 4, np.nan], fallback_floors=2, storey_height_m=3)
    assert floors.tolist() == [6, 10, 1, 4, 2]
    assert source.tolist() == ["levels", "height", "height", "type", "fallback"]
    assert osm.estimate_residents([200, 200, np.nan], [5, 5, 3], [True, False, True], 40).tolist() == [25, 0, 0]
    with pytest.raises(InputError):
        osm.estimate_residents([1], [1], [True], 0)
    with pytest.raises(InputError):
        osm.building_floors([1], [1], [1], 2, storey_height_m=0)


# ---- geometry ----------------------------------------------------------------------------------
def test_roads_cut_at_shared_nodes_only():
    street = shapely.LineString([(0, 0), (50, 0), (100, 0)])
    side = shapely.LineString([(50, 0), (50, 50)])          # meets the street at its middle vertex
    bridge = shapely.LineString([(75, -20), (75, 20)])       # crosses without a shared vertex
    loop = shapely.LineString([(100, 0), (120, 0), (120, 20), (100, 0)])
    pieces, source = osm.split_at_shared_vertices([street, side, bridge, loop])
    assert [(p.wkt, s) for p, s in zip(pieces, source)] == [
        ("LINESTRING (0 0, 50 0)", 0), ("LINESTRING (50 0, 100 0)", 0), ("LINESTRING (50 0, 50 50)", 1),
        ("LINESTRING (75 -20, 75 20)", 2), ("LINESTRING (100 0, 120 0, 120 20, 100 0)", 3)]
    assert shapely.length(pieces).sum() == pytest.approx(sum(shapely.length([street, side, bridge, loop])))


def test_stops_of_one_mode_merge_within_30_m():
    points = shapely.points([(0, 0), (20, 0), (40, 0), (200, 0), (5, 0)])
    keep = osm.merge_close_points(points, ["bus", "bus", "bus", "bus", "tram"], 30)
    assert keep.tolist() == [True, False, False, True, True]   # 0-20-40 is one chain


def test_nested_green_and_grid_and_cover():
    park, garden, other = shapely.box(0, 0, 100, 100), shapely.box(10, 10, 20, 20), shapely.box(200, 0, 210, 10)
    assert osm.nested_in_larger([garden, park, other]).tolist() == [True, False, False]
    cells, row, column = osm.grid_cells(shapely.points([(10, 10), (260, 10), (1010, 990)]), 500)
    assert [c.bounds for c in cells] == [(0, 0, 500, 500), (1000, 500, 1500, 1000)]
    assert row.tolist() == [0, 1] and column.tolist() == [0, 2]
    # A pond in a park in a residential area, clipped to the study area: each square metre once.
    residential, green, pond = shapely.box(0, 0, 100, 100), shapely.box(20, 20, 60, 60), shapely.box(30, 30, 40, 40)
    pieces, codes = osm.layered_cover([residential, pond, green], [1, 3, 4], [10, 90, 45],
                                      extent=shapely.box(0, 0, 100, 50))
    area = pd.Series(shapely.area(pieces)).groupby(codes).sum().to_dict()
    assert area == pytest.approx({1: 5000 - 1200, 3: 100, 4: 1200 - 100})


def test_the_cover_is_layered_tile_by_tile_with_the_same_areas():
    """300 overlapping discs of 4 codes over 3 km: layered in 500 m tiles or in one tile, each code covers
    the same area; the pieces do not overlap and none crosses a tile's edge."""
    rng = np.random.default_rng(7)
    discs = shapely.buffer(shapely.points(rng.uniform(0, 3000, (300, 2))), rng.uniform(20, 400, 300))
    codes, ranks = rng.integers(1, 5, 300), rng.integers(1, 3, 300) * 10.0
    one, one_code = osm.layered_cover(discs, codes, ranks, tile=1e6)
    tiled, tiled_code = osm.layered_cover(discs, codes, ranks, tile=500.0)
    by_code = {k: pd.Series(shapely.area(g)).groupby(c).sum() for k, (g, c) in
               {"one": (one, one_code), "tiled": (tiled, tiled_code)}.items()}
    pd.testing.assert_series_equal(by_code["tiled"], by_code["one"], rtol=1e-9)
    assert shapely.area(tiled).sum() == pytest.approx(shapely.union_all(discs).area, rel=1e-9)
    assert shapely.area(shapely.union_all(tiled)) == pytest.approx(shapely.area(tiled).sum(), rel=1e-9)
    bounds = shapely.bounds(tiled) - shapely.total_bounds(discs)[[0, 1, 0, 1]]
    assert (np.floor(bounds[:, 2] / 500 - 1e-9) == np.floor(bounds[:, 0] / 500 + 1e-9)).all()
    assert len(tiled) > len(one)


def test_conditions_on_distinct_values_match_every_feature():
    """Conditions are matched on each key's distinct values and spread back: 30,000 features drawn from a
    few values (padded with spaces, upper case, ;-lists, missing) get the rows worked out one by one."""
    rng = np.random.default_rng(3)
    amenity = rng.choice(np.array(["school", " School ", "kindergarten;school", "no", None, "cafe"], dtype=object),
                         30_000)
    level = rng.choice(np.array(["1", "0;1", "2", None], dtype=object), 30_000)
    table = pd.DataFrame({"conditions": [(("amenity", "=", ("school",)), ("isced:level", "=", ("1",))),
                                         (("amenity", "=", ("school",)), ("isced:level", "!=", ("2",))),
                                         (("amenity", "*", None),), (("amenity", "~", "^ca"),)]})
    got = osm.first_match(pd.DataFrame({"amenity": amenity, "isced:level": level}, dtype=object), table)

    def by_hand(a, lv):
        parts = [p.strip().lower() for p in (a or "").split(";")]
        levels = [p.strip() for p in (lv or "").split(";")]
        if "school" in parts and "1" in levels:
            return 0
        if "school" in parts and "2" not in levels:
            return 1
        if (a or "").strip() and (a or "").strip().lower() != "no":
            return 2
        return -1   # row 3 (~^ca) is never reached: a cafe is any amenity first

    assert got.tolist() == [by_hand(a, lv) for a, lv in zip(amenity, level)]
    assert set(got.tolist()) == {0, 1, 2, -1}


def test_clip_to_zones_is_the_clip_to_their_union():
    """Discs and lines cut to grid cells holding buildings: the same areas and lengths as cut to the union of
    the cells, None for what meets no cell; a disc across four cells keeps its whole area."""
    rng = np.random.default_rng(11)
    cells, _, _ = osm.grid_cells(shapely.points(rng.uniform(0, 5000, (60, 2))), 500.0)
    discs = shapely.buffer(shapely.points(rng.uniform(-500, 5500, (400, 2))), rng.uniform(10, 700, 400))
    cut, whole = osm.clip_to_zones(discs, cells), shapely.intersection(discs, shapely.union_all(cells))
    met = ~shapely.is_missing(cut)
    assert met.tolist() == shapely.intersects(discs, shapely.union_all(cells)).tolist()
    assert shapely.area(cut[met]) == pytest.approx(shapely.area(whole[met]), rel=1e-9, abs=1e-9)
    assert shapely.area(cut[met]).sum() > 0 and (~met).sum() > 0
    corner = shapely.buffer(shapely.points([(500, 500)]), 100)
    four = osm.clip_to_zones(corner, [shapely.box(0, 0, 500, 500), shapely.box(500, 0, 1000, 500),
                                      shapely.box(0, 500, 500, 1000), shapely.box(500, 500, 1000, 1000)])
    assert shapely.area(four[0]) == pytest.approx(shapely.area(corner[0]), rel=1e-12)
    assert osm.clip_to_zones([], cells).tolist() == [] and osm.clip_to_zones(discs[:2], []).tolist() == [None, None]


def test_group_union():
    squares = np.array([shapely.box(i, 0, i + 1, 1) for i in range(6)])
    out = groups.group_union([2, 0, 2, 2, 0, 2], squares, 4, wide=3)   # group 2 is wider than 3: its own call
    assert [None if g is None else g.area for g in out] == [2.0, None, 4.0, None]
    assert out[2].equals(groups.group_union([0] * 4, squares[[0, 2, 3, 5]], 1)[0])


def test_polygonal_keeps_areas_only():
    mixed = shapely.GeometryCollection([shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (5, 5)])])
    out = osm.polygonal([mixed, shapely.LineString([(0, 0), (1, 1)]), None, shapely.box(0, 0, 2, 2)])
    assert out[0].geom_type == "MultiPolygon" and out[0].area == 1
    assert out[1] is None and out[2] is None and out[3].area == 4


# ---- the local metric CRS ----------------------------------------------------------------------
def test_local_crs():
    assert crs.cgcs2000_gk_epsg(75) == 4534 and crs.cgcs2000_gk_epsg(135) == 4554
    assert crs.cgcs2000_gk_epsg(120.7) == 4549 and crs.cgcs2000_gk_epsg(116.4) == 4548   # Jiaxing, Beijing (117° E)
    assert crs.local_metric_epsg(120.75, 30.75, True) == 4549
    assert crs.local_metric_epsg(120.75, 30.75, False) == 32651        # same place, names not Chinese
    assert crs.local_metric_epsg(139.7, 35.7, True) == 32654            # Tokyo: outside the box
    assert crs.local_metric_epsg(26.95, 60.53, False) == 32635
    assert osm.looks_chinese(["实验小学", "人民公园", "Starbucks", None])
    assert not osm.looks_chinese(["東京駅", "ファミリーマート", "新宿御苑", "セブン-イレブン"])
    assert not osm.looks_chinese(["Helilän koulu", "Otsonkallio"]) and not osm.looks_chinese([])
