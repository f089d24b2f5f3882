"""Planning report of lcr:planning_report: the report's data model and its tables as text, which the
HTML page (``report_html``) and the PDF layout share (no QGIS; the algorithm reads the layers).

Inputs are the outputs of lcr:planning_check (per feature: score = passed / assessed rules, n_pass,
n_fail, n_na, r_<rule> 1 pass / 0 fail / NULL not assessed; the rule table with source, clause and
status) and of lcr:synergy (lc_score, res_score 0–1, quadrant). A unit's verdict is the one
lcr:planning_check wrote (``profiles.unit_verdict``): it fails when a rule assessed from the user's data
fails, passes when none fails and enough of its rules were assessed, has insufficient data when too few
were, and is not assessed when no rule could be checked.

The report's fixed texts are in ``report_labels`` (English and Simplified Chinese side by side); the
words for a rule's codes (operator, unit, status) come from ``rule_text``; the first page and the
list of defaults and unverified values are made in ``report_front``.
"""
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import profiles, rule_text, tables
from .errors import InputError
from .report_labels import LABELS, LANGS, text  # noqa: F401 (the labels are part of this module's interface)
from .synergy import LOW_CARBON_ONLY, NEITHER, RESILIENCE_ONLY, WIN_WIN

CHECK_FIELDS = ("score", "n_pass", "n_fail", "n_na")
SYNERGY_FIELDS = ("lc_score", "res_score")
PASS, FAIL, NOT_ASSESSED, INSUFFICIENT = profiles.PASS, profiles.FAIL, profiles.NOT_ASSESSED, profiles.INSUFFICIENT
ESTIMATED = "estimated"   # a rule whose only values rest on shipped defaults
QUADRANTS = (WIN_WIN, LOW_CARBON_ONLY, RESILIENCE_ONLY, NEITHER)
# As the layer styles (scripts/make_styles.py): verdicts of distinct lightness (grey 78 fail, 128 too few
# rules, 193 pass, 240 not assessed), so a greyscale print keeps them apart; quadrants as the map's markers.
COLOURS = {PASS: "#a1d99b", FAIL: "#cb181d", NOT_ASSESSED: "#f0f0f0", INSUFFICIENT: "#4292c6",
           WIN_WIN: "#1a9641", LOW_CARBON_ONLY: "#a6d96a", RESILIENCE_ONLY: "#2c7bb6", NEITHER: "#252525"}
FONT_FAMILY = "Noto Sans CJK SC"
# The unverified mark is bilingual in both reports: it is the caveat nobody may miss.
UNVERIFIED = "unverified / 未核实"
# The units table lists at most this many units, the lowest share of rules passed first: 15–40 A4
# pages (by how many rules the units fail), and the demo district's 459 parcels in full. A city's
# 100 000 parcels would take thousands of pages (the layout's table export slows down with the square
# of its rows: 10 000 units took 270 s) and tens of MB of HTML; the Planning check layer has every unit.
MAX_UNITS_LISTED = 500


# ---- checking the inputs ---------------------------------------------------------------------
def check_columns(names):
    """Raise InputError unless ``names`` are the fields of a Planning check output: the summary fields
    (kind report_not_check, with ``missing``) and at least one r_<rule> field (report_no_rule_fields)."""
    missing = [name for name in CHECK_FIELDS if name not in names]
    if missing:
        raise InputError("report_not_check", missing=", ".join(missing))
    if not rule_fields(names):
        raise InputError("report_no_rule_fields")


def rule_fields(names):
    return [name for name in names if name.startswith(profiles.FIELD_PREFIX)]


def check_synergy_columns(names):
    missing = [name for name in SYNERGY_FIELDS if name not in names]
    if missing:
        raise InputError("report_not_synergy", missing=", ".join(missing))


def check_rule_table(names):
    missing = [name for name in ("rule_id", "status") if name not in names]
    if missing:
        raise InputError("report_not_rule_table", missing=", ".join(missing))


# ---- the data model ----------------------------------------------------------------------------
@dataclass
class Report:
    lang: str
    title: str
    created: str
    rules: pd.DataFrame            # one row per rule (see ``rule_frame``)
    units: pd.DataFrame            # one row per unit (see ``unit_frame``)
    synergy: pd.DataFrame = None   # name, lc_score, res_score, quadrant; None without SYNERGY
    inputs: list = field(default_factory=list)   # dicts: role, name, file (a file name, never a path), crs, count
    factors: pd.DataFrame = None   # ``factor_summary``
    has_rule_table: bool = True
    unmatched_rules: list = field(default_factory=list)   # rule ids of RULES without an r_ field in CHECK
    max_units: int = MAX_UNITS_LISTED   # the units table lists the first ones of ``units`` only
    # the first page: who made the plan, and against what (see ``report_front``)
    plan_name: str = ""
    district: str = ""
    organisation: str = ""
    date: str = ""
    profile_name: str = ""         # as the user named it; "" = recognised from the rules
    profile_key: str = None        # the shipped profile the rules come from, None if none
    edited_rules: list = field(default_factory=list)   # its rules whose thresholds were edited
    version: str = ""              # of the toolkit
    methods_section: str = ""      # of the methods document that explains the check
    input_notes: list = field(default_factory=list)   # lines: inputs estimated or not given, as the caller noted
    measures: pd.DataFrame = None     # ``report_measures.measure_frame`` of the proposed measures, or None
    comparison: pd.DataFrame = None   # rows of lcr:compare_checks (before / after per rule), or None
    residents: float = None           # the units' residents (the check's pop field summed), None without it
    off_scale: tuple = None           # (CRS, error 0-1) where the check's CRS is off true scale where its units
                                      # lie (a Gauss-Krüger zone far from its meridian), else None


def unit_result(n_pass, n_fail, n_na=0, verdict=None):
    """Each unit's verdict: the ``verdict`` lcr:planning_check wrote where there is one, else (a
    check made before it wrote verdicts) ``profiles.unit_verdict`` of the counts."""
    computed = profiles.unit_verdict(n_pass, n_fail, n_na)
    if verdict is None:
        return computed
    written = np.array([v if v in (PASS, FAIL, INSUFFICIENT, NOT_ASSESSED) else "" for v in verdict], dtype=object)
    return np.where(written != "", written, computed).astype(str)


def rule_frame(check, rules=None):
    """One row per rule: rule_id, field (its r_ field in ``check``, "" when absent), name_en, name_zh,
    unit, operator, threshold, threshold_high, value_min/mean/max, verdict, n_pass, n_fail, n_na, n_nap,
    n_est, source, clause, status ("verified", "unverified" or "" when unknown), applies_to ("" for every
    unit), level ("master", "detailed", "" when unknown).

    ``rules`` is the rule table of Planning check; without it the rules are the r_ fields of
    ``check`` and their counts are taken from it (NULL counts as not assessed)."""
    names = rule_fields(check.columns)
    if rules is None:
        frame = pd.DataFrame({"rule_id": names, "field": names})
        for column in ("name_en", "name_zh", "unit", "operator", "source", "clause", "status", "applies_to", "level"):
            frame[column] = ""
        for column in ("threshold", "threshold_high", "value_min", "value_mean", "value_max", "n_nap", "n_est",
                       "n_few"):
            frame[column] = np.nan
        values = check[names].to_numpy(float) if names else np.empty((len(check), 0))
        frame["n_pass"] = (values == 1).sum(axis=0)
        frame["n_fail"] = (values == 0).sum(axis=0)
        frame["n_na"] = np.isnan(values).sum(axis=0)
        frame["verdict"] = np.where(frame["n_fail"] > 0, FAIL, np.where(frame["n_pass"] > 0, PASS, NOT_ASSESSED))
        return frame
    frame = rules.copy().reset_index(drop=True)
    frame["rule_id"] = frame["rule_id"].astype(str)
    fields = profiles.rule_field_names(list(frame["rule_id"]))
    frame["field"] = [f if f in names else "" for f in fields]
    for column in ("name_en", "name_zh", "unit", "operator", "source", "clause", "status", "verdict", "applies_to",
                   "level"):
        if column not in frame:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    for column in ("threshold", "threshold_high", "value_min", "value_mean", "value_max",
                   "n_pass", "n_fail", "n_na", "n_nap", "n_est", "n_few"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce") if column in frame else np.nan
    return frame


def not_assessed(check, rules):
    """Units × ``rules`` (the rules with an r_ field): True where the rule applies to the unit but its
    r_ field is NULL, i.e. the unit has no value for its indicator.

    r_ is NULL too where the rule does not apply to the unit's land use, and the check keeps only the
    count of such rules (n_nap), not which: a rule limited to some land uses (``applies_to``) applies
    to a unit when another rule of the same ``applies_to`` has a value there (they share the land-use
    test), else when the unit has no n_nap. Where the counts settle it (every NULL not assessed, or
    n_na 0) the counts decide."""
    null = np.isnan(check[list(rules["field"])].to_numpy(float)) if len(rules) else np.zeros((len(check), 0), bool)
    n_nap = pd.to_numeric(check["n_nap"], errors="coerce").fillna(0).to_numpy() if "n_nap" in check else 0
    n_na = pd.to_numeric(check["n_na"], errors="coerce").to_numpy(float)
    applies = np.ones(null.shape, bool)
    scope = rules["applies_to"].to_numpy(str)
    for codes in set(scope) - {""}:
        columns = scope == codes
        maybe_elsewhere = null[:, columns].all(axis=1) & (n_nap > 0)
        applies[:, columns] = ~maybe_elsewhere[:, None]
    settled = null.sum(axis=1) == n_na
    return np.where(settled[:, None], null, null & applies) & (n_na != 0)[:, None]


def unit_not_assessed(check, rules):
    """``not_assessed`` without the rules that have no value in any unit: those are the rule
    table's news ("not assessed"), and listing them on every unit would bury the ones that matter."""
    missing = not_assessed(check, rules)
    anywhere = ~np.isnan(check[list(rules["field"])].to_numpy(float)).all(axis=0) if len(rules) else np.zeros(0, bool)
    return missing & anywhere[None, :]


def unit_frame(check, names, rules):
    """One row per unit, lowest score first (no score last, then by name): name, score, n_pass, n_fail,
    n_na, result, failing (the rule ids whose r_ field is 0, in rule order, each with whether it is
    unverified) and not_assessed (the rule ids not assessed in the unit, see ``not_assessed``)."""
    frame = pd.DataFrame({"name": [str(n) for n in names]})
    for column in CHECK_FIELDS:
        frame[column] = pd.to_numeric(check[column], errors="coerce").to_numpy(float)
    frame["result"] = unit_result(frame["n_pass"], frame["n_fail"], frame["n_na"],
                                  check["verdict"].to_numpy(object) if "verdict" in check else None)
    matched = rules[rules["field"] != ""]
    failed = (check[list(matched["field"])].to_numpy(float) == 0) if len(matched) else np.zeros((len(check), 0), bool)
    ids = np.array(matched["rule_id"], dtype=object)
    unverified = np.array(matched["status"] == "unverified")
    frame["failing"] = [list(zip(ids[row], unverified[row])) for row in failed]
    frame["not_assessed"] = [list(ids[row]) for row in unit_not_assessed(check, matched)]
    order = np.lexsort((frame["name"].to_numpy(), np.isnan(frame["score"].to_numpy()),
                        np.nan_to_num(frame["score"].to_numpy(), nan=np.inf)))
    return frame.iloc[order].reset_index(drop=True)


def build_report(check, names, lang="en", title="", created="", rules=None, synergy=None, inputs=(),
                 factors=None, max_units=None, shipped_profiles=None, input_notes=(), **front):
    """The report's content. ``check``: frame of the Planning check fields (score, n_pass, n_fail,
    n_na, r_*), ``names``: a label per unit, ``rules``: the rule table or None, ``synergy``: frame
    with name, lc_score, res_score and optionally quadrant, or None; ``max_units``: how many units
    the units table lists (None: ``MAX_UNITS_LISTED``); ``shipped_profiles``: {key: profile frame}
    to recognise the profile the rules come from. ``front``: the first page's plan_name, district,
    organisation, date (default ``created``), profile_name, version and methods_section. ``input_notes``:
    lines saying which inputs were estimated or not given (the wizard's, after preparing OpenStreetMap data)."""
    if lang not in LANGS:
        raise InputError("report_bad_language", lang=lang)
    check_columns(list(check.columns))
    rule_table = rule_frame(check, rules)
    unmatched = list(rule_table.loc[rule_table["field"] == "", "rule_id"]) if rules is not None else []
    if synergy is not None:
        check_synergy_columns(list(synergy.columns))
        synergy = synergy.copy()
        for column in SYNERGY_FIELDS:
            synergy[column] = pd.to_numeric(synergy[column], errors="coerce")
        synergy = synergy.dropna(subset=list(SYNERGY_FIELDS)).reset_index(drop=True)
        t_lc, t_res = quadrant_thresholds(synergy)
        if "quadrant" not in synergy or synergy["quadrant"].isna().any():
            synergy["quadrant"] = classify(synergy["lc_score"], synergy["res_score"], t_lc, t_res)
    key, edited = profiles.shipped_match(rule_table, shipped_profiles or {}) if rules is not None else (None, [])
    front = {name: (value or "").strip() for name, value in front.items()}
    front["date"] = front.get("date") or created
    return Report(lang=lang, title=title or text("title_default", lang), created=created, rules=rule_table,
                  units=unit_frame(check, names, rule_table), synergy=synergy, inputs=list(inputs),
                  factors=factors, has_rule_table=rules is not None, unmatched_rules=unmatched,
                  max_units=MAX_UNITS_LISTED if max_units is None else max_units, profile_key=key,
                  edited_rules=edited, input_notes=[line.strip() for line in input_notes if line.strip()],
                  residents=float(np.nansum(pd.to_numeric(check["pop"], errors="coerce"))) if "pop" in check else None,
                  **front)


# ---- the integration quadrants ---------------------------------------------------------------
def classify(lc, res, t_lc, t_res):
    lc, res = np.asarray(lc, float), np.asarray(res, float)
    high_lc, high_res = lc >= t_lc, res >= t_res
    return np.where(high_lc & high_res, WIN_WIN, np.where(high_lc, LOW_CARBON_ONLY,
                                                          np.where(high_res, RESILIENCE_ONLY, NEITHER)))


def quadrant_thresholds(synergy):
    """Where to draw the quadrant lines. lcr:synergy does not store its thresholds, but its quadrant
    field says which units were high (score ≥ threshold) on each score: the line goes midway between
    the highest low unit and the lowest high one. Without both kinds (or a quadrant field) the
    median of the scores, lcr:synergy's default split."""
    result = []
    quadrant = synergy["quadrant"] if "quadrant" in synergy else pd.Series([None] * len(synergy))
    for column, high_classes in (("lc_score", (WIN_WIN, LOW_CARBON_ONLY)), ("res_score", (WIN_WIN, RESILIENCE_ONLY))):
        scores = synergy[column].to_numpy(float)
        known = quadrant.isin(QUADRANTS).to_numpy()
        high = quadrant.isin(high_classes).to_numpy() & known
        low = known & ~high
        if high.any() and low.any():
            result.append(float((scores[low].max() + scores[high].min()) / 2))
        else:
            result.append(float(np.median(scores)) if len(scores) else 0.5)
    return tuple(result)


# ---- factor tables -----------------------------------------------------------------------------
def factor_summary(paths, own=(), max_sources=3, max_chars=110, lang="en"):
    """One row per factor table, ``paths`` {table name: CSV path in effect}, in name order: table, own
    (whether the name is in ``own``, the user's replacements), rows, years ("2014–2026"), verified
    ("2/8" rows with verified = yes) and the distinct sources (the first ``max_sources``, each cut
    to ``max_chars``; ``more`` counts the rest), in Chinese (``source_zh``) for a Chinese report."""
    records = []
    for name in sorted(paths):
        frame = tables.read_csv_table(paths[name], ["source", "verified"], [])
        years = pd.to_numeric(frame["year"], errors="coerce").dropna() if "year" in frame else pd.Series([], float)
        sources = list(dict.fromkeys(s.strip() for s in tables.in_language(frame, "source", lang) if s.strip()))
        records.append({
            "table": name, "own": name in own, "rows": len(frame),
            "years": "" if years.empty else (f"{int(years.min())}" if years.min() == years.max()
                                             else f"{int(years.min())}–{int(years.max())}"),
            "verified": f"{int((frame['verified'].str.strip().str.lower() == 'yes').sum())}/{len(frame)}",
            "sources": [s if len(s) <= max_chars else s[:max_chars - 1] + "…" for s in sources[:max_sources]],
            "more": max(len(sources) - max_sources, 0)})
    return pd.DataFrame(records, columns=["table", "own", "rows", "years", "verified", "sources", "more"])


# ---- the report's tables as text (shared by the HTML and the PDF) -----------------------------------
def count(value):
    return "–" if value is None or (isinstance(value, float) and np.isnan(value)) else str(int(value))


def status_cell(status, lang):
    """A rule's status; unverified in both languages, as everywhere in the report."""
    if status == "unverified":
        return UNVERIFIED
    return rule_text.status_text(status, lang) or text("status_unknown", lang)


def requirement_cell(row, lang):
    """"≥ 8", "1 to 2.5" (the unit has its own column)."""
    return rule_text.requirement(row["operator"], row["threshold"], row["threshold_high"], lang)


def unit_cell(unit, lang):
    return rule_text.unit_text(unit, lang) or text("none", lang)


def verdict_cell(row, lang):
    """How many of the units that assessed the rule fail it ("fails in 1 of 4 units"), or that all pass;
    the bare verdict where the counts are unknown."""
    verdict = row["verdict"] or NOT_ASSESSED
    n_pass, n_fail = row["n_pass"], row["n_fail"]
    if verdict in (NOT_ASSESSED, ESTIMATED) or np.isnan(n_pass) or np.isnan(n_fail):
        return text(f"verdict_{verdict}", lang)
    assessed, failed = int(n_pass + n_fail), int(n_fail)
    key = "rule_fails" if verdict == FAIL else "rule_passes"
    return text(key + "_one" if assessed == 1 else key, lang).format(f=failed, n=assessed)


def share_cell(score):
    """A unit's score (rules passed / assessed) as a percentage: "67 %"."""
    return "–" if np.isnan(score) else f"{score * 100:.0f} %"


def measured(row):
    values = [row["value_min"], row["value_mean"], row["value_max"]]
    if all(v is None or np.isnan(v) for v in values):
        return "–"
    return " / ".join(rule_text.number(v) for v in values)


def rule_name(row, lang):
    first, second = (row["name_zh"], row["name_en"]) if lang == "zh" else (row["name_en"], row["name_zh"])
    return first or second or text("none", lang)


def rule_table(report):
    """Headers, rows of text and a class per row ("pass unverified" …) of the indicator table."""
    lang = report.lang
    keys = ["col_rule_id", "col_name", "col_status", "col_threshold", "col_unit", "col_measured", "col_verdict",
            "col_pass", "col_fail", "col_na", "col_nap", "col_source"]
    rows, classes = [], []
    for row in report.rules.to_dict("records"):
        source = ", ".join(s for s in (row["source"], row["clause"]) if s and s not in ("-", "–"))
        rows.append([row["rule_id"], rule_name(row, lang), status_cell(row["status"], lang),
                     requirement_cell(row, lang), unit_cell(row["unit"], lang), measured(row), verdict_cell(row, lang),
                     count(row["n_pass"]), count(row["n_fail"]), count(row["n_na"]), count(row["n_nap"]),
                     source or text("none", lang)])
        classes.append(f"{row['verdict'] or NOT_ASSESSED} {row['status'] or 'unknown'}")
    return [text(k, lang) for k in keys], rows, classes


def failing_text(failing, lang):
    tag = text("unverified_tag", lang)
    return ", ".join(f"{rule} [{tag}]" if unverified else rule for rule, unverified in failing)


def units_cut_note(report):
    """The note that the units table leaves units out, or "" when it lists them all."""
    if len(report.units) <= report.max_units:
        return ""
    return text("units_cut", report.lang).format(shown=f"{report.max_units:,}", n=f"{len(report.units):,}")


def unit_table(report):
    """Headers, rows and classes of the units table: the first ``report.max_units`` units, which
    ``unit_frame`` sorts lowest share of rules passed first."""
    lang = report.lang
    keys = ["col_unit_name", "col_result", "col_score", "col_pass", "col_fail", "col_na", "col_failing",
            "col_not_assessed"]
    rows, classes = [], []
    for row in report.units.head(report.max_units).to_dict("records"):
        rows.append([row["name"], text(f"verdict_{row['result']}", lang), share_cell(row["score"]),
                     count(row["n_pass"]), count(row["n_fail"]), count(row["n_na"]),
                     failing_text(row["failing"], lang) or text("none", lang),
                     ", ".join(row["not_assessed"]) or text("none", lang)])
        classes.append(row["result"])
    return [text(k, lang) for k in keys], rows, classes


def quadrant_table(report):
    lang = report.lang
    counts = report.synergy["quadrant"].value_counts()
    rows = [[text(key, lang), str(int(counts.get(key, 0)))] for key in QUADRANTS]
    return [text("col_quadrant", lang), text("col_units", lang)], rows, list(QUADRANTS)


def input_table(report):
    lang = report.lang
    rows = [[text(f"role_{i['role']}", lang), f"{i['name']} ({i['file']})" if i.get("file") else i["name"],
             i.get("crs") or text("none", lang), count(i.get("count"))] for i in report.inputs]
    return [text(k, lang) for k in ("col_role", "col_layer", "col_crs", "col_count")], rows, [""] * len(rows)


def source_table(report):
    """Rule sources: one row per distinct source with the rules citing it and how many are unverified."""
    lang = report.lang
    rules = report.rules[report.rules["source"] != ""]
    rows = []
    for source, group in rules.groupby("source", sort=False):
        rows.append([source, ", ".join(group["rule_id"]), str(int((group["status"] == "unverified").sum()))])
    return ([text(k, lang) for k in ("col_rule_source", "col_rules", "col_unverified")], rows, [""] * len(rows))


def factor_table(report):
    lang = report.lang
    rows = []
    if report.factors is not None:
        for row in report.factors.to_dict("records"):
            sources = "; ".join(row["sources"])
            if row["more"]:
                sources += "; " + text("more_sources", lang).format(n=row["more"])
            table = text("own_table", lang).format(table=row["table"]) if row["own"] else row["table"]
            rows.append([table, str(row["rows"]), row["years"] or text("none", lang), row["verified"], sources])
    keys = ("col_table", "col_rows", "col_years", "col_verified", "col_sources")
    return [text(k, lang) for k in keys], rows, [""] * len(rows)


def synergy_scored(report):
    """Whether the synergy result holds a unit with both scores: one made where no unit had a value for every
    indicator it combines (Krems' OpenStreetMap check: no residents) has none, and its chart would be empty."""
    return report.synergy is not None and len(report.synergy) > 0


def summary_lines(report):
    """The report's key sentences: unit and rule counts, win-win units."""
    lang = report.lang
    units = report.units["result"].value_counts()
    verdicts = report.rules["verdict"].value_counts()
    lines = [text("units_line", lang).format(n=len(report.units), p=int(units.get(PASS, 0)),
                                             f=int(units.get(FAIL, 0)), i=int(units.get(INSUFFICIENT, 0)),
                                             na=int(units.get(NOT_ASSESSED, 0))),
             text("rules_line", lang).format(n=len(report.rules), p=int(verdicts.get(PASS, 0)),
                                             f=int(verdicts.get(FAIL, 0)), na=int(verdicts.get(NOT_ASSESSED, 0)),
                                             e=int(verdicts.get(ESTIMATED, 0)),
                                             u=int((report.rules["status"] == "unverified").sum()))]
    if synergy_scored(report):
        lines.append(text("quadrant_line", lang).format(
            n=len(report.synergy), ww=int((report.synergy["quadrant"] == WIN_WIN).sum())))
    elif report.synergy is not None:
        lines.append(text("synergy_none", lang))
    return lines


def caveat_lines(report):
    lines = [text("unverified_note", report.lang)]
    if not report.has_rule_table:
        lines.append(text("no_rule_table", report.lang))
    if report.input_notes:
        lines.append(text("input_notes_caveat", report.lang))
    if report.residents is not None and not report.residents > 0:
        lines.append(text("no_residents_caveat", report.lang))
    if report.off_scale:
        crs, error = report.off_scale
        area = (1 + error) ** 2 - 1
        # whole per cents, but a tenth under 1 % (a wrong zone near home is 0.5 % off, not "1 %")
        pct = {name: round(100 * value) if value >= 0.01 else round(100 * value, 1)
               for name, value in (("pct", error), ("area", area))}
        lines.append(text("off_scale_caveat", report.lang).format(crs=crs, **pct))
    return lines
