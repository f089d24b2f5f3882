"""What each bad-input case feeds an algorithm or model, and what a successful run must give.

A case builds its inputs in its own folder (``Folder``): a small base scene whose results were worked
out by hand (in the comments), spoiled in one way by a *variation* (reprojected, relabelled, emptied,
one feature's geometry or value broken, copied under Chinese names…). A successful run is checked
against the hand values; where the case spoils ``skipped`` features, the log must count them.

The outcome each case has today, and the reason where that is a failure, is the table in
tests/test_bad_input.py; this module only says what is fed in and what is right.
"""
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from osgeo import ogr

from . import build as b
from .build import X0, Y0, bow_tie, rect, square

CASES = {}
CRS_REL = 2e-3   # areas and lengths measured in UTM (4326/3857 inputs) differ from Gauss-Krüger by < 0.1 %


@dataclass
class Case:
    target: str            # algorithm or model id without "lcr:"
    id: str
    kind: str              # the kind of bad input, for the summary
    build: object          # build(Folder) -> parameters
    names: tuple = ()      # a refusal must name one of these (layer, field, file, line or parameter)
    skipped: int = 0       # features spoilt: a successful run must count them in its log
    check: object = None   # check(Run) -> [problems] for a successful run
    nonnegative: frozenset = frozenset()
    must_run: bool = False  # a refusal is no right outcome either
    algorithm_id: str = ""  # where the target is no algorithm id (the runner's self-test)
    meta: dict = None       # what a case spoils, for the cases derived from it (tests/bad_input/more.py)

    @property
    def algorithm(self):
        return "lcr:" + (self.algorithm_id or self.target)


class Folder:
    """Where a case writes its inputs (``in``) and its file outputs (``out``)."""

    def __init__(self, root):
        self.root = Path(root)
        self.inp, self.out = self.root / "in", self.root / "out"
        self.serial = 0

    def file(self, name):
        return self.inp / name

    def output(self, name):
        self.out.mkdir(parents=True, exist_ok=True)
        return os.fspath(self.out / name)

    def layer(self, name, geometry, fields, rows, crs="EPSG:4549", file=None):
        # One file a layer, named like it: QGIS names a layer loaded from "file|layername=…" after
        # the file, and that is the name its messages give.
        return b.layer(self.inp / (file or f"{name}.gpkg"), name, geometry, crs, fields, rows)

    def table(self, name, content, encoding="utf-8"):
        return b.text(self.inp / name, content, encoding)

    def copy(self, uri, file=None, name=None, **changes):
        """A changed copy of the layer ``uri``, by default under the same name in a folder of its own."""
        self.serial += 1
        name = name or b.split_uri(uri)[1]
        return b.copy_layer(uri, self.inp / f"v{self.serial}" / (file or f"{name}.gpkg"), name, **changes)


# ---- variations: (Folder, params) -> params ---------------------------------------------------------
def is_layer(value):
    return isinstance(value, str) and "|layername=" in value


def layers_of(params, which):
    return [k for k, v in params.items() if is_layer(v) and (which is None or k in which)]


def _map(which, **changes):
    def vary(d, params):
        out = dict(params)
        for key in layers_of(params, which):
            out[key] = d.copy(params[key], **changes)
        return out
    return vary


def in_crs(crs, which=None):
    """The layers (all, or those of the parameters ``which``) reprojected to ``crs``."""
    return _map(which, crs=crs)


def mislabelled(which, crs="EPSG:4326"):
    """The layers keep their metre coordinates but say they are in ``crs``."""
    return _map(which, assign_crs=crs)


def moved(which, dx=200_000.0, dy=0.0):
    """The layers shifted far away: their extents no longer meet the others'."""
    def shift(fid, geom):
        if geom is None or geom.IsEmpty():
            return geom
        return ogr.CreateGeometryFromWkb(shapely.to_wkb(
            shapely.transform(shapely.from_wkb(bytes(geom.ExportToWkb())), lambda xy: xy + (dx, dy))))
    return _map(which, geometry=shift)


def as_points(which):
    """The layers' geometries replaced by their centroids (a point layer where polygons are asked)."""
    return _map(which, geometry_type="Point",
                geometry=lambda fid, geom: geom.Centroid() if geom is not None else None)


def as_polygons(which, side=10.0):
    """The layers' geometries replaced by squares around their centroids (polygons where points or
    lines are asked)."""
    def to_square(fid, geom):
        if geom is None:
            return None
        point = geom.Centroid()
        return square(point.GetX(), point.GetY(), side)
    return _map(which, geometry_type="Polygon", geometry=to_square)


def emptied(which):
    return _map(which, keep=lambda fid: False)


def geometry_of(which, fid, wkt, geometry_type=None):
    """Feature ``fid`` of the layer of ``which`` gets ``wkt`` (None: no geometry; a function of the old
    geometry: computed)."""
    def replace(f, geom):
        if f != fid:
            return geom
        return wkt(geom) if callable(wkt) else wkt
    return _map([which], geometry=replace, geometry_type=geometry_type)


def value_of(which, fid, field, value, fmt="gpkg", retype=None):
    """Feature ``fid`` of the layer of ``which`` gets ``value`` in ``field`` (a NaN needs ``fmt`` "fgb":
    SQLite keeps no NaN)."""
    def vary(d, params):
        out = dict(params)
        uri = params[which]
        kind = retype or ("real" if isinstance(value, float) else None)
        edit = {field: kind} if kind else None
        name = b.split_uri(uri)[1]
        out[which] = d.copy(uri, file=f"{name}.{fmt}", retype=edit,
                            values=lambda f, row: {**row, field: value} if f == fid else row)
        return out
    return vary


def text_copy(which, field, param, new="as_text"):
    """The numbers of ``field`` copied into a text field ``new`` that the field parameter ``param`` names."""
    def vary(d, params):
        out = dict(params)
        out[which] = d.copy(params[which], add_fields=[(new, "str")],
                            values=lambda f, row: {**row, new: None if row[field] is None else f"{row[field]:g}"})
        out[param] = new
        return out
    return vary


def chinese(rename=None, folder="中文 目录"):
    """Every layer copied into a folder, file and layer with Chinese names; ``rename`` {field parameter:
    (layer parameter, Chinese name)} renames the field it names (the parameter follows)."""
    rename = rename or {}

    def vary(d, params):
        out = dict(params)
        for key in layers_of(params, None):
            fields = {_first(params[p]): new for p, (parent, new) in rename.items() if parent == key}
            name = f"图层_{b.split_uri(params[key])[1]}"
            out[key] = d.copy(params[key], file=f"{folder}/{name}.gpkg", name=name, rename=fields)
        for param, (_, new) in rename.items():
            out[param] = new
        return out
    return vary


def _first(value):
    return value[0] if isinstance(value, (list, tuple)) else value


def setting(**values):
    """Parameters changed (extreme values, missing fields, own tables given by the case)."""
    def vary(d, params):
        return {**params, **{k: (v(d) if callable(v) else v) for k, v in values.items()}}
    return vary


def table(param, content, encoding="utf-8", name="table.csv"):
    """An own table (CSV text, or bytes) given as the file parameter ``param``."""
    return setting(**{param: lambda d: d.table(name, content, encoding)})


def chain(*variations):
    def vary(d, params):
        for variation in variations:
            params = variation(d, params)
        return params
    return vary


# ---- checks: Run -> [problems] -------------------------------------------------------------------------
class OneOf:
    """Any of these values is right (None: NULL)."""

    def __init__(self, *values):
        self.values = values

    def __repr__(self):
        return " or ".join("NULL" if v is None else f"{v:g}" if isinstance(v, float) else repr(v)
                           for v in self.values)


def _matches(got, want, rel, abs_tol):
    if isinstance(want, OneOf):
        return any(_matches(got, w, rel, abs_tol) for w in want.values)
    if want is None:
        return got is None
    if isinstance(want, str) or isinstance(got, str):
        return got == want
    if got is None or isinstance(got, bool) or not isinstance(got, (int, float)):
        return False
    return math.isfinite(got) and abs(got - want) <= max(abs_tol, rel * abs(want))


def expect(fields=None, results=None, key="name", output="OUTPUT", rel=1e-6, abs_tol=1e-6, count=None):
    """``fields`` {field: {key value: wanted}} of the output layer, ``results`` {name: wanted} of the
    result; ``count``: the number of output features."""
    def check(run):
        problems = []
        if fields or count is not None:
            rows = run.by(key, output)
            if count is not None and len(run.rows(output)) != count:
                problems.append(f"{output} has {len(run.rows(output))} features, expected {count}")
            for field, wanted in (fields or {}).items():
                for ident, want in wanted.items():
                    row = rows.get(ident)
                    if row is None:
                        problems.append(f"{output}: no feature {key} = {ident}")
                    elif not _matches(row.get(field), want, rel, abs_tol):
                        problems.append(f"{ident}.{field} = {row.get(field)!r}, expected {want!r}")
        for name, want in (results or {}).items():
            if not _matches(run.result.get(name), want, rel, abs_tol):
                problems.append(f"{name} = {run.result.get(name)!r}, expected {want!r}")
        return problems
    check.fields = {output: list(fields or {})}   # the output fields it checks (more.py's field clashes)
    return check


def logged(*texts):
    """The log mentions each of ``texts``."""
    def check(run):
        return [f"the log does not mention {t!r}" for t in texts if not any(t in line for line in run.log)]
    return check


def all_of(*checks):
    def check(run):
        return [problem for c in checks if c for problem in c(run)]
    return check


def either(first, second):
    """Right if either check passes (e.g. a spoilt feature left out, or counted with a default)."""
    def check(run):
        a = first(run)
        if not a:
            return []
        b = second(run)
        return b and a + ["or: " + p for p in b]
    return check


# ---- registration ----------------------------------------------------------------------------------------
def register(target, scene, variations, nonnegative=()):
    """Cases of ``target``: (case id, kind, variation, options) over the base ``scene(Folder)``."""
    for case_id, kind, variation, options in variations:
        def build(d, scene=scene, variation=variation):
            return variation(d, scene(d)) if variation else scene(d)
        CASES[(target, case_id)] = Case(target, case_id, kind, build, nonnegative=frozenset(nonnegative),
                                        **options)


def refusal_only(run):
    """The check of a case where no result can be right (a mislabelled CRS, an absurd parameter)."""
    warnings = [line for line in run.log if not line.startswith("Results:")][-3:]
    return ["ran to the end where only a refusal is right; last log lines: " + " | ".join(warnings)]


def case(case_id, kind, variation=None, names=(), skipped=0, check=None):
    if check is None:
        check = refusal_only
    return case_id, kind, variation, {"names": tuple(names), "skipped": skipped, "check": check}


# Malformed own tables, the same for every table parameter: 0 bytes, a header only, GBK bytes, an
# infinite number, a column missing. ``good`` is a valid table as text, giving the results ``check``
# expects (a table read right in spite of its GBK bytes is as right as a refusal); ``column`` a numeric
# column.
def table_cases(param, good, column, prefix="table", check=None):
    header = good.splitlines()[0]
    rows = good.splitlines()[1:]
    columns = header.split(",")
    at = columns.index(column)

    def with_inf(row):
        cells = row.split(",")
        cells[at] = "inf"
        return ",".join(cells)
    no_column = "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != at)
                          for line in good.splitlines()) + "\n"
    inf_rows = [with_inf(rows[0])] + rows[1:]
    # A table saved from Chinese Excel: GBK bytes, with a Chinese comment so that it does not decode as UTF-8.
    gbk = ("# 自己的表格（GBK 编码）\n" + good).encode("gbk")
    name = f"{prefix}.csv"
    return [
        case(f"{prefix}_0_bytes", "malformed table", table(param, b"", name=name), names=[name]),
        case(f"{prefix}_header_only", "malformed table", table(param, header + "\n", name=name), names=[name]),
        case(f"{prefix}_gbk", "malformed table", table(param, gbk, name=name), names=[name], check=check),
        case(f"{prefix}_inf", "malformed table", table(param, "\n".join([header] + inf_rows) + "\n", name=name),
             names=[name]),
        case(f"{prefix}_missing_column", "malformed table", table(param, no_column, name=name),
             names=[name, column]),
    ]


# What a warning that two layers do not meet may say.
DISJOINT = ("same place", "overlap", "outside every", "in no zone", "lie outside")


def warned(*texts):
    """The log has a line with any of ``texts`` (a warning that the layers do not meet, say)."""
    def check(run):
        if any(t.lower() in line.lower() for line in run.log for t in texts):
            return []
        return ["no warning mentioning any of: " + ", ".join(texts)]
    return check


def multi(which, fid, wkt):
    """The layer of ``which`` as a MultiPolygon layer; feature ``fid`` gets the multipart ``wkt``."""
    def to_multi(f, geom):
        if f == fid:
            return wkt
        return ogr.ForceToMultiPolygon(geom) if geom is not None else None
    return _map([which], geometry=to_multi, geometry_type="MultiPolygon")


BAD_NUMBERS = [("inf", math.inf), ("minus_inf", -math.inf), ("nan", math.nan), ("1e308", 1e308),
               ("negative", -5.0), ("nodata_minus_9999", -9999.0), ("nodata_minus_999", -999.0),
               ("nodata_9999", 9999.0)]


def value_cases(which, fid, field, check, prefix=None, numbers=BAD_NUMBERS, skipped=1, checks=None):
    """One case per bad number in ``field`` of feature ``fid``; a successful run must count the
    spoilt feature and pass ``check`` (``checks`` {number id: (check, skipped)} overrides both)."""
    prefix = prefix or field
    out = []
    for label, number in numbers:
        fmt = "fgb" if isinstance(number, float) and math.isnan(number) else "gpkg"
        this_check, this_skipped = (checks or {}).get(label, (check, skipped))
        out.append(case(f"{prefix}_{label}", "bad value", value_of(which, fid, field, number, fmt=fmt),
                        names=[field], skipped=this_skipped, check=this_check))
        out[-1][3]["meta"] = {"which": which, "fid": fid, "field": field}
    return out


def geometry_cases(which, name, fid, at, repaired, missing, multi_check=None, skipped_repaired=1, prefix="",
                   skipped_missing=1):
    """Wrong type, empty layer, a bow-tie, no geometry, an empty geometry and (with ``multi_check``) a
    multipart feature, for the polygon layer of ``which`` (called ``name``); ``fid`` is spoilt at ``at``."""
    x, y = at
    out = [
        case(f"{prefix}wrong_geometry_type", "wrong geometry type", as_points([which]), names=[name]),
        case(f"{prefix}empty_layer", "empty layer", emptied([which]), names=[name]),
        case(f"{prefix}bow_tie", "invalid geometry", geometry_of(which, fid, bow_tie(x, y)),
             skipped=skipped_repaired, check=repaired),
        case(f"{prefix}null_geometry", "null geometry", geometry_of(which, fid, None), skipped=skipped_missing,
             check=missing),
        case(f"{prefix}empty_geometry", "empty geometry", geometry_of(which, fid, "POLYGON EMPTY"),
             skipped=skipped_missing, check=missing),
    ]
    for spoilt in out[2:]:
        spoilt[3]["meta"] = {"which": which, "fid": fid, "name": name, "prefix": prefix}
    if multi_check:
        out.append(case(f"{prefix}multipolygon", "multi geometry",
                        multi(which, fid, f"MULTIPOLYGON((({x} {y},{x + 10} {y},{x + 10} {y + 10},{x} {y + 10},"
                                          f"{x} {y})),(({x} {y + 20},{x + 10} {y + 20},{x + 10} {y + 30},"
                                          f"{x} {y + 30},{x} {y + 20})))"), check=multi_check))
    return out


def degrees_labelled(which, crs):
    """The layers (all, or those of ``which``) in longitudes and latitudes, labelled ``crs`` (projected)."""
    return chain(in_crs("EPSG:4326", which), mislabelled(which, crs))


def crs_cases(check, mislabel_names, mislabel=None, mixed=None, mixed_check=None, mislabel_check=None):
    """The inputs reprojected to EPSG:4326 and to 3857 (same results within ``CRS_REL``), metre
    coordinates labelled EPSG:4326 and degrees labelled EPSG:4549 (``mislabel``: which layers, default
    all), and (``mixed``) some layers in another CRS than the rest."""
    out = [case("geographic_4326", "geographic CRS", in_crs("EPSG:4326"), check=check),
           case("web_mercator_3857", "geographic CRS", in_crs("EPSG:3857"), check=check),
           case("mislabelled_4326", "mislabelled CRS", mislabelled(mislabel), names=mislabel_names,
                check=mislabel_check),
           case("degrees_labelled_4549", "mislabelled CRS", degrees_labelled(mislabel, "EPSG:4549"),
                names=mislabel_names)]
    if mixed:
        out.append(case("mixed_crs", "mixed CRS", in_crs("EPSG:4326", mixed), check=mixed_check or check))
    return out


# ==== lcr:building_emissions ===============================================================================
# Grid factor 1 kgCO2/kWh, fuel factor 0, no use field: every building takes the shipped "default" row,
# 60 kWh/m² of electricity → CO2 (t) = GFA × 0.06.
BE_FIELDS = "name:str,floors:real,gfa:real,use:str,code:int"


def be_scene(d):
    return {"INPUT": d.layer("buildings", "Polygon", BE_FIELDS, [
        (rect(X0, Y0, 10, 10), ["a", 3, None, "office", 801]),          # 100 m² × 3 = 300 m² → 18 t
        (rect(X0 + 20, Y0, 20, 10), ["b", 2, None, "住宅", 701]),        # 200 m² × 2 = 400 m² → 24 t
        (rect(X0 + 50, Y0, 10, 10), ["x", 4, None, "hotel", 90104]),    # 100 m² × 4 = 400 m² → 24 t (spoilt)
    ]), "FLOORS_FIELD": "floors", "GRID_FACTOR": 1.0, "FUEL_FACTOR": 0.0, "OUTPUT": "TEMPORARY_OUTPUT"}


def be_expect(x_gfa, rel=1e-6):
    """a and b as worked out; x with ``x_gfa`` m² (None: NULL); totals over what is not NULL."""
    gfa = 700.0 + (x_gfa or 0.0)
    return expect({"gfa_m2": {"a": 300.0, "b": 400.0, "x": x_gfa},
                   "co2_t_yr": {"a": 18.0, "b": 24.0, "x": None if x_gfa is None else x_gfa * 0.06}},
                  {"TOTAL_GFA_M2": gfa, "TOTAL_CO2_T": gfa * 0.06}, rel=rel)


BE_BASE = be_expect(400.0)
# A floors value that is no number of floors: left empty, or the default 1 floor (100 m²).
BE_X_MISSING = either(be_expect(None), be_expect(100.0))
EUI_TABLE = "use,elec_kwh_m2,fuel_kwh_m2\ndefault,60,10\n"   # the shipped default row alone

register("building_emissions", be_scene, [
    case("base", "none (control)", check=BE_BASE),
    *geometry_cases("INPUT", "buildings", 3, (X0 + 50, Y0), repaired=be_expect(200.0),   # bow-tie 50 m² × 4
                    missing=either(be_expect(None), be_expect(0.0)), multi_check=be_expect(800.0)),
    *crs_cases(be_expect(400.0, rel=CRS_REL), ["buildings"]),
    case("degrees_labelled_3857", "mislabelled CRS", degrees_labelled(None, "EPSG:3857"), names=["buildings"]),
    *value_cases("INPUT", 3, "floors", BE_X_MISSING),
    *value_cases("INPUT", 3, "gfa", be_expect(400.0), numbers=[BAD_NUMBERS[0], BAD_NUMBERS[3]], prefix="gfa"),
    case("gfa_negative", "bad value", chain(value_of("INPUT", 3, "gfa", -5.0), setting(GFA_FIELD="gfa")),
         check=be_expect(400.0)),  # documented: a floor area not above 0 is not given
    case("missing_field", "missing field", setting(FLOORS_FIELD="storeys"), names=["storeys"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "floors", "FLOORS_FIELD"),
         names=["as_text"], check=BE_BASE),
    case("use_codes_as_integers", "codes as integers", setting(USE_FIELD="code"),
         check=either(  # 801 → office 85, 701 → residential 30, 90104 → hotel 140 kWh/m² (grid 1, fuel 0)
             expect({"co2_t_yr": {"a": 25.5, "b": 12.0, "x": 56.0}}),
             all_of(BE_BASE, logged("3 buildings have a use the table does not list")))),
    case("chinese_names", "Chinese paths and names", chinese({"FLOORS_FIELD": ("INPUT", "层数")}), check=BE_BASE),
    *table_cases("EUI_TABLE", EUI_TABLE, "elec_kwh_m2", prefix="eui_table", check=BE_BASE),
    case("default_floors_1e308", "extreme parameter",
         chain(value_of("INPUT", 3, "floors", None, retype="real"), setting(DEFAULT_FLOORS=1e308)),
         names=["Default floors", "DEFAULT_FLOORS"]),
    case("grid_factor_1e308", "extreme parameter", setting(GRID_FACTOR=1e308),
         names=["Grid emission factor", "GRID_FACTOR"]),
    case("grid_year_without_data", "extreme parameter", setting(GRID_FACTOR=None, GRID_YEAR=2099), names=["2099"]),
], nonnegative=["gfa_m2", "eui_kwh_m2", "energy_kwh", "co2_t_yr", "TOTAL_GFA_M2", "TOTAL_CO2_T"])
# The gfa cases spoil the floor area field, which only counts when GFA_FIELD names it.
for _id in [k[1] for k in CASES if k[0] == "building_emissions" and k[1].startswith("gfa_") and k[1] != "gfa_negative"]:
    _case = CASES[("building_emissions", _id)]
    _case.build = (lambda inner: lambda d: {**inner(d), "GFA_FIELD": "gfa"})(_case.build)
    # A floor area that is no number: left empty, or footprint × floors (400 m²) as when it is not given.
    _case.check = either(be_expect(None), be_expect(400.0))


def numbers(*labels):
    return [(label, number) for label, number in BAD_NUMBERS if label in labels]


# Residents, jobs, demand: a count, where 9999 is a plausible value, not a nodata sentinel.
COUNT_NUMBERS = numbers("inf", "minus_inf", "nan", "1e308", "negative", "nodata_minus_9999")


# ==== lcr:flood_exposure ===================================================================================
# The outer zone (0.5 m) covers x from X0−10 to X0+80, the inner one (1.5 m) X0−10 to X0+20. Shipped
# curve: 0.5 m → 0.3266, 1.5 m → 0.6166.
def fl_scene(d):
    return {"INPUT": d.layer("buildings", "Polygon", "name:str,residents:real", [
        (rect(X0, Y0, 10, 10), ["deep", 30]),          # both zones: 1.5 m
        (rect(X0 + 40, Y0, 10, 10), ["shallow", 12]),  # outer zone: 0.5 m
        (rect(X0 + 200, Y0, 10, 10), ["dry", 50]),
        (rect(X0 + 60, Y0, 10, 10), ["x", 20]),        # outer zone: 0.5 m (spoilt)
    ]), "HAZARD": d.layer("flood_zones", "Polygon", "zone:str,depth_m:real", [
        (rect(X0 - 10, Y0 - 10, 90, 30), ["outer", 0.5]), (rect(X0 - 10, Y0 - 10, 30, 30), ["inner", 1.5])]),
        "DEPTH_FIELD": "depth_m", "POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"}


def fl_expect(deep=1.5, x=0.5, x_pop=20.0, exposed=3):
    damage = {0.5: 0.3266, 1.5: 0.6166, 0.0: 0.0}
    fields = {"depth_m": {"deep": deep, "shallow": 0.5, "dry": 0.0, "x": x},
              "damage_fr": {"deep": damage[deep], "shallow": 0.3266, "dry": 0.0},
              "pop_exp": {"deep": 30.0, "shallow": 12.0, "dry": 0.0, "x": x_pop}}
    counted = x_pop if isinstance(x_pop, float) else 0.0
    return expect(fields, {"EXPOSED_COUNT": exposed, "EXPOSED_POPULATION": 42.0 + counted})


FL_BASE = fl_expect()

register("flood_exposure", fl_scene, [
    case("base", "none (control)", check=FL_BASE),
    *geometry_cases("INPUT", "buildings", 4, (X0 + 60, Y0), repaired=FL_BASE, skipped_repaired=0,
                    missing=fl_expect(x=OneOf(None, 0.0), x_pop=OneOf(None, 0.0), exposed=2),
                    multi_check=FL_BASE),
    *geometry_cases("HAZARD", "flood_zones", 2, (X0 - 10, Y0 - 10), prefix="hazard_", skipped_repaired=0,
                    # the repaired bow-tie (two triangles) still covers deep's corner at (X0, Y0)
                    repaired=FL_BASE, missing=fl_expect(deep=0.5)),
    *crs_cases(FL_BASE, ["buildings"], mislabel=["INPUT"], mixed=["HAZARD"]),
    case("disjoint_extents", "disjoint extents", moved(["HAZARD"]),
         check=all_of(expect({"depth_m": {"deep": 0.0, "x": 0.0}}, {"EXPOSED_COUNT": 0}),
                      warned(*DISJOINT))),
    *value_cases("INPUT", 4, "residents", fl_expect(x_pop=OneOf(None, 0.0)), numbers=COUNT_NUMBERS,
                 checks={"nan": (fl_expect(x_pop=0.0), 0)}),   # documented: a missing value counts as 0
    # A depth that is no depth: the inner zone left out (deep then 0.5 m), and counted.
    *value_cases("HAZARD", 2, "depth_m", fl_expect(deep=0.5), prefix="depth"),
    case("missing_field", "missing field", setting(DEPTH_FIELD="depth"), names=["depth"]),
    case("numbers_as_text", "numbers as text", text_copy("HAZARD", "depth_m", "DEPTH_FIELD"), names=["as_text"],
         check=FL_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"DEPTH_FIELD": ("HAZARD", "水深"), "POPULATION_FIELD": ("INPUT", "人口")}), check=FL_BASE),
    *table_cases("DAMAGE_CURVE", "depth_m,damage_fraction\n0,0\n0.5,0.3266\n1.0,0.4941\n1.5,0.6166\n2.0,0.7207\n",
                 "damage_fraction", prefix="damage_curve", check=FL_BASE),
    case("min_depth_1e308", "extreme parameter", setting(MIN_DEPTH=1e308),
         check=expect(results={"EXPOSED_COUNT": 0, "EXPOSED_POPULATION": 0.0})),
], nonnegative=["depth_m", "damage_fr", "pop_exp", "EXPOSED_COUNT", "EXPOSED_POPULATION"])

# ==== lcr:carbon_stock (polygons) =========================================================================
# Shipped pools (t C/ha): tree_cover (5) 61 + 15.9 + 88 + 13 = 177.9, growing 2.8 t C/ha/yr; built_up (1)
# 5 + 5 + 15 + 2 = 27, rate 0; park_green (4) 18.3 + 4.8 + 88 + 1 = 112.1, rate 0.84. CO2 = C × 44/12.
def cs_scene(d):
    return {"INPUT": d.layer("landcover", "Polygon", "name:str,lucode:int,cls:str", [
        (rect(X0, Y0, 200, 100), ["a", 5, "tree_cover"]),        # 2 ha → 355.8 t C, 5.6 t C/yr
        (rect(X0 + 300, Y0, 100, 100), ["b", 1, "built_up"]),     # 1 ha → 27 t C
        (rect(X0 + 500, Y0, 100, 100), ["x", 4, "park_green"]),   # 1 ha → 112.1 t C, 0.84 t C/yr (spoilt)
    ]), "CLASS_FIELD": "lucode", "OUTPUT": "TEMPORARY_OUTPUT"}


def cs_expect(x_ha, rel=1e-6):
    """a and b as worked out, x over ``x_ha`` hectares of park (None: NULL)."""
    x_c = None if x_ha is None else 112.1 * x_ha
    total = 382.8 + (x_c or 0.0)
    seq = (5.6 + 0.84 * (x_ha or 0.0)) * 44 / 12
    return expect({"area_ha": {"a": 2.0, "b": 1.0}, "c_stock_t": {"a": 355.8, "b": 27.0, "x": x_c}},
                  {"TOTAL_C_T": total, "TOTAL_CO2E_T": total * 44 / 12, "TOTAL_SEQ_CO2_T_YR": seq}, rel=rel)


CS_BASE = cs_expect(1.0)
POOLS = ("lucode,c_above,c_below,c_soil,c_dead,c_rate\n1,5,5,15,2,0\n4,18.3,4.8,88,1,0.84\n"
         "5,61.0,15.9,88,13,2.8\n")

register("carbon_stock", cs_scene, [
    case("base", "none (control)", check=CS_BASE),
    *geometry_cases("INPUT", "landcover", 3, (X0 + 500, Y0), repaired=cs_expect(0.005),   # bow-tie 50 m²
                    missing=either(cs_expect(None), cs_expect(0.0)), multi_check=cs_expect(0.02)),
    *crs_cases(cs_expect(1.0, rel=CRS_REL), ["landcover"]),
    case("class_unknown_code", "bad value", value_of("INPUT", 3, "lucode", 99), skipped=1, check=cs_expect(None)),
    case("class_nodata_minus_9999", "bad value", value_of("INPUT", 3, "lucode", -9999), skipped=1,
         check=cs_expect(None)),
    case("class_inf", "bad value", value_of("INPUT", 3, "lucode", math.inf, retype="real"), skipped=1,
         check=cs_expect(None)),
    case("class_nan", "bad value", value_of("INPUT", 3, "lucode", math.nan, fmt="fgb", retype="real"), skipped=1,
         check=cs_expect(None)),
    case("codes_as_reals", "codes as reals", value_of("INPUT", 3, "lucode", 4.0, retype="real"), check=CS_BASE),
    case("codes_as_text", "numbers as text", text_copy("INPUT", "lucode", "CLASS_FIELD"), check=CS_BASE),
    case("missing_field", "missing field", setting(CLASS_FIELD="landuse"), names=["landuse"]),
    case("chinese_names", "Chinese paths and names", chinese({"CLASS_FIELD": ("INPUT", "地类")}), check=CS_BASE),
    *table_cases("POOLS_TABLE", POOLS, "c_above", prefix="pools_table", check=CS_BASE),
    case("polygons_and_raster", "extreme parameter",
         setting(LULC_RASTER=lambda d: b.geotiff(d.file("lulc.tif"), np.ones((2, 2), "int32"), (X0, Y0), 10.0)),
         names=["raster"]),
], nonnegative=["area_ha", "c_stock_t", "co2e_t", "c_scen_t", "seq_co2_t_yr", "TOTAL_C_T", "TOTAL_CO2E_T",
                "TOTAL_SEQ_CO2_T_YR"])


# ---- lcr:carbon_stock on a land-cover raster ----------------------------------------------------------------
# 4 × 4 pixels of 10 m (0.01 ha) from (X0, Y0 + 40) down: two columns of tree cover (5) and two of
# built-up land (1): 8 × 0.01 × 177.9 + 8 × 0.01 × 27 = 14.232 + 2.16 = 16.392 t C; 8 × 0.01 × 2.8 t C/yr.
LULC = np.array([[5, 5, 1, 1]] * 4, dtype="int32")


def lulc(d, array=LULC, name="lulc.tif", top_left=(X0, Y0 + 40), pixel=10.0, crs="EPSG:4549", nodata=None):
    return b.geotiff(d.file(name), array, top_left, pixel, crs, nodata)


def csr_scene(d):
    return {"LULC_RASTER": lulc(d), "OUTPUT": "TEMPORARY_OUTPUT"}


def csr_expect(c=16.392, seq_c=8 * 0.01 * 2.8, **more):
    return expect(results={"TOTAL_C_T": c, "TOTAL_CO2E_T": c * 44 / 12, "TOTAL_SEQ_CO2_T_YR": seq_c * 44 / 12, **more})


def raster(param, **kwargs):
    return setting(**{param: lambda d: lulc(d, **kwargs)})


NODATA_2 = np.array([[5, 5, 1, 1]] * 3 + [[5, 5, -9999, -9999]], dtype="int32")   # two built-up pixels lost
FLOAT_NAN = np.array([[5, 5, 1, 1]] * 3 + [[5, 5, np.nan, np.nan]], dtype="float32")
FLOAT_INF = np.array([[5, 5, 1, 1]] * 3 + [[5, 5, np.inf, 1]], dtype="float32")
CSR_LOST_2 = csr_expect(16.392 - 2 * 0.27)

register("carbon_stock", csr_scene, [
    case("raster_base", "none (control)", check=csr_expect()),
    case("raster_nodata", "nodata", raster("LULC_RASTER", array=NODATA_2, nodata=-9999), check=CSR_LOST_2),
    case("raster_nodata_undeclared", "nodata", raster("LULC_RASTER", array=NODATA_2), skipped=2, check=CSR_LOST_2),
    case("raster_float_nan", "bad value", raster("LULC_RASTER", array=FLOAT_NAN), check=CSR_LOST_2),
    case("raster_float_inf", "bad value", raster("LULC_RASTER", array=FLOAT_INF), skipped=1,
         check=csr_expect(16.392 - 0.27)),
    case("raster_geographic", "geographic raster",
         raster("LULC_RASTER", top_left=(120.75, 30.75), pixel=0.0001, crs="EPSG:4326"), names=["lulc"]),
    case("raster_no_crs", "mislabelled CRS", raster("LULC_RASTER", crs=None), check=csr_expect()),
    case("raster_misaligned_pixel_size", "misaligned rasters",
         raster("SCENARIO_RASTER", array=np.full((2, 2), 5, "int32"), name="plan.tif", pixel=20.0),
         names=["plan raster", "plan"]),
    # Plan all tree cover, half a pixel off the grid: its stock is 16 × 0.01 × 177.9 = 28.464 t C.
    case("raster_misaligned_origin", "misaligned rasters",
         raster("SCENARIO_RASTER", array=np.full((4, 4), 5, "int32"), name="plan.tif", top_left=(X0 + 5, Y0 + 45)),
         check=csr_expect(TOTAL_CHANGE_T=28.464 - 16.392)),
    case("raster_misaligned_crs", "misaligned rasters",
         raster("SCENARIO_RASTER", array=LULC, name="plan.tif", top_left=(270000, 3403000), crs="EPSG:32651"),
         names=["plan raster", "plan"]),
    case("raster_zones_disjoint", "disjoint extents",
         setting(ZONES=lambda d: d.layer("zones", "Polygon", "zone:str", [(rect(X0 + 90_000, Y0, 40, 40), ["far"])])),
         check=all_of(expect({"c_stock_t": {"far": None}}, key="zone"), warned(*DISJOINT))),
    case("raster_zones_4326", "mixed CRS",
         chain(setting(ZONES=lambda d: d.layer("zones", "Polygon", "zone:str", [(rect(X0, Y0, 40, 40), ["all"])])),
               in_crs("EPSG:4326", ["ZONES"])),
         check=expect({"c_stock_t": {"all": 16.392}}, key="zone", rel=CRS_REL)),
    case("raster_chinese_path", "Chinese paths and names",
         setting(LULC_RASTER=lambda d: b.geotiff(d.file("中文 目录/土地覆盖.tif"), LULC, (X0, Y0 + 40), 10.0)),
         check=csr_expect()),
], nonnegative=["area_ha", "c_stock_t", "co2e_t", "c_scen_t", "seq_co2_t_yr", "TOTAL_C_T", "TOTAL_CO2E_T",
                "TOTAL_SEQ_CO2_T_YR"])


# ==== lcr:rooftop_pv ========================================================================================
# 1300 kWh/m²·a × η 0.20 × PR 0.80 = 208 kWh per m² of usable roof; usable shares flat 0.6, pitched 0.5;
# grid factor 1 kg/kWh → CO2 (t) = kWh / 1000.
def pv_scene(d):
    return {"INPUT": d.layer("buildings", "Polygon", "name:str,roof_type:str,demand:real", [
        (rect(X0, Y0, 20, 10), ["a", "flat", 49_920.0]),         # 200 × 0.6 = 120 m² → 24 960 kWh, share 0.5
        (rect(X0 + 40, Y0, 15, 10), ["b", "pitched", 31_200.0]),  # 150 × 0.5 = 75 m² → 15 600 kWh, share 0.5
        (rect(X0 + 80, Y0, 10, 10), ["x", "flat", 24_960.0]),     # 100 × 0.6 = 60 m² → 12 480 kWh, share 0.5
    ]), "ROOF_TYPE_FIELD": "roof_type", "DEMAND_FIELD": "demand", "GRID_FACTOR": 1.0, "OUTPUT": "TEMPORARY_OUTPUT"}


def pv_expect(x_kwh=12_480.0, x_share=0.5, h=1300.0, x_h=None, rel=1e-6):
    k = h / 1300.0
    x_kwh = x_kwh if x_h is None or x_kwh is None else 12_480.0 * x_h / 1300.0
    total = (24_960.0 + 15_600.0) * k + (x_kwh or 0.0)
    return expect({"pv_kwh_yr": {"a": 24_960.0 * k, "b": 15_600.0 * k, "x": x_kwh},
                   "pv_share": {"a": 0.5 * k, "b": 0.5 * k, "x": x_share}},
                  {"TOTAL_PV_KWH": total, "TOTAL_PV_CO2_T": total / 1000.0}, rel=rel)


PV_BASE = pv_expect()


def irradiation(array, top_left=(X0 - 10, Y0 + 20), pixel=10.0, crs="EPSG:4549", nodata=None):
    return setting(IRRADIATION_RASTER=lambda d: b.geotiff(d.file("irradiation.tif"), array, top_left, pixel, crs,
                                                          nodata))


# 3 × 11 pixels of 10 m over x from X0 − 10 to X0 + 100: every footprint's inner point lies in the middle row.
SUN = np.full((3, 11), 1000.0, "float32")
SUN_X_NODATA, SUN_X_INF = SUN.copy(), SUN.copy()
SUN_X_NODATA[:, 9:] = -9999.0   # x's footprint (X0 + 80 … X0 + 90) lies in columns 9 and 10
SUN_X_INF[:, 9:] = np.inf

register("rooftop_pv", pv_scene, [
    case("base", "none (control)", check=PV_BASE),
    *geometry_cases("INPUT", "buildings", 3, (X0 + 80, Y0), repaired=pv_expect(6_240.0, 0.25),   # 50 m² × 0.6
                    missing=either(pv_expect(None, None), pv_expect(0.0, OneOf(None, 0.0))),
                    multi_check=pv_expect(24_960.0, 1.0)),
    *crs_cases(pv_expect(rel=CRS_REL), ["buildings"]),
    *value_cases("INPUT", 3, "demand", pv_expect(x_share=None), numbers=COUNT_NUMBERS, prefix="demand"),
    case("roof_type_unknown", "bad value", value_of("INPUT", 3, "roof_type", "thatch"), skipped=1,
         check=pv_expect(8_320.0, 8_320.0 / 24_960.0)),   # the default share 0.4: 40 m² × 208
    case("missing_field", "missing field", setting(DEMAND_FIELD="kwh"), names=["kwh"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "demand", "DEMAND_FIELD"), names=["as_text"],
         check=PV_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"ROOF_TYPE_FIELD": ("INPUT", "屋顶类型"), "DEMAND_FIELD": ("INPUT", "年用电量")}), check=PV_BASE),
    *table_cases("ROOF_TABLE", "roof_type,usable_share\nflat,0.6\npitched,0.5\ndefault,0.4\n", "usable_share",
                 prefix="roof_table", check=PV_BASE),
    case("raster", "none (control)", irradiation(SUN), check=pv_expect(h=1000.0, x_h=1000.0, x_share=1000 / 2600)),
    case("raster_nodata", "nodata", irradiation(SUN_X_NODATA, nodata=-9999.0), skipped=1,
         check=pv_expect(h=1000.0, x_h=1300.0)),
    case("raster_inf", "bad value", irradiation(SUN_X_INF), skipped=1,
         check=either(pv_expect(h=1000.0, x_h=1300.0), pv_expect(None, None, h=1000.0))),
    case("raster_disjoint", "disjoint extents", irradiation(SUN, top_left=(X0 + 90_000, Y0)), skipped=3,
         check=PV_BASE),
    case("raster_4326", "mixed CRS", irradiation(np.full((20, 20), 1000.0, "float32"), (120.7515, 30.7368), 0.0001,
                                                 "EPSG:4326"),
         check=pv_expect(h=1000.0, x_h=1000.0, x_share=1000 / 2600)),
    case("irradiation_1e308", "extreme parameter", setting(IRRADIATION=1e308), names=["rradiation"]),
], nonnegative=["roof_m2", "irr_kwh_m2", "pv_kwh_yr", "pv_co2_t", "pv_share", "TOTAL_PV_KWH", "TOTAL_PV_CO2_T"])


# ==== lcr:transport_emissions ==============================================================================
# Shipped modes at the national 2023 grid factor: 2.5 trips a day × 365 = 912.5 trips per resident a
# year, 0.3493885 kg CO2 a trip → 318.817006 t per 1000 residents; green share 0.75.
T_PER_RESIDENT = 0.318817006


def te_scene(d):
    return {"INPUT": d.layer("zones", "Polygon", "name:str,pop:real,car:real", [
        (rect(X0, Y0, 100, 100), ["z1", 1000, None]),
        (rect(X0 + 100, Y0, 100, 100), ["z2", 2000, None]),
        (rect(X0 + 200, Y0, 100, 100), ["x", 500, None]),        # spoilt
    ]), "POPULATION_FIELD": "pop", "OUTPUT": "TEMPORARY_OUTPUT"}


def te_expect(x_pop=500.0):
    x_t = None if x_pop is None else x_pop * T_PER_RESIDENT
    return expect({"co2_t_yr": {"z1": 1000 * T_PER_RESIDENT, "z2": 2000 * T_PER_RESIDENT, "x": x_t},
                   "green_share": {"z1": 0.75, "z2": 0.75}},
                  {"TOTAL_CO2_T": (3000 + (x_pop or 0.0)) * T_PER_RESIDENT, "GREEN_SHARE": 0.75})


TE_BASE = te_expect()
MODES = ("mode,share,trip_km,kg_co2_pkm,kwh_pkm,green\nwalk,0.30,0.8,0,,1\nbike,0.20,2.5,0,,1\n"
         "bus,0.15,6.0,0.0891,,1\nrail,0.10,10.0,,0.1225,1\ncar,0.25,8.0,0.1021,,0\n")


def car_share(value, fmt="gpkg"):
    return chain(value_of("INPUT", 3, "car", value, fmt=fmt), setting(CAR_SHARE_FIELD="car"))


register("transport_emissions", te_scene, [
    case("base", "none (control)", check=TE_BASE),
    # The zones' geometry is only carried to the output: a broken one changes no number.
    *geometry_cases("INPUT", "zones", 3, (X0 + 200, Y0), repaired=TE_BASE, skipped_repaired=0,
                    missing=TE_BASE, multi_check=TE_BASE, skipped_missing=0),
    # No measure is taken on the zones: their CRS, right or wrong, changes nothing.
    *crs_cases(TE_BASE, ["zones"], mislabel_check=TE_BASE),
    *value_cases("INPUT", 3, "pop", te_expect(None), numbers=COUNT_NUMBERS, prefix="pop"),
    case("car_share_over_one", "bad value", car_share(1.5), skipped=1, check=te_expect(None)),
    # A share that is no share: x left empty, or read as missing (the table's shares), and counted.
    case("car_share_negative", "bad value", car_share(-0.25), skipped=1, check=either(te_expect(None), TE_BASE)),
    case("car_share_inf", "bad value", car_share(math.inf), skipped=1, check=either(te_expect(None), TE_BASE)),
    case("car_share_nan", "bad value", car_share(math.nan, fmt="fgb"), check=TE_BASE),   # NaN: no share of its own
    case("car_share_percent", "bad value", car_share(25.0), skipped=1, check=te_expect(None)),  # 25 for 25 %
    case("missing_field", "missing field", setting(POPULATION_FIELD="residents"), names=["residents"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "pop", "POPULATION_FIELD"), names=["as_text"],
         check=TE_BASE),
    case("chinese_names", "Chinese paths and names", chinese({"POPULATION_FIELD": ("INPUT", "常住人口")}),
         check=TE_BASE),
    *table_cases("MODE_TABLE", MODES, "trip_km", prefix="mode_table", check=TE_BASE),
    case("trip_rate_1e308", "extreme parameter", setting(TRIP_RATE=1e308), names=["rip rate", "Trips per person"]),
    case("trip_rate_0", "extreme parameter", setting(TRIP_RATE=0.0),
         check=expect({"co2_t_yr": {"z1": 0.0}}, {"TOTAL_CO2_T": 0.0})),
], nonnegative=["pkm_walk", "pkm_bike", "pkm_bus", "pkm_rail", "pkm_car", "co2_t_yr", "co2_kg_cap", "green_share",
                "TOTAL_CO2_T", "GREEN_SHARE"])


# ==== lcr:transit_coverage ===================================================================================
# A river between y = 0 and y = 600 (metres from X0, Y0); the only crossing is the road at x = 1000.
# Walking distances: B1 (300, 20): rail 10 + 300 + 20 = 330, bus 10 + 500 + 600 + 700 + 20 = 1830;
# B2 (100, 580): rail 2530, bus 430; x (950, 300): rail 10 + 1000 + 300 + 50 = 1360, bus 860.
# Rail within 800 m: B1 only; bus within 500 m: B2 only. Residents 100, 300, 50.
def at(x, y):
    return X0 + x, Y0 + y


def tc_scene(d):
    roads = [((0, 0), (1000, 0)), ((1000, 0), (1000, 600)), ((0, 600), (1000, 600))]
    return {"INPUT": d.layer("buildings", "Polygon", "name:str,residents:real", [
        (square(*at(300, 20)), ["B1", 100]), (square(*at(100, 580)), ["B2", 300]),
        (square(*at(950, 300)), ["x", 50])]),
        "STOPS": d.layer("stops", "Point", "name:str,stop_type:str", [
            ("POINT({} {})".format(*at(0, -10)), ["station", "Rail"]),
            ("POINT({} {})".format(*at(500, 610)), ["stop", "公交"])]),
        "ROADS": d.layer("roads", "LineString", "road_id:int", [
            ("LINESTRING({} {},{} {})".format(*at(*a), *at(*z)), [i]) for i, (a, z) in enumerate(roads)]),
        "STOP_TYPE_FIELD": "stop_type", "POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"}


def tc_expect(rail=100 / 450, bus=300 / 450, rel=1e-6, distances=True):
    fields = {"rail_cov": {"B1": 1, "B2": 0}, "bus_cov": {"B1": 0, "B2": 1}}
    if distances:
        fields.update({"rail_m": {"B1": 330.0, "B2": 2530.0}, "bus_m": {"B1": 1830.0, "B2": 430.0}})
    return expect(fields, {"RAIL_COVERAGE_PCT": 100 * rail, "BUS_COVERAGE_PCT": 100 * bus}, rel=rel)


TC_BASE = tc_expect()
TC_X_LEFT_OUT = tc_expect(100 / 400, 300 / 400)

register("transit_coverage", tc_scene, [
    case("base", "none (control)", check=TC_BASE),
    *geometry_cases("INPUT", "buildings", 3, at(945, 295), repaired=TC_BASE, skipped_repaired=0,
                    missing=TC_X_LEFT_OUT, multi_check=TC_BASE),
    *crs_cases(tc_expect(rel=CRS_REL), ["buildings"], mixed=["STOPS", "ROADS"]),
    *value_cases("INPUT", 3, "residents", TC_X_LEFT_OUT, numbers=COUNT_NUMBERS),
    case("stops_wrong_geometry_type", "wrong geometry type", as_polygons(["STOPS"]), names=["stops"]),
    # No stop at all (an OpenStreetMap extract without mapped stops): coverage not assessed, not 0 %.
    case("stops_empty_layer", "empty layer", emptied(["STOPS"]), names=["stops"],
         check=all_of(expect({"rail_cov": {"B1": None, "B2": None, "x": None}, "bus_cov": {"B1": None, "B2": None}},
                             {"RAIL_COVERAGE_PCT": None, "BUS_COVERAGE_PCT": None}),
                      logged("“stops” has no features: transit coverage is not assessed"))),
    case("stops_null_geometry", "null geometry", geometry_of("STOPS", 1, None), skipped=1,   # no rail station
         check=expect({"rail_cov": {"B1": 0, "B2": 0, "x": 0}, "rail_m": {"B1": None}, "bus_m": {"B2": 430.0}},
                      {"RAIL_COVERAGE_PCT": 0.0, "BUS_COVERAGE_PCT": 100 * 300 / 450})),
    case("roads_wrong_geometry_type", "wrong geometry type", as_polygons(["ROADS"]), names=["roads"]),
    case("roads_empty_layer", "empty layer", emptied(["ROADS"]), names=["roads"]),
    case("roads_disjoint", "disjoint extents", moved(["ROADS"]), skipped=3,
         check=all_of(expect(results={"RAIL_COVERAGE_PCT": 0.0, "BUS_COVERAGE_PCT": 0.0}),
                      warned(*DISJOINT))),
    case("stop_types_as_integers", "codes as integers",
         chain(value_of("STOPS", 1, "stop_type", "1"), value_of("STOPS", 2, "stop_type", "2"),
               setting(RAIL_VALUES="1", BUS_VALUES="2")), check=TC_BASE),
    case("missing_field", "missing field", setting(POPULATION_FIELD="pop"), names=["pop"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "residents", "POPULATION_FIELD"),
         names=["as_text"], check=TC_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("INPUT", "居民"), "STOP_TYPE_FIELD": ("STOPS", "站点类型")}), check=TC_BASE),
    case("rail_distance_1e308", "extreme parameter", setting(RAIL_DISTANCE=1e308),
         check=expect(results={"RAIL_COVERAGE_PCT": 100.0})),
    case("max_snap_1e308", "extreme parameter", setting(MAX_SNAP=1e308), check=TC_BASE),
    case("bus_distance_0", "extreme parameter", setting(BUS_DISTANCE=0.0),
         check=expect(results={"BUS_COVERAGE_PCT": 0.0})),
    case("no_stop_values", "extreme parameter", setting(RAIL_VALUES=" ", BUS_VALUES=","),
         names=["rail value", "bus value"]),
], nonnegative=["rail_m", "bus_m", "RAIL_COVERAGE_PCT", "BUS_COVERAGE_PCT"])


# ==== lcr:life_circle =========================================================================================
# Straight lines. Kindergarten (300 m) at (0, 100), clinic (500 m) at (400, 0), sports (1000 m) at (0, 900).
# h1 (0, 0): 100, 400, 900 → all three, score 1; h2 (2000, 0): none, score 0;
# x (300, 0): kindergarten √(300² + 100²) = 316 m too far, clinic 100, sports 949 → 2/3.
# Residents 100, 200, 50: full coverage 100/350, mean score (100 + 50 × 2/3)/350.
LC_TABLE = "fac_type,circle,distance_m\nkindergarten,5,300\nclinic,10,500\nsports,15,1000\n"


def lc_scene(d):
    return {"INPUT": d.layer("homes", "Polygon", "name:str,residents:real", [
        (square(*at(0, 0)), ["h1", 100]), (square(*at(2000, 0)), ["h2", 200]), (square(*at(300, 0)), ["x", 50])]),
        "FACILITIES": d.layer("facilities", "Point", "fac_type:str", [
            ("POINT({} {})".format(*at(0, 100)), ["kindergarten"]), ("POINT({} {})".format(*at(400, 0)), ["clinic"]),
            ("POINT({} {})".format(*at(0, 900)), ["sports"])]),
        "FACILITY_TABLE": d.table("facilities.csv", LC_TABLE), "FACILITY_TYPE_FIELD": "fac_type",
        "POPULATION_FIELD": "residents", "OUTPUT": "TEMPORARY_OUTPUT"}


def lc_expect(full, mean, x_score=2 / 3, rel=1e-6):
    return expect({"lc_score": {"h1": 1.0, "h2": 0.0, "x": x_score}},
                  {"FULL_COVERAGE_PCT": full, "MEAN_SCORE": mean}, rel=rel)


LC_BASE = lc_expect(100 * 100 / 350, (100 + 50 * 2 / 3) / 350)
LC_X_LEFT_OUT = lc_expect(100 * 100 / 300, 100 / 300, x_score=OneOf(None, 2 / 3))

register("life_circle", lc_scene, [
    case("base", "none (control)", check=LC_BASE),
    *geometry_cases("INPUT", "homes", 3, at(295, -5), repaired=LC_BASE, skipped_repaired=0,
                    missing=LC_X_LEFT_OUT, multi_check=LC_BASE),
    *crs_cases(lc_expect(100 * 100 / 350, (100 + 50 * 2 / 3) / 350, rel=CRS_REL), ["homes"], mixed=["FACILITIES"]),
    *value_cases("INPUT", 3, "residents", LC_X_LEFT_OUT, numbers=COUNT_NUMBERS),
    case("facilities_wrong_geometry_type", "wrong geometry type", as_polygons(["FACILITIES"]), names=["facilities"]),
    case("facilities_empty_layer", "empty layer", emptied(["FACILITIES"]), names=["facilities"]),
    # Without the kindergarten h1 and x reach 2 of 3 types: nobody is fully covered.
    case("facilities_null_geometry", "null geometry", geometry_of("FACILITIES", 1, None), skipped=1,
         check=expect({"lc_score": {"h1": 2 / 3, "x": 2 / 3}},
                      {"FULL_COVERAGE_PCT": 0.0, "MEAN_SCORE": 150 * 2 / 3 / 350})),
    case("facilities_disjoint", "disjoint extents", moved(["FACILITIES"]),
         check=all_of(expect(results={"FULL_COVERAGE_PCT": 0.0, "MEAN_SCORE": 0.0}), warned(*DISJOINT))),
    case("missing_field", "missing field", setting(POPULATION_FIELD="pop"), names=["pop"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "residents", "POPULATION_FIELD"),
         names=["as_text"], check=LC_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("INPUT", "居民"), "FACILITY_TYPE_FIELD": ("FACILITIES", "设施类型")}),
         check=LC_BASE),
    *table_cases("FACILITY_TABLE", LC_TABLE, "distance_m", prefix="facility_table", check=LC_BASE),
    case("distance_scale_0", "extreme parameter", setting(DISTANCE_SCALE=0.0),
         check=expect(results={"FULL_COVERAGE_PCT": 0.0, "MEAN_SCORE": 0.0})),
    case("distance_scale_1e308", "extreme parameter", setting(DISTANCE_SCALE=1e308),
         check=expect(results={"FULL_COVERAGE_PCT": 100.0, "MEAN_SCORE": 1.0})),
], nonnegative=["lc_score", "FULL_COVERAGE_PCT", "MEAN_SCORE"])


# ==== lcr:land_use_mix =======================================================================================
# Units A (X0…X0+100) and B (X0+100…X0+200), 1 ha each; K fixed at 3, code digits 2.
# A: 0701 (5000 m², FAR 2, 100 residents, 10 jobs) + 0901 (5000 m², FAR 1, 100 jobs);
# B: 0901 (5000 m², FAR 1, 50 jobs) + x 1401 (5000 m², FAR 0, 40 residents).
# Entropy A = B = ln 2 / ln 3; FAR A (10 000 + 5000)/10 000 = 1.5, B 0.5; density A 100, B 40 per ha;
# jobs–housing A 110/100, B 50/40.
def entropy(*areas, k=3):
    shares = [a / sum(areas) for a in areas if a > 0]
    return -sum(p * math.log(p) for p in shares) / math.log(k)


def lu_scene(d):
    return {"INPUT": d.layer("parcels", "Polygon", "name:str,code:str,far:real,residents:real,jobs:real,old:str,num:int", [
        (rect(X0, Y0, 50, 100), ["p1", "0701", 2.0, 100, 10, "R2", 701]),
        (rect(X0 + 50, Y0, 50, 100), ["p2", "0901", 1.0, 0, 100, "B1", 901]),
        (rect(X0 + 100, Y0, 100, 50), ["p3", "0901", 1.0, 0, 50, "B1", 901]),
        (rect(X0 + 100, Y0 + 50, 100, 50), ["x", "1401", 0.0, 40, 0, "G1", 1401])]),
        "ZONES": d.layer("units", "Polygon", "unit:str", [(rect(X0, Y0, 100, 100), ["A"]),
                                                          (rect(X0 + 100, Y0, 100, 100), ["B"])]),
        "LANDUSE_FIELD": "code", "CODE_DIGITS": 2, "ENTROPY_K": 2, "K_FIXED": 3, "FAR_FIELD": "far",
        "POPULATION_FIELD": "residents", "JOBS_FIELD": "jobs", "OUTPUT": "TEMPORARY_OUTPUT"}


def lu_expect(b_entropy=entropy(1, 1), b_far=0.5, b_density=40.0, b_ratio=1.25, rel=1e-6):
    a = entropy(1, 1)
    return expect({"lum_entropy": {"A": a, "B": b_entropy}, "far": {"A": 1.5, "B": b_far},
                   "density_pph": {"A": 100.0, "B": b_density}, "jobs_housing": {"A": 1.1, "B": b_ratio}},
                  {"MEAN_ENTROPY": (a + b_entropy) / 2 if isinstance(b_entropy, float) else a}, key="unit", rel=rel)


LU_BASE = lu_expect()

register("land_use_mix", lu_scene, [
    case("base", "none (control)", check=LU_BASE),
    # x as a 50 m² bow-tie: B holds 5000 m² of 09 and 50 m² of 14; FAR (5000 × 1 + 50 × 0)/10 000; x's
    # 40 residents lie wholly in B whatever its size.
    *geometry_cases("INPUT", "parcels", 4, (X0 + 100, Y0 + 50), repaired=lu_expect(entropy(5000, 50)),
                    missing=lu_expect(0.0, 0.5, 0.0, None), multi_check=None),
    # B as a 50 m² bow-tie: A is as it was.
    *geometry_cases("ZONES", "units", 2, (X0 + 100, Y0), prefix="units_",
                    repaired=expect({"lum_entropy": {"A": entropy(1, 1)}, "far": {"A": 1.5}}, key="unit"),
                    missing=expect({"lum_entropy": {"A": entropy(1, 1), "B": None}}, key="unit")),
    *crs_cases(lu_expect(rel=CRS_REL), ["units", "parcels"], mixed=["INPUT"]),
    case("disjoint_extents", "disjoint extents", moved(["ZONES"]), names=["parcels"]),
    *value_cases("INPUT", 4, "residents", lu_expect(b_density=OneOf(None, 0.0), b_ratio=None),
                 numbers=COUNT_NUMBERS,   # documented: a missing value counts as 0
                 checks={"nan": (lu_expect(b_density=0.0, b_ratio=None), 0)}),
    *value_cases("INPUT", 4, "far", lu_expect(b_far=0.5), prefix="far",
                 numbers=numbers("inf", "nan", "1e308", "negative", "nodata_minus_9999", "nodata_9999")),
    case("codes_as_integers", "codes as integers", setting(LANDUSE_FIELD="num"),
         check=either(LU_BASE, warned("leading zero"))),
    case("codes_old_standard", "codes as letters", setting(LANDUSE_FIELD="old"), check=LU_BASE),
    case("missing_field", "missing field", setting(LANDUSE_FIELD="lu_code"), names=["lu_code"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "far", "FAR_FIELD"), names=["as_text"],
         check=LU_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"LANDUSE_FIELD": ("INPUT", "用地代码"), "POPULATION_FIELD": ("INPUT", "人口")}), check=LU_BASE),
    case("k_fixed_missing", "extreme parameter", setting(K_FIXED=None), names=["K fixed"]),
    case("code_digits_20", "extreme parameter", setting(CODE_DIGITS=20), check=LU_BASE),
    case("worker_share_0_01", "extreme parameter", setting(WORKER_SHARE=0.01),
         check=expect({"jobs_housing": {"A": 110.0, "B": 125.0}}, key="unit")),
], nonnegative=["lum_entropy", "lum_k", "lum_hhi", "far", "density_pph", "jobs_housing", "MEAN_ENTROPY"])


# ==== lcr:carbon_balance ======================================================================================
# U1 [0,100]² and U2 [100,200]×[0,100] (from X0, Y0), 1 ha each, 100 and 50 residents, transport 10 t and
# NULL (0). Buildings (points): U1 30 + 20 t, PV 2 t; U2 x: 40 t, PV 5 t; one outside. Sinks: 8 t over
# [50,150]×[0,100], half in each unit. Net U1 50 + 10 − 4 − 2 = 54; U2 40 + 0 − 4 − 5 = 31.
# Target 0.6 t per resident: gaps −6 and +1.
def cb_scene(d):
    return {"INPUT": d.layer("units", "Polygon", "unit:str,pop:real,trans:real", [
        (rect(X0, Y0, 100, 100), ["U1", 100, 10.0]), (rect(X0 + 100, Y0, 100, 100), ["U2", 50, None])]),
        "BUILDINGS": d.layer("buildings", "Point", "co2_t_yr:real,pv_co2_t:real,residents:real", [
            ("POINT({} {})".format(*at(20, 20)), [30.0, 2.0, 60]), ("POINT({} {})".format(*at(70, 70)), [20.0, None, 40]),
            ("POINT({} {})".format(*at(150, 50)), [40.0, 5.0, 50]), ("POINT({} {})".format(*at(900, 900)), [99.0, 0.0, 7])]),
        "SINK_LAYER": d.layer("sinks", "Polygon", "seq_co2_t_yr:real", [(rect(X0 + 50, Y0, 100, 100), [8.0])]),
        "TRANSPORT_FIELD": "trans", "POPULATION_FIELD": "pop", "TARGET_T_PER_CAPITA": 0.6,
        "OUTPUT": "TEMPORARY_OUTPUT"}


def cb_expect(u1=54.0, u2=31.0, u1_cap=0.54, u2_cap=0.62, over=1, rel=1e-6):
    """Net and per-capita values as given; gaps net − 0.6 × residents (100 and 50), NULL without residents."""
    fields = {"net_co2_t": {"U1": u1, "U2": u2}, "net_t_cap": {"U1": u1_cap, "U2": u2_cap},
              "target_gap_t": {"U1": u1 - 60.0, "U2": None if u2_cap is None else u2 - 30.0}}
    return expect(fields, {"TOTAL_NET_CO2_T": u1 + u2, "UNITS_OVER_TARGET": over}, key="unit", rel=rel)


CB_BASE = cb_expect()

register("carbon_balance", cb_scene, [
    case("base", "none (control)", check=CB_BASE),
    # U2 broken: U1 is as it was.
    *geometry_cases("INPUT", "units", 2, (X0 + 100, Y0), repaired=expect({"net_co2_t": {"U1": 54.0}}, key="unit"),
                    missing=expect({"net_co2_t": {"U1": 54.0}}, key="unit")),
    case("sinks_null_geometry", "null geometry", geometry_of("SINK_LAYER", 1, None), skipped=1,
         check=cb_expect(58.0, 35.0, 0.58, 0.70, over=1)),
    case("sinks_bow_tie", "invalid geometry", geometry_of("SINK_LAYER", 1, bow_tie(X0 + 50, Y0, 100)),
         # the repaired bow-tie: two 2500 m² triangles, one each side of x = 100 → 4 t to each unit
         check=CB_BASE),
    *crs_cases(cb_expect(rel=CRS_REL), ["units"], mixed=["BUILDINGS", "SINK_LAYER"]),
    case("buildings_disjoint", "disjoint extents", moved(["BUILDINGS"]), skipped=4,
         check=cb_expect(10.0 - 4.0, -4.0, 0.06, -0.08, over=0)),
    # x's CO2 that is no number: left out (U2 then −4 − 5 = −9), and counted.
    *value_cases("BUILDINGS", 3, "co2_t_yr", cb_expect(54.0, -9.0, 0.54, -0.18, over=0), prefix="building_co2",
                 numbers=numbers("inf", "minus_inf", "nan", "1e308", "nodata_minus_9999")),
    *value_cases("SINK_LAYER", 1, "seq_co2_t_yr", cb_expect(58.0, 35.0, 0.58, 0.70, over=1), prefix="sink",
                 numbers=numbers("inf", "minus_inf", "nan", "1e308", "negative", "nodata_minus_9999")),
    # U2's residents that are no number: its per-capita values and gap left empty, counted.
    *value_cases("INPUT", 2, "pop", cb_expect(u2_cap=None, over=0), numbers=COUNT_NUMBERS, prefix="pop",
                 checks={"nan": (cb_expect(u2_cap=None, over=0), 1)}),
    case("missing_field", "missing field", setting(TRANSPORT_FIELD="transport"), names=["transport"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "pop", "POPULATION_FIELD"), names=["as_text"],
         check=CB_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"TRANSPORT_FIELD": ("INPUT", "交通排放"), "POPULATION_FIELD": ("INPUT", "人口")}), check=CB_BASE),
    case("target_1e308", "extreme parameter", setting(TARGET_T_PER_CAPITA=1e308), names=["arget"],
         check=cb_expect(over=0)),
], nonnegative=[])


# ==== lcr:stormwater_runoff (polygons) ======================================================================
# SCS curve numbers (TR-55): S = 25400/CN − 254 mm, Ia = 0.2 S, Q = (P − Ia)² / (P − Ia + S) for P > Ia.
def scs_q(cn, p=100.0):
    s = 25400.0 / cn - 254.0
    return (p - 0.2 * s) ** 2 / (p + 0.8 * s) if p > 0.2 * s else 0.0


# park (4) on soil B: CN 61, 5000 m²; road (2) on D: CN 98, 20 000 m²; x tree cover (5) on B: CN 55, 1 ha.
SR_PARTS = {"a": (61, 5000.0), "b": (98, 20_000.0), "x": (55, 10_000.0)}


def sr_scene(d):
    return {"INPUT": d.layer("parcels", "Polygon", "name:str,lucode:int,hsg:str", [
        (rect(X0, Y0, 100, 50), ["a", 4, "B"]), (rect(X0 + 300, Y0, 200, 100), ["b", 2, "D"]),
        (rect(X0 + 600, Y0, 100, 100), ["x", 5, "B"])]),
        "CLASS_FIELD": "lucode", "SOIL_FIELD": "hsg", "RAINFALL_MM": 100, "OUTPUT": "TEMPORARY_OUTPUT"}


def sr_expect(x_m2=10_000.0, rel=1e-6):
    parts = {k: v for k, v in SR_PARTS.items() if k != "x" or x_m2 is not None}
    if "x" in parts:
        parts["x"] = (55, x_m2)
    runoff = {k: scs_q(cn) * m2 / 1000 for k, (cn, m2) in parts.items()}
    area = sum(m2 for _, m2 in parts.values())
    total = sum(runoff.values())
    retained = 100.0 * area / 1000 - total
    return expect({"runoff_m3": {**runoff, **({} if x_m2 is not None else {"x": None})}},
                  {"TOTAL_RUNOFF_M3": total, "TOTAL_RETAINED_M3": retained, "MEAN_RETENTION": retained / (area / 10)},
                  rel=rel)


SR_BASE = sr_expect()
CN_TABLE = ("lucode,class,cn_a,cn_b,cn_c,cn_d\n2,road,98,98,98,98\n4,park_green,39,61,74,80\n"
            "5,tree_cover,30,55,70,77\n")

register("stormwater_runoff", sr_scene, [
    case("base", "none (control)", check=SR_BASE),
    *geometry_cases("INPUT", "parcels", 3, (X0 + 600, Y0), repaired=sr_expect(50.0),
                    missing=either(sr_expect(None), sr_expect(0.0)), multi_check=sr_expect(200.0)),
    *crs_cases(sr_expect(rel=CRS_REL), ["parcels"]),
    case("class_unknown_code", "bad value", value_of("INPUT", 3, "lucode", 99), skipped=1, check=sr_expect(None)),
    case("class_nodata_minus_9999", "bad value", value_of("INPUT", 3, "lucode", -9999), skipped=1,
         check=sr_expect(None)),
    case("class_inf", "bad value", value_of("INPUT", 3, "lucode", math.inf, retype="real"), skipped=1,
         check=sr_expect(None)),
    case("soil_unknown", "bad value", value_of("INPUT", 3, "hsg", "E"), skipped=1, check=sr_expect(None)),
    case("soil_null", "bad value", value_of("INPUT", 3, "hsg", None), skipped=1, check=sr_expect(None)),
    case("codes_as_text", "numbers as text", text_copy("INPUT", "lucode", "CLASS_FIELD"), check=SR_BASE),
    case("missing_field", "missing field", setting(SOIL_FIELD="soil"), names=["soil"]),
    case("chinese_names", "Chinese paths and names",
         chinese({"CLASS_FIELD": ("INPUT", "地类"), "SOIL_FIELD": ("INPUT", "土壤组")}), check=SR_BASE),
    *table_cases("CN_TABLE", CN_TABLE, "cn_b", prefix="cn_table", check=SR_BASE),
    case("rainfall_1e308", "extreme parameter", setting(RAINFALL_MM=1e308), names=["ainfall", "storm depth"]),
], nonnegative=["cn", "runoff_mm", "runoff_m3", "retained_m3", "retention", "area_ha", "TOTAL_RUNOFF_M3",
                "TOTAL_RETAINED_M3", "MEAN_RETENTION"])


# ---- lcr:stormwater_runoff on rasters ----------------------------------------------------------------------
# 4 × 4 pixels of 10 m: two columns of park (4), two of road (2); soil C by default (park CN 74, road 98),
# B from a soil raster (park 61). 800 m² each.
PARK_ROAD = np.array([[4, 4, 2, 2]] * 4, dtype="int32")


def srr_scene(d):
    return {"LULC_RASTER": lulc(d, PARK_ROAD), "DEFAULT_SOIL": 2, "RAINFALL_MM": 100, "OUTPUT": "TEMPORARY_OUTPUT"}


def srr_expect(park_cn=74, park_m2=800.0, road_m2=800.0):
    total = (scs_q(park_cn) * park_m2 + scs_q(98) * road_m2) / 1000
    return expect(results={"TOTAL_RUNOFF_M3": total, "TOTAL_RETAINED_M3": 0.1 * (park_m2 + road_m2) - total})


def soil(array, **kwargs):
    return raster("SOIL_RASTER", array=array, name="soil.tif", **kwargs)


B_SOIL = np.full((4, 4), 2, "int32")
BAD_SOIL = B_SOIL.copy()
BAD_SOIL[0, 0] = 9   # no soil group: one park pixel left out

register("stormwater_runoff", srr_scene, [
    case("raster_base", "none (control)", check=srr_expect()),
    case("raster_soil", "none (control)", soil(B_SOIL), check=srr_expect(61)),
    case("raster_soil_unknown_value", "bad value", soil(BAD_SOIL), skipped=1, check=srr_expect(61, 700.0)),
    case("raster_nodata", "nodata", raster("LULC_RASTER", array=np.array([[4, 4, 2, 2]] * 3 + [[4, 4, 0, 0]], "int32"),
                                           nodata=0), check=srr_expect(road_m2=600.0)),
    case("raster_geographic", "geographic raster",
         raster("LULC_RASTER", array=PARK_ROAD, top_left=(120.75, 30.75), pixel=0.0001, crs="EPSG:4326"),
         names=["lulc"]),
    case("raster_misaligned_pixel_size", "misaligned rasters", soil(np.full((2, 2), 2, "int32"), pixel=20.0),
         names=["soil group raster", "soil"]),
    case("raster_misaligned_origin", "misaligned rasters", soil(B_SOIL, top_left=(X0 + 5, Y0 + 45)),
         names=["soil group raster", "soil"]),
    case("raster_misaligned_crs", "misaligned rasters", soil(B_SOIL, top_left=(270000, 3403000), crs="EPSG:32651"),
         names=["soil group raster", "soil"]),
    case("raster_zones_disjoint", "disjoint extents",
         setting(ZONES=lambda d: d.layer("zones", "Polygon", "zone:str", [(rect(X0 + 90_000, Y0, 40, 40), ["far"])])),
         check=all_of(expect({"runoff_m3": {"far": None}}, key="zone"), warned(*DISJOINT))),
    case("raster_zones_4326", "mixed CRS",
         chain(setting(ZONES=lambda d: d.layer("zones", "Polygon", "zone:str", [(rect(X0, Y0, 40, 40), ["all"])])),
               in_crs("EPSG:4326", ["ZONES"])),
         check=expect({"runoff_m3": {"all": (scs_q(74) + scs_q(98)) * 0.8}}, key="zone", rel=CRS_REL)),
], nonnegative=["cn", "runoff_mm", "runoff_m3", "retained_m3", "retention", "area_ha", "TOTAL_RUNOFF_M3",
                "TOTAL_RETAINED_M3", "MEAN_RETENTION"])


# ==== lcr:sponge_capture =======================================================================================
# Green ratio 0.35: ψ = 0.35 × 0.15 + 0.65 × 0.85 = 0.605; design 25 mm: V = 10 × 25 × 0.605 × ha m³.
# Storage: bioretention 0.2 m³/m², tank 1 m³/m³.
def sp_scene(d):
    return {"INPUT": d.layer("parcels", "Polygon", "name:str,green:real,bio:real,tank:real", [
        (rect(X0, Y0, 200, 100), ["short", 0.35, 500, 50]),        # 2 ha: need 302.5, provided 150
        (rect(X0 + 300, Y0, 200, 100), ["enough", 0.35, 1000, 200]),  # 2 ha: need 302.5, provided 400
        (rect(X0 + 600, Y0, 100, 100), ["x", 0.35, 100, 0])]),       # 1 ha: need 151.25, provided 20
        "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 25, "BIORETENTION_FIELD": "bio", "TANK_FIELD": "tank",
        "OUTPUT": "TEMPORARY_OUTPUT"}


def sp_expect(x_ha=1.0, x_provided=20.0, rel=1e-6):
    x_need = None if x_ha is None else 151.25 * x_ha
    provided = 550.0 + (x_provided if isinstance(x_provided, float) else 0.0)
    x_meets = x_need is not None and isinstance(x_provided, float) and x_provided >= x_need
    return expect({"need_m3": {"short": 302.5, "enough": 302.5, "x": x_need},
                   "provided_m3": {"short": 150.0, "enough": 400.0, "x": x_provided},
                   "meets": {"short": 0, "enough": 1}},
                  {"PARCELS_MEETING": 1 + x_meets, "TOTAL_NEED_M3": 605.0 + (x_need or 0.0),
                   "TOTAL_PROVIDED_M3": provided}, rel=rel)


SP_BASE = sp_expect()
RAIN = "date,rain_mm\n" + "".join(f"2020-07-{i + 1:02d},{r}\n" for i, r in enumerate([12, 1, 30, 5, 2, 8, 20, 3, 15, 10]))
LID = ("measure,unit,storage_m3_per_unit\nbioretention,m2,0.2\npermeable_paving,m2,0.03\ngreen_roof,m2,0.05\n"
       "tank,m3,1.0\n")

register("sponge_capture", sp_scene, [
    case("base", "none (control)", check=SP_BASE),
    *geometry_cases("INPUT", "parcels", 3, (X0 + 600, Y0), repaired=sp_expect(0.005),
                    missing=either(sp_expect(None, OneOf(None, 20.0)), sp_expect(0.0)), multi_check=sp_expect(0.02)),
    *crs_cases(sp_expect(rel=CRS_REL), ["parcels"]),
    # A green ratio that is no share of 0–1: x's ψ and volumes left empty, and counted.
    *value_cases("INPUT", 3, "green", sp_expect(None, OneOf(None, 20.0)), prefix="green_ratio"),
    # 绿地率 35 is read as 35 % (as the plan check reads it), with a warning; 135 is no share and no per cent.
    case("green_ratio_percent", "bad value", value_of("INPUT", 3, "green", 35.0), names=["green"],
         check=all_of(SP_BASE, warned("read as per cent"))),
    case("green_ratio_over_100", "bad value", value_of("INPUT", 3, "green", 135.0), skipped=1, names=["green"],
         check=sp_expect(None, OneOf(None, 20.0))),
    *value_cases("INPUT", 3, "bio", sp_expect(x_provided=OneOf(None, 0.0)), prefix="bioretention",
                 numbers=numbers("inf", "nan", "1e308", "negative", "nodata_minus_9999"),
                 checks={"nan": (sp_expect(x_provided=0.0), 0)}),   # documented: a missing value counts as 0
    case("missing_field", "missing field", setting(TANK_FIELD="tank_m3"), names=["tank_m3"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "green", "GREEN_RATIO_FIELD"), names=["as_text"],
         check=SP_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"GREEN_RATIO_FIELD": ("INPUT", "绿地率"), "BIORETENTION_FIELD": ("INPUT", "生物滞留")}), check=SP_BASE),
    *table_cases("DAILY_RAINFALL", RAIN, "rain_mm", prefix="daily_rainfall", check=SP_BASE),
    case("daily_rainfall_negative", "malformed table", table("DAILY_RAINFALL", RAIN.replace(",12\n", ",-12\n"),
                                                              name="daily_rainfall.csv"), names=["daily_rainfall.csv"]),
    case("daily_rainfall_all_dry", "malformed table",
         table("DAILY_RAINFALL", "date,rain_mm\n2020-07-01,0\n2020-07-02,1.5\n", name="daily_rainfall.csv"),
         names=["daily_rainfall.csv", "2"]),
    *table_cases("LID_TABLE", LID, "storage_m3_per_unit", prefix="lid_table", check=SP_BASE),
    case("design_rainfall_1e308", "extreme parameter", setting(DESIGN_RAINFALL_MM=1e308), names=["ainfall"]),
], nonnegative=["psi", "design_mm", "need_m3", "provided_m3", "ctrl_rate", "meets", "PARCELS_MEETING",
                "TOTAL_NEED_M3", "TOTAL_PROVIDED_M3", "DESIGN_MM"])


# ==== lcr:urban_cooling ========================================================================================
# 10 m cells, 2 rows × 4 columns: left two columns code 1 (shade 1 → CC 0.6), right two code 2 (CC 0); no
# green area, so HM = CC; no mixing (radius 0): T = 30 + (1 − 0.6) × 3 = 31.2 left, 33 right.
# Heat risk = (T − 30)/3 × (elderly + children)/population: left 0.4 × 300/1000, right 1 × 200/1000.
TWO_CLASSES = "lucode,kc,shade,albedo,green_area\n1,0,1,0,0\n2,0,0,0,0\n"
COOL = np.array([[1, 1, 2, 2], [1, 1, 2, 2]], dtype="int32")


def uc_scene(d):
    return {"LULC_RASTER": lulc(d, COOL, top_left=(X0, Y0 + 20)),
            "BIOPHYSICAL_TABLE": d.table("biophysical.csv", TWO_CLASSES),
            "UNITS": d.layer("units", "Polygon", "name:str,pop:real,old:real,kids:real", [
                (rect(X0, Y0, 20, 20), ["left", 1000, 300, 0]), (rect(X0 + 20, Y0, 20, 20), ["right", 1000, 150, 50])]),
            "AVERAGE_RADIUS": 0, "T_REF": 30, "UHI_MAX": 3, "POPULATION_FIELD": "pop", "ELDERLY_FIELD": "old",
            "CHILDREN_FIELD": "kids", "OUTPUT": "TEMPORARY_OUTPUT"}


def uc_expect(right_risk=0.2, rel=1e-6):
    return expect({"hm_mean": {"left": 0.6, "right": 0.0}, "t_air_mean": {"left": 31.2, "right": 33.0},
                   "heat_risk": {"left": 0.12, "right": right_risk}},
                  {"T_AIR_MEAN": 32.1, "HM_MEAN": 0.3}, rel=rel)


UC_BASE = uc_expect()
ET0_INF = np.full((2, 4), 4.0, "float32")
ET0_INF[0, 0] = np.inf

register("urban_cooling", uc_scene, [
    case("base", "none (control)", check=UC_BASE),
    case("units_wrong_geometry_type", "wrong geometry type", as_points(["UNITS"]), names=["units"]),
    case("units_empty_layer", "empty layer", emptied(["UNITS"]), names=["units"]),
    case("units_null_geometry", "null geometry", geometry_of("UNITS", 2, None), skipped=1,
         check=expect({"t_air_mean": {"left": 31.2, "right": None}})),
    case("units_4326", "mixed CRS", in_crs("EPSG:4326", ["UNITS"]), check=UC_BASE),
    case("units_mislabelled_4326", "mislabelled CRS", mislabelled(["UNITS"]), names=["units"]),
    case("units_disjoint", "disjoint extents", moved(["UNITS"]), names=["units", "planning unit"]),
    case("lulc_geographic", "geographic raster",
         raster("LULC_RASTER", array=COOL, top_left=(120.75, 30.75), pixel=0.0001, crs="EPSG:4326"), names=["lulc"]),
    case("lulc_nodata", "nodata", raster("LULC_RASTER", array=np.array([[1, 1, 2, 2], [1, 1, 2, 255]], "int32"),
                                         top_left=(X0, Y0 + 20), nodata=255),
         check=expect({"t_air_mean": {"left": 31.2, "right": 33.0}})),
    case("et0_misaligned_pixel_size", "misaligned rasters",
         raster("ET0_RASTER", array=np.full((1, 2), 4.0, "float32"), name="et0.tif", top_left=(X0, Y0 + 20),
                pixel=20.0), names=["ET0", "et0"], check=UC_BASE),
    case("et0_misaligned_crs", "misaligned rasters",
         raster("ET0_RASTER", array=np.full((2, 4), 4.0, "float32"), name="et0.tif", top_left=(270000, 3403000),
                crs="EPSG:32651"), names=["ET0", "et0"]),
    # kc is 0 in both classes, so ET0 changes nothing unless the cell is left out: then the left unit
    # keeps 3 of its 4 cells, T (3 × 31.2 + 4 × 33)/7, HM 3 × 0.6/7.
    case("et0_inf", "bad value", raster("ET0_RASTER", array=ET0_INF, name="et0.tif", top_left=(X0, Y0 + 20)),
         names=["ET0", "et0"], skipped=1,
         check=either(UC_BASE, expect({"t_air_mean": {"left": 31.2, "right": 33.0}},
                                      {"T_AIR_MEAN": (3 * 31.2 + 4 * 33) / 7, "HM_MEAN": 1.8 / 7}))),
    # The right unit's people that are no number: its heat risk left empty, and counted.
    *value_cases("UNITS", 2, "pop", uc_expect(None), numbers=COUNT_NUMBERS, prefix="pop"),
    case("pop_zero", "bad value", value_of("UNITS", 2, "pop", 0.0), skipped=1, check=uc_expect(None)),
    case("missing_field", "missing field", setting(ELDERLY_FIELD="elderly"), names=["elderly"]),
    case("numbers_as_text", "numbers as text", text_copy("UNITS", "pop", "POPULATION_FIELD"), names=["as_text"],
         check=UC_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("UNITS", "人口"), "ELDERLY_FIELD": ("UNITS", "老人")}), check=UC_BASE),
    *table_cases("BIOPHYSICAL_TABLE", TWO_CLASSES, "shade", prefix="biophysical_table", check=UC_BASE),
    case("uhi_max_1e308", "extreme parameter", setting(UHI_MAX=1e308), names=["UHI"]),
    case("cc_weights_nan", "extreme parameter", setting(CC_WEIGHTS="nan,0.2,0.2"), names=["CC weights", "weights"]),
    case("average_radius_1e308", "extreme parameter", setting(AVERAGE_RADIUS=1e308),
         names=["mixing radius", "radius"], check=expect(results={"T_AIR_MEAN": 32.1, "HM_MEAN": 0.3})),
], nonnegative=["cc_mean", "hm_mean", "heat_risk", "HM_MEAN"])


# ==== lcr:shelter_coverage =====================================================================================
# Shelters A (0, 0): 300 m², capacity 100; B (400, 0): 160 m², no capacity → 160 / 2 = 80. 500 m reach.
# Buildings on the x axis: B1 (50) 60, B2 (100) 70, B3 (150) 30, B4 (300) 50 residents, x (2000) 20, out of
# reach. 210 of 230 in reach (91.30 %); capacity 180: 50 unplaced (30 of B2 and x's 20).
def sh_scene(d):
    return {"INPUT": d.layer("buildings", "Polygon", "name:str,residents:real", [
        (square(*at(cx, 0)), [n, pop]) for n, cx, pop in
        [("B1", 50, 60), ("B2", 100, 70), ("B3", 150, 30), ("B4", 300, 50), ("x", 2000, 20)]]),
        "SHELTERS": d.layer("shelters", "Point", "shelter_id:str,eff_area_m2:real,cap:real", [
            ("POINT({} {})".format(*at(0, 0)), ["A", 300.0, 100]), ("POINT({} {})".format(*at(400, 0)), ["B", 160.0, None])]),
        "POPULATION_FIELD": "residents", "AREA_FIELD": "eff_area_m2", "CAPACITY_FIELD": "cap",
        "OUTPUT": "TEMPORARY_OUTPUT", "SHELTERS_OUTPUT": "TEMPORARY_OUTPUT"}


def sh_expect(in_reach=210 / 230, unplaced=50.0, rel=1e-6):
    return expect({"assigned": {"B1": 60.0, "B2": 40.0, "B3": 30.0, "B4": 50.0}} if unplaced == 50.0 else None,
                  {"POP_IN_REACH_PCT": 100 * in_reach, "POP_UNPLACED": unplaced}, rel=rel)


SH_BASE = sh_expect()
SH_X_LEFT_OUT = sh_expect(1.0, 30.0)
# A shelter whose capacity is no number: left out (B alone, 80 places: 150 unplaced), or sized from its
# area (150 places: 20 unplaced, x's).
SH_A_CAPACITY = sh_expect(210 / 230, OneOf(20.0, 150.0))

register("shelter_coverage", sh_scene, [
    case("base", "none (control)", check=SH_BASE),
    *geometry_cases("INPUT", "buildings", 5, at(1995, -5), repaired=SH_BASE, skipped_repaired=0,
                    missing=SH_X_LEFT_OUT, multi_check=SH_BASE),
    *crs_cases(sh_expect(rel=CRS_REL), ["buildings"], mixed=["SHELTERS"]),
    *value_cases("INPUT", 5, "residents", SH_X_LEFT_OUT, numbers=COUNT_NUMBERS),
    case("shelters_wrong_geometry_type", "wrong geometry type", as_polygons(["SHELTERS"]), names=["shelters"]),
    case("shelters_empty_layer", "empty layer", emptied(["SHELTERS"]), names=["shelters"]),
    case("shelters_null_geometry", "null geometry", geometry_of("SHELTERS", 1, None), skipped=1,
         check=sh_expect(210 / 230, 150.0)),
    case("shelters_disjoint", "disjoint extents", moved(["SHELTERS"]),
         check=all_of(expect(results={"POP_IN_REACH_PCT": 0.0, "POP_UNPLACED": 230.0}), warned(*DISJOINT))),
    *value_cases("SHELTERS", 1, "cap", SH_A_CAPACITY, prefix="capacity",
                 numbers=numbers("inf", "nan", "1e308", "negative", "nodata_minus_9999"),
                 # documented: a shelter without a capacity holds its area / 2 m² (150 places)
                 checks={"nan": (sh_expect(210 / 230, 20.0), 0)}),
    *value_cases("SHELTERS", 1, "eff_area_m2", SH_BASE, prefix="area",
                 numbers=numbers("inf", "nan", "1e308", "negative", "nodata_minus_9999")),
    case("missing_field", "missing field", setting(AREA_FIELD="area"), names=["area"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "residents", "POPULATION_FIELD"),
         names=["as_text"], check=SH_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("INPUT", "居民"), "AREA_FIELD": ("SHELTERS", "有效面积")}), check=SH_BASE),
    case("service_distance_1e308", "extreme parameter", setting(SERVICE_DISTANCE=1e308),
         check=expect(results={"POP_IN_REACH_PCT": 100.0, "POP_UNPLACED": 50.0})),
    case("service_distance_0", "extreme parameter", setting(SERVICE_DISTANCE=0.0),
         check=expect(results={"POP_IN_REACH_PCT": 0.0, "POP_UNPLACED": 230.0})),
], nonnegative=["shelter_m", "in_reach", "assigned", "unplaced", "capacity", "load_pct", "per_cap_m2", "reach_m",
                "POP_IN_REACH_PCT", "POP_UNPLACED", "SHELTERS_FLOODED"])


# ==== lcr:habitat_fragmentation =================================================================================
# A 100 ha unit of tree cover cut by one north-south road 10 m wide at x = 600 m: patches 595 m and 395 m
# wide, effective mesh (59.5² + 39.5²)/100 = 51.005 ha.
XH, YH = 500000.0, 3400000.0   # multiples of the 20 m sampling grid


def hf_scene(d):
    return {"UNITS": d.layer("units", "Polygon", "unit_id:str", [(rect(XH, YH, 1000, 1000), ["A"])]),
            "HABITAT": d.layer("landcover", "Polygon", "lucode:int", [(rect(XH, YH, 1000, 1000), [5])]),
            "ROADS": d.layer("roads", "LineString", "width_m:real", [
                (f"LINESTRING({XH + 600} {YH - 100},{XH + 600} {YH + 1100})", [10.0])]),
            "HABITAT_CLASS_FIELD": "lucode", "ROAD_WIDTH_FIELD": "width_m", "OUTPUT": "TEMPORARY_OUTPUT"}


def hf_expect(mesh=51.005, patches=2, rel=1e-6):
    return expect({"mesh_ha": {"A": mesh}, "patches": {"A": patches}}, {"MEAN_MESH_HA": mesh}, key="unit_id",
                  rel=rel, abs_tol=1e-6)


HF_BASE = hf_expect()

register("habitat_fragmentation", hf_scene, [
    case("base", "none (control)", check=HF_BASE),
    case("units_wrong_geometry_type", "wrong geometry type", as_points(["UNITS"]), names=["units"]),
    case("units_empty_layer", "empty layer", emptied(["UNITS"]), names=["units"]),
    case("landcover_wrong_geometry_type", "wrong geometry type", as_points(["HABITAT"]), names=["landcover"]),
    case("landcover_empty_layer", "empty layer", emptied(["HABITAT"]), names=["landcover"]),
    case("landcover_bow_tie", "invalid geometry", geometry_of("HABITAT", 1, bow_tie(XH, YH, 1000)), skipped=1,
         check=expect({"patches": {"A": OneOf(2, 3, 4)}}, key="unit_id")),
    case("landcover_null_geometry", "null geometry", geometry_of("HABITAT", 1, None), skipped=1,
         check=hf_expect(0.0, 0)),
    case("roads_wrong_geometry_type", "wrong geometry type", as_polygons(["ROADS"]), names=["roads"]),
    case("roads_empty_layer", "empty layer", emptied(["ROADS"]), names=["roads"]),
    case("roads_null_geometry", "null geometry", geometry_of("ROADS", 1, None), skipped=1, check=hf_expect(100.0, 1)),
    case("roads_disjoint", "disjoint extents", moved(["ROADS"]), check=hf_expect(100.0, 1)),
    *crs_cases(hf_expect(rel=CRS_REL), ["landcover", "units"], mixed=["ROADS"]),
    # A width that is no width: the default 10 m instead, and counted.
    *value_cases("ROADS", 1, "width_m", HF_BASE, prefix="road_width"),
    case("class_unknown_code", "bad value", value_of("HABITAT", 1, "lucode", 99), skipped=1, check=hf_expect(0.0, 0)),
    case("class_inf", "bad value", value_of("HABITAT", 1, "lucode", math.inf, retype="real"), skipped=1,
         check=hf_expect(0.0, 0)),
    case("missing_field", "missing field", setting(ROAD_WIDTH_FIELD="width"), names=["width"]),
    case("numbers_as_text", "numbers as text", text_copy("ROADS", "width_m", "ROAD_WIDTH_FIELD"), names=["as_text"],
         check=HF_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"HABITAT_CLASS_FIELD": ("HABITAT", "地类"), "ROAD_WIDTH_FIELD": ("ROADS", "路宽")}), check=HF_BASE),
    *table_cases("HABITAT_TABLE", "lucode,class,habitat,sens_roads,sens_built,built\n1,built_up,0,0,0,1\n"
                                  "5,tree_cover,1.0,0.8,0.7,0\n", "habitat", prefix="habitat_table", check=HF_BASE),
    case("road_width_1e308", "extreme parameter", setting(ROAD_WIDTH_FIELD=None, ROAD_WIDTH=1e308), names=["width"],
         check=hf_expect(0.0, 0)),
    case("sample_spacing_0", "extreme parameter", setting(SAMPLE_SPACING=0.0), names=["spacing", "Sample"],
         check=HF_BASE),
], nonnegative=["mesh_ha", "patches", "habitat_ha", "hq_mean", "degr_mean", "MEAN_MESH_HA", "MEAN_HQ"])


# ==== lcr:resilience_index ======================================================================================
# a (higher is better) 0, 5, 10; b (higher is worse) 2, 6, 4. Min-max: n_a 0, .5, 1; n_b (6 − b)/4 = 1, 0, .5;
# equal weights, arithmetic mean: .5, .25, .75.
def ri_scene(d):
    return {"INPUT": d.layer("units", "Polygon", "name:str,a:real,b:real", [
        (rect(X0, Y0, 10, 10), ["u1", 0, 2]), (rect(X0 + 10, Y0, 10, 10), ["u2", 5, 6]),
        (rect(X0 + 20, Y0, 10, 10), ["x", 10, 4])]),
        "INDICATORS": ["a", "b"], "NEGATIVE_INDICATORS": ["b"], "OUTPUT": "TEMPORARY_OUTPUT"}


RI_BASE = expect({"res_index": {"u1": 0.5, "u2": 0.25, "x": 0.75}, "res_rank": {"u1": 2, "u2": 3, "x": 1}},
                 {"MEAN_INDEX": 0.5, "MISSING_COUNT": 0})
# x's a that is no number: x's index empty, u1 and u2 scaled between themselves: n_a 0, 1; n_b 1, 0.
RI_X_MISSING = expect({"res_index": {"u1": 0.5, "u2": 0.5, "x": None}}, {"MEAN_INDEX": 0.5, "MISSING_COUNT": 1})


def csv_units(d):
    return d.table("units.csv", "name,a,b\nu1,0,2\nu2,5,6\nx,10,4\n")


register("resilience_index", ri_scene, [
    case("base", "none (control)", check=RI_BASE),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["units"]),
    # Any geometry, or none, will do: the index reads attributes only.
    case("null_geometry", "null geometry", geometry_of("INPUT", 3, None), check=RI_BASE),
    case("points", "wrong geometry type", as_points(["INPUT"]), check=RI_BASE),
    case("mislabelled_4326", "mislabelled CRS", mislabelled(None), check=RI_BASE),
    case("table_from_csv", "numbers as text", setting(INPUT=csv_units), names=["a", "units"], check=RI_BASE),
    # (−9999 is not taken for a sentinel here: an indicator may be any number.)
    *value_cases("INPUT", 3, "a", RI_X_MISSING, numbers=numbers("inf", "minus_inf", "nan")),
    case("missing_field", "missing field", setting(INDICATORS=["a", "c"]), names=["c"]),
    case("numbers_as_text", "numbers as text", chain(text_copy("INPUT", "a", "NEGATIVE_INDICATORS"),
                                                     setting(INDICATORS=["as_text", "b"], NEGATIVE_INDICATORS=["b"])),
         names=["as_text"], check=RI_BASE),
    case("chinese_names", "Chinese paths and names",
         chain(chinese({"NEGATIVE_INDICATORS": ("INPUT", "热岛")}),
               setting(INDICATORS=["a", "热岛"], NEGATIVE_INDICATORS=["热岛"])), check=RI_BASE),
    case("target_zero", "extreme parameter", setting(NORMALISATION=2, TARGETS="a=0, b=3"), names=["TARGETS", "a=0"]),
    case("target_inf", "extreme parameter", setting(NORMALISATION=2, TARGETS="a=inf, b=3"),
         names=["TARGETS", "a=inf"]),
    case("weight_inf", "extreme parameter", setting(WEIGHTING=1, WEIGHTS="a=inf, b=1"), names=["WEIGHTS", "a=inf"]),
    case("weight_nan", "extreme parameter", setting(WEIGHTING=1, WEIGHTS="a=nan, b=1"), names=["WEIGHTS", "a=nan"]),
    case("weights_all_zero", "extreme parameter", setting(WEIGHTING=1, WEIGHTS="a=0, b=0"), names=["WEIGHTS"]),
    case("geometric_mean_of_zeros", "extreme parameter", setting(AGGREGATION=1),
         check=expect({"res_rank": {"x": 1}})),
], nonnegative=["n_a", "n_b", "res_index", "res_rank", "MEAN_INDEX", "MISSING_COUNT"])
# The ids of the text-copy case: "as_text" copies a into a text field named by NEGATIVE_INDICATORS first.
CASES[("resilience_index", "numbers_as_text")].build = (
    lambda d: chain(text_copy("INPUT", "a", "NEGATIVE_INDICATORS"),
                    setting(INDICATORS=["as_text", "b"], NEGATIVE_INDICATORS=["b"]))(d, ri_scene(d)))


# ==== lcr:synergy ================================================================================================
# co2 (lower is better) 4, 0, 4, 2 → low-carbon score 0, 1, 0, .5; green 10, 10, 30, 30 → 0, 0, 1, 1 and heat
# (lower is better) 32, 32, 30, 31 → 0, 0, 1, .5 → resilience score 0, 0, 1, .75. Medians .25 and .375:
# A neither, B low-carbon only, C resilience only, D win-win.
def sy_scene(d):
    return {"INPUT": d.layer("units", "Polygon", "uid:str,co2:real,green:real,heat:real", [
        (rect(X0, Y0, 10, 10), ["A", 4, 10, 32]), (rect(X0 + 10, Y0, 10, 10), ["B", 0, 10, 32]),
        (rect(X0, Y0 + 10, 10, 10), ["C", 4, 30, 30]), (rect(X0 + 10, Y0 + 10, 10, 10), ["x", 2, 30, 31])]),
        "LOW_CARBON_INDICATORS": ["co2"], "LOW_CARBON_NEGATIVE": ["co2"], "RESILIENCE_INDICATORS": ["green", "heat"],
        "RESILIENCE_NEGATIVE": ["heat"], "OUTPUT": "TEMPORARY_OUTPUT"}


SY_BASE = expect({"lc_score": {"A": 0.0, "B": 1.0, "C": 0.0, "x": 0.5},
                  "res_score": {"A": 0.0, "B": 0.0, "C": 1.0, "x": 0.75},
                  "quadrant": {"A": "neither", "B": "low_carbon_only", "C": "resilience_only", "x": "win_win"}},
                 {"WIN_WIN_COUNT": 1, "MEAN_D": 0.782542 / 4, "SPEARMAN_RHO": -0.388889}, key="uid", abs_tol=1e-6)
# x's co2 that is no number: its scores empty; A, B, C keep theirs (co2 4, 0, 4 → 0, 1, 0).
SY_X_MISSING = expect({"lc_score": {"A": 0.0, "B": 1.0, "C": 0.0, "x": None}, "quadrant": {"x": None}}, key="uid")

register("synergy", sy_scene, [
    case("base", "none (control)", check=SY_BASE),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["units"]),
    case("null_geometry", "null geometry", geometry_of("INPUT", 4, None), check=SY_BASE),
    case("mislabelled_4326", "mislabelled CRS", mislabelled(None), check=SY_BASE),
    *value_cases("INPUT", 4, "co2", SY_X_MISSING, numbers=numbers("inf", "minus_inf", "nan")),
    case("one_unit", "extreme parameter", chain(_map(None, keep=lambda fid: fid == 1)),
         names=["units", "unit"], check=expect({"quadrant": {"A": OneOf(None, "neither", "win_win")}}, key="uid")),
    case("baseline_other_ids", "disjoint extents",
         setting(BASELINE=lambda d: d.layer("baseline", "Polygon", "uid:str,co2:real,green:real,heat:real", [
             (rect(X0, Y0, 10, 10), ["Z1", 4, 10, 32]), (rect(X0 + 10, Y0, 10, 10), ["Z2", 0, 10, 32])]),
             UNIT_ID_FIELD="uid"), names=["baseline", "uid"], check=all_of(SY_BASE, warned("baseline"))),
    case("missing_field", "missing field", setting(RESILIENCE_INDICATORS=["green", "shade"]), names=["shade"]),
    case("chinese_names", "Chinese paths and names",
         chain(chinese({"LOW_CARBON_NEGATIVE": ("INPUT", "人均碳排放")}),
               setting(LOW_CARBON_INDICATORS=["人均碳排放"])), check=SY_BASE),
    case("weight_inf", "extreme parameter", setting(RESILIENCE_WEIGHTS="green=inf, heat=1"),
         names=["RESILIENCE_WEIGHTS", "green=inf"]),
], nonnegative=["lc_score", "res_score", "coupling_c", "coord_t", "coord_d", "WIN_WIN_COUNT", "MEAN_D"])


# ==== lcr:planning_check ==========================================================================================
PROFILE = ("rule_id,name_en,name_zh,indicator,unit,level,side,operator,threshold,threshold_high,source,clause,status,"
           "applies_to\n"
           "PARK,Park green,公园绿地,park_green_m2_pc,m2,master,both,>,8,,GB 55014-2021,§2.1.3,verified,\n"
           "FAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,test,§1,unverified,07\n"
           "FLOOD,Flood free,不淹,exposed,0/1,detailed,resilience,==,0,,test,-,unverified,\n"
           "CANOPY,Canopy,树冠,canopy_pct,%,detailed,resilience,>=,30,,3-30-300,30,verified,\n")


# a: park 9 > 8 ✓, FAR 1.0 in [1, 2.5] ✓, exposed 0 ✓, canopy 10 ✗ → 3/4;
# b (land use 0901: FAR does not apply): park 8 ✗, exposed 0 ✓, canopy 40 ✓ → 2/3, 1 not applicable;
# x: park NULL, FAR 2.5 ✓, exposed 1 ✗, canopy NULL → 1/2.
def pc_scene(d):
    return {"INPUT": d.layer("units", "Polygon", "name:str,lu:str,lu_int:int,park_green_m2_pc:real,far:real,exposed:int,"
                                                 "pc:real", [
        (rect(X0, Y0, 10, 10), ["a", "0701", 701, 9.0, 1.0, 0, 10.0]),
        (rect(X0 + 20, Y0, 10, 10), ["b", "0901", 901, 8.0, 2.6, 0, 40.0]),
        (rect(X0 + 40, Y0, 10, 10), ["x", "0701", 701, None, 2.5, 1, None])]),
        "PROFILE_FILE": d.table("profile.csv", PROFILE), "FIELD_MAP": "canopy=pc", "LANDUSE_FIELD": "lu",
        "OUTPUT": "TEMPORARY_OUTPUT", "TABLE": "TEMPORARY_OUTPUT"}


def pc_expect(x_far=1, x_score=0.5, x_na=2):
    return expect({"score": {"a": 0.75, "b": 2 / 3, "x": x_score}, "r_far": {"a": 1, "x": x_far},
                   "n_na": {"a": 0, "b": 0, "x": x_na}, "n_nap": {"a": 0, "b": 1, "x": 0}})


PC_BASE = pc_expect()
PC_X_FAR_MISSING = pc_expect(None, 0.0, 3)   # x: only FLOOD assessed, and failed

register("planning_check", pc_scene, [
    case("base", "none (control)", check=PC_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["units"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["units"]),
    case("null_geometry", "null geometry", geometry_of("INPUT", 3, None), check=PC_BASE),
    case("mislabelled_4326", "mislabelled CRS", mislabelled(None), check=PC_BASE),
    *value_cases("INPUT", 3, "far", PC_X_FAR_MISSING, prefix="far",
                 checks={"nan": (PC_X_FAR_MISSING, 0)}),   # documented: a missing value is not assessed
    case("landuse_codes_as_integers", "codes as integers", setting(LANDUSE_FIELD="lu_int"), names=["lu_int"],
         check=either(PC_BASE, warned("leading zero", "0701"))),
    case("field_map_syntax", "extreme parameter", setting(FIELD_MAP="canopy"), names=["canopy", "FIELD_MAP"]),
    case("missing_field", "missing field", setting(FIELD_MAP="canopy=tree_pct"), names=["tree_pct"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "pc", "FIELD_MAP"), names=["as_text"],
         check=PC_BASE),
    case("chinese_names", "Chinese paths and names",
         chain(chinese({"LANDUSE_FIELD": ("INPUT", "用地代码")}), setting(FIELD_MAP="canopy=pc")), check=PC_BASE),
    *table_cases("PROFILE_FILE", PROFILE, "threshold", prefix="profile", check=PC_BASE),
], nonnegative=["score", "n_pass", "n_fail", "n_na", "n_nap", "RULES_PASSED", "RULES_FAILED", "RULES_NOT_ASSESSED"])
CASES[("planning_check", "numbers_as_text")].build = (
    lambda d: (lambda p: {**p, "FIELD_MAP": "canopy=as_text"})(text_copy("INPUT", "pc", "FIELD_MAP")(d, pc_scene(d))))


# ==== lcr:planning_report ==========================================================================================
# A planning check of three units: 甲 passes FAR and GREEN, B fails FAR, C has no value for either.
REPORT_PROFILE = ("rule_id,name_en,name_zh,indicator,unit,level,side,operator,threshold,threshold_high,source,clause,"
                  "status\nFAR,Floor area ratio,容积率,far,-,detailed,low_carbon,between,1,2.5,GB 50180-2018,§4.0.1,"
                  "unverified\nGREEN,Green ratio,绿地率,green_ratio,0-1,detailed,both,>=,0.3,,GB 50180-2018,§4.0.2,"
                  "verified\n")


def pr_checked(d, units=None):
    """Run lcr:planning_check into GeoPackages of the case: (check URI, rules URI)."""
    import processing

    units = units or d.layer("units", "Polygon", "name:str,far:real,green_ratio:real", [
        (rect(X0, Y0, 100, 100), ["甲", 1.5, 0.35]), (rect(X0 + 100, Y0, 100, 100), ["B", 3.0, 0.35]),
        (rect(X0, Y0 + 100, 100, 100), ["C", None, None])])
    check, rules = os.fspath(d.file("check.gpkg")), os.fspath(d.file("rules.gpkg"))
    processing.run("lcr:planning_check", {"INPUT": units, "PROFILE_FILE": d.table("p.csv", REPORT_PROFILE),
                                          "OUTPUT": check, "TABLE": rules})
    return check + "|layername=check", rules + "|layername=rules"


def pr_scene(d):
    check, rules = pr_checked(d)
    return {"CHECK": check, "RULES": rules, "NAME_FIELD": "name", "LANGUAGE": 0,
            "OUTPUT_HTML": d.output("report.html"), "OUTPUT_PDF": d.output("report.pdf")}


def report_says(*texts):
    def check(run):
        page = Path(run.result["OUTPUT_HTML"]).read_text(encoding="utf-8")
        pdf = Path(run.result["OUTPUT_PDF"]).read_bytes()
        problems = [] if pdf[:4] == b"%PDF" else ["the PDF is not a PDF"]
        return problems + [f"the report does not say {t!r}" for t in texts if t not in page]
    return check


PR_BASE = report_says("1 of 3 units passes; 1 fails; 1 could not be assessed.", "甲")

register("planning_report", pr_scene, [
    case("base", "none (control)", check=PR_BASE),
    case("not_a_check_layer", "missing field",
         setting(CHECK=lambda d: d.layer("plain", "Polygon", "name:str", [(rect(X0, Y0, 10, 10), ["a"])])),
         names=["plain", "score"]),
    case("empty_layer", "empty layer", emptied(["CHECK"]), names=["check"]),
    case("wrong_geometry_type", "wrong geometry type", as_points(["CHECK"]), names=["check"]),
    # The report's numbers come from the attributes: a unit without geometry is only missing from the map.
    case("null_geometry", "null geometry", geometry_of("CHECK", 2, None), check=PR_BASE),
    case("check_4326", "geographic CRS", in_crs("EPSG:4326", ["CHECK"]), check=PR_BASE),
    case("check_mislabelled_4326", "mislabelled CRS", mislabelled(["CHECK"]), check=PR_BASE),
    case("score_inf", "bad value", value_of("CHECK", 1, "score", math.inf), names=["score"], skipped=1,
         check=report_says("甲")),
    case("rules_value_inf", "bad value", value_of("RULES", 1, "value_max", math.inf), names=["value_max", "rules"],
         check=report_says("1 of 3 units passes")),
    case("missing_field", "missing field", setting(NAME_FIELD="label"), names=["label"]),
    case("chinese_paths_and_title", "Chinese paths and names",
         chain(chinese(), setting(TITLE="示范区 <核查> & 报告", OUTPUT_HTML=lambda d: d.output("中文 报告/报告.html"),
                                  OUTPUT_PDF=lambda d: d.output("中文 报告/报告.pdf"))),
         check=report_says("示范区 &lt;核查&gt; &amp; 报告", "甲")),
], nonnegative=[])


# ==== lcr:shelter_capacity =====================================================================================
# Zones Z1 (1 000 residents) and Z2 (200), 1 km² each. Fixed shelters: a long-term one of 300 places in Z1, x a
# long-term one of 100 at (1 200, 500) in Z2; an emergency shelter of 500 in Z1 is no fixed shelter. Capacity per 100
# residents: Z1 30, Z2 50; in all 400 places for 1 200 residents.
def sc_scene(d):
    return {"INPUT": d.layer("zones", "Polygon", "zone:str,pop:real", [
        (rect(X0, Y0, 1000, 1000), ["Z1", 1000]), (rect(X0 + 1000, Y0, 1000, 1000), ["Z2", 200])]),
        "SHELTERS": d.layer("shelters", "Point", "kind:str,capacity:real", [
            ("POINT({} {})".format(*at(100, 100)), ["long_term", 300]), ("POINT({} {})".format(*at(200, 100)),
                                                                         ["emergency", 500]),
            ("POINT({} {})".format(*at(1200, 500)), ["long_term", 100])]),
        "POPULATION_FIELD": "pop", "TYPE_FIELD": "kind", "CAPACITY_FIELD": "capacity", "OUTPUT": "TEMPORARY_OUTPUT"}


def sc_expect(z2_cap=100.0, rel=1e-6):
    z2_pct = None if z2_cap is None else z2_cap / 2
    return expect({"fixed_cap": {"Z1": 300.0, "Z2": z2_cap}, "shelter_cap_pct": {"Z1": 30.0, "Z2": z2_pct}},
                  {"FIXED_CAPACITY": 300.0 + (z2_cap or 0.0), "CAPACITY_PCT": 100 * (300.0 + (z2_cap or 0.0)) / 1200},
                  key="zone", rel=rel)


SC_BASE = sc_expect()
SC_X_LEFT_OUT = sc_expect(0.0)

register("shelter_capacity", sc_scene, [
    case("base", "none (control)", check=SC_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["zones"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["zones"]),
    case("null_geometry", "null geometry", geometry_of("INPUT", 2, None), skipped=1,
         check=expect({"shelter_cap_pct": {"Z1": 30.0, "Z2": None}}, key="zone")),
    case("bow_tie", "invalid geometry", geometry_of("INPUT", 2, bow_tie(X0 + 1000, Y0, 1000)), skipped=1,
         check=SC_BASE),   # the repaired bow-tie's western triangle still holds x at (1 200, 500)
    case("shelters_wrong_geometry_type", "wrong geometry type", as_polygons(["SHELTERS"]), names=["shelters"]),
    case("shelters_empty_layer", "empty layer", emptied(["SHELTERS"]), names=["shelters"]),
    case("shelters_null_geometry", "null geometry", geometry_of("SHELTERS", 3, None), skipped=1, check=SC_X_LEFT_OUT),
    case("shelters_disjoint", "disjoint extents", moved(["SHELTERS"]), skipped=2,
         check=expect({"fixed_cap": {"Z1": 0.0, "Z2": 0.0}}, {"FIXED_CAPACITY": 0.0}, key="zone")),
    *crs_cases(sc_expect(rel=CRS_REL), ["zones"], mixed=["SHELTERS"]),
    *value_cases("SHELTERS", 3, "capacity", SC_X_LEFT_OUT, numbers=COUNT_NUMBERS, prefix="capacity"),
    *value_cases("INPUT", 2, "pop", expect({"shelter_cap_pct": {"Z1": 30.0, "Z2": None}}, key="zone"),
                 numbers=COUNT_NUMBERS, prefix="pop"),
    case("missing_field", "missing field", setting(CAPACITY_FIELD="places"), names=["places"]),
    case("numbers_as_text", "numbers as text", text_copy("SHELTERS", "capacity", "CAPACITY_FIELD"),
         names=["as_text"], check=SC_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("INPUT", "人口"), "CAPACITY_FIELD": ("SHELTERS", "容量")}), check=SC_BASE),
], nonnegative=["fixed_cap", "shelter_cap_pct", "FIXED_CAPACITY", "CAPACITY_PCT"])


# ==== lcr:zone_pv_share =========================================================================================
# Z0 and Z1, 1 ha each. Z0's buildings: 30 kWh of PV for 100 of demand, and none (NULL counts 0) for 50;
# x in Z1: 5 for 20. Shares: Z0 30/150, Z1 5/20; in all 35/170.
def zp_scene(d):
    return {"INPUT": d.layer("zones", "Polygon", "zone:str", [(rect(X0, Y0, 100, 100), ["Z0"]),
                                                              (rect(X0 + 100, Y0, 100, 100), ["Z1"])]),
            "BUILDINGS": d.layer("buildings", "Polygon", "pv_kwh_yr:real,energy_kwh:real", [
                (rect(X0 + 10, Y0 + 10, 20, 20), [30, 100]), (rect(X0 + 50, Y0 + 50, 20, 20), [None, 50]),
                (rect(X0 + 110, Y0 + 10, 20, 20), [5, 20])]),
            "PV_FIELD": "pv_kwh_yr", "DEMAND_FIELD": "energy_kwh", "OUTPUT": "TEMPORARY_OUTPUT"}


def zp_expect(x_pv=5.0, rel=1e-6):
    return expect({"pv_share": {"Z0": 0.2, "Z1": x_pv / 20}}, {"PV_SHARE": (30 + x_pv) / 170}, key="zone", rel=rel)


ZP_BASE = zp_expect()

register("zone_pv_share", zp_scene, [
    case("base", "none (control)", check=ZP_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["zones"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["zones"]),
    case("buildings_empty_layer", "empty layer", emptied(["BUILDINGS"]), names=["buildings"]),
    case("buildings_null_geometry", "null geometry", geometry_of("BUILDINGS", 3, None), skipped=1,
         check=expect({"pv_share": {"Z0": 0.2, "Z1": None}}, key="zone")),
    case("buildings_bow_tie", "invalid geometry", geometry_of("BUILDINGS", 3, bow_tie(X0 + 110, Y0 + 10, 20)),
         check=ZP_BASE),
    case("buildings_disjoint", "disjoint extents", moved(["BUILDINGS"]), skipped=3,
         check=expect({"pv_share": {"Z0": None, "Z1": None}}, key="zone")),
    *crs_cases(zp_expect(rel=CRS_REL), ["zones"], mixed=["BUILDINGS"]),
    # x's yield that is no yield: left out (Z1 then 0 of 20), and counted.
    *value_cases("BUILDINGS", 3, "pv_kwh_yr", zp_expect(0.0), numbers=COUNT_NUMBERS, prefix="pv",
                 checks={"nan": (zp_expect(0.0), 0)}),   # documented: a building without a yield counts 0
    *value_cases("BUILDINGS", 3, "energy_kwh", expect({"pv_share": {"Z0": 0.2, "Z1": None}}, key="zone"),
                 numbers=COUNT_NUMBERS, prefix="demand"),
    case("missing_field", "missing field", setting(PV_FIELD="pv"), names=["pv"]),
    case("numbers_as_text", "numbers as text", text_copy("BUILDINGS", "pv_kwh_yr", "PV_FIELD"), names=["as_text"],
         check=ZP_BASE),
    case("chinese_names", "Chinese paths and names", chinese({"PV_FIELD": ("BUILDINGS", "光伏发电量")}), check=ZP_BASE),
], nonnegative=["pv_kwh_yr", "demand_kwh", "pv_share", "PV_SHARE"])


# ==== lcr:park_supply ==========================================================================================
# Zones of 1 km²: Z1 1 000 residents, Z2 500, Z3 none. Green: G1 comprehensive 10 000 m² in Z1 (500 m reach),
# G2 community 3 000 m² in Z1 (300 m), G3 protective in Z2 (counts nowhere), x: G4 a 1 600 m² garden in Z2
# (park green, too small to serve), G5 comprehensive 5 000 m² in Z3. Buildings: 100 residents in Z1 105 m
# from G1 (served), 200 in Z1 997 m from G1 and 354 m from G2 (not), 300 in Z2 415 m from G5 (served), 100 in
# Z2 next to the protective G3 only (not), 999 in no zone. Park m² per resident Z1 13, Z2 3.2; served
# 100 of 300 and 300 of 400; in all 19 600 m² for 1 500 residents, 400 of 700 served.
def ps_scene(d):
    return {"INPUT": d.layer("zones", "Polygon", "zone:str,pop:real", [
        (rect(X0, Y0, 1000, 1000), ["Z1", 1000]), (rect(X0 + 1000, Y0, 1000, 1000), ["Z2", 500]),
        (rect(X0 + 2000, Y0, 1000, 1000), ["Z3", 0])]),
        "GREEN_SPACES": d.layer("green", "Polygon", "kind:str", [
            (rect(X0 + 100, Y0 + 100, 100, 100), ["comprehensive"]), (rect(X0 + 600, Y0 + 600, 50, 60), ["Community"]),
            (rect(X0 + 1500, Y0 + 500, 100, 100), ["protective"]), (rect(X0 + 1100, Y0 + 100, 40, 40), ["garden"]),
            (rect(X0 + 2400, Y0 + 500, 100, 50), ["comprehensive"])]),
        "BUILDINGS": d.layer("buildings", "Polygon", "residents:real", [
            (rect(X0 + 300, Y0 + 150, 10, 10), [100]), (rect(X0 + 900, Y0 + 900, 10, 10), [200]),
            (rect(X0 + 1980, Y0 + 510, 10, 10), [300]), (rect(X0 + 1620, Y0 + 550, 10, 10), [100]),
            (rect(X0 + 8000, Y0, 10, 10), [999])]),
        "POPULATION_FIELD": "pop", "TYPE_FIELD": "kind", "BUILDING_POPULATION_FIELD": "residents",
        "OUTPUT": "TEMPORARY_OUTPUT"}


def ps_expect(z2_park=1600.0, z2_served=300.0, rel=1e-6):
    return expect({"park_m2": {"Z1": 13_000.0, "Z2": z2_park, "Z3": 5000.0},
                   "park_green_m2_pc": {"Z1": 13.0, "Z2": z2_park / 500},
                   "park_cov_pop": {"Z1": 100.0, "Z2": z2_served}},
                  {"PARK_M2_PER_RESIDENT": (18_000 + z2_park) / 1500,
                   "PARK_COVERAGE_PCT": 100 * (100 + z2_served) / (300 + 100 + z2_served)}, key="zone", rel=rel)


PS_BASE = ps_expect()

register("park_supply", ps_scene, [
    case("base", "none (control)", check=PS_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["zones"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["zones"]),
    # No green space at all (an OpenStreetMap extract without mapped parks): park supply not assessed, not 0 m².
    case("green_empty_layer", "empty layer", emptied(["GREEN_SPACES"]), names=["green"],
         check=all_of(expect({"park_m2": {"Z1": None, "Z2": None, "Z3": None}, "park_cov_pct": {"Z1": None}},
                             {"PARK_M2_PER_RESIDENT": None, "PARK_COVERAGE_PCT": None}, key="zone"),
                      logged("“green” has no features: park supply is not assessed"))),
    case("green_null_geometry", "null geometry", geometry_of("GREEN_SPACES", 4, None), skipped=1,
         check=ps_expect(0.0)),
    case("green_empty_geometry", "empty geometry", geometry_of("GREEN_SPACES", 4, "POLYGON EMPTY"), skipped=1,
         check=ps_expect(0.0)),
    case("green_bow_tie", "invalid geometry", geometry_of("GREEN_SPACES", 4, bow_tie(X0 + 1100, Y0 + 100, 40)),
         skipped=1, check=ps_expect(800.0)),   # two 400 m² triangles
    case("buildings_null_geometry", "null geometry", geometry_of("BUILDINGS", 3, None), skipped=1,
         check=ps_expect(z2_served=0.0)),
    *crs_cases(ps_expect(rel=CRS_REL), ["zones"], mixed=["GREEN_SPACES", "BUILDINGS"]),
    # The served Z2 building's residents that are no number: left out, and counted.
    *value_cases("BUILDINGS", 3, "residents", ps_expect(z2_served=0.0), numbers=COUNT_NUMBERS),
    *value_cases("INPUT", 2, "pop", expect({"park_green_m2_pc": {"Z1": 13.0, "Z2": None}}, key="zone"),
                 numbers=COUNT_NUMBERS, prefix="pop"),
    case("missing_field", "missing field", setting(TYPE_FIELD="park_type"), names=["park_type"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "pop", "POPULATION_FIELD"), names=["as_text"],
         check=PS_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"TYPE_FIELD": ("GREEN_SPACES", "绿地类型"), "BUILDING_POPULATION_FIELD": ("BUILDINGS", "居民")}),
         check=PS_BASE),
    case("large_radius_1e308", "extreme parameter", setting(LARGE_RADIUS_M=1e308), names=["radius", "RADIUS"],
         check=expect(results={"PARK_COVERAGE_PCT": 100 * 500 / 700})),   # every building but G3's neighbour
], nonnegative=["park_m2", "comp_park_m2", "comm_park_m2", "park_green_m2_pc", "comp_park_m2_pc", "comm_park_m2_pc",
                "park_cov_pop", "park_cov_pct", "PARK_M2_PER_RESIDENT", "PARK_COVERAGE_PCT"])


# ==== lcr:public_green_reach =====================================================================================
# Parcels (1 ha): P0 100 residents at (0, 0), P1 300 at (500, 0), P2 50 at (3000, 0), P3 none at (0, 1200).
# Park green: K0 2 000 m² centred on (50, 600), 500 m from P0, 673 m from P1, 600 m from P3; K1 1 000 m² at
# (1550, 40), 950 m from P1; protective green between P0 and P1 counts nothing. Within 1 000 m: P0 reaches
# K0 and 400 neighbours (itself and P1), P1 K0 + K1 and 400, P2 nothing and its 50. m² per resident 5, 7.5, 0.
def pg_scene(d):
    return {"INPUT": d.layer("parcels", "Polygon", "pid:str,residents:real", [
        (rect(X0, Y0, 100, 100), ["P0", 100]), (rect(X0 + 500, Y0, 100, 100), ["P1", 300]),
        (rect(X0 + 3000, Y0, 100, 100), ["P2", 50]), (rect(X0, Y0 + 1200, 100, 100), ["P3", 0])]),
        "GREEN_SPACES": d.layer("green", "Polygon", "kind:str", [
            (rect(X0 + 30, Y0 + 575, 40, 50), ["community"]), (rect(X0 + 1525, Y0 + 30, 50, 20), ["comprehensive"]),
            (rect(X0 + 200, Y0 + 20, 50, 50), ["protective"])]),
        "POPULATION_FIELD": "residents", "TYPE_FIELD": "kind", "OUTPUT": "TEMPORARY_OUTPUT"}


def pg_expect(p0=5.0, p1=7.5, with_residents=3, rel=1e-6):
    return expect({"pub_green_m2_pc": {"P0": p0, "P1": p1, "P2": 0.0, "P3": None}},
                  {"PARCELS_WITH_RESIDENTS": with_residents}, key="pid", rel=rel)


PG_BASE = pg_expect()

register("public_green_reach", pg_scene, [
    case("base", "none (control)", check=PG_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["parcels"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["parcels"]),
    case("green_empty_layer", "empty layer", emptied(["GREEN_SPACES"]), names=["green"]),
    # Without K0: P0 reaches no park (0 m² each), P1 only K1 (1 000 / 400).
    case("green_null_geometry", "null geometry", geometry_of("GREEN_SPACES", 1, None), skipped=1,
         check=pg_expect(0.0, 2.5)),
    case("green_empty_geometry", "empty geometry", geometry_of("GREEN_SPACES", 1, "POLYGON EMPTY"), skipped=1,
         check=pg_expect(0.0, 2.5)),
    case("null_geometry", "null geometry", geometry_of("INPUT", 2, None), skipped=1,
         check=expect({"pub_green_m2_pc": {"P0": 20.0, "P2": 0.0, "P1": None}}, key="pid")),
    *crs_cases(pg_expect(rel=CRS_REL), ["parcels"], mixed=["GREEN_SPACES"]),
    case("green_disjoint", "disjoint extents", moved(["GREEN_SPACES"]),
         check=all_of(pg_expect(0.0, 0.0), warned(*DISJOINT))),
    # P1's residents that are no number: P1 left out (P0 then 2 000 m² for 100 residents), and counted.
    *value_cases("INPUT", 2, "residents", expect({"pub_green_m2_pc": {"P0": 20.0, "P1": None}}, key="pid"),
                 numbers=COUNT_NUMBERS),
    case("missing_field", "missing field", setting(POPULATION_FIELD="pop"), names=["pop"]),
    case("numbers_as_text", "numbers as text", text_copy("INPUT", "residents", "POPULATION_FIELD"),
         names=["as_text"], check=PG_BASE),
    case("chinese_names", "Chinese paths and names",
         chinese({"POPULATION_FIELD": ("INPUT", "居民"), "TYPE_FIELD": ("GREEN_SPACES", "绿地类型")}), check=PG_BASE),
    case("distance_1e308", "extreme parameter", setting(DISTANCE=1e308), names=["istance", "DISTANCE"],
         check=expect({"pub_green_m2_pc": {"P0": 3000 / 450}}, key="pid")),   # every park and resident
], nonnegative=["reach_green_m2", "reach_pop", "pub_green_m2_pc", "PARCELS_WITH_RESIDENTS"])


# ==== lcr:land_cover_shares ======================================================================================
# Zones Z0 and Z1 (1 ha). Land cover: built-up (1, impervious) 5 000 m² in each, tree cover (5) 5 000 m² in
# Z0. Soil C, 25 mm: built-up CN 94, tree cover CN 70; retention 1 − Q/P. Z0: impervious 50 %, sponge (R ≥
# 0.7) 50 %, retention the mean; Z1: 100 % impervious, no sponge.
R_BUILT, R_TREES = 1 - scs_q(94, 25.0) / 25.0, 1 - scs_q(70, 25.0) / 25.0


def lcs_scene(d):
    return {"INPUT": d.layer("zones", "Polygon", "zone:str", [(rect(X0, Y0, 100, 100), ["Z0"]),
                                                              (rect(X0 + 100, Y0, 100, 100), ["Z1"])]),
            "LANDCOVER": d.layer("landcover", "Polygon", "lucode:int,class:str", [
                (rect(X0 + 50, Y0, 100, 100), [1, "built_up"]), (rect(X0, Y0, 50, 100), [5, "tree_cover"])]),
            "CLASS_FIELD": "lucode", "OUTPUT": "TEMPORARY_OUTPUT"}


def lcs_expect(trees=True, rel=1e-6):
    z0 = ({"impervious_pct": 50.0, "sponge_area_pct": 50.0, "retention": (R_BUILT + R_TREES) / 2} if trees else
          {"impervious_pct": 100.0, "sponge_area_pct": 0.0, "retention": R_BUILT})
    fields = {k: {"Z0": v, "Z1": {"impervious_pct": 100.0, "sponge_area_pct": 0.0, "retention": R_BUILT}[k]}
              for k, v in z0.items()}
    area = 15_000 if trees else 10_000
    return expect(fields, {"IMPERVIOUS_PCT": 100 * 10_000 / area,
                           "RETENTION": (10_000 * R_BUILT + (5000 * R_TREES if trees else 0)) / area},
                  key="zone", rel=rel)


LCS_BASE = lcs_expect()

register("land_cover_shares", lcs_scene, [
    case("base", "none (control)", check=LCS_BASE),
    case("wrong_geometry_type", "wrong geometry type", as_points(["INPUT"]), names=["zones"]),
    case("empty_layer", "empty layer", emptied(["INPUT"]), names=["zones"]),
    case("landcover_wrong_geometry_type", "wrong geometry type", as_points(["LANDCOVER"]), names=["landcover"]),
    case("landcover_empty_layer", "empty layer", emptied(["LANDCOVER"]), names=["landcover"]),
    case("landcover_null_geometry", "null geometry", geometry_of("LANDCOVER", 2, None), skipped=1,
         check=lcs_expect(False)),
    case("landcover_empty_geometry", "empty geometry", geometry_of("LANDCOVER", 2, "POLYGON EMPTY"), skipped=1,
         check=lcs_expect(False)),
    case("landcover_bow_tie", "invalid geometry", geometry_of("LANDCOVER", 2, bow_tie(X0, Y0, 50)), skipped=1,
         check=expect({"impervious_pct": {"Z1": 100.0}}, key="zone")),
    case("landcover_disjoint", "disjoint extents", moved(["LANDCOVER"]),
         check=all_of(expect({"impervious_pct": {"Z0": None, "Z1": None}}, key="zone"), warned(*DISJOINT))),
    *crs_cases(lcs_expect(rel=CRS_REL), ["zones"], mixed=["LANDCOVER"]),
    case("class_unknown_code", "bad value", value_of("LANDCOVER", 2, "lucode", 99), skipped=1,
         check=expect({"impervious_pct": {"Z0": 50.0}, "retention": {"Z0": R_BUILT}}, key="zone")),
    case("class_inf", "bad value", value_of("LANDCOVER", 2, "lucode", math.inf, retype="real"), skipped=1,
         check=expect({"impervious_pct": {"Z0": 50.0}, "retention": {"Z0": R_BUILT}}, key="zone")),
    case("codes_as_text", "numbers as text", text_copy("LANDCOVER", "lucode", "CLASS_FIELD"), check=LCS_BASE),
    case("missing_field", "missing field", setting(CLASS_FIELD="code"), names=["code"]),
    case("chinese_names", "Chinese paths and names", chinese({"CLASS_FIELD": ("LANDCOVER", "地类")}), check=LCS_BASE),
    *table_cases("CN_TABLE", CN_TABLE.replace("2,road,98,98,98,98", "1,built_up,89,92,94,95"), "cn_c",
                 prefix="cn_table", check=LCS_BASE),
    case("rainfall_1e308", "extreme parameter", setting(RAINFALL_MM=1e308), names=["ainfall", "storm"]),
], nonnegative=["cover_m2", "impervious_pct", "sponge_area_pct", "retention", "IMPERVIOUS_PCT", "SPONGE_AREA_PCT",
                "RETENTION"])


# ==== the shipped models, on the demo district ===================================================================
# A model's right answer on a changed demo (reprojected, copied under Chinese names) is its answer on the
# demo itself, which tests/test_model_*.py check against independent recomputations.
MODEL_LAYERS = {"units": "planning_units", "hazard": "flood_zones"}
MODEL_FIELDS = {"emissions_and_flood_exposure": {"depth_field": "depth_m", "floors_field": "floors",
                                                 "use_field": "use", "population_field": "residents"},
                "carbon_balance_from_layers": {"target_t_per_capita": 1.5}}
MODEL_OUTPUT = {"master_plan_check": ("check:planning_check", "unit_id"),
                "detailed_plan_check": ("check:planning_check", "parcel_id"),
                "resilience_assessment": ("index:resilience_index", "unit_id"),
                "carbon_balance_from_layers": ("balance:carbon_balance", "unit_id"),
                "emissions_and_flood_exposure": ("exposure:result", "bldg_id")}
_CONTROL = {}


def model_scene(model):
    def scene(d):
        from qgis.core import QgsApplication, QgsProcessingParameterFeatureSource

        definitions = QgsApplication.processingRegistry().algorithmById(f"lcr:{model}").parameterDefinitions()
        params = {}
        for definition in definitions:
            name = definition.name()
            if isinstance(definition, QgsProcessingParameterFeatureSource):
                params[name] = f"{os.fspath(b.DISTRICT)}|layername={MODEL_LAYERS.get(name, name)}"
            elif definition.isDestination():
                suffix = {"report:report_html": ".html", "report:report_pdf": ".pdf"}.get(name)
                params[name] = d.output(name.split(":")[-1] + suffix) if suffix else "TEMPORARY_OUTPUT"
            elif definition.defaultValue() is not None:
                params[name] = definition.defaultValue()
        return {**params, **MODEL_FIELDS.get(model, {})}
    return scene


def _numbers(run, output, key):
    rows = {}
    for row in run.rows(output):
        rows[row[key]] = {k: v for k, v in row.items() if isinstance(v, (int, float)) and not isinstance(v, bool)
                          and k != "fid"}
    return rows


def control(model):
    """The model's key output on the demo district itself: kept from the "demo" case, or run here."""
    if model not in _CONTROL:
        import tempfile

        import processing
        from qgis.core import QgsProcessingContext, QgsProject

        from .runner import Run
        folder = Folder(tempfile.mkdtemp(prefix="lcr_control_"))
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        result = processing.run(f"lcr:{model}", model_scene(model)(folder), context=context)
        _CONTROL[model] = _numbers(Run(result, [], context), *MODEL_OUTPUT[model])
    return _CONTROL[model]


def is_control(model):
    """The check of the "demo" case: its run is the reference of the other cases."""
    def check(run):
        _CONTROL[model] = _numbers(run, *MODEL_OUTPUT[model])
        return [] if _CONTROL[model] else ["no output features"]
    return check


def like_control(model, rel=1e-9, abs_tol=1e-9, same_keys_only=False, sums=False, skip=()):
    """The key output matches the run on the demo itself: the same features and, unless
    ``same_keys_only``, every number within ``rel`` (with ``sums``: each field's total over the
    features, so that a building on the other side of a threshold after a reprojection does not
    count; ``skip``: fields left out, e.g. a gap that is a small difference of large numbers)."""
    def check(run):
        want = control(model)
        got = _numbers(run, *MODEL_OUTPUT[model])
        if set(got) != set(want):
            return [f"features {sorted(set(want) ^ set(got))[:5]} differ from the demo's run"]
        if same_keys_only:
            return []
        if sums:
            fields = sorted({f for row in want.values() for f in row} - set(skip))
            want = {"Σ": {f: sum(row.get(f) or 0 for row in want.values()) for f in fields}}
            got = {"Σ": {f: sum(row.get(f) or 0 for row in got.values()) for f in fields}}
        problems = []
        for ident, fields in want.items():
            for field, value in fields.items():
                if field not in skip and not _matches(got[ident].get(field), value, rel, abs_tol):
                    problems.append(f"{ident}.{field} = {got[ident].get(field)!r}, on the demo {value!r}")
        return problems[:8] + ([f"… {len(problems) - 8} more"] if len(problems) > 8 else [])
    return check


# Demo buildings with no usable floors value (NULL or ≤ 0): 74 of 3713; building 1 has 5 floors.
DEMO_FLOORS_DEFAULTED = 74


def model_cases(model, missing_field, empty_layer, full=True, spoilt=True, mixed=True, chinese_paths=True, skip=()):
    """Control, 4326, and spoilt demo layers for ``model``; with ``full`` also 3857, buildings alone in
    4326, Chinese paths and more spoilt layers (the plan checks, the slow ones, leave those to the others)."""
    reprojected = like_control(model, rel=2e-2, abs_tol=1e-6, sums=True, skip=skip)
    out = [
        case("demo", "none (control)", check=is_control(model)),
        case("demo_4326", "geographic CRS", in_crs("EPSG:4326"), check=reprojected),
        case("demo_building_residents_inf", "bad value", value_of("buildings", 1, "residents", math.inf, retype="real"),
             names=["residents"], skipped=1, check=like_control(model, same_keys_only=True)),
        case(f"demo_{empty_layer}_empty", "empty layer", emptied([empty_layer]),
             names=[empty_layer, MODEL_LAYERS.get(empty_layer, empty_layer)]),
        case("demo_missing_field", "missing field", setting(**{missing_field[0]: missing_field[1]}),
             names=[missing_field[1], missing_field[0]]),
    ]
    if full:
        out += [
            case("demo_3857", "geographic CRS", in_crs("EPSG:3857"), check=reprojected),
        ]
    if full and chinese_paths:
        out.append(case("demo_chinese_paths", "Chinese paths and names", chinese(), check=like_control(model)))
    if full and mixed:
        out.append(case("demo_buildings_4326", "mixed CRS", in_crs("EPSG:4326", ["buildings"]), check=reprojected))
    if full and spoilt:
        out.append(case("demo_building_null_geometry", "null geometry", geometry_of("buildings", 1, None), skipped=1,
                        check=like_control(model, same_keys_only=True)))
        if "floors_field" in model_scene_fields(model):
            out.append(case("demo_building_floors_nodata", "bad value", value_of("buildings", 1, "floors", -9999),
                            names=["floors"], skipped=DEMO_FLOORS_DEFAULTED + 1,
                            check=like_control(model, same_keys_only=True)))
    return out


MODEL_FLOORS = {"master_plan_check", "detailed_plan_check", "carbon_balance_from_layers", "emissions_and_flood_exposure"}


def model_scene_fields(model):
    return {"floors_field"} if model in MODEL_FLOORS else set()


def _curved(geometry):
    """The same polygon as a GeoPackage CurvePolygon (which shapely cannot read)."""
    return ogr.ForceTo(geometry.Clone(), ogr.wkbCurvePolygon) if geometry is not None else None


register("master_plan_check", model_scene("master_plan_check"),
         model_cases("master_plan_check", ("unit_id_field", "uid"), "shelters", spoilt=False, mixed=False) + [
             case("demo_units_curved", "curved geometry", geometry_of("units", 1, _curved, "CurvePolygon"),
                  check=like_control("master_plan_check")),
             case("demo_units_zm", "Z and M values", _map(["units"], geometry_type="PolygonZM",
                                                          geometry=lambda f, g: ogr.ForceTo(g.Clone(), ogr.wkbPolygonZM)),
                  check=like_control("master_plan_check")),
             case("demo_units_duplicate_id", "duplicate ids", value_of("units", 2, "unit_id", "U1"),
                  check=warned("2 units share their id with another")),
         ],
         nonnegative=["score", "n_pass", "n_fail", "n_na", "pop"])
register("detailed_plan_check", model_scene("detailed_plan_check"),
         model_cases("detailed_plan_check", ("parcel_id_field", "pid"), "facilities", full=False),
         nonnegative=["score", "n_pass", "n_fail", "n_na"])
# The model forms of the plan checks, which lcr:master_plan_check and lcr:detailed_plan_check run step by step
# (tests/test_plan_check_algorithms.py holds them to the same results): the control and a refusal.
for _check, _id_field, _empty in (("master_plan_check", ("unit_id_field", "uid"), "shelters"),
                                  ("detailed_plan_check", ("parcel_id_field", "pid"), "facilities")):
    MODEL_OUTPUT[f"{_check}_model"] = MODEL_OUTPUT[_check]
    MODEL_FLOORS.add(f"{_check}_model")
    register(f"{_check}_model", model_scene(f"{_check}_model"),
             [c for c in model_cases(f"{_check}_model", _id_field, _empty, full=False)
              if c[0] in ("demo", "demo_missing_field")], nonnegative=["score", "n_pass", "n_fail", "n_na"])
register("resilience_assessment", model_scene("resilience_assessment"),
         model_cases("resilience_assessment", ("residents_field", "pop"), "shelters", spoilt=False, mixed=False,
                     chinese_paths=False),
         nonnegative=["res_index", "depth_m", "pop_exp", "runoff_m3"])
register("carbon_balance_from_layers", model_scene("carbon_balance_from_layers"),
         model_cases("carbon_balance_from_layers", ("floors_field", "storeys"), "landcover", skip=("target_gap_t",)),
         nonnegative=["bldg_co2_t", "pv_co2_t", "seq_co2_t", "trans_co2_t"])
register("emissions_and_flood_exposure", model_scene("emissions_and_flood_exposure"),
         model_cases("emissions_and_flood_exposure", ("depth_field", "depth"), "hazard"),
         nonnegative=["gfa_m2", "co2_t_yr", "depth_m", "pop_exp", "damage_fr"])

from . import data_prep  # noqa: E402,F401  (registers the data-preparation tools' cases)
from . import measures  # noqa: E402,F401  (registers the plan-measure tools' cases)
from . import recheck  # noqa: E402,F401  (registers apply_measures and compare_checks)
from . import more  # noqa: E402,F401  (derives more cases from the ones above)
from . import formats  # noqa: E402,F401  (other providers, output formats, parameter texts; last)

# Success is the only right outcome of these kinds: the issue asks that the demo layers reprojected to
# EPSG:4326 and 3857 run, and nothing in a Chinese path or a second CRS is a reason to refuse.
MUST_RUN = ("none (control)", "geographic CRS", "projected CRS", "mixed CRS", "Chinese paths and names",
            # nor in these (more.py), which spoil no number
            "duplicate vertices", "Z and M values", "fid gaps", "fid field", "layer filter", "selected features only",
            "long text", "field name clash",
            # nor in these (formats.py): the same layer through another provider
            "input provider")
for _case in CASES.values():
    _case.must_run = _case.kind in MUST_RUN


# ---- the runner's own check: a worker that aborts or hangs --------------------------------------------------
# Registered only in workers started with LCR_BAD_INPUT_SELFTEST set (tests/test_bad_input.py does), so
# that the suite proves it turns a dying worker into a crash without a real crash among the cases.
if os.environ.get("LCR_BAD_INPUT_SELFTEST"):
    def _abort(d, params):
        os.abort()

    def _hang(d, params):
        import time
        time.sleep(600)

    register("_selftest", be_scene, [case("abort", "crash", _abort), case("hang", "crash", _hang),
                                     case("after", "none (control)", check=BE_BASE)])
    for _id in ("abort", "hang", "after"):
        CASES[("_selftest", _id)].algorithm_id = "building_emissions"
