"""The report's section "Measures that make the plan pass": the list of proposed measures and the
before/after table per rule (lcr:compare_checks), as headers, rows and row classes for the HTML page and
the PDF.

A measures layer is recognised by its fields: lcr:size_lid (add_m3, add_area_m2, short_m3, on_site),
lcr:site_facilities (fac_type, new_pop) or lcr:carbon_measures by unit (pv_t, retro_t, green_t, left_t).
Only features with a measure are listed, the largest first (m³ of storage, residents reached, t CO2/a),
at most ``report.MAX_UNITS_LISTED`` of them. Units: m³, m², residents, t CO2/a.
"""
import numpy as np
import pandas as pd

from .report import FAIL, MAX_UNITS_LISTED, PASS
from .report_labels import text

__all__ = ["MEASURE_FIELDS", "measure_frame", "measure_table", "measures_cut_note", "comparison_table",
           "unaddressed_note"]

# Fields read from a measures layer, whichever of the three kinds it is.
MEASURE_FIELDS = ("add_m3", "add_area_m2", "short_m3", "on_site", "fac_type", "new_pop", "pv_t", "retro_t",
                  "green_t", "left_t")
LID, SITE, CARBON = "lid", "site", "carbon"


def kind_of(names):
    """Which measures a layer holds, from its field names; None if none of the three."""
    names = set(names)
    if {"add_m3", "short_m3"} <= names:
        return LID
    if {"fac_type", "new_pop"} <= names:
        return SITE
    if {"pv_t", "retro_t", "green_t", "left_t"} <= names:
        return CARBON
    return None


def measure_frame(columns, names, kind):
    """The features with a measure, largest first: name, kind and the fields of MEASURE_FIELDS present.

    >>> f = measure_frame({"add_m3": [0.0, 5.0, 9.0], "short_m3": [0, 0, 1.0]}, ["a", "b", "c"], LID)
    >>> list(f["name"])
    ['c', 'b']
    """
    frame = pd.DataFrame({key: np.asarray(value) for key, value in columns.items()})
    frame["name"] = list(names)
    if kind == LID:
        size = pd.to_numeric(frame["add_m3"], errors="coerce").fillna(0) + \
            pd.to_numeric(frame["short_m3"], errors="coerce").fillna(0)
    elif kind == SITE:
        size = pd.to_numeric(frame["new_pop"], errors="coerce").fillna(0) + 1e-9   # every site is a measure
    else:
        size = sum(pd.to_numeric(frame[c], errors="coerce").fillna(0) for c in ("pv_t", "retro_t", "green_t")) + \
            pd.to_numeric(frame["left_t"], errors="coerce").fillna(0)
    frame["size"] = size
    frame["kind"] = kind
    return frame[frame["size"] > 0].sort_values("size", ascending=False, kind="stable").reset_index(drop=True)


def _n(value, digits=0):
    return "" if value is None or pd.isna(value) else f"{float(value):,.{digits}f}"


def measure_table(frame, lang, max_rows=MAX_UNITS_LISTED):
    """Headers, rows and classes of the measures list (the first ``max_rows``)."""
    rows, classes = [], []
    for row in frame.head(max_rows).to_dict("records"):
        if row["kind"] == LID:
            short = float(row.get("short_m3") or 0)
            cells = [text("m_lid", lang), text("m_lid_amount", lang).format(m3=_n(row["add_m3"]),
                                                                              m2=_n(row.get("add_area_m2"))),
                     text("m_lid_short", lang).format(m3=_n(short, 1)) if short > 0 else text("m_lid_ok", lang)]
            cls = FAIL if short > 0 else PASS
        elif row["kind"] == SITE:
            cells = [text("m_site", lang).format(kind=row["fac_type"]), text("m_site_amount", lang),
                     text("m_site_effect", lang).format(n=_n(row["new_pop"]))]
            cls = PASS
        else:
            left = float(row.get("left_t") or 0)
            cells = [text("m_carbon", lang), text("m_carbon_amount", lang).format(
                pv=_n(row["pv_t"], 1), retro=_n(row["retro_t"], 1), green=_n(row["green_t"], 1)),
                text("m_carbon_left", lang).format(t=_n(left, 1)) if left > 1e-9 else text("m_carbon_closes", lang)]
            cls = FAIL if left > 1e-9 else PASS
        rows.append([str(row["name"])] + cells)
        classes.append(cls)
    headers = [text("col_unit_name", lang), text("col_measure", lang), text("col_amount", lang),
               text("col_effect", lang)]
    return headers, rows, classes


def measures_cut_note(frame, lang, max_rows=MAX_UNITS_LISTED):
    if frame is None or len(frame) <= max_rows:
        return ""
    return text("measures_cut", lang).format(shown=f"{max_rows:,}", n=f"{len(frame):,}")


def measure_word(row, lang):
    """What repairs a rule of the before/after table: the measure applied (the measure field of
    lcr:compare_checks), "none" for a rule failing before that no measure addresses, else ""."""
    kind = row.get("measure")
    if kind is None or (isinstance(kind, float) and np.isnan(kind)):
        return ""
    if str(kind).strip():
        return text(f"m_kind_{str(kind).strip()}", lang)
    return text("m_kind_none", lang) if int(row["fail_before"]) else ""


def comparison_table(comparison, lang):
    """Headers, rows and classes (the verdict after: fail where any unit still fails) of the before/after
    table, from the rows of lcr:compare_checks; with its measure field, a column naming each rule's measure."""
    before, after = text("col_before", lang), text("col_after", lang)
    with_measure = "measure" in comparison.columns
    headers = [text("col_name", lang), text("col_rule_id", lang)] + [
        f"{text(key, lang)} {when}" for when in (before, after) for key in ("col_pass", "col_fail", "col_na")] + [
        text("col_fixed", lang), text("col_broken", lang)] + ([text("col_measure", lang)] if with_measure else [])
    rows, classes = [], []
    for row in comparison.to_dict("records"):
        name = (row.get("name_zh") if lang == "zh" else None) or row.get("name_en") or row["rule_id"]
        rows.append([str(name), str(row["rule_id"])] + [str(int(row[k])) for k in (
            "pass_before", "fail_before", "na_before", "pass_after", "fail_after", "na_after", "fixed", "broken")] +
            ([measure_word(row, lang)] if with_measure else []))
        classes.append(FAIL if int(row["fail_after"]) else PASS if int(row["pass_after"]) else "not_assessed")
    return headers, rows, classes


def unaddressed_note(comparison, lang):
    """The sentence naming the rules failing before that no applied measure addresses ("" where none, or
    without the measure field).

    >>> unaddressed_note(pd.DataFrame({"rule_id": ["A", "B"], "fail_before": [2, 1], "measure": ["", "lid"]}), "en")
    'Failing rules no proposed measure repairs (the plan itself must change): A.'
    """
    if comparison is None or "measure" not in comparison.columns:
        return ""
    kinds = comparison["measure"].fillna("").astype(str).str.strip()
    rules = comparison.loc[(kinds == "") & (pd.to_numeric(comparison["fail_before"]) > 0), "rule_id"]
    return text("measures_unaddressed", lang).format(rules=", ".join(map(str, rules))) if len(rules) else ""
