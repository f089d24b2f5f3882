<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplyMeasures</name>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="62"/>
        <source>Apply proposed measures to the plan layers</source>
        <translation>将拟议措施并入规划图层</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="65"/>
        <source>Merges the measures proposed by Site new facilities, Size LID measures per parcel and Close carbon gaps into new copies of the plan layers, so that the same plan check can run again on the plan with the measures. The input layers are not changed.

Parcels: the LID fields named below (those the plan check reads for sponge-city storage) take the totals after the measures (lid_bio_m2, lid_pave_m2, lid_groof_m2, lid_tank_m3 of the sized layer), matched by the parcel id field, which the sized layer keeps; a LID field left empty is added under the sized layer's name. Parcels the sizing has no value for keep theirs.

Facilities and shelters: the proposed sites are appended, with the fields of the same name copied and the facility type field set to the site's fac_type; sites of type shelter go to the shelters, the others to the facilities. A new shelter's capacity (persons) goes to the shelters' capacity field, its effective area (capacity × the m² per person of an emergency shelter, the standard Site new facilities sizes new shelters by) to their area field, and “emergency” to their type field: the fields the plan check reads. Emergency shelters are not fixed shelters (GB 51143-2015), so the fixed-shelter capacity rule does not count them; the shelter area rules do.

Buildings: pv_m2, pv_t, retro_m2, retro_t and co2_after_t of the measures on buildings are added, matched by the building id field (0 where a building has no measure). The Master plan check reads them with its fields “Building CO2 after measures” (co2_after_t) and “Rooftop PV” (pv_t); Carbon balance of planning units reads them as building CO2 and PV.

Then run the plan check on the new layers and Compare two plan checks on the two results.</source>
        <translation>将“新增设施选址”“地块 LID 设施规模”和“弥补碳排放缺口”提出的措施并入规划图层的新副本，以便在实施措施后的规划上再次运行同一规划核查。输入图层不会被修改。

地块：下面指定的 LID 字段（规划核查读取的海绵城市调蓄字段）取措施后的合计（规模计算结果中的 lid_bio_m2、lid_pave_m2、lid_groof_m2、lid_tank_m3），按地块编号字段匹配（规模计算结果保留该字段）；留空的 LID 字段以规模计算结果中的字段名新增。规模计算中没有数值的地块保留原值。

设施与避难场所：追加拟议选址，复制同名字段，并在设施类型字段中写入选址的 fac_type；类型为 shelter 的选址并入避难场所，其余并入设施。新增避难场所的容纳人数（人）写入避难场所的容纳人数字段，有效面积（容纳人数 × 紧急避难场所人均面积，即“新增设施选址”确定新避难场所规模所用的标准）写入面积字段，类型字段写入“emergency”：均为规划核查读取的字段。紧急避难场所不属于固定避难场所（GB 51143-2015），因此固定避难场所容量规则不计入它们；避难场所面积规则计入。

建筑：按建筑编号字段匹配，新增建筑措施结果中的 pv_m2、pv_t、retro_m2、retro_t 和 co2_after_t（无措施的建筑为 0）。“总体规划核查”通过其“措施后建筑 CO2”（co2_after_t）和“屋顶光伏”（pv_t）字段读取这些措施；“规划单元碳平衡”将其作为建筑 CO2 和光伏读取。

然后在新图层上运行规划核查，并用“对比两次规划核查”对比两个结果。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="89"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="89"/>
        <source>The plan&apos;s parcels, as the plan check reads them.</source>
        <translation>规划的地块，即规划核查读取的图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="92"/>
        <source>Parcel id field</source>
        <translation>地块编号字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="92"/>
        <source>Names each parcel; the LID layer must have a field of this name (Size LID measures keeps the parcels&apos; fields).</source>
        <translation>地块编号；LID 图层须有同名字段（“地块 LID 设施规模”保留地块的字段）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="97"/>
        <source>Bioretention area field (m²)</source>
        <translation>生物滞留设施面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="98"/>
        <source>Permeable paving area field (m²)</source>
        <translation>透水铺装面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="99"/>
        <source>Green roof area field (m²)</source>
        <translation>绿色屋顶面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="100"/>
        <source>Storage tank volume field (m³)</source>
        <translation>蓄水池容积字段（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="102"/>
        <source>The parcels&apos; field the plan check reads for this LID measure; it takes the total after the measures. Empty: a new field is added.</source>
        <translation>规划核查读取的该项 LID 设施的地块字段，写入措施后的合计。留空：新增字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="106"/>
        <source>LID measures to add (Size LID measures per parcel)</source>
        <translation>需增加的 LID 设施（地块 LID 设施规模）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="106"/>
        <source>The output of Size LID measures per parcel, with lid_bio_m2, lid_pave_m2, lid_groof_m2 and lid_tank_m3.</source>
        <translation>“地块 LID 设施规模”的输出，含 lid_bio_m2、lid_pave_m2、lid_groof_m2 和 lid_tank_m3。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="110"/>
        <source>Public facilities</source>
        <translation>公共服务设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="110"/>
        <source>The plan&apos;s life-circle facilities, as the plan check reads them.</source>
        <translation>规划的生活圈设施，即规划核查读取的图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="113"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="113"/>
        <source>The facilities&apos; type field; new sites get their fac_type in it (added if the layer lacks it).</source>
        <translation>设施的类型字段；新增选址在其中写入 fac_type（图层没有该字段时新增）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="117"/>
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="117"/>
        <source>The plan&apos;s shelters, as the plan check reads them.</source>
        <translation>规划的避难场所，即规划核查读取的图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="120"/>
        <source>Shelter capacity field (persons)</source>
        <translation>避难场所容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="120"/>
        <source>Shelter effective area field (m²)</source>
        <translation>避难场所有效面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="120"/>
        <source>Shelter type field</source>
        <translation>避难场所类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="124"/>
        <source>The shelters&apos; field the plan check reads; the new shelters get their value in it (added if the layer lacks it).</source>
        <translation>规划核查读取的避难场所字段；新增避难场所的数值写入该字段（图层中没有时新增）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="128"/>
        <source>Proposed sites (Site new facilities)</source>
        <translation>拟议选址（新增设施选址）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="128"/>
        <source>Outputs of Site new facilities, one per facility type (with fac_type).</source>
        <translation>“新增设施选址”的输出，每类设施一个（含 fac_type）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="132"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="132"/>
        <source>The plan&apos;s buildings, as the plan check reads them.</source>
        <translation>规划的建筑，即规划核查读取的图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="135"/>
        <source>Building id field</source>
        <translation>建筑编号字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="135"/>
        <source>Names each building; the measures layer must have a field of this name.</source>
        <translation>建筑编号；措施图层须有同名字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="139"/>
        <source>Measures on buildings (Close carbon gaps)</source>
        <translation>建筑上的措施（弥补碳排放缺口）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="139"/>
        <source>The Measures on buildings output of Close carbon gaps, with pv_m2, pv_t, retro_m2, retro_t and co2_after_t.</source>
        <translation>“弥补碳排放缺口”的“建筑上的措施”输出，含 pv_m2、pv_t、retro_m2、retro_t 和 co2_after_t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="144"/>
        <source>Parcels with the measures</source>
        <translation>并入措施的地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="144"/>
        <source>Facilities with the new sites</source>
        <translation>含新增选址的设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="144"/>
        <source>Shelters with the new sites</source>
        <translation>含新增选址的避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="144"/>
        <source>Buildings with the measures</source>
        <translation>含措施的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="148"/>
        <source>A new layer; made when its input and its measures are given.</source>
        <translation>新图层；给出相应输入及其措施时生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="150"/>
        <source>Parcels given LID measures</source>
        <translation>增加 LID 设施的地块数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="151"/>
        <source>Facilities added</source>
        <translation>新增设施数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="152"/>
        <source>Shelters added</source>
        <translation>新增避难场所数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="153"/>
        <source>Buildings given measures</source>
        <translation>采取措施的建筑数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="156"/>
        <source>The id “{value}” is found {count} more time(s) in the measures layer: ids must name one feature each.</source>
        <translation>编号“{value}”在措施图层中重复出现 {count} 次：每个编号只能对应一个要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="169"/>
        <source>Nothing to apply: give parcels with LID measures, facilities or shelters with proposed sites, or buildings with measures on buildings.</source>
        <translation>没有可并入的措施：请给出地块及 LID 设施、设施或避难场所及拟议选址，或建筑及建筑上的措施。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="184"/>
        <source>{parameter}: name the id field that matches the features of “{layer}” and “{other}”.</source>
        <translation>{parameter}：请指定匹配“{layer}”与“{other}”要素的编号字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="189"/>
        <source>“{layer}” has no field “{field}” to match the features by.</source>
        <translation>“{layer}”没有用于匹配要素的字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="212"/>
        <source>{n} parcels have no match in “{layer}”: they keep their LID storage.</source>
        <translation>{n} 个地块在“{layer}”中没有匹配：保留其原有 LID 调蓄量。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="216"/>
        <source>{n} parcels get LID measures; the LID fields of the copy: {fields}.</source>
        <translation>{n} 个地块增加 LID 设施；副本中的 LID 字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="246"/>
        <source>“{layer}” has no field fac_type: give the output of Site new facilities.</source>
        <translation>“{layer}”没有 fac_type 字段：请给出“新增设施选址”的输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="255"/>
        <source>{n} proposed sites of type {kind} are not applied: give the layer they belong to.</source>
        <translation>{n} 处类型为 {kind} 的拟议选址未并入：请给出其所属图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="255"/>
        <source>life-circle facility</source>
        <translation>生活圈设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="319"/>
        <source>{n} proposed sites appended to a copy of “{layer}”.</source>
        <translation>{n} 处拟议选址已追加到“{layer}”的副本。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/apply_measures.py" line="338"/>
        <source>{n} buildings get PV or a retrofit.</source>
        <translation>{n} 栋建筑采用光伏或节能改造。</translation>
    </message>
</context>
<context>
    <name>BuildingEmissions</name>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="38"/>
        <source>Building operational emissions</source>
        <translation>建筑运行碳排放</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="41"/>
        <source>Estimates the energy each building uses in a year and the CO2 that energy emits.

Gross floor area (GFA) = footprint area × floors, unless a GFA field gives it. Energy = GFA × energy use intensity (EUI) of the building's use. CO2 = GFA × (electricity EUI × grid factor + fuel EUI × fuel factor).

The shipped EUI table (resources/factors/building_eui.csv) has one row per use with its source and year; its values are planning defaults not yet checked against GB/T 51161-2016, so results say they are unverified. Uses not in the table take the “default” row. The grid factor comes from the region and year chosen (default: China's national average of the latest year, 0.5306 kgCO2/kWh for 2023, published by the Ministry of Ecology and Environment and the National Bureau of Statistics) unless you give your own; the fuel factor defaults to natural gas (IPCC 2006, 56 100 kgCO2/TJ).

Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM zone of its centre.

Output fields: gfa_m2 (m²), eui_kwh_m2 (kWh/m²·a), energy_kwh (kWh/a), co2_t_yr (t/a), co2_t_yr_est (1 where the CO2 rests on the default floors, on the table's default use, or on floors or a use an earlier step flagged as estimated in a field named like the floors or use field with _est added, e.g. floors_est of Prepare OpenStreetMap data), energy_kwh_est (the same for the energy demand, which rests on the same floor area and use).

Known CO2 field (optional): where it holds a value, that CO2 replaces the computed one, e.g. co2_after_t of Apply proposed measures (the CO2 after a retrofit); the building's EUI and energy are scaled by the same ratio, as a retrofit lowers its energy use.</source>
        <translation>估算每栋建筑的年能耗及其产生的 CO2 排放。

建筑面积（GFA）= 基底面积 × 层数，若有建筑面积字段则直接采用该字段。能耗 = 建筑面积 × 该建筑用途的能耗强度（EUI）。CO2 = 建筑面积 × （电力 EUI × 电网排放因子 + 燃料 EUI × 燃料排放因子）。

插件自带的 EUI 表（resources/factors/building_eui.csv）每种用途一行，注明来源和年份；其数值为规划默认值，尚未对照 GB/T 51161-2016 核实，因此结果标注为未核实。表中未列出的用途采用“default”行。电网排放因子按所选区域和年份取值（默认：全国平均、最新年份，2023 年为 0.5306 kgCO2/kWh，由生态环境部、国家统计局发布），也可自行填写；燃料排放因子默认为天然气（IPCC 2006，56 100 kgCO2/TJ）。

面积为真实面积：地理坐标参考系或 Web Mercator 的图层在其中心所在的 UTM 带中量算。

输出字段：gfa_m2（m²）、eui_kwh_m2（kWh/m²·a）、energy_kwh（kWh/a）、co2_t_yr（t/a）、co2_t_yr_est（排放依赖默认层数、表中的默认用途，或依赖前一步骤标记为估算的层数或用途时为 1；标记字段名为层数或用途字段名加 _est，如“准备 OpenStreetMap 数据”的 floors_est）、energy_kwh_est（能耗需求的同一标记，能耗基于相同的建筑面积与用途）。

已知 CO2 字段（可选）：该字段有值时，以其 CO2 取代计算值，例如“将拟议措施并入规划图层”输出的 co2_after_t（节能改造后的 CO2）；建筑的 EUI 和能耗按同一比例缩放，因为改造降低了建筑能耗。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="65"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="65"/>
        <source>Building footprints (polygons).</source>
        <translation>建筑基底轮廓（面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="68"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="68"/>
        <source>Number of above-ground floors: a number, or text such as 6层, 6F, 地上6层 or 十二层 (the log counts the values that hold no number). Missing or zero values use the default floors.</source>
        <translation>地上层数：数值，或 6层、6F、地上6层、十二层 等文本（日志统计其中读不出数字的值）。缺失或为 0 时采用默认层数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="73"/>
        <source>Default floors</source>
        <translation>默认层数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="73"/>
        <source>Floors assumed where the floors field is empty, zero or not given.</source>
        <translation>层数字段为空、为 0 或未指定时采用的层数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="77"/>
        <source>Gross floor area field (m²)</source>
        <translation>建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="77"/>
        <source>Where set and above zero, this floor area wins over footprint × floors.</source>
        <translation>该字段有值且大于 0 时，优先采用该建筑面积，而不按基底面积 × 层数计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="81"/>
        <source>Use field</source>
        <translation>用途字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="81"/>
        <source>Building use, matched to the EUI table (e.g. residential, office, 住宅, 0701). Without it every building takes the “default” row.</source>
        <translation>建筑用途，用于匹配 EUI 表（如 residential、office、住宅、0701）。未指定时，所有建筑均采用“default”行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="86"/>
        <source>Energy use intensity table (CSV)</source>
        <translation>能耗强度表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="86"/>
        <source>CSV with columns use, elec_kwh_m2, fuel_kwh_m2 (and optionally aliases separated by |). Replaces the shipped table; it needs a row named “default”.</source>
        <translation>包含 use、elec_kwh_m2、fuel_kwh_m2 列的 CSV（可另加 aliases 列，别名以 | 分隔）。用于替换插件自带的表，表中须有名为“default”的行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="90"/>
        <source>Known CO2 field (t/a)</source>
        <translation>已知 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="90"/>
        <source>Where set, this CO2 replaces GFA × EUI (e.g. co2_after_t of Apply proposed measures); EUI and energy are scaled by the same ratio. Empty values keep the computed CO2.</source>
        <translation>有值时，以此 CO2 取代 GFA × EUI（例如“将拟议措施并入规划图层”输出的 co2_after_t）；EUI 与能耗按同一比例缩放。空值保留计算的 CO2。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="96"/>
        <source>Fuel emission factor (kgCO2/kWh)</source>
        <translation>燃料排放因子（kgCO2/kWh）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="96"/>
        <source>CO2 per kWh of fuel burnt on site. Default: natural gas (IPCC 2006).</source>
        <translation>现场燃烧每 kWh 燃料的 CO2 排放量。默认值：天然气（IPCC 2006）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="101"/>
        <source>Building emissions</source>
        <translation>建筑碳排放</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="101"/>
        <source>The buildings with gfa_m2, eui_kwh_m2, energy_kwh and co2_t_yr added.</source>
        <translation>添加了 gfa_m2、eui_kwh_m2、energy_kwh 和 co2_t_yr 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="103"/>
        <source>Total gross floor area (m²)</source>
        <translation>总建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="104"/>
        <source>Total CO2 (t/a)</source>
        <translation>CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="164"/>
        <source>{n} buildings have a gross floor area above {limit:,.0f} m², which no building has: it is left out and their floor area is footprint × floors.</source>
        <translation>{n} 栋建筑的总建筑面积大于 {limit:,.0f} m²，没有建筑有这么大：该值不予采用，其建筑面积按基底面积 × 层数计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="169"/>
        <source>{n} buildings had no usable floors value and used the default.</source>
        <translation>{n} 栋建筑没有可用的层数值，已采用默认层数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="172"/>
        <source>{n} buildings have a use the table does not list and took the “default” row.</source>
        <translation>{n} 栋建筑的用途未列在能耗强度表中，已采用“default”行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="175"/>
        <source>{n} buildings take their CO2 from the known CO2 field.</source>
        <translation>{n} 栋建筑的 CO2 取自已知 CO2 字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="178"/>
        <source>{n} buildings&apos; CO2 rests on default floors or a default use (co2_t_yr_est = 1).</source>
        <translation>{n} 栋建筑的碳排放依赖默认层数或默认用途（co2_t_yr_est = 1）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="181"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="186"/>
        <source>Unverified EUI values were used for: {uses}. Check them against local statistics.</source>
        <translation>以下用途采用了未核实的 EUI 值：{uses}。请对照本地统计数据进行核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="189"/>
        <source>EUI table: {path}. Grid factor {grid} kgCO2/kWh, fuel factor {fuel} kgCO2/kWh.</source>
        <translation>EUI 表：{path}。电网排放因子 {grid} kgCO2/kWh，燃料排放因子 {fuel} kgCO2/kWh。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="191"/>
        <source>{n} buildings: {gfa:,.0f} m² gross floor area, {co2:,.1f} t CO2 a year.</source>
        <translation>共 {n} 栋建筑：建筑面积 {gfa:,.0f} m²，年 CO2 排放 {co2:,.1f} t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/building_emissions.py" line="195"/>
        <source>Operational CO2 of buildings: GFA × EUI × emission factor. EUI table {path}; grid factor {grid} kgCO2/kWh; fuel factor {fuel} kgCO2/kWh. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑运行 CO2 排放：建筑面积 × EUI × 排放因子。EUI 表 {path}；电网排放因子 {grid} kgCO2/kWh；燃料排放因子 {fuel} kgCO2/kWh。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>CarbonBalance</name>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="48"/>
        <source>Carbon balance of planning units</source>
        <translation>规划单元碳平衡</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="51"/>
        <source>Rolls the low-carbon results up to each planning unit and sets them against a target.

net (t/a) = building CO2 + transport CO2 − sequestration − CO2 avoided by rooftop PV.
Buildings (points or polygons, e.g. the output of Building operational emissions, or of Rooftop PV potential) are summed into the unit holding their representative point: building CO2 from co2_t_yr, avoided CO2 from pv_co2_t, and residents from a field you name. Transport CO2 is a field of the units (e.g. co2_t_yr of Transport emissions run on them) or a layer of zones no larger than the units, summed by representative point. Sinks (e.g. the output of Carbon stock and sequestration, seq_co2_t_yr) are shared out by the area of each sink polygon inside each unit. A component not given counts as 0 and the log names it; a default field name the layer does not have counts as not given.

net_t_cap = net / residents (residents from the units' field, else summed from the buildings); net_t_ha = net / unit area in hectares. target_gap_t = net − target per capita × residents, or net − target per hectare × area (with both, the larger gap); positive = over target, NULL without a target and, for a per-capita target, where a unit has no residents (0 or unknown: no per-resident allowance; with a per-hectare target too, its per-hectare gap).

Output: the units with bldg_co2_t, trans_co2_t, seq_co2_t, pv_co2_t, net_co2_t (t/a), net_t_cap (t/person·a), net_t_ha (t/ha·a), target_gap_t (t/a), and net_co2_t_est, net_t_cap_est, net_t_ha_est: 1 where the balance rests mainly on defaults, i.e. more than half of the unit's building and transport CO2 is flagged as estimated by the step that computed it (co2_t_yr_est of Building operational emissions: default floors or use; of Transport emissions: the shipped mode shares), or, for net_t_cap_est, more than half of its residents are (e.g. residents_est of Prepare OpenStreetMap data). A plan check gives no verdict on a value flagged so. TOTAL_NET_CO2_T and UNITS_OVER_TARGET can feed the next step of a model.</source>
        <translation>将各项低碳计算结果汇总到每个规划单元，并与目标进行比较。

净排放（t/a）= 建筑 CO2 + 交通 CO2 − 固碳量 − 屋顶光伏避免的 CO2。
建筑（点或面，如“建筑运行碳排放”或“屋顶光伏潜力”的输出）按其代表点所在的单元汇总：建筑 CO2 取自 co2_t_yr，避免的 CO2 取自 pv_co2_t，居民取自您指定的字段。交通 CO2 可为单元的字段（如对单元运行“交通碳排放”得到的 co2_t_yr），也可为不大于单元的分区图层，按代表点汇总。碳汇（如“碳储量与固碳”的输出 seq_co2_t_yr）按每个碳汇面落在各单元内的面积分摊。未提供的分项按 0 计，并在日志中列出；图层中不存在的默认字段名视为未提供。

net_t_cap = 净排放 / 居民数（居民取自单元字段，否则由建筑汇总）；net_t_ha = 净排放 / 单元面积（公顷）。target_gap_t = 净排放 − 人均目标 × 居民数，或净排放 − 地均目标 × 面积（两者均给出时取较大的差距）；正值表示超出目标；未设目标时为 NULL，采用人均目标时无居民（0 或未知）的单元也为 NULL（无人均允许排放量；同时给出地均目标时取其地均差距）。

输出：添加了 bldg_co2_t、trans_co2_t、seq_co2_t、pv_co2_t、net_co2_t（t/a）、net_t_cap（t/人·a）、net_t_ha（t/ha·a）、target_gap_t（t/a）以及 net_co2_t_est、net_t_cap_est、net_t_ha_est 字段的规划单元。后三者在碳平衡主要依赖默认值时为 1：单元建筑与交通排放中一半以上被计算它的步骤标记为估算（“建筑运行碳排放”的 co2_t_yr_est：默认层数或用途；“交通碳排放”的：自带出行方式分担率），或（仅 net_t_cap_est）一半以上居民为估算（如“准备 OpenStreetMap 数据”的 residents_est）。规划核查对如此标记的数值不作结论。TOTAL_NET_CO2_T 和 UNITS_OVER_TARGET 可供模型的下一步使用。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="78"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="78"/>
        <source>The units to balance (polygons); the output is these units.</source>
        <translation>需要计算碳平衡的单元（面）；输出即为这些单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="80"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="80"/>
        <source>Buildings with their annual CO2 (and optionally PV-avoided CO2 and residents), as points or footprints.</source>
        <translation>带有年 CO2 排放量（可另含光伏避免的 CO2 和居民数）的建筑，可为点或基底轮廓。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="85"/>
        <source>Building CO2 field (t/a)</source>
        <translation>建筑 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="85"/>
        <source>Operational CO2 of each building, t a year (co2_t_yr from Building operational emissions).</source>
        <translation>每栋建筑的年运行 CO2 排放量，单位 t（即“建筑运行碳排放”输出的 co2_t_yr）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="90"/>
        <source>PV-avoided CO2 field (t/a)</source>
        <translation>光伏避免 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="90"/>
        <source>CO2 avoided by each building&apos;s rooftop PV, t a year (pv_co2_t from Rooftop PV potential).</source>
        <translation>每栋建筑屋顶光伏每年避免的 CO2，单位 t（即“屋顶光伏潜力”输出的 pv_co2_t）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="95"/>
        <source>Building residents field</source>
        <translation>建筑居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="95"/>
        <source>Residents of each building, summed per unit when the units have no residents field.</source>
        <translation>每栋建筑的居民数；单元没有居民字段时按单元汇总。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="99"/>
        <source>Transport CO2 field of the units (t/a)</source>
        <translation>单元交通 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="99"/>
        <source>Transport CO2 of each unit, t a year (e.g. co2_t_yr of Transport emissions run on the units). Give this or a transport layer, not both.</source>
        <translation>每个单元的年交通 CO2 排放量，单位 t（如对单元运行“交通碳排放”得到的 co2_t_yr）。请在该字段与交通图层中二选一，不要同时提供。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="104"/>
        <source>Transport zones</source>
        <translation>交通分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="104"/>
        <source>Zones (or points) with transport CO2, summed into the unit holding their representative point: use zones no larger than the units.</source>
        <translation>带有交通 CO2 的分区（或点），按代表点汇总到所在单元：请使用不大于单元的分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="109"/>
        <source>Transport CO2 field of the zones (t/a)</source>
        <translation>分区交通 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="109"/>
        <source>Transport CO2 of each zone, t a year.</source>
        <translation>每个分区的年交通 CO2 排放量，单位 t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="113"/>
        <source>Carbon sinks</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="113"/>
        <source>Polygons with the CO2 their vegetation takes up each year (e.g. the output of Carbon stock and sequestration); each unit gets the share of a polygon&apos;s area inside it.</source>
        <translation>带有植被年吸收 CO2 量的面（如“碳储量与固碳”的输出）；每个单元按面落在其内的面积比例分得相应份额。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="117"/>
        <source>Sequestration field (tCO2/a)</source>
        <translation>固碳量字段（tCO2/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="117"/>
        <source>CO2 taken up by each sink polygon, t a year.</source>
        <translation>每个碳汇面的年 CO2 吸收量，单位 t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="121"/>
        <source>Residents field of the units</source>
        <translation>单元居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="121"/>
        <source>Residents of each unit; wins over the buildings&apos; residents.</source>
        <translation>每个单元的居民数；优先于建筑的居民数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="125"/>
        <source>Target (tCO2 per resident a year)</source>
        <translation>目标（每位居民每年 tCO2）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="125"/>
        <source>Allowed net CO2 per resident; the gap is net − target × residents. Units without residents get no per-capita gap (NULL), or their per-hectare gap when that target is given too.</source>
        <translation>人均允许的净 CO2 排放；差距 = 净排放 − 目标 × 居民数。无居民的单元没有人均差距（NULL），同时给出地均目标时取其地均差距。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="130"/>
        <source>Target (tCO2 per hectare a year)</source>
        <translation>目标（每公顷每年 tCO2）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="130"/>
        <source>Allowed net CO2 per hectare of unit; the gap is net − target × area. With both targets the larger gap is kept.</source>
        <translation>单元每公顷允许的净 CO2 排放；差距 = 净排放 − 目标 × 面积。两个目标均给出时取较大的差距。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="135"/>
        <source>Carbon balance</source>
        <translation>碳平衡</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="135"/>
        <source>The planning units with the components, the net balance, its intensities and the gap to the target.</source>
        <translation>添加了各分项、净排放、排放强度及目标差距的规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="138"/>
        <source>Total net CO2 (t/a)</source>
        <translation>净 CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="139"/>
        <source>Units over target</source>
        <translation>超出目标的单元数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="143"/>
        <source>A target cannot be negative (given: {value}).</source>
        <translation>目标不能为负值（当前值：{value}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="144"/>
        <source>A per-capita target needs residents: name a residents field of the units or of the buildings.</source>
        <translation>人均目标需要居民数：请指定单元或建筑的居民字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="158"/>
        <source>“{layer}” holds {kind} geometries; {parameter} needs {expected} geometries.</source>
        <translation>“{layer}”的几何类型为 {kind}；{parameter} 需要 {expected} 几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="172"/>
        <source>“{layer}” has no field “{field}”: that component is not given.</source>
        <translation>“{layer}”中没有字段“{field}”：该分项视为未提供。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="194"/>
        <source>Give transport CO2 either as a field of the units or as a transport layer, not both: both would count it twice.</source>
        <translation>交通 CO2 请以单元字段或交通图层二者之一提供，不要同时提供：否则会重复计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="198"/>
        <source>Name the transport CO2 field of “{layer}”.</source>
        <translation>请指定“{layer}”的交通 CO2 字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="201"/>
        <source>Name the sequestration field of “{layer}”.</source>
        <translation>请指定“{layer}”的固碳量字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="225"/>
        <source>building CO2</source>
        <translation>建筑 CO2</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="227"/>
        <source>PV-avoided CO2</source>
        <translation>光伏避免的 CO2</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="233"/>
        <source>{n} units have no transport CO2 value: counted as 0.</source>
        <translation>{n} 个单元没有交通 CO2 值：按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="240"/>
        <source>transport zones</source>
        <translation>交通分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="244"/>
        <source>transport CO2</source>
        <translation>交通 CO2</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="250"/>
        <source>sequestration</source>
        <translation>固碳量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="256"/>
        <source>Residents come from the units&apos; field, not from the buildings.</source>
        <translation>居民数取自单元字段，而非建筑。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="258"/>
        <source>{n} units have no residents value: their per-capita results are NULL.</source>
        <translation>{n} 个单元没有居民数：其人均结果为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="293"/>
        <source>Not given, counted as 0: {parts}.</source>
        <translation>未提供、按 0 计：{parts}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="296"/>
        <source>No residents given: net_t_cap is NULL.</source>
        <translation>未提供居民数：net_t_cap 为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="297"/>
        <source>{n} units: buildings {b:,.1f} + transport {t:,.1f} − sinks {s:,.1f} − PV {p:,.1f} = net {net:,.1f} t CO2 a year.</source>
        <translation>{n} 个单元：建筑 {b:,.1f} + 交通 {t:,.1f} − 碳汇 {s:,.1f} − 光伏 {p:,.1f} = 年净排放 {net:,.1f} t CO2。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="302"/>
        <source>{n} units&apos; net CO2 per resident rests mainly on defaults (more than half of their emissions from buildings with default floors or use, or transport from the shipped mode shares, or most residents estimated): net_t_cap_est = 1, and a plan check gives no verdict on it.</source>
        <translation>{n} 个单元的人均净碳排放主要依赖默认值（一半以上排放来自采用默认层数或用途的建筑，或来自采用自带出行方式分担率的交通，或大部分居民为估算）：net_t_cap_est = 1，规划核查对其不作结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="309"/>
        <source>{n} units have no residents (0 or unknown): the per-capita target does not apply to them, and their target_gap_t is the gap to the per-hectare target.</source>
        <translation>{n} 个单元没有居民（0 或未知）：人均目标不适用于这些单元，其 target_gap_t 为与地均目标的差距。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="309"/>
        <source>{n} units have no residents (0 or unknown): the per-capita target does not apply to them and their target_gap_t is NULL (not assessed), not all their CO2. Give a per-hectare target to set one for them.</source>
        <translation>{n} 个单元没有居民（0 或未知）：人均目标不适用于这些单元，其 target_gap_t 为 NULL（未评估），而不是其全部 CO2。如需为其设定目标，请给出地均目标。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="316"/>
        <source>No target given: target_gap_t is NULL.</source>
        <translation>未设目标：target_gap_t 为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="318"/>
        <source>{n} units are over the target.</source>
        <translation>{n} 个单元超出目标。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="319"/>
        <source>Carbon balance per planning unit: building + transport CO2 − sequestration − PV-avoided CO2, t a year, per resident and per hectare, and the gap to the target. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>规划单元碳平衡：建筑 CO2 + 交通 CO2 − 固碳量 − 光伏避免的 CO2，单位 t/a，并给出人均、地均值及目标差距。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="358"/>
        <source>{n} buildings lie outside every unit and are not counted.</source>
        <translation>{n} 栋建筑不在任何单元内，未计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="361"/>
        <source>{n} building CO2 values and {m} PV values are NULL: counted as 0.</source>
        <translation>{n} 个建筑 CO2 值和 {m} 个光伏值为 NULL：按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="383"/>
        <source>{n} features of the {what} lie outside every unit and are not counted.</source>
        <translation>{what}中有 {n} 个要素不在任何单元内，未计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="398"/>
        <source>{n} invalid sink geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效碳汇几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_balance.py" line="402"/>
        <source>{t:,.1f} t CO2 a year of sequestration lies outside the units.</source>
        <translation>每年 {t:,.1f} t CO2 的固碳量位于单元之外。</translation>
    </message>
</context>
<context>
    <name>CarbonMeasures</name>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="58"/>
        <source>Close carbon gaps (PV, retrofit, planting)</source>
        <translation>弥补碳排放缺口（光伏、改造、植树）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="61"/>
        <source>The least-cost mix of measures that brings each planning unit down to its CO2 target: rooftop PV on the best roofs (capped at each building's own demand), retrofit of buildings (a share of their operational CO2 saved, by use) and tree planting on green space (extra sequestration per ha).

Gap: a field of the units, t CO2 a year over the target (target_gap_t of Carbon balance of planning units; 0 or less: nothing to do). Buildings: the output of Rooftop PV potential run on the output of Building operational emissions (co2_t_yr, gfa_m2, energy_kwh, roof_m2, pv_kwh_yr, pv_co2_t); each counts in the unit holding its inner point, as do the green spaces.

Each measure offers a reduction up to its cap at a cost per tonne (annualised costs: PV per m² of usable roof, retrofit per m² of floor area, planting per ha); per unit the cheapest tonnes are taken first until the gap is closed, the exact optimum of this linear programme. Where all measures together fall short, left_t says by how much.

Default costs, savings and the sequestration gain are team estimates, not published values: set your own. Feed the carbon balance without the PV proposed here (or with only the PV already built), so that nothing counts twice.

Output: units with gap_t, pv_t, retro_t, green_t, cost_yr, left_t, closes; buildings with pv_m2, pv_t, retro_m2, retro_t, co2_after_t; green spaces with plant_ha, green_t. Check: run the carbon balance with co2_after_t as building CO2, pv_t as PV and green_t as sequestration.</source>
        <translation>使每个规划单元降到其 CO2 目标的最低成本措施组合：最好屋顶上的屋顶光伏（以各建筑自身用电为上限）、建筑节能改造（按用途节省其运行 CO2 的一定比例）和绿地植树（每 ha 增加的碳汇）。

缺口：单元的一个字段，每年超出目标的 t CO2（规划单元碳平衡的 target_gap_t；0 或更小：无需措施）。建筑：对建筑运行排放的输出运行屋顶光伏潜力所得（co2_t_yr、gfa_m2、energy_kwh、roof_m2、pv_kwh_yr、pv_co2_t）；各建筑及绿地计入其内点所在的单元。

每项措施可提供不超过其上限的减排量，并有每吨成本（年化成本：光伏按每 m² 可用屋面，改造按每 m² 建筑面积，植树按每 ha）；每个单元先取最便宜的减排量，直至缺口弥补，即该线性规划的精确最优解。所有措施合计仍不足时，left_t 给出差额。

默认的成本、节能率和增汇量是团队估计，并非公开数值：请设定本地数值。运行碳平衡时不要计入此处建议的光伏（或只计入已建光伏），以免重复计算。

输出：单元含 gap_t、pv_t、retro_t、green_t、cost_yr、left_t、closes；建筑含 pv_m2、pv_t、retro_m2、retro_t、co2_after_t；绿地含 plant_ha、green_t。核验：以 co2_after_t 作为建筑 CO2、pv_t 作为光伏、green_t 作为碳汇运行碳平衡。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="83"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="83"/>
        <source>Units with their gap to the CO2 target (e.g. the output of Carbon balance of planning units).</source>
        <translation>含 CO2 目标缺口的单元（如规划单元碳平衡的输出）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="86"/>
        <source>Gap to target field (t CO2/a)</source>
        <translation>目标缺口字段（t CO2/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="86"/>
        <source>CO2 a year over the target; 0 or less: the unit needs nothing.</source>
        <translation>每年超出目标的 CO2；0 或更小：该单元无需措施。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="90"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="90"/>
        <source>Buildings with CO2, floor area, demand and rooftop PV fields (the output of Rooftop PV potential run on that of Building operational emissions).</source>
        <translation>含 CO2、建筑面积、用能和屋顶光伏字段的建筑（对建筑运行排放的输出运行屋顶光伏潜力所得）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="94"/>
        <source>Building CO2 field (t/a)</source>
        <translation>建筑 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="94"/>
        <source>Floor area field (m²)</source>
        <translation>建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="95"/>
        <source>PV-avoided CO2 field (t/a)</source>
        <translation>光伏避免 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="96"/>
        <source>PV yield field (kWh/a)</source>
        <translation>光伏发电量字段（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="96"/>
        <source>Usable roof field (m²)</source>
        <translation>可用屋面字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="97"/>
        <source>Energy demand field (kWh/a)</source>
        <translation>能耗字段（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="99"/>
        <source>A field of the buildings; a default name the layer does not have counts as not given, and the measure that needs it is left out.</source>
        <translation>建筑图层的字段；图层中没有的默认字段名视为未给出，需要它的措施不予采用。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="105"/>
        <source>Building use field</source>
        <translation>建筑用途字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="105"/>
        <source>Use of each building, for the retrofit saving by use.</source>
        <translation>各建筑的用途，用于按用途确定改造节能率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="109"/>
        <source>Green spaces for planting</source>
        <translation>可植树的绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="109"/>
        <source>Polygons where trees may be planted (parks, green belts); their whole area counts.</source>
        <translation>可以植树的多边形（公园、绿带）；计其全部面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="113"/>
        <source>PV cost per m² of usable roof a year</source>
        <translation>每 m² 可用屋面光伏年成本</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="113"/>
        <source>Annualised cost of rooftop PV per m² of usable roof (team estimate: about 800 per m² built, over 25 years at 5 %).</source>
        <translation>每 m² 可用屋面的屋顶光伏年化成本（团队估计：建设约 800 每 m²，25 年，5 %）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="116"/>
        <source>Retrofit cost per m² of floor area a year</source>
        <translation>每 m² 建筑面积改造年成本</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="116"/>
        <source>Annualised cost of an energy retrofit per m² of floor area (team estimate: about 300 per m², over 20 years at 5 %).</source>
        <translation>每 m² 建筑面积节能改造的年化成本（团队估计：约 300 每 m²，20 年，5 %）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="119"/>
        <source>Planting cost per ha a year</source>
        <translation>每 ha 植树年成本</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="119"/>
        <source>Annualised cost of planting and keeping trees per ha (team estimate).</source>
        <translation>每 ha 植树及养护的年化成本（团队估计）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="121"/>
        <source>Retrofit saving (share of CO2)</source>
        <translation>改造节能率（CO2 比例）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="121"/>
        <source>Share of a building&apos;s operational CO2 a retrofit saves, for uses not listed below (team estimate).</source>
        <translation>改造可节省的建筑运行 CO2 比例，适用于下面未列出的用途（团队估计）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="124"/>
        <source>Sequestration gain of planting (t CO2/ha·a)</source>
        <translation>植树增汇（t CO2/ha·a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="124"/>
        <source>Extra CO2 taken up per ha planted: tree cover minus park green of the shipped carbon pools, (2.8 − 0.84) t C × 44/12.</source>
        <translation>每 ha 植树多吸收的 CO2：随插件提供的碳库表中林地与公园绿地之差，(2.8 − 0.84) t C × 44/12。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="129"/>
        <source>Retrofit saving by use</source>
        <translation>按用途的改造节能率</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="129"/>
        <source>use:share pairs separated by commas, e.g. residential:0.2, office:0.3; other uses take the retrofit saving.</source>
        <translation>以逗号分隔的“用途:比例”，如 residential:0.2, office:0.3；其他用途取改造节能率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="133"/>
        <source>Carbon measures by unit</source>
        <translation>各单元减碳措施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="133"/>
        <source>The units with gap_t, pv_t, retro_t, green_t, cost_yr, left_t and closes.</source>
        <translation>单元，含 gap_t、pv_t、retro_t、green_t、cost_yr、left_t 和 closes。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="135"/>
        <source>Measures on buildings</source>
        <translation>建筑上的措施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="135"/>
        <source>The buildings with pv_m2, pv_t, retro_m2, retro_t and co2_after_t.</source>
        <translation>建筑，含 pv_m2、pv_t、retro_m2、retro_t 和 co2_after_t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="138"/>
        <source>Planting on green spaces</source>
        <translation>绿地植树</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="138"/>
        <source>The green spaces with plant_ha and green_t.</source>
        <translation>绿地，含 plant_ha 和 green_t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="141"/>
        <source>Units over target</source>
        <translation>超出目标的单元数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="142"/>
        <source>Units no measure mix brings to target</source>
        <translation>任何措施组合都无法达标的单元数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="143"/>
        <source>Cost of the measures a year</source>
        <translation>措施年成本</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="146"/>
        <source>Retrofit saving by use: “{value}” is not use:share with a share 0–1.</source>
        <translation>按用途的改造节能率：“{value}”不是比例在 0–1 之间的“用途:比例”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="152"/>
        <source>Name the field of “{layer}” holding each unit's gap to its CO2 target (t/a).</source>
        <translation>请指定“{layer}”中给出各单元 CO2 目标缺口（t/a）的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="158"/>
        <source>“{layer}” holds neither points nor polygons: give buildings as points or footprints.</source>
        <translation>“{layer}”既不是点也不是多边形：请以点或占地轮廓给出建筑。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="167"/>
        <source>The default costs, retrofit savings and sequestration gain are team estimates: set local values before relying on the mix.</source>
        <translation>默认的成本、改造节能率和增汇量是团队估计：依赖该组合之前请设定本地数值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="177"/>
        <source>No unit of “{layer}” has a gap value: the check that made it was given no CO2 target (target per resident), so no unit can be over target and no measure is proposed. Give the target and check again.</source>
        <translation>“{layer}”中没有任何单元有差距值：生成它的核查未给出 CO2 目标（人均目标），因此没有单元会超出目标，也不会提出措施。请给出目标后重新核查。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="182"/>
        <source>{n} units have no gap value (not assessed, e.g. units without residents under a per-capita target): they get no measures.</source>
        <translation>{n} 个单元没有缺口值（未评估，如采用人均目标时无居民的单元）：不为其提出措施。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="198"/>
        <source>No PV-avoided CO2 or usable roof field: rooftop PV is left out.</source>
        <translation>没有光伏减排 CO2 或可用屋面字段：不采用屋顶光伏。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="205"/>
        <source>No building CO2 or floor area field: retrofit is left out.</source>
        <translation>没有建筑 CO2 或建筑面积字段：不采用改造。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="213"/>
        <source>Give buildings (with PV or CO2 and floor-area fields) or green spaces: without them there is no measure to propose.</source>
        <translation>请给出建筑（含光伏或 CO2 和建筑面积字段）或绿地：没有它们就没有可提出的措施。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="240"/>
        <source>Least-cost measures closing each unit&apos;s gap to its CO2 target: rooftop PV, retrofit, planting (t CO2/a), and the gap no measure closes. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>弥补各单元 CO2 目标缺口的最低成本措施：屋顶光伏、改造、植树（t CO2/a），以及任何措施都无法弥补的缺口。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="253"/>
        <source>“{layer}” has no field “{field}”.</source>
        <translation>“{layer}”没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="276"/>
        <source>{n} features of “{layer}” lie outside every unit and are left out.</source>
        <translation>“{layer}”中有 {n} 个要素不在任何单元内，不予计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="334"/>
        <source>{over} units are over target by {gap:,.1f} t CO2/a in all; the measures close {closed:,.1f} t (PV {pv:,.1f}, retrofit {retro:,.1f}, planting {green:,.1f}) for {cost:,.0f} a year.</source>
        <translation>{over} 个单元超出目标，合计 {gap:,.1f} t CO2/a；措施弥补 {closed:,.1f} t（光伏 {pv:,.1f}，改造 {retro:,.1f}，植树 {green:,.1f}），每年成本 {cost:,.0f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="342"/>
        <source>Unit {unit}: no mix of the measures given closes its gap; {left:,.1f} t CO2/a remain.</source>
        <translation>单元 {unit}：所给措施的任何组合都无法弥补其缺口；仍有 {left:,.1f} t CO2/a。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_measures.py" line="346"/>
        <source>… {n} more units whose gap stays open, {left:,.1f} t CO2/a in all: see left_t in the output.</source>
        <translation>…另有 {n} 个单元的缺口未能弥合，共 {left:,.1f} 吨 CO2/年：见输出中的 left_t。</translation>
    </message>
</context>
<context>
    <name>CarbonStock</name>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="60"/>
        <source>Carbon stock of land cover</source>
        <translation>土地覆被碳储量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="63"/>
        <source>Estimates the carbon stored in vegetation and soil, for the current land cover and, optionally, for a plan, following the InVEST Carbon Storage and Sequestration model.

Each land-cover class has four carbon pools in tonnes of carbon per hectare (t C/ha, elemental carbon, not CO2): above-ground biomass, below-ground biomass, soil and dead matter. Stock (t C) = (c_above + c_below + c_soil + c_dead) × area (ha). CO2 equivalent = C × 44/12. Change = plan − baseline (negative: carbon lost). Where the table has a c_rate column (t C/ha/yr), annual sequestration = area × c_rate × 44/12 (t CO2/yr); InVEST itself has no rates.

Polygons: give a land-cover layer and its class field (an integer code matched to lucode, or a name matched to class); a scenario field gives the plan's class of the same polygon. Areas are true areas (a geographic or Web Mercator layer is measured in the UTM zone of its centre).
Rasters: instead of polygons, give a land-cover raster in a projected CRS (and a plan raster with the same CRS and pixel size); totals are summed per zone polygon, or over the whole raster without zones. Each pixel counts density × pixel area; nodata pixels are left out. A pixel belongs to the zone containing its centre.

Classes the table does not list are counted in the log and their carbon stays empty (NULL), never 0. The shipped table (resources/factors/carbon_pools.csv) is keyed to the demo district's codes (1 built_up … 7 bare); its values come from the InVEST User's Guide example (hypothetical), IPCC 2006 Vol. 4 defaults and Nowak et al. 2013 for urban trees, all marked unverified: replace them with local measurements. A planner's own InVEST table (lucode, c_above, c_below, c_soil, c_dead) works unchanged.

Value of the change (optional, with a plan and a carbon price), as InVEST values sequestration: NPV = V × change / (q − p) × Σ_{t=0}^{q−p−1} 1 / ((1 + r/100)^t × (1 + c/100)^t), with V the price per t C (a price per t CO2 is multiplied by 44/12), p and q the current and future years, r the annual discount rate (%) and c the annual change of the carbon price (%): the change is spread evenly over the years and each year's share discounted. A loss of carbon has a negative value.

Output fields: area_ha (ha), c_stock_t (t C), co2e_t (t CO2e), with a plan c_scen_t and c_change_t (t C), with rates seq_co2_t_yr (t CO2/yr) and, with a plan, seq_scen_co2_t_yr; with a price npv_seq (currency). Totals per pool (above, below, soil, dead; t C) for the baseline and the plan; with rasters an optional NPV raster in currency per ha, like InVEST's npv_alt.tif.</source>
        <translation>参照 InVEST 碳储存与固碳模型，估算现状土地覆被（以及可选的规划方案）中植被和土壤储存的碳。

每种土地覆被类型有四个碳库，单位为每公顷碳吨数（t C/ha，为碳元素，而非 CO2）：地上生物量、地下生物量、土壤有机碳和死有机质。碳储量（t C）=（c_above + c_below + c_soil + c_dead）× 面积（ha）。CO2 当量 = C × 44/12。变化量 = 规划 − 基准（负值表示碳损失）。若表中有 c_rate 列（t C/ha/yr），年固碳量 = 面积 × c_rate × 44/12（t CO2/yr）；InVEST 本身不含固碳速率。

面图层：提供土地覆被图层及其类型字段（整数代码与 lucode 匹配，或名称与 class 匹配）；规划类型字段给出同一图斑在规划中的类型。面积为真实面积（地理坐标或 Web Mercator 图层在其中心所在的 UTM 带中量算）。
栅格：也可不用面图层，改为提供投影坐标参考系下的土地覆被栅格（以及坐标参考系和像元大小相同的规划栅格）；按分区面汇总，无分区时对整个栅格汇总。每个像元按密度 × 像元面积计；nodata 像元不计入。像元归属于其中心所在的分区。

表中未列出的类型会在日志中统计，其碳储量为空（NULL），而不是 0。插件自带的表（resources/factors/carbon_pools.csv）按示例区的代码编制（1 built_up … 7 bare）；其数值取自 InVEST 用户指南示例（假设值）、IPCC 2006 第 4 卷默认值以及 Nowak et al. 2013 的城市树木数据，均标注为未核实：请用本地实测数据替换。规划人员自有的 InVEST 表（lucode、c_above、c_below、c_soil、c_dead）可直接使用。

变化量的价值（可选，需规划方案和碳价），按 InVEST 对固碳的估值方法：NPV = V × 变化量 / (q − p) × Σ_{t=0}^{q−p−1} 1 / ((1 + r/100)^t × (1 + c/100)^t)，其中 V 为每吨碳（t C）的价格（每吨 CO2 的价格先乘以 44/12），p 和 q 为现状年和规划年，r 为年折现率（%），c 为碳价的年变化率（%）：变化量在各年间均匀分摊，每年的份额分别折现。碳损失的价值为负。

输出字段：area_ha（ha）、c_stock_t（t C）、co2e_t（t CO2e）；有规划方案时另有 c_scen_t 和 c_change_t（t C）；有固碳速率时另有 seq_co2_t_yr（t CO2/yr），有规划方案时还有 seq_scen_co2_t_yr；给出碳价时另有 npv_seq（货币）。基准与规划各碳库（地上、地下、土壤、死有机质；t C）的合计；使用栅格时可另输出每公顷 NPV 栅格（货币/ha），与 InVEST 的 npv_alt.tif 相同。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="99"/>
        <source>Land-cover polygons</source>
        <translation>土地覆被面</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="99"/>
        <source>Land cover (or land use) as polygons. Leave empty to use a land-cover raster.</source>
        <translation>以面表示的土地覆被（或土地利用）。使用土地覆被栅格时留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="102"/>
        <source>Class field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="102"/>
        <source>Land-cover class of each polygon: an integer code (matched to the table&apos;s lucode) or a name (matched to class or aliases, ignoring case). Needed with polygons.</source>
        <translation>每个面的土地覆被类型：整数代码（与表中的 lucode 匹配）或名称（与 class 或 aliases 匹配，不区分大小写）。使用面图层时必填。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="107"/>
        <source>Plan class field</source>
        <translation>规划类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="107"/>
        <source>The class the plan gives the same polygon. Optional: adds c_scen_t and c_change_t.</source>
        <translation>规划中同一图斑的类型。可选：将添加 c_scen_t 和 c_change_t。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="111"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="111"/>
        <source>Instead of polygons: a land-cover raster of integer codes (band 1) in a projected CRS in metres. Codes are matched to the table&apos;s lucode.</source>
        <translation>替代面图层：以整数代码表示的土地覆被栅格（波段 1），须为以米为单位的投影坐标参考系。代码与表中的 lucode 匹配。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="115"/>
        <source>Plan land-cover raster</source>
        <translation>规划土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="115"/>
        <source>The plan&apos;s land cover, with the same CRS and pixel size as the land-cover raster.</source>
        <translation>规划方案的土地覆被，坐标参考系和像元大小须与土地覆被栅格相同。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="118"/>
        <source>Zones for raster totals</source>
        <translation>栅格汇总分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="118"/>
        <source>Polygons (planning units, parcels) to sum the raster&apos;s carbon in. Reprojected to the raster&apos;s CRS if needed. Without zones the output is one polygon: the raster&apos;s extent.</source>
        <translation>用于汇总栅格碳储量的面（规划单元、地块）。必要时重投影至栅格的坐标参考系。无分区时，输出为一个面：栅格范围。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="122"/>
        <source>Carbon pools table (CSV)</source>
        <translation>碳库表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="122"/>
        <source>CSV with lucode and/or class, c_above, c_below, c_soil, c_dead (t C/ha), optionally c_rate (t C/ha/yr), aliases, source, year, verified. An InVEST carbon table works as it is. Empty: the shipped table.</source>
        <translation>包含 lucode 和/或 class、c_above、c_below、c_soil、c_dead（t C/ha）列的 CSV，可另含 c_rate（t C/ha/yr）、aliases、source、year、verified 列。InVEST 碳库表可直接使用。留空则使用插件自带的表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="127"/>
        <source>Carbon price (currency per tonne)</source>
        <translation>碳价（货币/吨）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="127"/>
        <source>Price of a tonne of carbon for valuing the change between the baseline and the plan, in any currency; the unit below says whether per t C (as InVEST) or per t CO2. Empty: no valuation.</source>
        <translation>用于评估基准与规划之间碳变化量价值的每吨碳价格，货币不限；下一参数说明按每吨碳（t C，与 InVEST 相同）还是每吨 CO2 计价。留空：不做估值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="133"/>
        <source>Carbon price is per</source>
        <translation>碳价计价单位</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="133"/>
        <source>t C (elemental carbon, as InVEST)</source>
        <translation>t C（碳元素，与 InVEST 相同）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="133"/>
        <source>t CO2</source>
        <translation>t CO2（二氧化碳）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="133"/>
        <source>A price per t CO2 (as carbon markets quote it) is multiplied by 44/12 to a price per t C.</source>
        <translation>每吨 CO2 的价格（碳市场的报价方式）乘以 44/12 换算为每吨碳的价格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="137"/>
        <source>Annual discount rate (%)</source>
        <translation>年折现率（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="137"/>
        <source>Market discount rate r in % per year (the InVEST User&apos;s Guide mentions 7 %; use the rate recommended in your country). 0: no discounting.</source>
        <translation>市场折现率 r，单位为每年 %（InVEST 用户指南提到 7%；请采用本国推荐的折现率）。0：不折现。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="142"/>
        <source>Annual change of the carbon price (%)</source>
        <translation>碳价年变化率（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="142"/>
        <source>InVEST&apos;s rate c in % per year: above 0, carbon sequestered later is worth less than carbon sequestered now; below 0, more.</source>
        <translation>InVEST 的变化率 c，单位为每年 %：大于 0 时，日后固定的碳价值低于现在固定的碳；小于 0 时则更高。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="147"/>
        <source>Year of the baseline</source>
        <translation>基准年份</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="147"/>
        <source>Calendar year p of the current land cover. Needed with a carbon price.</source>
        <translation>现状土地覆被的公历年份 p。给出碳价时必填。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="151"/>
        <source>Year of the plan</source>
        <translation>规划年份</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="151"/>
        <source>Calendar year q of the planned land cover, after the baseline year. Needed with a carbon price.</source>
        <translation>规划土地覆被的公历年份 q，须晚于基准年份。给出碳价时必填。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="155"/>
        <source>Carbon stock</source>
        <translation>碳储量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="155"/>
        <source>The polygons (or zones) with area_ha, c_stock_t, co2e_t and, as available, c_scen_t, c_change_t, seq_co2_t_yr, seq_scen_co2_t_yr, npv_seq.</source>
        <translation>含 area_ha、c_stock_t、co2e_t 以及（视情况）c_scen_t、c_change_t、seq_co2_t_yr、seq_scen_co2_t_yr、npv_seq 的面（或分区）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="159"/>
        <source>NPV raster (currency per ha)</source>
        <translation>NPV 栅格（货币/ha）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="159"/>
        <source>With land-cover rasters, a plan and a carbon price: the NPV of each pixel&apos;s change per hectare, as InVEST&apos;s npv_alt.tif. The two rasters must share one grid.</source>
        <translation>使用土地覆被栅格、规划栅格并给出碳价时：每个像元碳变化量的每公顷净现值，与 InVEST 的 npv_alt.tif 相同。两个栅格须为同一网格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="163"/>
        <source>Total carbon stock (t C)</source>
        <translation>碳储量总量（t C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="164"/>
        <source>Total carbon stock (t CO2e)</source>
        <translation>碳储量总量（t CO2e）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="165"/>
        <source>Total change, plan − baseline (t C)</source>
        <translation>总变化量，规划 − 基准（t C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="166"/>
        <source>Total annual sequestration, baseline (t CO2/yr)</source>
        <translation>年固碳总量，基准（t CO2/yr）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="168"/>
        <source>Total annual sequestration, plan (t CO2/yr)</source>
        <translation>年固碳总量，规划（t CO2/yr）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="170"/>
        <source>Net present value of the change, plan − baseline (currency)</source>
        <translation>变化量的净现值，规划 − 基准（货币）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="172"/>
        <source>above-ground</source>
        <translation>地上生物量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="172"/>
        <source>below-ground</source>
        <translation>地下生物量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="172"/>
        <source>soil</source>
        <translation>土壤</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="172"/>
        <source>dead matter</source>
        <translation>死有机质</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="174"/>
        <source>Total carbon, {pool}, baseline (t C)</source>
        <translation>基准{pool}碳储量合计（t C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="177"/>
        <source>Total carbon, {pool}, plan (t C)</source>
        <translation>规划{pool}碳储量合计（t C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="182"/>
        <source>The carbon table {path} needs a key column: lucode (land-cover code) or class (class name).</source>
        <translation>碳库表 {path} 需要一个键列：lucode（土地覆被代码）或 class（类型名称）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="184"/>
        <source>The carbon table {path}, line {line}: lucode “{value}” is not a whole number ≥ 0.</source>
        <translation>碳库表 {path} 第 {line} 行：lucode“{value}”不是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="186"/>
        <source>The carbon table {path}, line {line}: the row has neither a lucode nor a class.</source>
        <translation>碳库表 {path} 第 {line} 行：该行既没有 lucode 也没有 class。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="188"/>
        <source>The carbon table {path} has no lucode column, so it cannot match integer land-cover codes. Add a lucode column, or choose a text class field.</source>
        <translation>碳库表 {path} 没有 lucode 列，无法匹配整数土地覆被代码。请添加 lucode 列，或选择文本型类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="191"/>
        <source>Valuation needs the plan's year after the baseline year, in whole years: {current} → {future}.</source>
        <translation>估值要求规划年份晚于基准年份且为整年：{current} → {future}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="193"/>
        <source>A rate of {value} % per year cannot be used: it must be above −100 %.</source>
        <translation>每年 {value}% 的变化率不可用：必须大于 −100%。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="201"/>
        <source>Give either land-cover polygons or a land-cover raster (exactly one of the two).</source>
        <translation>请提供土地覆被面或土地覆被栅格（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="206"/>
        <source>Carbon table: {path}.</source>
        <translation>碳库表：{path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="208"/>
        <source>The carbon table has no c_rate column: sequestration is not computed.</source>
        <translation>碳库表没有 c_rate 列：不计算固碳量。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="217"/>
        <source>Unverified carbon pools were used for: {classes}. Check them against local measurements.</source>
        <translation>以下类型采用了未核实的碳库值：{classes}。请对照本地实测数据进行核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="220"/>
        <source>Carbon stock {c:,.1f} t C ({co2:,.1f} t CO2e); change plan − baseline {d:,.1f} t C; sequestration {s:,.1f} t CO2/yr.</source>
        <translation>碳储量 {c:,.1f} t C（{co2:,.1f} t CO2e）；规划 − 基准变化量 {d:,.1f} t C；固碳量 {s:,.1f} t CO2/yr。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="224"/>
        <source>Carbon stored in land cover (InVEST Carbon pools): stock = (c_above + c_below + c_soil + c_dead) × area, in t C; CO2e = C × 44/12. Pools from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>土地覆被碳储量（InVEST 碳库）：碳储量 =（c_above + c_below + c_soil + c_dead）× 面积，单位 t C；CO2e = C × 44/12。碳库取自 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="240"/>
        <source>Net present value of the change: {v:,.2f}.</source>
        <translation>变化量的净现值：{v:,.2f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="248"/>
        <source>A carbon price needs the year of the baseline and the year of the plan: give both, or leave the price empty.</source>
        <translation>给出碳价时需要基准年份和规划年份：请两者都填写，或将碳价留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="259"/>
        <source>Valuation: {price:g} per t C, {p} → {q}, discount rate {r:g} %, price change {c:g} % a year: each t C of change is worth {v:,.4f} today.</source>
        <translation>估值：每吨碳 {price:g}，{p} → {q}，折现率 {r:g}%，碳价年变化 {c:g}%：每吨碳变化量的现值为 {v:,.4f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="270"/>
        <source>Choose the class field of “{layer}”: the field holding each polygon's land-cover class.</source>
        <translation>请选择“{layer}”的类型字段：即存放每个面土地覆被类型的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="276"/>
        <source>{parameter} is used only with a land-cover raster; it is ignored.</source>
        <translation>{parameter} 仅在使用土地覆被栅格时有效，此处将被忽略。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="283"/>
        <source>A carbon price values the change to a plan: choose the plan class field. No net present value is computed.</source>
        <translation>碳价用于评估相对规划方案的变化量：请选择规划类型字段。未计算净现值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="324"/>
        <source>{n} polygons ({ha:,.2f} ha) have a class the carbon table does not list ({values}); their carbon stays empty (NULL), not 0. Add these classes to the table.</source>
        <translation>{n} 个面（{ha:,.2f} ha）的类型未列在碳库表中（{values}）；其碳储量为空（NULL），而不是 0。请将这些类型添加到表中。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="329"/>
        <source>{n} polygons have no class value; their carbon stays empty (NULL).</source>
        <translation>{n} 个面没有类型值；其碳储量为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="332"/>
        <source>{n} polygons ({ha:,.2f} ha) have a plan class the carbon table does not list ({values}); their plan carbon and change stay empty (NULL).</source>
        <translation>{n} 个面（{ha:,.2f} ha）的规划类型未列在碳库表中（{values}）；其规划碳储量和变化量为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="337"/>
        <source>{n} polygons have no plan class; their plan carbon and change stay empty (NULL). Give unchanged polygons their current class.</source>
        <translation>{n} 个面没有规划类型；其规划碳储量和变化量为空（NULL）。未变化的面请填写其现状类型。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="341"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="343"/>
        <source>{n} polygons read.</source>
        <translation>已读取 {n} 个面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="353"/>
        <source>A carbon price values the change to a plan: give the plan land-cover raster. No net present value is computed.</source>
        <translation>碳价用于评估相对规划方案的变化量：请提供规划土地覆被栅格。未计算净现值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="358"/>
        <source>The NPV raster needs a plan raster and a carbon price; it is not written.</source>
        <translation>NPV 栅格需要规划栅格和碳价；未写出该栅格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="361"/>
        <source>The NPV raster compares the two rasters pixel by pixel: the plan raster must cover the same grid as the land-cover raster (extent and pixels). Warp it onto the land-cover raster (Raster ▸ Projections ▸ Warp) and run again.</source>
        <translation>NPV 栅格逐像元比较两个栅格：规划栅格须与土地覆被栅格为同一网格（范围和像元）。请将其重投影到土地覆被栅格上（栅格 ▸ 投影 ▸ 变形），然后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="367"/>
        <source>Pixel area {a:g} m² in {crs}.</source>
        <translation>像元面积 {a:g} m²（{crs}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="404"/>
        <source>Cannot write the raster {path}.</source>
        <translation>无法写入栅格 {path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="423"/>
        <source>The plan raster is in {b}, the land-cover raster in {a}: both need the same CRS and pixel size. Warp the plan raster onto the land-cover raster (Raster ▸ Projections ▸ Warp) and run again.</source>
        <translation>规划栅格采用 {b}，土地覆被栅格采用 {a}：两者的坐标参考系和像元大小须相同。请将规划栅格变形对齐到土地覆被栅格（栅格 ▸ 投影 ▸ 变形）后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="429"/>
        <source>The plan raster's pixels are {bx:g} × {by:g}, the land-cover raster's {ax:g} × {ay:g}: both need the same pixel size. Resample the plan raster onto the land-cover raster (Raster ▸ Projections ▸ Warp) and run again.</source>
        <translation>规划栅格的像元为 {bx:g} × {by:g}，土地覆被栅格为 {ax:g} × {ay:g}：两者的像元大小须相同。请将规划栅格重采样对齐到土地覆被栅格（栅格 ▸ 投影 ▸ 变形）后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="439"/>
        <source>The plan raster covers a different extent from the land-cover raster: the change includes the difference in coverage.</source>
        <translation>规划栅格与土地覆被栅格的范围不同：变化量中包含覆盖范围差异的影响。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="460"/>
        <source>“{layer}”: {n} pixels ({ha:,.2f} ha) have codes the carbon table does not list ({codes}); they are left out of the totals. Add these codes to the table.</source>
        <translation>“{layer}”：{n} 个像元（{ha:,.2f} ha）的代码未列在碳库表中（{codes}），未计入汇总。请将这些代码添加到表中。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="465"/>
        <source>“{layer}”: {ha:,.2f} ha of classified land cover lie outside every zone and are not counted.</source>
        <translation>“{layer}”：{ha:,.2f} ha 已分类的土地覆被不在任何分区内，未计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/carbon_stock.py" line="470"/>
        <source>“{layer}”: {n} zones contain no classified pixel; their values stay empty (NULL).</source>
        <translation>“{layer}”：{n} 个分区不含已分类像元；其值为空（NULL）。</translation>
    </message>
</context>
<context>
    <name>ChinaCoordinates</name>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="41"/>
        <source>Convert Chinese web-map coordinates (GCJ-02, BD-09)</source>
        <translation>国内网络地图坐标转换（GCJ-02、BD-09）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="44"/>
        <source>Moves every vertex of a point, line or polygon layer between the coordinates of the Chinese web maps and WGS 84 / CGCS2000. POIs, roads or AOIs downloaded from Amap (高德), Tencent or Apple Maps in China are in GCJ-02; from Baidu (百度) in BD-09. Both lie 300–700 m (in eastern China) from the true WGS 84 / CGCS2000 position, which alone ruins a 300 m life-circle or a 500 m bus-stop analysis: convert them before measuring against survey data.

GCJ-02 and BD-09 cannot be told apart from the coordinates: choose the direction from what you know of the data's source. Converting twice, or the wrong way, moves the features another 300–700 m. BD-09 Mercator (Baidu coordinates in metres) is not read: it must be BD-09 longitudes and latitudes.

The shift is the widely documented public reconstruction of GCJ-02 and BD-09; the reverse directions (to WGS 84, BD-09 to GCJ-02) are solved by iteration to about 1 mm, and a round trip returns every point to within a centimetre. Outside the area the Chinese maps shift (a box around China) features are left as they are. WGS 84 and CGCS2000 differ by centimetres and are treated as one.

The layer may be in any CRS: its coordinates are taken to longitude and latitude, shifted and written back in its own CRS; fields are kept as they are.</source>
        <translation>在国内网络地图坐标与 WGS 84 / CGCS2000 之间移动点、线、面图层的每个顶点。从高德、腾讯或中国境内的苹果地图下载的 POI、道路或 AOI 为 GCJ-02 坐标；从百度下载的为 BD-09 坐标。二者与真实的 WGS 84 / CGCS2000 位置相差 300–700 m（华东地区），仅此一项就足以使 300 m 生活圈或 500 m 公交站分析失效：与测绘数据一起量算前，请先转换。

仅凭坐标无法区分 GCJ-02 和 BD-09：请根据对数据来源的了解选择转换方向。重复转换或方向选错，要素会再偏移 300–700 m。不读取 BD-09 墨卡托坐标（以米为单位的百度坐标）：必须是 BD-09 经纬度。

偏移采用公开且广泛记载的 GCJ-02 和 BD-09 复原公式；反向转换（转为 WGS 84、BD-09 转为 GCJ-02）以迭代求解至约 1 mm，往返转换后每个点与原位置相差不超过 1 厘米。在国内地图偏移的范围（包围中国的矩形区域）以外，要素保持不变。WGS 84 与 CGCS2000 相差仅数厘米，视为同一坐标系。

图层可采用任意坐标参考系：其坐标先转为经纬度，偏移后再写回原坐标参考系；字段保持不变。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="63"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="63"/>
        <source>Points, lines or polygons whose coordinates are in the system named first in the conversion (e.g. POIs downloaded from Amap: GCJ-02).</source>
        <translation>坐标属于转换中第一个坐标系的点、线或面（如从高德下载的 POI：GCJ-02）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>Conversion</source>
        <translation>转换</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>GCJ-02 (Amap 高德, Tencent) → WGS 84 / CGCS2000</source>
        <translation>GCJ-02（高德、腾讯）→ WGS 84 / CGCS2000</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>BD-09 (Baidu 百度) → WGS 84 / CGCS2000</source>
        <translation>BD-09（百度）→ WGS 84 / CGCS2000</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>WGS 84 / CGCS2000 → GCJ-02</source>
        <translation>WGS 84 / CGCS2000 → GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>WGS 84 / CGCS2000 → BD-09</source>
        <translation>WGS 84 / CGCS2000 → BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>BD-09 → GCJ-02</source>
        <translation>BD-09（百度）→ GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>GCJ-02 → BD-09</source>
        <translation>GCJ-02（高德、腾讯）→ BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="67"/>
        <source>From which coordinates to which. Nothing in the data tells GCJ-02 from BD-09 or from WGS 84: choose by where the data came from.</source>
        <translation>从哪种坐标转换为哪种坐标。数据本身无法区分 GCJ-02、BD-09 和 WGS 84：请按数据来源选择。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="77"/>
        <source>Converted layer</source>
        <translation>转换后的图层</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="77"/>
        <source>The features with their vertices moved; same CRS and fields as the input.</source>
        <translation>顶点已移动的要素；坐标参考系和字段与输入相同。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="79"/>
        <source>Features moved</source>
        <translation>已移动的要素数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="80"/>
        <source>Features outside China, left unchanged</source>
        <translation>中国范围以外、保持不变的要素数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="81"/>
        <source>Mean shift of the moved features (m)</source>
        <translation>已移动要素的平均偏移量（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="85"/>
        <source>The reverse conversion did not converge (residual {residual:.2g}°): the coordinates are probably not longitudes and latitudes of the chosen system.</source>
        <translation>反向转换未收敛（残差 {residual:.2g}°）：这些坐标可能不是所选坐标系的经纬度。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="94"/>
        <source>“{layer}” has no CRS: set it (for longitudes and latitudes EPSG:4326) before converting.</source>
        <translation>“{layer}”没有坐标参考系：请先设置（经纬度为 EPSG:4326）再转换。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="99"/>
        <source>GCJ-02, BD-09 and WGS 84 cannot be told apart from the coordinates: the result is right only if “{layer}” really is in {origin}. Amap (高德), Tencent and Apple Maps in China give GCJ-02, Baidu gives BD-09, a GPS or survey gives WGS 84 / CGCS2000. Converting twice moves the features another 300–700 m.</source>
        <translation>仅凭坐标无法区分 GCJ-02、BD-09 和 WGS 84：只有当“{layer}”确实采用 {origin} 时，结果才正确。高德、腾讯和中国境内的苹果地图提供 GCJ-02，百度提供 BD-09，GPS 或测绘提供 WGS 84 / CGCS2000。重复转换会使要素再偏移 300–700 m。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="106"/>
        <source>“{layer}” is in {crs}: its coordinates are converted as WGS 84 longitudes and latitudes and written back in {crs}.</source>
        <translation>“{layer}”采用 {crs}：其坐标按 WGS 84 经纬度转换，再写回 {crs}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="131"/>
        <source>{origin} → {target}: {n} features moved, by {mean:.0f} m on average (the vertex moved farthest: {largest:.0f} m).</source>
        <translation>{origin} → {target}：移动了 {n} 个要素，平均偏移 {mean:.0f} m（移动最远的顶点：{largest:.0f} m）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/china_coordinates.py" line="136"/>
        <source>{n} features of “{layer}” lie outside the area the Chinese maps shift (or have no vertices) and are left as they are.</source>
        <translation>“{layer}”中有 {n} 个要素位于国内地图偏移范围以外（或没有顶点），保持不变。</translation>
    </message>
</context>
<context>
    <name>CompareChecks</name>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="47"/>
        <source>Compare two plan checks (before and after)</source>
        <translation>对比两次规划核查（措施前后）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="50"/>
        <source>Two results of Planning check (or of a plan check) on the same units or parcels, before and after measures: per rule the number of features that pass, fail and have no verdict (n/a: not assessed or not applicable to the land use) in each, how many went from fail to pass (fixed) and from pass to fail (broken); and one row per feature and rule whose verdict changed.

Rules: from the rule table (rule id and names, in the check&apos;s order), else from the r_&lt;rule&gt; fields of the two layers. Features are matched by the id field (present in both layers), else by their order.

Output: a table with rule_id, name_en, name_zh, pass_before, fail_before, na_before, pass_after, fail_after, na_after, fixed, broken; the changes with feature_id, rule_id, before and after (pass, fail, n/a) at the feature&apos;s geometry in the later check.

Measures applied (optional): which of lid, facilities, shelters, carbon were applied; the table&apos;s measure field then names, per rule, the one that can repair it (lid: runoff control rate; facilities: 15-minute life-circle coverage; shelters: shelter area per resident; carbon: net CO2), and is empty for the rules no applied measure addresses (floor area ratio, rail coverage, park supply, the fixed-shelter capacity share and others). Needs the rule table.</source>
        <translation>同一单元或地块在措施前后的两个“规划检查”（或规划核查）结果：各规则在两次结果中达标、不达标和无结论（n/a：未评估或不适用于该用地）的要素数，由不达标变为达标（fixed）和由达标变为不达标（broken）的数量；以及结论发生变化的每个要素、每条规则一行。

规则：取自规则表（规则编号和名称，按核查顺序），否则取两图层的 r_&lt;规则&gt; 字段。要素按编号字段（两图层共有）匹配，否则按顺序。

输出：含 rule_id、name_en、name_zh、pass_before、fail_before、na_before、pass_after、fail_after、na_after、fixed、broken 的表；变化表含 feature_id、rule_id、before 和 after（pass、fail、n/a），几何取措施后核查中的要素。

已实施措施（可选）：lid、facilities、shelters、carbon 中已实施的措施；此时结果表的 measure 字段逐条规则写明可修复该规则的措施（lid：年径流总量控制率；facilities：15 分钟生活圈覆盖率；shelters：人均避难场所面积；carbon：净碳排放），所实施措施都不针对的规则（容积率、轨道交通覆盖、公园供给、固定避难场所容量占比等）该字段为空。需要规则表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="69"/>
        <source>Check before</source>
        <translation>措施前的核查</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="69"/>
        <source>The OUTPUT of Planning check (or check:planning_check of a plan check) before the measures.</source>
        <translation>措施前“规划检查”的 OUTPUT（或规划核查的 check:planning_check）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="72"/>
        <source>Check after</source>
        <translation>措施后的核查</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="72"/>
        <source>The same check run on the plan with the measures.</source>
        <translation>在并入措施的规划上运行的同一核查。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="74"/>
        <source>Rule table</source>
        <translation>规则表</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="74"/>
        <source>The TABLE output of Planning check, for the rules&apos; ids, names and order.</source>
        <translation>“规划检查”的 TABLE 输出，提供规则编号、名称和顺序。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="77"/>
        <source>Id field</source>
        <translation>编号字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="77"/>
        <source>Field naming each unit or parcel, in both layers. Empty: features are matched by order.</source>
        <translation>两图层中标识各单元或地块的字段。留空：按顺序匹配要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="81"/>
        <source>Measures applied</source>
        <translation>已实施措施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="81"/>
        <source>Comma-separated, of lid, facilities, shelters, carbon: the measures applied between the two checks, named per rule in the measure field.</source>
        <translation>以逗号分隔，取 lid、facilities、shelters、carbon：两次核查之间实施的措施，逐条规则写入 measure 字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="85"/>
        <source>Before and after per rule</source>
        <translation>各规则措施前后对比</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="85"/>
        <source>One row per rule with the counts before and after.</source>
        <translation>每条规则一行，含措施前后的计数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="88"/>
        <source>Verdicts changed</source>
        <translation>结论变化</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="88"/>
        <source>One row per feature and rule whose verdict changed.</source>
        <translation>结论发生变化的每个要素、每条规则一行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="91"/>
        <source>Verdicts fixed (fail → pass)</source>
        <translation>改善的结论（不达标 → 达标）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="92"/>
        <source>Verdicts broken (pass → fail)</source>
        <translation>变差的结论（达标 → 不达标）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="93"/>
        <source>Failing verdicts before</source>
        <translation>措施前不达标结论数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="94"/>
        <source>Failing verdicts after</source>
        <translation>措施后不达标结论数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="97"/>
        <source>The id “{value}” is found {count} more time(s) in the check before: ids must name one unit or parcel each.</source>
        <translation>编号“{value}”在措施前的核查中重复出现 {count} 次：每个编号只能对应一个单元或地块。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="99"/>
        <source>Measures applied: “{value}” is none of lid, facilities, shelters, carbon.</source>
        <translation>已实施措施：“{value}”不属于 lid、facilities、shelters、carbon。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="101"/>
        <source>The rule table lacks the field(s) {missing}: choose the TABLE output of Planning check.</source>
        <translation>规则表缺少字段 {missing}：请选择“规划检查”的 TABLE 输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="121"/>
        <source>The two checks have {a} and {b} features: without an id field they are matched by order.</source>
        <translation>两次核查分别有 {a} 和 {b} 个要素：未指定编号字段时按顺序匹配。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/compare_checks.py" line="133"/>
        <source>{rule}: {pb} pass, {fb} fail, {nb} n/a before; {pa} pass, {fa} fail, {na} n/a after ({fixed} fixed, {broken} broken).</source>
        <translation>{rule}：措施前 {pb} 达标、{fb} 不达标、{nb} 无结论；措施后 {pa} 达标、{fa} 不达标、{na} 无结论（改善 {fixed}，变差 {broken}）。</translation>
    </message>
</context>
<context>
    <name>CurveNumberAlgorithm</name>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="30"/>
        <source>Hydrologic soil group field</source>
        <translation>水文土壤组字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="35"/>
        <source>Default hydrologic soil group</source>
        <translation>默认水文土壤组</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="35"/>
        <source>Soil group used when no soil group field is given (C: moderately high runoff potential, a cautious default for urban fill).</source>
        <translation>未指定水文土壤组字段时采用的土壤组（C：产流潜力较高，对城市填土而言是审慎的默认值）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="43"/>
        <source>Initial abstraction ratio λ</source>
        <translation>初损率 λ</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="43"/>
        <source>Initial abstraction Ia = λ × S. TR-55 and its curve numbers use 0.2; values down to 0.05 are used in some studies.</source>
        <translation>初始损失 Ia = λ × S。TR-55 及其径流曲线数采用 0.2；部分研究取值低至 0.05。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="48"/>
        <source>Curve number table (CSV)</source>
        <translation>径流曲线数表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="48"/>
        <source>CSV with lucode and/or class, cn_a, cn_b, cn_c, cn_d, optionally source, year, verified. Empty: the shipped TR-55 table.</source>
        <translation>包含 lucode 和/或 class、cn_a、cn_b、cn_c、cn_d 列的 CSV，可另含 source、year、verified。留空：采用插件自带的 TR-55 表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="60"/>
        <source>Curve number table: {path}; storm {p} mm, λ = {lam}.</source>
        <translation>径流曲线数表：{path}；暴雨 {p} mm，λ = {lam}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="63"/>
        <source>λ = {lam}: TR-55 curve numbers assume λ = 0.2; use curve numbers calibrated for this λ.</source>
        <translation>λ = {lam}：TR-55 径流曲线数假定 λ = 0.2；请使用针对该 λ 率定的径流曲线数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="71"/>
        <source>No soil group field: soil group {g} everywhere.</source>
        <translation>未指定水文土壤组字段：所有面均采用土壤组 {g}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/runoff_glue.py" line="97"/>
        <source>Unverified curve numbers were used for: {classes}. Check them against local data.</source>
        <translation>以下类型采用了未核实的径流曲线数：{classes}。请对照本地数据进行核实。</translation>
    </message>
</context>
<context>
    <name>DependencyInstaller</name>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="33"/>
        <source>Python packages missing or too old: {packages}.</source>
        <translation>缺少 Python 包或版本过旧：{packages}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="36"/>
        <source>Install them from the message bar, or run: {command}</source>
        <translation>请在消息栏中安装，或运行：{command}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="98"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation>低碳与韧性</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="47"/>
        <source>Install…</source>
        <translation>安装…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="56"/>
        <source>Install Python packages</source>
        <translation>安装 Python 包</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="56"/>
        <source>Install {packages} with pip into your QGIS profile?

Folder: {folder}
Command: {command}

This downloads the packages from the Python Package Index (pypi.org). Nothing outside the folder changes; delete it to undo.</source>
        <translation>用 pip 将 {packages} 安装到您的 QGIS 用户配置中？

文件夹：{folder}
命令：{command}

将从 Python 包索引（pypi.org）下载这些包。该文件夹以外的内容不会改变；删除该文件夹即可撤销。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="64"/>
        <source>QGIS&apos;s Python interpreter was not found.</source>
        <translation>未找到 QGIS 的 Python 解释器。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="71"/>
        <source>Installed into {folder}. Restart QGIS to use the Low-Carbon &amp; Resilience toolkit.</source>
        <translation>已安装到 {folder}。请重启 QGIS 以使用低碳与韧性工具箱。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="75"/>
        <source>pip did not finish:</source>
        <translation>pip 未能完成：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="79"/>
        <source>{reason}

Install the packages by hand: close QGIS and run, in a terminal (on Windows the OSGeo4W Shell):

{command}

On Debian or Ubuntu, where pip itself is missing, install it first: sudo apt install python3-pip. Then start QGIS again.</source>
        <translation>{reason}

请手动安装这些包：关闭 QGIS，在终端（Windows 上为 OSGeo4W Shell）中运行：

{command}

在 Debian 或 Ubuntu 上如果没有 pip，请先安装：sudo apt install python3-pip。然后重新启动 QGIS。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="107"/>
        <source>Installing Python packages…</source>
        <translation>正在安装 Python 包…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="97"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/install_deps.py" line="125"/>
        <source>Could not start {python}.</source>
        <translation>无法启动 {python}。</translation>
    </message>
</context>
<context>
    <name>DetailedPlanCheck</name>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="443"/>
        <source>Detailed plan check</source>
        <translation>详细规划检查</translation>
    </message>
</context>
<context>
    <name>EmbeddedIO</name>
    <message>
        <location filename="../../work/main/algorithms/plan_check_glue.py" line="390"/>
        <source>“{layer}”: {n} values of “{field}” cannot be real ({kinds}); they are read as missing.</source>
        <translation>“{layer}”：字段“{field}”中有 {n} 个值不可能是真实数值（{kinds}），已按缺失值处理。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_check_glue.py" line="390"/>
        <source>infinite, too large or negative</source>
        <translation>无穷大、过大或为负</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_check_glue.py" line="390"/>
        <source>infinite, too large, negative or a nodata code such as −9999 or 9999</source>
        <translation>无穷大、过大、为负，或为 −9999、9999 等无数据代码</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_check_glue.py" line="403"/>
        <source>Your input layers already have a field “{field}”: the check computes it again and uses its own values.</source>
        <translation>输入图层中已有字段“{field}”：检查会重新计算该字段并使用自己的计算值。</translation>
    </message>
</context>
<context>
    <name>FloodExposure</name>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="39"/>
        <source>Building flood exposure</source>
        <translation>建筑洪涝暴露</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="42"/>
        <source>Finds the buildings a flood hazard reaches and how deep the water stands there.

Each building takes the depth of the deepest hazard polygon it touches (0 where none). It is exposed where that depth is above the minimum depth. For exposed buildings the damage fraction comes from a depth-damage curve (default: Huizinga et al. 2017, JRC global depth-damage functions, Asia residential; marked unverified until checked against the report) and the exposed population from the population field.

The hazard may be in another CRS; it is reprojected to the buildings' CRS.

Output fields: depth_m (m), exposed (0/1), damage_fr (0–1), pop_exp (persons).

Without a flood hazard layer (optional, e.g. for OpenStreetMap data, which has none) the buildings are written with these fields NULL: exposure not assessed, not “not exposed”; the log says so, and a planning check then does not assess its flood rules.</source>
        <translation>找出洪涝淹没范围波及的建筑，以及建筑所在处的淹没深度。

每栋建筑取其相交的最深淹没面的深度（无相交时为 0）。该深度大于最小深度时，建筑记为暴露。暴露建筑的损失率由深度-损失曲线求得（默认：Huizinga et al. 2017，JRC 全球深度-损失函数，亚洲住宅；在对照原报告核实前标注为未核实），暴露人口取自人口字段。

淹没范围图层可采用其他坐标参考系，计算时将重投影至建筑图层的坐标参考系。

输出字段：depth_m（m）、exposed（0/1）、damage_fr（0–1）、pop_exp（人）。

未提供洪涝淹没范围图层时（该图层可选，如 OpenStreetMap 数据没有此类图层），输出的建筑上述字段均为 NULL：表示暴露未评估，而非“未暴露”；日志中予以说明，规划核查随之不评估其洪涝规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="56"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="56"/>
        <source>Building footprints (polygons).</source>
        <translation>建筑基底轮廓（面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="59"/>
        <source>Flood hazard</source>
        <translation>洪涝淹没范围</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="59"/>
        <source>Polygons of a design flood event, each with a water depth. Without it, exposure is not assessed (NULL fields).</source>
        <translation>设计洪涝情景的淹没范围面，每个面带有淹没深度。未提供时不评估暴露（字段为 NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="63"/>
        <source>Depth field (m)</source>
        <translation>淹没深度字段（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="63"/>
        <source>Water depth of each hazard polygon, in metres (needed with a hazard layer). Polygons without a depth are ignored.</source>
        <translation>各淹没面的淹没深度，单位为米（提供淹没范围图层时必填）。没有深度值的面将被忽略。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="68"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="68"/>
        <source>Residents of each building; missing values count as 0.</source>
        <translation>各建筑的常住人口；缺失值按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="72"/>
        <source>Minimum depth (m)</source>
        <translation>最小深度（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="72"/>
        <source>A building is exposed where the water is deeper than this.</source>
        <translation>淹没深度超过该值的建筑记为暴露。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="76"/>
        <source>Depth-damage curve (CSV)</source>
        <translation>深度-损失曲线（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="76"/>
        <source>CSV with columns depth_m, damage_fraction (depth increasing, fraction 0–1). Replaces the shipped curve.</source>
        <translation>包含 depth_m、damage_fraction 列的 CSV（深度递增，损失率取 0–1）。用于替换插件自带的曲线。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="80"/>
        <source>Flood exposure</source>
        <translation>洪涝暴露</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="80"/>
        <source>The buildings with depth_m, exposed, damage_fr and pop_exp added.</source>
        <translation>添加了 depth_m、exposed、damage_fr 和 pop_exp 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="82"/>
        <source>Exposed buildings</source>
        <translation>暴露建筑数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="83"/>
        <source>Exposed population</source>
        <translation>暴露人口</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="91"/>
        <source>Name the depth field (m) of the flood hazard “{layer}”.</source>
        <translation>请指定洪涝淹没范围图层“{layer}”的淹没深度字段（m）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="120"/>
        <source>The depth-damage curve {path} is marked unverified.</source>
        <translation>深度-损失曲线 {path} 标注为未核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="122"/>
        <source>{n} buildings exposed (depth &gt; {d} m), {p:,.0f} residents.</source>
        <translation>{n} 栋建筑暴露（淹没深度 &gt; {d} m），涉及居民 {p:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="124"/>
        <source>Flood exposure of buildings: deepest intersecting hazard depth, exposure above {d} m, damage from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑洪涝暴露：取相交淹没面的最大深度，深度超过 {d} m 记为暴露，损失率依据 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="140"/>
        <source>No flood hazard layer given: flood exposure is not assessed (depth_m, exposed, damage_fr and pop_exp are NULL), and a planning check does not assess its flood rules.</source>
        <translation>未提供洪涝淹没范围图层：不评估洪涝暴露（depth_m、exposed、damage_fr 和 pop_exp 为 NULL），规划核查也不评估其洪涝规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="150"/>
        <source>The hazard is reprojected from {a} to {b}.</source>
        <translation>淹没范围图层已从 {a} 重投影至 {b}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="157"/>
        <source>{n} hazard polygons have no depth and are ignored.</source>
        <translation>{n} 个淹没面没有深度值，已忽略。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="159"/>
        <source>No polygon of “{layer}” has a depth value.</source>
        <translation>“{layer}”中没有任何面具有深度值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="162"/>
        <source>{n} invalid hazard geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效淹没面几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/flood_exposure.py" line="166"/>
        <source>The hazard does not overlap the buildings: no building is exposed. Check that both layers cover the same place.</source>
        <translation>淹没范围与建筑不重叠，没有建筑暴露。请检查两个图层是否覆盖同一区域。</translation>
    </message>
</context>
<context>
    <name>GreenSpaceAlgorithm</name>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="37"/>
        <source>Green spaces</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="37"/>
        <source>Green space polygons (parks, protective green, squares …), one feature a green space: a park's size is the area of its feature.</source>
        <translation>绿地面（公园、防护绿地、广场……），每个要素为一处绿地：公园规模即其要素面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="41"/>
        <source>Green space type field</source>
        <translation>绿地类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="41"/>
        <source>Type of each green space (e.g. comprehensive, community, protective). Empty: every green space counts as park green.</source>
        <translation>每处绿地的类型（如 comprehensive、community、protective）。留空：所有绿地均计为公园绿地。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="46"/>
        <source>Types that are not park green (comma-separated)</source>
        <translation>不计为公园绿地的类型（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="46"/>
        <source>Green spaces of these types count nowhere: protective green along roads and rivers is not public park green. Matched to the type field ignoring case.</source>
        <translation>这些类型的绿地不计入任何统计：沿道路和河流的防护绿地不是公共公园绿地。与类型字段匹配时不区分大小写。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="66"/>
        <source>No green space type field: every green space counts as park green.</source>
        <translation>未提供绿地类型字段：所有绿地均计为公园绿地。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="77"/>
        <source>No green space of “{layer}” has a type listed in “{parameter}” ({types}): that area is 0 everywhere. Check the list against the values of the type field.</source>
        <translation>“{layer}”中没有任何绿地的类型列于“{parameter}”（{types}）：该面积处处为 0。请对照类型字段的取值检查该列表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="83"/>
        <source>No green space of “{layer}” counts as park green: every one lacks a geometry or has a type left out (“{parameter}”).</source>
        <translation>“{layer}”中没有任何绿地计为公园绿地：每处绿地要么缺少几何，要么类型被排除（“{parameter}”）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/green_glue.py" line="87"/>
        <source>{n} of {total} green spaces count as park green, {a:,.0f} m² in all.</source>
        <translation>{total} 处绿地中有 {n} 处计为公园绿地，合计 {a:,.0f} m²。</translation>
    </message>
</context>
<context>
    <name>HabitatFragmentation</name>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="50"/>
        <source>Habitat fragmentation and quality</source>
        <translation>生境破碎化与生境质量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="53"/>
        <source>Measures, per planning unit, how much transport infrastructure cuts habitat into pieces, and how much roads and built-up land degrade what is left.

Habitat: land-cover polygons whose class has a habitat suitability H above 0 in the habitat table. Barriers: roads buffered by half their width (a road of width 0 cuts as a line), and built-up land. Rails or other linear barriers can be merged into the roads layer.

Effective mesh size (Jaeger 2000), CUT variant: the habitat is clipped at each unit's boundary, cut by the barriers, and m_eff = Σ A_i² / A_unit, with A_i the areas of the remaining patches and A_unit the unit's whole area. It is the expected area reachable from a random point of the unit without crossing a barrier.

Habitat quality (InVEST Habitat Quality, vector form): at sample points inside the habitat (a regular grid of the sample spacing, plus one point per habitat piece), the impact of each threat is exp(−2.99·d/d_max) (exponential) or 1 − d/d_max (linear), 0 beyond d_max, with d the distance to the NEAREST road or built-up polygon (as InVEST ≥ 3.13). Degradation D = Σ (w_r/Σw)·i_r·S_jr with the class's sensitivities; quality Q = H·(1 − D^2.5/(D^2.5 + k^2.5)). k is the half-saturation constant: 0.5 as in InVEST's tests; the InVEST User's Guide suggests starting with 0.05 and setting k to half the largest degradation found.

The shipped table (resources/factors/habitat_sensitivity.csv, columns lucode, class, habitat, sens_roads, sens_built, built) is keyed to the demo district's codes and holds team estimates marked unverified: replace it with local values. Distances need metres: a geographic or Web Mercator layer is measured in the UTM zone of its centre.

Output: the planning units with mesh_ha (ha), patches (count), habitat_ha (habitat area before cutting, ha), hq_mean (area-weighted mean quality, 0–1) and degr_mean (mean degradation). MEAN_MESH_HA is the effective mesh size of all units together (Σ Σ A_i² / Σ A_unit); MEAN_HQ the habitat-area-weighted mean quality.</source>
        <translation>按规划单元测度交通基础设施将生境切割成碎片的程度，以及道路和建设用地对剩余生境的退化程度。

生境：在生境表中生境适宜性 H 大于 0 的类型所对应的土地覆被面。阻隔：按道路宽度一半缓冲的道路（宽度为 0 的道路按线切割），以及建设用地。铁路或其他线状阻隔可合并到道路图层中。

有效网格尺寸（Jaeger 2000，CUT 法）：生境在各单元边界处裁切，再被阻隔切割，m_eff = Σ A_i² / A_unit，其中 A_i 为剩余各斑块的面积，A_unit 为单元总面积。它表示从单元内随机一点出发、不穿越阻隔所能到达的期望面积。

生境质量（InVEST 生境质量模型，矢量形式）：在生境内的采样点上（按采样间距布设的规则格网，另加每个生境碎块一个点），各威胁源的影响为 exp(−2.99·d/d_max)（指数衰减）或 1 − d/d_max（线性衰减），超过 d_max 时为 0，d 为到最近道路或建设用地面的距离（与 InVEST ≥ 3.13 一致）。退化度 D = Σ (w_r/Σw)·i_r·S_jr，S_jr 为该类型的敏感度；生境质量 Q = H·(1 − D^2.5/(D^2.5 + k^2.5))。k 为半饱和常数：取 0.5，与 InVEST 的测试一致；InVEST 用户指南建议先取 0.05，再将 k 设为所得最大退化度的一半。

插件自带的表（resources/factors/habitat_sensitivity.csv，列 lucode、class、habitat、sens_roads、sens_built、built）按示范区的代码编制，其中为团队估算值，标注为未核实：请替换为本地取值。距离须以米为单位：地理坐标或 Web Mercator 图层在其中心所在的 UTM 投影带中量算。

输出：添加了 mesh_ha（ha）、patches（斑块数）、habitat_ha（切割前生境面积，ha）、hq_mean（面积加权平均生境质量，0–1）和 degr_mean（平均退化度）的规划单元。MEAN_MESH_HA 为全部单元合计的有效网格尺寸（Σ Σ A_i² / Σ A_unit）；MEAN_HQ 为按生境面积加权的平均生境质量。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="80"/>
        <source>Land cover (habitat)</source>
        <translation>土地覆被（生境）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="80"/>
        <source>Land-cover polygons; classes with habitat suitability above 0 are habitat, classes marked built are the built-up threat.</source>
        <translation>土地覆被面；生境适宜性大于 0 的类型为生境，标记为 built 的类型为建设用地威胁源。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="84"/>
        <source>Land-cover class field</source>
        <translation>土地覆被类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="84"/>
        <source>An integer code (matched to the table&apos;s lucode) or a class name (matched to class).</source>
        <translation>整数代码（与表中的 lucode 匹配）或类型名称（与 class 匹配）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="88"/>
        <source>Habitat table (CSV)</source>
        <translation>生境表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="88"/>
        <source>CSV with lucode, class, habitat (H 0–1), sens_roads, sens_built (0–1), optionally built (1 for built-up classes), source, year, verified. Empty: the shipped table.</source>
        <translation>包含 lucode、class、habitat（H，0–1）、sens_roads、sens_built（0–1）列的 CSV，可另含 built（建设用地类型填 1）、source、year、verified。留空：采用插件自带的表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="92"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="92"/>
        <source>Road (and rail) centre lines: barriers and the ROADS threat.</source>
        <translation>道路（及铁路）中心线：既是阻隔，也是 ROADS 威胁源。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="95"/>
        <source>Road width field (m)</source>
        <translation>道路宽度字段（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="95"/>
        <source>Full width of each road in metres. Empty values take the default width.</source>
        <translation>每条道路的全宽，单位为米。空值采用默认宽度。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="99"/>
        <source>Default road width (m)</source>
        <translation>默认道路宽度（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="99"/>
        <source>Width of roads without a width value. 0 cuts the habitat along the centre line.</source>
        <translation>无宽度值的道路采用的宽度。为 0 时沿中心线切割生境。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="103"/>
        <source>Road threat distance (m)</source>
        <translation>道路威胁距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="103"/>
        <source>d_max of the ROADS threat: beyond it roads have no impact.</source>
        <translation>ROADS 威胁源的 d_max：超过该距离道路不再产生影响。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="107"/>
        <source>Built-up threat distance (m)</source>
        <translation>建设用地威胁距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="107"/>
        <source>d_max of the BUILT_UP threat: beyond it built-up land has no impact.</source>
        <translation>BUILT_UP 威胁源的 d_max：超过该距离建设用地不再产生影响。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="111"/>
        <source>Distance decay</source>
        <translation>距离衰减</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="111"/>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="111"/>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="111"/>
        <source>Exponential: exp(−2.99·d/d_max), 5 % left at d_max. Linear: 1 − d/d_max.</source>
        <translation>指数：exp(−2.99·d/d_max)，在 d_max 处剩余 5 %。线性：1 − d/d_max。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="114"/>
        <source>Road threat weight</source>
        <translation>道路威胁权重</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="114"/>
        <source>Relative weight of roads; weights are normalised to sum to 1.</source>
        <translation>道路的相对权重；各权重归一化为总和为 1。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="118"/>
        <source>Built-up threat weight</source>
        <translation>建设用地威胁权重</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="118"/>
        <source>Relative weight of built-up land; weights are normalised to sum to 1.</source>
        <translation>建设用地的相对权重；各权重归一化为总和为 1。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="122"/>
        <source>Half-saturation constant k</source>
        <translation>半饱和常数 k</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="122"/>
        <source>Degradation at which quality is halved. 0.5 as in InVEST&apos;s tests; the InVEST User&apos;s Guide suggests 0.05 to start, then half the largest degradation found.</source>
        <translation>使生境质量减半的退化度。取 0.5 与 InVEST 的测试一致；InVEST 用户指南建议先取 0.05，再取所得最大退化度的一半。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="127"/>
        <source>Quality sample spacing (m)</source>
        <translation>生境质量采样间距（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="127"/>
        <source>Spacing of the grid of points where quality is sampled. 0: one point per habitat piece.</source>
        <translation>生境质量采样点格网的间距。为 0 时：每个生境碎块取一个点。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="132"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="132"/>
        <source>Reporting units; habitat is clipped at their boundaries (CUT variant).</source>
        <translation>统计单元；生境在其边界处裁切（CUT 法）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="135"/>
        <source>Habitat fragmentation</source>
        <translation>生境破碎化</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="135"/>
        <source>The planning units with mesh_ha, patches, habitat_ha, hq_mean and degr_mean.</source>
        <translation>添加了 mesh_ha、patches、habitat_ha、hq_mean 和 degr_mean 字段的规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="138"/>
        <source>Effective mesh size of all units (ha)</source>
        <translation>全部单元的有效网格尺寸（ha）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="139"/>
        <source>Mean habitat quality</source>
        <translation>平均生境质量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="148"/>
        <source>Sampling habitat quality every {s:g} m over {ha:,.0f} ha of habitat (about {n:,.0f} points)</source>
        <translation>在 {ha:,.0f} 公顷生境上每隔 {s:g} m 采样生境质量（约 {n:,.0f} 个点）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="148"/>
        <source>Raise “{parameter}” (now {value:g} m); the default is 20 m.</source>
        <translation>请增大“{parameter}”（当前为 {value:g} m）；默认值为 20 m。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="161"/>
        <source>Choose the land-cover class field of “{layer}”.</source>
        <translation>请选择“{layer}”的土地覆被类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="168"/>
        <source>“{layer}” is in a CRS whose unit is not the metre; reproject it to a projected CRS in metres.</source>
        <translation>“{layer}”所用坐标参考系的单位不是米；请将其重投影至以米为单位的投影坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="180"/>
        <source>{n} land-cover polygons have a class the habitat table does not list ({values}); they count as non-habitat.</source>
        <translation>{n} 个土地覆被面的类型未列在生境表中（{values}）；按非生境处理。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="194"/>
        <source>Unverified habitat values were used for: {classes}.</source>
        <translation>以下类型采用了未核实的生境取值：{classes}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="201"/>
        <source>The roads are reprojected from {a} to {b}.</source>
        <translation>道路已从 {a} 重投影至 {b}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="212"/>
        <source>{n} roads have no valid width: they take {w} m.</source>
        <translation>{n} 条道路没有有效宽度：采用 {w} m。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="258"/>
        <source>No land-cover class is habitat (H above 0): check the class field and the habitat table.</source>
        <translation>没有任何土地覆被类型属于生境（H 大于 0）：请检查类型字段和生境表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="261"/>
        <source>Effective mesh size of all units {m:,.2f} ha; mean habitat quality {q:.3f}.</source>
        <translation>全部单元的有效网格尺寸 {m:,.2f} ha；平均生境质量 {q:.3f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="264"/>
        <source>Effective mesh size of all units {m:,.2f} ha; habitat quality could not be measured: no habitat lies in the units.</source>
        <translation>全部单元的有效网格尺寸 {m:,.2f} ha；无法计算生境质量：单元内没有生境。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/habitat_fragmentation.py" line="266"/>
        <source>Habitat fragmentation: effective mesh size (Jaeger 2000, CUT variant) of habitat cut by roads and built-up land, and InVEST-style habitat quality. Values from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>生境破碎化：被道路和建设用地切割的生境的有效网格尺寸（Jaeger 2000，CUT 法），以及 InVEST 式生境质量。取值来自 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>LandCoverShares</name>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="43"/>
        <source>Land-cover shares by zone (impervious, sponge, retention)</source>
        <translation>分区土地覆被占比（不透水、海绵、滞留）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="46"/>
        <source>Cuts the land cover by each zone (planning unit or parcel) and measures, of the land cover found in the zone:
impervious_pct: the share covered by the impervious classes (城区不透水表面占比, %);
sponge_area_pct: the share whose cover retains at least 70 % of the design storm (%), a screening reading of the sponge-city target of 70 % of the rainfall absorbed on site (国办发〔2015〕75号), which is set on annual rainfall;
retention: the design storm retained on site, retained / (runoff + retained), 0–1.

Retention of a cover R = 1 − Q/P by the SCS curve-number method (USDA NRCS TR-55, 1986), as in Stormwater runoff: S = 25400/CN − 254 mm, Q = (P − λS)² / (P + (1 − λ)S) where P &gt; λS, else 0. Curve numbers come from the cover's class and hydrologic soil group. The sponge share and the retention are taken over the area whose curve number is known; covers the table cannot match are counted in the log.

With an LID storage field (m³ per zone, e.g. provided_m3 of Sponge-city rainfall capture) the storage holds the land cover's runoff up to its volume, and that counts as retained: retention = (Σ A·R + min(1000·S/P, Σ A·(1 − R))) / Σ A. sponge_area_pct stays a share of the land cover.

Areas are true areas: a polygon straddling two zones gives each the part inside it, and layers in degrees or Web Mercator are measured in the UTM zone of the zones' centre.

Output fields: cover_m2 (m² of land cover in the zone), impervious_pct (%), sponge_area_pct (%), retention (0–1), cover_pct (% of the zone's area the land cover maps); NULL where the zone holds no land cover (no impervious classes named: impervious_pct NULL). Where the land cover maps less than half of a zone (an OpenStreetMap extract leaves much ground unmapped) its shares rest on a small sample and are not assessed (NULL); the log counts such zones.</source>
        <translation>用每个分区（规划单元或地块）切分土地覆被，并就分区内的土地覆被计算：
impervious_pct：不透水类型覆盖的比例（城区不透水表面占比，%）；
sponge_area_pct：覆被可滞留至少 70 % 设计暴雨的面积比例（%），是对海绵城市“70 % 降雨就地消纳和利用”目标（国办发〔2015〕75号）的筛查性解读，该目标针对的是年降雨量；
retention：设计暴雨的就地滞留比例，滞留量 / （径流量 + 滞留量），0–1。

覆被的滞留比例 R = 1 − Q/P，按 SCS 径流曲线数法（USDA NRCS TR-55，1986）计算，与暴雨径流算法相同：S = 25400/CN − 254 mm，Q = (P − λS)² / (P + (1 − λ)S)（P &gt; λS 时），否则为 0。径流曲线数由覆被的类型和水文土壤组确定。海绵面积比例和滞留比例按径流曲线数已知的面积计算；表中无法匹配的覆被会在日志中计数。

给出 LID 调蓄容积字段（每个分区的 m³，例如海绵城市雨水径流控制的 provided_m3）时，调蓄设施在其容积以内截留土地覆被产生的径流，截留量计为滞留：retention = (Σ A·R + min(1000·S/P, Σ A·(1 − R))) / Σ A。sponge_area_pct 仍是土地覆被的面积比例。

面积为真实面积：跨两个分区的面按各自落入的部分分配给两个分区，地理坐标或 Web Mercator 的图层在分区中心所在的 UTM 带中量算。

输出字段：cover_m2（分区内土地覆被面积，m²）、impervious_pct（%）、sponge_area_pct（%）、retention（0–1）、cover_pct（土地覆被覆盖分区面积的比例，%）；分区内没有土地覆被时为 NULL（未指定不透水类型时 impervious_pct 为 NULL）。土地覆被覆盖不到分区一半时（OpenStreetMap 数据有大片地面未绘制），其比例只基于很小的样本，不予评价（NULL）；日志统计此类分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="72"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="72"/>
        <source>Planning units or parcels; the output is these zones.</source>
        <translation>规划单元或地块；输出即这些分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="74"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="74"/>
        <source>Land-cover polygons with a class.</source>
        <translation>带类型的土地覆被面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="76"/>
        <source>Land-cover class field</source>
        <translation>土地覆被类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="76"/>
        <source>Land-cover class of each polygon: an integer code (matched to the table&apos;s lucode) or a name (matched to class, ignoring case).</source>
        <translation>每个面的土地覆被类型：整数代码（与表中的 lucode 匹配）或名称（与 class 匹配，不区分大小写）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="81"/>
        <source>Impervious classes (comma-separated)</source>
        <translation>不透水类型（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="81"/>
        <source>Classes of sealed ground, as the class field holds them (1, 2: built_up and road in the shipped curve number table&apos;s codes). Empty: impervious_pct is not measured.</source>
        <translation>硬化地面的类型，按类型字段中的取值填写（1, 2：自带径流曲线数表代码中的 built_up 和 road）。留空：不计算 impervious_pct。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="86"/>
        <source>Hydrologic soil group of each land-cover polygon: A, B, C, D or 1–4. Polygons with other values have no curve number. Empty: the default soil group everywhere.</source>
        <translation>每个土地覆被面的水文土壤组：A、B、C、D 或 1–4。取其他值的面没有径流曲线数。留空：处处采用默认水文土壤组。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="90"/>
        <source>Design rainfall (mm)</source>
        <translation>设计降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="90"/>
        <source>Rainfall depth of the design storm, in millimetres (sponge-city design rainfall of the target annual runoff control rate; about 25 mm for 75 % in a Jiaxing-like climate).</source>
        <translation>设计暴雨的降雨深度，单位毫米（对应目标年径流总量控制率的海绵城市设计降雨量；类似嘉兴的气候下 75 % 约为 25 mm）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="95"/>
        <source>Share of the storm to retain (0–1)</source>
        <translation>须滞留的暴雨比例（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="95"/>
        <source>A cover counts towards sponge_area_pct where its retention is at least this (0.7: 70 % of the rainfall absorbed on site).</source>
        <translation>滞留比例不低于该值的覆被计入 sponge_area_pct（0.7：70 % 的降雨就地消纳）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="100"/>
        <source>LID storage field of the zones (m³)</source>
        <translation>分区的 LID 调蓄容积字段（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="100"/>
        <source>Storage of the LID measures in each zone (bioretention, permeable paving, green roofs, tanks), e.g. provided_m3 of Sponge-city rainfall capture: it holds runoff, which then counts as retained. Missing or negative values count as 0. Empty: the land cover alone.</source>
        <translation>每个分区内 LID 设施（生物滞留、透水铺装、绿色屋顶、蓄水池）的调蓄容积，例如海绵城市雨水径流控制的 provided_m3：调蓄设施截留径流，截留量计为滞留。缺失或负值按 0 计。留空：只计土地覆被。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="107"/>
        <source>Land-cover shares</source>
        <translation>土地覆被占比</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="107"/>
        <source>The zones with cover_m2, impervious_pct, sponge_area_pct, retention and cover_pct added.</source>
        <translation>添加了 cover_m2、impervious_pct、sponge_area_pct、retention 和 cover_pct 的分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="109"/>
        <source>Impervious share over all zones (%)</source>
        <translation>全部分区的不透水比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="110"/>
        <source>Share retaining the design storm over all zones (%)</source>
        <translation>全部分区中可滞留设计暴雨的面积比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="112"/>
        <source>Storm retention over all zones (0–1)</source>
        <translation>全部分区的暴雨滞留比例（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="119"/>
        <source>Choose the class field of “{layer}”.</source>
        <translation>请选择“{layer}”的类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="124"/>
        <source>No impervious classes given: impervious_pct stays empty (NULL).</source>
        <translation>未指定不透水类型：impervious_pct 为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="162"/>
        <source>Land cover of each zone: impervious share, share retaining {s:.0%} of a {p} mm design storm and the storm retained (SCS curve number, λ = {lam}, curve numbers from {path}). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>各分区的土地覆被：不透水比例、可滞留 {p} mm 设计暴雨 {s:.0%} 的面积比例以及暴雨滞留比例（SCS 径流曲线数法，λ = {lam}，径流曲线数取自 {path}）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="175"/>
        <source>{n} zones have a missing or negative {field}: no LID storage there.</source>
        <translation>{n} 个分区的 {field} 缺失或为负：这些分区不计 LID 调蓄。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="179"/>
        <source>LID storage ({field}): {held:,.1f} of {total:,.1f} m³ hold runoff of the {p:g} mm storm in {n} zones, counted as retained.</source>
        <translation>LID 调蓄（{field}）：{total:,.1f} m³ 中有 {held:,.1f} m³ 在 {n} 个分区内截留 {p:g} mm 暴雨的径流，计为滞留。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="190"/>
        <source>{n} zones are less than {min:.0%} covered by land cover (the land cover covers only {shares} % of the zone): their impervious_pct, sponge_area_pct and retention are not assessed (NULL), as shares of so little of the zone would say little about it; cover_pct gives each zone&apos;s share.</source>
        <translation>{n} 个分区的土地覆被覆盖不到 {min:.0%}（土地覆被仅覆盖分区的 {shares} %）：其 impervious_pct、sponge_area_pct 和 retention 未评估（NULL），因为只占分区很小部分的比例说明不了整个分区；cover_pct 给出各分区的覆盖比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="201"/>
        <source>{n} land-cover polygons have a class or soil group the curve number table cannot match ({values}): they count in cover_m2 and impervious_pct but not in sponge_area_pct and retention.</source>
        <translation>{n} 个土地覆被面的类型或水文土壤组无法与径流曲线数表匹配（{values}）：它们计入 cover_m2 和 impervious_pct，但不计入 sponge_area_pct 和 retention。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="206"/>
        <source>No land-cover polygon of “{layer}” has an impervious class ({classes}): check the classes against the values of the class field.</source>
        <translation>“{layer}”中没有任何土地覆被面属于不透水类型（{classes}）：请对照类型字段的取值检查这些类型。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="211"/>
        <source>{n} land-cover polygons lie outside every zone.</source>
        <translation>{n} 个土地覆被面位于所有分区之外。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="213"/>
        <source>{n} invalid land-cover geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效的土地覆被几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_cover_shares.py" line="217"/>
        <source>{n} zones hold no land cover: their shares stay empty (NULL).</source>
        <translation>{n} 个分区内没有土地覆被：其占比为空（NULL）。</translation>
    </message>
</context>
<context>
    <name>LandUseMix</name>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="48"/>
        <source>Land-use mix and intensity</source>
        <translation>用地混合度与开发强度</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="51"/>
        <source>Measures how mixed and how intense the land use of each planning unit is.

Each land-use polygon (e.g. a parcel) is cut by the units: a parcel straddling two units gives each the area inside it, and its floor area, residents and jobs are split in proportion to that area.

Land-use entropy H = −Σ p_j ln p_j / ln K, p_j being the share of the unit's classified land in category j (Cervero &amp; Kockelman 1997; Frank et al. 2004). 0 = one use, 1 = K uses in equal shares. K is the number of categories considered: all categories present in the study area (the units), those present in the unit itself, or a fixed number; results differ, so lum_k and the log state the K used. HHI = Σ p_j².

Categories: the land-use field as it is, or its first N characters (2 gives the first-level class of a Chinese land-use code: 0701 → 07). An optional category field wins where it is filled. Listed categories (e.g. 17 water, 12 roads) are left out of the mix and of the land area.

far = Σ gross floor area / land area (the unit less its left-out categories); floor area is the GFA field where above 0, else FAR field × parcel area. density_pph = residents per hectare of unit. jobs_housing = jobs / (residents × resident workers per resident); with the default share 1 it is jobs per resident. Fields are NULL where their inputs are not given or a denominator is 0.

Areas are true areas: units in a geographic CRS or Web Mercator are measured in the UTM zone of their centre.

Output: the units with lum_entropy (0–1), lum_k (categories), lum_hhi (0–1), far (m²/m²), density_pph (persons/ha), jobs_housing (ratio). MEAN_ENTROPY: mean entropy weighted by unit area.</source>
        <translation>衡量每个规划单元用地的混合程度和开发强度。

每个用地面（如地块）按单元切分：跨两个单元的地块按各自落入的面积分配给两个单元，其建筑面积、居民和就业岗位按面积比例拆分。

用地信息熵 H = −Σ p_j ln p_j / ln K，p_j 为单元已分类用地中类别 j 的占比（Cervero &amp; Kockelman 1997；Frank et al. 2004）。0 = 单一用途，1 = K 种用途等比例分布。K 为参与计算的类别数：研究区（全部单元）中出现的所有类别、单元自身出现的类别，或固定数目；结果会因此不同，故 lum_k 和日志会注明所用的 K。HHI = Σ p_j²。

类别：直接采用用地字段的值，或取其前 N 个字符（取 2 即得到国土空间用地用海分类代码的一级类：0701 → 07）。可选的类别字段有值时优先采用。列出的类别（如 17 水域、12 道路）不计入混合度和用地面积。

far = Σ 建筑面积 / 用地面积（单元面积扣除不计入的类别）；建筑面积在建筑面积字段大于 0 时取该字段，否则为容积率字段 × 地块面积。density_pph = 单元每公顷居民数。jobs_housing = 就业岗位 / （居民数 × 人均就业居民数）；默认比例为 1 时即为人均就业岗位数。输入未提供或分母为 0 时，相应字段为 NULL。

面积为真实面积：地理坐标参考系或 Web Mercator 的单元在其中心所在的 UTM 带中量算。

输出：添加了 lum_entropy（0–1）、lum_k（类别数）、lum_hhi（0–1）、far（m²/m²）、density_pph（人/ha）、jobs_housing（比值）字段的单元。MEAN_ENTROPY：按单元面积加权的平均信息熵。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="78"/>
        <source>Land use</source>
        <translation>用地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="78"/>
        <source>Land-use polygons, e.g. parcels, each with a land-use code.</source>
        <translation>用地面，如地块，每个面带有用地代码。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="80"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="80"/>
        <source>The units to measure (polygons); the output is these units.</source>
        <translation>需要计算的单元（面）；输出即为这些单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="82"/>
        <source>Land-use field</source>
        <translation>用地字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="82"/>
        <source>Land-use code or class of each polygon (e.g. 0701, or residential). Keep codes as text: a number field loses leading zeros.</source>
        <translation>每个面的用地代码或类别（如 0701 或 residential）。代码请以文本存储：数值型字段会丢失前导零。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="87"/>
        <source>Category field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="87"/>
        <source>A field mapping each polygon to a coarser category; where filled it is used as it is instead of the land-use field.</source>
        <translation>将每个面归入较粗类别的字段；有值时直接采用，替代用地字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="92"/>
        <source>Leading characters of the code that make the category</source>
        <translation>构成类别的代码前导字符数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="92"/>
        <source>0 uses the land-use value as it is; 2 groups codes by their first two characters (0701, 0703 → 07).</source>
        <translation>0 表示直接采用用地值；2 表示按代码前两位归类（0701、0703 → 07）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="97"/>
        <source>Categories to leave out (comma-separated)</source>
        <translation>不计入的类别（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="97"/>
        <source>Categories counted neither in the mix nor in the land area, e.g. “17, 12” for water and roads with two-character categories. They must match the category exactly.</source>
        <translation>既不计入混合度也不计入用地面积的类别，如采用两位类别时以“17, 12”表示水域和道路。须与类别完全一致。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="101"/>
        <source>Number of categories K in the entropy</source>
        <translation>信息熵中的类别数 K</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="101"/>
        <source>All categories present in the study area</source>
        <translation>研究区中出现的所有类别</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="101"/>
        <source>Categories present in the unit</source>
        <translation>单元中出现的类别</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="101"/>
        <source>A fixed number (K fixed)</source>
        <translation>固定数目（固定 K）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="101"/>
        <source>The study area is the set of units. Comparing units needs one K for all: keep the default or a fixed K.</source>
        <translation>研究区即全部单元。比较各单元需要统一的 K：请保留默认值或使用固定 K。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="108"/>
        <source>K fixed</source>
        <translation>固定 K</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="108"/>
        <source>The number of categories K when K is fixed (e.g. the classes a plan distinguishes).</source>
        <translation>K 固定时的类别数（如规划所区分的类别数）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="112"/>
        <source>Floor area ratio field</source>
        <translation>容积率字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="112"/>
        <source>Floor area ratio (容积率) of each polygon; floor area = FAR × its area.</source>
        <translation>每个面的容积率；建筑面积 = 容积率 × 面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="116"/>
        <source>Gross floor area field (m²)</source>
        <translation>建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="116"/>
        <source>Gross floor area of each polygon; where above 0 it wins over the FAR field.</source>
        <translation>每个面的建筑面积；大于 0 时优先于容积率字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="120"/>
        <source>Residents field</source>
        <translation>居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="120"/>
        <source>Residents of each polygon; missing values count as 0.</source>
        <translation>每个面的居民数；缺失值按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="124"/>
        <source>Jobs field</source>
        <translation>就业岗位字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="124"/>
        <source>Jobs located in each polygon; with residents it gives the jobs–housing ratio.</source>
        <translation>位于每个面内的就业岗位数；与居民数一起计算职住比。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="128"/>
        <source>Resident workers per resident</source>
        <translation>人均就业居民数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="128"/>
        <source>Employed residents per resident, to turn residents into resident workers. 1 gives jobs per resident; a local employment rate gives the jobs–housing ratio (职住比), balanced near 1.</source>
        <translation>就业居民占居民的比例，用于将居民数换算为就业居民数。取 1 时得到人均就业岗位数；采用本地就业率时得到职住比，接近 1 为平衡。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="134"/>
        <source>Land-use mix</source>
        <translation>用地混合度</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="134"/>
        <source>The planning units with lum_entropy, lum_k, lum_hhi, far, density_pph and jobs_housing added.</source>
        <translation>添加了 lum_entropy、lum_k、lum_hhi、far、density_pph 和 jobs_housing 字段的规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="137"/>
        <source>Codes of GB 50137 or of the third land survey (三调) read as 2023 codes (resources/factors/landuse_crosswalk.csv) fall into the same first-level classes as 2023 codes do; codes the crosswalk does not know count as having no category.</source>
        <translation>GB 50137 或第三次全国国土调查（三调）的代码经对照表（resources/factors/landuse_crosswalk.csv）读作 2023 代码后，与 2023 代码归入相同的一级类；对照表中查不到的代码视为没有类别。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="141"/>
        <source>Mean land-use entropy (area-weighted)</source>
        <translation>用地信息熵平均值（面积加权）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="145"/>
        <source>A fixed K must be 2 or more (given: {value}).</source>
        <translation>固定 K 必须不小于 2（当前值：{value}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="146"/>
        <source>Unknown choice of K: {value}.</source>
        <translation>未知的 K 选项：{value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="147"/>
        <source>The number of leading characters cannot be negative.</source>
        <translation>前导字符数不能为负值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="148"/>
        <source>Resident workers per resident must be above 0.</source>
        <translation>人均就业居民数必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="168"/>
        <source>K is set to a fixed number but “K fixed” is empty: give the number of categories.</source>
        <translation>K 设为固定数目，但“固定 K”为空：请填写类别数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="172"/>
        <source>The land-use field is numeric: codes that lost their leading zero (701) are read as 0701 before their first {n} characters are taken.</source>
        <translation>用地字段为数值型：丢失前导零的代码（701）先按 0701 读取，再取其前 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="180"/>
        <source>Land-use codes are read as {scheme} and translated to 用地用海分类 2023 codes through {path}.</source>
        <translation>用地代码按{scheme}读取，并经 {path} 转换为用地用海分类 2023 代码。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="191"/>
        <source>{n} invalid unit geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效单元几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="195"/>
        <source>The land-use layer is reprojected from {a} to {b} for the overlay.</source>
        <translation>用地图层已从 {a} 重投影至 {b} 用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="218"/>
        <source>{n} polygons have a land-use code that the crosswalk does not know ({codes}): they have no category.</source>
        <translation>有 {n} 个面的用地代码在对照表中查不到（{codes}）：视为没有类别。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="225"/>
        <source>No classified land-use polygon of “{layer}” overlaps the planning units. Check that both layers cover the same place and that the land-use field is filled.</source>
        <translation>“{layer}”中没有已分类的用地面与规划单元重叠。请检查两个图层是否覆盖同一区域，以及用地字段是否已填写。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="244"/>
        <source>Land-use mix per planning unit: entropy −Σ p ln p / ln K ({k}), HHI Σ p², floor area ratio, residents per hectare and jobs–housing ratio. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>规划单元用地混合度：信息熵 −Σ p ln p / ln K（{k}）、HHI Σ p²、容积率、每公顷居民数和职住比。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="252"/>
        <source>K = {k}, all categories present in the study area</source>
        <translation>K = {k}，研究区中出现的所有类别</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="254"/>
        <source>K = categories present in each unit, {low} to {high}</source>
        <translation>K = 各单元中出现的类别数，{low} 至 {high}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="256"/>
        <source>K fixed at {k}</source>
        <translation>K 固定为 {k}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="261"/>
        <source>Entropy uses {ktext}. Categories in the study area ({n}): {cats}.</source>
        <translation>信息熵采用 {ktext}。研究区中的类别（{n} 个）：{cats}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="264"/>
        <source>Left out of the mix and the land area: {cats} ({n} polygons).</source>
        <translation>不计入混合度和用地面积：{cats}（{n} 个面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="268"/>
        <source>{n} land-use polygons have no land-use value and are left out of the mix.</source>
        <translation>{n} 个用地面没有用地值，不计入混合度。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="271"/>
        <source>{n} land-use polygons lie outside every planning unit.</source>
        <translation>{n} 个用地面不在任何规划单元内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="274"/>
        <source>{n} land-use polygons have neither a floor area nor a FAR value: their floor area counts as 0.</source>
        <translation>{n} 个用地面既无建筑面积也无容积率值：其建筑面积按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="277"/>
        <source>{n} units have more categories than the fixed K: their entropy can exceed 1.</source>
        <translation>{n} 个单元的类别数多于固定 K：其信息熵可能大于 1。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="281"/>
        <source>{n} units hold no classified land: their entropy is NULL.</source>
        <translation>{n} 个单元没有已分类用地：其信息熵为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="284"/>
        <source>{n} invalid land-use geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效用地几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="287"/>
        <source>{a:,.0f} of {b:,.0f} residents lie inside the planning units.</source>
        <translation>{b:,.0f} 名居民中有 {a:,.0f} 名位于规划单元内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/land_use_mix.py" line="289"/>
        <source>Mean land-use entropy, weighted by unit area: {m:.3f}.</source>
        <translation>按单元面积加权的用地信息熵平均值：{m:.3f}。</translation>
    </message>
</context>
<context>
    <name>LanduseCodes</name>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="78"/>
        <source>Land-use codes to 用地用海分类 2023 (GB 50137, 三调)</source>
        <translation>用地代码转为用地用海分类 2023（GB 50137、三调）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="81"/>
        <source>Reads each parcel's land-use code in the classification it is written in and adds the toolkit's canonical code of the 2023 用地用海分类 (国土空间调查、规划、用途管制用地用海分类指南), its group and the land cover it counts as. Run it on parcels coded in GB 50137-2011 (R2, A33) or in the third land survey's classes (三调, GB/T 21010-2017: 0701, 05H1, 1104A) so that the standards profiles' applies_to, which are written in 用地用海 codes, apply to them as to parcels coded in 2023 codes (Planning check: choose lu_code as the land-use field), and so that Carbon stock, Stormwater runoff or Land-cover shares can read lucode.

Codes are read whether stored as text or as numbers: 701, 701.0 and 0701 are one code. The same digits mean different land in 三调 and in the 2023 classification (0601 industry or rural roads, 1101 rivers or storage), so choose the classification: it cannot be guessed.

The crosswalk (resources/factors/landuse_crosswalk.csv, editable) matches each code by its longest listed prefix (R21, 0201K and 1104A find R21, 0201 and 1104).

Output fields: lu_code (用地用海 2023 code; NULL where the code is unknown or its class spans several 2023 classes, as GB 50137 E2), lu_name (its Chinese name), lu_group (residential, public_service, commercial, industrial, storage, transport, utilities, green, special, reserved, water, wetland, farmland, garden, forest, grassland, agri_facility, sea, other), lu_constr (1 construction land, 0 not), lucode (land cover of the shipped carbon and curve-number tables: 1 built_up, 2 road, 3 water, 4 park_green, 5 tree_cover, 6 cropland, 7 bare).</source>
        <translation>按用地代码所采用的分类读取各地块的用地代码，并添加工具箱采用的 2023 年用地用海分类（国土空间调查、规划、用途管制用地用海分类指南）标准代码、所属类组及其对应的地表覆盖。对采用 GB 50137-2011（R2、A33）或第三次全国国土调查分类（三调，GB/T 21010-2017：0701、05H1、1104A）编码的地块运行本算法，可使以用地用海代码编写的标准配置 applies_to 对这些地块与对采用 2023 代码的地块同样适用（规划检查：选择 lu_code 作为用地字段），也可使碳储量、雨水径流或地表覆盖占比读取 lucode。

代码无论以文本还是数值存储均可读取：701、701.0 和 0701 是同一代码。相同的数字在三调和 2023 分类中表示不同用地（0601 为工业或乡村道路，1101 为河流或仓储），因此须选择分类：无法推断。

对照表（resources/factors/landuse_crosswalk.csv，可编辑）按所列最长前缀匹配每个代码（R21、0201K 和 1104A 分别匹配 R21、0201 和 1104）。

输出字段：lu_code（用地用海 2023 代码；代码未知或其类别对应多个 2023 类别时为 NULL，如 GB 50137 的 E2）、lu_name（中文名称）、lu_group（residential 居住、public_service 公共管理与服务、commercial 商业服务、industrial 工矿、storage 仓储、transport 交通运输、utilities 公用设施、green 绿地与开敞空间、special 特殊用地、reserved 留白、water 水域、wetland 湿地、farmland 耕地、garden 园地、forest 林地、grassland 草地、agri_facility 农业设施建设用地、sea 海域、other 其他）、lu_constr（1 为建设用地，0 为非建设用地）、lucode（随插件提供的碳储量表和曲线数表中的地表覆盖：1 built_up 建成区、2 road 道路、3 water 水体、4 park_green 公园绿地、5 tree_cover 林木、6 cropland 耕地、7 bare 裸地）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="103"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="103"/>
        <source>Parcels (or any features, or a table) with a land-use code.</source>
        <translation>带有用地代码的地块（或任意要素、属性表）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="106"/>
        <source>Land-use code field</source>
        <translation>用地代码字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="106"/>
        <source>The field holding the codes, as text or as numbers.</source>
        <translation>存放用地代码的字段，文本或数值均可。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="110"/>
        <source>Classification of the codes</source>
        <translation>用地代码的分类</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="110"/>
        <source>Which classification the codes are written in.</source>
        <translation>用地代码采用哪种分类编写。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="113"/>
        <source>Land-use crosswalk (CSV)</source>
        <translation>用地代码对照表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="113"/>
        <source>Replaces the shipped crosswalk: columns scheme (ydyh, gb50137, sandiao), code, ydyh_code, lu_group, construction, lucode and optionally name_zh.</source>
        <translation>替换随插件提供的对照表：列为 scheme（ydyh、gb50137、sandiao）、code、ydyh_code、lu_group、construction、lucode，以及可选的 name_zh。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="117"/>
        <source>Parcels with canonical codes</source>
        <translation>带标准用地代码的地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="117"/>
        <source>The input with lu_code, lu_name, lu_group, lu_constr and lucode added.</source>
        <translation>添加了 lu_code、lu_name、lu_group、lu_constr 和 lucode 的输入图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="119"/>
        <source>Features whose code the crosswalk knows</source>
        <translation>代码可在对照表中查到的要素数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="120"/>
        <source>Features whose code it does not know</source>
        <translation>代码在对照表中查不到的要素数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="129"/>
        <source>Choose the field that holds the land-use codes.</source>
        <translation>请选择存放用地代码的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="141"/>
        <source>“{layer}”: {n} of {total} codes of “{field}” read as {scheme} through {path}.</source>
        <translation>“{layer}”：“{field}”的 {total} 个代码中有 {n} 个按{scheme}经 {path} 读取。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="148"/>
        <source>“{layer}”: {n} features have a code of “{field}” that the crosswalk does not know: {codes}. Their lu_code, lu_group and lucode are left empty.</source>
        <translation>“{layer}”：有 {n} 个要素的“{field}”代码在对照表中查不到：{codes}。其 lu_code、lu_group 和 lucode 留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="155"/>
        <source>“{layer}”: {n} features have no code in “{field}”: their lu_code, lu_group and lucode are left empty.</source>
        <translation>“{layer}”：{n} 个要素的“{field}”没有代码：其 lu_code、lu_group 和 lucode 留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="160"/>
        <source>{n} features have a class that spans several 2023 classes (such as GB 50137 E2 or H): lu_code is empty, lu_group and lu_constr are set.</source>
        <translation>有 {n} 个要素的类别对应多个 2023 类别（如 GB 50137 的 E2 或 H）：lu_code 留空，lu_group 和 lu_constr 已填写。</translation>
    </message>
</context>
<context>
    <name>LanduseSchemes</name>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="37"/>
        <source>Land-use codes are written in</source>
        <translation>用地代码的分类</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="37"/>
        <source>As written (用地用海分类 2023, GB 50137-2011 or any own codes)</source>
        <translation>按原样读取（用地用海分类 2023、GB 50137-2011 或自定义代码）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="37"/>
        <source>GB 50137-2011, read as 用地用海分类 2023 codes through the crosswalk</source>
        <translation>GB 50137-2011，经对照表读作用地用海分类 2023 代码</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="37"/>
        <source>三调 工作分类 / GB/T 21010-2017, read as 用地用海分类 2023 codes through the crosswalk</source>
        <translation>三调工作分类 / GB/T 21010-2017，经对照表读作用地用海分类 2023 代码</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="51"/>
        <source>用地用海分类 2023 (letter codes such as R2 as GB 50137-2011)</source>
        <translation>用地用海分类 2023（R2 等字母代码按 GB 50137-2011）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="52"/>
        <source>GB 50137-2011 城市用地分类</source>
        <translation>GB 50137-2011 城市用地分类</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="53"/>
        <source>三调 工作分类 / GB/T 21010-2017 土地利用现状分类</source>
        <translation>三调工作分类 / GB/T 21010-2017 土地利用现状分类</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="57"/>
        <source>The land-use crosswalk {path}, line {line}: scheme “{value}” is not one of {known}.</source>
        <translation>用地代码对照表 {path} 第 {line} 行：scheme “{value}” 不是 {known} 之一。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/landuse_codes.py" line="59"/>
        <source>The land-use crosswalk {path}, line {line}: {column} “{value}” must be a whole number ≥ 0 (construction: 0 or 1) or empty.</source>
        <translation>用地代码对照表 {path} 第 {line} 行：{column} “{value}” 必须为 ≥ 0 的整数（construction 为 0 或 1）或留空。</translation>
    </message>
</context>
<context>
    <name>LayersPage</name>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="21"/>
        <source>Layers and fields</source>
        <translation>图层与字段</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="22"/>
        <source>Choose the project layer for each input and the fields to read. Guesses from the field names are filled in: check them.</source>
        <translation>为每项输入选择项目中的图层及要读取的字段。已根据字段名自动填入推测的字段：请逐一核对。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="50"/>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="88"/>
        <source>Design values</source>
        <translation>设计参数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="103"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="187"/>
        <source>→ {purpose}</source>
        <translation>→ 用途：{purpose}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="109"/>
        <source>(optional) {purpose}</source>
        <translation>（可选）{purpose}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="189"/>
        <source>(optional, not used) {purpose}</source>
        <translation>（可选，未使用）{purpose}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="191"/>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;required:&lt;/span&gt; {purpose}</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;必填：&lt;/span&gt;{purpose}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="197"/>
        <source>… and {n} more.</source>
        <translation>……另有 {n} 项。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="212"/>
        <source>Choose a layer for “{role}”.</source>
        <translation>请为“{role}”选择图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="214"/>
        <source>“{layer}” cannot be read: is its file still there?</source>
        <translation>无法读取“{layer}”：其文件是否仍在原处？</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="217"/>
        <source>“{layer}” has no features.</source>
        <translation>“{layer}”中没有要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="219"/>
        <source>“{layer}” is labelled {crs}, longitudes and latitudes, but its coordinates cannot be: its CRS is probably wrong. Set the layer's real CRS (Layer Properties ▸ Source), not a reprojection.</source>
        <translation>“{layer}”标注为 {crs}（经纬度），但其坐标不可能是经纬度：其坐标参考系很可能有误。请设置图层的真实坐标参考系（图层属性 ▸ 源），而不是重投影。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="226"/>
        <source>Choose the field “{field}” of “{layer}”.</source>
        <translation>请选择“{layer}”的“{field}”字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="232"/>
        <source>The file “{path}” does not exist.</source>
        <translation>文件“{path}”不存在。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="234"/>
        <source>Give “{value}”.</source>
        <translation>请填写“{value}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="240"/>
        <source>“{layer}” does not overlap “{units}”: is it the same area?</source>
        <translation>“{layer}”与“{units}”不重叠：两者是否为同一区域？</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_layers.py" line="259"/>
        <source>“{layer}” is in longitudes and latitudes ({crs}): the checks measure its distances and areas in {metric} ({epsg}); the results keep its CRS.</source>
        <translation>“{layer}”为经纬度（{crs}）：核查在 {metric}（{epsg}）中量算其距离和面积；结果保留其坐标参考系。</translation>
    </message>
</context>
<context>
    <name>LcrAlgorithm</name>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="107"/>
        <source>Method, formulas, defaults, sources and limits: the methods document, §{section} (the Help button opens it).</source>
        <translation>方法、公式、默认值、来源与局限：见方法说明文档第 {section} 节（“帮助”按钮可打开）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="197"/>
        <source>The parameters could not be checked ({error}).</source>
        <translation>无法检查参数（{error}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="222"/>
        <source>Low-carbon</source>
        <translation>低碳</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="223"/>
        <source>Resilience</source>
        <translation>韧性</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="224"/>
        <source>Planning checks</source>
        <translation>规划检查</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="225"/>
        <source>Plan measures</source>
        <translation>规划措施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="226"/>
        <source>Data preparation</source>
        <translation>数据准备</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="267"/>
        <source>{parameter}: {value} is not a usable number.</source>
        <translation>{parameter}：{value} 不是可用的数值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="305"/>
        <source>{parameter}: {path} is the file of the input “{input}”: writing the output there would delete the input. Choose another file name.</source>
        <translation>{parameter}：{path} 是输入“{input}”的文件，把输出写到这里会删除该输入。请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="322"/>
        <source>{parameter} ({name}): “{value}” is none of its options ({options}).</source>
        <translation>{parameter}（{name}）：“{value}”不是可选项之一（{options}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="343"/>
        <source>{parameter}: “{path}” cannot be a file name: it holds a character no file name can hold (a null character, or one the system cannot encode).</source>
        <translation>{parameter}：“{path}”不能作为文件名：其中有文件名不能含有的字符（空字符，或系统无法编码的字符）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="350"/>
        <source>{parameter}: {path} is a file, not a folder: choose another file name.</source>
        <translation>{parameter}：{path} 是文件而不是文件夹：请另选文件名。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="372"/>
        <source>{parameter}: “{given}” names no folder; it is written to {path}.</source>
        <translation>{parameter}：“{given}”未包含文件夹，写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="381"/>
        <source>{parameter}: cannot make the folder {folder} ({reason}).</source>
        <translation>{parameter}：无法创建文件夹 {folder}（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="416"/>
        <source>Cancelled. The run gives no result and no totals; the outputs it had begun were removed.</source>
        <translation>已取消。本次运行不给出结果和合计值；已开始写入的输出已删除。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="433"/>
        <source>{output} could not be measured (no usable values); it is left empty.</source>
        <translation>无法计算{output}（没有可用的值），该项留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="449"/>
        <source>Removed the unfinished output {path}.</source>
        <translation>已删除未完成的输出 {path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="465"/>
        <source>{step} would need about {need:.1f} GB of memory, more than the {limit:.1f} GB one step may take on this computer ({share:.0%} of its {total:.1f} GB). {advice}</source>
        <translation>{step}约需 {need:.1f} GB 内存，超过本机单个步骤可用的 {limit:.1f} GB（本机 {total:.1f} GB 的 {share:.0%}）。{advice}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="480"/>
        <source>Using your own factor table {path} instead of the shipped {name} (Settings ▸ factor tables).</source>
        <translation>正在使用您自己的因子表 {path}，替代工具箱自带的 {name}（设置 ▸ 因子表）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="486"/>
        <source>The grid factor table has no region “{region}”.</source>
        <translation>电网排放因子表中没有区域“{region}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="487"/>
        <source>The grid factor table has no {year} value for {region}; it has: {years}.</source>
        <translation>电网排放因子表中没有 {region} 的 {year} 年数值；现有年份：{years}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="489"/>
        <source>Cannot read the table {path}: {reason}</source>
        <translation>无法读取表格 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="490"/>
        <source>The table {path} lacks the column(s) {columns}.</source>
        <translation>表格 {path} 缺少列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="491"/>
        <source>The table {path} has no rows.</source>
        <translation>表格 {path} 没有数据行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="492"/>
        <source>The table {path}, line {line}: “{value}” in column {column} is not a number ≥ 0.</source>
        <translation>表格 {path} 第 {line} 行：{column} 列中的“{value}”不是 ≥ 0 的数值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="494"/>
        <source>The table {path}, line {line}: “{value}” appears twice.</source>
        <translation>表格 {path} 第 {line} 行：“{value}”重复出现。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="495"/>
        <source>The table {path}, line {line}: {column} must increase from row to row.</source>
        <translation>表格 {path} 第 {line} 行：{column} 必须逐行递增。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="497"/>
        <source>The table {path}, line {line}: {column} must lie between 0 and 1.</source>
        <translation>表格 {path} 第 {line} 行：{column} 必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="499"/>
        <source>The table has no row named “{fallback}” for the values it does not list: {values}. Add those values or a “{fallback}” row.</source>
        <translation>表格中没有名为“{fallback}”的行，无法处理表中未列出的值：{values}。请添加这些值，或添加一行“{fallback}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="502"/>
        <source>The table {path} is not a text file in UTF-8 or GBK/GB 18030: save it as CSV UTF-8.</source>
        <translation>表格 {path} 不是 UTF-8 或 GBK/GB 18030 编码的文本文件：请另存为“CSV UTF-8”格式。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="504"/>
        <source>The table {path}, line {line}: {value} in column {column} is too large to be a real value.</source>
        <translation>表格 {path} 第 {line} 行：{column} 列中的 {value} 过大，不可能是真实数值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="506"/>
        <source>The default number of floors must be above 0.</source>
        <translation>默认层数必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="507"/>
        <source>Emission factors cannot be negative.</source>
        <translation>排放因子不能为负值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="510"/>
        <source>The shelter standards table {path} needs a row named “default”.</source>
        <translation>避难场所标准表 {path} 须有一行名为“default”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="512"/>
        <source>The curve number table {path} needs a key column: lucode (land-cover code) or class (name).</source>
        <translation>径流曲线数表 {path} 需要一个键列：lucode（土地覆被代码）或 class（名称）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="514"/>
        <source>The curve number table {path}, line {line}: lucode “{value}” is not a whole number ≥ 0.</source>
        <translation>径流曲线数表 {path} 第 {line} 行：lucode“{value}”不是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="516"/>
        <source>The curve number table {path}, line {line}: a curve number is above 100.</source>
        <translation>径流曲线数表 {path} 第 {line} 行：径流曲线数大于 100。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="518"/>
        <source>The curve number table {path} has no lucode column, so it cannot match integer class codes. Add a lucode column, or choose a text class field.</source>
        <translation>径流曲线数表 {path} 没有 lucode 列，无法匹配整数类型代码。请添加 lucode 列，或选择文本型类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="539"/>
        <source>National average</source>
        <translation>全国平均</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="540"/>
        <source>North China grid (Beijing, Tianjin, Hebei, Shanxi, Shandong, west Inner Mongolia)</source>
        <translation>华北电网（北京、天津、河北、山西、山东、内蒙古西部）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="541"/>
        <source>North-East grid</source>
        <translation>东北电网</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="542"/>
        <source>East China grid (Shanghai, Jiangsu, Zhejiang, Anhui, Fujian)</source>
        <translation>华东电网（上海、江苏、浙江、安徽、福建）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="543"/>
        <source>Central China grid</source>
        <translation>华中电网</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="544"/>
        <source>North-West grid (Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang)</source>
        <translation>西北电网（陕西、甘肃、青海、宁夏、新疆）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="545"/>
        <source>South grid</source>
        <translation>南方电网</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="546"/>
        <source>South-West grid</source>
        <translation>西南电网</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="547"/>
        <source>National, excluding market-traded non-fossil power</source>
        <translation>全国（不含市场化交易的非化石能源电量）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="548"/>
        <source>National fossil-fuel power</source>
        <translation>全国化石能源电力</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="549"/>
        <source>Hebei province</source>
        <translation>河北省</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="550"/>
        <source>Fujian province</source>
        <translation>福建省</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="551"/>
        <source>Shanghai municipality</source>
        <translation>上海市</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="552"/>
        <source>Zhejiang province</source>
        <translation>浙江省</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="553"/>
        <source>Jiangsu province</source>
        <translation>江苏省</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="554"/>
        <source>Shaanxi province</source>
        <translation>陕西省</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="558"/>
        <source>Electricity grid region</source>
        <translation>电网区域</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="558"/>
        <source>Whose grid emission factor to use (MEE/NBS announcements). Where a provincial factor is published, use it rather than the regional grid&apos;s: Shanghai; Zhejiang for Jiaxing; Jiangsu; Fujian for Xiamen (its 2022 factor is 27 % below the East China grid&apos;s); Shaanxi for Xi&apos;an; Hebei for Xiong&apos;an. The regional grids are for other provinces. 2021 regional and provincial values are marked unverified (read in a third-party data file).</source>
        <translation>采用哪个电网排放因子（生态环境部、国家统计局公告）。已发布省级因子的，应采用省级因子而非区域电网因子：上海；嘉兴用浙江；江苏；厦门用福建（其 2022 年因子比华东电网低 27%）；西安用陕西；雄安用河北。区域电网因子用于其他省份。2021 年区域和省级数值标注为未核实（读自第三方数据文件）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="565"/>
        <source>Grid factor year</source>
        <translation>电网排放因子年份</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="565"/>
        <source>Year of the grid factor. Empty: the latest year published for the region.</source>
        <translation>电网排放因子的年份。留空：采用该区域最新发布的年份。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="569"/>
        <source>Grid emission factor (kgCO2/kWh)</source>
        <translation>电网排放因子（kgCO2/kWh）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="569"/>
        <source>A factor of your own. When set it wins over the region and year.</source>
        <translation>自定义排放因子。填写后优先于区域和年份。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="578"/>
        <source>Grid factor {f} kgCO2/kWh, as given.</source>
        <translation>电网排放因子 {f} kgCO2/kWh（用户指定）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="589"/>
        <source>Grid factor {f} kgCO2/kWh: {region}, {year}. Source: {source}.</source>
        <translation>电网排放因子 {f} kgCO2/kWh：{region}，{year} 年。来源：{source}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="592"/>
        <source>This grid factor is marked unverified.</source>
        <translation>该电网排放因子标注为未核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="614"/>
        <source>“{layer}” holds {kind} geometries; {parameter} needs {expected} geometries.</source>
        <translation>“{layer}”的几何类型为 {kind}；{parameter} 需要 {expected} 几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="620"/>
        <source>Closed lines, such as the outlines of a CAD drawing (DXF), become polygons with Processing's “Lines to polygons” or “Polygonize”.</source>
        <translation>闭合线（如 CAD 图纸（DXF）中的轮廓线）可用处理工具箱的“线转多边形”或“多边形化”转为多边形。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="626"/>
        <source>“{layer}”: “Selected features only” is ticked for {parameter}, but no feature of the layer is selected. Select the features to use, or untick it.</source>
        <translation>“{layer}”：{parameter} 勾选了“仅选中的要素”，但该图层没有选中任何要素。请选择要使用的要素，或取消勾选。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="630"/>
        <source>“{layer}” has no features.</source>
        <translation>“{layer}”中没有要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="671"/>
        <source>“{cut}” is read as “{flag}”, the flag of values of “{field}” that rest on defaults (a Shapefile keeps 10 bytes of a name).</source>
        <translation>“{cut}”按“{flag}”读取，即“{field}”中依赖默认值的取值标记（Shapefile 的字段名只保留 10 个字节）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="694"/>
        <source>Field “{field}” is not in “{layer}”. Its fields are: {fields}.</source>
        <translation>“{layer}”中没有字段“{field}”。该图层的字段有：{fields}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="700"/>
        <source>Field “{field}” of “{layer}” must be numeric; it holds {kind}.</source>
        <translation>“{layer}”的字段“{field}”必须为数值型，当前为 {kind}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="710"/>
        <source>“{layer}” has no CRS: areas are taken as planar, in square metres.</source>
        <translation>“{layer}”未设置坐标参考系：面积按平面坐标计算，单位视为平方米。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="716"/>
        <source>Areas are measured in {target} because {crs} would distort them.</source>
        <translation>面积在 {target} 中量算，因为 {crs} 会使面积失真。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="721"/>
        <source>Areas are measured in the layer&apos;s CRS {crs}.</source>
        <translation>面积在图层的坐标参考系 {crs} 中量算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="757"/>
        <source>“{layer}” has no CRS: its coordinates are taken as metres.</source>
        <translation>“{layer}”未设置坐标参考系：其坐标视为以米为单位。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="741"/>
        <source>Distances are measured in the buildings&apos; CRS {crs}.</source>
        <translation>距离在建筑图层的坐标参考系 {crs} 中量算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="745"/>
        <source>Distances are measured in {target} because {crs} is not a projected CRS in metres; the outputs keep their layers&apos; CRS.</source>
        <translation>距离在 {target} 中量算，因为 {crs} 不是以米为单位的投影坐标参考系；输出保留各自图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="762"/>
        <source>Areas and distances are measured in the CRS of “{layer}”, {crs}.</source>
        <translation>面积和距离在“{layer}”的坐标参考系 {crs} 中量算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="767"/>
        <source>Areas and distances are measured in {target} because {crs} is not a projected CRS in metres that keeps areas true; the outputs keep their layers&apos; CRS.</source>
        <translation>面积和距离在 {target} 中量算，因为 {crs} 不是以米为单位、能保持面积真实的投影坐标参考系；输出保留各图层原有的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="793"/>
        <source>“{layer}” is measured in its CRS {crs}, which is {error:.1%} off true scale where the layer lies (a CRS made for another area, or used far from its centre): lengths and distances are up to {error:.1%} off and areas about twice that. The results are not corrected: reproject the layers to a CRS made for the place (e.g. its UTM zone) or set them to longitudes and latitudes (EPSG:4326), which are measured in the UTM zone.</source>
        <translation>“{layer}”在其坐标参考系 {crs} 中量算，而该坐标系在图层所在位置的比例误差达 {error:.1%}（该坐标系为别处所设，或此处远离其中心）：长度和距离最多偏差 {error:.1%}，面积约为其两倍。结果未作校正：请将图层重投影到适用于当地的坐标系（例如其 UTM 带），或设为经纬度（EPSG:4326），后者会在 UTM 带中量算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="866"/>
        <source>“{layer}” is labelled {crs}, a projected CRS, but all its coordinates ({xmin:.6g}, {ymin:.6g} – {xmax:.6g}, {ymax:.6g}) lie within ±180 and ±90, like longitudes and latitudes: in {crs} the layer would be a speck of {w:.3g} × {h:.3g} m far from any place its CRS covers. Its CRS is probably wrong: set the layer's real CRS, e.g. EPSG:4326 or EPSG:4490 (Layer Properties ▸ Source, or “Assign projection”), not a reprojection.</source>
        <translation>“{layer}”标注为投影坐标系 {crs}，但其全部坐标（{xmin:.6g}, {ymin:.6g} – {xmax:.6g}, {ymax:.6g}）都在 ±180 与 ±90 以内，就像经纬度：在 {crs} 中该图层只是一个 {w:.3g} × {h:.3g} m 的小点，远离该坐标系覆盖的任何地方。其坐标系很可能标错了：请设置图层真实的坐标系，例如 EPSG:4326 或 EPSG:4490（图层属性 ▸ 源，或“指定投影”），而不是重投影。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="878"/>
        <source>“{layer}” is labelled {crs}, but its coordinates ({xmin:.6g}, {ymin:.6g} – {xmax:.6g}, {ymax:.6g}) cannot be on the Earth in that CRS: its CRS is probably wrong. Set the layer's real CRS (Layer Properties ▸ Source, or “Assign projection”), not a reprojection.</source>
        <translation>“{layer}”标注的坐标系为 {crs}，但其坐标（{xmin:.6g}, {ymin:.6g} – {xmax:.6g}, {ymax:.6g}）在该坐标系下不可能位于地球上：坐标系很可能标错了。请为图层设置其真实的坐标系（图层属性 ▸ 源，或“定义投影”），而不是重投影。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="894"/>
        <source>Its eastings ({xmin:,.0f} – {xmax:,.0f}) begin with the Gauss-Krüger zone number {zone}: on CGCS2000 its CRS is EPSG:{epsg} (“zone {zone}”); set it (Layer Properties ▸ Source) so that it lies with the other layers.</source>
        <translation>其横坐标（{xmin:,.0f} – {xmax:,.0f}）以高斯-克吕格带号 {zone} 开头：在 CGCS2000 下其坐标系为 EPSG:{epsg}（“zone {zone}”，带号坐标）；请设置该坐标系（图层属性 ▸ 源），使其与其他图层对齐。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="917"/>
        <source>“{layer}” is labelled {crs}, but its eastings ({xmin:,.0f} – {xmax:,.0f}) begin with the Gauss-Krüger zone number {zone}, which that CRS does not have: the layer is in a CRS of zone {zone} with the zone number, such as {name} (EPSG:{epsg}); for Xi'an 1980 or Beijing 1954 data choose their “zone {zone}” CRS. Set it as the layer's CRS (Layer Properties ▸ Source, or “Assign projection”), not a reprojection.</source>
        <translation>“{layer}”标注的坐标系为 {crs}，但其横坐标（{xmin:,.0f} – {xmax:,.0f}）以高斯-克吕格带号 {zone} 开头，而该坐标系不含带号：该图层应为第 {zone} 带的带号坐标系，例如 {name}（EPSG:{epsg}）；西安 1980 或北京 1954 数据请选择其“zone {zone}”坐标系。请将其设为图层的坐标系（图层属性 ▸ 源，或“指定投影”），而不是重投影。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="924"/>
        <source>“{layer}” is labelled {crs}, a CRS whose eastings begin with the Gauss-Krüger zone number {zone}, but its eastings ({xmin:,.0f} – {xmax:,.0f}) have no zone number: the layer is in the CRS of the same central meridian without it, such as {name} (EPSG:{epsg}); for Xi'an 1980 or Beijing 1954 data choose their “CM” CRS. Set it as the layer's CRS (Layer Properties ▸ Source, or “Assign projection”), not a reprojection.</source>
        <translation>“{layer}”标注的坐标系为 {crs}，其横坐标应以高斯-克吕格带号 {zone} 开头，但该图层的横坐标（{xmin:,.0f} – {xmax:,.0f}）不含带号：该图层应为同一中央经线、不含带号的坐标系，例如 {name}（EPSG:{epsg}）；西安 1980 或北京 1954 数据请选择其“CM”坐标系。请将其设为图层的坐标系（图层属性 ▸ 源，或“指定投影”），而不是重投影。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="1006"/>
        <source>“{layer}”: {path} does not say its text encoding (it has no .cpg file) and its text is not UTF-8 but GBK, so it is read as GBK (GB 18030), with field names such as “{sample}”. The file is left unchanged; to have every program read it right, put beside it a file {cpg} holding the word GBK.</source>
        <translation>“{layer}”：{path} 未声明文本编码（没有 .cpg 文件），且其文本不是 UTF-8 而是 GBK，因此按 GBK（GB 18030）读取，字段名如“{sample}”。文件保持不变；若要让所有程序都能正确读取，请在其旁边放置一个内容为 GBK 的文件 {cpg}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/base.py" line="1013"/>
        <source>“{layer}”: {path} is opened as UTF-8 but its text is GBK, so it is read as GBK (GB 18030), with field names such as “{sample}”. The file is left unchanged; save it as CSV UTF-8, or choose the encoding GBK when adding it, to read it so everywhere.</source>
        <translation>“{layer}”：{path} 以 UTF-8 打开，但其文本为 GBK，因此按 GBK（GB 18030）读取，字段名如“{sample}”。文件保持不变；若要处处都能正确读取，请将其另存为 CSV UTF-8，或在添加图层时选择 GBK 编码。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="75"/>
        <source>GDAL cannot read “{layer}”.</source>
        <translation>GDAL 无法读取“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="84"/>
        <source>“{layer}” has no CRS: its pixel size is taken as metres.</source>
        <translation>“{layer}”未设置坐标参考系：像元大小视为以米为单位。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="108"/>
        <source>“{layer}” is not a raster file GDAL can read (provider {provider}). Save it as a GeoTIFF and run again.</source>
        <translation>“{layer}”不是 GDAL 可读取的栅格文件（数据提供者 {provider}）。请另存为 GeoTIFF 后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="114"/>
        <source>“{layer}” is in {crs}, where pixels have no fixed area. Reproject it to a projected CRS in metres (Raster ▸ Projections ▸ Warp), e.g. the local CGCS2000 Gauss-Krüger zone, and run again.</source>
        <translation>“{layer}”采用 {crs}，其像元没有固定面积。请将其重投影至以米为单位的投影坐标参考系（栅格 ▸ 投影 ▸ 变形），如当地的 CGCS2000 高斯-克吕格投影带，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="122"/>
        <source>GDAL cannot open “{layer}” ({source}).</source>
        <translation>GDAL 无法打开“{layer}”（{source}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="166"/>
        <source>No zones: the totals cover the whole raster.</source>
        <translation>无分区：汇总结果覆盖整个栅格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="172"/>
        <source>The zones are reprojected from {a} to the raster&apos;s CRS {b}; the output is in {b}.</source>
        <translation>分区已从 {a} 重投影至栅格的坐标参考系 {b}；输出采用 {b}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="177"/>
        <source>{n} invalid zone geometries were repaired.</source>
        <translation>已修复 {n} 个无效分区几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="183"/>
        <source>The zones of “{zones}” do not overlap the raster “{raster}”: check that both cover the same place.</source>
        <translation>“{zones}”的分区与栅格“{raster}”不重叠：请检查两者是否覆盖同一区域。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/raster.py" line="247"/>
        <source>Cannot write the raster {path}.</source>
        <translation>无法写入栅格 {path}。</translation>
    </message>
</context>
<context>
    <name>LcrPlugin</name>
    <message>
        <location filename="../../work/main/plugin.py" line="57"/>
        <source>Low-Carbon &amp; Resilience toolbox</source>
        <translation>低碳与韧性工具箱</translation>
    </message>
    <message>
        <location filename="../../work/main/plugin.py" line="59"/>
        <source>Open the Processing toolbox at the Low-Carbon &amp; Resilience tools</source>
        <translation>打开处理工具箱并定位到低碳与韧性工具</translation>
    </message>
    <message>
        <location filename="../../work/main/plugin.py" line="63"/>
        <source>Planning check wizard…</source>
        <translation>规划检查向导…</translation>
    </message>
    <message>
        <location filename="../../work/main/plugin.py" line="66"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../work/main/plugin.py" line="107"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation>低碳与韧性</translation>
    </message>
    <message>
        <location filename="../../work/main/plugin.py" line="107"/>
        <source>Enable the Processing plugin (Plugins ▸ Manage and Install Plugins) to use the toolbox.</source>
        <translation>请先启用 Processing 插件（插件 ▸ 管理并安装插件），再使用工具箱。</translation>
    </message>
    <message>
        <location filename="../../work/main/plugin.py" line="133"/>
        <source>&amp;Low-Carbon &amp;&amp; Resilience</source>
        <translation>低碳与韧性(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LcrProvider</name>
    <message>
        <location filename="../../work/main/provider.py" line="22"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation>低碳与韧性</translation>
    </message>
    <message>
        <location filename="../../work/main/provider.py" line="43"/>
        <source>Cannot read the model {path}.</source>
        <translation>无法读取模型 {path}。</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Not flooded</source>
        <translation>未受淹</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>No rail station reachable</source>
        <translation>步行不可达轨道站点</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>No usable shelter reachable</source>
        <translation>不可达可用避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>In a flood zone</source>
        <translation>位于洪水淹没区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>No capacity</source>
        <translation>无容量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Win-win: both scores high</source>
        <translation>双赢：两项得分均高</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Low-carbon only</source>
        <translation>仅低碳</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Resilience only</source>
        <translation>仅韧性</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Neither: both scores low</source>
        <translation>均不足：两项得分均低</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>No score</source>
        <translation>无评分</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Fails 3 rules or more</source>
        <translation>3 条及以上规则未达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Fails 2 rules</source>
        <translation>2 条规则未达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Fails 1 rule</source>
        <translation>1 条规则未达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Passes every rule assessed</source>
        <translation>已评估规则全部达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Insufficient data: too few rules assessed</source>
        <translation>数据不足：已评估指标过少</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Cannot reach the target on site</source>
        <translation>无法在地块内达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Already at target</source>
        <translation>已达目标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Over target after every measure given</source>
        <translation>采用全部措施后仍超出目标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Now passes with the measures</source>
        <translation>采取措施后达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Now fails with the measures</source>
        <translation>采取措施后不达标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="26"/>
        <source>Now not assessed</source>
        <translation>采取措施后未评估</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="55"/>
        <source>operational CO₂ per m² of floor area (kgCO₂/m²·a)</source>
        <translation>单位建筑面积运行 CO₂（kgCO₂/m²·a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="56"/>
        <source>deepest flood water at the building (m)</source>
        <translation>建筑处最大淹没水深（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="57"/>
        <source>land-use mix, entropy (0 = one use, 1 = even mix)</source>
        <translation>用地混合度，熵（0 = 单一用途，1 = 均匀混合）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="58"/>
        <source>net CO₂ per hectare (tCO₂/ha·a)</source>
        <translation>每公顷净 CO₂（tCO₂/ha·a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="59"/>
        <source>rooftop PV yield (MWh/a)</source>
        <translation>屋顶光伏发电量（MWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="60"/>
        <source>residents' transport CO₂ per hectare (tCO₂/ha·a)</source>
        <translation>每公顷居民交通 CO₂（tCO₂/ha·a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="61"/>
        <source>carbon stored per hectare (tC/ha)</source>
        <translation>每公顷碳储量（tC/ha）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="62"/>
        <source>walking distance to the nearest rail station (m)</source>
        <translation>至最近轨道站的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="63"/>
        <source>residents within walking distance of rail (%)</source>
        <translation>轨道站步行范围内居民比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="64"/>
        <source>resilience index (0–1)</source>
        <translation>韧性指数（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="65"/>
        <source>design-storm runoff depth (mm)</source>
        <translation>设计暴雨径流深（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="66"/>
        <source>storage provided as a share of storage needed (%)</source>
        <translation>已有调蓄容积占所需容积比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="67"/>
        <source>life-circle completeness score (0–1)</source>
        <translation>生活圈完整度得分（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="68"/>
        <source>residents with every facility type in reach (%)</source>
        <translation>各类设施均可达的居民比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="69"/>
        <source>effective mesh size of habitat (ha)</source>
        <translation>生境有效网格面积（ha）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="70"/>
        <source>walking distance to the assigned shelter (m)</source>
        <translation>至分配避难场所的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="71"/>
        <source>shelter load, residents assigned per place (%)</source>
        <translation>避难场所负荷，分配居民数占容量比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="72"/>
        <source>heat mitigation index, mean of the unit (0–1)</source>
        <translation>热缓解指数，单元平均值（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="73"/>
        <source>low-carbon × resilience quadrant (marker at the unit's centre)</source>
        <translation>低碳 × 韧性象限（单元中心的符号）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="74"/>
        <source>verdict: rules failed per unit</source>
        <translation>结论：各单元未通过的规则数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="75"/>
        <source>residents within a park&apos;s service radius (%)</source>
        <translation>公园服务半径内居民比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="76"/>
        <source>park area within 1 000 m walk (ha)</source>
        <translation>步行 1 000 m 内公园面积（ha）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="77"/>
        <source>fixed shelter places per 100 residents (%)</source>
        <translation>每百名居民固定避难场所容量（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="78"/>
        <source>impervious cover (%)</source>
        <translation>不透水面比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="79"/>
        <source>rooftop PV as a share of the zone&apos;s energy demand (%)</source>
        <translation>屋顶光伏占区域能源需求比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="80"/>
        <source>proposed site, by rank (1 = brings the most residents in reach)</source>
        <translation>建议选址，按排名（1 = 新增覆盖居民最多）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="81"/>
        <source>residents in reach after the proposed sites (%)</source>
        <translation>建议选址后步行可达的居民（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="82"/>
        <source>LID storage to add, as a depth over the parcel (mm)</source>
        <translation>须增加的 LID 调蓄容积，折算为地块上的深度（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="83"/>
        <source>CO₂ cut by the proposed measures (tCO₂/a)</source>
        <translation>建议措施削减的 CO₂（tCO₂/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/styles.py" line="84"/>
        <source>a rule&apos;s verdict the measures changed (outline)</source>
        <translation>措施改变了判定的规则（轮廓）</translation>
    </message>
</context>
<context>
    <name>LevelPage</name>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="24"/>
        <source>Planning level and pilot type</source>
        <translation>规划层级与试点类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="25"/>
        <source>What kind of plan are you checking, and against which targets?</source>
        <translation>要检查哪一类规划？依据哪些目标？</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="26"/>
        <source>Master plan: planning units of a district or city</source>
        <translation>总体规划：区或城市的规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="27"/>
        <source>Detailed plan: parcels with FAR and green ratio</source>
        <translation>详细规划：带容积率和绿地率的地块</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="36"/>
        <source>Planning level:</source>
        <translation>规划层级：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="40"/>
        <source>Pilot type / standards profile:</source>
        <translation>试点类型 / 标准配置：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="70"/>
        <source>Checks {n} rules of this profile on each planning unit: park green per resident, life-circle services, rail coverage, shelters, sponge city, net CO2 per resident.</source>
        <translation>对每个规划单元检查该标准配置中的 {n} 条规则：人均公园绿地、生活圈配套设施、轨道交通覆盖、避难场所、海绵城市、人均净 CO2 排放。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="73"/>
        <source>Checks {n} rules of this profile on each parcel: FAR, green ratio, runoff control, rooftop solar, shelter distance, flood exposure.</source>
        <translation>对每个地块检查该标准配置中的 {n} 条规则：容积率、绿地率、径流控制、屋顶光伏、避难场所距离、洪涝暴露。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_level.py" line="77"/>
        <source>{u} of the {n} thresholds are unverified: editable defaults, not legal limits; you can review them on the Targets page.</source>
        <translation>{n} 个阈值中有 {u} 个未核实：为可编辑的默认值，不是法定限值；可在“目标值”页中查看。</translation>
    </message>
</context>
<context>
    <name>LifeCircle</name>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="45"/>
        <source>Community life circles (5/10/15 min)</source>
        <translation>社区生活圈（5/10/15 分钟）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="48"/>
        <source>Which daily-service facility types each home reaches on foot within its community life circle (社区生活圈, GB 50180-2018): 5 minutes ≈ 300 m, 10 minutes ≈ 500 m, 15 minutes ≈ 800–1000 m. The facility table gives each type its walking distance (shipped defaults: kindergarten, clinic, elderly care 300 m; primary school, market 500 m; middle school, community centre, sports 1000 m; from secondary sources and the city check-up indicators of TD/T 1063-2021, GB 50180-2018 Appendix B not read: marked unverified).

Run it on the homes only: filter residential buildings or parcels first (e.g. Extract by attribute); every polygon given is treated as a home. Each is represented by a point inside it. With a roads layer the distance is walked along the roads (one shortest-path search per facility type); without, it is a straight line, which over-states access where rivers, rail lines or walled compounds force detours. Roads must be noded where they meet. Homes and facilities farther than the maximum snapping distance from every road reach nothing.

Facility types are matched to the table's fac_type or aliases (e.g. 幼儿园, 小学), ignoring case; other types are counted in the log and ignored. A type of the table without any facility is missed by everyone.

score = types reached / types in the table (0–1). Coverage = Σ population of homes reaching every type / Σ population × 100 (by building count without a population field).

Facilities whose type is a guess (1 in the type field's “_est” field, else in type_est, as “Prepare OpenStreetMap data” flags schools without isced:level) count as their type, but a home that reaches a type only through such facilities gets lc_score_est = 1: its completeness rests on the guess.

Output fields: lc_&lt;type&gt; (0/1 per type; the name is cut to 20 characters), lc_score (0–1), lc_missing (types not reached, comma-separated), method (network or euclidean), lc_score_est (0/1). Planning units: bldg (count), pop, pop_full (persons reaching every type), full_pct (%), pct_&lt;type&gt; (% of residents, or of buildings, reaching the type), pop_est (1 where more than half of pop is flagged as estimated in the population field's “_est” field, e.g. residents_est), full_pct_est (1 where more than half of the unit's residents, or homes without a population field, have lc_score_est = 1: a planning check gives no verdict on its coverage), method.</source>
        <translation>统计每处住宅在其社区生活圈（GB 50180-2018）内步行可达哪些日常服务设施类型：5 分钟 ≈ 300 m，10 分钟 ≈ 500 m，15 分钟 ≈ 800–1000 m。设施表给出各类设施的步行距离（插件默认值：幼儿园、社区卫生服务站、养老设施 300 m；小学、菜市场 500 m；中学、社区服务中心、体育设施 1000 m；取自二手来源及 TD/T 1063-2021 城市体检指标，未查阅 GB 50180-2018 附录 B，标注为未核实）。

仅对住宅运行：请先筛选出居住建筑或地块（如使用“按属性提取”）；输入的每个面都视为住宅。每个面以其内部一点代表。提供道路图层时沿道路计算步行距离（每类设施进行一次最短路径搜索）；否则采用直线距离，在河流、铁路或封闭大院迫使绕行之处会高估可达性。道路须在相交处打断。距所有道路均超过最大捕捉距离的住宅和设施无法到达任何设施。

设施类型与表中的 fac_type 或 aliases（如 幼儿园、小学）匹配，不区分大小写；其他类型在日志中计数并忽略。表中某类型若没有任何设施，则所有住宅均缺失该类型。

score = 可达类型数 / 表中类型数（0–1）。覆盖率 = 可达全部类型的住宅人口之和 / 总人口 × 100（无人口字段时按建筑栋数计）。

类型为推测的设施（类型字段的“_est”字段为 1，否则 type_est 为 1，如“准备 OpenStreetMap 数据”对无 isced:level 的学校所标记）仍按其类型计算，但仅经由此类设施才能到达某类型的住宅得到 lc_score_est = 1：其完整度依赖于推测。

输出字段：lc_&lt;type&gt;（每类 0/1；字段名截断为 20 个字符）、lc_score（0–1）、lc_missing（未达类型，逗号分隔）、method（network 或 euclidean）、lc_score_est（0/1）。规划单元：bldg（栋数）、pop、pop_full（可达全部类型的人数）、full_pct（%）、pct_&lt;type&gt;（可达该类型的居民或建筑比例，%）、pop_est（pop 中一半以上在人口字段的“_est”字段中标记为估算时为 1，如 residents_est）、full_pct_est（单元一半以上的居民——无人口字段时为住宅——的 lc_score_est = 1 时为 1：规划核查不对其覆盖率给出结论）、method。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="82"/>
        <source>Residential buildings or parcels</source>
        <translation>居住建筑或地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="82"/>
        <source>Polygons where people live. Filter the residential ones first: every polygon is treated as a home.</source>
        <translation>有人居住的面。请先筛选出居住类的面：输入的每个面都视为住宅。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="86"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="86"/>
        <source>Residents of each polygon; missing or negative values count as 0. Without it, shares are shares of buildings.</source>
        <translation>每个面的居民数；缺失或负值按 0 计。未指定时，比例按建筑栋数计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="91"/>
        <source>Facilities</source>
        <translation>配套设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="91"/>
        <source>Daily-service facilities (kindergartens, schools, clinics, markets…) as points.</source>
        <translation>以点表示的日常服务设施（幼儿园、学校、社区卫生服务站、菜市场等）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="94"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="94"/>
        <source>Field of the facilities naming their type, matched to the table's fac_type or aliases (e.g. kindergarten or 幼儿园).</source>
        <translation>设施图层中表示设施类型的字段，与表中的 fac_type 或 aliases 匹配（如 kindergarten 或 幼儿园）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="99"/>
        <source>Facility table (CSV)</source>
        <translation>设施表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="99"/>
        <source>Replaces the shipped table: columns fac_type, circle, distance_m (m), aliases (separated by |), source, year, verified.</source>
        <translation>替换插件自带的表：列 fac_type、circle、distance_m（m）、aliases（以 | 分隔）、source、year、verified。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="103"/>
        <source>Distance multiplier</source>
        <translation>距离系数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="103"/>
        <source>Multiplies every walking distance of the table, e.g. 1.2 for a sensitivity run.</source>
        <translation>表中所有步行距离均乘以该系数，如敏感性分析时取 1.2。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="108"/>
        <source>Homes and facilities farther than this from every road are not on the network: they reach nothing and are not reached.</source>
        <translation>距所有道路均超过此距离的住宅和设施不在路网上：既无法到达任何设施，也不会被到达。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="110"/>
        <source>Polygons to report coverage for (planning units, communities). A home belongs to the unit containing its representative point.</source>
        <translation>用于统计覆盖率的面（规划单元、社区）。住宅归属于其代表点所在的单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="112"/>
        <source>Life circles</source>
        <translation>社区生活圈</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="112"/>
        <source>The homes with lc_&lt;type&gt;, lc_score, lc_missing and method added.</source>
        <translation>添加了 lc_&lt;type&gt;、lc_score、lc_missing 和 method 字段的住宅图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="114"/>
        <source>Life circles by unit</source>
        <translation>分单元社区生活圈</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="114"/>
        <source>The planning units with bldg, pop, pop_full, full_pct, pct_&lt;type&gt; and method added. Needs planning units.</source>
        <translation>添加了 bldg、pop、pop_full、full_pct、pct_&lt;type&gt; 和 method 字段的规划单元。需要提供规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="119"/>
        <source>Residents reaching every facility type (%)</source>
        <translation>可达全部设施类型的居民比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="121"/>
        <source>Mean completeness score (0–1)</source>
        <translation>平均完整度得分（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="126"/>
        <source>The facility types “{first}” and “{second}” both give the field name {field}: shorten or rename one in the table.</source>
        <translation>设施类型“{first}”和“{second}”生成相同的字段名 {field}：请在表中缩短或重命名其中之一。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="128"/>
        <source>The table {path}, line {line}: fac_type is empty.</source>
        <translation>表格 {path} 第 {line} 行：fac_type 为空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="138"/>
        <source>Choose the field of the facilities that names their type.</source>
        <translation>请选择设施图层中表示设施类型的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="162"/>
        <source>{n} facilities are farther than {d} m from every road and are left out.</source>
        <translation>{n} 个设施距所有道路均超过 {d} m，已排除。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="166"/>
        <source>No roads given: distances are straight lines, which over-state access where barriers force detours.</source>
        <translation>未提供道路：采用直线距离，在障碍迫使绕行之处会高估可达性。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="232"/>
        <source>The population field sums to 0: shares are shares of buildings.</source>
        <translation>人口字段合计为 0：比例按建筑栋数计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="239"/>
        <source>{n} homes reach a facility type only through facilities whose type is guessed (“{flag}”): lc_score_est = 1.</source>
        <translation>{n} 处住宅仅经由类型为推测的设施（“{flag}”）才能到达某类设施：lc_score_est = 1。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="251"/>
        <source>Community life circles ({method} distances, GB 50180-2018 walking distances × {s}): facility types reached by each home, lc_score 0–1. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>社区生活圈（{method} 距离，GB 50180-2018 步行距离 × {s}）：每处住宅可达的设施类型，lc_score 0–1。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="264"/>
        <source>Facility table {path}: {types}.</source>
        <translation>设施表 {path}：{types}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="267"/>
        <source>Walking distances are multiplied by {s}.</source>
        <translation>步行距离乘以 {s}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="270"/>
        <source>Unverified walking distances are used for: {types}. Check them against GB 50180-2018 and local rules.</source>
        <translation>以下类型采用了未核实的步行距离：{types}。请对照 GB 50180-2018 和地方规定进行核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="288"/>
        <source>{n} facilities have a {field} value not in the table and are ignored: {values}.</source>
        <translation>{n} 个设施的 {field} 值不在表中，已忽略：{values}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="294"/>
        <source>Facilities by type: {counts}.</source>
        <translation>各类设施数量：{counts}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="298"/>
        <source>No facility of type {types}: every home misses it.</source>
        <translation>没有 {types} 类型的设施：所有住宅均缺失该类型。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="305"/>
        <source>No planning units given: the life circles by unit are not written.</source>
        <translation>未提供规划单元：不输出分单元社区生活圈。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="319"/>
        <source>Life circles written for {n} planning units.</source>
        <translation>已为 {n} 个规划单元输出社区生活圈结果。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="320"/>
        <source>Community life circles by planning unit ({method} distances): share of residents reaching every facility type. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>分规划单元社区生活圈（{method} 距离）：可达全部设施类型的居民比例。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="328"/>
        <source>{n} units' residents are mostly estimated (“{flag}” = 1 on more than half of them): pop_est = 1, and the per-resident amounts computed from pop get no verdict in a planning check.</source>
        <translation>{n} 个单元的居民主要为估算值（其中一半以上“{flag}” = 1）：pop_est = 1，由 pop 计算的人均量在规划核查中不给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="333"/>
        <source>{n} units' life-circle coverage rests on guessed facility types (“{flag}”): more than half of their residents reach some type only through such facilities. full_pct_est = 1, and a planning check gives them no verdict on it.</source>
        <translation>{n} 个单元的生活圈覆盖率依赖于推测的设施类型（“{flag}”）：其一半以上的居民仅经由此类设施才能到达某类设施。full_pct_est = 1，规划核查不对其给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="341"/>
        <source>{n} homes are farther than {d} m from every road: they reach no facility.</source>
        <translation>{n} 处住宅距所有道路均超过 {d} m：无法到达任何设施。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="345"/>
        <source>{n} homes have a missing or negative population, counted as 0.</source>
        <translation>{n} 处住宅的人口缺失或为负值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="348"/>
        <source>{n} invalid geometries were repaired for the calculation; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于计算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="353"/>
        <source>{full:,.0f} of {pop:,.0f} residents ({pct:.1f} %) reach every facility type; mean score {score:.2f}. Residents reaching each type: {types}.</source>
        <translation>{pop:,.0f} 名居民中有 {full:,.0f} 名（{pct:.1f} %）可达全部设施类型；平均得分 {score:.2f}。可达各类设施的居民：{types}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle.py" line="359"/>
        <source>{full:.0f} of {n:.0f} buildings ({pct:.1f} %) reach every facility type; mean score {score:.2f}. Buildings reaching each type: {types}.</source>
        <translation>{n:.0f} 栋建筑中有 {full:.0f} 栋（{pct:.1f} %）可达全部设施类型；平均得分 {score:.2f}。可达各类设施的建筑：{types}。</translation>
    </message>
</context>
<context>
    <name>MasterPlanCheck</name>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="411"/>
        <source>the transit rules (rail and bus coverage: no transit stops in the data)</source>
        <translation>公共交通条款（轨道和公交覆盖率：数据中没有公交站点）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="412"/>
        <source>the park rules (park green per resident and park service coverage: no green spaces in the data)</source>
        <translation>公园条款（人均公园绿地和公园服务覆盖率：数据中没有绿地）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="419"/>
        <source>No shelter {what} field: {effect}.</source>
        <translation>无避难场所{what}字段：{effect}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="426"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="426"/>
        <source>shelter coverage uses the default service distance (500 m unless set) and the default area per evacuee for every shelter, and every shelter counts as a fixed shelter</source>
        <translation>避难场所覆盖对每处避难场所采用默认服务距离（未设置时为 500 m）和默认人均有效面积，且每处避难场所均计为固定避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="429"/>
        <source>capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="429"/>
        <source>each shelter holds its effective area / the area per evacuee of its class, and the fixed-shelter capacity per unit (shelter_cap_pct) is not assessed, which is not a pass</source>
        <translation>每处避难场所的容纳人数取其有效面积 / 所属类别的人均面积，各单元的固定避难场所容量（shelter_cap_pct）不予评估（不评估不等于达标）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="434"/>
        <source>Master plan check</source>
        <translation>总体规划检查</translation>
    </message>
</context>
<context>
    <name>ModelPlanCheck</name>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="51"/>
        <source>Cannot read the model {path}.</source>
        <translation>无法读取模型 {path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="56"/>
        <source>Runs the steps of the model “{model}” (in this group: open it in the Model Designer to change a check) with the same parameters and the same results, but reads each input layer once and keeps no per-building layer, so its time and memory grow with the buildings, not with the buildings times the steps.</source>
        <translation>运行模型“{model}”（在本组中：在模型设计器中打开它即可修改核查）的各个步骤，参数与结果均相同，但每个输入图层只读一次，也不保留逐建筑图层，因此耗时和内存随建筑数量增长，而不是随建筑数量乘以步骤数增长。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="78"/>
        <source>Used by the steps: {steps}.</source>
        <translation>用于以下步骤：{steps}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="84"/>
        <source>Buildings with their per-building results</source>
        <translation>带逐建筑结果的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="87"/>
        <source>Optional, not written unless asked for: the buildings with every field the steps compute per building (emissions, rooftop PV, life circles and, in the master check, transit and shelter coverage), as the single algorithms write them. On a city it is the largest output and keeps those fields in memory until the end of the run; the per-unit or per-parcel results do not need it.</source>
        <translation>可选，仅在要求时写出：建筑及各步骤逐建筑算出的全部字段（排放、屋顶光伏、生活圈，总体规划核查另有公交与避难场所覆盖），与单独运行各算法时写出的相同。在城市尺度上这是最大的输出，这些字段会在内存中保留到运行结束；逐单元或逐地块结果不需要它。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="107"/>
        <source>Written by the step “{step}”.</source>
        <translation>由步骤“{step}”写出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="131"/>
        <source>Step {n} of {total}: {step}</source>
        <translation>第 {n} 步（共 {total} 步）：{step}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="139"/>
        <source>{step}: {s:.1f} s</source>
        <translation>{step}：{s:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="148"/>
        <source>Writing the buildings with their per-building results</source>
        <translation>正在写出带逐建筑结果的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="232"/>
        <source>{parameter}: “{layer}” has no features; it is left out, as if not given.</source>
        <translation>{parameter}：“{layer}”没有要素；按未提供处理。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="238"/>
        <source>The layer “{layer}” ({parameter}) has no features; the check needs it.</source>
        <translation>图层“{layer}”（{parameter}）没有要素；本检查需要该图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="241"/>
        <source>{parameter}: “{layer}” has no features, so {rules} are not assessed.</source>
        <translation>{parameter}：“{layer}”没有要素，因此{rules}未评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="253"/>
        <source>the report labels the units by their id</source>
        <translation>报告以编号标注各单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="254"/>
        <source>the green-ratio rule is not assessed, and neither are the sponge runoff coefficient, storage need and control rate (no green ratio in the data)</source>
        <translation>绿地率条款未评估，海绵城市径流系数、所需调蓄容积和控制率也未评估（数据中没有绿地率）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="257"/>
        <source>rules that apply to some land uses only are not assessed</source>
        <translation>仅适用于部分用地类型的条款未评估</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="296"/>
        <source>the {kind} layer “{layer}” has no field “{field}” (parameter “{parameter}”)</source>
        <translation>{kind}图层“{layer}”没有字段“{field}”（参数“{parameter}”）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="299"/>
        <source>{missing}. Its fields are: {fields}.</source>
        <translation>{missing}。其字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="302"/>
        <source>{missing}: it is left out as if not given; {effect}.</source>
        <translation>{missing}：按未提供处理；{effect}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="302"/>
        <source>the rules that read it are not assessed</source>
        <translation>读取该字段的条款未评估</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="361"/>
        <source>The algorithm {id} of the step “{step}” is not installed.</source>
        <translation>步骤“{step}”所用的算法 {id} 未安装。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/plan_checks.py" line="397"/>
        <source>The step “{step}” failed.</source>
        <translation>步骤“{step}”失败。</translation>
    </message>
</context>
<context>
    <name>ModelRun</name>
    <message>
        <location filename="../../work/main/ui/wizard/run.py" line="143"/>
        <source>Planning check</source>
        <translation>规划检查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/run.py" line="144"/>
        <source>Planning check rules</source>
        <translation>规划检查规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/run.py" line="145"/>
        <source>Low-carbon and resilience synergy</source>
        <translation>低碳与韧性协同</translation>
    </message>
</context>
<context>
    <name>NetworkAlgorithm</name>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="29"/>
        <source>The roads layer has no line to walk along: give a layer of road centre lines, or leave Walkable roads empty for straight-line distances.</source>
        <translation>道路图层中没有可供步行的线：请提供道路中心线图层，或将“步行道路”留空以采用直线距离。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="37"/>
        <source>Walkable roads</source>
        <translation>步行道路</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="37"/>
        <source>Road or path centre lines, noded where they meet. With roads, distances are walked along them; without, they are straight lines.</source>
        <translation>道路或步道中心线，在相交处打断。提供道路时沿道路计算步行距离；否则采用直线距离。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="41"/>
        <source>Maximum distance to a road (m)</source>
        <translation>至道路的最大距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="46"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="62"/>
        <source>Road network: {nodes} nodes, {edges} segments, {km:.1f} km in {parts} connected piece(s); the largest holds {share:.0f} % of the length.</source>
        <translation>路网：{nodes} 个节点，{edges} 个路段，共 {km:.1f} km，分为 {parts} 个连通部分；最大的部分占总长度的 {share:.0f} %。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="68"/>
        <source>{n} road ends touch another road without sharing a vertex with it, so the two are not connected. Node the roads first (e.g. Split with lines, with the roads as both inputs).</source>
        <translation>{n} 个道路端点与其他道路接触但不共享节点，因此两者并未连通。请先打断道路（如使用“用线分割”，道路同时作为两个输入）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/network_glue.py" line="92"/>
        <source>{n} invalid planning unit geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效规划单元几何用于叠加分析。</translation>
    </message>
</context>
<context>
    <name>ParkSupply</name>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="47"/>
        <source>Park green supply by zone</source>
        <translation>分区公园绿地供给</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="50"/>
        <source>How much park green each zone (planning unit) has per resident, and how many of its residents live within the service radius of a park: the territorial master plan's 人均公园绿地面积 and 公园绿地服务半径覆盖率.

Park green is every green space whose type is not left out (protective green by default). A green space lies in the zone holding a point inside it, and its whole area counts there. park_green_m2_pc = park area in the zone / the zone's residents; comp_park_m2_pc and comm_park_m2_pc the same for the comprehensive and the community parks (m²/person).

Service radius: 500 m around parks of 5 000 m² or more, 300 m around parks of 2 000–5 000 m², none for smaller ones (after the 2016 national garden-city standard; unverified, so the four numbers are parameters). A building is served where a point inside it lies within the radius of a park's edge, in a straight line, whichever zone the park lies in. park_cov_pct = residents of the served buildings in the zone / residents of all its buildings (%). A building lies in the zone holding a point inside it.

Areas and distances are true metres whatever the layers' CRS: layers in degrees or Web Mercator are measured in the UTM zone of the zones' centre.

Output fields: park_m2, comp_park_m2, comm_park_m2 (m²), park_green_m2_pc, comp_park_m2_pc, comm_park_m2_pc (m²/person), park_cov_pop (persons), park_cov_pct (%). Per-resident values are NULL where the zone has no residents, comprehensive and community values without a type field. park_green_m2_pc_est, comp_park_m2_pc_est, comm_park_m2_pc_est: 1 where the zone's residents are mostly estimated (1 in the zone residents field's “_est” field, or more than half of the residents of its buildings flagged in the building residents field's, e.g. residents_est of “Prepare OpenStreetMap data”): a planning check gives no verdict on those per-resident areas.</source>
        <translation>每个分区（规划单元）人均拥有多少公园绿地，以及有多少居民位于公园服务半径之内：即国土空间总体规划的人均公园绿地面积和公园绿地服务半径覆盖率。

公园绿地指类型未被排除的所有绿地（默认排除防护绿地）。绿地归属于包含其内部一点的分区，其全部面积计入该分区。park_green_m2_pc = 分区内公园面积 / 分区居民数；comp_park_m2_pc 和 comm_park_m2_pc 分别为综合公园和社区公园的相应值（m²/人）。

服务半径：5 000 m² 及以上的公园为 500 m，2 000–5 000 m² 的公园为 300 m，更小的公园不计服务半径（参照 2016 年国家园林城市标准；未核实，故这四个数值均为参数）。建筑内部一点与公园边界的直线距离在服务半径内即视为被覆盖，不论公园位于哪个分区。park_cov_pct = 分区内被覆盖建筑的居民数 / 分区内全部建筑的居民数（%）。建筑归属于包含其内部一点的分区。

无论图层采用何种坐标参考系，面积和距离均为真实米制：地理坐标或 Web Mercator 的图层在分区中心所在的 UTM 带中量算。

输出字段：park_m2、comp_park_m2、comm_park_m2（m²），park_green_m2_pc、comp_park_m2_pc、comm_park_m2_pc（m²/人），park_cov_pop（人），park_cov_pct（%）。分区没有居民时人均值为 NULL；没有类型字段时综合公园和社区公园的值为 NULL。park_green_m2_pc_est、comp_park_m2_pc_est、comm_park_m2_pc_est：分区居民主要为估算值时为 1（分区居民字段的“_est”字段为 1，或其建筑居民中一半以上在建筑居民字段的“_est”字段中被标记，如“准备 OpenStreetMap 数据”的 residents_est）：规划核查不对这些人均面积给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="76"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="76"/>
        <source>Planning units (or other zones) to measure; the output is these zones.</source>
        <translation>待量算的规划单元（或其他分区）；输出即这些分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="78"/>
        <source>Zone residents field</source>
        <translation>分区居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="78"/>
        <source>Residents (or planned population) of each zone, the divisor of the per-resident areas.</source>
        <translation>每个分区的居民数（或规划人口），即人均面积的分母。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="83"/>
        <source>Comprehensive park types (comma-separated)</source>
        <translation>综合公园类型（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="83"/>
        <source>Types of the comprehensive parks, for comp_park_m2_pc.</source>
        <translation>综合公园的类型，用于 comp_park_m2_pc。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="86"/>
        <source>Community park types (comma-separated)</source>
        <translation>社区公园类型（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="86"/>
        <source>Types of the community parks, for comm_park_m2_pc.</source>
        <translation>社区公园的类型，用于 comm_park_m2_pc。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="89"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="89"/>
        <source>Residential buildings with their residents, for the service-radius coverage.</source>
        <translation>带居民数的住宅建筑，用于计算服务半径覆盖率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="91"/>
        <source>Building residents field</source>
        <translation>建筑居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="91"/>
        <source>Residents of each building; missing or negative values count as 0.</source>
        <translation>每栋建筑的居民数；缺失值或负值按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="96"/>
        <source>Large park: minimum area (m²)</source>
        <translation>大型公园：最小面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="96"/>
        <source>Parks at least this large serve the large radius.</source>
        <translation>面积不小于该值的公园采用大型公园服务半径。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="98"/>
        <source>Large park: service radius (m)</source>
        <translation>大型公园：服务半径（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="98"/>
        <source>Straight-line service radius of the large parks.</source>
        <translation>大型公园的直线服务半径。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="100"/>
        <source>Small park: minimum area (m²)</source>
        <translation>小型公园：最小面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="100"/>
        <source>Parks at least this large (and below the large-park area) serve the small radius; smaller ones serve none.</source>
        <translation>面积不小于该值（且小于大型公园面积）的公园采用小型公园服务半径；更小的公园不计服务半径。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="103"/>
        <source>Small park: service radius (m)</source>
        <translation>小型公园：服务半径（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="103"/>
        <source>Straight-line service radius of the small parks.</source>
        <translation>小型公园的直线服务半径。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="108"/>
        <source>Park green supply</source>
        <translation>公园绿地供给</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="108"/>
        <source>The zones with park_m2, comp_park_m2, comm_park_m2, park_green_m2_pc, comp_park_m2_pc, comm_park_m2_pc, park_cov_pop and park_cov_pct added.</source>
        <translation>添加了 park_m2、comp_park_m2、comm_park_m2、park_green_m2_pc、comp_park_m2_pc、comm_park_m2_pc、park_cov_pop 和 park_cov_pct 字段的分区图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="111"/>
        <source>Park green per resident over all zones (m²)</source>
        <translation>全部分区的人均公园绿地面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="113"/>
        <source>Residents within a park&apos;s service radius (%)</source>
        <translation>位于公园服务半径内的居民比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="122"/>
        <source>Choose the residents field of the zones and of the buildings.</source>
        <translation>请选择分区和建筑的居民字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="176"/>
        <source>{n} zones' residents are mostly estimated (“{flag}”): park_green_m2_pc_est, comp_park_m2_pc_est and comm_park_m2_pc_est = 1, and a planning check gives them no verdict on park green per resident.</source>
        <translation>{n} 个分区的居民主要为估算值（“{flag}”）：park_green_m2_pc_est、comp_park_m2_pc_est 和 comm_park_m2_pc_est = 1，规划核查不对其人均公园绿地给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="183"/>
        <source>{n} park green spaces lie in no zone: they serve their radius but count in no zone&apos;s area.</source>
        <translation>{n} 处公园绿地不在任何分区内：它们仍提供服务半径，但不计入任何分区的面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="188"/>
        <source>Park green in the zones: {a:,.0f} m², {pc:.2f} m² per resident; {c:,.0f} of {r:,.0f} residents ({pct:.1f} %) live within a park's service radius.</source>
        <translation>分区内公园绿地：{a:,.0f} m²，人均 {pc:.2f} m²；{r:,.0f} 名居民中有 {c:,.0f} 名（{pct:.1f} %）位于公园服务半径内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="193"/>
        <source>Park green per resident and park service-radius coverage (radii {large} m from {large_m2} m², {small} m from {small_m2} m², straight line). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>人均公园绿地面积与公园服务半径覆盖率（{large_m2} m² 起服务半径 {large} m，{small_m2} m² 起 {small} m，直线距离）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="207"/>
        <source>“{layer}” has no features: park supply is not assessed (the park fields are NULL), and a planning check does not assess its park rules (no green spaces in the data).</source>
        <translation>“{layer}”没有要素：公园供给未评估（各公园字段为 NULL），规划核查不评估其公园条款（数据中没有绿地）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/park_supply.py" line="220"/>
        <source>“{small}” ({s:g} m²) must be below “{large}” ({l:g} m²).</source>
        <translation>“{small}”（{s:g} m²）必须小于“{large}”（{l:g} m²）。</translation>
    </message>
</context>
<context>
    <name>PlanningCheck</name>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="82"/>
        <source>Planning check against a standards profile</source>
        <translation>依据标准配置的规划检查</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="85"/>
        <source>Checks each planning unit or parcel against the rules of a standards profile: per-capita park green (GB 55014-2021), life-circle completeness (GB 50180-2018), runoff control (sponge city), shelter reach, rail coverage, Covenant of Mayors and 3-30-300 targets, etc.

A profile is a CSV with one rule per row: rule_id, name_en, name_zh, indicator, unit, level (master|detailed), side (low_carbon|resilience|both), operator (&gt;=, &gt;, &lt;=, &lt;, ==, between), threshold, threshold_high (between only; both ends inclusive), source, clause, status, and optionally applies_to. A rule reads the field named in the field map, else the field named like its indicator (e.g. rail_pct from Transit coverage by unit, far and green_ratio of parcels); without such a field, or where the value is NULL, it is not assessed. A rule without such a field reads a known name of its indicator where the layer has one (容积率 or FAR for far, 绿地率 for green_ratio, 建筑密度 for building_density: resources/fields/field_aliases.csv, with the source of each name), and the log says which field it read. A field holding text is read as numbers: “2.5” as 2.5, “35%” as 0.35 for a rule in shares (35 for a rule in %); the log counts the values read, those written as a percentage and those it could not read. Values equal to a threshold within a relative tolerance of 1e-9 count as equal.

UNITS: a field holding its value in another unit than the rule's unit column is mapped as rule_id=field[unit], e.g. CN_D_GREEN_RATIO=green_pct[%]; the value is converted to the rule's unit before the comparison (logged). Known units: ratios 0-1, %, ‰; lengths m, km; areas m2, ha, km2, mu (亩); masses t, kg; per person (person, cap, 人), per 1000 or 10k people (1000 people, 10k people, 万人), per year (a). Combine them with / and · (or . * /), e.g. kg/person·a, m2/10k people. Units of different kinds (e.g. m2 and m, or a floor area ratio '-' and %) are an error.

LAND USE: applies_to lists the land-use codes a rule applies to, separated by |, as prefixes: 07 covers 0701 and 070101 (用地用海分类 2020), R covers R2 and R21 (GB 50137); empty = every feature. Choose the layer's land-use code field as Land-use code field; a feature whose code does not match is not applicable to the rule (r_&lt;rule&gt; NULL, counted in n_nap, not in the score); a feature without a code is not assessed for such rules. Without a land-use field every rule applies to every feature (a warning is logged). Codes stored as numbers (701) are read as text codes (0701). Codes of the third land survey (三调, GB/T 21010-2017) use the same digits for other land (0601 industry, 1101 rivers): choose their classification under Land-use codes are written in, and they are read through the land-use crosswalk as 2023 codes.

HEIGHT CLASS: a rule with a by_class column (file.csv:column) takes its threshold per feature from a class table in resources/profiles/tables/ (or next to your profile): GB 50180-2018 Table 4.0.2 sets the FAR maximum and the green ratio minimum of residential blocks by building climate zone and height class. The row is picked from the Climate zone and the parcel's average number of floors (Floors field), else its building height (Height field). Where neither is known the rule's own threshold applies (shipped: the most lenient value of the table); above the table's highest class (26 floors, 80 m) the rule is not assessed. The log says how many features took each way.

UNVERIFIED RULES: many thresholds are editable defaults whose number was not read in the standard (status unverified). They are marked in the table and listed in the log, and must not be reported as legally binding.

Output fields: score (passed / assessed rules, 0–1, NULL where none assessed), n_pass, n_fail, n_na (rules not assessed), r_&lt;rule_id&gt; per rule (1 pass, 0 fail, NULL not assessed or not applicable; rule id lower-cased, other characters than a–z, 0–9 and _ as _, cut to 20 characters, _2, _3 … added where two would clash), then n_nap (rules not applicable to the feature's land use), n_est (rules whose value rests on the toolkit's shipped defaults, flagged by the upstream algorithm in a field &lt;indicator field&gt;_est = 1: such a value is neither a pass nor a fail) and verdict: fail (a rule assessed from your data fails), pass (none fails and at least the minimum share of the rules that apply was assessed), insufficient_data (none fails, but too few rules assessed to say it passes) or not_assessed (no rule assessed). Rule table: the rule's columns, the field read, verdict (pass when every assessed feature passes, fail when any fails, estimated when only default-based values exist, not_assessed when none was assessed), n_pass, n_fail, n_na, value_min, value_mean, value_max (in the rule's unit), applies_to, n_nap, field_unit (the unit converted from, if any), n_est and n_few.

FEW RESIDENTS: with a Residents field, the per-resident rules (unit per person, such as m2/person or t/person·a, and the shelter capacity per 100 residents shelter_cap_pct) give no verdict on a feature with fewer residents than the minimum (default 100): a ratio to a handful of residents is arithmetic, not a planning fact. Such a feature counts the rule as not assessed (n_na); the rule table counts them in n_few and the log names the rules.</source>
        <translation>依据标准配置中的规则逐一检查每个规划单元或地块：人均公园绿地（GB 55014-2021）、生活圈配套完整性（GB 50180-2018）、径流控制（海绵城市）、避难场所可达、轨道交通覆盖、市长盟约及 3-30-300 目标等。

标准配置为 CSV 文件，每行一条规则，列为：rule_id、name_en、name_zh、indicator、unit、level（master|detailed）、side（low_carbon|resilience|both）、operator（&gt;=、&gt;、&lt;=、&lt;、==、between）、threshold、threshold_high（仅用于 between；两端均含）、source、clause、status，以及可选的 applies_to。规则读取字段映射中指定的字段，否则读取与其指标同名的字段（如“分单元公共交通覆盖率”输出的 rail_pct，地块的 far 和 green_ratio）；没有该字段或值为 NULL 时，该规则为未评估。没有上述字段的规则读取图层中其指标的常用名称字段（far 读容积率或 FAR，green_ratio 读绿地率，building_density 读建筑密度：见 resources/fields/field_aliases.csv，其中注明各名称的出处），日志说明读取了哪个字段。以文本存储的字段按数值读取：“2.5”读作 2.5，“35%”对以比值（0-1）为单位的规则读作 0.35（对以 % 为单位的规则读作 35）；日志统计读出的值、以百分数书写的值和无法读取的值。与阈值的相对差在 1e-9 以内的值视为相等。

单位：字段值的单位与规则 unit 列的单位不同时，按 rule_id=field[unit] 映射，如 CN_D_GREEN_RATIO=green_pct[%]；比较前先将该值换算为规则的单位（记入日志）。支持的单位：比值 0-1、%、‰；长度 m、km；面积 m2、ha、km2、mu（亩）；质量 t、kg；每人（person、cap、人），每千人或每万人（1000 people、10k people、万人），每年（a）。可用 / 和 ·（或 . * /）组合，如 kg/person·a、m2/10k people。不同类别的单位（如 m2 与 m，或容积率 &apos;-&apos; 与 %）视为错误。

用地：applies_to 列出规则适用的用地代码，以 | 分隔，按前缀匹配：07 涵盖 0701 和 070101（用地用海分类 2020），R 涵盖 R2 和 R21（GB 50137）；留空 = 适用于所有要素。请将图层的用地代码字段选为“用地代码字段”；代码不匹配的要素不适用该规则（r_&lt;rule&gt; 为 NULL，计入 n_nap，不计入 score）；没有代码的要素不评估此类规则。未指定用地字段时，所有规则适用于所有要素（日志中给出警告）。以数值存储的代码（701）按文本代码（0701）读取。第三次全国国土调查（三调，GB/T 21010-2017）的代码以相同数字表示其他用地（0601 工业、1101 河流）：请在“用地代码的分类”中选择其分类，这些代码将通过用地代码对照表读作 2023 代码。

层数类别：带 by_class 列（file.csv:column）的规则按要素从类别表（resources/profiles/tables/ 或自定义标准配置所在文件夹）取阈值：GB 50180-2018 表 4.0.2 按建筑气候区划和住宅建筑平均层数类别规定居住街坊的容积率上限和绿地率下限。由“建筑气候区”参数和地块的住宅建筑平均层数（层数字段）选取对应行，层数缺失时按建筑高度（高度字段）。两者均未知时采用规则自身阈值（随插件提供的值为类别表中最宽松的值）；超过表中最高类别（26 层、80 m）的要素不评估该规则。日志列出各种情形的要素数。

未核实的规则：许多阈值是可编辑的默认值，其数值未经查阅标准原文核实（status 为 unverified）。这些规则在规则表中有标记并列于日志中，不得作为具有法律约束力的结论报告。

输出字段：score（通过规则数 / 已评估规则数，0–1，无已评估规则时为 NULL）、n_pass、n_fail、n_na（未评估的规则数）、每条规则的 r_&lt;rule_id&gt;（1 通过，0 未通过，NULL 未评估或不适用；规则编号转为小写，a–z、0–9 和 _ 以外的字符替换为 _，截断为 20 个字符，若两者冲突则添加 _2、_3 …），其后为 n_nap（不适用于该要素用地的规则数）、n_est（取值基于工具箱自带默认值的规则数，由上游算法在字段 &lt;指标字段&gt;_est = 1 中标记：此类取值既不计为通过也不计为未通过）以及 verdict（结论）：fail（有依据您的数据评估的规则未通过）、pass（无规则未通过，且适用规则中已评估的比例不低于最低比例）、insufficient_data（无规则未通过，但已评估的规则过少，不能判定通过）或 not_assessed（无规则被评估）。规则表：规则的各列、读取的字段、结论（所有已评估要素均通过为 pass，任一未通过为 fail，仅有基于默认值的取值为 estimated，无任何要素被评估为 not_assessed）、n_pass、n_fail、n_na、value_min、value_mean、value_max（采用规则的单位）、applies_to、n_nap、field_unit（换算前的字段单位，如有）、n_est 和 n_few。

居民过少：指定居民字段时，人均类规则（单位为每人，如 m2/person、t/person·a，以及每百名居民避难容量 shelter_cap_pct）对居民少于最小值（默认 100）的要素不作结论：以极少数居民计算的比值只是算术结果，不具规划意义。该要素的此类规则计为未评估（n_na）；规则表在 n_few 中计数，日志列出相关规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="151"/>
        <source>China, territorial master plan (cn_master)</source>
        <translation>中国，国土空间总体规划（cn_master）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="152"/>
        <source>China, detailed plan, parcels (cn_detailed)</source>
        <translation>中国，详细规划，地块（cn_detailed）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="153"/>
        <source>Pilot: city renewal (cn_city_renewal)</source>
        <translation>试点：城市更新（cn_city_renewal）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="154"/>
        <source>Pilot: old community renovation (cn_old_community)</source>
        <translation>试点：老旧小区改造（cn_old_community）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="155"/>
        <source>Pilot: industrial park (cn_industrial_park)</source>
        <translation>试点：产业园区（cn_industrial_park）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="156"/>
        <source>Pilot: new town (cn_new_town)</source>
        <translation>试点：新城（cn_new_town）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="157"/>
        <source>Pilot: rural low-carbon village (cn_rural_village)</source>
        <translation>试点：乡村低碳村庄（cn_rural_village）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="158"/>
        <source>Pilot: disaster management (cn_disaster_management)</source>
        <translation>试点：防灾减灾（cn_disaster_management）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="159"/>
        <source>Pilot: green transport and biodiversity (cn_transport_biodiversity)</source>
        <translation>试点：绿色交通与生物多样性（cn_transport_biodiversity）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="160"/>
        <source>Europe, generic targets (eu_generic)</source>
        <translation>欧洲，通用目标（eu_generic）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="163"/>
        <source>Planning units or parcels</source>
        <translation>规划单元或地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="163"/>
        <source>Polygons holding the indicator values to check, one field per indicator.</source>
        <translation>存放待检查指标值的面图层，每个指标一个字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="166"/>
        <source>Standards profile</source>
        <translation>标准配置</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="166"/>
        <source>A shipped profile (resources/profiles/). Rules marked unverified are editable defaults.</source>
        <translation>随插件提供的标准配置（resources/profiles/）。标记为未核实的规则是可编辑的默认值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="169"/>
        <source>Own profile (CSV)</source>
        <translation>自定义标准配置（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="169"/>
        <source>A profile CSV of your own, with the columns of the shipped ones; replaces the standards profile.</source>
        <translation>自定义的标准配置 CSV，列与随插件提供的配置相同；将替代所选标准配置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="173"/>
        <source>Planning level</source>
        <translation>规划层级</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="173"/>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="173"/>
        <source>Master plan rules only</source>
        <translation>仅总体规划规则</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="173"/>
        <source>Detailed plan rules only</source>
        <translation>仅详细规划规则</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="173"/>
        <source>Which rules of the profile to check, by their level column.</source>
        <translation>按 level 列选择要检查标准配置中的哪些规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="178"/>
        <source>Field map</source>
        <translation>字段映射</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="178"/>
        <source>Which field each rule reads: rule_id=field, separated by commas (or by semicolons, where a field name holds a comma), e.g. CN_M_PARK_GREEN_PC=green_pc or CN_M_PARK_GREEN_PC=公园 面积; a field name keeps its spaces. Rules not listed read the field named like their indicator, if the layer has one; else they are not assessed. A field in another unit than the rule's: rule_id=field[unit], e.g. CN_D_GREEN_RATIO=green_pct[%].</source>
        <translation>每条规则读取的字段：rule_id=字段，以逗号分隔（字段名含逗号时以分号分隔），例如 CN_M_PARK_GREEN_PC=green_pc 或 CN_M_PARK_GREEN_PC=公园 面积；字段名中的空格保留。未列出的规则读取与其指标同名的字段（若图层有此字段），否则不予评估。字段单位与规则单位不同时：rule_id=字段[单位]，例如 CN_D_GREEN_RATIO=green_pct[%]。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="185"/>
        <source>Planning check</source>
        <translation>规划检查</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="185"/>
        <source>The features with score, n_pass, n_fail, n_na, r_&lt;rule_id&gt; and n_nap added.</source>
        <translation>添加了 score、n_pass、n_fail、n_na、r_&lt;rule_id&gt; 和 n_nap 字段的要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="187"/>
        <source>Planning check rules</source>
        <translation>规划检查规则</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="187"/>
        <source>One row per rule (no geometry) with its source, clause, status, the field read, verdict, counts and value range.</source>
        <translation>每条规则一行（无几何），包含其来源、条款、状态、读取的字段、结论、计数和取值范围。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="192"/>
        <source>Land-use code field</source>
        <translation>用地代码字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="192"/>
        <source>Field with each feature&apos;s land-use code (e.g. 0701, R2; codes stored as numbers, such as 701, get their leading zero back). Rules with an applies_to column check only features whose code starts with one of its codes.</source>
        <translation>存放各要素用地代码的字段（如 0701、R2；以数字存储的代码，如 701，会补回前导零）。带有 applies_to 列的规则只检查代码以其所列代码之一开头的要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="198"/>
        <source>Minimum share of rules assessed for a pass (%)</source>
        <translation>判定通过所需的最低已评估规则比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="198"/>
        <source>A feature without a failing rule passes only when at least this share of the rules that apply to it were assessed from your data; below it, its verdict is insufficient_data.</source>
        <translation>没有未通过规则的要素，只有在适用于它的规则中至少有此比例依据您的数据完成评估时才判定为通过；低于此比例时结论为 insufficient_data（数据不足）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="205"/>
        <source>Residents field</source>
        <translation>居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="205"/>
        <source>Residents of each feature, the denominator of its per-resident indicators. With it, per-resident rules give no verdict where the residents are fewer than the minimum.</source>
        <translation>各要素的居民数，即其人均指标的分母。指定后，居民少于最小值的要素不对人均类规则作出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="210"/>
        <source>Minimum residents for a per-resident verdict</source>
        <translation>人均指标作出结论所需的最少居民数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="210"/>
        <source>Below this many residents the per-resident rules (m2/person, t/person·a, shelter capacity per 100 residents) are not assessed: one resident more or less moves such a value by 1/n. 0 judges every feature.</source>
        <translation>居民少于此数时，不评估人均类规则（m2/person、t/person·a、每百名居民避难容量）：居民数增减一人即令此类数值变化 1/n。设为 0 则评估所有要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="216"/>
        <source>Floors field (average floors of the residential buildings)</source>
        <translation>层数字段（住宅建筑平均层数）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="216"/>
        <source>Field with the average number of floors of each parcel's residential buildings (住宅建筑平均层数 of GB 50180-2018: total floor area ÷ total footprint): a number, or text such as 6层, 6F or 十二层. It picks the height class of the rules that have a by_class column (FAR and green ratio of residential blocks, Table 4.0.2). Empty, NULL or 0: the height field is used, else the rule's own threshold.</source>
        <translation>各地块住宅建筑的平均层数字段（GB 50180-2018 的住宅建筑平均层数：总建筑面积 ÷ 总基底面积）：数值，或 6层、6F、十二层 等文本。用于为带 by_class 列的规则（居住街坊的容积率和绿地率，表 4.0.2）选取层数类别。为空、NULL 或 0 时改用高度字段，否则采用规则自身阈值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="224"/>
        <source>Height field (m, tallest residential building)</source>
        <translation>高度字段（m，最高住宅建筑）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="224"/>
        <source>Field with the height in metres of each parcel's tallest residential building, a number or text such as 18米 or 18m. Used to pick the height class where the floors are not known: the first class whose height limit (18, 27, 36, 54, 80 m in GB 50180-2018 Table 4.0.2) it does not exceed.</source>
        <translation>各地块最高住宅建筑的高度（米）字段，数值或 18米、18m 等文本。层数未知时用于选取层数类别：取高度不超过其高度上限（GB 50180-2018 表 4.0.2 中的 18、27、36、54、80 m）的第一个类别。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="231"/>
        <source>Building climate zone (GB 50178)</source>
        <translation>建筑气候区（GB 50178）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="231"/>
        <source>Not set: the most lenient row of any zone</source>
        <translation>未设置：取各气候区中最宽松的一行</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="231"/>
        <source>Zones I and VII</source>
        <translation>Ⅰ、Ⅶ 区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="231"/>
        <source>Zones II and VI (e.g. Beijing, Xiong&apos;an, Xi&apos;an)</source>
        <translation>Ⅱ、Ⅵ 区（如北京、雄安、西安）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="231"/>
        <source>Zones III, IV and V (e.g. Shanghai, Jiaxing, Xiamen)</source>
        <translation>Ⅲ、Ⅳ、Ⅴ 区（如上海、嘉兴、厦门）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="231"/>
        <source>The building climate zone of the plan (GB 50178-93 建筑气候区划标准), for the rules whose thresholds depend on it (by_class). Not set: each parcel is checked against the most lenient of the zones' rows for its height class, so no parcel fails that some zone permits; choose the zone for the real check.</source>
        <translation>规划所在的建筑气候区（GB 50178-93 建筑气候区划标准），用于阈值随气候区变化的规则（by_class）。未设置时，各地块按其层数类别取各气候区中最宽松的一行，因而任一气候区允许的地块都不会判为不通过；正式核查时请选择气候区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="240"/>
        <source>The classification of the land-use code field. The profiles' applies_to list 用地用海 2023 codes and GB 50137 letter codes, so such codes are read as written. Codes of the third land survey (三调) must be translated (resources/factors/landuse_crosswalk.csv): the same digits mean other land there.</source>
        <translation>用地代码字段采用的分类。标准配置的 applies_to 同时列出用地用海 2023 代码和 GB 50137 字母代码，因此这类代码按原样读取。第三次全国国土调查（三调）的代码必须经对照表转换（resources/factors/landuse_crosswalk.csv）：相同的数字在三调中表示其他用地。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="240"/>
        <source>用地用海分类 2023 or GB 50137-2011, as the profile's applies_to (read as written)</source>
        <translation>用地用海分类 2023 或 GB 50137-2011，与标准配置的 applies_to 一致（按原样读取）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="246"/>
        <source>Rules passed</source>
        <translation>通过的规则数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="247"/>
        <source>Rules failed</source>
        <translation>未通过的规则数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="248"/>
        <source>Rules not assessed</source>
        <translation>未评估的规则数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="252"/>
        <source>The profile {path}, line {line}: the column {column} is empty.</source>
        <translation>标准配置 {path} 第 {line} 行：{column} 列为空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="253"/>
        <source>The profile {path}, line {line}: unknown operator “{value}”; use one of {allowed}.</source>
        <translation>标准配置 {path} 第 {line} 行：未知运算符“{value}”；请使用 {allowed} 之一。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="255"/>
        <source>The profile {path}, line {line}: “{value}” is not a valid {column}; use one of {allowed}.</source>
        <translation>标准配置 {path} 第 {line} 行：“{value}”不是有效的 {column}；请使用 {allowed} 之一。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="257"/>
        <source>The profile {path}, line {line}: {column} “{value}” is not a number.</source>
        <translation>标准配置 {path} 第 {line} 行：{column}“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="259"/>
        <source>The profile {path}, line {line}: rule {rule} uses between but has no threshold_high.</source>
        <translation>标准配置 {path} 第 {line} 行：规则 {rule} 使用 between，但没有 threshold_high。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="261"/>
        <source>The profile {path}, line {line}: rule {rule} has threshold_high {high} not above threshold {low}.</source>
        <translation>标准配置 {path} 第 {line} 行：规则 {rule} 的 threshold_high {high} 不大于阈值 {low}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="264"/>
        <source>The profile {path}, line {line}: rule {rule} has a threshold_high but its operator is {operator}; leave threshold_high empty unless the operator is between.</source>
        <translation>标准配置 {path} 第 {line} 行：规则 {rule} 设有 threshold_high，但其运算符为 {operator}；除非运算符为 between，否则请将 threshold_high 留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="267"/>
        <source>The profile {path}, line {line}: rule_id {rule} appears twice.</source>
        <translation>标准配置 {path} 第 {line} 行：rule_id {rule} 出现了两次。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="268"/>
        <source>The profile {path}, line {line}: rule {rule} has applies_to “{value}”; write land-use codes separated by |, without spaces, commas or empty codes (e.g. 0701|R).</source>
        <translation>标准配置 {path} 第 {line} 行：规则 {rule} 的 applies_to 为“{value}”；用地代码请以 | 分隔，不得含空格、逗号或空代码（如 0701|R）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="271"/>
        <source>Field map: rule {rule}: unknown unit “{unit}”. Known units: {known}.</source>
        <translation>字段映射：规则 {rule}：未知单位“{unit}”。支持的单位：{known}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="273"/>
        <source>Field map: rule {rule} is in {rule_unit}, which cannot be converted from the field&apos;s unit {field_unit}.</source>
        <translation>字段映射：规则 {rule} 的单位为 {rule_unit}，无法由字段单位 {field_unit} 换算得到。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="276"/>
        <source>Field map: “{item}” is not of the form rule_id=field or rule_id=field[unit].</source>
        <translation>字段映射：“{item}”不符合 rule_id=field 或 rule_id=field[unit] 格式。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="278"/>
        <source>Field map: the profile has no rule “{rule}”. Its rules are: {rules}.</source>
        <translation>字段映射：标准配置中没有规则“{rule}”。其规则有：{rules}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="280"/>
        <source>Field map: rule {rule} is mapped twice.</source>
        <translation>字段映射：规则 {rule} 被映射了两次。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="281"/>
        <source>Field map: rule {rule} reads “{field}”, which the layer does not have. Its fields are: {fields}.</source>
        <translation>字段映射：规则 {rule} 读取“{field}”，但图层中没有该字段。图层的字段有：{fields}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="283"/>
        <source>The profile {path}, line {line}: rule {rule} has by_class “{value}”; write the class table's file name and column as file.csv:column (e.g. gb50180_residential_blocks.csv:far_max).</source>
        <translation>标准配置 {path} 第 {line} 行：规则 {rule} 的 by_class 为“{value}”；请按 file.csv:column 的形式写出类别表的文件名和列名（如 gb50180_residential_blocks.csv:far_max）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="286"/>
        <source>The profile {path}, line {line}: rule {rule} takes its threshold from a class table (by_class), which needs one of the operators {allowed}, not {operator}.</source>
        <translation>标准配置 {path} 第 {line} 行：规则 {rule} 的阈值取自类别表（by_class），其运算符须为 {allowed} 之一，而不是 {operator}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="289"/>
        <source>The class table {file} named in the profile&apos;s by_class column is in none of these folders: {folders}.</source>
        <translation>标准配置 by_class 列指定的类别表 {file} 不在以下任何文件夹中：{folders}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="292"/>
        <source>The class table {path} has no column “{column}”, which rule {rule} reads (by_class).</source>
        <translation>类别表 {path} 中没有规则 {rule} 所读取（by_class）的列“{column}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="294"/>
        <source>The class table {path}, line {line}: climate zone {zone} and height class {height_class} appear twice.</source>
        <translation>类别表 {path} 第 {line} 行：气候区 {zone} 与层数类别 {height_class} 重复出现。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="297"/>
        <source>The class table {path} has no rows for the climate zone {zone}; its zones are: {zones}.</source>
        <translation>类别表 {path} 中没有气候区 {zone} 的行；表中的气候区为：{zones}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="312"/>
        <source>The profile {path} has no {level} rules: choose another planning level.</source>
        <translation>标准配置 {path} 中没有 {level} 规则：请选择其他规划层级。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="324"/>
        <source>Profile {path}: {n} rules.</source>
        <translation>标准配置 {path}：{n} 条规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="333"/>
        <source>Land-use codes of “{field}” are read as {scheme} and translated to 用地用海分类 2023 codes through {path}.</source>
        <translation>“{field}”的用地代码按{scheme}读取，并经 {path} 转换为用地用海分类 2023 代码。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="414"/>
        <source>“{layer}”: {n} values of “{field}” for rule {rule} are above 1, which no share can be: they are read as per cent (35 as 0.35). If the field holds per cent throughout, say so in the field map ({rule}={field}[%]).</source>
        <translation>“{layer}”：字段“{field}”中有 {n} 个值（规则 {rule}）大于 1，而比例不可能大于 1：这些值按百分数读取（35 读作 0.35）。若该字段全部以百分数填写，请在字段映射中注明（{rule}={field}[%]）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="420"/>
        <source>{n} features have a land-use code that the crosswalk does not know: {codes}. Rules with applies_to are not assessed on them.</source>
        <translation>有 {n} 个要素的用地代码在对照表中查不到：{codes}。带 applies_to 的规则不对其评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="436"/>
        <source>Planning check against {path}: score = passed / assessed rules (0–1), r_&lt;rule&gt; 1 pass, 0 fail, NULL not assessed or not applicable (n_nap). Unverified rules are editable defaults, not legal verdicts. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>依据 {path} 的规划检查：score = 通过规则数 / 已评估规则数（0–1），r_&lt;rule&gt; 为 1 通过、0 未通过、NULL 未评估或不适用（n_nap）。未核实的规则是可编辑的默认值，不是法律结论。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="459"/>
        <source>“{field}” holds text: {n} values read as numbers, {p} of them written as a percentage (35% read as 0.35 for a rule in shares).</source>
        <translation>“{field}”以文本存储：{n} 个值读作数值，其中 {p} 个以百分数书写（对以比值为单位的规则，35% 读作 0.35）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="463"/>
        <source>“{field}”: {n} values hold no number the check can read (e.g. {examples}), or a percentage for a rule that is not a share; the rule is not assessed there.</source>
        <translation>“{field}”：{n} 个值中没有可读取的数值（如 {examples}），或为以百分数书写但规则并非比值；这些要素不评估该规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="476"/>
        <source>Rule {rule}: reads “{field}” for its indicator “{indicator}” (a known name of it: {source}; {path}). Map the rule in the field map to read another field.</source>
        <translation>规则 {rule}：读取“{field}”作为其指标“{indicator}”（该指标的常用名称：{source}；{path}）。如需读取其他字段，请在字段映射中指定该规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="491"/>
        <source>Field map: rule {rule} reads “{field}”, which is not numeric ({kind}).</source>
        <translation>字段映射：规则 {rule} 读取的“{field}”不是数值型（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="494"/>
        <source>Rule {rule}: the field “{field}” is not numeric; the rule is not assessed.</source>
        <translation>规则 {rule}：字段“{field}”不是数值型；该规则未评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="499"/>
        <source>Rule {rule}: no field for its indicator “{indicator}”; not assessed.</source>
        <translation>规则 {rule}：没有对应其指标“{indicator}”的字段；未评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="574"/>
        <source>The layer has no field “{field}”.</source>
        <translation>图层中没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="516"/>
        <source>No residents field: the per-resident rules {rules} are judged whatever the number of residents.</source>
        <translation>未指定居民字段：人均类规则 {rules} 不论居民多少均作出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="521"/>
        <source>Per-resident rules {rules}: not assessed where “{field}” is below {n:g} residents.</source>
        <translation>人均类规则 {rules}：“{field}”少于 {n:g} 人的要素不评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="529"/>
        <source>Rule {rule}: {n} features not assessed, too few residents (fewer than {min:g}): a ratio to so few residents is not a planning fact (n_few).</source>
        <translation>规则 {rule}：{n} 个要素因居民过少（少于 {min:g} 人）未评估：以如此少的居民计算的比值不具规划意义（n_few）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="543"/>
        <source>Rule {rule}: where “{flag}” is 1 the value of “{field}” rests on shipped defaults, not your data; those features get no verdict on it (n_est).</source>
        <translation>规则 {rule}：“{flag}”为 1 的要素，其“{field}”取值基于自带默认值而非您的数据；这些要素不对该规则作结论（计入 n_est）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="555"/>
        <source>No land-use code field: the rules {rules} are meant for some land uses only (applies_to) but are checked on every feature.</source>
        <translation>未指定用地代码字段：规则 {rules} 仅适用于部分用地（applies_to），但现对所有要素进行检查。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="563"/>
        <source>Land use from “{field}”: {n} rules apply to some land uses only.</source>
        <translation>用地取自“{field}”：{n} 条规则仅适用于部分用地。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="576"/>
        <source>The field “{field}” must be numeric; it holds {kind}.</source>
        <translation>字段“{field}”必须为数值型；该字段为 {kind}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="585"/>
        <source>Rule {rule}: thresholds by climate zone and height class from {table}.</source>
        <translation>规则 {rule}：阈值按气候区和层数类别取自 {table}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="588"/>
        <source>No building climate zone chosen: the rules {rules} use the most lenient row of any zone for each height class. Choose the plan&apos;s climate zone for the real check.</source>
        <translation>未选择建筑气候区：规则 {rules} 对每个层数类别取各气候区中最宽松的一行。正式核查时请选择规划所在的气候区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="592"/>
        <source>No floors or height field: the rules {rules} cannot tell the parcels&apos; height class and check every parcel against their own threshold (the most lenient value of the class table as shipped). Give the Floors or Height field for the check by height class.</source>
        <translation>未提供层数或高度字段：规则 {rules} 无法判断地块的层数类别，对所有地块采用规则自身阈值（随插件提供的值为类别表中最宽松的值）。如需按层数类别核查，请提供层数字段或高度字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="601"/>
        <source>“{layer}”: {n} values of “{field}” cannot be real for rule {rules} (negative, or a nodata code such as −9999 or 9999 in a ratio or share); they are read as missing, so the rule is not assessed there.</source>
        <translation>“{layer}”：“{field}”中有 {n} 个值对规则 {rules} 不可能为真实值（负值，或比率、比例中的 −9999、9999 等无数据代码）；这些值按缺失处理，该规则在这些要素上不作评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="608"/>
        <source>Rule {rule}: {n_class} features checked against their height class, {n_default} against the rule&apos;s own threshold (height class unknown), {n_above} not assessed (above the table&apos;s highest class).</source>
        <translation>规则 {rule}：{n_class} 个要素按其层数类别核查，{n_default} 个按规则自身阈值核查（层数类别未知），{n_above} 个未评估（超过表中最高类别）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="614"/>
        <source>Rule {rule}: {n} features are above the highest height class of the table (GB 50180-2018 Table 4.0.2 ends at 26 floors and 80 m); they are not assessed.</source>
        <translation>规则 {rule}：{n} 个要素超过表中最高层数类别（GB 50180-2018 表 4.0.2 止于 26 层、80 m），不予评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="623"/>
        <source>Rule {rule}: “{field}” converted from {source} to {target} (× {factor:g}).</source>
        <translation>规则 {rule}：“{field}”已由 {source} 换算为 {target}（× {factor:g}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="631"/>
        <source>{n} rules are UNVERIFIED (editable defaults whose number was not read in the standard; not legally binding): {rules}.</source>
        <translation>{n} 条规则未核实（可编辑的默认值，其数值未经查阅标准原文核实；不具法律约束力）：{rules}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="637"/>
        <source> [unverified]</source>
        <translation> [未核实]</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_check.py" line="638"/>
        <source>{rule}{label}: {verdict} ({p} pass, {f} fail, {na} not assessed, {nap} not applicable, {est} estimated from shipped defaults).</source>
        <translation>{rule}{label}：{verdict}（{p} 个通过，{f} 个未通过，{na} 个未评估，{nap} 个不适用，{est} 个基于自带默认值估算）。</translation>
    </message>
</context>
<context>
    <name>PlanningReport</name>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="69"/>
        <source>Planning check report (HTML and PDF)</source>
        <translation>规划检查报告（HTML 和 PDF）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="72"/>
        <source>Turns the result of Planning check into a report a review panel can read without QGIS: an HTML page (self-contained: open it in any browser) and a PDF made with a print layout, in English or Simplified Chinese whatever the language QGIS runs in.

First page: the plan's name, district, organisation and date (the optional parameters below), the standards profile (recognised from the rule table, with any edited thresholds named) and the planning level; the verdict in one sentence (e.g. “3 of 6 units pass; 2 fail; 1 has too few rules assessed.”); a map of the units coloured pass, fail, insufficient data or not assessed, with legend, scale bar and north arrow; and the rules failed in most units.

Then: the indicator table (rule, name, status, requirement, unit, measured min / mean / max, verdict, counts, source and clause) and the rules' sources; the result of each unit, up to the 500 with the lowest share of rules passed (share of rules passed, the rules it fails and the rules it has no value for); with a Synergy result, the quadrant chart of the low-carbon score against the resilience score; in one place, the defaults and unverified values the verdicts rest on (unverified thresholds, rules judged on shipped defaults, the factor tables in effect: your own from Settings, else the shipped ones; the inputs estimated or not given, as listed under Inputs estimated or not given); the input layers (layer and file name, never a folder path, CRS, feature count).

Rules whose threshold was not read in the cited standard are marked “unverified / 未核实” wherever they appear: their verdicts are screening results, not legal findings.

Chinese text in the PDF needs a CJK font: Noto Sans CJK SC is used when installed (Debian/Ubuntu package fonts-noto-cjk).</source>
        <translation>将“规划检查”的结果转换为评审组无需 QGIS 即可阅读的报告：一个 HTML 页面（自包含，可在任意浏览器中打开）和一个用打印布局生成的 PDF，报告语言可选英文或简体中文，与 QGIS 的界面语言无关。

第一页：规划名称、区域、编制单位和日期（下方的可选参数），指标体系（由规则表识别，并注明被修改阈值的规则）和规划层级；一句话结论（如“6 个单元中 3 个通过；2 个不通过；1 个数据不足。”）；按通过、不通过、数据不足或未评估着色的单元分布图，附图例、比例尺和指北针；以及不达标单元最多的指标。

随后：指标表（规则、名称、状态、要求、单位、实测最小值 / 平均值 / 最大值、结论、计数、来源和条款）及规则的来源；各单元的结果，最多列出指标达标率最低的 500 个单元（指标达标率、未达标的规则及无数值的规则）；提供协同结果时，低碳得分与韧性得分的象限图；集中列出结论所依据的默认值与未核实数值（未核实的阈值、仅依据内置默认值判定的规则、当前使用的因子表：优先使用“设置”中导入的自有因子表，否则使用工具箱自带的因子表；以及“估算的与未提供的输入”中列出的输入）；输入图层（图层名和文件名，从不含文件夹路径；坐标参考系、要素数）。

阈值未经查阅所引标准原文核实的规则，在出现之处均标注“unverified / 未核实”：其结论为筛查结果，而非法律认定。

PDF 中的中文需要 CJK 字体：如已安装则使用 Noto Sans CJK SC（Debian/Ubuntu 软件包 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="100"/>
        <source>Planning check result</source>
        <translation>规划检查结果</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="100"/>
        <source>The OUTPUT of Planning check: units or parcels with score, n_pass, n_fail, n_na and r_&lt;rule&gt; fields.</source>
        <translation>“规划检查”的 OUTPUT 输出：带有 score、n_pass、n_fail、n_na 和 r_&lt;rule&gt; 字段的单元或地块。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="104"/>
        <source>Planning check rules</source>
        <translation>规划检查规则</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="104"/>
        <source>The TABLE output of Planning check (one row per rule). Without it the report cannot name the rules, their thresholds, sources or status.</source>
        <translation>“规划检查”的 TABLE 输出（每条规则一行）。缺少该表时，报告无法给出规则名称、阈值、来源或状态。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="108"/>
        <source>Synergy result</source>
        <translation>协同结果</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="108"/>
        <source>The OUTPUT of Low-carbon × resilience synergy (lc_score, res_score, quadrant), for the quadrant chart.</source>
        <translation>“低碳 × 韧性协同”的 OUTPUT 输出（lc_score、res_score、quadrant），用于绘制象限图。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="112"/>
        <source>Unit name field</source>
        <translation>单元名称字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="112"/>
        <source>Field naming each unit or parcel in the tables, on the map and in the chart (the Synergy result is matched if it has a field of the same name). Empty: the feature id.</source>
        <translation>在表格、地图和图表中标注各单元或地块名称的字段（协同结果中有同名字段时据此匹配）。留空：采用要素 ID。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="116"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="116"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="116"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="116"/>
        <source>Language of the report&apos;s text (rule names come from the name_en or name_zh column).</source>
        <translation>报告文字所用的语言（规则名称取自 name_en 或 name_zh 列）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="120"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="120"/>
        <source>Title of the report. Empty: “Planning check report” in the report's language.</source>
        <translation>报告标题。留空：采用报告语言的“规划检查报告”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="123"/>
        <source>Plan name</source>
        <translation>规划名称</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="123"/>
        <source>Name of the plan checked, the first page's title, e.g. “Hexing District regulatory plan 2025–2035”. Empty: the title alone.</source>
        <translation>所核查规划的名称，作为第一页的标题，如“和兴片区控制性详细规划 2025–2035”。为空时只显示报告标题。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="127"/>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="127"/>
        <source>The district, town or area the plan covers, shown on the first page.</source>
        <translation>规划覆盖的区、镇或片区，显示在第一页。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="130"/>
        <source>Organisation</source>
        <translation>编制单位</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="130"/>
        <source>Who made the plan or the check (planning bureau, institute), shown on the first page.</source>
        <translation>编制规划或进行核查的单位（规划局、设计院），显示在第一页。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="133"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="133"/>
        <source>Date of the plan or of the check as it should be printed, e.g. 2026-03-31. Empty: today.</source>
        <translation>报告上印出的规划或核查日期，如 2026-03-31。为空时为当天。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="136"/>
        <source>Standards profile name</source>
        <translation>指标体系名称</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="136"/>
        <source>How to name the standards profile on the first page, e.g. for a profile of your own. Empty: the shipped profile the rule table comes from, with any edited thresholds named.</source>
        <translation>第一页上指标体系的名称，例如用于自定义指标体系。为空时显示规则表所属的内置指标体系，并注明被修改阈值的规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="141"/>
        <source>Inputs estimated or not given</source>
        <translation>估算的与未提供的输入</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="141"/>
        <source>One line each, listed at the end of the report under their own heading, with a caveat on the first page: values estimated in preparing the data (e.g. residents from floor area for OpenStreetMap buildings) and inputs left out (e.g. no flood zones). The wizard fills it in.</source>
        <translation>每行一条，列于报告末尾的专门标题下，并在第一页加提示：准备数据时估算的数值（如按建筑面积估算 OpenStreetMap 建筑的居民数）以及未提供的输入（如没有洪涝淹没区）。向导会自动填写。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="147"/>
        <source>Proposed measures</source>
        <translation>拟议措施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="147"/>
        <source>An output of Size LID measures per parcel, Site new facilities or Close carbon gaps (by unit): shown on a map and listed in the section “Measures that make the plan pass”.</source>
        <translation>“地块 LID 设施规模”“新增设施选址”或“弥补碳排放缺口”（按单元）的输出：在“使规划达标的措施”一节中以地图展示并列出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="152"/>
        <source>Before and after per rule</source>
        <translation>各规则措施前后对比</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="152"/>
        <source>The OUTPUT of Compare two plan checks: the table before and after the measures, in the same section.</source>
        <translation>“对比两次规划核查”的 OUTPUT：措施前后对比表，列于同一节。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="157"/>
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="157"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="157"/>
        <source>The report as one HTML file with everything inside it.</source>
        <translation>报告为单个 HTML 文件，所有内容均包含在内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="160"/>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="160"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="160"/>
        <source>The report as a PDF: the first page with the verdict and the map, then the tables.</source>
        <translation>PDF 格式的报告：第一页为结论和地图，随后是各表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="166"/>
        <source>The planning check result lacks the field(s) {missing}: choose the OUTPUT of Planning check.</source>
        <translation>规划检查结果缺少字段 {missing}：请选择“规划检查”的 OUTPUT 输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="168"/>
        <source>The planning check result has no r_&lt;rule&gt; fields: choose the OUTPUT of Planning check.</source>
        <translation>规划检查结果中没有 r_&lt;rule&gt; 字段：请选择“规划检查”的 OUTPUT 输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="170"/>
        <source>The synergy result lacks the field(s) {missing}: choose the OUTPUT of Low-carbon × resilience synergy.</source>
        <translation>协同结果缺少字段 {missing}：请选择“低碳 × 韧性协同”的 OUTPUT 输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="173"/>
        <source>The rule table lacks the field(s) {missing}: choose the TABLE output of Planning check.</source>
        <translation>规则表缺少字段 {missing}：请选择“规划检查”的 TABLE 输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="221"/>
        <source>Cannot write the PDF {path}: {reason}</source>
        <translation>无法写入 PDF {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="313"/>
        <source>{n} units of the synergy result have no scores: they are not in the chart.</source>
        <translation>协同结果中有 {n} 个单元没有得分：未在图表中显示。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="327"/>
        <source>“{layer}” holds no measures: give an output of Size LID measures per parcel, Site new facilities or Close carbon gaps (by unit).</source>
        <translation>“{layer}”不含措施：请给出“地块 LID 设施规模”“新增设施选址”或“弥补碳排放缺口”（按单元）的输出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="362"/>
        <source>“{layer}” lacks the field(s) {missing}: give the OUTPUT of Compare two plan checks.</source>
        <translation>“{layer}”缺少字段 {missing}：请给出“对比两次规划核查”的 OUTPUT。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="384"/>
        <source>Cannot read the shipped profile {key}.</source>
        <translation>无法读取内置指标体系 {key}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="427"/>
        <source>The font {font} is not installed: Chinese text in the PDF may show as empty boxes. Install it (Debian/Ubuntu: fonts-noto-cjk) and run again.</source>
        <translation>未安装字体 {font}：PDF 中的中文可能显示为空白方框。请安装该字体（Debian/Ubuntu：fonts-noto-cjk）后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="438"/>
        <source>{n} rules are unverified; the report marks them: {rules}.</source>
        <translation>{n} 条规则未核实，报告中已作标注：{rules}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="441"/>
        <source>No rule table (RULES): the report cannot give the rules&apos; names, thresholds, sources or status.</source>
        <translation>未提供规则表（RULES）：报告无法给出规则的名称、阈值、来源或状态。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/planning_report.py" line="444"/>
        <source>The rule table names rules without a result field in the planning check result: {rules}. Are the two outputs of the same run?</source>
        <translation>规则表中的以下规则在规划检查结果中没有对应的结果字段：{rules}。两者是否为同一次运行的输出？</translation>
    </message>
</context>
<context>
    <name>PlanningWizard</name>
    <message>
        <location filename="../../work/main/ui/wizard/wizard.py" line="42"/>
        <source>Planning check wizard</source>
        <translation>规划检查向导</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/wizard.py" line="47"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/wizard.py" line="47"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/wizard.py" line="47"/>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/wizard.py" line="47"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PoiCategories</name>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="39"/>
        <source>POI categories to facility and stop types (Amap, Baidu)</source>
        <translation>POI 类别转为设施类型和站点类型（高德、百度）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="42"/>
        <source>Adds to POIs downloaded from Amap (高德) or Baidu (百度) the facility type that Community life circles reads (fac_type: kindergarten, primary_school, middle_school, clinic, elderly_care, market, community_center, sports, the types of GB 50180-2018 in the facility table) and the stop type that Transit coverage reads (stop_type: bus or rail).

The category field may hold Amap typecodes (141204 幼儿园; six digits: big, middle and small class; a code stored as a number, 90300, gets its leading zero back), Amap type names (科教文化服务;学校;幼儿园) or Baidu tags (教育培训;幼儿园). The table (resources/factors/poi_categories.csv, editable, a reason on every row) maps each code or category, the most detailed listed match winning. Where the category matches no row, the name field is searched for words such as 社区卫生服务中心 or 日间照料中心, which the maps' categories do not single out; the longest word found wins, so a stop named 某某小学(公交站) is a bus stop.

Remember to convert the POIs' GCJ-02 or BD-09 coordinates (Convert Chinese web-map coordinates) before measuring distances.

Output fields: fac_type, stop_type (NULL where none), cat_by (code or name: what gave the type). The log counts the POIs of each type and names the categories no row matched.</source>
        <translation>为从高德或百度下载的 POI 添加“社区生活圈”读取的设施类型（fac_type：kindergarten 幼儿园、primary_school 小学、middle_school 中学、clinic 卫生服务站、elderly_care 养老、market 菜市场、community_center 社区服务中心、sports 体育，即设施表中 GB 50180-2018 的类型），以及“公共交通覆盖率”读取的站点类型（stop_type：bus 公交或 rail 轨道）。

类别字段可以是高德 typecode（141204 幼儿园；六位数字：大类、中类、小类；以数值存储的代码如 90300 会补回前导零）、高德类型名称（科教文化服务;学校;幼儿园）或百度标签（教育培训;幼儿园）。对照表（resources/factors/poi_categories.csv，可编辑，每行注明理由）映射各代码或类别，以所列最详细的匹配为准。类别未匹配任何行时，在名称字段中查找 社区卫生服务中心、日间照料中心 等地图类别未单列的词；以找到的最长词为准，因此名为 某某小学(公交站) 的站点是公交站。

量算距离前，请先转换 POI 的 GCJ-02 或 BD-09 坐标（国内网络地图坐标转换）。

输出字段：fac_type、stop_type（无则为 NULL）、cat_by（code 或 name：类型的来源）。日志统计各类型的 POI 数，并列出未匹配任何行的类别。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="61"/>
        <source>POIs</source>
        <translation>兴趣点（POI）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="61"/>
        <source>POIs from Amap or Baidu (points; AOI polygons work too).</source>
        <translation>来自高德或百度的 POI（点；AOI 面也可）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="64"/>
        <source>Category field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="64"/>
        <source>Amap typecode (typecode), Amap type (type) or Baidu tag (tag) of each POI.</source>
        <translation>各 POI 的高德 typecode、高德 type 或百度 tag。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="68"/>
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="68"/>
        <source>Name of each POI, searched for the table&apos;s words where the category matches no row.</source>
        <translation>各 POI 的名称；类别未匹配任何行时，在其中查找对照表中的词。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="72"/>
        <source>POI category table (CSV)</source>
        <translation>POI 类别对照表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="72"/>
        <source>Replaces the shipped table: columns match (typecode, category or name), code, fac_type, stop_type, and reason, source, year, verified.</source>
        <translation>替换随插件提供的对照表：列为 match（typecode、category 或 name）、code、fac_type、stop_type，以及 reason、source、year、verified。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="76"/>
        <source>POIs with types</source>
        <translation>带类型的 POI</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="76"/>
        <source>The POIs with fac_type, stop_type and cat_by added.</source>
        <translation>添加了 fac_type、stop_type 和 cat_by 的 POI。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="78"/>
        <source>POIs with a facility type</source>
        <translation>有设施类型的 POI 数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="79"/>
        <source>POIs with a stop type</source>
        <translation>有站点类型的 POI 数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="80"/>
        <source>POIs no row matched</source>
        <translation>未匹配任何行的 POI 数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="84"/>
        <source>The POI category table {path}, line {line}: match “{value}” must be typecode, category or name.</source>
        <translation>POI 类别对照表 {path} 第 {line} 行：match “{value}” 必须为 typecode、category 或 name。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="86"/>
        <source>The POI category table {path}, line {line}: stop_type “{value}” must be bus, rail or empty.</source>
        <translation>POI 类别对照表 {path} 第 {line} 行：stop_type “{value}” 必须为 bus、rail 或留空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="88"/>
        <source>The POI category table {path}, line {line}: the typecode “{value}” is not 1 to 6 digits.</source>
        <translation>POI 类别对照表 {path} 第 {line} 行：typecode “{value}” 不是 1 至 6 位数字。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="90"/>
        <source>The POI category table {path}, line {line}: code is empty.</source>
        <translation>POI 类别对照表 {path} 第 {line} 行：code 为空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="97"/>
        <source>Choose the field of the POIs that holds their category.</source>
        <translation>请选择存放 POI 类别的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="122"/>
        <source>The POI category table {path} names facility types that the facility table {facilities} lacks: {types}. Community life circles will ignore POIs of those types.</source>
        <translation>POI 类别对照表 {path} 中有设施表 {facilities} 没有的设施类型：{types}。“社区生活圈”将忽略这些类型的 POI。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="128"/>
        <source>POI category table: {path}.</source>
        <translation>POI 类别对照表：{path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="131"/>
        <source>“{layer}”: {n_fac} POIs have a facility type ({facilities}), {n_stop} a stop type ({stops}); {n_name} of them by their name.</source>
        <translation>“{layer}”：{n_fac} 个 POI 有设施类型（{facilities}），{n_stop} 个有站点类型（{stops}）；其中 {n_name} 个依据名称。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="139"/>
        <source>{n} POIs are in categories the table knows as neither a life-circle facility nor a stop.</source>
        <translation>有 {n} 个 POI 所属类别在对照表中既非生活圈设施也非站点。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="143"/>
        <source>{n} POIs of “{layer}” could not be mapped: no row of the table matches their “{field}” (nor their name). Most frequent: {values}. Add rows to the table where they are facilities or stops.</source>
        <translation>“{layer}”中有 {n} 个 POI 无法映射：对照表中没有与其“{field}”（及名称）匹配的行。最常见的：{values}。若其为设施或站点，请在对照表中添加相应行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/poi_categories.py" line="150"/>
        <source>No POI of “{layer}” got a type: is “{field}” the category field?</source>
        <translation>“{layer}”中没有 POI 获得类型：“{field}”是类别字段吗？</translation>
    </message>
</context>
<context>
    <name>Prepare</name>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="121"/>
        <source>The algorithm {id} is not installed.</source>
        <translation>未安装算法 {id}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="122"/>
        <source>Running {name} ({id})…</source>
        <translation>正在运行 {name}（{id}）…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="126"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="128"/>
        <source>{name} failed: see the log.</source>
        <translation>{name} 运行失败：请查看日志。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="146"/>
        <source>Demo district</source>
        <translation>示例片区</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="190"/>
        <source>residents estimated for {n:,} buildings from floor area ({people:,.0f} people): OpenStreetMap has no residents (field residents_est)</source>
        <translation>按建筑面积估算了 {n:,} 栋建筑的居民（共 {people:,.0f} 人）：OpenStreetMap 没有居民数据（字段 residents_est）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="193"/>
        <source>floors estimated for {n:,} of {total:,} buildings without a building:levels tag, from their height or type (field floors_est)</source>
        <translation>{total:,} 栋建筑中有 {n:,} 栋没有 building:levels 标签，按高度或建筑类型估算了层数（字段 floors_est）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="196"/>
        <source>use estimated for {n:,} of {total:,} buildings from the surrounding land use or the fall-back (field use_est)</source>
        <translation>{total:,} 栋建筑中有 {n:,} 栋的用途按周边用地或缺省值估算（字段 use_est）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="202"/>
        <source>facility type estimated for {n:,} of {total:,} facilities (field type_est)</source>
        <translation>{total:,} 处设施中有 {n:,} 处的设施类型为估算（字段 type_est）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="207"/>
        <source>{n:,} candidate shelters with capacity estimated from their area: open spaces, not designated shelters (field est)</source>
        <translation>{n:,} 处候选避难场所的容量按面积估算：为开敞空间，并非已认定的避难场所（字段 est）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="212"/>
        <source>{n:,} planning units: grid cells holding buildings, not planning units of a plan</source>
        <translation>{n:,} 个规划单元：含建筑的网格单元，并非规划中的规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="215"/>
        <source>{n:,} planning units: the administrative areas of the extract, not planning units of a plan</source>
        <translation>{n:,} 个规划单元：数据中的行政区，并非规划中的规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="323"/>
        <source>{n:,} POIs moved from Chinese web-map coordinates to WGS 84 / CGCS2000, by {shift:,.0f} m on average</source>
        <translation>{n:,} 个 POI 由中国网络地图坐标转换为 WGS 84 / CGCS2000，平均移动 {shift:,.0f} 米</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="328"/>
        <source>{fac:,} POIs typed as life-circle facilities and {stops:,} as transit stops from their categories; {none:,} matched no category</source>
        <translation>按类别将 {fac:,} 个 POI 归为生活圈设施、{stops:,} 个归为公交站点；{none:,} 个未匹配任何类别</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="335"/>
        <source>land-use codes of {n:,} parcels read through the crosswalk; {none:,} not recognised (no land-use class)</source>
        <translation>通过对照表读取了 {n:,} 个地块的用地代码；{none:,} 个无法识别（无用地类别）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="342"/>
        <source>Flood rules were not assessed because no flood layer was given: shelters are counted whether or not they lie in a flood zone.</source>
        <translation>未提供洪涝图层，因此未评估洪涝相关规则：避难场所无论是否位于淹没区均计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/prepare.py" line="344"/>
        <source>Data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright).</source>
        <translation>数据 © OpenStreetMap 贡献者，ODbL 1.0（openstreetmap.org/copyright）。</translation>
    </message>
</context>
<context>
    <name>PrepareOsm</name>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="118"/>
        <source>Prepare OpenStreetMap data</source>
        <translation>准备 OpenStreetMap 数据</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="121"/>
        <source>From an OpenStreetMap extract (.osm.pbf or .osm, read with GDAL's OSM driver) to the layers the plan-check models read, with the field names they expect: buildings, walkable roads, transit stops, life-circle facilities, parks and green spaces, candidate shelters, land cover, water and planning units. No hand preparation: every rule is a row of a CSV table in resources/osm/ (tag → use, floors, facility type, stop type, land-cover code, park type, shelter site, road), each with its reason and source; put your own copies in a folder and name it under Mapping tables.

Buildings: floors from building:levels (text read as a number), else height / storey height, else the default floors of the building type, else the fall-back number (floors_src says which; floors_est = 1 where not from building:levels). Use from building=*, then amenity, shop, office and tourism, then the surrounding landuse area, then the table's fallback row (use_src, use_est). Residents = footprint × floors / floor area per person, in residential buildings only, all flagged residents_est = 1: OSM has no residents.

Every layer is written in a local metric CRS: in China the CGCS2000 3-degree Gauss-Krüger zone of the data (EPSG:4534–4554), elsewhere its WGS 84 UTM zone; or in the CRS you choose. Areas, sizes and capacities are measured in the local metric CRS whichever you choose.

Planning units: a grid of square cells holding buildings, or the administrative boundaries of one admin_level in the extract. OSM has no flood hazard: bring your own flood zones.

Data © OpenStreetMap contributors, under the Open Database Licence (ODbL 1.0): say so wherever the layers, maps or reports made from them are shown.</source>
        <translation>由 OpenStreetMap 数据摘录（.osm.pbf 或 .osm，用 GDAL 的 OSM 驱动读取）生成规划检查模型所读的图层，字段名即模型所期望的：建筑、可步行道路、公交站点、生活圈设施、公园绿地、候选避难场所、土地覆被、水体和规划单元。无需手工整理：每条规则都是 resources/osm/ 中一张 CSV 表的一行（标签 → 用途、层数、设施类型、站点类型、土地覆被代码、公园类型、避难场地、道路），各附理由与来源；可把自己的副本放在一个文件夹中，在“映射表”处指定。

建筑：层数取自 building:levels（文本读作数字），否则取高度 / 层高，否则取该建筑类型的默认层数，否则取兜底层数（floors_src 记其来源；非取自 building:levels 者 floors_est = 1）。用途依次取自 building=*、amenity、shop、office 和 tourism，再取所在 landuse 区域，最后取表中兜底行（use_src、use_est）。居民 = 占地面积 × 层数 / 人均建筑面积，仅限住宅建筑，全部标记 residents_est = 1：OSM 没有人口数据。

所有图层写入当地米制坐标系：在中国为数据所在的 CGCS2000 3 度带高斯-克吕格投影（EPSG:4534–4554），其他地区为其 WGS 84 UTM 带；或写入所选坐标系。无论选择何种坐标系，面积、规模和容量都在当地米制坐标系中量算。

规划单元：含有建筑的方格网，或摘录中某一 admin_level 的行政边界。OSM 没有洪涝风险数据：请自备淹没区。

数据 © OpenStreetMap 贡献者，依开放数据库许可（ODbL 1.0）发布：凡展示由其制作的图层、地图或报告，均须注明。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="143"/>
        <source>OpenStreetMap extract (.osm.pbf or .osm)</source>
        <translation>OpenStreetMap 数据摘录（.osm.pbf 或 .osm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="143"/>
        <source>OpenStreetMap files (*.osm.pbf *.pbf *.osm)</source>
        <translation>OpenStreetMap 文件 (*.osm.pbf *.pbf *.osm)</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="143"/>
        <source>An extract of the town or district, as downloaded (.osm.pbf) or exported (.osm).</source>
        <translation>城镇或片区的数据摘录，即下载的 .osm.pbf 或导出的 .osm 文件。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="147"/>
        <source>Output CRS</source>
        <translation>输出坐标系</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="147"/>
        <source>Empty: the local metric CRS (CGCS2000 3-degree Gauss-Krüger in China, WGS 84 UTM elsewhere). Measurements are made in the local metric CRS whichever is chosen.</source>
        <translation>留空：当地米制坐标系（中国为 CGCS2000 3 度带高斯-克吕格，其他地区为 WGS 84 UTM）。无论选择何种坐标系，量算都在当地米制坐标系中进行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="150"/>
        <source>Floor area per resident (m²)</source>
        <translation>人均住房建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="150"/>
        <source>Housing floor area per person: residents = residential floor area / this. 40 m²: a round assumption near China's reported urban average around 2019 (National Bureau of Statistics, as widely reported; not checked against its yearbook). Use your city's 人均住房建筑面积.</source>
        <translation>每人住房建筑面积：居民 = 住宅建筑面积 / 此值。40 m²：接近国家统计局所报 2019 年前后中国城镇平均水平的整数假设（按广泛报道，未与统计年鉴核对）。请使用本市的人均住房建筑面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="156"/>
        <source>Storey height (m)</source>
        <translation>层高（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="156"/>
        <source>Turns a height tag into floors (rounded, at least 1). 3 m lies between housing (2.8 m, GB 50096-2011 §5.5.1) and offices and shops.</source>
        <translation>把高度标签换算为层数（四舍五入，至少 1 层）。3 m 介于住宅（2.8 m，GB 50096-2011 §5.5.1）与办公、商业之间。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="161"/>
        <source>Fall-back number of floors</source>
        <translation>兜底层数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="161"/>
        <source>Floors of a building with no building:levels, no height and no default for its type in resources/osm/building_use.csv.</source>
        <translation>既无 building:levels、无高度、其类型在 resources/osm/building_use.csv 中也无默认层数的建筑所取的层数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="205"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="166"/>
        <source>Grid of square cells</source>
        <translation>方格网</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="166"/>
        <source>Administrative boundaries in the extract</source>
        <translation>摘录中的行政边界</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="166"/>
        <source>Grid: cells of the grid size holding at least one building. Administrative boundaries: the boundary=administrative areas of the admin level given.</source>
        <translation>方格网：按网格尺寸划分、至少含一栋建筑的格子。行政边界：所给行政级别的 boundary=administrative 区域。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="171"/>
        <source>Grid cell size (m)</source>
        <translation>网格尺寸（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="171"/>
        <source>Side of a grid cell; 500 m is about a 5–10-minute walk across.</source>
        <translation>网格边长；500 m 约为步行 5–10 分钟的距离。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="175"/>
        <source>Admin level of the units</source>
        <translation>单元的行政级别</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="175"/>
        <source>OSM admin_level of the boundaries used as units (8 is often a municipality, 9–10 a district or neighbourhood; it varies by country).</source>
        <translation>用作单元的边界的 OSM admin_level（8 常为市镇，9–10 为区或社区；各国不同）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="180"/>
        <source>Mapping tables (folder)</source>
        <translation>映射表（文件夹）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="180"/>
        <source>A folder with your own copies of the CSV tables of resources/osm/ ({files}); each one found there replaces the shipped table of the same name.</source>
        <translation>存放 resources/osm/ 中 CSV 表（{files}）自定义副本的文件夹；其中找到的每张表替换插件自带的同名表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="213"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="187"/>
        <source>Footprints with floors, use, residents, roof type and the flags of what was estimated.</source>
        <translation>建筑轮廓，含层数、用途、居民、屋顶类型，以及标明哪些值为估算的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="189"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="189"/>
        <source>Walkable roads and paths, cut where they meet (at shared OSM nodes; bridges stay uncut).</source>
        <translation>可步行的道路和小径，在交会处（共用的 OSM 节点）打断；桥梁不打断。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="773"/>
        <source>Transit stops</source>
        <translation>公共交通站点</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="191"/>
        <source>Bus, tram, metro and rail stops, stop_type rail or bus, mode, merged within 30 m.</source>
        <translation>公交、有轨电车、地铁和铁路站点，stop_type 为 rail 或 bus，另有 mode；30 m 内的同类站点合并。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="774"/>
        <source>Facilities</source>
        <translation>配套设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="193"/>
        <source>Life-circle facilities with fac_type of resources/factors/life_circle_facilities.csv.</source>
        <translation>生活圈设施，fac_type 取 resources/factors/life_circle_facilities.csv 中的类型。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="775"/>
        <source>Green spaces</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="195"/>
        <source>Public parks with park_type comprehensive, community or pocket by size.</source>
        <translation>公共公园，按规模定 park_type：comprehensive、community 或 pocket。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="197"/>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="197"/>
        <source>Candidate shelter sites (open spaces, parks, sports and school grounds) with shelter_type, eff_area_m2 and capacity; candidates, not designated shelters.</source>
        <translation>候选避难场地（开敞空间、公园、运动场和学校操场），含 shelter_type、eff_area_m2 和 capacity；为候选场地，并非已确定的避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="200"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="200"/>
        <source>Land cover without overlaps, lucode of the shipped carbon, runoff and cooling tables, in the planning units.</source>
        <translation>规划单元内互不重叠的土地覆被，lucode 与插件自带的碳、径流和降温表一致。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="203"/>
        <source>Water</source>
        <translation>水体</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="203"/>
        <source>Water areas in the planning units.</source>
        <translation>规划单元内的水域。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="205"/>
        <source>Grid cells or administrative areas with unit_id, name, residents (their buildings&apos;; the detailed plan check takes the units as its parcels) and residents_est (1 where more than half of them are estimated).</source>
        <translation>含 unit_id、name、residents（其建筑的居民数之和；详细规划检查把规划单元作为地块）和 residents_est（其中一半以上为估算时为 1）的网格单元或行政区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="212"/>
        <source>Local metric CRS</source>
        <translation>当地米制坐标系</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="214"/>
        <source>Residents (estimated)</source>
        <translation>居民（估算）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="215"/>
        <source>Buildings given residents</source>
        <translation>分配了居民的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="216"/>
        <source>Buildings with estimated floors</source>
        <translation>层数为估算的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="217"/>
        <source>Buildings with estimated use</source>
        <translation>用途为估算的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="776"/>
        <source>Candidate shelters</source>
        <translation>候选避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="225"/>
        <source>The mapping table {path}, line {line}: “{condition}” is not a condition (key=value, key=*, key!=value or key~regex).</source>
        <translation>映射表 {path} 第 {line} 行：“{condition}”不是有效条件（应为 key=value、key=*、key!=value 或 key~regex）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="227"/>
        <source>The storey height must be above 0.</source>
        <translation>层高必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="228"/>
        <source>The floor area per resident must be above 0.</source>
        <translation>人均住房建筑面积必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="229"/>
        <source>The grid cell size must be above 0.</source>
        <translation>网格尺寸必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="238"/>
        <source>The OpenStreetMap file {path} does not exist.</source>
        <translation>OpenStreetMap 文件 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="248"/>
        <source>reading</source>
        <translation>读取</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="257"/>
        <source>Local metric CRS: {crs}; outputs in {out}.</source>
        <translation>当地米制坐标系：{crs}；输出坐标系：{out}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="261"/>
        <source>projecting</source>
        <translation>投影</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="267"/>
        <source>buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="283"/>
        <source>units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="291"/>
        <source>stops, facilities, parks, shelters, roads</source>
        <translation>站点、设施、公园、避难场所、道路</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="296"/>
        <source>land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="316"/>
        <source>writing</source>
        <translation>写出</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="327"/>
        <source>Data © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright): credit it wherever these layers are shown.</source>
        <translation>数据 © OpenStreetMap 贡献者，ODbL 1.0（openstreetmap.org/copyright）：凡展示这些图层，均须注明。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="329"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="330"/>
        <source>Times: {times}.</source>
        <translation>耗时：{times}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="338"/>
        <source>The mapping tables folder {path} does not exist.</source>
        <translation>映射表文件夹 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="344"/>
        <source>Using your own mapping table {path}.</source>
        <translation>使用自定义映射表 {path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="383"/>
        <source>GDAL cannot read {path} as an OpenStreetMap file (.osm.pbf or .osm XML): is it empty, cut short or another kind of file?</source>
        <translation>GDAL 无法把 {path} 作为 OpenStreetMap 文件（.osm.pbf 或 .osm XML）读取：文件是否为空、被截断或属于其他类型？</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="411"/>
        <source>The OpenStreetMap file {path} holds no features.</source>
        <translation>OpenStreetMap 文件 {path} 不含任何要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="432"/>
        <source>{crs}, the CRS asked for, is not true to scale where the data lie ({lon:.2f}°, {lat:.2f}°): lengths measured in it are {error:.1%} off there, areas about twice as much, and the toolkit measures in a projected CRS in metres as it is. Leave the CRS empty for the local one, or choose one made for this place.</source>
        <translation>所选坐标系 {crs} 在数据所在处（{lon:.2f}°, {lat:.2f}°）不保持比例：在其中量得的长度偏差 {error:.1%}，面积偏差约为其两倍，而工具箱对以米为单位的投影坐标系直接在其中量算。请留空坐标系以使用本地坐标系，或选择适用于此地的坐标系。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="451"/>
        <source>{n} buildings of the OpenStreetMap file have no area (ways cut open by the extract&apos;s edge, or broken) and are left out.</source>
        <translation>OpenStreetMap 文件中有 {n} 栋建筑没有面积（其线被摘录边界截断或已损坏），已略去。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="514"/>
        <source>{k} of {n} buildings ({share:.0%}) have no tag or landuse area that tells their use: the mapping table's fallback row made them “{use}”, without residents, so only {r} buildings hold residents. Where untyped buildings are mostly homes, copy building_use.csv from the plugin's resources/osm folder into a folder of your own, set its fallback row's use to residential and give that folder as “Mapping tables”; otherwise the per-resident rules of the plan checks are not assessed or rest on those few buildings, and coverage shares count buildings instead of residents.</source>
        <translation>{n} 栋建筑中有 {k} 栋（{share:.0%}）没有能说明用途的标签或所在用地（landuse）面：映射表的兜底行把它们定为“{use}”，不计居民，因此只有 {r} 栋建筑有居民。若此地未标类型的建筑多为住宅，请把插件 resources/osm 文件夹中的 building_use.csv 复制到您自己的文件夹，把兜底行的用途改为 residential，并把该文件夹作为“映射表”传入；否则规划检查中按人均计的规则无法评估或只依据这几栋建筑，覆盖率也按建筑而非居民计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="529"/>
        <source>{n} buildings have a {key} tag that gives no usable number of floors or metres (such as {examples}): their floors come from the next source (height, their type&apos;s default, the fall-back).</source>
        <translation>{n} 栋建筑的 {key} 标签不能给出可用的层数或米数（例如 {examples}）：其层数取自下一来源（高度、类型默认值或备用值）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="543"/>
        <source>{path} has no administrative area (multipolygon with boundary=administrative) of admin_level {level}. Levels present: {levels}. Choose one of them, or the grid.</source>
        <translation>{path} 中没有 admin_level 为 {level} 的行政区域（boundary=administrative 的多边形）。现有级别：{levels}。请从中选择，或改用方格网。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="778"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="553"/>
        <source>{n} planning units: the administrative areas of admin_level {level}.</source>
        <translation>{n} 个规划单元：admin_level 为 {level} 的行政区域。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="559"/>
        <source>{path} has no buildings (areas with building=*) to lay a grid over.</source>
        <translation>{path} 中没有可据以划分方格网的建筑（带 building=* 的面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="563"/>
        <source>{n} planning units: {size:g} m grid cells holding buildings.</source>
        <translation>{n} 个规划单元：含有建筑的 {size:g} m 方格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="700"/>
        <source>Land cover: {n} areas cover {share:.0%} of the planning units; the rest has no OSM area and stays out of the land cover.</source>
        <translation>土地覆被：{n} 个面覆盖规划单元的 {share:.0%}；其余部分在 OSM 中没有面要素，不计入土地覆被。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="704"/>
        <source>The land cover covers only {share:.0%} of the planning units: where OpenStreetMap maps buildings and roads but not the gardens, yards and fields between them, the impervious and sponge shares of the plan checks (shares of the mapped land cover) overstate sealing. Add the missing areas (or a land cover of your own) before relying on those verdicts.</source>
        <translation>土地覆盖只覆盖了规划单元的 {share:.0%}：OpenStreetMap 只绘了建筑和道路、未绘其间的庭院、空地和农田时，规划检查中的不透水比例和海绵达标面积比例（按已绘土地覆盖计算）会高估硬化程度。请先补绘缺失的区域（或使用您自己的土地覆盖），再采信这些判定。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="756"/>
        <source>{n} buildings; floors from building:levels for {levels}, from height for {height}, from the building type for {type}, the fall-back for {fallback}.</source>
        <translation>{n} 栋建筑；层数取自 building:levels 的 {levels} 栋，取自高度的 {height} 栋，取自建筑类型的 {type} 栋，取兜底值的 {fallback} 栋。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="762"/>
        <source>Building use: {uses}; from tags {tag}, from the surrounding landuse {landuse}, fallback {fallback}.</source>
        <translation>建筑用途：{uses}；取自标签 {tag} 栋，取自所在 landuse {landuse} 栋，兜底 {fallback} 栋。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="768"/>
        <source>Residents estimated for {n} residential buildings: {residents:,.0f} in all (floor area / floor area per resident; OSM has no residents). Check them against census figures.</source>
        <translation>为 {n} 栋住宅建筑估算了居民：共 {residents:,.0f} 人（建筑面积 / 人均住房建筑面积；OSM 没有人口数据）。请与普查数据核对。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="778"/>
        <source>{layer}: {n} found ({counts}).</source>
        <translation>{layer}：共 {n} 个（{counts}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="782"/>
        <source>No transit stop was found: transit coverage is not assessed, and neither are the master plan check&apos;s transit rules.</source>
        <translation>未找到公交站点：公共交通覆盖不评估，总体规划核查的公共交通条款也不评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="785"/>
        <source>No open space large enough for a shelter (0.1 ha) was found.</source>
        <translation>未找到足够大的开敞空间（0.1 ha）作避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="787"/>
        <source>{n} candidate shelters (open spaces, parks, sports and school grounds) for {people:,.0f} people, capacity estimated from their area: they are not designated shelters (fields est and capacity_est = 1), and the plan checks give no verdict on a shelter rule that these candidates decide. Replace them with the designated shelters where these are known.</source>
        <translation>{n} 个候选避难场所（开敞空间、公园、运动场和校园），可容纳 {people:,.0f} 人，容量按面积估算：它们并非法定避难场所（字段 est 与 capacity_est = 1），由这些候选场所决定的避难规则，规划核查不给出结论。已知法定避难场所时请以其替换。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="794"/>
        <source>facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="794"/>
        <source>green spaces</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="794"/>
        <source>shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/prepare_osm.py" line="798"/>
        <source>Empty layers: {layers}. The plan checks refuse an empty facilities or shelters layer, naming it, and the detailed check an empty green spaces layer (the master check then leaves its park rules not assessed): where the town has them but OpenStreetMap does not map them, add them to the layer (with its type field) before running the check.</source>
        <translation>空图层：{layers}。规划核查遇到空的设施或避难场所图层会拒绝运行并指明该图层，详细规划核查遇到空的绿地图层也会拒绝（总体规划核查则不评估其公园条款）：如果城镇实际有这些要素而 OpenStreetMap 未绘制，请在运行核查前将其（连同类型字段）补充到图层中。</translation>
    </message>
</context>
<context>
    <name>PublicGreenReach</name>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="66"/>
        <source>Public green within walking distance</source>
        <translation>步行范围内的公共绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="36"/>
        <source>Park green a parcel's residents share with their neighbours: the park area within walking distance of the parcel divided by everyone living within that distance.

reach_green_m2 = area of the park green spaces (types not left out) whose inside point lies within the distance of the parcel's edge; reach_pop = residents of the parcels whose inside point lies within it, the parcel's own included; pub_green_m2_pc = reach_green_m2 / reach_pop (m²/person), NULL for a parcel without residents. Distances are straight lines: 1 000 m is a screening stand-in for the 15-minute walk of the community life circle (GB 50180-2018); a river or a rail line in the way is not seen.

Areas and distances are true metres whatever the layers' CRS: layers in degrees or Web Mercator are measured in the UTM zone of the parcels' centre.

Output fields: reach_green_m2 (m²), reach_pop (persons), pub_green_m2_pc (m²/person), pub_green_m2_pc_est (1 where more than half of reach_pop lives in parcels whose residents are flagged as estimated in the residents field's “_est” field, e.g. residents_est of “Prepare OpenStreetMap data”: a planning check gives no verdict on that amount per resident).</source>
        <translation>地块居民与邻里共享的公园绿地：地块步行距离范围内的公园面积除以该范围内的全部居民。

reach_green_m2 = 内部一点位于地块边界步行距离内的公园绿地（类型未被排除）面积；reach_pop = 内部一点位于该距离内的地块的居民数，包括本地块；pub_green_m2_pc = reach_green_m2 / reach_pop（m²/人），无居民的地块为 NULL。距离为直线距离：1 000 m 是社区生活圈 15 分钟步行范围（GB 50180-2018）的筛查性近似；途中的河流或铁路无法识别。

无论图层采用何种坐标参考系，面积和距离均为真实米制：地理坐标或 Web Mercator 的图层在地块中心所在的 UTM 带中量算。

输出字段：reach_green_m2（m²）、reach_pop（人）、pub_green_m2_pc（m²/人）、pub_green_m2_pc_est（reach_pop 中一半以上居住在居民字段的“_est”字段标记为估算的地块时为 1，如“准备 OpenStreetMap 数据”的 residents_est：规划核查不对该人均值给出结论）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="54"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="54"/>
        <source>Parcels (or other zones) with their residents; the output is these parcels.</source>
        <translation>带居民数的地块（或其他分区）；输出即这些地块。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="56"/>
        <source>Residents field</source>
        <translation>居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="56"/>
        <source>Residents of each parcel; missing or negative values count as 0.</source>
        <translation>每个地块的居民数；缺失值或负值按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="61"/>
        <source>Walking distance (m)</source>
        <translation>步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="61"/>
        <source>Straight-line distance within which parks and neighbours count (1 000 m: about a 15-minute walk once detours are allowed for).</source>
        <translation>公园和邻里计入统计的直线距离范围（1 000 m：考虑绕行后约为 15 分钟步行）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="66"/>
        <source>The parcels with reach_green_m2, reach_pop and pub_green_m2_pc added.</source>
        <translation>添加了 reach_green_m2、reach_pop 和 pub_green_m2_pc 字段的地块图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="69"/>
        <source>Parcels with residents</source>
        <translation>有居民的地块数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="75"/>
        <source>Choose the residents field of the parcels.</source>
        <translation>请选择地块的居民字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="94"/>
        <source>{n} parcels' residents within {d:g} m are mostly estimated (“{flag}”): pub_green_m2_pc_est = 1, and a planning check gives them no verdict on public green per resident.</source>
        <translation>{n} 个地块 {d:g} m 范围内的居民主要为估算值（“{flag}”）：pub_green_m2_pc_est = 1，规划核查不对其人均公共绿地给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="101"/>
        <source>{n} parcels with residents: {low:.2f} to {high:.2f} m² of park green per resident within {d:g} m (median {median:.2f}).</source>
        <translation>{n} 个有居民的地块：{d:g} m 范围内人均公园绿地 {low:.2f} 至 {high:.2f} m²（中位数 {median:.2f}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="107"/>
        <source>No parcel of “{layer}” has residents: pub_green_m2_pc is NULL everywhere.</source>
        <translation>“{layer}”中没有地块有居民：pub_green_m2_pc 处处为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/public_green_reach.py" line="109"/>
        <source>Park green per resident within {d:g} m of each parcel (straight line). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>每个地块 {d:g} m 范围内的人均公园绿地面积（直线距离）。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>ReadingMixin</name>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="76"/>
        <source>{n} invalid geometries of “{layer}” were repaired for the calculation; the output keeps them as they were.</source>
        <translation>已修复“{layer}”中 {n} 个无效几何用于计算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="85"/>
        <source>No feature of “{layer}” lies within reach of any feature of “{other}”: the extents of the two layers do not overlap. Check that both cover the same place and that their CRS is right.</source>
        <translation>“{layer}”中没有任何要素位于“{other}”任一要素的可达范围内：两个图层的范围互不重叠。请检查两者是否覆盖同一区域、坐标系是否正确。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="95"/>
        <source>{n} features of “{layer}” have a missing or negative population, counted as 0.</source>
        <translation>“{layer}”中有 {n} 个要素的人口缺失或为负，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="226"/>
        <source>“{layer}”: the text field “{field}” is read as numbers (6层 → 6, 6F → 6, 十二层 → 12, 12.5米 → 12.5, 约30 → 30, 6-8层 → 7).</source>
        <translation>“{layer}”：文本字段“{field}”按数字读取（6层 → 6，6F → 6，十二层 → 12，12.5米 → 12.5，约30 → 30，6-8层 → 7）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="236"/>
        <source>“{layer}”: {n} polygons have no area (their outline folds onto a line or a point); they are left out of what is measured or placed.</source>
        <translation>“{layer}”：{n} 个面没有面积（其轮廓折叠成线或点），计算和布点时不计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="248"/>
        <source>“{layer}” is a {kind} layer, but {n} of its features hold other geometries, such as a {found}; they are left out of what is measured or placed, and written without geometry.</source>
        <translation>“{layer}”是 {kind} 图层，但其中 {n} 个要素是其他类型的几何（如 {found}）：计算和布点时不计入，输出时不带几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="256"/>
        <source>“{layer}”: {n} features have a coordinate that is not a number or lies beyond ±{limit:g} (NaN, infinite, 1e300); they are left out of what is measured or placed.</source>
        <translation>“{layer}”：{n} 个要素的坐标不是数字或超出 ±{limit:g}（NaN、无穷大、1e300），计算和布点时不计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="261"/>
        <source>“{layer}”: {n} features have no geometry (NULL or empty); they are left out of what is measured or placed.</source>
        <translation>“{layer}”：{n} 个要素没有几何（NULL 或空）；它们不参与量算或空间定位。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="265"/>
        <source>“{layer}”: {n} values of the text field “{field}” hold no number that can be read (such as {examples}); they are read as missing.</source>
        <translation>“{layer}”：文本字段“{field}”中有 {n} 个值读不出数字（如 {examples}），按缺失处理。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="271"/>
        <source>“{layer}”: {n} values of “{field}” cannot be real ({kinds}); they are read as missing.</source>
        <translation>“{layer}”：字段“{field}”中有 {n} 个值不可能是真实数值（{kinds}），已按缺失值处理。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="271"/>
        <source>infinite, too large or negative</source>
        <translation>无穷大、过大或为负</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/reading.py" line="271"/>
        <source>infinite, too large, negative or a nodata code such as −9999 or 9999</source>
        <translation>无穷大、过大、为负，或为 −9999、9999 等无数据代码</translation>
    </message>
</context>
<context>
    <name>Recheck</name>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="39"/>
        <source>LID storage per parcel</source>
        <translation>地块低影响开发调蓄</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="40"/>
        <source>new life-circle facilities</source>
        <translation>新增生活圈设施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="41"/>
        <source>new emergency shelters</source>
        <translation>新增应急避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="42"/>
        <source>rooftop PV and retrofit</source>
        <translation>屋顶光伏与节能改造</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="61"/>
        <source>Choose the parcels&apos; green ratio field to size LID measures.</source>
        <translation>请选择地块的绿地率字段以计算 LID 设施规模。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="63"/>
        <source>Give the daily rainfall on the layers page: the LID measures are sized for the runoff control rate, which is checked from it.</source>
        <translation>请在图层页给出逐日降雨：LID 设施按年径流总量控制率计算规模，而该指标由逐日降雨核查。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="65"/>
        <source>No failing rule here is one a proposed measure repairs (new life-circle facilities, emergency shelters, rooftop PV and retrofit in a master plan; LID storage, new life-circle facilities and emergency shelters in a detailed plan): the plan itself must change.</source>
        <translation>此处没有可由拟议措施修复的不达标规则（总体规划：新增生活圈设施、应急避难场所、屋顶光伏与节能改造；详细规划：低影响开发调蓄、新增生活圈设施与应急避难场所）：需修改规划本身。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="78"/>
        <source>{rules} reads the PV potential of every usable roof against the demand: proposed rooftop PV is part of that potential and cannot raise it, so no PV measure is proposed for it (more roof, a higher yield or a lower demand would).</source>
        <translation>{rules} 读取的是所有可用屋顶的光伏潜力与用电需求之比：拟议的屋顶光伏属于该潜力的一部分，无法提高该值，因此不为其提出光伏措施（更多屋顶、更高产量或更低需求才能提高）。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="91"/>
        <source>Measures for the failing rules: {list}.</source>
        <translation>针对不达标规则的措施：{list}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="94"/>
        <source>No proposed measure repairs: {rules} (the plan itself must change).</source>
        <translation>拟议措施无法修复：{rules}（需修改规划本身）。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="104"/>
        <source>all life-circle types</source>
        <translation>全部生活圈设施类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="106"/>
        <source>emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="120"/>
        <source>{kind}: {n} new sites; in {short} of {units} parcels no eligible site within reach can reach {target:g} % (max_pct and note in {table}).</source>
        <translation>{kind}：新增 {n} 处；{units} 个地块中有 {short} 个在可达范围内没有合格用地能达到 {target:g} %（见 {table} 中的 max_pct 与 note）。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="120"/>
        <source>{kind}: {n} new sites; {below} of {units} parcels stay below {target:g} %.</source>
        <translation>{kind}：新增 {n} 处；{units} 个地块中仍有 {below} 个低于 {target:g} %。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="120"/>
        <source>{kind}: {n} new sites bring all {units} parcels to {target:g} %.</source>
        <translation>{kind}：新增 {n} 处，使全部 {units} 个地块达到 {target:g} %。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="126"/>
        <source>{kind}: {n} new sites; in {short} of {units} units no eligible site within reach can reach {target:g} % (max_pct and note in {table}).</source>
        <translation>{kind}：新增 {n} 处；{units} 个单元中有 {short} 个在可达范围内没有合格用地能达到 {target:g} %（见 {table} 中的 max_pct 与 note）。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="126"/>
        <source>{kind}: {n} new sites; {below} of {units} units stay below {target:g} %.</source>
        <translation>{kind}：新增 {n} 处；{units} 个单元中仍有 {below} 个低于 {target:g} %。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="126"/>
        <source>{kind}: {n} new sites bring all {units} units to {target:g} %.</source>
        <translation>{kind}：新增 {n} 处，使全部 {units} 个单元达到 {target:g} %。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="162"/>
        <source>LID measures to add</source>
        <translation>须增加的 LID 设施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="163"/>
        <source>Proposed sites: {kind}</source>
        <translation>拟议选址：{kind}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="165"/>
        <source>Carbon measures by unit</source>
        <translation>各单元减碳措施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="166"/>
        <source>Carbon measures on buildings</source>
        <translation>建筑减碳措施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="167"/>
        <source>Parcels with the measures</source>
        <translation>并入措施的地块</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="167"/>
        <source>Facilities with the new sites</source>
        <translation>含新增选址的设施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="167"/>
        <source>Shelters with the new sites</source>
        <translation>含新增选址的避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="167"/>
        <source>Buildings with the measures</source>
        <translation>含措施的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="167"/>
        <source>Verdicts changed by the measures</source>
        <translation>措施改变的结论</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/recheck.py" line="327"/>
        <source>Apply proposed measures and check again</source>
        <translation>应用拟议措施并重新核查</translation>
    </message>
</context>
<context>
    <name>ResilienceIndex</name>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="36"/>
        <source>Composite resilience index</source>
        <translation>综合韧性指数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="39"/>
        <source>Combines indicator fields of planning units (or any features) into one composite index (OECD/JRC Handbook on composite indicators 2008; INFORM, EC-JRC).

1. Normalisation of each indicator: min-max x' = (x − min)/(max − min), for a negative (higher is worse) indicator (max − x)/(max − min), 0–1, a constant indicator gives 1 to every feature; z-score (x − mean)/sd, sign reversed for negative indicators, a constant indicator gives 0; target x' = min(x/target, 1), for negative indicators min(target/x, 1), with targets given as “field=value, field=value”; or none, for values already on a common scale and direction (e.g. INFORM dimensions on 0–10).
2. Weights: equal; your own (“field=weight, …”, normalised to sum 1); or entropy weights e_j = −(1/ln n) Σ p_ij ln p_ij with p_ij = x'_ij/Σ_i x'_ij, w_j = (1 − e_j)/Σ(1 − e_k), computed on the features with every indicator present.
3. Aggregation: weighted arithmetic mean Σ w_j x'_j, or weighted geometric mean Π x'_j^w_j (INFORM: HE^(1/3)·V^(1/3)·LCC^(1/3)) in which components below 0.01 are raised to 0.01, so a feature worst on one indicator is not set to 0.

A feature with a missing (NULL) indicator gets a NULL index and rank; they are counted and logged. Every input field is kept.

Output fields: n_&lt;field&gt; per indicator (normalised component; “n_” + field name cut to 20 characters, a clash ending in _2, _3 …), res_index (0–1 for min-max and target, unitless), res_rank (1 = best, ties share a rank).</source>
        <translation>将规划单元（或任意要素）的多个指标字段合成为一个综合指数（OECD/JRC《综合指标构建手册》2008；INFORM，EC-JRC）。

1. 各指标归一化：极差标准化 x&apos; = (x − min)/(max − min)，负向指标（越高越差）为 (max − x)/(max − min)，取值 0–1，常数指标对所有要素均取 1；Z分数 (x − mean)/sd，负向指标取反号，常数指标取 0；目标值法 x&apos; = min(x/target, 1)，负向指标为 min(target/x, 1)，目标值按“field=value, field=value”形式给出；或不归一化，适用于已处于统一量纲和方向的数值（如 0–10 的 INFORM 维度）。
2. 权重：等权；用户指定（“field=weight, …”，归一化为总和 1）；或熵权法 e_j = −(1/ln n) Σ p_ij ln p_ij，其中 p_ij = x&apos;_ij/Σ_i x&apos;_ij，w_j = (1 − e_j)/Σ(1 − e_k)，仅基于所有指标均有值的要素计算。
3. 聚合：加权算术平均 Σ w_j x&apos;_j，或加权几何平均 Π x&apos;_j^w_j（INFORM：HE^(1/3)·V^(1/3)·LCC^(1/3)），其中低于 0.01 的分量提升至 0.01，以免某一指标最差的要素被置为 0。

任一指标缺失（NULL）的要素，其指数和排名均为 NULL；此类要素会被计数并记入日志。所有输入字段均保留。

输出字段：每个指标的 n_&lt;field&gt;（归一化分量；“n_”+ 字段名，截断为 20 个字符，重名时以 _2、_3 … 结尾）、res_index（极差标准化和目标值法下为 0–1，无量纲）、res_rank（1 = 最好，并列者排名相同）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="61"/>
        <source>min-max (0–1)</source>
        <translation>极差标准化（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="61"/>
        <source>z-score</source>
        <translation>Z分数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="61"/>
        <source>target (x/target, capped at 1)</source>
        <translation>目标值法（x/target，上限为 1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="62"/>
        <source>none (values already on a common scale)</source>
        <translation>不归一化（数值已处于统一量纲）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="65"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="65"/>
        <source>Planning units (or any features, with or without geometry) carrying the indicator fields.</source>
        <translation>带有指标字段的规划单元（或任意要素，有无几何均可）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="68"/>
        <source>Indicator fields</source>
        <translation>指标字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="68"/>
        <source>Numeric fields to combine. A NULL value gives the feature a NULL index.</source>
        <translation>要合成的数值字段。某字段为 NULL 时，该要素的指数为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="72"/>
        <source>Negative indicators (higher is worse)</source>
        <translation>负向指标（越高越差）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="72"/>
        <source>Indicator fields whose higher values mean less resilience (e.g. exposed share); their direction is reversed. Each must also be an indicator field.</source>
        <translation>数值越高表示韧性越低的指标字段（如暴露比例）；其方向将被反转。每个负向指标也须选为指标字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="78"/>
        <source>Normalisation</source>
        <translation>归一化方法</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="78"/>
        <source>How each indicator is brought to a common scale.</source>
        <translation>将各指标转换到统一量纲的方法。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="81"/>
        <source>Targets (field=value, …)</source>
        <translation>目标值（field=value, …）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="81"/>
        <source>For the target normalisation: a target above 0 for every indicator, e.g. “green_pct=40, shelter_m2=2”. x' = min(x/target, 1); negative min(target/x, 1).</source>
        <translation>用于目标值法归一化：为每个指标给出大于 0 的目标值，如“green_pct=40, shelter_m2=2”。x&apos; = min(x/target, 1)；负向指标为 min(target/x, 1)。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="85"/>
        <source>Weighting</source>
        <translation>权重方法</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="85"/>
        <source>equal</source>
        <translation>等权</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="85"/>
        <source>your own weights</source>
        <translation>用户指定权重</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="85"/>
        <source>entropy weights</source>
        <translation>熵权法</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="85"/>
        <source>Equal weights, the weights below, or entropy weights computed from the data.</source>
        <translation>等权、下方指定的权重，或由数据计算的熵权。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="89"/>
        <source>Weights (field=weight, …)</source>
        <translation>权重（field=weight, …）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="89"/>
        <source>For your own weights: a weight ≥ 0 for every indicator, e.g. “a=2, b=1”; they are divided by their sum.</source>
        <translation>用于用户指定权重：为每个指标给出 ≥ 0 的权重，如“a=2, b=1”；权重将除以其总和。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="93"/>
        <source>Aggregation</source>
        <translation>聚合方法</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="93"/>
        <source>weighted arithmetic mean</source>
        <translation>加权算术平均</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="93"/>
        <source>weighted geometric mean</source>
        <translation>加权几何平均</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="93"/>
        <source>Arithmetic: a good indicator compensates a bad one. Geometric (INFORM): less compensation.</source>
        <translation>算术平均：好的指标可以补偿差的指标。几何平均（INFORM）：补偿作用较小。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="97"/>
        <source>Resilience index</source>
        <translation>韧性指数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="97"/>
        <source>The input features with n_&lt;field&gt; components, res_index and res_rank.</source>
        <translation>添加了 n_&lt;field&gt; 分量、res_index 和 res_rank 字段的输入要素。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="99"/>
        <source>Mean index</source>
        <translation>平均指数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="100"/>
        <source>Features without an index</source>
        <translation>无指数的要素数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="104"/>
        <source>{what}: “{item}” is not of the form field=value.</source>
        <translation>{what}：“{item}”不符合 field=value 格式。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="105"/>
        <source>{what}: “{item}” names the field “{field}”, which is not an indicator field ({fields}).</source>
        <translation>{what}：“{item}”指定的字段“{field}”不是指标字段（{fields}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="107"/>
        <source>{what}: “{item}” gives the field “{field}” a second time.</source>
        <translation>{what}：“{item}”重复指定了字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="108"/>
        <source>{what}: in “{item}” the value must be a number ≥ 0 (targets: above 0).</source>
        <translation>{what}：“{item}”中的值须为 ≥ 0 的数值（目标值须大于 0）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="110"/>
        <source>WEIGHTS gives no weight for the indicator(s) {fields}.</source>
        <translation>WEIGHTS 未给出指标 {fields} 的权重。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="111"/>
        <source>WEIGHTS: the weights add up to 0.</source>
        <translation>WEIGHTS：权重之和为 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="112"/>
        <source>TARGETS gives no target for the indicator(s) {fields}.</source>
        <translation>TARGETS 未给出指标 {fields} 的目标值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="113"/>
        <source>The negative indicator(s) {fields} must also be chosen as indicator fields.</source>
        <translation>负向指标 {fields} 也须选为指标字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="115"/>
        <source>With normalisation “none” the direction cannot be reversed: remove the negative indicator(s) {fields} or choose a normalisation.</source>
        <translation>归一化方法为“不归一化”时无法反转方向：请移除负向指标 {fields}，或选择一种归一化方法。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="118"/>
        <source>Entropy weights need at least 2 features with every indicator; found {n}.</source>
        <translation>熵权法至少需要 2 个所有指标均有值的要素；当前为 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="119"/>
        <source>Entropy weights need non-negative normalised values: use min-max or target normalisation.</source>
        <translation>熵权法要求归一化值非负：请使用极差标准化或目标值法。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="121"/>
        <source>The geometric mean needs non-negative components: use min-max or target normalisation, or the arithmetic mean.</source>
        <translation>几何平均要求分量非负：请使用极差标准化或目标值法，或改用算术平均。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="124"/>
        <source>Unknown method: {value}.</source>
        <translation>未知方法：{value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="131"/>
        <source>Choose at least one indicator field.</source>
        <translation>请至少选择一个指标字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="168"/>
        <source>Weight of {field} ({name}): {w:.4f}</source>
        <translation>{field}（{name}）的权重：{w:.4f}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="170"/>
        <source>Entropy weights; entropies e_j: {e}.</source>
        <translation>熵权法；各指标熵值 e_j：{e}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="173"/>
        <source>{n} features lack at least one indicator value: their index and rank are NULL.</source>
        <translation>{n} 个要素至少缺少一个指标值：其指数和排名为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="177"/>
        <source>{n} components below {floor} were raised to {floor} for the geometric mean.</source>
        <translation>计算几何平均时，{n} 个低于 {floor} 的分量已提升至 {floor}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="182"/>
        <source>Mean index {m:.4f} over {n} features.</source>
        <translation>{n} 个要素的平均指数为 {m:.4f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/resilience_index.py" line="183"/>
        <source>Composite resilience index: {norm} normalisation, {weight} weights, {agg} mean of {fields}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>综合韧性指数：归一化 {norm}，权重 {weight}，聚合方式 {agg} 平均，指标字段 {fields}。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="41"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="42"/>
        <source>Red: fails a target. Green: passes. Blue: fails nothing, but too few of its rules were assessed to pass. Grey: not assessed (no data). Click a failing unit or parcel to zoom the map to it.</source>
        <translation>红色：未达到目标。绿色：通过。蓝色：无不达标规则，但已评估的规则过少，不能判定通过。灰色：未评估（无数据）。点击未通过的单元或地块，地图将缩放至该处。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="55"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="56"/>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="59"/>
        <source>Apply proposed measures and check again</source>
        <translation>应用拟议措施并重新核查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="66"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="69"/>
        <source>Open HTML report</source>
        <translation>打开 HTML 报告</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="70"/>
        <source>Open PDF report</source>
        <translation>打开 PDF 报告</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="73"/>
        <source>Open the results folder</source>
        <translation>打开结果文件夹</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="119"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="119"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="120"/>
        <source>{fail} rules fail in at least one parcel, {passed} pass in every parcel assessed, {na} could not be assessed, {est} without a verdict (only shipped default values); {units} parcels fail at least one rule. The layers are in the group “{group}” of the Layers panel.</source>
        <translation>{fail} 条规则至少在一个地块未达标，{passed} 条在所有已评估地块均达标，{na} 条无法评估，{est} 条无结论（仅有自带默认值）；{units} 个地块至少有一条规则未达标。结果图层位于图层面板的“{group}”组中。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="120"/>
        <source>{fail} rules fail in at least one planning unit, {passed} pass in every unit assessed, {na} could not be assessed, {est} without a verdict (only shipped default values); {units} planning units fail at least one rule. The layers are in the group “{group}” of the Layers panel.</source>
        <translation>{fail} 条规则至少在一个规划单元未达标，{passed} 条在所有已评估单元均达标，{na} 条无法评估，{est} 条无结论（仅有自带默认值）；{units} 个规划单元至少有一条规则未达标。结果图层位于图层面板的“{group}”组中。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="137"/>
        <source>Estimated or not given, also listed in the report: the verdicts that rest on these inputs are screening results.</source>
        <translation>以下输入为估算值或未提供，报告中也有列出：依据这些输入的结论仅为筛查结果。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="142"/>
        <source>Saved in {folder}: the layers in {gpkg}, the reports as {files}. They are in the project: save the project to keep them there.</source>
        <translation>已保存在 {folder}：图层在 {gpkg} 中，报告为 {files}。它们已加入项目：请保存项目以保留。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="150"/>
        <source>Proposes the measures the failing rules call for (LID storage per parcel, new life-circle facilities and emergency shelters on the parcels in a detailed plan; new life-circle facilities, emergency shelters, rooftop PV and retrofit in a master plan), merges them into new copies of the plan layers, runs the same check on them and shows per rule how many pass and fail before and after. Pressed again, it checks the measures as edited in their layers.</source>
        <translation>针对不达标规则提出相应措施（详细规划：地块低影响开发调蓄，以及在地块上新增生活圈设施与应急避难场所；总体规划：新增生活圈设施、应急避难场所、屋顶光伏与节能改造），并入规划图层的新副本，在其上运行同一核查，并按规则显示措施前后达标与不达标的数量。再次点击时，按图层中编辑后的措施重新核查。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="166"/>
        <source>Proposing the measures and checking the plan again…</source>
        <translation>正在提出措施并重新核查规划…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="187"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="187"/>
        <source>The measures or the check again failed:</source>
        <translation>措施计算或重新核查失败：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="268"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="269"/>
        <source>Rule id</source>
        <translation>规则编号</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="206"/>
        <source>Before: pass / fail / n/a</source>
        <translation>措施前：达标 / 不达标 / 无结论</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="207"/>
        <source>After: pass / fail / n/a</source>
        <translation>措施后：达标 / 不达标 / 无结论</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="207"/>
        <source>Fixed (fail → pass)</source>
        <translation>改善（不达标 → 达标）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="208"/>
        <source>Broken (pass → fail)</source>
        <translation>变差（达标 → 不达标）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="208"/>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="213"/>
        <source>none: no proposed measure repairs this rule</source>
        <translation>无：所提措施不针对此规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="225"/>
        <source>Before and after</source>
        <translation>措施前后</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="230"/>
        <source>With the proposed measures: {before} failing verdicts before, {after} after ({fixed} fixed). The measures and the layers with them are in {file}, the check again in the folder {folder}; the report buttons open the report with the measures.</source>
        <translation>采用拟议措施：措施前不达标结论 {before} 个，措施后 {after} 个（改善 {fixed} 个）。措施及并入措施的图层保存在 {file}，重新核查的结果在文件夹 {folder} 中；报告按钮将打开含措施的报告。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="237"/>
        <source>Measures applied: {list}.</source>
        <translation>已实施措施：{list}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="241"/>
        <source>No proposed measure repairs: {rules} (the plan itself must change).</source>
        <translation>拟议措施无法修复：{rules}（需修改规划本身）。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="268"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="268"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="268"/>
        <source>Mean value</source>
        <translation>平均值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="269"/>
        <source>Threshold checked</source>
        <translation>阈值核实状态</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="280"/>
        <source>fails in {n} of {total} parcels</source>
        <translation>{total} 个地块中 {n} 个未达标</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="280"/>
        <source>fails in {n} of {total} units</source>
        <translation>{total} 个单元中 {n} 个未达标</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="283"/>
        <source>passes in all {total} parcels</source>
        <translation>{total} 个地块全部达标</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="283"/>
        <source>passes in all {total} units</source>
        <translation>{total} 个单元全部达标</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="286"/>
        <source>no verdict: only values from shipped defaults</source>
        <translation>无结论：仅有基于自带默认值的取值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="288"/>
        <source>not assessed: applies to no land use here</source>
        <translation>未评估：不适用于此处任何用地</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="290"/>
        <source>not assessed: no value anywhere</source>
        <translation>未评估：各处均无指标值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="291"/>
        <source>Passing: {p}. Failing: {f}. No value: {na}. Land use not concerned: {nap}.</source>
        <translation>达标：{p}。未达标：{f}。无数值：{na}。用地不适用：{nap}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="305"/>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="305"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="305"/>
        <source>Share of rules passed</source>
        <translation>指标达标率</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="306"/>
        <source>Failing rules</source>
        <translation>未达标的规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="306"/>
        <source>Not assessed (no value)</source>
        <translation>未评估（无数值）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="307"/>
        <source>{p} of {n} rules assessed here pass.</source>
        <translation>此处已评估的 {n} 条规则中 {p} 条达标。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="308"/>
        <source>{share}, too few rules assessed to pass</source>
        <translation>{share}，已评估规则过少，不能判定通过</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_results.py" line="309"/>
        <source>The indicator has no value in this unit, e.g. a per-person indicator where nobody lives: {rules}</source>
        <translation>该指标在此单元无数值（例如无人居住处的人均指标）：{rules}</translation>
    </message>
</context>
<context>
    <name>RooftopPv</name>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="56"/>
        <source>Rooftop solar PV potential</source>
        <translation>屋顶光伏潜力</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="59"/>
        <source>Estimates how much electricity PV modules on each building's roof could produce in a year, and the grid CO2 that electricity would avoid.

Usable roof area = footprint area × usable share of the roof type. Yield E (kWh/a) = usable roof area × H × η × PR, with H the annual irradiation on the module plane (kWh/m²·a), η the module efficiency and PR the performance ratio. Avoided CO2 (t/a) = credited E × grid factor / 1000. With a demand field, PV offsets at most the building's own demand: the yield beyond it is export (pv_export_kwh), credited only when you say the grid takes it; pv_share = min(E, demand) / demand. Without a demand field the whole yield is credited (the log warns).

The shipped roof table (resources/factors/pv_defaults.csv) gives usable shares for flat, pitched, green and industrial_metal roofs and a “default” row for the rest; its values are planning defaults within the 0.3–0.7 range, not survey data, and are marked unverified. The default irradiation, 1300 kWh/m²·a, is an UNVERIFIED planning value for the Yangtze River Delta (Shanghai, Jiaxing): it lies in the 1050–1400 kWh/m²·a band of China's solar resource grading (GB/T 31155-2014, recalled, not checked) and was not read from a primary data set. Give an irradiation raster (e.g. from UMEP SEBE or PVGIS) or a local value where you can. The efficiency (0.20) and performance ratio (0.80) defaults are typical values, also unverified. The run log warns whenever unverified values are used.

Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM zone of its centre. A raster is sampled at a point inside each footprint; buildings outside it or on nodata take the irradiation number.

Output fields: roof_m2 (usable roof, m²), irr_kwh_m2 (H used, kWh/m²·a), pv_kwh_yr (kWh/a), pv_co2_t (avoided t CO2/a) and, with a demand field, pv_share (share of the demand met, 0–1) and pv_export_kwh (yield beyond the demand, kWh/a).</source>
        <translation>估算每栋建筑屋顶安装光伏组件后的年发电量，以及这些电量可避免的电网 CO2 排放。

可利用屋顶面积 = 基底面积 × 该屋顶类型的可利用比例。发电量 E（kWh/a）= 可利用屋顶面积 × H × η × PR，其中 H 为组件平面上的年太阳辐照量（kWh/m²·a），η 为组件效率，PR 为系统效率（性能比）。避免的 CO2（t/a）= 计入的 E × 电网排放因子 / 1000。提供需求字段时，光伏最多抵消建筑自身的需求：超出部分为上网电量（pv_export_kwh），仅在您说明电网接纳时才计入；pv_share = min(E, 需求量) / 需求量。未提供需求字段时全部发电量均计入（日志会警告）。

插件自带的屋顶表（resources/factors/pv_defaults.csv）给出平屋顶（flat）、坡屋顶（pitched）、绿色屋顶（green）和工业金属屋顶（industrial_metal）的可利用比例，其余类型采用“default”行；其数值为 0.3–0.7 范围内的规划默认值，并非调查数据，标注为未核实。默认辐照量 1300 kWh/m²·a 是长三角地区（上海、嘉兴）的未核实规划取值：位于我国太阳能资源等级划分（GB/T 31155-2014，凭记忆引用，未核对）中 1050–1400 kWh/m²·a 区间，并非取自原始数据集。条件允许时请提供辐照量栅格（如 UMEP SEBE 或 PVGIS 的结果）或本地数值。组件效率（0.20）和系统效率（0.80）默认值为典型值，同样未核实。凡使用未核实数值时，运行日志都会给出警告。

面积为真实面积：地理坐标参考系或 Web Mercator 的图层在其中心所在的 UTM 带中量算。栅格在每个基底轮廓内的一点取样；位于栅格外或 nodata 处的建筑采用辐照量数值参数。

输出字段：roof_m2（可利用屋顶面积，m²）、irr_kwh_m2（所用 H，kWh/m²·a）、pv_kwh_yr（kWh/a）、pv_co2_t（避免的 t CO2/a），提供需求字段时另有 pv_share（需求被满足的比例，0–1）和 pv_export_kwh（超出需求的发电量，kWh/a）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="86"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="86"/>
        <source>Building footprints (polygons).</source>
        <translation>建筑基底轮廓（面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="89"/>
        <source>Roof type field</source>
        <translation>屋顶类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="89"/>
        <source>Roof type matched to the roof table (e.g. flat, pitched, green, industrial_metal, 平屋顶). Without it every building takes the “default” row.</source>
        <translation>屋顶类型，用于匹配屋顶表（如 flat、pitched、green、industrial_metal、平屋顶）。未指定时，所有建筑均采用“default”行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="94"/>
        <source>Roof table (CSV)</source>
        <translation>屋顶表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="94"/>
        <source>CSV with columns roof_type, usable_share (0–1) and optionally aliases separated by |, source, year, verified. Replaces the shipped table; it needs a row named “default”.</source>
        <translation>包含 roof_type、usable_share（0–1）列的 CSV，可另含 aliases（别名以 | 分隔）、source、year、verified 列。用于替换插件自带的表，表中须有名为“default”的行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="99"/>
        <source>Annual irradiation on the modules (kWh/m²·a)</source>
        <translation>组件年太阳辐照量（kWh/m²·a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="99"/>
        <source>Solar energy reaching the module plane in a year. Default 1300: an unverified planning value for the Yangtze River Delta. Used for every building, or where the raster has no value.</source>
        <translation>一年内到达组件平面的太阳能。默认 1300：长三角地区的未核实规划取值。适用于所有建筑，或栅格无值之处。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="105"/>
        <source>Irradiation raster (kWh/m²·a)</source>
        <translation>辐照量栅格（kWh/m²·a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="105"/>
        <source>Optional raster of annual irradiation in kWh/m² (band 1), e.g. UMEP SEBE output, read with GDAL at a point inside each footprint. Nodata and buildings outside it take the number above. It may be in another CRS.</source>
        <translation>可选的年辐照量栅格，单位 kWh/m²（波段 1），如 UMEP SEBE 输出，用 GDAL 在每个基底轮廓内的一点读取。nodata 处及栅格外的建筑采用上面的数值。可采用其他坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="110"/>
        <source>Module efficiency</source>
        <translation>组件效率</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="110"/>
        <source>Share of the sunlight a module turns into electricity at standard test conditions (0.20 = 20 %; typical crystalline silicon 0.18–0.22).</source>
        <translation>标准测试条件下组件将太阳光转换为电能的比例（0.20 = 20 %；晶体硅组件一般为 0.18–0.22）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="115"/>
        <source>Performance ratio</source>
        <translation>系统效率（性能比）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="115"/>
        <source>Share of the module's rated output a real system delivers after inverter, wiring, soiling, heat and shading losses (typical 0.75–0.85).</source>
        <translation>扣除逆变器、线路、积灰、高温和遮挡损失后，实际系统输出占组件额定输出的比例（一般为 0.75–0.85）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="121"/>
        <source>Electricity demand field (kWh/a)</source>
        <translation>用电需求字段（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="121"/>
        <source>Annual energy demand of each building, e.g. energy_kwh from “Building operational emissions”. PV offsets at most this demand; adds pv_share = min(yield, demand) / demand (empty where demand is missing or 0) and pv_export_kwh.</source>
        <translation>每栋建筑的年能耗需求，如“建筑运行碳排放”输出的 energy_kwh。光伏最多抵消该需求；将添加 pv_share = min(发电量, 需求量) / 需求量（需求缺失或为 0 时为空）和 pv_export_kwh。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="127"/>
        <source>Credit PV exported to the grid</source>
        <translation>计入上网光伏电量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="127"/>
        <source>Off: only the yield a building uses itself avoids CO2. On: the surplus it feeds into the grid avoids CO2 too; choose this only where the grid takes the export (a grid connection agreement or a local rule that counts it).</source>
        <translation>关闭：只有建筑自用的发电量计为避免的 CO2。开启：送入电网的富余电量也计为避免的 CO2；仅在电网确实接纳上网电量时选择（有并网协议或地方规定认可）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="132"/>
        <source>Rooftop PV</source>
        <translation>屋顶光伏</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="132"/>
        <source>The buildings with roof_m2, irr_kwh_m2, pv_kwh_yr, pv_co2_t (and pv_share) added.</source>
        <translation>添加了 roof_m2、irr_kwh_m2、pv_kwh_yr、pv_co2_t（及 pv_share）字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="135"/>
        <source>Total PV yield (kWh/a)</source>
        <translation>光伏年发电总量（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="136"/>
        <source>Total avoided CO2 (t/a)</source>
        <translation>避免的 CO2 总量（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="137"/>
        <source>Total PV beyond demand (kWh/a)</source>
        <translation>超出需求的光伏发电总量（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="141"/>
        <source>The roof table {path} needs a row named “default” for roof types it does not list.</source>
        <translation>屋顶表 {path} 须有一行名为“default”，用于表中未列出的屋顶类型。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="143"/>
        <source>The module efficiency must lie between 0 and 1; it is {value}.</source>
        <translation>组件效率必须介于 0 和 1 之间；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="144"/>
        <source>The performance ratio must lie between 0 and 1; it is {value}.</source>
        <translation>系统效率必须介于 0 和 1 之间；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="146"/>
        <source>The irradiation cannot be negative; it is {value}.</source>
        <translation>辐照量不能为负值；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="221"/>
        <source>Rooftop PV potential: footprint × usable share × {h} kWh/m²·a (or the raster) × η {eta} × PR {pr}; avoided CO2 at {grid} kgCO2/kWh. Roof table {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>屋顶光伏潜力：基底面积 × 可利用比例 × {h} kWh/m²·a（或栅格值）× η {eta} × PR {pr}；按 {grid} kgCO2/kWh 计算避免的 CO2。屋顶表 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="227"/>
        <source>No demand field: the whole PV yield is credited as avoided CO2, even where a building would produce more than it uses.</source>
        <translation>未指定需求字段：全部光伏发电量均计为避免的 CO2，即使建筑发电量超过其用电量。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="230"/>
        <source>{n} buildings produce more than their demand: {kwh:,.0f} kWh a year go to the grid and are credited as avoided CO2 (you said the grid takes them).</source>
        <translation>{n} 栋建筑的发电量超过其需求：每年 {kwh:,.0f} kWh 送入电网，并计为避免的 CO2（您已说明电网接纳这些电量）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="230"/>
        <source>{n} buildings produce more than their demand: {kwh:,.0f} kWh a year beyond it are not credited as avoided CO2 (pv_export_kwh).</source>
        <translation>{n} 栋建筑的发电量超过其需求：每年超出的 {kwh:,.0f} kWh 不计为避免的 CO2（见 pv_export_kwh）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="249"/>
        <source>The irradiation raster “{layer}” cannot be read with GDAL; save it as a GeoTIFF first.</source>
        <translation>GDAL 无法读取辐照量栅格“{layer}”；请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="260"/>
        <source>The irradiation raster or the buildings have no CRS: both are taken to be in the same one.</source>
        <translation>辐照量栅格或建筑图层未设置坐标参考系：视为两者采用同一坐标参考系。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="265"/>
        <source>Building points are reprojected from {a} to the raster&apos;s {b} for sampling.</source>
        <translation>建筑点已从 {a} 重投影至栅格的 {b} 用于取样。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="283"/>
        <source>Cannot reproject the buildings to the irradiation raster&apos;s CRS: {error}</source>
        <translation>无法将建筑重投影至辐照量栅格的坐标参考系：{error}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="298"/>
        <source>No roof type field: every building takes the “default” usable share.</source>
        <translation>未指定屋顶类型字段：所有建筑均采用“default”可利用比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="301"/>
        <source>{n} buildings have a roof type the table does not list and took the “default” row: {types}.</source>
        <translation>{n} 栋建筑的屋顶类型未列在屋顶表中，已采用“default”行：{types}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="305"/>
        <source>{n} buildings have no roof type and took the “default” row.</source>
        <translation>{n} 栋建筑没有屋顶类型，已采用“default”行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="308"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="312"/>
        <source>{n} buildings lie outside the irradiation raster or on nodata and took {h} kWh/m²·a.</source>
        <translation>{n} 栋建筑位于辐照量栅格之外或 nodata 处，采用 {h} kWh/m²·a。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="316"/>
        <source>The irradiation raster holds values up to {v}: it should be in kWh/m² a year (about 900–2500). Check its unit.</source>
        <translation>辐照量栅格的最大值为 {v}：其单位应为 kWh/m²·a（约 900–2500）。请检查其单位。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="320"/>
        <source>{n} buildings have no demand above 0: their pv_share stays empty.</source>
        <translation>{n} 栋建筑的用电需求不大于 0：其 pv_share 为空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="325"/>
        <source>Unverified usable roof shares were used for: {types}. Check them against a local roof survey.</source>
        <translation>以下屋顶类型采用了未核实的可利用比例：{types}。请对照本地屋顶调查数据进行核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="330"/>
        <source>irradiation {v} kWh/m²·a</source>
        <translation>辐照量 {v} kWh/m²·a</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="332"/>
        <source>module efficiency {v}</source>
        <translation>组件效率 {v}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="334"/>
        <source>performance ratio {v}</source>
        <translation>系统效率 {v}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="336"/>
        <source>Unverified planning defaults were used: {values}.</source>
        <translation>采用了未核实的规划默认值：{values}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="338"/>
        <source>Roof table: {path}. η {eta}, PR {pr}, grid factor {grid} kgCO2/kWh.</source>
        <translation>屋顶表：{path}。η {eta}，PR {pr}，电网排放因子 {grid} kgCO2/kWh。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/rooftop_pv.py" line="340"/>
        <source>{n} buildings: {kwh:,.0f} kWh of PV a year, avoiding {co2:,.1f} t CO2.</source>
        <translation>共 {n} 栋建筑：光伏年发电量 {kwh:,.0f} kWh，避免 CO2 排放 {co2:,.1f} t。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="28"/>
        <source>Run the check</source>
        <translation>运行检查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="29"/>
        <source>The check runs in the background: you can keep working in QGIS.</source>
        <translation>检查在后台运行：您可以继续在 QGIS 中工作。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="34"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="35"/>
        <source>Cancel the run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="42"/>
        <source>What each step of the check did appears here once it has run.</source>
        <translation>运行后，此处显示核查每一步的执行情况。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="64"/>
        <source>Checks the {count} parcels of “{units}” against {profile} ({rules} rules), using {layers} more layers. The results are added to the project in a new group.</source>
        <translation>对照 {profile}（{rules} 条规则）检查“{units}”的 {count} 个地块，另用到 {layers} 个图层。结果将作为新的图层组添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="67"/>
        <source>Checks the {count} planning units of “{units}” against {profile} ({rules} rules), using {layers} more layers. The results are added to the project in a new group.</source>
        <translation>对照 {profile}（{rules} 条规则）检查“{units}”的 {count} 个规划单元，另用到 {layers} 个图层。结果将作为新的图层组添加到项目中。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="73"/>
        <source>The results are saved in {folder}, in a new folder for each run.</source>
        <translation>结果保存在 {folder}，每次运行新建一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="81"/>
        <source>Press Run to start.</source>
        <translation>点击“运行”开始。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="89"/>
        <source>Cannot make a folder for the results in {folder}: {reason}. Go back to the first page and choose another folder.</source>
        <translation>无法在 {folder} 中新建结果文件夹：{reason}。请返回第一页另选文件夹。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="99"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="108"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="123"/>
        <source>Planning check: {units}</source>
        <translation>规划检查：{units}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="129"/>
        <source>Done in {seconds:.1f} s. Press Next to see the results.</source>
        <translation>已完成，用时 {seconds:.1f} 秒。点击“下一步”查看结果。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="131"/>
        <source>Run again</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="134"/>
        <source>Cancelled: nothing was added to the project. Press Run to start again.</source>
        <translation>已取消：未向项目添加任何内容。点击“运行”重新开始。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_run.py" line="138"/>
        <source>The check failed:</source>
        <translation>检查失败：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="37"/>
        <source>Low-Carbon &amp; Resilience settings</source>
        <translation>低碳与韧性设置</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="50"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="51"/>
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="52"/>
        <source>Electricity grid emission factor</source>
        <translation>电网排放因子</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="54"/>
        <source>Grid region:</source>
        <translation>电网区域：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="55"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="57"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="58"/>
        <source>Report language:</source>
        <translation>报告语言：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="65"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="66"/>
        <source>Reset to the shipped table</source>
        <translation>恢复为插件自带的表</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="69"/>
        <source>Default factor tables</source>
        <translation>默认因子表</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="84"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="112"/>
        <source>Building energy use per m²</source>
        <translation>建筑单位面积能耗</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="113"/>
        <source>Carbon stored by land cover</source>
        <translation>各类土地覆被碳储量</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="114"/>
        <source>Cooling by land cover</source>
        <translation>各类土地覆被降温参数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="115"/>
        <source>Runoff curve numbers (SCS)</source>
        <translation>径流曲线数（SCS）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="116"/>
        <source>Fuel emission factors</source>
        <translation>燃料排放因子</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="117"/>
        <source>Flood depth–damage curve</source>
        <translation>洪水深度—损失曲线</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="118"/>
        <source>Electricity grid emission factors</source>
        <translation>电网排放因子</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="119"/>
        <source>Habitat and its sensitivity to threats</source>
        <translation>生境及其对威胁的敏感性</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="120"/>
        <source>Land-use codes: 用地用海 2023, GB 50137, 三调</source>
        <translation>用地代码对照：用地用海 2023、GB 50137、三调</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="121"/>
        <source>Sponge-city (LID) measures</source>
        <translation>海绵城市（LID）设施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="122"/>
        <source>Life-circle facilities and walking distances</source>
        <translation>生活圈设施及步行距离</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="123"/>
        <source>POI categories of Amap and Baidu</source>
        <translation>高德、百度 POI 类别对照</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="124"/>
        <source>Rooftop PV defaults</source>
        <translation>屋顶光伏默认参数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="125"/>
        <source>Runoff coefficients</source>
        <translation>径流系数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="126"/>
        <source>Emergency shelter standards</source>
        <translation>应急避难场所标准</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="127"/>
        <source>Transport modes and emission factors</source>
        <translation>交通方式及排放因子</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="155"/>
        <source>Latest published</source>
        <translation>最新发布</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="169"/>
        <source>{factor} kgCO2/kWh ({year}). Source: {source}</source>
        <translation>{factor} kgCO2/kWh（{year} 年）。来源：{source}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="188"/>
        <source>{name}: your own table, kept in your QGIS profile: {path}. The algorithms use it instead of the shipped one, unless a table is given in their advanced parameters.</source>
        <translation>{name}：您自己的表，保存在 QGIS 用户配置中：{path}。各算法使用该表替代插件自带的表，除非在其高级参数中另行指定。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="188"/>
        <source>{name}: the shipped table. Import a CSV with the same columns to keep your own version.</source>
        <translation>{name}：插件自带的表。导入列相同的 CSV 即可保存您自己的版本。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="213"/>
        <source>Import a factor table</source>
        <translation>导入因子表</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/settings_dialog.py" line="213"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ShelterCapacity</name>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="35"/>
        <source>Fixed-shelter capacity by zone</source>
        <translation>分区固定避难场所容量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="38"/>
        <source>How many people the fixed shelters of each zone hold, per 100 residents of the zone (固定避难场所容量占规划人口比例).

Fixed shelters are every class but the emergency one (GB 51143-2015): short-, medium- and long-term and central shelters. A shelter's class is its type matched to resources/factors/shelter_standards.csv (names and aliases such as 紧急 or 长期固定, ignoring case); a missing or unlisted type takes the table's default row, a short-term fixed shelter. Without a type field every shelter counts as fixed. A shelter lies in the zone that contains it.

shelter_cap_pct = 100 × Σ capacity of the fixed shelters in the zone / the zone's residents. No distance or area is measured: the result does not depend on the layers' CRS (shelters in another CRS are reprojected to the zones').

Output fields: fixed_cap (persons), shelter_cap_pct (%; NULL where the zone has no residents), shelter_cap_pct_est (1 where more than half of the zone's fixed capacity is flagged as estimated in the capacity field's “_est” field, e.g. capacity_est of the candidate shelters of “Prepare OpenStreetMap data”, or where the zone's residents are flagged as mostly estimated, 1 in the residents field's “_est” field, e.g. pop_est of “Community life circles”: places per 100 residents rest on both counts; a planning check gives such zones no verdict on the share).</source>
        <translation>每个分区的固定避难场所可容纳多少人，按分区每百名居民计（固定避难场所容量占规划人口比例）。

固定避难场所指除紧急避难场所以外的所有类型（GB 51143-2015）：短期、中期、长期固定避难场所和中心避难场所。避难场所的类型按 resources/factors/shelter_standards.csv 匹配（名称及别名，如 紧急 或 长期固定，不区分大小写）；类型缺失或未列出时采用表中 default 行，即短期固定避难场所。没有类型字段时所有避难场所均计为固定避难场所。避难场所归属于包含它的分区。

shelter_cap_pct = 100 × 分区内固定避难场所容纳人数之和 / 分区居民数。不量算任何距离或面积：结果与图层的坐标参考系无关（其他坐标参考系的避难场所会重投影至分区的坐标参考系）。

输出字段：fixed_cap（人）、shelter_cap_pct（%；单元无居民时为 NULL）、shelter_cap_pct_est（单元一半以上的固定容量在容量字段的“_est”标记字段中标记为估算时为 1，如“准备 OpenStreetMap 数据”所得候选避难场所的 capacity_est，或分区居民被标记为主要为估算值时，即居民字段的“_est”字段为 1，如“社区生活圈”的 pop_est，亦为 1：每百名居民的容量同时取决于这两个数；规划核查不对此类分区给出结论）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="58"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="58"/>
        <source>Planning units (or other zones); the output is these zones.</source>
        <translation>规划单元（或其他分区）；输出即这些分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="61"/>
        <source>Zone residents field</source>
        <translation>分区居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="61"/>
        <source>Residents (or planned population) of each zone.</source>
        <translation>每个分区的居民数（或规划人口）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="65"/>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="65"/>
        <source>Shelters as points.</source>
        <translation>以点表示的避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="68"/>
        <source>Shelter type field</source>
        <translation>避难场所类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="68"/>
        <source>Class of each shelter: emergency, short_term, medium_term, long_term or central (or an alias of the standards table). Emergency shelters are not fixed shelters.</source>
        <translation>每个避难场所的类型：emergency、short_term、medium_term、long_term 或 central（或标准表中的别名）。紧急避难场所不属于固定避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="73"/>
        <source>Capacity field (persons)</source>
        <translation>容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="73"/>
        <source>Persons each shelter holds; missing or negative values count as 0. Without it the capacity is not assessed: fixed_cap and shelter_cap_pct are left empty (NULL), and the rules reading them say not assessed.</source>
        <translation>每处避难场所可容纳的人数；缺失值或负值计为 0。不提供时不评估容量：fixed_cap 和 shelter_cap_pct 留空（NULL），读取它们的规则标为不评估。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="79"/>
        <source>Fixed-shelter capacity</source>
        <translation>固定避难场所容量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="79"/>
        <source>The zones with fixed_cap and shelter_cap_pct added.</source>
        <translation>添加了 fixed_cap 和 shelter_cap_pct 字段的分区图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="82"/>
        <source>Fixed-shelter capacity (persons)</source>
        <translation>固定避难场所容纳人数（人）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="83"/>
        <source>Fixed-shelter capacity per 100 residents over all zones</source>
        <translation>全部分区每百名居民的固定避难场所容量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="93"/>
        <source>Choose the residents field of the zones.</source>
        <translation>请选择分区的居民人数字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="110"/>
        <source>{n} shelters have a type not in the shelter standards table ({types}): they count as fixed shelters.</source>
        <translation>{n} 个避难场所的类型不在避难场所标准表中（{types}）：计为固定避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="114"/>
        <source>No shelter type field: every shelter counts as a fixed shelter.</source>
        <translation>未提供避难场所类型字段：所有避难场所均计为固定避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="118"/>
        <source>{n} fixed shelters have a missing or negative capacity, counted as 0.</source>
        <translation>{n} 个固定避难场所的容纳人数缺失或为负，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="123"/>
        <source>{n} fixed shelters lie in no zone and count nowhere.</source>
        <translation>{n} 个固定避难场所不在任何分区内，不计入统计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="136"/>
        <source>{n} more zones' residents are flagged as mostly estimated (“{flag}”): shelter_cap_pct_est = 1, and a planning check gives them no verdict on the capacity per 100 residents.</source>
        <translation>另有 {n} 个分区的居民被标记为主要为估算值（“{flag}”）：shelter_cap_pct_est = 1，规划核查不对其每百名居民容量给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="141"/>
        <source>{n} zones' fixed-shelter capacity rests mainly on capacities flagged as estimated (“{flag}”, e.g. candidate shelters): shelter_cap_pct_est = 1, and a planning check gives them no verdict on it.</source>
        <translation>{n} 个单元的固定避难场所容量主要依赖标记为估算的容量（“{flag}”，如候选避难场所）：shelter_cap_pct_est = 1，规划核查不对其给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="148"/>
        <source>The fixed shelters in the zones hold {c:,.0f} persons, {pct:.1f} per 100 residents.</source>
        <translation>分区内固定避难场所可容纳 {c:,.0f} 人，每百名居民 {pct:.1f} 人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="150"/>
        <source>Capacity of the fixed shelters (every class but emergency) per 100 residents of each zone. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>各分区每百名居民的固定避难场所（除紧急避难场所外的所有类型）容量。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_capacity.py" line="158"/>
        <source>No capacity field of the shelters: the fixed-shelter capacity is not assessed (fixed_cap and shelter_cap_pct are left empty; the rules reading them are not assessed, which is not a pass).</source>
        <translation>避难场所无容量字段：不评估固定避难场所容量（fixed_cap 和 shelter_cap_pct 留空；读取它们的规则不予评估，不评估不等于达标）。</translation>
    </message>
</context>
<context>
    <name>ShelterCoverage</name>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="59"/>
        <source>Emergency shelter coverage</source>
        <translation>应急避难场所覆盖</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="62"/>
        <source>Who lives within the service distance of an emergency shelter, how much effective shelter area there is per resident, and who finds no place when the shelters fill up.

Distances run from a point inside each building to the shelter: along the roads when a roads layer is given (noded lines; buildings and shelters farther than the maximum snapping distance from every road are off the network), otherwise in a straight line, which over-states reach where rivers or walls force detours. The method is written in the output.

Service distance: 500 m (emergency shelter radius, GB 50413-2007 §8.2.10). With a shelter type field, each class takes its own distance and effective area per evacuee from resources/factors/shelter_standards.csv (classes of GB 51143-2015: emergency 1.0 m² and 500 m and fixed shelters 2.0 m² per evacuee after GB 50413-2007 §8.2.8; short_term 1000 m, medium_term 3.0 m² and 1500 m, long_term and central 4.5 m² and 2500 m are placeholders, marked unverified). Capacity = the capacity field, or floor(effective area / area per evacuee of the class).

Assignment (optimal): residents go to shelters within reach so that as many as the capacities allow find a place and, among all such assignments, the total walking distance (persons × m) is least: a transportation problem solved exactly as a linear programme (HiGHS). A building's residents may be split between shelters. Beyond 2 million building–shelter pairs in reach a greedy stands in (nearest shelter first, the residents left going on to their next-nearest, up to 8 shelters), which may leave residents unplaced who could have a place; the log says which was used. With roads, the distances of every pair come from one shortest-path search bounded by the service distance.

Shelters in a flood zone (depth at least the minimum depth) are flagged and, by default, left out: they take nobody and do not count as reachable.

Buildings: shelter_m (m to the nearest usable shelter), in_reach (0/1), assigned and unplaced (persons), shelter_id (the shelter that took most of the residents: its shelter_id field, else its feature id), method, shelter_m_est (1 where the nearest shelter is one flagged as estimated and no other is as near). Shelters: capacity, assigned (persons), load_pct (%), flooded (0/1), per_cap_m2 (effective m² per assigned resident), reach_m (m). Planning units: pop, pop_reach, pop_unplaced (persons), shelter_m2_cap (m² of usable shelters in the unit per resident), meets_std (0/1: 1 where shelter_m2_cap reaches the default row's area per evacuee, 2.0 m², i.e. every resident of the unit could be sheltered; the national rules ask places for the evacuees only, at least 15 % of the planned population in fixed shelters), shelter_m2_cap_est (1 where shelters flagged as estimated hold more than half of that area, or where more than half of the unit's residents are flagged as estimated in the population field's “_est” field, e.g. residents_est of “Prepare OpenStreetMap data”: an area per resident rests on both).

Shelters flagged as estimated: the area's or capacity's field name with _est added = 1, else a field est = 1, as “Prepare OpenStreetMap data” writes on the open spaces it takes as candidates. A planning check gives no verdict on a value flagged so.</source>
        <translation>统计哪些居民位于应急避难场所的服务半径内、人均有效避难面积是多少，以及避难场所满员后哪些居民无处安置。

距离从每栋建筑内部一点量至避难场所：提供道路图层时沿道路计算（道路须在相交处打断；距所有道路均超过最大捕捉距离的建筑和避难场所不在路网上），否则采用直线距离，在河流或围墙迫使绕行之处会高估可达范围。所用方法写入输出。

服务半径：500 m（紧急避难场所服务半径，GB 50413-2007 第 8.2.10 条）。提供避难场所类型字段时，各类型按 resources/factors/shelter_standards.csv 采用各自的服务半径和每位避难人员的有效避难面积（GB 51143-2015 分类：紧急避难场所 1.0 m²、500 m，固定避难场所每位避难人员 2.0 m²，依据 GB 50413-2007 第 8.2.8 条；短期固定避难场所 1000 m、中期固定避难场所 3.0 m² 和 1500 m、长期固定避难场所和中心避难场所 4.5 m² 和 2500 m 为占位值，标注为未核实）。容纳人数 = 容纳人数字段，或 floor(有效避难面积 / 该类型每位避难人员面积)。

分配（最优）：将居民分配至服务半径内的避难场所，使在容纳能力允许的范围内获得安置的人数最多，并在所有此类分配方案中使总步行距离（人 × m）最小：这是一个运输问题，以线性规划精确求解（HiGHS）。一栋建筑的居民可分配至多个避难场所。服务半径内的建筑–避难场所配对超过 200 万对时改用贪心算法（就近优先，剩余居民转往次近的避难场所，最多 8 个），可能有本可获得安置的居民未被安置；日志中注明所用方法。有道路时，所有配对的距离来自一次以服务半径为界的最短路径搜索。

位于洪水淹没区（水深不低于最小水深）的避难场所会被标记，并默认排除：不接收任何人，也不计为可达。

建筑：shelter_m（到最近可用避难场所的距离，m）、in_reach（0/1）、assigned 和 unplaced（人）、shelter_id（接收其大部分居民的避难场所：取其 shelter_id 字段，否则为要素 ID）、method、shelter_m_est（最近的避难场所为标记为估算者且无其他同样近的场所时为 1）。避难场所：capacity、assigned（人）、load_pct（%）、flooded（0/1）、per_cap_m2（每位已分配居民的有效面积，m²）、reach_m（m）。规划单元：pop、pop_reach、pop_unplaced（人）、shelter_m2_cap（单元内可用避难场所的人均面积，m²）、meets_std（0/1：shelter_m2_cap 达到表中 default 行每位避难人员面积 2.0 m² 时为 1，即单元内全部居民均可获得安置；国家规定只要求为避难人员提供场所，固定避难场所至少容纳规划人口的 15%）、shelter_m2_cap_est（标记为估算的避难场所占该面积一半以上时，或单元一半以上的居民在人口字段的“_est”字段中标记为估算时为 1，如“准备 OpenStreetMap 数据”的 residents_est：人均面积同时取决于两者）。

标记为估算的避难场所：面积或容量字段名加 _est 的字段为 1，否则 est 字段为 1，如“准备 OpenStreetMap 数据”对其作为候选的开敞空间所写。规划核查不对如此标记的值给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="103"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="103"/>
        <source>Residential buildings or parcels (polygons) with their residents.</source>
        <translation>有居民的居住建筑或地块（面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="106"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="106"/>
        <source>Residents of each polygon; missing or negative values count as 0.</source>
        <translation>每个面的居民数；缺失或负值按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="110"/>
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="110"/>
        <source>Shelters as points (their entrance or centre).</source>
        <translation>以点表示的避难场所（入口或中心）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="113"/>
        <source>Shelter type field</source>
        <translation>避难场所类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="113"/>
        <source>Class of each shelter: emergency, short_term, medium_term, long_term or central (or 紧急, 短期, 中期, 长期, 中心). Without it every shelter uses the service distance below and 2.0 m² per person.</source>
        <translation>每个避难场所的类型：emergency、short_term、medium_term、long_term 或 central（或 紧急、短期、中期、长期、中心）。未指定时，所有避难场所均采用下方的服务半径和每人 2.0 m²。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="119"/>
        <source>Effective area field (m²)</source>
        <translation>有效避难面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="119"/>
        <source>Effective shelter area of each shelter in m² (e.g. eff_area_m2).</source>
        <translation>每个避难场所的有效避难面积，单位 m²（如 eff_area_m2）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="123"/>
        <source>Capacity field (persons)</source>
        <translation>容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="123"/>
        <source>Persons each shelter holds. Empty (or NULL for a shelter): effective area / area per person of its class.</source>
        <translation>每个避难场所可容纳的人数。留空（或某避难场所为 NULL）时：按有效避难面积 / 该类型人均面积计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="128"/>
        <source>Buildings and shelters farther than this from every road are not on the network.</source>
        <translation>距所有道路均超过此距离的建筑和避难场所不在路网上。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="130"/>
        <source>Service distance (m)</source>
        <translation>服务半径（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="130"/>
        <source>Residents within this distance of a shelter are in reach (500 m: emergency shelter radius). With a type field, listed classes use the distances of the standards table.</source>
        <translation>与避难场所距离在此范围内的居民视为可达（500 m：紧急避难场所服务半径）。提供类型字段时，表中所列类型采用标准表中的距离。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="135"/>
        <source>Flood zones</source>
        <translation>洪水淹没区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="135"/>
        <source>Polygons of a design flood; shelters inside are flagged.</source>
        <translation>设计洪水的淹没范围面；位于其中的避难场所将被标记。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="138"/>
        <source>Flood depth field (m)</source>
        <translation>淹没水深字段（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="138"/>
        <source>Water depth of each flood polygon. Without it every polygon counts.</source>
        <translation>每个淹没面的水深。未指定时，所有面均计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="142"/>
        <source>Minimum flood depth (m)</source>
        <translation>最小淹没水深（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="142"/>
        <source>Flood polygons shallower than this do not flag a shelter (polygons without a depth do).</source>
        <translation>水深小于此值的淹没面不标记避难场所（无水深值的面仍会标记）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="147"/>
        <source>Leave flooded shelters out</source>
        <translation>排除被淹的避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="147"/>
        <source>Flooded shelters take nobody and are not counted as reachable.</source>
        <translation>被淹的避难场所不接收任何人，也不计为可达。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="150"/>
        <source>Polygons to sum residents and shelter area by; a building or shelter belongs to the unit containing its representative point.</source>
        <translation>用于汇总居民和避难面积的面；建筑或避难场所归属于其代表点所在的单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="152"/>
        <source>Shelter coverage</source>
        <translation>避难场所覆盖</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="152"/>
        <source>The buildings with shelter_m, in_reach, assigned, unplaced, shelter_id and method added.</source>
        <translation>添加了 shelter_m、in_reach、assigned、unplaced、shelter_id 和 method 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="155"/>
        <source>Shelter load</source>
        <translation>避难场所负荷</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="155"/>
        <source>The shelters with capacity, assigned, load_pct, flooded, per_cap_m2 and reach_m added.</source>
        <translation>添加了 capacity、assigned、load_pct、flooded、per_cap_m2 和 reach_m 字段的避难场所图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="159"/>
        <source>Shelter coverage by unit</source>
        <translation>分单元避难场所覆盖</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="159"/>
        <source>The planning units with pop, pop_reach, pop_unplaced, shelter_m2_cap and meets_std added. Needs planning units.</source>
        <translation>添加了 pop、pop_reach、pop_unplaced、shelter_m2_cap 和 meets_std 字段的规划单元。需要提供规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="164"/>
        <source>Residents in reach (%)</source>
        <translation>可达居民比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="165"/>
        <source>Residents without a place</source>
        <translation>未安置人口</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="166"/>
        <source>Shelters in flood zones</source>
        <translation>位于洪水淹没区的避难场所数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="173"/>
        <source>Choose the field holding the residents of each building.</source>
        <translation>请选择存放每栋建筑居民数的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="178"/>
        <source>Choose the field holding the effective area of each shelter.</source>
        <translation>请选择存放每个避难场所有效避难面积的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="199"/>
        <source>No shelter type field: every shelter reaches the service distance ({d:g} m) and takes the default area per evacuee.</source>
        <translation>无避难场所类型字段：每处避难场所的服务距离均为 {d:g} m，并采用默认人均有效面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="203"/>
        <source>{n} shelters have a missing or negative effective area, counted as 0.</source>
        <translation>{n} 个避难场所的有效避难面积缺失或为负值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="217"/>
        <source>{n} shelters lie in a flood zone{excluded}.</source>
        <translation>{n} 个避难场所位于洪水淹没区{excluded}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="217"/>
        <source> and are left out of the assignment</source>
        <translation>，不参与分配</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="259"/>
        <source>{n} buildings are farther than {d} m from every road: no shelter is in their reach.</source>
        <translation>{n} 栋建筑距所有道路均超过 {d} m：服务半径内没有避难场所。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="262"/>
        <source>{n} shelters are farther than {d} m from every road and take nobody.</source>
        <translation>{n} 个避难场所距所有道路均超过 {d} m，不接收任何人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="264"/>
        <source>Distances are walked along the roads (network distance).</source>
        <translation>距离沿道路步行计算（路网距离）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="266"/>
        <source>No roads given: distances are straight lines (Euclidean), which over-state reach where the way is blocked.</source>
        <translation>未提供道路：采用直线距离（欧氏距离），在道路受阻之处会高估可达范围。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="314"/>
        <source>Emergency shelter coverage of buildings ({method} distances): reach, assigned and unplaced residents. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑的应急避难场所覆盖（{method} 距离）：可达、已分配和未安置居民。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="354"/>
        <source>“{field}” of “{layer}” is read in the unit its name gives: × {factor:g} to m².</source>
        <translation>“{layer}”的“{field}”按字段名所示单位读取：× {factor:g} 换算为 m²。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="358"/>
        <source>Every effective area of “{layer}” (“{field}”) is below {small:g} m², the largest {largest:g}: if the field holds hectares (公顷), convert it to m² (× 10,000) or name its unit in the field name, e.g. “有效面积(公顷)”.</source>
        <translation>“{layer}”的有效面积（“{field}”）全部小于 {small:g} m²，最大为 {largest:g}：若该字段以公顷为单位，请换算为 m²（× 10,000），或在字段名中注明单位，如“有效面积(公顷)”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="366"/>
        <source>Shelter classes, areas per person and service distances from resources/factors/shelter_standards.csv.</source>
        <translation>避难场所类型、人均面积和服务半径取自 resources/factors/shelter_standards.csv。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="370"/>
        <source>The shelter standards (GB 51143-2015 area per person and distances by class) are marked unverified: check them against the standard or your local plan.</source>
        <translation>避难场所标准（GB 51143-2015 各类型人均面积和服务半径）标注为未核实：请对照该标准或本地规划进行核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="374"/>
        <source>{n} shelters have a type not in the standards table ({types}): they use the service distance and the default area per person.</source>
        <translation>{n} 个避难场所的类型不在标准表中（{types}）：采用设定的服务半径和默认人均面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="380"/>
        <source>Assignment: the optimum over {n:,} building–shelter pairs in reach (most residents placed, then least walking).</source>
        <translation>分配：对服务半径内 {n:,} 对建筑–避难场所求得最优解（首先安置人数最多，其次步行距离最短）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="383"/>
        <source>Assignment: the optimum for {opt:,} of {n:,} building–shelter pairs in reach; the solver is given {it:,} iterations per piece of about {piece:,} pairs (some 0.3 s) so that Cancel acts at once, and the other {g:,} pairs needed more: they were assigned by a greedy (nearest first), which may leave residents unplaced who could have a place.</source>
        <translation>分配：可达的 {n:,} 个建筑—场所对中，{opt:,} 个取得最优解；为使取消操作立即生效，求解器对每块约 {piece:,} 对只给予 {it:,} 次迭代（约 0.3 s），其余 {g:,} 对需要更多迭代，改用贪心分配（先分配最近者），可能使本可安置的居民未被安置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="391"/>
        <source>Assignment: a greedy (nearest first) over {n:,} building–shelter pairs in reach: too many for the optimum, or the solver (given {it:,} iterations per piece of about {piece:,} pairs, some 0.3 s, so that Cancel acts at once) did not finish. It may leave residents unplaced who could have a place.</source>
        <translation>分配：对可达的 {n:,} 个建筑—场所对采用贪心分配（先分配最近者）：配对过多无法求最优解，或求解器（为使取消操作立即生效，每块约 {piece:,} 对只给予 {it:,} 次迭代，约 0.3 s）未能求完。可能使本可安置的居民未被安置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="401"/>
        <source>{n} buildings have a missing or negative population, counted as 0.</source>
        <translation>{n} 栋建筑的人口缺失或为负值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="404"/>
        <source>{n} invalid geometries were repaired for the calculation; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于计算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="406"/>
        <source>{r:,.0f} of {p:,.0f} residents ({pct:.1f} %) are within reach of a usable shelter; the usable shelters hold {c:,.0f} persons; {u:,.0f} residents find no place.</source>
        <translation>{p:,.0f} 名居民中有 {r:,.0f} 名（{pct:.1f} %）位于可用避难场所的服务半径内；可用避难场所可容纳 {c:,.0f} 人；{u:,.0f} 名居民无处安置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="425"/>
        <source>Emergency shelters with capacity, assigned residents, load and flood flag. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>应急避难场所的容纳人数、已分配居民、负荷及淹没标记。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="432"/>
        <source>{n} usable shelters of “{layer}” are flagged as estimated (“{flag}” = 1, e.g. open spaces taken as candidates): {b} buildings' nearest shelter is one of them (shelter_m_est = 1), and units whose shelter area is mostly theirs get shelter_m2_cap_est = 1; a planning check gives those no verdict on the shelter rules.</source>
        <translation>“{layer}”中有 {n} 个可用避难场所标记为估算（“{flag}” = 1，如作为候选的开敞空间）：{b} 栋建筑的最近避难场所为其中之一（shelter_m_est = 1），避难面积主要来自这些场所的单元 shelter_m2_cap_est = 1；规划核查不就避难规则对其给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="441"/>
        <source>No planning units given: the coverage by unit is not written.</source>
        <translation>未提供规划单元：不输出分单元覆盖率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="459"/>
        <source>{n} more units' residents are mostly estimated (“{flag}”): shelter_m2_cap_est = 1, and a planning check gives them no verdict on the shelter area per resident.</source>
        <translation>另有 {n} 个单元的居民主要为估算值（“{flag}”）：shelter_m2_cap_est = 1，规划核查不对其人均避难场所面积给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_coverage.py" line="466"/>
        <source>Per-capita shelter area compared with {s} m² per resident in {n} planning units.</source>
        <translation>已在 {n} 个规划单元中将人均避难面积与每位居民 {s} m² 的标准进行比较。</translation>
    </message>
</context>
<context>
    <name>ShelterSitingMixin</name>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="21"/>
        <source>New shelters hold their effective area / {m:g} m² per person (the emergency shelter standard); together the eligible candidates hold {c:,.0f} persons.</source>
        <translation>新增避难场所按有效面积 / 每人 {m:g} m²（紧急避难场所标准）计算容量；合格候选点合计可容纳 {c:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="37"/>
        <source>Capacitated covering problem: {g} demand groups, {e} existing shelters, {m} eligible candidates, {p} pairs within {d:g} m.</source>
        <translation>有容量的覆盖问题：{g} 个需求组，{e} 处现有避难场所，{m} 个合格候选点，{d:g} m 以内 {p} 对。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="47"/>
        <source>new shelters</source>
        <translation>新增避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="47"/>
        <source>residents placed</source>
        <translation>安置居民</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="79"/>
        <source>Shelters added after the MIP: {n}. The assignment of Emergency shelter coverage (the most residents placed over all units, then the nearest) gave places the MIP kept for some units to residents of other units.</source>
        <translation>混合整数规划之后追加的避难场所：{n} 处。应急避难场所覆盖的分配（先使全部单元安置人数最多，再取最近者）把混合整数规划为某些单元保留的位置给了其他单元的居民。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="100"/>
        <source>{n} eligible candidates have a missing or negative effective area: they hold nobody.</source>
        <translation>{n} 个合格候选点的有效面积缺失或为负：不容纳任何人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="104"/>
        <source>Shelter capacities need the effective area of each candidate: give the effective area field of “{layer}”, or parcels, or untick Respect shelter capacities.</source>
        <translation>避难场所容量需要各候选点的有效面积：请给出“{layer}”的有效面积字段，或使用地块，或取消勾选“考虑避难场所容量”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="108"/>
        <source>Effective area of a candidate parcel = {pct:g} % of its area (an assumption of the toolkit, not a standard: give an effective area field where known).</source>
        <translation>候选地块的有效面积 = 其面积的 {pct:g} %（工具箱的假定，并非标准数值：已知时请给出有效面积字段）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="118"/>
        <source>No existing shelters given: every resident starts without a place.</source>
        <translation>未给出现有避难场所：所有居民起初都没有位置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="131"/>
        <source>The existing shelters have no effective area or capacity field: each counts as holding everyone within reach.</source>
        <translation>现有避难场所没有有效面积或容量字段：每处均视为可容纳可达范围内的所有人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="138"/>
        <source>{n} existing shelters in “{layer}”, holding {c:,.0f} persons, count within {d:g} m whatever their class.</source>
        <translation>“{layer}”中有 {n} 处现有避难场所，可容纳 {c:,.0f} 人，不论类别均按 {d:g} m 计算可达。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="150"/>
        <source>No roads given: distances are straight lines, which over-state access where barriers force detours.</source>
        <translation>未提供道路：采用直线距离，在障碍迫使绕行之处会高估可达性。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="157"/>
        <source>{n} homes are farther than {d} m from every road: no site can reach them.</source>
        <translation>{n} 处住宅距所有道路超过 {d} m：任何选址都无法覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/shelter_siting_glue.py" line="179"/>
        <source>The problem is large: homes of one unit in one {c:g} m grid cell are one demand point, reaching the sites that reach all of them (conservative: the answer may use more sites than the exact optimum; what it reaches is checked on the homes). {g} demand groups, {p} pairs.</source>
        <translation>问题规模较大：同一单元、同一 {c:g} m 网格内的住宅合并为一个需求点，只计可达其中每一栋住宅的场所（保守做法：结果可能比精确最优解多用场所；覆盖情况按住宅核验）。{g} 个需求组，{p} 对。</translation>
    </message>
</context>
<context>
    <name>ShippedModel</name>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="8"/>
        <source>Carbon balance from raw layers</source>
        <translation>基于原始图层的碳平衡</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="9"/>
        <source>Workflows</source>
        <translation>工作流程</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="10"/>
        <source>From raw layers to the net CO2 of every planning unit in one run: building emissions, rooftop PV, passenger transport (from parcel residents), land-cover carbon sinks, then the balance and its gap to a per-capita target.</source>
        <translation>由原始图层一次运行得到每个规划单元的净 CO2 排放：建筑排放、屋顶光伏、客运交通（按地块居民计算）、土地覆被碳汇，然后计算碳平衡及其与人均目标的差距。</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="11"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="12"/>
        <source>Land-cover class field</source>
        <translation>土地覆被类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="13"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="14"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="15"/>
        <source>Parcel residents field</source>
        <translation>地块居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="16"/>
        <source>Parcels (with residents)</source>
        <translation>地块（含居民数）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="17"/>
        <source>Building residents field</source>
        <translation>建筑居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="18"/>
        <source>Roof type field</source>
        <translation>屋顶类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="19"/>
        <source>Target (t CO2 per resident a year)</source>
        <translation>目标（每位居民每年 t CO2）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="20"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="21"/>
        <source>Use field</source>
        <translation>用途字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="22"/>
        <source>Carbon balance of planning units</source>
        <translation>规划单元碳平衡</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="23"/>
        <source>Detailed plan check (model)</source>
        <translation>详细规划核查（模型）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="24"/>
        <source>Planning checks</source>
        <translation>规划检查</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="25"/>
        <source>From raw layers to the detailed-plan check of every parcel in one run. Indicators, each named like the profile's: far and green_ratio (the parcel's own fields), exposed (flood exposure), shelter_m (walking distance to a shelter), lc_score (share of the parcel's residents who reach every life-circle facility type, 0–1), pv_share (rooftop PV yield / building energy demand), retention (share of the design storm retained, SCS curve number of the land cover in the parcel, plus the runoff its LID storage holds) ctrl_rate (sponge-city annual runoff control rate of the LID storage in the parcel: bioretention, permeable paving, green roof and tank fields; only with a daily rainfall CSV) and pub_green_m2_pc (park area, green spaces of type other than “protective”, per resident, both counted within 1 000 m straight-line of the parcel: a screening stand-in for the 15-minute walk; residential parcels only). Areas and distances are true metres whatever the layers' CRS (degrees and Web Mercator are measured in UTM). Then the planning check, the synergy of low-carbon and resilience scores and the report.</source>
        <translation>由原始图层一次运行完成每个地块的详细规划检查。各指标与标准配置中的指标同名：far 和 green_ratio（地块自身的字段）、exposed（洪涝暴露）、shelter_m（至避难场所的步行距离）、lc_score（地块居民中可达全部生活圈设施类型者所占比例，0–1）、pv_share（屋顶光伏发电量 / 建筑能耗）、retention（设计暴雨的滞留比例，按地块内土地覆被的 SCS 径流曲线数计算，加上地块 LID 调蓄设施截留的径流）、ctrl_rate（地块内 LID 设施调蓄量对应的海绵城市年径流总量控制率：生物滞留设施、透水铺装、绿色屋顶和蓄水池字段；仅在提供日降雨量 CSV 时计算）以及 pub_green_m2_pc（人均公园面积，即类型非“protective”（防护绿地）的绿地面积除以居民数，两者均在地块周边直线距离 1 000 m 范围内统计：作为 15 分钟步行范围的筛查性近似；仅适用于居住地块）。无论图层采用何种坐标参考系，面积和距离均为真实米制（地理坐标和 Web Mercator 在 UTM 中量算）。随后进行规划检查、低碳与韧性得分协同分析，并生成报告。</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="26"/>
        <source>Bioretention area field (m²)</source>
        <translation>生物滞留设施面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="27"/>
        <source>Land-cover class field (integer codes)</source>
        <translation>土地覆被类型字段（整数代码）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="28"/>
        <source>Building climate zone (GB 50178)</source>
        <translation>建筑气候区（GB 50178）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="29"/>
        <source>Daily rainfall (CSV date, rain_mm) for the runoff control rate</source>
        <translation>日降雨量（CSV：date、rain_mm），用于计算年径流总量控制率</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="30"/>
        <source>Flood depth field (m)</source>
        <translation>淹没水深字段（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="31"/>
        <source>Design rainfall (mm)</source>
        <translation>设计降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="32"/>
        <source>District (report)</source>
        <translation>区域（报告）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="33"/>
        <source>Facilities</source>
        <translation>配套设施</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="34"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="35"/>
        <source>Flood zones</source>
        <translation>洪水淹没区</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="36"/>
        <source>Green ratio field (0–1)</source>
        <translation>绿地率字段（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="37"/>
        <source>Green roof area field (m²)</source>
        <translation>绿色屋顶面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="38"/>
        <source>Green spaces</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="39"/>
        <source>Electricity grid region</source>
        <translation>电网区域</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="40"/>
        <source>Grid factor year (empty: latest published)</source>
        <translation>电网排放因子年份（留空：最新发布）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="41"/>
        <source>Inputs estimated or not given (report, one a line)</source>
        <translation>估算的与未提供的输入（报告，每行一条）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="42"/>
        <source>Land-use code field</source>
        <translation>用地代码字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="43"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="44"/>
        <source>Parcel name field (report labels)</source>
        <translation>地块名称字段（报告标注）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="45"/>
        <source>Organisation (report)</source>
        <translation>编制单位（报告）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="46"/>
        <source>Average floors of the parcel&apos;s residential buildings field</source>
        <translation>地块住宅建筑平均层数字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="47"/>
        <source>Height of the parcel&apos;s tallest residential building field (m)</source>
        <translation>地块最高住宅建筑高度字段（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="48"/>
        <source>Parcel id field</source>
        <translation>地块编号字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="49"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="50"/>
        <source>Green space type field</source>
        <translation>绿地类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="51"/>
        <source>Permeable paving area field (m²)</source>
        <translation>透水铺装面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="52"/>
        <source>Plan name (report&apos;s first page)</source>
        <translation>规划名称（报告首页）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="53"/>
        <source>Standards profile</source>
        <translation>标准配置</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="54"/>
        <source>Own profile (CSV), replaces the standards profile</source>
        <translation>自定义标准配置（CSV），替代所选标准配置</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="55"/>
        <source>Report date (empty: today)</source>
        <translation>报告日期（留空：今天）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="56"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="57"/>
        <source>Shelter effective area field (m²)</source>
        <translation>避难场所有效面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="58"/>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="59"/>
        <source>Storage tank volume field (m³)</source>
        <translation>蓄水池容积字段（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="60"/>
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="61"/>
        <source>Building use field</source>
        <translation>建筑用途字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="62"/>
        <source>Planning check</source>
        <translation>规划检查</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="63"/>
        <source>Planning check rules</source>
        <translation>规划检查规则</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="64"/>
        <source>Planning check report (HTML)</source>
        <translation>规划检查报告（HTML）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="65"/>
        <source>Planning check report (PDF)</source>
        <translation>规划检查报告（PDF）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="66"/>
        <source>Low-carbon and resilience synergy</source>
        <translation>低碳与韧性协同</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="67"/>
        <source>Not set: the most lenient row of any zone</source>
        <translation>未设置：取各气候区中最宽松的一行</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="68"/>
        <source>Zones I and VII</source>
        <translation>Ⅰ、Ⅶ 区</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="69"/>
        <source>Zones II and VI (e.g. Beijing, Xiong&apos;an, Xi&apos;an)</source>
        <translation>Ⅱ、Ⅵ 区（如北京、雄安、西安）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="70"/>
        <source>Zones III, IV and V (e.g. Shanghai, Jiaxing, Xiamen)</source>
        <translation>Ⅲ、Ⅳ、Ⅴ 区（如上海、嘉兴、厦门）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="71"/>
        <source>National average</source>
        <translation>全国平均</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="72"/>
        <source>North China grid (Beijing, Tianjin, Hebei, Shanxi, Shandong, west Inner Mongolia)</source>
        <translation>华北电网（北京、天津、河北、山西、山东、内蒙古西部）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="73"/>
        <source>North-East grid</source>
        <translation>东北电网</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="74"/>
        <source>East China grid (Shanghai, Jiangsu, Zhejiang, Anhui, Fujian)</source>
        <translation>华东电网（上海、江苏、浙江、安徽、福建）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="75"/>
        <source>Central China grid</source>
        <translation>华中电网</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="76"/>
        <source>North-West grid (Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang)</source>
        <translation>西北电网（陕西、甘肃、青海、宁夏、新疆）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="77"/>
        <source>South grid</source>
        <translation>南方电网</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="78"/>
        <source>South-West grid</source>
        <translation>西南电网</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="79"/>
        <source>National, excluding market-traded non-fossil power</source>
        <translation>全国（不含市场化交易的非化石能源电量）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="80"/>
        <source>National fossil-fuel power</source>
        <translation>全国化石能源电力</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="81"/>
        <source>Hebei province</source>
        <translation>河北省</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="82"/>
        <source>Fujian province</source>
        <translation>福建省</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="83"/>
        <source>Shanghai municipality</source>
        <translation>上海市</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="84"/>
        <source>Zhejiang province</source>
        <translation>浙江省</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="85"/>
        <source>Jiangsu province</source>
        <translation>江苏省</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="86"/>
        <source>Shaanxi province</source>
        <translation>陕西省</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="87"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="88"/>
        <source>Simplified Chinese (简体中文)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="89"/>
        <source>China, territorial master plan (cn_master)</source>
        <translation>中国，国土空间总体规划（cn_master）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="90"/>
        <source>China, detailed plan, parcels (cn_detailed)</source>
        <translation>中国，详细规划，地块（cn_detailed）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="91"/>
        <source>Pilot: city renewal (cn_city_renewal)</source>
        <translation>试点：城市更新（cn_city_renewal）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="92"/>
        <source>Pilot: old community renovation (cn_old_community)</source>
        <translation>试点：老旧小区改造（cn_old_community）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="93"/>
        <source>Pilot: industrial park (cn_industrial_park)</source>
        <translation>试点：产业园区（cn_industrial_park）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="94"/>
        <source>Pilot: new town (cn_new_town)</source>
        <translation>试点：新城（cn_new_town）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="95"/>
        <source>Pilot: rural low-carbon village (cn_rural_village)</source>
        <translation>试点：乡村低碳村庄（cn_rural_village）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="96"/>
        <source>Pilot: disaster management (cn_disaster_management)</source>
        <translation>试点：防灾减灾（cn_disaster_management）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="97"/>
        <source>Pilot: green transport and biodiversity (cn_transport_biodiversity)</source>
        <translation>试点：绿色交通与生物多样性（cn_transport_biodiversity）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="98"/>
        <source>Europe, generic targets (eu_generic)</source>
        <translation>欧洲，通用目标（eu_generic）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="99"/>
        <source>Building emissions and flood exposure</source>
        <translation>建筑碳排放与洪涝暴露</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="100"/>
        <source>Operational CO2 of every building, then its exposure to a design flood, in one run: the output keeps both sets of fields.</source>
        <translation>一次运行依次计算每栋建筑的运行 CO2 排放及其在设计洪水下的暴露情况：输出同时保留两组字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="101"/>
        <source>Depth field (m)</source>
        <translation>淹没深度字段（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="102"/>
        <source>Flood hazard</source>
        <translation>洪涝淹没范围</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="103"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="104"/>
        <source>Buildings with emissions and flood exposure</source>
        <translation>含碳排放与洪涝暴露的建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="105"/>
        <source>Master plan check (model)</source>
        <translation>总体规划核查（模型）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="106"/>
        <source>From raw layers to the master-plan check of every planning unit in one run. Indicators, each named like the profile's: full_pct (15-minute life circle), rail_pct (rail 800 m coverage), green_share (transport model), net_t_cap (carbon balance of building, transport, PV and land-cover sinks), shelter_m2_cap (shelter coverage), shelter_cap_pct (capacity of the fixed shelters in the unit, type other than “emergency”, per 100 residents), park_green_m2_pc, comp_park_m2_pc, comm_park_m2_pc (green spaces of type other than “protective”, “comprehensive”, “community” inside the unit, per resident) and impervious_pct (share of the unit's land cover in the impervious land-cover classes), park_cov_pct (share of the residents whose building lies within the straight-line service radius of a park: 500 m of parks of 5 000 m² or more, 300 m of parks of 2 000–5 000 m², after the 2016 national garden-city standard, unverified) and sponge_area_pct (share of the unit's land cover that retains at least 70 % of the design storm, SCS curve number: a screening reading of the 70 % target). Areas and distances are true metres whatever the layers' CRS (degrees and Web Mercator are measured in UTM). Then the planning check, the synergy of low-carbon and resilience scores and the report.</source>
        <translation>由原始图层一次运行完成每个规划单元的总体规划检查。各指标与标准配置中的指标同名：full_pct（15 分钟生活圈）、rail_pct（轨道交通站点 800 m 覆盖率）、green_share（交通模型）、net_t_cap（建筑、交通、光伏及土地覆被碳汇的碳平衡）、shelter_m2_cap（避难场所覆盖）、shelter_cap_pct（单元内类型非“emergency”（紧急避难场所）的固定避难场所容纳人数，按每百名居民计）、park_green_m2_pc、comp_park_m2_pc、comm_park_m2_pc（单元内绿地的人均面积，类型依次为：非“protective”、“comprehensive”、“community”）和 impervious_pct（单元内土地覆被中不透水类型所占比例）、park_cov_pct（所在建筑位于公园直线服务半径内的居民比例：5 000 m² 及以上的公园为 500 m，2 000–5 000 m² 的公园为 300 m，参照 2016 年国家园林城市标准，未核实）以及 sponge_area_pct（单元内土地覆被中可滞留至少 70 % 设计暴雨的面积比例，按 SCS 径流曲线数法计算：对 70 % 目标的筛查性解读）。无论图层采用何种坐标参考系，面积和距离均为真实米制（地理坐标和 Web Mercator 在 UTM 中量算）。随后进行规划检查、低碳与韧性得分协同分析，并生成报告。</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="107"/>
        <source>Building CO2 after measures field (t/a), replaces the computed CO2</source>
        <translation>措施后建筑 CO2 字段（t/a），取代计算的 CO2</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="108"/>
        <source>Impervious land-cover classes (codes, comma-separated)</source>
        <translation>不透水土地覆被类型（代码，以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="109"/>
        <source>Unit name field (report labels)</source>
        <translation>单元名称字段（报告标注）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="110"/>
        <source>Rooftop PV field (avoided t CO2/a), replaces the PV potential of every roof</source>
        <translation>屋顶光伏字段（避免 t CO2/a），取代所有屋顶的光伏潜力</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="111"/>
        <source>Shelter capacity field (persons)</source>
        <translation>避难场所容纳人数字段（人）</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="112"/>
        <source>Shelter type field</source>
        <translation>避难场所类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="113"/>
        <source>Stop type field</source>
        <translation>站点类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="114"/>
        <source>Transit stops</source>
        <translation>公共交通站点</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="115"/>
        <source>Unit id field</source>
        <translation>单元编号字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="116"/>
        <source>Resilience assessment of planning units</source>
        <translation>规划单元韧性评估</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="117"/>
        <source>From raw layers to a composite resilience index of every planning unit in one run: flood exposure of buildings, stormwater runoff of land cover, shelters, 15-minute life circles, urban cooling (land cover rasterised at 10 m in a CRS in metres) and habitat fragmentation, joined by unit id and combined with min-max normalisation and equal weights.</source>
        <translation>由原始图层一次运行得到每个规划单元的综合韧性指数：建筑洪涝暴露、土地覆被暴雨径流、避难场所、15 分钟生活圈、城市降温（土地覆被在以米为单位的坐标系中按 10 m 栅格化）和生境破碎化，按单元编号连接，并以极差标准化和等权重合成。</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="118"/>
        <source>Residents field</source>
        <translation>居民字段</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="119"/>
        <source>Flood exposure of buildings</source>
        <translation>建筑洪涝暴露</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="120"/>
        <source>Resilience index of planning units</source>
        <translation>规划单元韧性指数</translation>
    </message>
    <message>
        <location filename="../../work/main/i18n/model_strings.py" line="121"/>
        <source>Stormwater runoff of land cover</source>
        <translation>土地覆被暴雨径流</translation>
    </message>
    <message>
        <location filename="../../work/main/provider.py" line="159"/>
        <source>The layer “{layer}” ({parameter}) has no field “{field}” (parameter “{field_parameter}”). Its fields are: {fields}.</source>
        <translation>图层“{layer}”（{parameter}）没有字段“{field}”（参数“{field_parameter}”）。其字段为：{fields}。</translation>
    </message>
</context>
<context>
    <name>SiteFacilities</name>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="69"/>
        <source>Site new facilities (covering location)</source>
        <translation>新增设施选址（覆盖选址）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="72"/>
        <source>Where to add facilities of one type so that a target share of the residents of each planning unit lives within walking distance of one: the fewest new sites (set covering), or, with a number of sites, the k sites that bring the most residents within reach (maximal covering).

Facility type: a type of the life-circle table (kindergarten, clinic, 幼儿园…; its walking distance is the default) or shelter (emergency shelters, 500 m). Homes already within the distance of an existing facility of the type count as covered. Candidate sites are points, or parcels whose land-use code starts with one of the eligible codes (defaults by type, 用地用海分类 2023: e.g. kindergarten 0701, 0702, 0804; shelter 0805, 1401, 1403); a parcel stands for one site at a point inside it.

All 15-minute life-circle types (Facility type all, 全部): every type of the life-circle table is sited at once, each at its own distance and eligible codes, so that the target share of each unit's residents reaches every type (full_pct of Community life circles, the 15-minute coverage rule), not each type alone: the types are sited in turn, the one existing facilities reach fewest first, each covering only the homes the types before it reach; sites every unit can spare are dropped; then a joint MIP (a home counts only where every type reaches it) improves or proves the answer while it has at most 50,000 pairs. The existing facilities need the facility type field; the walking distance given is not used. The sites carry their fac_type; the units' cov_before and cov_after are full_pct, and a unit's note names the types some residents have nothing eligible of within reach.

Distances as in Community life circles: along the roads when given, else straight lines. Each unit needs max(0, target × residents − already covered); where no set of candidates can reach the target, the unit's note says how many residents have no eligible candidate within reach.

Solved as a mixed-integer programme by HiGHS (SciPy) after a greedy start without its redundant sites, in slices of 0.5 s up to the time limit; the LP relaxation proves a bound, and the log gives the optimality gap and what proved it. Above 50,000 home–candidate pairs the greedy answer is kept and the log says so.

Shelters by capacity (Respect shelter capacities, on by default): a shelter holds at most its effective area / 1.0 m² per person (the emergency shelter standard of the shelter table, as in Emergency shelter coverage); existing shelters hold their capacity field, or their area / the m² per person of their class. Residents are assigned to shelters within the walking distance, none above its capacity, and the fewest new shelters are found so that the target share of each unit's residents has a place (capacitated covering, a MIP with HiGHS). A candidate parcel's effective area is its effective area field, or its area × the effective share. Large problems merge the homes of a unit in one grid cell (5–40 % of the walking distance) into a demand point, said in the log. Coverage before and after is then the share of residents with a place, from the assignment of Emergency shelter coverage.

Output: the proposed sites as points with the candidate's fields and fac_type, rank (1 = adds the most), new_pop (residents it newly brings within reach, not counting those of higher-ranked sites; for shelters by capacity the residents it takes), method (mip or greedy), capacity and assigned (persons, shelters by capacity), gap_pct (optimality gap, %; empty where unknown). Planning units: pop, cov_before, cov_after, target_pct, max_pct (% of residents), new_sites, note. Add the sites to the facilities layer and run Community life circles again to check.</source>
        <translation>某类设施应新增在哪里，才能使每个规划单元中目标比例的居民在步行距离内有一处：求最少的新增设施（集合覆盖），或在给定数量时，求使最多居民可达的 k 处（最大覆盖）。

设施类型：生活圈设施表中的类型（kindergarten、clinic、幼儿园……；默认取其步行距离），或 shelter（紧急避难场所，500 m）。已在该类现有设施步行距离内的住宅视为已覆盖。候选点为点，或用地代码以合格代码开头的地块（各类型的默认值，用地用海分类 2023：如幼儿园 0701、0702、0804；避难场所 0805、1401、1403）；一个地块以其内部一点代表一处选址。

15 分钟生活圈全部类型（设施类型 all、全部）：对生活圈设施表中的全部类型同时选址，各类按其自身的步行距离和合格用地代码，使每个单元达到目标比例的居民可达每一类设施（社区生活圈的 full_pct，即 15 分钟生活圈覆盖率规则），而不是各类分别达到：逐类选址，现有设施覆盖最少的类型在先，每一类只覆盖此前各类都可达的住宅；删去各单元都可省去的场所；配对不超过 50,000 时，再以联合混合整数规划（住宅只有在每一类都可达时才计入）改进或证明该解。现有设施需要设施类型字段；给定的步行距离不使用。选址点带有各自的 fac_type；单元的 cov_before 和 cov_after 为 full_pct，说明列出有居民在可达范围内没有合格候选点的类型。

距离与社区生活圈相同：给出道路时沿道路计算，否则为直线距离。各单元需覆盖 max(0, 目标 × 居民 − 已覆盖)；任何候选点组合都达不到目标时，该单元的说明给出步行距离内没有合格候选点的居民数。

先用贪心法求初始解并去掉其中多余的选址，再由 HiGHS（SciPy）按混合整数规划以每段 0.5 s 求解至时间上限；线性规划松弛给出可证明的界，日志给出最优性差距及其由何证明。住宅–候选点对超过 50,000 时保留贪心解，并在日志中说明。

按容量选址避难场所（“考虑避难场所容量”，默认开启）：一处避难场所最多容纳有效面积 / 每人 1.0 m²（避难场所标准表中的紧急避难场所标准，与应急避难场所覆盖相同）；现有避难场所容纳其容量字段的人数，或其面积 / 所属类别的人均面积。居民被分配到步行距离内的避难场所，不超过各场所容量，并求使各单元目标比例居民获得位置的最少新增场所（有容量的覆盖问题，由 HiGHS 按混合整数规划求解）。候选地块的有效面积取有效面积字段，或其面积 × 有效比例。大规模问题把同一单元、同一网格（步行距离的 5–40 %）内的住宅合并为一个需求点，并在日志中说明。此时前后覆盖率为获得位置的居民比例，取自应急避难场所覆盖的分配结果。

输出：选址点，含候选图层的字段以及 fac_type、rank（1 = 新增覆盖最多）、new_pop（该点新增覆盖的居民，不计排名更前者已覆盖的；按容量选址避难场所时为其接纳的居民）、method（mip 或 greedy）、capacity 和 assigned（人，仅按容量选址避难场所时）、gap_pct（最优性差距，%；未知时为空）。规划单元：pop、cov_before、cov_after、target_pct、max_pct（居民百分比）、new_sites、note。把选址点并入设施图层，再运行社区生活圈进行核验。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="117"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="117"/>
        <source>A fac_type (or alias) of the life-circle facility table, e.g. kindergarten, clinic, 幼儿园; shelter for emergency shelters; or all (全部) for every life-circle type at once, so that the target share of residents reaches all of them (the 15-minute life-circle coverage).</source>
        <translation>生活圈设施表中的 fac_type（或别名），如 kindergarten、clinic、幼儿园；紧急避难场所填 shelter；all（全部）表示同时选址全部生活圈设施类型，使目标比例的居民可达每一类（15 分钟生活圈覆盖率）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="122"/>
        <source>Residential buildings or parcels</source>
        <translation>居住建筑或地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="122"/>
        <source>Polygons where people live. Filter the residential ones first: every polygon is treated as a home.</source>
        <translation>有人居住的面。请先筛选出居住类的面：输入的每个面都视为住宅。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="126"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="126"/>
        <source>Residents of each polygon; missing or negative values count as 0. Without it, every building counts as one.</source>
        <translation>各多边形的居民数；缺失或为负的值按 0 计。不给出时每栋建筑计为 1。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="131"/>
        <source>Candidate sites</source>
        <translation>候选选址</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="131"/>
        <source>Points where a facility could go, or parcels (filtered by the eligible land-use codes).</source>
        <translation>可设置设施的点，或地块（按合格用地代码筛选）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="134"/>
        <source>Land-use code field of the candidates</source>
        <translation>候选点的用地代码字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="134"/>
        <source>Land-use code of each candidate parcel (e.g. 0701). Without it every candidate is eligible.</source>
        <translation>各候选地块的用地代码（如 0701）。不给出时所有候选点都合格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="138"/>
        <source>Eligible land-use codes</source>
        <translation>合格用地代码</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="138"/>
        <source>Code prefixes separated by commas, e.g. 0702,080404. Empty: the defaults of the facility type (see the methods document).</source>
        <translation>以逗号分隔的代码前缀，如 0702,080404。留空：使用该设施类型的默认值（见方法文档）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="142"/>
        <source>Existing facilities</source>
        <translation>现有设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="142"/>
        <source>Facilities already there, as points; the homes they reach count as covered.</source>
        <translation>已有设施（点）；其可达的住宅视为已覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="145"/>
        <source>Facility type field</source>
        <translation>设施类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="145"/>
        <source>Field naming each existing facility&apos;s type; only those of the chosen type count. Without it every point counts.</source>
        <translation>给出各现有设施类型的字段；只计所选类型。不给出时所有点都计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="150"/>
        <source>Target share of residents covered (%)</source>
        <translation>居民覆盖目标比例（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="150"/>
        <source>Share of the residents of each planning unit (of all, without units) to bring within walking distance.</source>
        <translation>每个规划单元（无单元时为全部）中应在步行距离内的居民比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="155"/>
        <source>Number of new sites (0: the fewest reaching the target)</source>
        <translation>新增选址数量（0：达到目标所需的最少数量）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="155"/>
        <source>0 finds the fewest sites reaching the target; a number k finds the k sites bringing the most residents within reach.</source>
        <translation>0 表示求达到目标的最少选址；数字 k 表示求使最多居民可达的 k 处选址。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="160"/>
        <source>Walking distance (m)</source>
        <translation>步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="160"/>
        <source>Empty: the facility type&apos;s distance from the table (shelters 500 m).</source>
        <translation>留空：取设施表中该类型的距离（避难场所 500 m）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="164"/>
        <source>Homes and sites farther than this from every road are not on the network: they reach nothing and are not reached.</source>
        <translation>距所有道路超过此距离的住宅和选址不在路网上：既到不了任何设施，也不被覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="166"/>
        <source>Polygons each of which must reach the target (planning units, communities). Without them the target applies to all residents.</source>
        <translation>每个都须达到目标的多边形（规划单元、社区）。不给出时目标针对全部居民。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="168"/>
        <source>GB 50137 or 三调 codes are read as 2023 codes (resources/factors/landuse_crosswalk.csv) before the eligible prefixes are matched.</source>
        <translation>GB 50137 或三调代码先按 2023 年代码读取（resources/factors/landuse_crosswalk.csv），再与合格前缀匹配。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="171"/>
        <source>Solver time limit (s)</source>
        <translation>求解时间上限（s）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="171"/>
        <source>Longest time the MIP solver may take; the best solution found by then is kept and its gap logged.</source>
        <translation>混合整数规划求解器可用的最长时间；保留届时找到的最优解，并在日志中记录其差距。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="176"/>
        <source>Facility table (CSV)</source>
        <translation>设施表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="176"/>
        <source>Replaces the shipped life-circle table: columns fac_type, circle, distance_m (m), aliases.</source>
        <translation>替换随插件提供的生活圈设施表：列 fac_type、circle、distance_m（m）、aliases。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="180"/>
        <source>Respect shelter capacities</source>
        <translation>考虑避难场所容量</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="180"/>
        <source>For shelters: a shelter holds at most its capacity, and residents count as covered only with a place. Off: every shelter within reach counts, whatever its size.</source>
        <translation>用于避难场所：一处场所最多容纳其容量，居民只有获得位置才算覆盖。关闭时：可达范围内的任何场所都计入，不论规模。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="184"/>
        <source>Effective area field of the candidates (m², shelters)</source>
        <translation>候选点有效面积字段（m²，避难场所）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="184"/>
        <source>Effective shelter area of each candidate in m². Empty: the parcel's area × the effective share.</source>
        <translation>各候选点的有效避难面积（m²）。为空时：地块面积 × 有效比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="190"/>
        <source>Effective share of a candidate parcel&apos;s area (%, shelters)</source>
        <translation>候选地块面积的有效比例（%，避难场所）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="190"/>
        <source>Share of a parcel usable as shelter ground (without water, buildings, dense planting): an assumption of the toolkit, not a standard.</source>
        <translation>地块中可用作避难场地的比例（扣除水面、建筑、密植林地）：工具箱的假定，并非标准数值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="195"/>
        <source>Effective area field of the existing shelters (m²)</source>
        <translation>现有避难场所有效面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="195"/>
        <source>With the facility type field as the shelter class, capacity = area / m² per person of the class (shelter standards table).</source>
        <translation>以设施类型字段作为避难场所类别，容量 = 面积 / 该类别人均面积（避难场所标准表）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="201"/>
        <source>Capacity field of the existing shelters (persons)</source>
        <translation>现有避难场所容量字段（人）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="201"/>
        <source>Persons each existing shelter holds; NULL: from its area. Without either field an existing shelter holds everyone within reach.</source>
        <translation>各现有避难场所可容纳的人数；为 NULL 时由面积计算。两个字段都没有时，现有场所视为可容纳可达范围内的所有人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="207"/>
        <source>Proposed sites</source>
        <translation>建议选址</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="207"/>
        <source>The proposed sites as points with fac_type, rank, new_pop, method, capacity, assigned and gap_pct.</source>
        <translation>建议选址点，含 fac_type、rank、new_pop、method、capacity、assigned 和 gap_pct。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="211"/>
        <source>Coverage by unit, before and after</source>
        <translation>各单元覆盖率（前后对比）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="211"/>
        <source>The planning units with pop, cov_before, cov_after, target_pct, max_pct, new_sites and note.</source>
        <translation>规划单元，含 pop、cov_before、cov_after、target_pct、max_pct、new_sites 和 note。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="215"/>
        <source>New sites proposed</source>
        <translation>建议新增选址数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="216"/>
        <source>Residents covered before (%)</source>
        <translation>此前覆盖的居民（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="217"/>
        <source>Residents covered after (%)</source>
        <translation>此后覆盖的居民（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="218"/>
        <source>Optimality gap (%)</source>
        <translation>最优性差距（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="222"/>
        <source>The target must lie between 0 % and 100 % (got {value} %).</source>
        <translation>目标须在 0 % 到 100 % 之间（给出的是 {value} %）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="223"/>
        <source>The table {path}, line {line}: fac_type is empty.</source>
        <translation>表格 {path} 第 {line} 行：fac_type 为空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="233"/>
        <source>“{layer}” holds neither points nor polygons: give candidate sites as points or parcels.</source>
        <translation>“{layer}”既不是点也不是多边形：请以点或地块给出候选选址。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="257"/>
        <source>No land-use field: every candidate parcel of “{layer}” is taken as eligible.</source>
        <translation>未给出用地字段：“{layer}”的所有候选地块都视为合格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="286"/>
        <source>{n} new sites proposed, bringing {pop:,.0f} more residents within reach.</source>
        <translation>建议新增 {n} 处选址，新增覆盖 {pop:,.0f} 名居民。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="296"/>
        <source>No planning units given: the coverage by unit is not written.</source>
        <translation>未提供规划单元：不输出分单元覆盖率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="308"/>
        <source>Share of residents reaching every life-circle facility type (15-minute life-circle coverage) before and after the proposed sites, per planning unit. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建议选址前后各规划单元可达每一类生活圈设施的居民比例（15 分钟生活圈覆盖率）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="308"/>
        <source>Coverage of {type} within {d:g} m before and after the proposed sites, per planning unit. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>各规划单元在建议选址前后 {d:g} m 以内 {type} 的覆盖率。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="315"/>
        <source>Proposed sites of every life-circle facility type ({method}), ranked by type, then by the residents each newly brings within reach. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>各类生活圈设施的建议选址（{method}），先按类型，再按各点新增可达居民排序。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="315"/>
        <source>Proposed {type} sites (covering location, {method}), ranked by the residents each newly brings within {d:g} m. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建议的 {type} 选址（覆盖选址，{method}），按各点新增 {d:g} m 以内覆盖的居民排序。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="335"/>
        <source>No eligible candidate of “{layer}” lies within {d:g} m of a home: do the layers overlap?</source>
        <translation>“{layer}”中没有合格候选点位于住宅 {d:g} m 以内：各图层是否重叠？</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="340"/>
        <source>Covering problem: {g} groups of homes, {m} eligible candidates, {p} pairs within {d:g} m.</source>
        <translation>覆盖问题：{g} 组住宅，{m} 个合格候选点，{d:g} m 以内 {p} 对。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="359"/>
        <source>Checked on the homes: {a} sites added where the demand points reach fewer residents than a unit needs, {d} made redundant dropped; how far the answer is from the fewest is unknown.</source>
        <translation>在住宅上核验：需求点可达的居民少于单元所需，追加 {a} 处场所，删去变得多余的 {d} 处；与最少场所数相差多少未知。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="390"/>
        <source>Facility type “{value}” is neither a fac_type or alias of {path} ({types}) nor shelter.</source>
        <translation>设施类型“{value}”既不是 {path} 中的 fac_type 或别名（{types}），也不是 shelter。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="399"/>
        <source>Facility type {type}: walking distance {d:g} m{given}.</source>
        <translation>设施类型 {type}：步行距离 {d:g} m{given}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="399"/>
        <source> (as given)</source>
        <translation>（按给定值）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="419"/>
        <source>{n} homes have a missing or negative population, counted as 0.</source>
        <translation>{n} 处住宅的人口缺失或为负值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="424"/>
        <source>The population field sums to 0: every building counts as one.</source>
        <translation>人口字段合计为 0：每栋建筑计为 1。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="447"/>
        <source>No eligible land-use codes for {type}: give them in Eligible land-use codes.</source>
        <translation>{type} 没有合格用地代码：请在“合格用地代码”中给出。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="456"/>
        <source>{n} of {total} candidates of “{layer}” have a {field} starting with {codes}.</source>
        <translation>“{layer}”的 {total} 个候选点中有 {n} 个的 {field} 以 {codes} 开头。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="464"/>
        <source>No existing facilities given: every home starts uncovered.</source>
        <translation>未给出现有设施：所有住宅起初都未覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="472"/>
        <source>Shelters: every point of the existing layer counts; the type field is not used.</source>
        <translation>避难场所：现有图层的所有点都计入；不使用类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="474"/>
        <source>{n} existing facilities of the type in “{layer}”.</source>
        <translation>“{layer}”中有 {n} 处该类现有设施。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="484"/>
        <source>No roads given: distances are straight lines, which over-state access where barriers force detours.</source>
        <translation>未提供道路：采用直线距离，在障碍迫使绕行之处会高估可达性。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="502"/>
        <source>{n} homes are farther than {d} m from every road: no site can reach them.</source>
        <translation>{n} 处住宅距所有道路超过 {d} m：任何选址都无法覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="511"/>
        <source>{n} eligible candidates are farther than {d} m from every road and are left out.</source>
        <translation>{n} 个合格候选点距所有道路超过 {d} m，不予计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="525"/>
        <source>{n} of the greedy&apos;s {g:,.0f} sites were redundant (the others reach enough of their residents) and are dropped.</source>
        <translation>贪心解的 {g:,.0f} 处选址中有 {n} 处多余（其余选址已覆盖足够的居民），已去掉。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="528"/>
        <source>The problem is too large for the MIP ({size}): the greedy answer is kept, which may use more sites than the fewest (or cover fewer residents).</source>
        <translation>问题规模超出混合整数规划的范围（{size}）：保留贪心解，其选址数可能多于最少数量（或覆盖的居民更少）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="532"/>
        <source>The greedy start: {g:,.0f}; the MIP: {m:,.0f} ({what}).</source>
        <translation>贪心初始解：{g:,.0f}；混合整数规划：{m:,.0f}（{what}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="532"/>
        <source>new sites</source>
        <translation>新增选址</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="532"/>
        <source>residents covered</source>
        <translation>覆盖居民</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="538"/>
        <source>The LP relaxation proved the solution optimal in {s:.1f} s.</source>
        <translation>线性规划松弛在 {s:.1f} s 内证明该解最优。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="541"/>
        <source>HiGHS proved the solution optimal in {s:.1f} s.</source>
        <translation>HiGHS 在 {s:.1f} s 内证明该解最优。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="543"/>
        <source>HiGHS proved no bound and found no better solution than the greedy one in a slice of {slice:g} s, where the search ends ({s:.1f} s in all): how far it is from the optimum is unknown.</source>
        <translation>HiGHS 在 {slice:g} s 的一段求解中既未证明任何界，也未找到比贪心解更好的解，搜索至此结束（共 {s:.1f} s）：该解与最优解相差多少未知。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="548"/>
        <source>In {s:.1f} s HiGHS found no better solution than the greedy one and no bound: how far it is from the optimum is unknown. A longer solver time limit may help.</source>
        <translation>{s:.1f} s 内 HiGHS 既未找到比贪心解更好的解，也未得到界：与最优值相差多少未知。延长求解时间上限可能有帮助。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="552"/>
        <source>The best solution found is within {gap:.1f} % of the optimum (optimality gap). HiGHS found no better one in a slice of {slice:g} s, where the search ends ({s:.1f} s in all): each slice starts HiGHS afresh, so a longer solver time limit would not change this.</source>
        <translation>所得最优解与最优值相差不超过 {gap:.1f} %（最优性差距）。HiGHS 在 {slice:g} s 的一段求解中未找到更好的解，搜索至此结束（共 {s:.1f} s）：每段都重新启动 HiGHS，因此延长求解时间上限不会改变结果。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="558"/>
        <source>The best solution found in {s:.1f} s is within {gap:.1f} % of the optimum (optimality gap); a longer solver time limit may find a better one.</source>
        <translation>{s:.1f} s 内找到的最优解与最优值相差不超过 {gap:.1f} %（最优性差距）；延长求解时间上限可能找到更好的解。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="564"/>
        <source>the LP relaxation</source>
        <translation>线性规划松弛</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="564"/>
        <source>HiGHS&apos;s branch and bound</source>
        <translation>HiGHS 的分支定界</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="565"/>
        <source>Proven by {proof}: no solution has fewer than {b:,.0f} new sites.</source>
        <translation>由{proof}证明：任何解的新增选址都不少于 {b:,.0f} 处。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="565"/>
        <source>Proven by {proof}: no {k} sites cover more than {b:,.0f} residents.</source>
        <translation>由{proof}证明：任意 {k} 处选址覆盖的居民都不超过 {b:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="611"/>
        <source>residents</source>
        <translation>名居民</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="611"/>
        <source>buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="582"/>
        <source>At most {pct:.1f} % reachable: {n:,.0f} {who} have no eligible candidate within {d:g} m.</source>
        <translation>最多可达 {pct:.1f} %：{n:,.0f} {who}在 {d:g} m 以内没有合格候选点。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="627"/>
        <source>Not reached with {k} sites.</source>
        <translation>{k} 处选址未达到目标。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="588"/>
        <source>Not reached.</source>
        <translation>未达到目标。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="596"/>
        <source>Unit {unit}: {before:.1f} % → {after:.1f} % (target {target:g} %).</source>
        <translation>单元 {unit}：{before:.1f} % → {after:.1f} %（目标 {target:g} %）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="605"/>
        <source>… {n} more units in the coverage by unit; {short} of all {total} units with residents stay below the target.</source>
        <translation>……另有 {n} 个单元见各单元覆盖率图层；在全部 {total} 个有居民的单元中，{short} 个仍低于目标。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="618"/>
        <source>At most {pct:.1f} % reachable: {n:,.0f} {who} have no shelter or eligible candidate within {d:g} m; {placed:.1f} % have a place.</source>
        <translation>最多 {pct:.1f} % 可达：{n:,.0f} 名{who}在 {d:g} m 内没有避难场所或合格候选点；{placed:.1f} % 获得位置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="623"/>
        <source>Capacity: the shelters and eligible candidates within {d:g} m hold too few; {pct:.1f} % have a place.</source>
        <translation>容量不足：{d:g} m 内的避难场所和合格候选点容量太小；{pct:.1f} % 获得位置。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/site_facilities.py" line="629"/>
        <source>Not reached: the assignment of Emergency shelter coverage gives this unit&apos;s places to residents of other units.</source>
        <translation>未达到：应急避难场所覆盖的分配把本单元的位置给了其他单元的居民。</translation>
    </message>
</context>
<context>
    <name>SizeLid</name>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="47"/>
        <source>Size LID measures per parcel</source>
        <translation>地块 LID 设施规模</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="50"/>
        <source>The low-impact-development storage each parcel must add to hold the design rainfall of a sponge-city target, and where the parcel has no room for it.

Storage needed: V = 10·H·ψ·F as in Sponge-city rainfall capture (ψ from the green ratio and the surface of the rest of the parcel; H given, or found from the target annual runoff control rate and a daily rainfall CSV), less the storage of the LID measures already there.

Room per parcel: bioretention, permeable paving and tanks take a share of the open area (parcel area less roofs), green roofs a share of the roof area (from a roof field, or the footprints of the buildings whose inner point lies in the parcel); a tank holds its footprint × depth. Tanks are off by default (share 0).

Sizing: least area of new measures (m², tanks by footprint) or least cost (needs a cost_per_unit column in the LID table): the measures are filled in order of area (cost) per m³ held, which is the exact optimum of this linear programme. Parcels whose room cannot hold the need are flagged (on_site 0) with the shortfall short_m3.

Output fields: need_m3, prov_m3 (already there), add_m3, add_bio_m2, add_pave_m2, add_groof_m2, add_tank_m3 (to add), lid_bio_m2, lid_pave_m2, lid_groof_m2, lid_tank_m3 (totals after), add_area_m2, add_cost, short_m3, on_site, add_mm (storage added as a depth over the parcel, mm = 1000 · add_m3 / parcel area in m², the area measured in metres whatever the layer's CRS). Run Sponge-city rainfall capture on the output with the lid_* fields as LID fields to check.</source>
        <translation>每个地块为容纳海绵城市目标的设计降雨量还须增加的低影响开发调蓄容积，以及哪些地块没有足够空间。

所需调蓄容积：V = 10·H·ψ·F，与海绵城市雨水控制相同（ψ 由绿地率和地块其余部分的下垫面求得；H 直接给出，或由目标年径流总量控制率和日降雨 CSV 求得），扣除已有 LID 设施的调蓄量。

地块内空间：生物滞留、透水铺装和调蓄池占开敞面积（地块面积减屋面）的一定比例，绿色屋顶占屋面面积的一定比例（屋面面积取屋面字段，或内点位于地块内的建筑占地面积）；调蓄池容积为占地面积 × 深度。调蓄池默认不用（比例 0）。

规模确定：新增设施面积最小（m²，调蓄池按占地计）或造价最低（LID 表须有 cost_per_unit 列）：按每 m³ 调蓄量的面积（造价）由小到大依次填充，即为该线性规划的精确最优解。空间容纳不下所需容积的地块会被标记（on_site 0），并给出缺口 short_m3。

输出字段：need_m3、prov_m3（已有）、add_m3、add_bio_m2、add_pave_m2、add_groof_m2、add_tank_m3（须增加）、lid_bio_m2、lid_pave_m2、lid_groof_m2、lid_tank_m3（增加后的合计）、add_area_m2、add_cost、short_m3、on_site、add_mm（新增调蓄容积折合为地块上的水深，mm = 1000 · add_m3 / 以 m² 计的地块面积，无论图层坐标系为何，面积都按米量算）。以输出中的 lid_* 字段作为 LID 字段运行海绵城市雨水控制即可核验。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="73"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="73"/>
        <source>Parcel polygons (plots) to size LID measures for.</source>
        <translation>需确定 LID 设施规模的地块多边形。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="76"/>
        <source>Surface type of the parcel area outside the green ratio. Default: concrete or asphalt paving (ψ 0.85), the safe side.</source>
        <translation>绿地以外地块面积的下垫面类型。默认：混凝土或沥青铺装（ψ 0.85），偏于安全。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="79"/>
        <source>CSV with columns date, rain_mm, one row a day, 30 years or more recommended.</source>
        <translation>含 date、rain_mm 两列的 CSV，每天一行，建议 30 年以上。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="81"/>
        <source>LID measures already in the parcel; missing values count as 0. They count as storage provided and take their room.</source>
        <translation>地块内已有的 LID 设施；缺失值按 0 计。计入已有调蓄量，并占用相应空间。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="84"/>
        <source>Roof area field (m²)</source>
        <translation>屋面面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="84"/>
        <source>Roof area of the parcel&apos;s buildings. Without it the footprints of the buildings layer are used; without either, the parcel has no roof.</source>
        <translation>地块内建筑的屋面面积。不给出时使用建筑图层的占地面积；两者都没有时地块视为无屋面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="89"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="89"/>
        <source>Building footprints; each counts in the parcel holding its inner point.</source>
        <translation>建筑占地轮廓；每栋建筑计入其内点所在的地块。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="92"/>
        <source>Share of open area for bioretention</source>
        <translation>生物滞留占开敞面积比例</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="93"/>
        <source>Share of open area for permeable paving</source>
        <translation>透水铺装占开敞面积比例</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="94"/>
        <source>Share of roof area for green roofs</source>
        <translation>绿色屋顶占屋面面积比例</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="95"/>
        <source>Share of open area over tanks</source>
        <translation>调蓄池占开敞面积比例</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="97"/>
        <source>The most of the open area (roof area for green roofs) this measure may take, 0–1. Open area = parcel area − roof area.</source>
        <translation>该设施最多可占开敞面积（绿色屋顶为屋面面积）的比例，0–1。开敞面积 = 地块面积 − 屋面面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="101"/>
        <source>Tank depth (m)</source>
        <translation>调蓄池深度（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="101"/>
        <source>Depth of storage tanks or modules: a tank holds its footprint × depth.</source>
        <translation>调蓄池或调蓄模块的深度：调蓄池容积 = 占地面积 × 深度。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="104"/>
        <source>Size for</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="104"/>
        <source>Least area of new measures</source>
        <translation>新增设施面积最小</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="104"/>
        <source>Least cost</source>
        <translation>造价最低</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="104"/>
        <source>Least area counts m² of measure (tanks by footprint); least cost needs a cost_per_unit column (per m², per m³ for tanks) in the LID table.</source>
        <translation>面积最小按设施的 m² 计（调蓄池按占地计）；造价最低需要 LID 表中有 cost_per_unit 列（每 m²，调蓄池每 m³）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="109"/>
        <source>CSV with columns surface, psi (0–1). Replaces the shipped table.</source>
        <translation>含 surface、psi（0–1）两列的 CSV，替换随插件提供的表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="109"/>
        <source>CSV with columns measure, storage_m3_per_unit and optionally cost_per_unit. Replaces the shipped table.</source>
        <translation>含 measure、storage_m3_per_unit 两列及可选 cost_per_unit 列的 CSV，替换随插件提供的表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="113"/>
        <source>LID measures to add</source>
        <translation>须增加的 LID 设施</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="113"/>
        <source>The parcels with the storage needed, the measures to add and the totals after.</source>
        <translation>地块，含所需调蓄容积、须增加的设施及增加后的合计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="115"/>
        <source>Parcels that cannot reach the target on site</source>
        <translation>无法在地块内达标的地块数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="117"/>
        <source>Storage added (m³)</source>
        <translation>增加的调蓄容积（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="118"/>
        <source>Shortfall (m³)</source>
        <translation>缺口（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="119"/>
        <source>Design rainfall (mm)</source>
        <translation>设计降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="124"/>
        <source>Shares must lie between 0 and 1 (found {value}).</source>
        <translation>比例须在 0 到 1 之间（发现 {value}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="125"/>
        <source>Every LID measure must hold more than 0 m³ per unit and cost 0 or more (found {value}).</source>
        <translation>每项 LID 设施的单位调蓄量须大于 0 m³，造价须不小于 0（发现 {value}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="153"/>
        <source>Tank depth 0 m: tanks hold nothing and are left out.</source>
        <translation>调蓄池深度为 0 m：调蓄池不能蓄水，不予采用。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="168"/>
        <source>The green ratio field “{field}” of “{layer}” must hold shares 0–1; {count} parcels have values outside it, e.g. {value}. For percentages, divide by 100.</source>
        <translation>“{layer}”的绿地率字段“{field}”须为 0–1 的比例；{count} 个地块的值超出此范围，如 {value}。百分数请除以 100。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="203"/>
        <source>Least cost needs a cost_per_unit column in the LID table {path}: give your own table with the cost of each measure per m² (per m³ for tanks).</source>
        <translation>造价最低需要 LID 表 {path} 中有 cost_per_unit 列：请给出自己的表，列出各项设施每 m²（调蓄池每 m³）的造价。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="210"/>
        <source>The LID table {path}: cost_per_unit must be a number ≥ 0 for every measure.</source>
        <translation>LID 表 {path}：每项设施的 cost_per_unit 都须为 ≥ 0 的数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="222"/>
        <source>No roof field and no buildings: parcels have no roof for green roofs.</source>
        <translation>没有屋面字段也没有建筑图层：地块没有可做绿色屋顶的屋面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="235"/>
        <source>Roofs: {n} buildings of “{layer}” lie in a parcel.</source>
        <translation>屋面：“{layer}”中有 {n} 栋建筑位于地块内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="244"/>
        <source>{n} parcels have no area or no green ratio: their results are NULL.</source>
        <translation>{n} 个地块没有面积或绿地率：其结果为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="248"/>
        <source>{m} parcels need more storage; {added:,.0f} m³ of LID storage added ({area:,.0f} m² of measures{cost}). {f} parcels cannot hold the design rainfall of {h:.1f} mm on site: {short:,.0f} m³ short in all.</source>
        <translation>{m} 个地块须增加调蓄容积；共增加 LID 调蓄容积 {added:,.0f} m³（设施 {area:,.0f} m²{cost}）。{f} 个地块无法在地块内容纳 {h:.1f} mm 的设计降雨量：共缺 {short:,.0f} m³。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="248"/>
        <source>, cost {c:,.0f}</source>
        <translation>，造价 {c:,.0f}</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="256"/>
        <source>{f} parcels cannot reach the target on site (on_site = 0): allow more room for the measures, or manage their runoff off site.</source>
        <translation>{f} 个地块无法在地块内达标（on_site = 0）：请为设施留出更多空间，或在地块外消纳其径流。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="258"/>
        <source>LID storage to add per parcel for a design rainfall of {h:.1f} mm ({objective}), and the shortfall where the parcel has no room. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>各地块为容纳 {h:.1f} mm 设计降雨量须增加的 LID 调蓄容积（{objective}），以及空间不足地块的缺口。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="258"/>
        <source>least cost</source>
        <translation>造价最低</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/size_lid.py" line="258"/>
        <source>least area</source>
        <translation>面积最小</translation>
    </message>
</context>
<context>
    <name>SpongeAlgorithm</name>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="39"/>
        <source>Green ratio field (0–1)</source>
        <translation>绿地率字段（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="39"/>
        <source>Share of the parcel that is green space (绿地率), 0–1; a value above 1 and at most 100 is read as per cent (35 as 0.35). Parcels without a value get no result.</source>
        <translation>地块中绿地所占比例（绿地率），0–1；大于 1 且不超过 100 的值按百分数读取（35 即 0.35）。无值的地块不出结果。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="54"/>
        <source>“{layer}”: {n} values of the green ratio “{field}” are above 1, which no share can be: they are read as per cent (35 as 0.35).</source>
        <translation>“{layer}”：绿地率字段“{field}”有 {n} 个值大于 1，而比例不可能大于 1：这些值按百分数读取（35 即 0.35）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Surface of the rest of the parcel</source>
        <translation>地块其余部分的下垫面</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Concrete or asphalt paving</source>
        <translation>混凝土或沥青铺装</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Hard roof</source>
        <translation>硬屋面</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Green space</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Permeable paving</source>
        <translation>透水铺装</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Block-stone paving</source>
        <translation>块石铺装</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="60"/>
        <source>Water surface</source>
        <translation>水面</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="69"/>
        <source>Design rainfall (mm)</source>
        <translation>设计降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="69"/>
        <source>Design rainfall H of the target. When set it wins over the target control rate.</source>
        <translation>目标对应的设计降雨量 H。设定后优先于目标控制率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="72"/>
        <source>Target annual runoff control rate (%)</source>
        <translation>目标年径流总量控制率（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="72"/>
        <source>Annual total runoff-volume control rate to reach (年径流总量控制率), e.g. 75. Needs the daily rainfall CSV to find the design rainfall.</source>
        <translation>需达到的年径流总量控制率，如 75。需要日降雨量 CSV 以求得设计降雨量。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="77"/>
        <source>Daily rainfall (CSV)</source>
        <translation>逐日降雨量（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="79"/>
        <source>Days ignored up to (mm)</source>
        <translation>剔除降雨日阈值（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="79"/>
        <source>Days with this much rain or less are dropped from the series (guide: 2 mm).</source>
        <translation>降雨量不超过此值的日子从序列中剔除（指南：2 mm）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="86"/>
        <source>Bioretention area field (m²)</source>
        <translation>生物滞留设施面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="87"/>
        <source>Permeable paving area field (m²)</source>
        <translation>透水铺装面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="88"/>
        <source>Green roof area field (m²)</source>
        <translation>绿色屋顶面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="89"/>
        <source>Storage tank volume field (m³)</source>
        <translation>蓄水池容积字段（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="96"/>
        <source>Runoff coefficient table (CSV)</source>
        <translation>雨量径流系数表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="99"/>
        <source>LID storage table (CSV)</source>
        <translation>LID 调蓄量表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="105"/>
        <source>LID areas and volumes cannot be negative (found {value}).</source>
        <translation>LID 设施面积和容积不能为负（发现 {value}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="106"/>
        <source>The table lacks the row(s) {keys}.</source>
        <translation>表中缺少以下行：{keys}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="107"/>
        <source>The daily rainfall has no day with more than {min_mm} mm.</source>
        <translation>日降雨量中没有超过 {min_mm} mm 的日子。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="108"/>
        <source>The target control rate must be above 0 % and at most 100 % (got {value} %).</source>
        <translation>目标控制率须大于 0 % 且不超过 100 %（当前为 {value} %）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="121"/>
        <source>The daily rainfall covers {n} years; 30 years or more are recommended.</source>
        <translation>日降雨量覆盖 {n} 年；建议 30 年以上。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="123"/>
        <source>{n} rain days from {path}.</source>
        <translation>从 {path} 读取了 {n} 个降雨日。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="126"/>
        <source>Design rainfall {h} mm, as given.</source>
        <translation>设计降雨量 {h} mm（直接给定）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="130"/>
        <source>Give a design rainfall (mm), or a daily rainfall CSV to find the design rainfall of the target control rate.</source>
        <translation>请提供设计降雨量（mm），或提供日降雨量 CSV 以求得目标控制率对应的设计降雨量。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="134"/>
        <source>Design rainfall {h:.2f} mm for a {t} % annual runoff control rate.</source>
        <translation>年径流总量控制率 {t} % 对应的设计降雨量为 {h:.2f} mm。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_glue.py" line="140"/>
        <source>The table {path} holds values marked unverified.</source>
        <translation>表格 {path} 中含有标注为未核实的值。</translation>
    </message>
</context>
<context>
    <name>SpongeCapture</name>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="37"/>
        <source>Sponge-city rainfall capture</source>
        <translation>海绵城市雨水滞蓄</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="40"/>
        <source>Checks whether each parcel stores the design rainfall of a sponge-city runoff control target.

Runoff coefficient: ψ = Σ ψi·Ai / Σ Ai over the parcel's surfaces, with the rainfall coefficients ψc of resources/factors/runoff_coefficients.csv (mid-points of the published ranges; Appendix E Table E.0.1 as in the 2014 Sponge City Technical Guide; marked unverified). Surfaces come from the surface fields (areas in m², or shares 0–1) and/or the green ratio field (a share 0–1, 绿地率); the rest of the parcel is the remainder surface. With only a green ratio g: ψ = g·ψgreen + (1 − g)·ψremainder.

Storage needed (volume method, 2014 Sponge City Technical Guide, formula recalled, not checked against the text): V = 10·H·ψ·F, V in m³, H the design rainfall in mm, F the parcel area in ha. H is given, or found from a target annual runoff-volume control rate α and a daily rainfall CSV (columns date, rain_mm; 30 years or more recommended; days ≤ 2 mm dropped): α(H) = [Σ(Pi ≤ H) Pi + H·N(Pi &gt; H)] / Σ Pi, solved for H.

Storage provided: LID areas (m²) and tank volumes (m³) times the storage per unit of resources/factors/lid_measures.csv (team estimates, unverified). The achieved control rate is α at H = provided / (10·ψ·F) and needs the rainfall CSV.

Output fields: psi (0–1), design_mm (mm), need_m3 (m³), provided_m3 (m³), ctrl_rate (%, NULL without rainfall series), meets (1 where provided ≥ need). Targets: 70–85 % by climate zone (2014 guide), e.g. ≥ 80 % for new building plots in local manuals.</source>
        <translation>检验每个地块能否滞蓄海绵城市径流控制目标对应的设计降雨量。

雨量径流系数：ψ = Σ ψi·Ai / Σ Ai，对地块内各类下垫面求和，雨量径流系数 ψc 取自 resources/factors/runoff_coefficients.csv（取公开取值范围的中值；附录 E 表 E.0.1，依 2014 年《海绵城市建设技术指南》；标注为未核实）。下垫面来自各下垫面字段（面积单位 m²，或 0–1 的比例）和/或绿地率字段（0–1 的比例）；地块其余部分为剩余下垫面。仅有绿地率 g 时：ψ = g·ψgreen + (1 − g)·ψremainder。

所需调蓄容积（容积法，2014 年《海绵城市建设技术指南》，公式凭记忆，未对照原文核实）：V = 10·H·ψ·F，V 单位 m³，H 为设计降雨量（mm），F 为地块面积（ha）。H 可直接给定，或由年径流总量控制率目标 α 和日降雨量 CSV（列 date、rain_mm；建议 30 年以上；剔除 ≤ 2 mm 的降雨日）求得：α(H) = [Σ(Pi ≤ H) Pi + H·N(Pi &gt; H)] / Σ Pi，反求 H。

已提供的调蓄容积：LID 设施面积（m²）和蓄水池容积（m³）乘以 resources/factors/lid_measures.csv 中的单位调蓄量（团队估算值，未核实）。实际达到的控制率为 H = 已提供容积 / (10·ψ·F) 时的 α，需要日降雨量 CSV。

输出字段：psi（0–1）、design_mm（mm）、need_m3（m³）、provided_m3（m³）、ctrl_rate（%，无降雨序列时为 NULL）、meets（已提供 ≥ 所需时为 1）。目标：按气候分区为 70–85 %（2014 年指南），如地方导则中新建建筑地块 ≥ 80 %。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="60"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="60"/>
        <source>Parcel polygons (plots) to check.</source>
        <translation>需检验的地块面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="65"/>
        <source>Hard roof field</source>
        <translation>硬屋面字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="65"/>
        <source>Green roof field</source>
        <translation>绿色屋顶字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="66"/>
        <source>Concrete or asphalt paving field</source>
        <translation>混凝土或沥青铺装字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="67"/>
        <source>Permeable paving field</source>
        <translation>透水铺装字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="67"/>
        <source>Green space field</source>
        <translation>绿地字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="68"/>
        <source>Water surface field</source>
        <translation>水面字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="70"/>
        <source>Area of this surface in the parcel (m²), or its share 0–1 when “Surface fields hold shares” is set. Missing values count as 0.</source>
        <translation>该类下垫面在地块中的面积（m²），勾选“下垫面字段为比例”时为 0–1 的比例。缺失值按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="75"/>
        <source>Surface fields hold shares (0–1)</source>
        <translation>下垫面字段为比例（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="75"/>
        <source>Set when the surface fields give shares of the parcel area instead of m².</source>
        <translation>下垫面字段给出的是占地块面积的比例而非 m² 时勾选。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="78"/>
        <source>Surface type of the parcel area not covered by the green ratio or the surface fields. Default: concrete or asphalt paving (ψ 0.85), the safe side.</source>
        <translation>地块中未被绿地率或下垫面字段覆盖部分的下垫面类型。默认：混凝土或沥青铺装（ψ 0.85），偏于安全。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="81"/>
        <source>CSV with columns date, rain_mm, one row a day, 30 years or more recommended. Needed for the target control rate and the achieved control rate.</source>
        <translation>包含 date、rain_mm 列的 CSV，每日一行，建议 30 年以上。求目标控制率对应的设计降雨量及实际控制率时需要。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="84"/>
        <source>Size of this LID measure in the parcel; missing values count as 0. Its storage per unit comes from the LID table.</source>
        <translation>地块中该 LID 设施的规模；缺失值按 0 计。其单位调蓄量取自 LID 表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="87"/>
        <source>CSV with columns surface, psi (0–1). Replaces the shipped table; it must keep the surface keys the parameters use.</source>
        <translation>包含 surface、psi（0–1）列的 CSV。用于替换插件自带的表，须保留参数所用的下垫面键值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="87"/>
        <source>CSV with columns measure, storage_m3_per_unit. Replaces the shipped table.</source>
        <translation>包含 measure、storage_m3_per_unit 列的 CSV。用于替换插件自带的表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="91"/>
        <source>Sponge capture</source>
        <translation>海绵城市雨水滞蓄</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="91"/>
        <source>The parcels with psi, design_mm, need_m3, provided_m3, ctrl_rate and meets.</source>
        <translation>添加了 psi、design_mm、need_m3、provided_m3、ctrl_rate 和 meets 字段的地块图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="93"/>
        <source>Parcels meeting the target</source>
        <translation>达标地块数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="94"/>
        <source>Total storage needed (m³)</source>
        <translation>所需调蓄容积合计（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="95"/>
        <source>Total storage provided (m³)</source>
        <translation>已提供调蓄容积合计（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="96"/>
        <source>Design rainfall (mm)</source>
        <translation>设计降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="101"/>
        <source>Shares must lie between 0 and 1; {count} parcels have values outside it, e.g. {value}. For percentages, divide by 100.</source>
        <translation>比例须介于 0 和 1 之间；{count} 个地块的值超出此范围，如 {value}。如为百分数，请除以 100。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="104"/>
        <source>The surface shares of {count} parcels add up to more than 1, e.g. {value}.</source>
        <translation>{count} 个地块的下垫面比例之和大于 1，如 {value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="106"/>
        <source>Surface areas cannot be negative (found {value}).</source>
        <translation>下垫面面积不能为负（发现 {value}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="122"/>
        <source>Give a green ratio field or at least one surface field: without them the runoff coefficient is unknown.</source>
        <translation>请提供绿地率字段或至少一个下垫面字段：否则无法确定雨量径流系数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="128"/>
        <source>No green ratio field and no surface field: the runoff coefficient is unknown, so psi, need_m3, ctrl_rate and meets are NULL; provided_m3 is the storage of the LID fields.</source>
        <translation>没有绿地率字段，也没有下垫面字段：径流系数未知，因此 psi、need_m3、ctrl_rate 和 meets 为 NULL；provided_m3 为 LID 字段的调蓄容积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="147"/>
        <source>No LID field given: every parcel provides 0 m³ of storage.</source>
        <translation>未指定 LID 字段：所有地块提供的调蓄容积均为 0 m³。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="150"/>
        <source>The volume method V = 10·H·ψ·F and the control-rate formula are recalled from the 2014 Sponge City Technical Guide and not checked against its text.</source>
        <translation>容积法 V = 10·H·ψ·F 及控制率公式凭记忆取自 2014 年《海绵城市建设技术指南》，未对照原文核实。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="210"/>
        <source>{n} parcels have no area or no green ratio: their results are NULL.</source>
        <translation>{n} 个地块没有面积或绿地率：其结果为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="213"/>
        <source>{n} parcels have surface areas adding up to more than the parcel; they were scaled to fit.</source>
        <translation>{n} 个地块的下垫面面积之和大于地块面积；已按比例缩放。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="216"/>
        <source>{m} parcels meet the design rainfall of {h:.1f} mm; storage needed {need:,.0f} m³, provided {provided:,.0f} m³.</source>
        <translation>{m} 个地块满足 {h:.1f} mm 的设计降雨量；所需调蓄容积 {need:,.0f} m³，已提供 {provided:,.0f} m³。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="219"/>
        <source>Sponge-city capture per parcel: runoff coefficient ψ, storage needed V = 10·H·ψ·F for a design rainfall of {h:.1f} mm, LID storage provided, achieved control rate. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>海绵城市地块雨水滞蓄：雨量径流系数 ψ、设计降雨量 {h:.1f} mm 对应的所需调蓄容积 V = 10·H·ψ·F、LID 设施提供的调蓄容积及实际控制率。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/sponge_capture.py" line="233"/>
        <source>“{field}” of “{layer}” holds shares, which must lie between 0 and 1; {count} parcels have values outside it, e.g. {value:g}. For percentages, divide by 100.</source>
        <translation>“{layer}”的“{field}”为比例，须介于 0 和 1 之间；{count} 个地块的值超出此范围，如 {value:g}。如为百分数，请除以 100。</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="56"/>
        <source>Start from …</source>
        <translation>从何处开始 …</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="57"/>
        <source>Where do the layers come from, and where should the results be saved?</source>
        <translation>图层从何而来，结果保存到哪里？</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="59"/>
        <source>The demo district shipped with the toolkit</source>
        <translation>工具箱自带的示例片区</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="59"/>
        <source>My own layers, already in the project</source>
        <translation>项目中已有的自有图层</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="59"/>
        <source>An OpenStreetMap extract (.osm.pbf or .osm)</source>
        <translation>OpenStreetMap 数据摘录（.osm.pbf 或 .osm）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="59"/>
        <source>Chinese POI and land-use data (Amap or Baidu POIs, parcels with land-use codes)</source>
        <translation>国内 POI 与用地数据（高德或百度 POI、带用地代码的地块）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="69"/>
        <source>A made-up district of 6 planning units and 459 parcels with every layer the checks read, flood zones included: to see what the wizard does before using your own data.</source>
        <translation>一个虚构的片区，含 6 个规划单元和 459 个地块，核查所需图层齐全（含洪涝淹没区）：可在使用自有数据前先了解向导的作用。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="72"/>
        <source>Load your layers into the project first; the next pages guess which is which from their names.</source>
        <translation>请先将图层加入项目；后续页面会根据名称推测各图层的用途。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="77"/>
        <source>Prepare the layers</source>
        <translation>准备图层</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="78"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="96"/>
        <source>Folder for the results</source>
        <translation>结果文件夹</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="99"/>
        <source>Save the results in:</source>
        <translation>结果保存到：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="101"/>
        <source>Each run gets a folder of its own in it: the result layers in one GeoPackage, the report as HTML and PDF, added to the project, so nothing is lost when QGIS closes. Prepared layers are saved there too. Offered first: a folder “{beside}” beside the saved project, or “{documents}” in your Documents folder while the project is not saved; your choice is remembered.</source>
        <translation>每次运行在其中新建一个文件夹：结果图层存入一个 GeoPackage，报告为 HTML 和 PDF，并加入项目，关闭 QGIS 也不会丢失。准备好的图层也保存在这里。默认：已保存项目旁的“{beside}”文件夹；项目尚未保存时为“文档”文件夹中的“{documents}”；您的选择会被记住。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="136"/>
        <source>OpenStreetMap files (*.osm.pbf *.pbf *.osm)</source>
        <translation>OpenStreetMap 文件 (*.osm.pbf *.pbf *.osm)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="138"/>
        <source>Extract:</source>
        <translation>数据摘录：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="140"/>
        <source>a grid of 500 m cells holding buildings</source>
        <translation>含建筑的 500 米网格</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="140"/>
        <source>the administrative areas in the extract, of admin level:</source>
        <translation>数据中的行政区，行政级别（admin_level）：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="145"/>
        <source>8 is often a municipality, 9–10 a district or neighbourhood; it varies by country.</source>
        <translation>8 通常为市镇，9–10 为区或街区；各国不同。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="151"/>
        <source>Planning units:</source>
        <translation>规划单元：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="154"/>
        <source>Prepared by “Prepare OpenStreetMap data” (lcr:prepare_osm): buildings with floors, use and residents estimated where OpenStreetMap has none, roads, stops, facilities, parks, candidate shelters and land cover. OpenStreetMap has no flood zones: add your own on the next pages, or the flood rules are not assessed. Data © OpenStreetMap contributors, ODbL.</source>
        <translation>由“准备 OpenStreetMap 数据”（lcr:prepare_osm）生成：建筑（OpenStreetMap 缺少的层数、用途和居民数为估算）、道路、站点、设施、公园、候选避难场所和土地覆盖。OpenStreetMap 没有洪涝淹没区：可在后续页面加入自有数据，否则不评估洪涝规则。数据 © OpenStreetMap 贡献者，ODbL。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="170"/>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="173"/>
        <source>GCJ-02 (Amap 高德, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="173"/>
        <source>BD-09 (Baidu 百度)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="173"/>
        <source>WGS 84 / CGCS2000 (no conversion)</source>
        <translation>WGS 84 / CGCS2000（不转换）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="190"/>
        <source>POI layer:</source>
        <translation>POI 图层：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="190"/>
        <source>… or load a POI CSV:</source>
        <translation>… 或加载 POI CSV：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="191"/>
        <source>POI coordinates:</source>
        <translation>POI 坐标系：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="191"/>
        <source>Category field:</source>
        <translation>类别字段：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="191"/>
        <source>Name field:</source>
        <translation>名称字段：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="193"/>
        <source>Parcel layer:</source>
        <translation>地块图层：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="193"/>
        <source>Land-use code field:</source>
        <translation>用地代码字段：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="195"/>
        <source>Classification:</source>
        <translation>分类标准：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="196"/>
        <source>POIs: categories to facility and stop types (lcr:poi_categories), coordinates to WGS 84 / CGCS2000 (lcr:china_coordinates: nothing in the data tells GCJ-02 from BD-09, so say which). Parcels: land-use codes to the toolkit&apos;s classes (lcr:landuse_codes), also used as land cover. Either may be left empty; choose the other layers on the next pages.</source>
        <translation>POI：类别转换为设施和站点类型（lcr:poi_categories），坐标转换为 WGS 84 / CGCS2000（lcr:china_coordinates：数据本身无法区分 GCJ-02 与 BD-09，请注明）。地块：用地代码转换为工具箱的类别（lcr:landuse_codes），同时用作土地覆盖。两者可只提供其一；其他图层在后续页面选择。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="234"/>
        <source>Press “Prepare the layers”.</source>
        <translation>请点击“准备图层”。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="244"/>
        <source>“{path}” has no longitude and latitude columns (lon/lng and lat, or 经度 and 纬度).</source>
        <translation>“{path}”没有经纬度列（lon/lng 和 lat，或 经度 和 纬度）。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="265"/>
        <source>Choose a folder for the results.</source>
        <translation>请选择结果文件夹。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="269"/>
        <source>Choose the OpenStreetMap extract.</source>
        <translation>请选择 OpenStreetMap 数据摘录。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="271"/>
        <source>The file “{path}” does not exist.</source>
        <translation>文件“{path}”不存在。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="274"/>
        <source>Choose a POI layer, a parcel layer or both.</source>
        <translation>请选择 POI 图层、地块图层或两者。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="276"/>
        <source>Choose the POIs&apos; category field.</source>
        <translation>请选择 POI 的类别字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="278"/>
        <source>Choose the parcels&apos; land-use code field.</source>
        <translation>请选择地块的用地代码字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="287"/>
        <source>Cannot make a folder in {folder}: {reason}.</source>
        <translation>无法在 {folder} 中新建文件夹：{reason}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="294"/>
        <source>OpenStreetMap: {file}</source>
        <translation>OpenStreetMap 数据：{file}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="302"/>
        <source>Chinese data: {layers}</source>
        <translation>国内数据：{layers}</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="311"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="337"/>
        <source>Prepared and saved in {folder}, added to the project in the group “{group}”. Estimated:</source>
        <translation>已准备并保存在 {folder}，已加入项目的“{group}”组。估算内容：</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="343"/>
        <source>Cancelled: nothing was added to the project.</source>
        <translation>已取消：未向项目添加任何内容。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_start.py" line="346"/>
        <source>The preparation failed:</source>
        <translation>准备失败：</translation>
    </message>
</context>
<context>
    <name>StormwaterRunoff</name>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="42"/>
        <source>Stormwater runoff (SCS curve number)</source>
        <translation>暴雨径流（SCS 径流曲线数法）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="45"/>
        <source>Estimates how much of a design storm runs off each polygon and how much the ground retains, with the SCS Curve Number method (USDA NRCS TR-55, 1986), as InVEST Urban Flood Risk Mitigation does on rasters.

Each polygon takes a curve number CN from its land-cover class and hydrologic soil group (A–D). S = 25400/CN − 254 (mm; CN 0 gives S = 100000 mm as in InVEST). Runoff Q = (P − λS)² / (P + (1 − λ)S) where P &gt; λS, else 0 (mm), with P the storm depth and λ the initial abstraction ratio (0.2 in TR-55; the tabulated CNs assume 0.2). Runoff volume = Q × area × 0.001 (m³); retained volume = (P − Q) × area × 0.001 (m³); retention index = 1 − Q/P. Areas are true areas. Event runoff only: no routing, no flood depth.

The shipped table (resources/factors/curve_numbers.csv) holds TR-55 curve numbers keyed to the demo district's codes (1 built_up … 7 bare); mapping local classes to TR-55 covers is a planning assumption to calibrate locally. An InVEST table (lucode, cn_a, cn_b, cn_c, cn_d) works unchanged. Polygons with an unknown class or soil group are counted in the log and their results stay empty (NULL).

Output fields: cn, runoff_mm (mm), runoff_m3 (m³), retained_m3 (m³), retention (0–1).</source>
        <translation>采用 SCS 径流曲线数法（USDA NRCS TR-55，1986）估算设计暴雨在每个面上产生的径流量及地表滞留量，与 InVEST 城市洪涝风险缓解模型在栅格上的做法相同。

每个面按其土地覆被类型和水文土壤组（A–D）取径流曲线数 CN。S = 25400/CN − 254（mm；CN 为 0 时 S = 100000 mm，与 InVEST 一致）。径流深 Q = (P − λS)² / (P + (1 − λ)S)（P &gt; λS 时），否则为 0（mm），P 为暴雨降雨深度，λ 为初损率（TR-55 取 0.2；表列 CN 值均假定为 0.2）。径流量 = Q × 面积 × 0.001（m³）；滞留量 = (P − Q) × 面积 × 0.001（m³）；滞留指数 = 1 − Q/P。面积为真实面积。仅计算场次径流：不做汇流演算，不计算淹没深度。

插件自带的表（resources/factors/curve_numbers.csv）为按示范区代码（1 built_up … 7 bare）编排的 TR-55 径流曲线数；将本地类型对应到 TR-55 覆被类型属于规划假设，须在本地率定。InVEST 表（lucode、cn_a、cn_b、cn_c、cn_d）可直接使用。类型或水文土壤组未知的面会在日志中计数，其结果为空（NULL）。

输出字段：cn、runoff_mm（mm）、runoff_m3（m³）、retained_m3（m³）、retention（0–1）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="61"/>
        <source>Rasters: instead of polygons, give a land-cover raster of integer codes in a projected CRS and, optionally, a hydrologic soil group raster (1–4 = A–D) on the same grid (same CRS, size and pixels); without it the default soil group applies. Each pixel gets its CN, Q (mm), runoff Q × pixel area × 0.001 (m³) and retained (P − Q) × pixel area × 0.001 (m³, InVEST's R_m3). They are summed per zone polygon (watersheds, planning units; a pixel belongs to the zone containing its centre, the first zone where zones overlap), or over the whole raster without zones. Nodata pixels are left out; codes the table lacks, soil values outside 1–4 and soil nodata are counted in the log and left out.
Zone fields: area_ha (ha of counted pixels), cn (area-weighted mean), runoff_mm (runoff_m3 / area × 1000), runoff_m3, retained_m3 (m³), retention (retained / (P × area), 0–1).</source>
        <translation>栅格：也可不用面图层，改为提供投影坐标参考系下以整数代码表示的土地覆被栅格，以及可选的、位于同一网格（坐标参考系、大小和像元均相同）的水文土壤组栅格（1–4 = A–D）；没有该栅格时采用默认土壤组。每个像元计算其 CN、Q（mm）、径流量 Q × 像元面积 × 0.001（m³）以及滞留量 (P − Q) × 像元面积 × 0.001（m³，即 InVEST 的 R_m3）。结果按分区面（流域、规划单元；像元归属于其中心所在的分区，分区重叠时归属于第一个分区）汇总，无分区时对整个栅格汇总。nodata 像元不计入；表中没有的代码、1–4 以外的土壤值以及土壤 nodata 在日志中计数并不计入。
分区字段：area_ha（计入像元的面积，ha）、cn（面积加权平均）、runoff_mm（runoff_m3 / 面积 × 1000）、runoff_m3、retained_m3（m³）、retention（滞留量 / (P × 面积)，0–1）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="75"/>
        <source>Parcels or land-cover polygons</source>
        <translation>地块或土地覆被面</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="75"/>
        <source>Polygons (parcels or land cover) with a land-cover class.</source>
        <translation>带有土地覆被类型的面（地块或土地覆被）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="79"/>
        <source>Class field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="79"/>
        <source>Land-cover class of each polygon: an integer code (matched to the table&apos;s lucode) or a name (matched to class, ignoring case).</source>
        <translation>每个面的土地覆被类型：整数代码（与表中的 lucode 匹配）或名称（与 class 匹配，不区分大小写）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="84"/>
        <source>Hydrologic soil group of each polygon: A, B, C, D or 1–4. Other values are counted in the log and give empty results. Empty: the default soil group everywhere.</source>
        <translation>每个面的水文土壤组：A、B、C、D 或 1–4。其他值会在日志中计数，其结果为空。留空：所有面均采用默认水文土壤组。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="87"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="87"/>
        <source>Instead of polygons: a land-cover raster of integer codes (band 1) in a projected CRS in metres. Codes are matched to the table&apos;s lucode.</source>
        <translation>替代面图层：以整数代码表示的土地覆被栅格（波段 1），须为以米为单位的投影坐标参考系。代码与表中的 lucode 匹配。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="91"/>
        <source>Hydrologic soil group raster</source>
        <translation>水文土壤组栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="91"/>
        <source>With a land-cover raster: hydrologic soil group per pixel, 1–4 for A–D, on the same grid (CRS, size, pixels). Other values are counted in the log and left out. Empty: the default soil group everywhere.</source>
        <translation>与土地覆被栅格配合使用：每个像元的水文土壤组，1–4 对应 A–D，须位于同一网格（坐标参考系、大小、像元）。其他值在日志中计数并不计入。留空：所有位置采用默认土壤组。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="96"/>
        <source>Zones for raster totals</source>
        <translation>栅格汇总分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="96"/>
        <source>Polygons (watersheds, planning units) to sum the raster&apos;s runoff in. Reprojected to the raster&apos;s CRS if needed. Without zones the output is one polygon: the raster&apos;s extent.</source>
        <translation>用于汇总栅格径流的面图层（流域、规划单元）。必要时重投影至栅格的坐标参考系。无分区时输出为一个面：栅格的范围。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="101"/>
        <source>Design storm depth (mm)</source>
        <translation>设计暴雨降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="101"/>
        <source>Total rainfall depth of the design storm event, in millimetres.</source>
        <translation>设计暴雨事件的总降雨深度，单位为毫米。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="106"/>
        <source>Stormwater runoff</source>
        <translation>暴雨径流</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="106"/>
        <source>The polygons with cn, runoff_mm, runoff_m3, retained_m3 and retention added.</source>
        <translation>添加了 cn、runoff_mm、runoff_m3、retained_m3 和 retention 字段的面图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="106"/>
        <source>With a land-cover raster: the zones with area_ha, cn, runoff_mm, runoff_m3, retained_m3 and retention.</source>
        <translation>使用土地覆被栅格时：含 area_ha、cn、runoff_mm、runoff_m3、retained_m3 和 retention 字段的分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="111"/>
        <source>Total runoff (m³)</source>
        <translation>径流总量（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="112"/>
        <source>Total retained (m³)</source>
        <translation>滞留总量（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="113"/>
        <source>Area-weighted mean retention index (0–1)</source>
        <translation>面积加权平均滞留指数（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="120"/>
        <source>Give either polygons or a land-cover raster (exactly one of the two).</source>
        <translation>请提供面图层或土地覆被栅格（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="126"/>
        <source>{parameter} is used only with a land-cover raster; it is ignored.</source>
        <translation>{parameter} 仅在使用土地覆被栅格时有效，此处将被忽略。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="131"/>
        <source>Choose the class field of “{layer}”.</source>
        <translation>请选择“{layer}”的类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="258"/>
        <source>Design-storm runoff by the SCS curve number method (TR-55): storm {p} mm, λ = {lam}, curve numbers from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>SCS 径流曲线数法（TR-55）设计暴雨径流：暴雨 {p} mm，λ = {lam}，径流曲线数取自 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="174"/>
        <source>Runoff {q:,.1f} m³, retained {r:,.1f} m³, mean retention index {m:.3f}.</source>
        <translation>径流量 {q:,.1f} m³，滞留量 {r:,.1f} m³，平均滞留指数 {m:.3f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="177"/>
        <source>Runoff {q:,.1f} m³, retained {r:,.1f} m³; the mean retention index cannot be measured: no area with a known curve number was found.</source>
        <translation>径流量 {q:,.1f} m³，滞留量 {r:,.1f} m³；无法计算平均滞留指数：没有找到曲线数已知的面积。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="199"/>
        <source>{n} polygons have a class the curve number table does not list ({values}); their results stay empty (NULL). Add these classes to the table.</source>
        <translation>{n} 个面的类型未列在径流曲线数表中（{values}）；其结果为空（NULL）。请将这些类型添加到表中。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="204"/>
        <source>{n} polygons have no class value; their results stay empty (NULL).</source>
        <translation>{n} 个面没有类型值；其结果为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="207"/>
        <source>{n} polygons have a soil group outside A–D / 1–4 ({values}); their results stay empty (NULL).</source>
        <translation>{n} 个面的水文土壤组不在 A–D / 1–4 范围内（{values}）；其结果为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="211"/>
        <source>{n} polygons have no soil group; their results stay empty (NULL).</source>
        <translation>{n} 个面没有水文土壤组；其结果为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="214"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="216"/>
        <source>{n} polygons read.</source>
        <translation>已读取 {n} 个面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="224"/>
        <source>The curve number table {path} has no lucode column, so it cannot match the raster&apos;s codes. Add a lucode column.</source>
        <translation>径流曲线数表 {path} 没有 lucode 列，因此无法匹配栅格的代码。请添加 lucode 列。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="229"/>
        <source>{parameter} is used only with polygons; it is ignored.</source>
        <translation>{parameter} 仅在使用面图层时有效，此处将被忽略。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="238"/>
        <source>No soil group raster: soil group {g} everywhere.</source>
        <translation>无土壤组栅格：所有位置均采用土壤组 {g}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="243"/>
        <source>Pixel area {a:g} m² in {crs}.</source>
        <translation>像元面积 {a:g} m²（{crs}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="268"/>
        <source>The soil group raster ({b_crs}, {b_w} × {b_h} pixels of {b_px:g}) is not on the land-cover raster's grid ({a_crs}, {a_w} × {a_h} pixels of {a_px:g}): both need the same CRS, size and pixels. Warp the soil raster onto the land-cover raster (Raster ▸ Projections ▸ Warp, nearest neighbour, same extent and resolution) and run again.</source>
        <translation>土壤组栅格（{b_crs}，{b_w} × {b_h} 个像元，像元大小 {b_px:g}）与土地覆被栅格的网格（{a_crs}，{a_w} × {a_h} 个像元，像元大小 {a_px:g}）不一致：两者须具有相同的坐标参考系、大小和像元。请将土壤栅格变形到土地覆被栅格上（栅格 ▸ 投影 ▸ 变形，最邻近法，相同范围和分辨率）后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="299"/>
        <source>{n} pixels ({ha:,.2f} ha) have land-cover codes the curve number table does not list ({codes}); they are left out. Add these codes to the table.</source>
        <translation>{n} 个像元（{ha:,.2f} ha）的土地覆被代码未列于径流曲线数表中（{codes}）；这些像元不计入。请将这些代码添加到表中。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="305"/>
        <source>{n} pixels ({ha:,.2f} ha) have a soil group outside 1–4 ({values}); they are left out.</source>
        <translation>{n} 个像元（{ha:,.2f} ha）的土壤组超出 1–4 范围（{values}）；这些像元不计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="309"/>
        <source>{n} pixels ({ha:,.2f} ha) lie on soil group nodata; they are left out.</source>
        <translation>{n} 个像元（{ha:,.2f} ha）位于土壤组 nodata 处；这些像元不计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="313"/>
        <source>{ha:,.2f} ha of classified pixels lie outside every zone and are not counted.</source>
        <translation>{ha:,.2f} ha 的已分类像元位于所有分区之外，不计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="318"/>
        <source>{n} zones contain no counted pixel; their results stay empty (NULL).</source>
        <translation>{n} 个分区不含计入的像元；其结果为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/stormwater_runoff.py" line="320"/>
        <source>{n} pixels counted.</source>
        <translation>已计入 {n} 个像元。</translation>
    </message>
</context>
<context>
    <name>Synergy</name>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="48"/>
        <source>Low-carbon × resilience synergy</source>
        <translation>低碳 × 韧性协同</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="51"/>
        <source>The “integrate” step: puts each planning unit's low-carbon and resilience performance side by side.

1. Scores: the low-carbon score U1 and the resilience score U2 are each the mean (equal weights, or your weights “field=weight, …” divided by their sum) of min-max normalised indicators x' = (x − min)/(max − min); for a negative indicator (higher is worse, e.g. net_t_cap or t_air_mean) (max − x)/(max − min). 0–1, unitless; a constant indicator gives 1. A unit with a NULL indicator gets NULL scores.
2. Quadrant: high means score ≥ threshold; thresholds are the median of the units (default), 0.5 or the mean. quadrant = win_win, low_carbon_only, resilience_only or neither (quadrant_zh: 双赢, 仅低碳, 仅韧性, 均不足).
3. Coupling coordination degree (common in Chinese studies): C = 2√(U1·U2)/(U1 + U2), C = 0 when U1 + U2 = 0; T = α·U1 + β·U2 with β = 1 − α; D = √(C·T). coord_class: the conventional 10-level scale, 0–0.1 extreme_imbalance (极度失调), 0.1–0.2 serious_imbalance (严重失调), 0.2–0.3 moderate_imbalance (中度失调), 0.3–0.4 mild_imbalance (轻度失调), 0.4–0.5 near_imbalance (濒临失调), 0.5–0.6 barely_coordinated (勉强协调), 0.6–0.7 primary_coordination (初级协调), 0.7–0.8 intermediate_coordination (中级协调), 0.8–0.9 good_coordination (良好协调), 0.9–1 quality_coordination (优质协调). A convention of the literature, not a standard.
4. Baseline (optional): the same units before the plan, matched by the unit id field (compared as text; repeated ids in the baseline are refused) and carrying the same indicator fields. d_&lt;field&gt; = plan − baseline in the field's own unit (“d_” + field name cut to 20 characters, a clash ending in _2, _3 …). lc_delta and res_delta: change of the two scores, both recomputed with min and max taken over baseline and plan together so they share one scale. change: no_change (both |Δ| ≤ 1e-9), win_win (neither worsens, one improves), lose_lose (neither improves, one worsens), trade_off_lc (low-carbon improves, resilience worsens), trade_off_res (the reverse).

Output fields: lc_score, res_score, quadrant, quadrant_zh, coupling_c, coord_t, coord_d, coord_class, coord_class_zh; with a baseline also d_&lt;field&gt;, lc_delta, res_delta, change. Results: WIN_WIN_COUNT, MEAN_D, SPEARMAN_RHO (Spearman rank correlation of lc_score and res_score; NULL with fewer than 3 units). Every input field is kept. Sources: OECD/JRC Handbook on constructing composite indicators (2008) for the normalisation and the means; the coupling coordination degree as used in Chinese planning studies.</source>
        <translation>“整合”步骤：将每个规划单元的低碳表现与韧性表现并列比较。

1. 得分：低碳得分 U1 和韧性得分 U2 分别为经最小-最大归一化的指标 x&apos; = (x − min)/(max − min) 的平均值（等权重，或按您给定的权重“字段=权重, …”除以其总和）；负向指标（越高越差，如 net_t_cap 或 t_air_mean）为 (max − x)/(max − min)。取值 0–1，无量纲；常数指标得 1。指标为 NULL 的单元得分为 NULL。
2. 象限：得分 ≥ 阈值即为高；阈值为各单元的中位数（默认）、0.5 或平均值。quadrant = win_win、low_carbon_only、resilience_only 或 neither（quadrant_zh：双赢、仅低碳、仅韧性、均不足）。
3. 耦合协调度（国内研究常用）：C = 2√(U1·U2)/(U1 + U2)，U1 + U2 = 0 时 C = 0；T = α·U1 + β·U2，β = 1 − α；D = √(C·T)。coord_class：常用的 10 级划分，0–0.1 extreme_imbalance（极度失调），0.1–0.2 serious_imbalance（严重失调），0.2–0.3 moderate_imbalance（中度失调），0.3–0.4 mild_imbalance（轻度失调），0.4–0.5 near_imbalance（濒临失调），0.5–0.6 barely_coordinated（勉强协调），0.6–0.7 primary_coordination（初级协调），0.7–0.8 intermediate_coordination（中级协调），0.8–0.9 good_coordination（良好协调），0.9–1 quality_coordination（优质协调）。这是文献中的惯例，并非标准。
4. 基准（可选）：规划实施前的同一批单元，按单元编号字段匹配（以文本比较；基准中重复的编号会被拒绝），且具有相同的指标字段。d_&lt;field&gt; = 规划方案 − 基准，单位与该字段相同（“d_” + 字段名，截断为 20 个字符，冲突时以 _2、_3 … 结尾）。lc_delta 和 res_delta：两个得分的变化，二者均以基准和规划方案合并后的最小值和最大值重新计算，使其处于同一尺度。change：no_change（两者 |Δ| ≤ 1e-9）、win_win（均未变差，且有一项改善）、lose_lose（均未改善，且有一项变差）、trade_off_lc（低碳改善，韧性变差）、trade_off_res（相反）。

输出字段：lc_score、res_score、quadrant、quadrant_zh、coupling_c、coord_t、coord_d、coord_class、coord_class_zh；有基准时另有 d_&lt;field&gt;、lc_delta、res_delta、change。结果：WIN_WIN_COUNT、MEAN_D、SPEARMAN_RHO（lc_score 与 res_score 的 Spearman 秩相关系数；单元少于 3 个时为 NULL）。保留所有输入字段。来源：标准化与均值采用 OECD/JRC《综合指标构建手册》（2008）；耦合协调度采用国内规划研究中的常用做法。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="83"/>
        <source>median of units</source>
        <translation>各单元的中位数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="83"/>
        <source>0.5</source>
        <translation>0.5（固定值）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="83"/>
        <source>mean of units</source>
        <translation>各单元的平均值</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="91"/>
        <source>Planning units (plan)</source>
        <translation>规划单元（规划方案）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="91"/>
        <source>Planning units carrying the low-carbon and resilience indicator fields (e.g. the outputs of lcr:carbon_balance and lcr:urban_cooling joined by unit).</source>
        <translation>带有低碳和韧性指标字段的规划单元（如按单元连接的 lcr:carbon_balance 与 lcr:urban_cooling 输出）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="95"/>
        <source>Low-carbon indicator fields</source>
        <translation>低碳指标字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="95"/>
        <source>Numeric fields making up the low-carbon score.</source>
        <translation>构成低碳得分的数值字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="97"/>
        <source>Low-carbon indicators where higher is worse</source>
        <translation>越高越差的低碳指标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="97"/>
        <source>Subset of the low-carbon indicators whose direction is reversed, e.g. net_t_cap (tCO2 per resident).</source>
        <translation>方向相反的低碳指标子集，如 net_t_cap（人均 tCO2）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="100"/>
        <source>Low-carbon weights (field=weight, …)</source>
        <translation>低碳权重（字段=权重, …）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="100"/>
        <source>Empty: equal weights. Otherwise a weight ≥ 0 for every low-carbon indicator, divided by their sum.</source>
        <translation>留空：等权重。否则为每个低碳指标给定 ≥ 0 的权重，并除以其总和。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="104"/>
        <source>Resilience indicator fields</source>
        <translation>韧性指标字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="104"/>
        <source>Numeric fields making up the resilience score.</source>
        <translation>构成韧性得分的数值字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="106"/>
        <source>Resilience indicators where higher is worse</source>
        <translation>越高越差的韧性指标</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="106"/>
        <source>Subset of the resilience indicators whose direction is reversed, e.g. t_air_mean (°C) or flooded share.</source>
        <translation>方向相反的韧性指标子集，如 t_air_mean（°C）或受淹比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="109"/>
        <source>Resilience weights (field=weight, …)</source>
        <translation>韧性权重（字段=权重, …）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="109"/>
        <source>Empty: equal weights. Otherwise a weight ≥ 0 for every resilience indicator, divided by their sum.</source>
        <translation>留空：等权重。否则为每个韧性指标给定 ≥ 0 的权重，并除以其总和。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="113"/>
        <source>Leave out indicator fields the layer lacks</source>
        <translation>略去图层中没有的指标字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="113"/>
        <source>For the plan-check models, whose indicator lists name fields a plan may not have (a parcel&apos;s green_ratio): such a field is left out, with a warning, while each score keeps one. Off: a missing field is an error.</source>
        <translation>供规划检查模型使用，其指标列表所列字段规划数据未必具备(如地块的 green_ratio)：只要每个得分仍保留至少一个指标，缺少的字段即被略去并给出警告。关闭时，缺少字段即报错。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="118"/>
        <source>Quadrant thresholds</source>
        <translation>象限阈值</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="118"/>
        <source>Where a score counts as high (score ≥ threshold): the median of the units, 0.5 or the mean.</source>
        <translation>得分何时算作高（得分 ≥ 阈值）：各单元的中位数、0.5 或平均值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="121"/>
        <source>Weight α of the low-carbon score in T</source>
        <translation>低碳得分在 T 中的权重 α</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="121"/>
        <source>T = α·U1 + (1 − α)·U2. 0.5: both matter equally.</source>
        <translation>T = α·U1 + (1 − α)·U2。0.5：两者同等重要。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="125"/>
        <source>Baseline units (before the plan)</source>
        <translation>基准单元（规划实施前）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="125"/>
        <source>Optional: the same units before the plan, with the same indicator fields and the unit id field.</source>
        <translation>可选：规划实施前的同一批单元，具有相同的指标字段和单元编号字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="128"/>
        <source>Unit id field</source>
        <translation>单元编号字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="128"/>
        <source>Field identifying a unit in both the plan and the baseline layer.</source>
        <translation>在规划方案图层和基准图层中标识单元的字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="131"/>
        <source>Synergy</source>
        <translation>协同</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="131"/>
        <source>The units with scores, quadrant, coupling coordination and, with a baseline, the changes.</source>
        <translation>带有得分、象限、耦合协调度以及（有基准时）变化量的单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="134"/>
        <source>Win-win units</source>
        <translation>双赢单元数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="135"/>
        <source>Mean coupling coordination degree D</source>
        <translation>平均耦合协调度 D</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="136"/>
        <source>Spearman ρ of the two scores</source>
        <translation>两个得分的 Spearman ρ</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="140"/>
        <source>Choose at least one low-carbon and one resilience indicator field.</source>
        <translation>请至少选择一个低碳指标字段和一个韧性指标字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="141"/>
        <source>The negative indicator(s) {fields} must also be chosen as indicator fields of the same score.</source>
        <translation>负向指标 {fields} 也必须被选为同一得分的指标字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="143"/>
        <source>{what}: “{item}” is not of the form field=value.</source>
        <translation>{what}：“{item}”不符合 field=value 格式。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="144"/>
        <source>{what}: “{item}” names the field “{field}”, which is not one of its indicators ({fields}).</source>
        <translation>{what}：“{item}”指定的字段“{field}”不是其指标之一（{fields}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="146"/>
        <source>{what}: “{item}” gives the field “{field}” a second time.</source>
        <translation>{what}：“{item}”重复指定了字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="147"/>
        <source>{what}: in “{item}” the value must be a number ≥ 0.</source>
        <translation>{what}：“{item}”中的值必须是 ≥ 0 的数字。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="148"/>
        <source>The weights give no weight for the indicator(s) {fields}.</source>
        <translation>权重中没有为指标 {fields} 给定权重。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="149"/>
        <source>The weights add up to 0.</source>
        <translation>权重之和为 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="150"/>
        <source>The baseline has {n} unit id(s) on more than one feature: {ids}. Each unit must appear once.</source>
        <translation>基准中有 {n} 个单元编号对应多个要素：{ids}。每个单元只能出现一次。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="152"/>
        <source>α must lie between 0 and 1; it is {alpha}.</source>
        <translation>α 必须介于 0 和 1 之间；当前为 {alpha}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="153"/>
        <source>Unknown method: {value}.</source>
        <translation>未知方法：{value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="174"/>
        <source>No field {fields} in “{layer}”: left out of the scores.</source>
        <translation>“{layer}”中没有字段 {fields}：不计入得分。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="190"/>
        <source>A baseline needs the unit id field (UNIT_ID_FIELD) that identifies a unit in both layers.</source>
        <translation>使用基准时需要单元编号字段（UNIT_ID_FIELD），用于在两个图层中标识单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="197"/>
        <source>The baseline “{layer}” has no unit id field “{field}”. Its fields are: {fields}.</source>
        <translation>基准“{layer}”中没有单元编号字段“{field}”。其字段有：{fields}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="209"/>
        <source>{n} units share their id with another (e.g. “{id}”): each is scored, but the report cannot name them apart.</source>
        <translation>{n} 个单元与其他单元编号重复(例如“{id}”)：均已计分，但报告无法区分它们的名称。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="244"/>
        <source>{n} units have no baseline unit with the same id: their changes are NULL.</source>
        <translation>{n} 个单元在基准中没有编号相同的单元：其变化量为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="263"/>
        <source>Quadrant thresholds: low-carbon {t1:.4f}, resilience {t2:.4f}.</source>
        <translation>象限阈值：低碳 {t1:.4f}，韧性 {t2:.4f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="266"/>
        <source>{n} units lack at least one indicator value: their scores and classes are NULL.</source>
        <translation>{n} 个单元缺少至少一个指标值：其得分和分类为 NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="272"/>
        <source>Spearman ρ needs at least 3 units with both scores, not all equal: NULL.</source>
        <translation>Spearman ρ 需要至少 3 个两项得分均有值且不全相同的单元：NULL。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="274"/>
        <source>Spearman ρ of the two scores: {rho:.4f}.</source>
        <translation>两个得分的 Spearman ρ：{rho:.4f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="275"/>
        <source>{n} win-win units.</source>
        <translation>{n} 个双赢单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/synergy.py" line="276"/>
        <source>Low-carbon × resilience synergy: quadrants ({split} thresholds) and coupling coordination degree D. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>低碳 × 韧性协同：象限（{split} 阈值）与耦合协调度 D。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="73"/>
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="74"/>
        <source>The rules checked, one per row. Edit a threshold by double-clicking it; unverified rules are editable defaults, not legal limits.</source>
        <translation>所检查的规则，每行一条。双击阈值即可编辑；未核实的规则是可编辑的默认值，不是法定限值。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="100"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="100"/>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="100"/>
        <source>Load profile…</source>
        <translation>加载标准配置…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="100"/>
        <source>Save as profile…</source>
        <translation>另存为标准配置…</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="115"/>
        <source>Rule id</source>
        <translation>规则编号</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="115"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="115"/>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="116"/>
        <source>Indicator field</source>
        <translation>指标字段</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="116"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="116"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="117"/>
        <source>Side</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="117"/>
        <source>Test</source>
        <translation>运算符</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="117"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="118"/>
        <source>Upper threshold</source>
        <translation>阈值上限</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="118"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="119"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="119"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="120"/>
        <source>Applies to land uses</source>
        <translation>适用用地</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="121"/>
        <source>Thresholds by height class from</source>
        <translation>按层数类别取阈值自</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="182"/>
        <source>targets</source>
        <translation>目标表</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="183"/>
        <source>being edited</source>
        <translation>（编辑中）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="216"/>
        <source>Saved as {path}; the check will use it.</source>
        <translation>已保存为 {path}；检查将采用该文件。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="227"/>
        <source>{path} has no rules for this planning level.</source>
        <translation>{path} 中没有适用于该规划层级的规则。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="234"/>
        <source>Loaded {path}.</source>
        <translation>已加载 {path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="239"/>
        <source>Load a standards profile</source>
        <translation>加载标准配置</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="245"/>
        <source>Profiles (*.csv)</source>
        <translation>标准配置 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/page_targets.py" line="245"/>
        <source>Save the targets as a profile</source>
        <translation>将目标值另存为标准配置</translation>
    </message>
</context>
<context>
    <name>TransitCoverage</name>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="109"/>
        <source>Transit coverage</source>
        <translation>公共交通覆盖率</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="49"/>
        <source>Share of residents (and of buildings) within walking distance of a rail station and of a bus stop: the indicator 轨道交通站点800米半径服务覆盖率 of the territorial master plan guide, and its bus-stop analogue.

Each building is represented by a point inside it. With a roads layer the distance is walked along the roads: straight from the building to the nearest road, along the network (shortest path, Dijkstra) and straight from the road to the stop. Roads must share a vertex where they meet (noded lines). Buildings and stops farther than the maximum snapping distance from every road are not on the network: their distance stays empty and they are not covered. Without roads the distance is a straight line, which over-states coverage where rivers, rail lines or walled compounds force detours.

Coverage = Σ population of covered buildings / Σ population × 100 (by building count without a population field). A building is covered where its distance is at most the walking distance: 800 m for rail (guide indicator), 500 m for bus (300 m is also used; both are planning conventions, not a national standard).

Distances are in metres: layers in a geographic CRS, Web Mercator or non-metric units are measured in the UTM zone of the buildings' centre.

Output fields: rail_m, bus_m (m, empty where no path), rail_cov, bus_cov (0/1), method (network or euclidean). Planning units: bldg (count), pop, pop_rail, pop_bus (persons), rail_pct, bus_pct (% of residents, or of buildings without population), bldg_rail_pct, bldg_bus_pct (% of buildings), method.</source>
        <translation>计算位于轨道交通站点和公交站点步行距离内的居民（及建筑）比例：即国土空间总体规划指南中的“轨道交通站点800米半径服务覆盖率”指标，以及相应的公交站点指标。

每栋建筑以其内部的一个点代表。提供道路图层时，距离沿道路步行计算：从建筑直线到最近道路，沿路网（最短路径，Dijkstra）行进，再从道路直线到站点。道路相交处须共享节点（已打断的线）。距所有道路均超过最大吸附距离的建筑和站点不在路网上：其距离为空，且不计为覆盖。不提供道路时采用直线距离，在河流、铁路或封闭小区迫使绕行之处会高估覆盖率。

覆盖率 = Σ 被覆盖建筑的人口 / Σ 人口 × 100（无人口字段时按建筑数量计）。建筑距离不超过步行距离即为被覆盖：轨道交通 800 m（指南指标），公交 500 m（也常用 300 m；两者均为规划惯例，并非国家标准）。

距离单位为米：地理坐标参考系、Web Mercator 或非米制单位的图层在建筑中心所在的 UTM 带中量算。

输出字段：rail_m、bus_m（m，无路径时为空）、rail_cov、bus_cov（0/1）、method（network 或 euclidean）。规划单元：bldg（数量）、pop、pop_rail、pop_bus（人）、rail_pct、bus_pct（占居民的 %，无人口时占建筑的 %）、bldg_rail_pct、bldg_bus_pct（占建筑的 %）、method。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="72"/>
        <source>Buildings or parcels</source>
        <translation>建筑或地块</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="72"/>
        <source>Polygons where people live: building footprints or residential parcels.</source>
        <translation>有人居住的面：建筑基底轮廓或居住用地地块。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="75"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="75"/>
        <source>Residents of each polygon; missing or negative values count as 0. Without it, coverage is the share of buildings.</source>
        <translation>每个面的居民数；缺失或负值按 0 计。未指定时，覆盖率按建筑数量比例计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="80"/>
        <source>Transit stops</source>
        <translation>公共交通站点</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="80"/>
        <source>Rail stations (or their entrances) and bus stops, as points.</source>
        <translation>轨道交通站点（或其出入口）和公交站点，以点表示。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="83"/>
        <source>Stop type field</source>
        <translation>站点类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="83"/>
        <source>Field of the stops telling rail from bus, e.g. stop_type.</source>
        <translation>用于区分轨道交通与公交的站点字段，如 stop_type。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="87"/>
        <source>Rail values</source>
        <translation>轨道交通取值</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="87"/>
        <source>Values of the stop type field meaning a rail station, separated by commas (case is ignored).</source>
        <translation>站点类型字段中表示轨道交通站点的取值，以逗号分隔（不区分大小写）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="91"/>
        <source>Bus values</source>
        <translation>公交取值</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="91"/>
        <source>Values of the stop type field meaning a bus stop, separated by commas. Stops of other types are ignored and counted in the log.</source>
        <translation>站点类型字段中表示公交站点的取值，以逗号分隔。其他类型的站点将被忽略，并在日志中统计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="95"/>
        <source>Walking distance to rail (m)</source>
        <translation>至轨道交通站点的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="95"/>
        <source>A building is covered by rail within this distance (800 m: the rail-station coverage indicator of the master plan guide).</source>
        <translation>在此距离内的建筑计为轨道交通覆盖（800 m：总体规划指南中的轨道交通站点覆盖率指标）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="100"/>
        <source>Walking distance to bus (m)</source>
        <translation>至公交站点的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="100"/>
        <source>A building is covered by bus within this distance (500 m; 300 m is a stricter convention).</source>
        <translation>在此距离内的建筑计为公交覆盖（500 m；300 m 为更严格的惯例）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="105"/>
        <source>Buildings and stops farther than this from every road are not on the network: they get no distance and are not covered.</source>
        <translation>距所有道路均超过此距离的建筑和站点不在路网上：不计算距离，也不计为覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="107"/>
        <source>Polygons to report coverage for (planning units, communities). A building belongs to the unit containing its representative point.</source>
        <translation>用于统计覆盖率的面（规划单元、社区）。建筑归属于其代表点所在的单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="109"/>
        <source>The buildings with rail_m, bus_m, rail_cov, bus_cov and method added.</source>
        <translation>添加了 rail_m、bus_m、rail_cov、bus_cov 和 method 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="111"/>
        <source>Transit coverage by unit</source>
        <translation>分单元公共交通覆盖率</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="111"/>
        <source>The planning units with bldg, pop, pop_rail, pop_bus, rail_pct, bus_pct, bldg_rail_pct, bldg_bus_pct and method added. Needs planning units.</source>
        <translation>添加了 bldg、pop、pop_rail、pop_bus、rail_pct、bus_pct、bldg_rail_pct、bldg_bus_pct 和 method 字段的规划单元。需要提供规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="116"/>
        <source>Rail coverage (%)</source>
        <translation>轨道交通覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="117"/>
        <source>Bus coverage (%)</source>
        <translation>公交覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="122"/>
        <source>“{value}” is listed both as a rail and as a bus value: keep it in one list only.</source>
        <translation>“{value}”同时列为轨道交通和公交取值：请只保留在其中一个列表中。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="136"/>
        <source>Choose the field of the stops that tells rail from bus.</source>
        <translation>请选择用于区分轨道交通与公交的站点字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="148"/>
        <source>“{layer}” has no features: transit coverage is not assessed (rail_cov, bus_cov and the coverage shares are NULL), and a planning check does not assess its transit rules (no transit stops in the data).</source>
        <translation>“{layer}”没有要素：公共交通覆盖未评估（rail_cov、bus_cov 和各覆盖率为 NULL），规划检查不评估其公共交通条款（数据中没有公交站点）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="162"/>
        <source>Distances are walked along the roads (network distance).</source>
        <translation>距离沿道路步行计算（路网距离）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="164"/>
        <source>No roads given: distances are straight lines (Euclidean), which over-state coverage where the way is blocked.</source>
        <translation>未提供道路：距离为直线距离（欧氏距离），在通行受阻之处会高估覆盖率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="215"/>
        <source>The population field sums to 0: coverage is the share of buildings.</source>
        <translation>人口字段合计为 0：覆盖率按建筑数量比例计算。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="235"/>
        <source>Give at least one rail value or bus value.</source>
        <translation>请至少填写一个轨道交通取值或公交取值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="242"/>
        <source>No stop of “{layer}” has a {field} value listed as rail ({rail}) or bus ({bus}). Its values are: {values}.</source>
        <translation>“{layer}”中没有任何站点的 {field} 值属于轨道交通（{rail}）或公交（{bus}）取值。其现有取值为：{values}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="249"/>
        <source>{n} stops have another {field} value and are ignored: {values}.</source>
        <translation>{n} 个站点的 {field} 为其他取值，已忽略：{values}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="252"/>
        <source>{r} rail stations and {b} bus stops.</source>
        <translation>轨道交通站点 {r} 个，公交站点 {b} 个。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="254"/>
        <source>No rail station: rail distances stay empty and rail coverage is 0.</source>
        <translation>没有轨道交通站点：轨道交通距离为空，轨道交通覆盖率为 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="256"/>
        <source>No bus stop: bus distances stay empty and bus coverage is 0.</source>
        <translation>没有公交站点：公交距离为空，公交覆盖率为 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="263"/>
        <source>{n} rail stations are farther than {d} m from every road and are left out.</source>
        <translation>{n} 个轨道交通站点距所有道路均超过 {d} m，未计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="266"/>
        <source>{n} bus stops are farther than {d} m from every road and are left out.</source>
        <translation>{n} 个公交站点距所有道路均超过 {d} m，未计入。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="273"/>
        <source>No planning units given: the coverage by unit is not written.</source>
        <translation>未提供规划单元：不输出分单元覆盖率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="285"/>
        <source>Coverage written for {n} planning units.</source>
        <translation>已输出 {n} 个规划单元的覆盖率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="286"/>
        <source>Transit coverage by planning unit ({method} distances). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>分规划单元公共交通覆盖率（{method} 距离）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="293"/>
        <source>{n} buildings are farther than {d} m from every road: they count as not covered.</source>
        <translation>{n} 栋建筑距所有道路均超过 {d} m：计为未覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="297"/>
        <source>{n} buildings near a road have no path to any rail station: their roads are not connected to the stations&apos; roads.</source>
        <translation>{n} 栋道路附近的建筑没有通往任何轨道交通站点的路径：其所在道路与站点所在道路不连通。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="301"/>
        <source>{n} buildings near a road have no path to any bus stop: their roads are not connected to the stops&apos; roads.</source>
        <translation>{n} 栋道路附近的建筑没有通往任何公交站点的路径：其所在道路与站点所在道路不连通。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="305"/>
        <source>{n} buildings have a missing or negative population, counted as 0.</source>
        <translation>{n} 栋建筑的人口缺失或为负值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="308"/>
        <source>{n} invalid geometries were repaired for the calculation; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于计算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="311"/>
        <source>No building is within walking distance of any stop: check that the layers cover the same place.</source>
        <translation>没有建筑位于任何站点的步行距离内：请检查各图层是否覆盖同一区域。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="314"/>
        <source>Rail: {pr:,.0f} of {p:,.0f} residents ({rp:.1f} %) within {rd} m. Bus: {pb:,.0f} residents ({bp:.1f} %) within {bd} m.</source>
        <translation>轨道交通：{p:,.0f} 名居民中有 {pr:,.0f} 名（{rp:.1f} %）位于 {rd} m 内。公交：{pb:,.0f} 名居民（{bp:.1f} %）位于 {bd} m 内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="319"/>
        <source>Buildings: {br:.0f} of {b:.0f} ({brp:.1f} %) within {rd} m of rail, {bb:.0f} ({bbp:.1f} %) within {bd} m of bus.</source>
        <translation>建筑：{b:.0f} 栋中有 {br:.0f} 栋（{brp:.1f} %）位于轨道交通站点 {rd} m 内，{bb:.0f} 栋（{bbp:.1f} %）位于公交站点 {bd} m 内。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="327"/>
        <source>Transit coverage of buildings: walking distance along the roads (buildings and stops up to {s} m from a road) to the nearest rail station (covered within {r} m) and bus stop (within {b} m). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑公共交通覆盖率：沿道路至最近轨道交通站点（{r} m 内为覆盖）和公交站点（{b} m 内）的步行距离（建筑和站点距道路不超过 {s} m）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transit_coverage.py" line="331"/>
        <source>Transit coverage of buildings: straight-line distance to the nearest rail station (covered within {r} m) and bus stop (within {b} m). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑公共交通覆盖率：至最近轨道交通站点（{r} m 内为覆盖）和公交站点（{b} m 内）的直线距离。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>TransportEmissions</name>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="39"/>
        <source>Walking share field</source>
        <translation>步行比例字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="40"/>
        <source>Cycling share field</source>
        <translation>自行车比例字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="41"/>
        <source>Bus share field</source>
        <translation>公交比例字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="42"/>
        <source>Rail share field</source>
        <translation>轨道交通比例字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="43"/>
        <source>Car share field</source>
        <translation>小汽车比例字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="46"/>
        <source>Passenger transport emissions</source>
        <translation>客运交通碳排放</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="49"/>
        <source>Estimates the CO2 of the trips the residents of each zone make in a year, by mode, and the share of their trips made by green modes (ASIF method: activity × structure × intensity × fuel).

Trips a year = population × trips per person per day × 365. For each mode, passenger-km = trips × mode share × mean trip length. CO2 (t/a) = Σ passenger-km × kgCO2 per passenger-km / 1000; electric modes (metro, light rail, e-bus) use kWh per passenger-km × the grid factor. Green-transport share = trips by walking, cycling, bus and rail / all trips.

Population comes from a field of the zones. Planning units rarely carry one: sum the residents of buildings or parcels into the zones first (e.g. with QGIS “Join attributes by location (summary)”, sum of residents) and pick that field. Only residents' trips are counted: trips into the zone by workers living elsewhere belong to their home zones.

The shipped mode table (resources/factors/transport_factors.csv) has walk, bike, bus, rail and car. Its emission factors are UK DEFRA 2007 example values (car 0.1021 kgCO2/pkm at 2 occupants, bus 0.0891; rail as 0.1225 kWh/pkm, i.e. DEFRA light rail 0.0650 kgCO2/pkm at China's 2023 grid factor) because Chinese factors were not found; its shares and trip lengths are an example, not survey data. Every row is marked unverified and the log warns: replace the table with local travel-survey data. Your own table needs the columns mode, share, trip_km, kg_co2_pkm and/or kwh_pkm, green (0/1); shares must sum to 1.

Zones may carry their own mode shares (fractions 0–1) in the advanced share fields: a given share replaces the table's for that zone, and the modes without a field share the rest in the table's proportions. Zones whose shares cannot sum to 1 are left empty and counted.

Output fields: pkm_&lt;mode&gt; for each mode of the table (passenger-km a year; pkm_walk, pkm_bike, pkm_bus, pkm_rail, pkm_car with the shipped table), co2_t_yr (t/a), co2_kg_cap (kg per resident a year), co2_t_ha (t per hectare of zone a year; true areas, zones in degrees or Web Mercator measured in UTM), green_share (0–1) and green_share_est (1 where the zone's share comes from the shipped example table alone, not from your data: lcr:planning_check then gives no verdict on it); co2_t_yr_est and co2_kg_cap_est flag the zone's CO2 in the same way (with the shipped shares its CO2 per resident is the same everywhere; lcr:carbon_balance reads the flag).</source>
        <translation>估算每个分区居民每年出行按交通方式产生的 CO2，以及绿色交通出行比例（ASIF 方法：出行活动 × 出行结构 × 能耗强度 × 燃料排放因子）。

年出行次数 = 人口 × 人均日出行率 × 365。各交通方式的人公里 = 出行次数 × 方式分担率 × 平均出行距离。CO2（t/a）= Σ 人公里 × 每人公里 kgCO2 / 1000；电动方式（地铁、轻轨、电动公交）采用每人公里 kWh × 电网排放因子。绿色交通出行比例 = 步行、自行车、公交和轨道交通出行次数 / 全部出行次数。

人口取自分区的字段。规划单元通常没有人口字段：请先将建筑或地块的居民数汇总到分区（如使用 QGIS“按位置连接属性（汇总）”，对居民数求和），再选择该字段。仅统计居民的出行：居住在其他分区的就业者进入本分区的出行计入其居住分区。

插件自带的交通方式表（resources/factors/transport_factors.csv）包含 walk、bike、bus、rail 和 car。由于未找到中国的排放因子，其数值采用英国 DEFRA 2007 示例值（小汽车 0.1021 kgCO2/pkm，按每车 2 人计；公交 0.0891；轨道交通为 0.1225 kWh/pkm，即按中国 2023 年电网排放因子折算的 DEFRA 轻轨 0.0650 kgCO2/pkm）；其分担率和出行距离仅为示例，并非调查数据。每行均标注为未核实，日志会给出警告：请用本地居民出行调查数据替换该表。自定义表需包含 mode、share、trip_km、kg_co2_pkm 和/或 kwh_pkm、green（0/1）列；各分担率之和须为 1。

分区可在高级参数的比例字段中给出自己的方式分担率（0–1 的小数）：给出的比例替代该分区在表中的比例，没有字段的交通方式按表中比例分配其余部分。比例之和无法为 1 的分区结果为空，并计入统计。

输出字段：表中每种交通方式的 pkm_&lt;mode&gt;（年人公里；使用自带表时为 pkm_walk、pkm_bike、pkm_bus、pkm_rail、pkm_car）、co2_t_yr（t/a）、co2_kg_cap（每位居民每年 kg）、co2_t_ha（每公顷分区面积每年 t；按真实面积计算，以度或 Web Mercator 表示的分区在 UTM 中量算）、green_share（0–1）和 green_share_est（该分区的比例仅来自自带示例表、而非您的数据时为 1：lcr:planning_check 对其不作结论）；co2_t_yr_est 与 co2_kg_cap_est 以同样方式标记分区的碳排放（采用自带分担率时各处人均排放相同；lcr:carbon_balance 读取该标记）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="80"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="80"/>
        <source>Zones whose residents travel, e.g. planning units, communities or grid cells (polygons).</source>
        <translation>居民出行所在的分区，如规划单元、社区或网格（面）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="83"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="83"/>
        <source>Residents of each zone. Zones with no value are left empty and counted.</source>
        <translation>每个分区的常住人口。无值的分区结果为空，并计入统计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="87"/>
        <source>Trips per person per day</source>
        <translation>人均日出行次数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="87"/>
        <source>Average trips a resident makes on a day, all modes together. Default 2.5 is an unverified planning example; take it from the local resident travel survey.</source>
        <translation>居民每天的平均出行次数（各交通方式合计）。默认值 2.5 为未核实的规划示例；请采用本地居民出行调查数据。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="92"/>
        <source>Mode table (CSV)</source>
        <translation>交通方式表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="92"/>
        <source>CSV with one row per mode: mode, share (of trips, summing to 1), trip_km, kg_co2_pkm and/or kwh_pkm (electric modes), green (0/1), and optionally source, year, verified. Replaces the shipped table.</source>
        <translation>每种交通方式一行的 CSV：mode、share（出行比例，合计为 1）、trip_km、kg_co2_pkm 和/或 kwh_pkm（电动方式）、green（0/1），可另含 source、year、verified 列。用于替换插件自带的表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="98"/>
        <source>The zone's own share of trips by the mode “{mode}” (0–1). Empty values keep the table's share.</source>
        <translation>该分区交通方式“{mode}”的出行比例（0–1）。为空时采用表中的比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="104"/>
        <source>Transport emissions</source>
        <translation>交通碳排放</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="104"/>
        <source>The zones with pkm_&lt;mode&gt;, co2_t_yr, co2_kg_cap, co2_t_ha and green_share added.</source>
        <translation>添加了 pkm_&lt;mode&gt;、co2_t_yr、co2_kg_cap、co2_t_ha 和 green_share 字段的分区图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="107"/>
        <source>Total transport CO2 (t/a)</source>
        <translation>交通 CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="108"/>
        <source>Green-transport share (0–1)</source>
        <translation>绿色交通出行比例（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="112"/>
        <source>The mode shares in {path} sum to {total}; they must sum to 1 (fractions of all trips, e.g. 0.25 for 25 %).</source>
        <translation>{path} 中各交通方式比例之和为 {total}；其和须为 1（占全部出行的比例，如 25 % 填 0.25）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="115"/>
        <source>The table {path}, line {line}: green must be 0 or 1, not “{value}”.</source>
        <translation>表格 {path} 第 {line} 行：green 必须为 0 或 1，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="116"/>
        <source>The table {path}, line {line}: the mode “{mode}” needs kg_co2_pkm or kwh_pkm (0 for walking and cycling).</source>
        <translation>表格 {path} 第 {line} 行：交通方式“{mode}”需要 kg_co2_pkm 或 kwh_pkm（步行和自行车填 0）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="119"/>
        <source>The table {path}, line {line}: the mode “{value}” must be a short lower-case name (letters, digits, _; at most 12 characters): it becomes the field pkm_&lt;mode&gt;.</source>
        <translation>表格 {path} 第 {line} 行：交通方式“{value}”须为简短的小写名称（字母、数字、_；最多 12 个字符）：它将成为字段 pkm_&lt;mode&gt;。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="122"/>
        <source>A share field is given for the mode “{mode}”, which the mode table {path} does not have. Its modes are: {modes}.</source>
        <translation>为交通方式“{mode}”指定了比例字段，但交通方式表 {path} 中没有该方式。表中的方式有：{modes}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="125"/>
        <source>Trips per person per day cannot be negative; it is {value}.</source>
        <translation>人均日出行次数不能为负值；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="145"/>
        <source>The green-transport share of zones without their own mode shares comes from the shipped example shares, not from your data: such zones get green_share_est = 1 and no verdict on it.</source>
        <translation>没有自有方式分担率的分区，其绿色出行比例来自自带示例分担率，而非您的数据：这些分区的 green_share_est = 1，规划核查不对其作结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="193"/>
        <source>Passenger transport CO2 of residents (ASIF): population × {rate} trips/day × 365 × mode share × trip length × kgCO2/pkm; mode table {path}; grid factor {grid} kgCO2/kWh. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>居民客运交通 CO2（ASIF）：人口 × {rate} 次/日 × 365 × 方式分担率 × 出行距离 × kgCO2/pkm；交通方式表 {path}；电网排放因子 {grid} kgCO2/kWh。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="213"/>
        <source>Mode table: {path}.</source>
        <translation>交通方式表：{path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="216"/>
        <source>{mode}: share {share:.3f}, {km} km a trip, {kwh} kWh/pkm × {grid} = {f:.4f} kgCO2/pkm.</source>
        <translation>{mode}：比例 {share:.3f}，每次出行 {km} km，{kwh} kWh/pkm × {grid} = {f:.4f} kgCO2/pkm。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="220"/>
        <source>{mode}: share {share:.3f}, {km} km a trip, {f:.4f} kgCO2/pkm.</source>
        <translation>{mode}：比例 {share:.3f}，每次出行 {km} km，{f:.4f} kgCO2/pkm。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="227"/>
        <source>Unverified mode shares, trip lengths or emission factors are used for: {modes}. The shipped factors are UK DEFRA 2007 examples, not Chinese values; replace them with local data.</source>
        <translation>以下交通方式采用了未核实的分担率、出行距离或排放因子：{modes}。自带因子为英国 DEFRA 2007 示例值，并非中国数值；请用本地数据替换。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="234"/>
        <source>{n} zones have no population value (or a negative one): their results stay empty.</source>
        <translation>{n} 个分区没有人口值（或为负值）：其结果为空。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="237"/>
        <source>{n} zones have their own mode shares that are negative or cannot sum to 1: their results stay empty. Shares are fractions of all trips (0.25 for 25 %).</source>
        <translation>{n} 个分区自有的方式分担率为负值或之和无法为 1：其结果为空。比例为占全部出行的小数（25 % 填 0.25）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="241"/>
        <source>{n} zones use their own mode shares.</source>
        <translation>{n} 个分区采用了自有的方式分担率。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="243"/>
        <source>The trip rate {rate} trips per person per day is an unverified planning example.</source>
        <translation>出行率 {rate} 次/人·日为未核实的规划示例值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/transport_emissions.py" line="246"/>
        <source>{n} zones: {co2:,.1f} t CO2 a year from residents&apos; trips; green-transport share {share}.</source>
        <translation>共 {n} 个分区：居民出行年 CO2 排放 {co2:,.1f} t；绿色交通出行比例 {share}。</translation>
    </message>
</context>
<context>
    <name>UrbanCooling</name>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="65"/>
        <source>Urban cooling and heat risk</source>
        <translation>城市降温与热风险</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="68"/>
        <source>Estimates how much land cover cools a district, following the InVEST 3.20 Urban Cooling model, and summarises it per planning unit.

Cooling capacity CC per cell, by one of two methods. Factors (daytime): ETI = kc × ET0 / ET_max (ET_max: the largest ET0; with one ET0 number ETI = kc), CC = 0.6 × shade + 0.2 × albedo + 0.2 × ETI (weights editable, scaled to sum 1 as InVEST does). Building intensity (night-time): CC = 1 − building_intensity from the table.

Green area GA = the green share of the valid cells within the cooling distance d × the area of that circle. CC_park = the CC of green cells averaged with the exponential kernel e^(−distance/d), cut at 5 d, over all valid cells (non-green ones count 0). As in InVEST, the outside of the raster and nodata carry no weight, so a park at the edge is not diluted, and nothing is rounded. Heat mitigation HM = CC_park where it exceeds CC and GA ≥ 2 ha, else CC (InVEST does not check whether the green cells touch). Air temperature without mixing T = T_ref + (1 − HM) × UHI_max (°C), then averaged with the exponential kernel of the mixing distance (cut at 5×), again over valid cells only. Distances are rounded to whole cells as in InVEST. InVEST first clips the land cover to the AOI's bounding box: to reproduce one of its runs, clip the raster the same way.

Heat risk (0–1) = (t_air_mean − T_ref) / UHI_max × (elderly + children) / population, when a population field and at least one age-group field are given; NULL otherwise.

Inputs: a land-cover raster of integer codes in a projected CRS in metres with square cells, or land-cover polygons with an integer class, which the algorithm rasterises itself (10 m cells by default) in a CRS in metres: their own, or for degrees and Web Mercator the local Gauss-Krüger or UTM zone; a biophysical table in InVEST's layout (lucode, kc, shade, albedo, green_area; building_intensity for the night-time method), e.g. a planner's own InVEST table unchanged. The shipped table (resources/factors/cooling_biophysical.csv) is keyed to the demo codes 1 built_up … 7 bare, with InVEST test values and team estimates, all unverified: calibrate it locally.

Output fields per planning unit: cc_mean, hm_mean (0–1), t_air_mean and t_air_max (°C), heat_risk (0–1). Optional rasters: HM and T_air. Sources: InVEST Urban Cooling User's Guide and model code, version 3.20 (Natural Capital Project).</source>
        <translation>参照 InVEST 3.20 城市降温模型估算土地覆被对片区的降温作用，并按规划单元汇总。

逐像元的降温能力 CC 有两种算法。因子法（白天）：ETI = kc × ET0 / ET_max（ET_max 为 ET0 的最大值；只给一个 ET0 数值时 ETI = kc），CC = 0.6 × 遮荫 + 0.2 × 反照率 + 0.2 × ETI（权重可调，并按 InVEST 的做法缩放为总和 1）。建筑强度法（夜间）：CC = 1 − 表中的 building_intensity。

绿地面积 GA = 绿地降温距离 d 内有效像元中绿地所占比例 × 该圆的面积。CC_park = 以指数核 e^(−distance/d)（截断于 5 d）在全部有效像元上对绿地像元的 CC 求加权平均（非绿地像元计为 0）。与 InVEST 相同，栅格范围以外和 nodata 不计权重，因此位于边缘的公园不会被稀释，且不做任何取整。热缓解指数 HM：当 CC_park 大于 CC 且 GA ≥ 2 ha 时取 CC_park，否则取 CC（InVEST 不检查绿地像元是否相连）。未混合气温 T = T_ref + (1 − HM) × UHI_max（°C），再以空气混合距离的指数核（截断于 5 倍）求平均，同样只计有效像元。距离按 InVEST 的做法取整为像元数。InVEST 会先把土地覆被裁剪到 AOI 的外包矩形：若要复现其某次运行结果，请以同样方式裁剪栅格。

热风险（0–1）= (t_air_mean − T_ref) / UHI_max × (老年人 + 儿童) / 人口，需提供人口字段及至少一个年龄组字段；否则为 NULL。

输入：以米为单位的投影坐标参考系、正方形像元的整数代码土地覆被栅格，或带整数类别的土地覆被面图层，由算法自行在以米为单位的坐标参考系中栅格化（默认像元 10 m）：图层自身的坐标系，或对经纬度与 Web 墨卡托图层采用当地高斯-克吕格或 UTM 投影带；InVEST 格式的生物物理参数表（lucode、kc、shade、albedo、green_area；夜间算法需 building_intensity），如规划人员自有的 InVEST 表可直接使用。插件自带的表（resources/factors/cooling_biophysical.csv）按示范区代码 1 built_up … 7 bare 编制，取值来自 InVEST 测试数据和团队估算，均未核实：请在本地率定。

每个规划单元的输出字段：cc_mean、hm_mean（0–1）、t_air_mean 和 t_air_max（°C）、heat_risk（0–1）。可选栅格：HM 和 T_air。来源：InVEST 城市降温模型用户指南及模型代码，3.20 版（Natural Capital Project）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="101"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="101"/>
        <source>Integer land-cover codes (band 1) matched to the table&apos;s lucode, in a projected CRS in metres with square cells (e.g. 10 m). Give this or land-cover polygons.</source>
        <translation>整数土地覆被代码（波段 1），与表中的 lucode 匹配，须为以米为单位的投影坐标参考系且像元为正方形（如 10 m）。提供此栅格或土地覆被面图层之一。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="105"/>
        <source>Land-cover polygons</source>
        <translation>土地覆被面</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="105"/>
        <source>Instead of a raster: polygons with an integer class, rasterised by the algorithm in a CRS in metres (their own, or for degrees and Web Mercator the local Gauss-Krüger or UTM zone); a cell takes the class of the polygon holding its centre.</source>
        <translation>代替栅格：带整数类别的面图层，由算法在以米为单位的坐标参考系中栅格化（图层自身的坐标系，或对经纬度与 Web 墨卡托图层采用当地高斯-克吕格或 UTM 投影带）；每个像元取其中心所在面的类别。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="110"/>
        <source>Land-cover class field</source>
        <translation>土地覆被类型字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="110"/>
        <source>Integer code of each land-cover polygon, matched to the table&apos;s lucode.</source>
        <translation>每个土地覆被面的整数代码，与表中的 lucode 匹配。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="114"/>
        <source>Cell size of rasterised polygons (m)</source>
        <translation>面图层栅格化的像元大小（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="114"/>
        <source>Side of the square cells the land-cover polygons are rasterised at.</source>
        <translation>土地覆被面图层栅格化所用正方形像元的边长。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="118"/>
        <source>Biophysical table (CSV)</source>
        <translation>生物物理参数表（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="118"/>
        <source>CSV with lucode, kc, shade (0–1), albedo (0–1), green_area (0/1); for the building intensity method lucode, green_area and building_intensity (0–1: floor area over footprint area, scaled to 0–1). Optional class, source, year, verified. An InVEST Urban Cooling table works as it is. Empty: the shipped table for the demo codes.</source>
        <translation>包含 lucode、kc、shade（0–1）、albedo（0–1）、green_area（0/1）列的 CSV；建筑强度法需 lucode、green_area 和 building_intensity（0–1：建筑面积与基底面积之比，缩放到 0–1）。可另含 class、source、year、verified。InVEST 城市降温模型的表可直接使用。留空：采用插件自带的示范区代码表。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="124"/>
        <source>Reference evapotranspiration ET0 (mm)</source>
        <translation>参考蒸散量 ET0（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="124"/>
        <source>One ET0 value for the whole area (mm/day on the study day). With one value ETI = kc. Not used by the building intensity method.</source>
        <translation>全区统一的一个 ET0 值（研究日的 mm/天）。只给一个值时 ETI = kc。建筑强度法不使用此值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="129"/>
        <source>Reference evapotranspiration raster (mm)</source>
        <translation>参考蒸散量栅格（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="129"/>
        <source>ET0 per cell, resampled onto the land-cover grid; when given it replaces the single value.</source>
        <translation>逐像元 ET0，重采样到土地覆被格网上；提供时替代上面的单一数值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="133"/>
        <source>Reference air temperature (°C)</source>
        <translation>参考气温（°C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="133"/>
        <source>Rural reference air temperature on the study day, where the city has no effect.</source>
        <translation>研究日不受城市影响的郊区参考气温。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="137"/>
        <source>Urban heat island magnitude UHI_max (°C)</source>
        <translation>城市热岛强度 UHI_max（°C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="137"/>
        <source>Difference between the hottest urban temperature and the reference temperature.</source>
        <translation>城市最高气温与参考气温之差。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="141"/>
        <source>Green area cooling distance (m)</source>
        <translation>绿地降温距离（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="141"/>
        <source>Distance over which green areas of 2 ha or more cool their surroundings (InVEST recommends 450 m): the radius within which green area is counted and the expected distance of the park-cooling kernel.</source>
        <translation>2 ha 及以上绿地对周边产生降温作用的距离（InVEST 建议 450 m）：即统计绿地面积的半径，也是公园降温核的期望距离。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="147"/>
        <source>Air mixing radius (m)</source>
        <translation>空气混合半径（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="147"/>
        <source>Expected distance of the air-mixing kernel, InVEST's air blending distance (it recommends 500–600 m). Below half a cell: no mixing.</source>
        <translation>空气混合核的期望距离，即 InVEST 的空气混合距离（建议 500–600 m）。小于半个像元：不做混合。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="152"/>
        <source>CC weights: shade, albedo, ETI</source>
        <translation>CC 权重：遮荫、反照率、ETI</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="152"/>
        <source>Three numbers ≥ 0 separated by commas (InVEST defaults 0.6, 0.2, 0.2), scaled to sum 1 as InVEST does. Used by the factors method.</source>
        <translation>三个 ≥ 0 的数，以逗号分隔（InVEST 默认 0.6、0.2、0.2），按 InVEST 的做法缩放为总和 1。用于因子法。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="157"/>
        <source>Cooling capacity method</source>
        <translation>降温能力算法</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="157"/>
        <source>Factors: shade, albedo, ETI (daytime)</source>
        <translation>因子法：遮荫、反照率、ETI（白天）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="157"/>
        <source>Building intensity (night-time)</source>
        <translation>建筑强度法（夜间）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="157"/>
        <source>InVEST's two cooling-capacity methods: daytime CC = 0.6 × shade + 0.2 × albedo + 0.2 × ETI, or night-time CC = 1 − building_intensity (heat stored in buildings by day is released at night), which needs a building_intensity column in the table.</source>
        <translation>InVEST 的两种降温能力算法：白天 CC = 0.6 × 遮荫 + 0.2 × 反照率 + 0.2 × ETI；或夜间 CC = 1 − building_intensity（建筑白天储存的热量在夜间释放），此时表中需有 building_intensity 列。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="164"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="164"/>
        <source>Polygons to summarise the cooling in; reprojected to the raster&apos;s CRS if needed. A cell belongs to the unit containing its centre.</source>
        <translation>用于汇总降温结果的面；必要时重投影至栅格的坐标参考系。像元归属于其中心所在的单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="168"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="168"/>
        <source>Residents of each unit.</source>
        <translation>每个单元的居民数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="168"/>
        <source>Elderly residents field</source>
        <translation>老年人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="168"/>
        <source>Residents aged 65 or more.</source>
        <translation>65 岁及以上居民数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="168"/>
        <source>Children field</source>
        <translation>儿童人口字段</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="168"/>
        <source>Residents aged under 15.</source>
        <translation>15 岁以下居民数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="175"/>
        <source>Urban cooling per unit</source>
        <translation>分单元城市降温</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="175"/>
        <source>The planning units with cc_mean, hm_mean, t_air_mean, t_air_max and heat_risk.</source>
        <translation>添加了 cc_mean、hm_mean、t_air_mean、t_air_max 和 heat_risk 字段的规划单元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="178"/>
        <source>Heat mitigation raster</source>
        <translation>热缓解指数栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="178"/>
        <source>HM per cell (0–1), GeoTIFF.</source>
        <translation>逐像元 HM（0–1），GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="181"/>
        <source>Air temperature raster</source>
        <translation>气温栅格</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="181"/>
        <source>T_air per cell (°C), GeoTIFF.</source>
        <translation>逐像元 T_air（°C），GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="184"/>
        <source>Mean air temperature (°C)</source>
        <translation>平均气温（°C）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="185"/>
        <source>Mean heat mitigation</source>
        <translation>平均热缓解指数</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="189"/>
        <source>The biophysical table {path}, line {line}: lucode “{value}” is not a whole number.</source>
        <translation>生物物理参数表 {path} 第 {line} 行：lucode“{value}”不是整数。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="191"/>
        <source>The biophysical table {path}, line {line}: green_area must be 0 or 1, not {value}.</source>
        <translation>生物物理参数表 {path} 第 {line} 行：green_area 必须为 0 或 1，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="193"/>
        <source>CC weights “{value}”: give three numbers ≥ 0 separated by commas, e.g. 0.6,0.2,0.2.</source>
        <translation>CC 权重“{value}”：请给出以逗号分隔的三个 ≥ 0 的数，如 0.6,0.2,0.2。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="208"/>
        <source>Biophysical table: {path}.</source>
        <translation>生物物理参数表：{path}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="210"/>
        <source>Cooling capacity from building intensity: CC = 1 − building_intensity.</source>
        <translation>由建筑强度计算降温能力：CC = 1 − building_intensity。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="222"/>
        <source>Heat risk needs the population field as well as the elderly or children field: choose it.</source>
        <translation>计算热风险需要人口字段以及老年人口或儿童人口字段：请选择人口字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="236"/>
        <source>Cell size {c:g} m: cooling distance {d} cells, mixing radius {r} cells.</source>
        <translation>像元大小 {c:g} m：降温距离 {d} 个像元，混合半径 {r} 个像元。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="248"/>
        <source>Mean air temperature {t:.2f} °C, mean heat mitigation {hm:.3f}.</source>
        <translation>平均气温 {t:.2f} °C，平均热缓解指数 {hm:.3f}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="250"/>
        <source>Heat mitigation and air temperature per planning unit (InVEST Urban Cooling method): T_ref {t} °C, UHI_max {u} °C, cooling distance {d} m, mixing radius {r} m, table {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>按规划单元统计的热缓解指数和气温（InVEST 城市降温方法）：T_ref {t} °C，UHI_max {u} °C，降温距离 {d} m，混合半径 {r} m，参数表 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="261"/>
        <source>Give a land-cover raster or land-cover polygons.</source>
        <translation>请提供土地覆被栅格或土地覆被面图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="262"/>
        <source>“{layer}” is in {crs}, where cells have no fixed size in metres, but cooling distances are in metres. Reproject it to a projected CRS in metres (Raster ▸ Projections ▸ Warp), e.g. the local CGCS2000 Gauss-Krüger zone, and run again.</source>
        <translation>“{layer}”采用 {crs}，其像元没有以米为单位的固定大小，而降温距离以米为单位。请将其重投影至以米为单位的投影坐标参考系（栅格 ▸ 投影 ▸ 变形），如当地的 CGCS2000 高斯-克吕格投影带，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="266"/>
        <source>“{layer}” has no CRS: its cell size is taken as metres.</source>
        <translation>“{layer}”未设置坐标参考系：像元大小视为以米为单位。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="269"/>
        <source>“{layer}” has cells of {x:g} × {y:g} (or a rotated grid); the cooling kernels need square, north-up cells. Warp it to square cells (Raster ▸ Projections ▸ Warp) and run again.</source>
        <translation>“{layer}”的像元为 {x:g} × {y:g}（或为旋转格网）；降温核需要正方形、正北朝上的像元。请将其变形为正方形像元（栅格 ▸ 投影 ▸ 变形）后重新运行。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="278"/>
        <source>Give a land-cover raster or land-cover polygons, not both.</source>
        <translation>请提供土地覆被栅格或土地覆被面图层之一，不要同时提供。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="282"/>
        <source>Choose the class field of “{layer}”.</source>
        <translation>请选择“{layer}”的类型字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="293"/>
        <source>{n} polygons of “{layer}” have no whole-number class in “{field}”: their cells are nodata.</source>
        <translation>“{layer}”中有 {n} 个面在“{field}”中没有整数类别：其像元为无数据。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="299"/>
        <source>No polygon of “{layer}” has a geometry and a class.</source>
        <translation>“{layer}”中没有同时具有几何和类别的面。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="305"/>
        <source>“{layer}” is rasterised at {c:g} m in {crs}: {w:,} × {h:,} cells, each of the class of the polygon holding its centre.</source>
        <translation>“{layer}”在 {crs} 中按 {c:g} m 栅格化：{w:,} × {h:,} 个像元，每个像元取其中心所在面的类别。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="317"/>
        <source>Urban cooling on “{layer}” ({w:,} × {h:,} cells of {c:g} m)</source>
        <translation>在“{layer}”（{w:,} × {h:,} 个 {c:g} m 像元）上计算城市降温</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="317"/>
        <source>Lower “{parameter}” (now {value:g} m, a kernel reaching {reach:,} cells each way) or use a land-cover raster with fewer, larger cells.</source>
        <translation>请减小“{parameter}”（当前为 {value:g} m，核向各方向延伸 {reach:,} 个像元），或改用像元更大、数量更少的土地覆盖栅格。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="329"/>
        <source>ET0 {v:g} mm everywhere: ETI = kc.</source>
        <translation>全区 ET0 均为 {v:g} mm：ETI = kc。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="341"/>
        <source>GDAL cannot read “{layer}”.</source>
        <translation>GDAL 无法读取“{layer}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="377"/>
        <source>{n} cells have land-cover codes the biophysical table does not list ({codes}); they are treated as nodata. Add these codes to the table.</source>
        <translation>{n} 个像元的土地覆被代码未列在生物物理参数表中（{codes}）；按 nodata 处理。请将这些代码添加到表中。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="383"/>
        <source>{n} land-cover cells have no ET0 value (outside the ET0 raster or nodata); they are treated as nodata.</source>
        <translation>{n} 个土地覆被像元没有 ET0 值（位于 ET0 栅格之外或为 nodata）；按 nodata 处理。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="386"/>
        <source>ET0 from “{layer}”, resampled onto the land-cover grid.</source>
        <translation>ET0 取自“{layer}”，已重采样到土地覆被格网上。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="389"/>
        <source>“{layer}” has no cell with a land-cover code of the biophysical table (and an ET0 value).</source>
        <translation>“{layer}”中没有任何像元的土地覆被代码列于生物物理参数表中（且有 ET0 值）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="394"/>
        <source>Unverified biophysical values were used for: {classes}. Calibrate them with local data.</source>
        <translation>以下类型采用了未核实的生物物理参数：{classes}。请用本地数据率定。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="398"/>
        <source>No planning unit overlaps a land-cover cell with data: check that the units and “{layer}” cover the same place (and their CRS).</source>
        <translation>没有规划单元与有数据的土地覆被像元重叠：请检查规划单元与“{layer}”是否覆盖同一区域（及其坐标参考系）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="406"/>
        <source>The planning units are reprojected from {a} to the raster&apos;s CRS {b}; the output is in {b}.</source>
        <translation>规划单元已从 {a} 重投影至栅格的坐标参考系 {b}；输出采用 {b}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="474"/>
        <source>{n} planning units contain no land-cover cell with data; their values stay empty (NULL).</source>
        <translation>{n} 个规划单元不含有数据的土地覆被像元；其值为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="483"/>
        <source>{n} units have no population (NULL or 0): their heat risk stays empty (NULL).</source>
        <translation>{n} 个单元没有人口（NULL 或 0）：其热风险为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="487"/>
        <source>No population and age-group fields: heat_risk stays empty (NULL).</source>
        <translation>未提供人口和年龄组字段：heat_risk 为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/urban_cooling.py" line="505"/>
        <source>Cannot write the raster {path}.</source>
        <translation>无法写入栅格 {path}。</translation>
    </message>
</context>
<context>
    <name>WholeLifeCircleMixin</name>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="26"/>
        <source>All 15-minute life-circle types finds the fewest sites reaching the target: set Number of new sites to 0.</source>
        <translation>15 分钟生活圈全部类型求达到目标的最少场所：请将新增场所数设为 0。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="31"/>
        <source>All 15-minute life-circle types needs the Facility type field of “{layer}”: which type each existing facility is.</source>
        <translation>15 分钟生活圈全部类型需要“{layer}”的设施类型字段：说明每处现有设施属于哪一类。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="35"/>
        <source>All 15-minute life-circle types: the walking distance given is not used; each type keeps its own distance from the table.</source>
        <translation>15 分钟生活圈全部类型：不使用给定的步行距离，各类沿用设施表中自身的距离。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="51"/>
        <source>No existing facilities given: every home starts uncovered.</source>
        <translation>未给出现有设施：所有住宅起初都未覆盖。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="56"/>
        <source>Facility type {type}: walking distance {d:g} m, {n} existing.</source>
        <translation>设施类型 {type}：步行距离 {d:g} m，现有 {n} 处。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="93"/>
        <source>All life-circle types sited jointly, in the order {order}: the sequential start has {n} sites ({pruned} redundant dropped).</source>
        <translation>全部生活圈设施类型联合选址，顺序为 {order}：逐类初始解共 {n} 处（已删去 {pruned} 处冗余）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="97"/>
        <source>The joint problem is too large for the MIP ({size}): the sequential answer is kept, which may use more sites than the fewest.</source>
        <translation>联合问题对混合整数规划而言过大（{size}）：保留逐类解，其场所数可能多于最少值。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="100"/>
        <source>Each type alone needs at least the sites its LP relaxation proves: {b:,.0f} in all, so {n} sites are within {gap:.1f} % of the fewest.</source>
        <translation>每一类单独至少需要其线性规划松弛证明的场所数：合计 {b:,.0f} 处，因此 {n} 处与最少值相差不超过 {gap:.1f} %。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="104"/>
        <source>The LP relaxation proved {n} sites the fewest in {s:.1f} s.</source>
        <translation>线性规划松弛在 {s:.1f} s 内证明 {n} 处为最少。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="107"/>
        <source>HiGHS proved {n} sites the fewest in {s:.1f} s.</source>
        <translation>HiGHS 在 {s:.1f} s 内证明 {n} 处为最少。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="110"/>
        <source>The joint MIP: {n} sites, at least {b:,.0f} needed (optimality gap {gap:.1f} %, {s:.1f} s).</source>
        <translation>联合混合整数规划：{n} 处，至少需要 {b:,.0f} 处（最优性差距 {gap:.1f} %，{s:.1f} s）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="115"/>
        <source>The joint MIP: {n} sites; HiGHS proved no bound in {s:.1f} s: how far it is from the fewest is unknown.</source>
        <translation>联合混合整数规划：{n} 处；HiGHS 在 {s:.1f} s 内未证明下界：与最少值相差多少未知。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="119"/>
        <source>New sites by type: {list}.</source>
        <translation>各类新增场所：{list}。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="124"/>
        <source>residents</source>
        <translation>名居民</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="124"/>
        <source>buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="132"/>
        <source>Not reached.</source>
        <translation>未达到目标。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="139"/>
        <source>{type} ({n:,.0f} {who} beyond {d:g} m)</source>
        <translation>{type}（{d:g} m 以外 {n:,.0f} {who}）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/life_circle_siting_glue.py" line="141"/>
        <source>At most {pct:.1f} % can reach every type; no facility or eligible candidate within reach: {types}.</source>
        <translation>最多 {pct:.1f} % 可达每一类；在可达范围内没有设施或合格候选点：{types}。</translation>
    </message>
</context>
<context>
    <name>WizardPlan</name>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="63"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="63"/>
        <source>Land cover</source>
        <translation>土地覆被</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="63"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="74"/>
        <source>Flood zones</source>
        <translation>洪水淹没区</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="74"/>
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="74"/>
        <source>Public facilities</source>
        <translation>公共服务设施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="74"/>
        <source>Parks and green spaces</source>
        <translation>公园绿地</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>Residents</source>
        <translation>居民数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>people living in each building: per-capita indicators, transport, people reached by shelters</source>
        <translation>每栋建筑的居住人数：用于人均指标、交通及避难场所覆盖人口</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>floor area = footprint × floors, for building energy and CO2</source>
        <translation>建筑面积 = 基底面积 × 层数，用于计算建筑能耗和 CO2</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>Building use</source>
        <translation>建筑用途</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>energy use per m² by use (residential, office, …)</source>
        <translation>按用途（居住、办公等）确定单位面积能耗</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>Roof type</source>
        <translation>屋顶类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>usable roof share for rooftop solar</source>
        <translation>屋顶光伏可利用屋面比例</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>Land-cover class code</source>
        <translation>土地覆被类型代码</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="84"/>
        <source>integer class: carbon stock, runoff, impervious share</source>
        <translation>整数类型代码：用于碳储量、径流和不透水比例</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="102"/>
        <source>Design rainfall (mm)</source>
        <translation>设计降雨量（mm）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="102"/>
        <source>the storm whose runoff and retention are checked (sponge city)</source>
        <translation>用于核查径流与滞蓄的设计暴雨（海绵城市）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="109"/>
        <source>sponge-city storage of the parcel: the runoff control rate</source>
        <translation>地块的海绵城市调蓄量：用于年径流总量控制率</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="110"/>
        <source>Bioretention area (m²)</source>
        <translation>生物滞留设施面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="110"/>
        <source>Permeable paving area (m²)</source>
        <translation>透水铺装面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="110"/>
        <source>Green roof area (m²)</source>
        <translation>绿色屋顶面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="110"/>
        <source>Storage tank volume (m³)</source>
        <translation>蓄水池容积（m³）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="120"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Impervious land-cover classes</source>
        <translation>不透水土地覆被类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>class codes, comma-separated, counted as sealed surface</source>
        <translation>类型代码，以逗号分隔，计为不透水面</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Transit stops</source>
        <translation>公共交通站点</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Unit id</source>
        <translation>单元编号</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>names each unit in the results</source>
        <translation>在结果中标识每个单元</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Unit name</source>
        <translation>单元名称</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>labels in the report</source>
        <translation>报告中的标注</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Stop type</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>rail (800 m) or bus (500 m) walking distance</source>
        <translation>轨道交通（800 m）或公交（500 m）步行距离</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Flood depth (m)</source>
        <translation>淹没水深（m）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>buildings and people exposed to flooding</source>
        <translation>受洪涝暴露的建筑和人口</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Shelter area (m²)</source>
        <translation>避难场所面积（m²）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>shelter area per resident</source>
        <translation>人均避难场所面积</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Shelter capacity</source>
        <translation>避难场所容纳人数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>persons each shelter takes in</source>
        <translation>每个避难场所可容纳的人数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>Shelter type</source>
        <translation>避难场所类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>service distance by shelter class</source>
        <translation>按避难场所类型确定服务半径</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>which life-circle services each home reaches</source>
        <translation>每处住宅可达哪些生活圈配套设施</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Park type</source>
        <translation>公园类型</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="121"/>
        <source>comprehensive / community park area per resident</source>
        <translation>人均综合公园 / 社区公园面积</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="158"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Daily rainfall (CSV)</source>
        <translation>逐日降雨量（CSV）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>columns date, rain_mm, 30 years or more: the annual runoff control rate</source>
        <translation>列 date、rain_mm，30 年或以上：用于计算年径流总量控制率</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Parcel id</source>
        <translation>地块编号</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>names each parcel in the results</source>
        <translation>在结果中标识每个地块</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Parcel name</source>
        <translation>地块名称</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Parcel residents</source>
        <translation>地块居民数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>green area per resident of the parcel</source>
        <translation>地块人均绿地面积</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Green ratio (0–1)</source>
        <translation>绿地率（0–1）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>checked against the green-ratio target</source>
        <translation>对照绿地率目标进行检查</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Parcel floors</source>
        <translation>地块层数</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>the height class of GB 50180-2018 whose green ratio and FAR limits apply</source>
        <translation>按 GB 50180-2018 的层数类别确定适用的绿地率和容积率限值</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>Land-use code</source>
        <translation>用地代码</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>which rules apply to the parcel (e.g. residential R)</source>
        <translation>确定适用于该地块的规则（如居住用地 R）</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>distance to and area of the nearest shelter</source>
        <translation>至最近避难场所的距离及其面积</translation>
    </message>
    <message>
        <location filename="../../work/main/ui/wizard/plans.py" line="159"/>
        <source>public green area per resident</source>
        <translation>人均公共绿地面积</translation>
    </message>
</context>
<context>
    <name>WritingMixin</name>
    <message>
        <location filename="../../work/main/algorithms/writing.py" line="112"/>
        <source>“{file}” is a Shapefile, which keeps field names of 10 bytes at most: {names}. Write a GeoPackage (.gpkg) to keep the full names.</source>
        <translation>“{file}”是 Shapefile，字段名最长只能有 10 个字节：{names}。如需保留完整字段名，请输出为 GeoPackage（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/writing.py" line="122"/>
        <source>“{file}” ({output}) holds a table only, and the result of this tool is the geometries: choose a GeoPackage (.gpkg) or another format with geometries.</source>
        <translation>“{file}”（{output}）只能存表格，而本工具的结果正是几何：请选择 GeoPackage（.gpkg）或其他带几何的格式。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/writing.py" line="128"/>
        <source>“{file}” holds a table only: the output keeps the attributes and no geometries. Write a GeoPackage (.gpkg) to keep them.</source>
        <translation>“{file}”只能存表格：输出只保留属性，不含几何。如需保留几何，请输出为 GeoPackage（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/writing.py" line="142"/>
        <source>The input's field “{field}” holds no whole numbers, and a GeoPackage takes a field of that name for its feature ids: the output calls it “{new}”.</source>
        <translation>输入的字段“{field}”不是整数，而 GeoPackage 把这个名字的字段当作要素编号：输出中改名为“{new}”。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/writing.py" line="190"/>
        <source>The input already has a field “{field}”: its values are replaced in the output.</source>
        <translation>输入图层已有字段“{field}”：输出中将替换该字段的值。</translation>
    </message>
</context>
<context>
    <name>ZonePvShare</name>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="64"/>
        <source>Rooftop PV share by zone</source>
        <translation>分区屋顶光伏占比</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="35"/>
        <source>Sums the rooftop PV yield and the energy demand of the buildings in each zone (parcel or planning unit) and gives their ratio: pv_share = min(Σ yield, Σ demand) / Σ demand, the share of the buildings' demand their roofs could cover in a year.

The buildings are typically the output of “Rooftop solar PV potential” run with the demand of “Building operational emissions” (fields pv_kwh_yr and energy_kwh). A building lies in the zone holding a point inside it; buildings in another CRS are reprojected to the zones'. No distance or area is measured.

Output fields: pv_kwh_yr and demand_kwh (kWh/a, missing values count 0), pv_share (the share of the demand met, 0–1: a yield beyond the demand meets no more of it; NULL where the zone's demand is 0), pv_share_est (1 where more than half of the zone's demand rests on default floors or a default use, as flagged by the demand field's “_est” field, e.g. energy_kwh_est of “Building operational emissions”: a planning check gives such zones no verdict on the share).</source>
        <translation>汇总每个分区（地块或规划单元）内建筑的屋顶光伏发电量和能耗，并给出二者之比：pv_share = min(Σ 发电量, Σ 能耗) / Σ 能耗，即屋顶一年可满足的建筑能耗比例。

建筑通常取自“屋顶光伏潜力”的输出，并以“建筑运行碳排放”的能耗作为需求（字段 pv_kwh_yr 和 energy_kwh）。建筑归属于包含其内部一点的分区；其他坐标参考系的建筑会重投影至分区的坐标参考系。不量算任何距离或面积。

输出字段：pv_kwh_yr 和 demand_kwh（kWh/a，缺失值按 0 计），pv_share（需求被满足的比例，0–1：超出需求的发电量不再计入；分区能耗为 0 时为 NULL），pv_share_est（分区一半以上的需求依赖默认层数或默认用途时为 1，依据需求字段的“_est”标记字段，如“建筑运行碳排放”的 energy_kwh_est；规划核查不对此类分区的光伏占比给出结论）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="51"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="51"/>
        <source>Parcels or planning units; the output is these zones.</source>
        <translation>地块或规划单元；输出即这些分区。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="53"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="53"/>
        <source>Buildings with their PV yield and energy demand.</source>
        <translation>带光伏发电量和能耗的建筑。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="55"/>
        <source>PV yield field (kWh/a)</source>
        <translation>光伏发电量字段（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="55"/>
        <source>Annual PV yield of each building's roof, e.g. pv_kwh_yr of “Rooftop solar PV potential”.</source>
        <translation>每栋建筑屋顶的年光伏发电量，如“屋顶光伏潜力”输出的 pv_kwh_yr。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="59"/>
        <source>Energy demand field (kWh/a)</source>
        <translation>能耗字段（kWh/a）</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="59"/>
        <source>Annual energy demand of each building, e.g. energy_kwh of “Building operational emissions”.</source>
        <translation>每栋建筑的年能耗，如“建筑运行碳排放”输出的 energy_kwh。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="64"/>
        <source>The zones with pv_kwh_yr, demand_kwh and pv_share added.</source>
        <translation>添加了 pv_kwh_yr、demand_kwh 和 pv_share 字段的分区图层。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="67"/>
        <source>PV share of the demand over all zones</source>
        <translation>全部分区的光伏发电量占能耗比例</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="75"/>
        <source>Choose the PV yield and the energy demand fields of the buildings.</source>
        <translation>请选择建筑的光伏发电量字段和能耗字段。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="102"/>
        <source>{n} zones' PV share rests mainly on buildings whose demand uses default floors or a default use (“{flag}”): pv_share_est = 1, and a planning check gives them no verdict on the share.</source>
        <translation>{n} 个单元的光伏占比主要依赖采用默认层数或默认用途的建筑需求（“{flag}”）：pv_share_est = 1，规划核查不对其光伏占比给出结论。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="107"/>
        <source>{n} buildings lie in no zone and count nowhere.</source>
        <translation>{n} 栋建筑不在任何分区内，不计入统计。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="110"/>
        <source>{n} zones have no energy demand: their pv_share stays empty (NULL).</source>
        <translation>{n} 个分区没有能耗：其 pv_share 为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="114"/>
        <source>The roofs yield {e:,.0f} kWh a year against a demand of {d:,.0f} kWh ({s:.1%}).</source>
        <translation>屋顶年发电 {e:,.0f} kWh，能耗为 {d:,.0f} kWh（{s:.1%}）。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="117"/>
        <source>The roofs in the zones yield {e:,.0f} kWh a year, and the buildings in the zones have no energy demand: the share of the demand met cannot be measured.</source>
        <translation>分区内屋顶年发电 {e:,.0f} kWh，而分区内建筑没有能耗：无法计算满足能耗的比例。</translation>
    </message>
    <message>
        <location filename="../../work/main/algorithms/zone_pv_share.py" line="120"/>
        <source>Rooftop PV yield of the buildings of each zone as a share of their energy demand. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>各分区建筑的屋顶光伏发电量占其能耗的比例。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
</TS>
