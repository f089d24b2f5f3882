"""The fixed texts of the planning report (lcr:planning_report), in English and Simplified Chinese
side by side: a report is content in the language the user chose for it, whatever the language QGIS
runs in, so its words cannot come from Qt's translator."""
from .synergy import LOW_CARBON_ONLY, NEITHER, RESILIENCE_ONLY, WIN_WIN

LANGS = ("en", "zh")

LABELS = {
    "title_default": ("Planning check report", "规划指标核查报告"),
    "generated": ("Made on {date} with the Low-Carbon & Resilience Planning Toolkit {version} (lcr:planning_report).",
                  "{date} 由低碳与韧性规划工具箱 {version}（lcr:planning_report）生成。"),
    "summary": ("Summary", "概要"),
    "units_line": ("{n} units checked: {p} pass, {f} fail, {i} have too few rules assessed to pass, "
                   "{na} not assessed.",
                   "共核查 {n} 个单元：{p} 个通过，{f} 个不通过，{i} 个已评估指标过少、不足以判定通过，"
                   "{na} 个未评估。"),
    "rules_line": ("{n} rules: {p} pass in every unit, {f} fail somewhere, {na} not assessed, {e} judged on shipped "
                   "defaults only; {u} of them unverified.",
                   "共 {n} 项指标：{p} 项全部通过，{f} 项存在不达标，{na} 项未评估，{e} 项仅有内置默认值；其中 {u} 项未核实。"),
    "quadrant_line": ("Integration: {ww} of {n} units are win-win (high low-carbon and high resilience score).",
                      "协同：{n} 个单元中 {ww} 个为双赢（低碳与韧性得分均高）。"),
    "unverified_note": (
        "Rules marked “unverified / 未核实” use editable default thresholds whose number was not read in the "
        "cited standard: their verdicts are screening results, not legal findings.",
        "标为“unverified / 未核实”的指标采用可编辑的默认阈值，其数值未经对照所引标准原文核实：相关结论仅供初步"
        "筛查，不具法定效力。"),
    "no_rule_table": (
        "No rule table was given: rule names, thresholds, sources and status are unknown. Give the rule "
        "table of Planning check (its TABLE output) as RULES.",
        "未提供规则表：指标名称、阈值、依据及核实状态未知。请将规划核查的规则表（TABLE 输出）作为 RULES 输入。"),
    "map_title": ("Map of results", "核查结果分布图"),
    "legend_title": ("Legend", "图例"),
    "legend_layer": ("Planning check", "规划核查"),
    "cat_pass": ("Pass: every assessed rule passes, enough rules assessed", "通过：已评估指标全部达标且评估充分"),
    "cat_fail": ("Fail: at least one rule fails", "不通过：至少一项指标不达标"),
    "cat_insufficient_data": ("Insufficient data: no rule fails, too few assessed to pass",
                              "数据不足：无不达标指标，但已评估指标过少，不能判定通过"),
    "cat_not_assessed": ("Not assessed", "未评估"),
    "north": ("N", "北"),
    "rules_heading": ("Indicators (rules)", "指标（规则）核查"),
    "rules_note": ("Verdict: in how many of the units where the rule was assessed it fails, or that it passes in "
                   "all of them. Requirement and measured values are in the rule's unit.",
                   "结论：已评估该指标的单元中有几个不达标，或全部达标。要求与实测值的单位同指标单位。"),
    "col_rule_id": ("Rule", "指标编号"),
    "col_name": ("Name", "名称"),
    "col_status": ("Status", "核实状态"),
    "col_threshold": ("Requirement", "要求"),
    "col_unit": ("Unit", "单位"),
    "col_measured": ("Measured min / mean / max", "实测 最小 / 平均 / 最大"),
    "col_verdict": ("Verdict", "结论"),
    "col_pass": ("Pass", "通过"),
    "col_fail": ("Fail", "不通过"),
    "col_na": ("Not assessed", "未评估"),
    "col_nap": ("Not applicable", "不适用"),
    "col_source": ("Source, clause", "依据、条款"),
    "verdict_pass": ("pass", "通过"),
    "verdict_fail": ("fail", "不通过"),
    "verdict_not_assessed": ("not assessed", "未评估"),
    "verdict_insufficient_data": ("insufficient data", "数据不足"),
    "verdict_estimated": ("estimated from defaults only", "仅有默认值估算"),
    # a rule's verdict over the units that assessed it: {f} failing of {n} = n_pass + n_fail
    "rule_passes": ("passes in all {n} units", "{n} 个单元全部达标"),
    "rule_passes_one": ("passes in the 1 unit assessed", "已评估的 1 个单元达标"),
    "rule_fails": ("fails in {f} of {n} units", "{n} 个单元中 {f} 个不达标"),
    "rule_fails_one": ("fails in the 1 unit assessed", "已评估的 1 个单元不达标"),
    "status_unknown": ("unknown", "未知"),
    "unverified_tag": ("unverified", "未核实"),
    "units_heading": ("Results by unit", "各单元核查结果"),
    "units_note": ("Share of rules passed = rules passed ÷ rules assessed in the unit; lowest first. A rule is not "
                   "assessed where the unit has no value for its indicator, e.g. a per-person indicator where "
                   "nobody lives; rules that do not apply to the unit's land use, and rules with no value in "
                   "any unit (see the indicator table), are not listed.",
                   "指标达标率 = 通过指标数 ÷ 该单元已评估指标数，由低到高排列。单元缺少某指标的数值时该指标记为未评估"
                   "（如无人居住单元的人均指标）；不适用于该单元用地类型的指标，以及在所有单元均无数值的指标"
                   "（见指标核查表），不列出。"),
    "units_cut": ("The {shown} units with the lowest share of rules passed are listed, of {n}; every unit is in "
                  "the Planning check layer.",
                  "列出指标达标率最低的 {shown} 个单元（共 {n} 个）；全部单元见规划核查结果图层。"),
    "col_unit_name": ("Unit", "单元"),
    "col_score": ("Share of rules passed", "指标达标率"),
    "col_result": ("Result", "结论"),
    "col_failing": ("Failing rules", "不达标指标"),
    "col_not_assessed": ("Not assessed (no value)", "未评估（无数值）"),
    "synergy_none": ("Integration: no unit has both a low-carbon and a resilience score (a unit needs a value for "
                     "every indicator lcr:synergy combines), so the report has no integration chart.",
                     "协同：没有单元同时具有低碳得分和韧性得分（单元须具备 lcr:synergy 所综合的每项指标的数值），"
                     "因此报告中没有协同图。"),
    "synergy_heading": ("Low-carbon × resilience integration", "低碳与韧性协同"),
    "synergy_note": ("Scores 0–1 from lcr:synergy (1 = best unit of the layer). Dashed lines: the quadrant "
                     "thresholds.", "得分 0–1 来自 lcr:synergy（1 = 图层中最优单元）；虚线为象限划分阈值。"),
    "axis_lc": ("Low-carbon score", "低碳得分"),
    "axis_res": ("Resilience score", "韧性得分"),
    WIN_WIN: ("Win-win", "双赢"),
    LOW_CARBON_ONLY: ("Low-carbon only", "仅低碳"),
    RESILIENCE_ONLY: ("Resilience only", "仅韧性"),
    NEITHER: ("Neither", "均不足"),
    "col_quadrant": ("Quadrant", "象限"),
    "col_units": ("Units", "单元数"),
    "inputs_heading": ("Inputs", "输入数据"),
    "col_role": ("Input", "输入"),
    "col_layer": ("Layer (file)", "图层（文件）"),
    "col_crs": ("CRS", "坐标系"),
    "col_count": ("Features", "要素数"),
    "role_check": ("Planning check result", "规划核查结果"),
    "role_rules": ("Rule table", "规则表"),
    "role_measures": ("Proposed measures", "拟议措施"),
    "role_comparison": ("Before and after per rule", "措施前后对比"),
    "role_synergy": ("Synergy result", "协同分析结果"),
    "sources_heading": ("Rule sources", "指标依据"),
    "col_rules": ("Rules", "指标"),
    "col_rule_source": ("Source", "依据"),
    "col_unverified": ("Unverified", "未核实"),
    "factors_heading": ("Factor tables in effect", "当前使用的参数因子表"),
    "factors_note": ("The algorithms that compute the indicators use these tables unless you gave your own; "
                     "rows not verified are editable defaults.",
                     "计算各项指标的算法默认使用这些表（除非另行提供）；未核实的行为可编辑的默认值。"),
    "own_table": ("{table} (your own, from Settings)", "{table}（用户自有，来自设置）"),
    "col_table": ("Table", "表"),
    "col_rows": ("Rows", "行数"),
    "col_years": ("Years", "年份"),
    "col_verified": ("Verified rows", "已核实行数"),
    "col_sources": ("Sources", "来源"),
    "more_sources": ("and {n} more", "等另 {n} 项"),
    "none": ("–", "–"),
    # ---- the first page --------------------------------------------------------------------------
    "colon": (":", "："),
    "meta_district": ("District", "区域"),
    "meta_organisation": ("Organisation", "编制单位"),
    "meta_date": ("Date", "日期"),
    "meta_profile": ("Standards profile", "指标体系"),
    "meta_level": ("Planning level", "规划层级"),
    "not_given": ("not given", "未填写"),
    "level_master": ("Master plan (territorial)", "总体规划（国土空间）"),
    "level_detailed": ("Detailed plan (regulatory, parcels)", "详细规划（地块）"),
    "level_both": ("Master and detailed plan rules", "总体规划与详细规划指标"),
    "unknown_no_rules": ("unknown (no rule table)", "未知（无规则表）"),
    "profile_cn_master": ("China, territorial master plan", "中国，国土空间总体规划"),
    "profile_cn_detailed": ("China, detailed plan, parcels", "中国，详细规划，地块"),
    "profile_cn_city_renewal": ("Pilot: city renewal", "试点：城市更新"),
    "profile_cn_old_community": ("Pilot: old community renovation", "试点：老旧小区改造"),
    "profile_cn_industrial_park": ("Pilot: industrial park", "试点：产业园区"),
    "profile_cn_new_town": ("Pilot: new town", "试点：新城"),
    "profile_cn_rural_village": ("Pilot: rural low-carbon village", "试点：乡村低碳村庄"),
    "profile_cn_disaster_management": ("Pilot: disaster management", "试点：防灾减灾"),
    "profile_cn_transport_biodiversity": ("Pilot: green transport and biodiversity", "试点：绿色交通与生物多样性"),
    "profile_eu_generic": ("Europe, generic targets", "欧洲，通用目标"),
    "profile_shipped": ("{name} ({key})", "{name}（{key}）"),
    "profile_edited": ("{profile}, thresholds edited: {rules}", "{profile}，已修改阈值：{rules}"),
    "profile_own": ("your own profile (not a shipped one)", "自定义指标体系（非内置）"),
    # the verdict in one sentence: "3 of 6 units pass; 2 fail; 1 has too few rules assessed."
    "v_pass": ("{p} of {n} units pass", "{n} 个单元中 {p} 个通过"),
    "v_pass_one": ("{p} of {n} units passes", "{n} 个单元中 {p} 个通过"),
    "v_fail": ("{k} fail", "{k} 个不通过"),
    "v_fail_one": ("{k} fails", "{k} 个不通过"),
    "v_insufficient_data": ("{k} have too few rules assessed", "{k} 个数据不足（已评估指标过少）"),
    "v_insufficient_data_one": ("{k} has too few rules assessed", "{k} 个数据不足（已评估指标过少）"),
    "v_not_assessed": ("{k} could not be assessed", "{k} 个无法评估"),
    "v_not_assessed_one": ("{k} could not be assessed", "{k} 个无法评估"),
    "v_single_pass": ("The unit passes", "该单元通过"),
    "v_single_fail": ("The unit fails", "该单元不通过"),
    "v_single_insufficient_data": ("The unit has too few rules assessed to pass", "该单元已评估指标过少，不能判定通过"),
    "v_single_not_assessed": ("The unit could not be assessed", "该单元无法评估"),
    "v_none": ("No unit was checked", "未核查任何单元"),
    "v_separator": ("; ", "；"),
    "v_end": (".", "。"),
    "top_heading": ("Rules failed most often", "不达标最多的指标"),
    "top_none": ("No rule fails in any unit.", "没有任何单元存在不达标指标。"),
    "col_fails_in": ("Fails in", "不达标单元"),
    "fails_in": ("{f} of {n} assessed", "已评估 {n} 个中 {f} 个"),
    "methods_ref": ("How each indicator is computed, its defaults, sources and limits: the toolkit's methods "
                    "document, methods.html (in the plugin's docs folder; every tool's Help button opens it), "
                    "§{section} for the check and the verdicts.",
                    "各项指标的计算方法、默认值、来源与局限见工具箱方法说明 methods_zh.html（插件 docs 文件夹；"
                    "各工具的“帮助”按钮可打开），核查与结论见第 {section} 节。"),
    "see_defaults": ("Defaults and unverified values the verdicts rest on are listed together at the end of the "
                     "report.", "结论所依据的默认值与未核实数值集中列于报告末尾。"),
    # ---- defaults and unverified values, in one place ---------------------------------------------
    "defaults_heading": ("Defaults and unverified values", "默认值与未核实数值"),
    "defaults_note": ("What the verdicts rest on that was neither read in a cited source nor measured in your data: "
                      "rule thresholds not verified against their standard, rules judged only on the toolkit's "
                      "shipped default values, and the factor tables the indicators were computed with.",
                      "结论所依据、既未对照所引来源核实也非来自用户数据的内容：未对照标准核实的指标阈值、仅依据工具箱"
                      "内置默认值判定的指标，以及计算各项指标所用的参数因子表。"),
    "unverified_heading": ("Rule thresholds not verified", "未核实的指标阈值"),
    "unverified_none": ("Every rule threshold was read in its cited source.", "全部指标阈值均已对照所引来源核实。"),
    "estimated_heading": ("Rules with values from shipped defaults", "数值来自内置默认值的指标"),
    "estimated_note": ("Units whose value of the rule rests on the toolkit's shipped defaults, not on your data, "
                       "get no verdict on it.", "指标数值来自工具箱内置默认值（而非用户数据）的单元，不对该指标作出结论。"),
    "estimated_none": ("No rule value rests on shipped defaults.", "没有指标数值来自内置默认值。"),
    "col_n_est": ("Units on defaults", "采用默认值的单元数"),
    "few_heading": ("Per-resident rules not assessed: too few residents", "因常住人口过少未评价的人均指标"),
    "few_note": ("Units with fewer residents than the check's minimum get no verdict on the rules per resident "
                 "(m²/person, t/person·a, shelter capacity per 100 residents): a ratio to a handful of residents "
                 "is arithmetic, not a planning fact.",
                 "常住人口少于检查所设最小值的单元，不对人均类指标（人均面积、人均排放、每百人避难容量）作出结论："
                 "以极少数人口计算的比值只是算术结果，不具规划意义。"),
    "col_n_few": ("Units with too few residents", "人口过少的单元数"),
    "input_notes_heading": ("Inputs estimated or not given", "估算的与未提供的输入"),
    "input_notes_note": ("As noted when the check was run (for example by the wizard after preparing "
                         "OpenStreetMap data): values estimated in preparing the data, not measured, and inputs "
                         "left out. The verdicts that rest on them are screening results.",
                         "运行核查时所记（例如向导准备 OpenStreetMap 数据之后）：准备数据时估算而非实测的数值，"
                         "以及未提供的输入。依据这些数值的结论仅为筛查结果。"),
    "no_residents_caveat": ("No unit holds residents (the check's pop field is 0 or empty everywhere): rules per "
                            "resident are not assessed, and coverage rules count buildings, not residents. Check "
                            "the buildings' use and residents (an OpenStreetMap extract of untyped buildings gets "
                            "none) before reading the verdicts.",
                            "所有单元均无居民（核查结果的 pop 字段全部为 0 或空）：按人均计的指标未评估，覆盖率指标按"
                            "建筑而非居民计算。请先核对建筑的用途与居民数（未标类型建筑的 OpenStreetMap 数据不会得到"
                            "居民），再阅读各项结论。"),
    "off_scale_caveat": ("The units are measured in {crs}, which is {pct} % off true scale where they lie (made "
                         "for another area or used far from its centre, e.g. a Gauss-Krüger zone far from its "
                         "central meridian): distances are up to {pct} % and areas up to {area} % off, and the coverage, per-resident "
                         "and distance verdicts with them. Reproject the layers to a CRS made for the place and "
                         "check again.",
                         "各单元在 {crs} 中量算，该坐标系在单元所在处比例偏差 {pct} %（该坐标系为别处所设或此处"
                         "远离其中心，如远离中央经线的高斯-克吕格带）：距离最多偏差 {pct} %，面积最多偏差 {area} %，覆盖率、人均与距离类结论随之偏差。"
                         "请将图层投影到适用于当地的坐标系后重新核查。"),
    "input_notes_caveat": ("Some inputs were estimated or not given: they are listed at the end of the report, "
                           "under “Inputs estimated or not given”.",
                           "部分输入为估算值或未提供，列于报告末尾“估算的与未提供的输入”。"),
    # the section "Measures that make the plan pass" (lcr:planning_report with MEASURES / COMPARISON)
    "measures_heading": ("Measures that make the plan pass", "使规划达标的措施"),
    "measures_note": ("The measures proposed (Plan measures tools), applied to copies of the plan layers, and the same "
                      "check run again: per rule how many units pass, fail or have no verdict (n/a) before and after. "
                      "The measures are proposals to check on site, not a design.",
                      "所提出的措施（规划措施工具）已并入规划图层的副本，并以同一核查再次运行：各规则在措施前后达标、"
                      "不达标及无结论（n/a）的单元数。措施为待现场核实的建议，而非设计。"),
    "measures_map": ("Proposed measures", "拟议措施"),
    "measures_map_note": ("Blue: the {n} units, parcels or sites with a proposed measure; under them the verdicts of "
                          "the check before the measures.",
                          "蓝色：有拟议措施的 {n} 个单元、地块或选址；其下为措施前核查结论。"),
    "measures_list": ("The measures", "措施清单"),
    "measures_cut": ("The {shown} largest of {n} measures are listed.", "列出 {n} 项措施中最大的 {shown} 项。"),
    "compare_heading": ("Before and after, per rule", "措施前后各规则对比"),
    "col_before": ("before", "措施前"),
    "col_after": ("after", "措施后"),
    "col_fixed": ("fixed (fail → pass)", "改善（不达标→达标）"),
    "col_broken": ("broken (pass → fail)", "变差（达标→不达标）"),
    "col_measure": ("Measure", "措施"),
    "col_amount": ("Amount", "规模"),
    "col_effect": ("Effect", "效果"),
    "m_lid": ("LID storage", "低影响开发调蓄设施"),
    "m_lid_amount": ("{m3} m³ in {m2} m² of measures", "调蓄 {m3} m³，设施面积 {m2} m²"),
    "m_lid_short": ("cannot hold the design rainfall on site: {m3} m³ short", "场地内无法消纳设计降雨：缺 {m3} m³"),
    "m_lid_ok": ("holds the design rainfall", "可消纳设计降雨"),
    "m_site": ("new site: {kind}", "新增设施：{kind}"),
    "m_site_amount": ("1 site", "1 处"),
    "m_site_effect": ("{n} more residents within walking distance", "步行范围内新增覆盖 {n} 名居民"),
    "m_carbon": ("carbon measures", "减碳措施"),
    "m_carbon_amount": ("PV {pv} t, retrofit {retro} t, planting {green} t CO2/a", "光伏 {pv} t、改造 {retro} t、植树 {green} t CO2/a"),
    "m_carbon_closes": ("closes the gap to the CO2 target", "弥合与碳排放目标的差距"),
    "m_carbon_left": ("{t} t CO2/a left: no measure mix closes the gap", "仍差 {t} t CO2/a：无措施组合可弥合"),
    "m_kind_lid": ("LID storage per parcel", "地块低影响开发调蓄"),
    "m_kind_facilities": ("new life-circle facilities", "新增生活圈设施"),
    "m_kind_shelters": ("new emergency shelters", "新增应急避难场所"),
    "m_kind_carbon": ("rooftop PV and retrofit", "屋顶光伏与节能改造"),
    "m_kind_none": ("none: no proposed measure repairs this rule", "无：所提措施不针对此规则"),
    "measures_unaddressed": ("Failing rules no proposed measure repairs (the plan itself must change): {rules}.",
                             "所提措施无法修复的不达标规则（需修改规划本身）：{rules}。"),
}


def text(key, lang):
    """The report label ``key`` in ``lang`` ("en" or "zh")."""
    return LABELS[key][LANGS.index(lang)]
