"""What a review panel reads first, and what it must not miss: the report's first page (who made the
plan, against which profile, the verdict in one sentence, the rules that fail most) and the list of
everything the verdicts rest on that is a default or unverified.

Pure text from a ``report.Report``; the HTML page and the PDF layout lay it out.
"""
import numpy as np

from . import rule_text
from .report import (
    ESTIMATED, FAIL, INSUFFICIENT, NOT_ASSESSED, PASS, caveat_lines, count, rule_name, summary_lines, verdict_cell,
)
from .report_labels import LABELS, text

MAX_TOP_RULES = 5


# ---- which profile, which level -----------------------------------------------------------------
def profile_text(report):
    lang = report.lang
    if report.profile_name:
        return report.profile_name
    if not report.has_rule_table:
        return text("unknown_no_rules", lang)
    if report.profile_key is None:
        return text("profile_own", lang)
    label = f"profile_{report.profile_key}"
    # a profile shipped after these labels were written is still named, by its key
    name = text("profile_shipped", lang).format(name=text(label, lang), key=report.profile_key) \
        if label in LABELS else report.profile_key
    if report.edited_rules:
        return text("profile_edited", lang).format(profile=name, rules=", ".join(report.edited_rules))
    return name


def level_text(report):
    """The planning level, from the rules' level column: a check selects the rules of one level."""
    lang = report.lang
    if not report.has_rule_table:
        return text("unknown_no_rules", lang)
    levels = set(report.rules["level"]) - {""}
    if levels == {"master"}:
        return text("level_master", lang)
    if levels == {"detailed"}:
        return text("level_detailed", lang)
    return text("level_both", lang) if levels else text("none", lang)


def meta_rows(report):
    """[(label, value)] of the first page's header: district, organisation, date, profile, level."""
    lang = report.lang
    given = [("meta_district", report.district), ("meta_organisation", report.organisation),
             ("meta_date", report.date)]
    rows = [(text(key, lang), value or text("not_given", lang)) for key, value in given]
    return rows + [(text("meta_profile", lang), profile_text(report)), (text("meta_level", lang), level_text(report))]


def heading(report):
    """(main title, subtitle): the plan's name over the report's title, or the title alone."""
    return (report.plan_name, report.title) if report.plan_name else (report.title, "")


# ---- the verdict ------------------------------------------------------------------------------------
def _key(name, n):
    return f"{name}_one" if n == 1 else name


def verdict_sentence(report):
    """The units' verdicts in one sentence: "3 of 6 units pass; 2 fail; 1 has too few rules assessed."."""
    lang = report.lang
    results = report.units["result"]
    counts = results.value_counts()
    n = len(results)
    if n == 0:
        return text("v_none", lang) + text("v_end", lang)
    if n == 1:
        return text(f"v_single_{results.iloc[0]}", lang) + text("v_end", lang)
    passed = int(counts.get(PASS, 0))
    parts = [text(_key("v_pass", passed), lang).format(p=passed, n=n)]
    for result in (FAIL, INSUFFICIENT, NOT_ASSESSED):
        k = int(counts.get(result, 0))
        if k:
            parts.append(text(_key(f"v_{result}", k), lang).format(k=k))
    return text("v_separator", lang).join(parts) + text("v_end", lang)


def top_failing(report, limit=MAX_TOP_RULES):
    """Headers and rows of the rules failed in most units (then by the share of assessed units that
    fail, then in profile order), at most ``limit``; no rows where none fails."""
    lang = report.lang
    rules = report.rules[(report.rules["n_fail"] > 0) & (report.rules["verdict"] != ESTIMATED)].copy()
    assessed = (rules["n_pass"].fillna(0) + rules["n_fail"]).to_numpy(float)
    rules["share"] = rules["n_fail"].to_numpy(float) / np.maximum(assessed, 1)
    rules["order"] = np.arange(len(rules))
    rules = rules.sort_values(["n_fail", "share", "order"], ascending=[False, False, True]).head(limit)
    rows = []
    tag = text("unverified_tag", lang)
    for row in rules.to_dict("records"):
        name = f"{row['rule_id']}\n{rule_name(row, lang)}" if report.has_rule_table else row["rule_id"]
        if row["status"] == "unverified":
            name += f" [{tag}]"
        assessed = int(row["n_fail"] + (0 if np.isnan(row["n_pass"]) else row["n_pass"]))
        rows.append([name, rule_text.target(row["operator"], row["threshold"], row["threshold_high"], row["unit"],
                                            lang) if row["operator"] else text("none", lang),
                     text("fails_in", lang).format(f=int(row["n_fail"]), n=assessed)])
    return [text(k, lang) for k in ("col_rule_id", "col_threshold", "col_fails_in")], rows


def first_page_notes(report):
    """[(line, is a caveat)] under the first page's rules: the rules' and integration summary, the
    caveats, where the defaults are listed and where the methods are explained."""
    lang = report.lang
    lines = [(line, False) for line in summary_lines(report)[1:]] + [(line, True) for line in caveat_lines(report)]
    lines.append((text("see_defaults", lang), False))
    if report.methods_section:
        lines.append((text("methods_ref", lang).format(section=report.methods_section), False))
    return lines


def made_with(report):
    """The footer: when the report was made, and with which version of the toolkit."""
    line = text("generated", report.lang).format(date=report.created, version=report.version)
    return line if report.version else line.replace("  ", " ").replace(" （", "（")


# ---- defaults and unverified values ---------------------------------------------------------------
def unverified_table(report):
    """Headers and rows of the rules whose threshold was not verified in its source."""
    lang = report.lang
    rows = []
    for row in report.rules[report.rules["status"] == "unverified"].to_dict("records"):
        source = ", ".join(s for s in (row["source"], row["clause"]) if s and s not in ("-", "–"))
        rows.append([row["rule_id"], rule_name(row, lang),
                     rule_text.target(row["operator"], row["threshold"], row["threshold_high"], row["unit"], lang)
                     if row["operator"] else text("none", lang), source or text("none", lang)])
    keys = ("col_rule_id", "col_name", "col_threshold", "col_source")
    return [text(k, lang) for k in keys], rows


def few_residents_table(report):
    """Headers and rows of the per-resident rules some units got no verdict on for too few residents
    (n_few > 0, lcr:planning_check's minimum of residents)."""
    lang = report.lang
    rules = report.rules
    few = rules["n_few"].fillna(0) > 0 if "n_few" in rules else np.zeros(len(rules), bool)
    rows = [[row["rule_id"], rule_name(row, lang), count(row["n_few"]), verdict_cell(row, lang)]
            for row in rules[few].to_dict("records")]
    keys = ("col_rule_id", "col_name", "col_n_few", "col_verdict")
    return [text(k, lang) for k in keys], rows


def estimated_table(report):
    """Headers and rows of the rules some units were judged on shipped defaults for (n_est > 0)."""
    lang = report.lang
    rules = report.rules
    estimated = (rules["n_est"].fillna(0) > 0) | (rules["verdict"] == ESTIMATED)
    rows = [[row["rule_id"], rule_name(row, lang), count(row["n_est"]), verdict_cell(row, lang)]
            for row in rules[estimated].to_dict("records")]
    keys = ("col_rule_id", "col_name", "col_n_est", "col_verdict")
    return [text(k, lang) for k in keys], rows
