<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildingEmissions</name>
    <message>
        <location filename="../algorithms/building_emissions.py" line="36"/>
        <source>Building operational emissions</source>
        <translation>建筑运行碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="56"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="56"/>
        <source>Building footprints (polygons).</source>
        <translation>建筑基底轮廓（面）。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="59"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="59"/>
        <source>Number of above-ground floors. Missing or zero values use the default floors.</source>
        <translation>地上层数。缺失或为 0 时采用默认层数。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="63"/>
        <source>Default floors</source>
        <translation>默认层数</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="63"/>
        <source>Floors assumed where the floors field is empty, zero or not given.</source>
        <translation>层数字段为空、为 0 或未指定时采用的层数。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="67"/>
        <source>Gross floor area field (m²)</source>
        <translation>建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="67"/>
        <source>Where set and above zero, this floor area wins over footprint × floors.</source>
        <translation>该字段有值且大于 0 时，优先采用该建筑面积，而不按基底面积 × 层数计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="71"/>
        <source>Use field</source>
        <translation>用途字段</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="71"/>
        <source>Building use, matched to the EUI table (e.g. residential, office, 住宅, 0701). Without it every building takes the “default” row.</source>
        <translation>建筑用途，用于匹配 EUI 表（如 residential、office、住宅、0701）。未指定时，所有建筑均采用“default”行。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="76"/>
        <source>Energy use intensity table (CSV)</source>
        <translation>能耗强度表（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="76"/>
        <source>CSV with columns use, elec_kwh_m2, fuel_kwh_m2 (and optionally aliases separated by |). Replaces the shipped table; it needs a row named “default”.</source>
        <translation>包含 use、elec_kwh_m2、fuel_kwh_m2 列的 CSV（可另加 aliases 列，别名以 | 分隔）。用于替换插件自带的表，表中须有名为“default”的行。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="81"/>
        <source>Fuel emission factor (kgCO2/kWh)</source>
        <translation>燃料排放因子（kgCO2/kWh）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="81"/>
        <source>CO2 per kWh of fuel burnt on site. Default: natural gas (IPCC 2006).</source>
        <translation>现场燃烧每 kWh 燃料的 CO2 排放量。默认值：天然气（IPCC 2006）。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="86"/>
        <source>Building emissions</source>
        <translation>建筑碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="86"/>
        <source>The buildings with gfa_m2, eui_kwh_m2, energy_kwh and co2_t_yr added.</source>
        <translation>添加了 gfa_m2、eui_kwh_m2、energy_kwh 和 co2_t_yr 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="88"/>
        <source>Total gross floor area (m²)</source>
        <translation>总建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="89"/>
        <source>Total CO2 (t/a)</source>
        <translation>CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="139"/>
        <source>{n} buildings had no usable floors value and used the default.</source>
        <translation>{n} 栋建筑没有可用的层数值，已采用默认层数。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="142"/>
        <source>{n} buildings have a use the table does not list and took the “default” row.</source>
        <translation>{n} 栋建筑的用途未列在能耗强度表中，已采用“default”行。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="145"/>
        <source>{n} buildings have no geometry: without a floor area field their results stay empty.</source>
        <translation>{n} 栋建筑没有几何：如未指定建筑面积字段，其结果为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="148"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="153"/>
        <source>Unverified EUI values were used for: {uses}. Check them against local statistics.</source>
        <translation>以下用途采用了未核实的 EUI 值：{uses}。请对照本地统计数据进行核实。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="155"/>
        <source>EUI table: {path}. Grid factor {grid} kgCO2/kWh, fuel factor {fuel} kgCO2/kWh.</source>
        <translation>EUI 表：{path}。电网排放因子 {grid} kgCO2/kWh，燃料排放因子 {fuel} kgCO2/kWh。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="157"/>
        <source>{n} buildings: {gfa:,.0f} m² gross floor area, {co2:,.1f} t CO2 a year.</source>
        <translation>共 {n} 栋建筑：建筑面积 {gfa:,.0f} m²，年 CO2 排放 {co2:,.1f} t。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="161"/>
        <source>Operational CO2 of buildings: GFA × EUI × emission factor. EUI table {path}; grid factor {grid} kgCO2/kWh; fuel factor {fuel} kgCO2/kWh. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑运行 CO2 排放：建筑面积 × EUI × 排放因子。EUI 表 {path}；电网排放因子 {grid} kgCO2/kWh；燃料排放因子 {fuel} kgCO2/kWh。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="39"/>
        <source>Estimates the energy each building uses in a year and the CO2 that energy emits.

Gross floor area (GFA) = footprint area × floors, unless a GFA field gives it. Energy = GFA × energy use intensity (EUI) of the building's use. CO2 = GFA × (electricity EUI × grid factor + fuel EUI × fuel factor).

The shipped EUI table (resources/factors/building_eui.csv) has one row per use with its source and year; its values are planning defaults not yet checked against GB/T 51161-2016, so results say they are unverified. Uses not in the table take the “default” row. The grid factor comes from the region and year chosen (default: China's national average of the latest year, 0.5306 kgCO2/kWh for 2023, published by the Ministry of Ecology and Environment and the National Bureau of Statistics) unless you give your own; the fuel factor defaults to natural gas (IPCC 2006, 56 100 kgCO2/TJ).

Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM zone of its centre.

Output fields: gfa_m2 (m²), eui_kwh_m2 (kWh/m²·a), energy_kwh (kWh/a), co2_t_yr (t/a).</source>
        <translation>估算每栋建筑的年能耗及其产生的 CO2 排放。

建筑面积（GFA）= 基底面积 × 层数，若有建筑面积字段则直接采用该字段。能耗 = 建筑面积 × 该建筑用途的能耗强度（EUI）。CO2 = 建筑面积 × （电力 EUI × 电网排放因子 + 燃料 EUI × 燃料排放因子）。

插件自带的 EUI 表（resources/factors/building_eui.csv）每种用途一行，注明来源和年份；其数值为规划默认值，尚未对照 GB/T 51161-2016 核实，因此结果标注为未核实。表中未列出的用途采用“default”行。电网排放因子按所选区域和年份取值（默认：全国平均、最新年份，2023 年为 0.5306 kgCO2/kWh，由生态环境部、国家统计局发布），也可自行填写；燃料排放因子默认为天然气（IPCC 2006，56 100 kgCO2/TJ）。

面积为真实面积：地理坐标参考系或 Web Mercator 的图层在其中心所在的 UTM 带中量算。

输出字段：gfa_m2（m²）、eui_kwh_m2（kWh/m²·a）、energy_kwh（kWh/a）、co2_t_yr（t/a）。</translation>
    </message>
</context>
<context>
    <name>CarbonBalance</name>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="46"/>
        <source>Carbon balance of planning units</source>
        <translation>规划单元碳平衡</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="49"/>
        <source>Rolls the low-carbon results up to each planning unit and sets them against a target.

net (t/a) = building CO2 + transport CO2 − sequestration − CO2 avoided by rooftop PV.
Buildings (points or polygons, e.g. the output of Building operational emissions, or of Rooftop PV potential) are summed into the unit holding their representative point: building CO2 from co2_t_yr, avoided CO2 from pv_co2_t, and residents from a field you name. Transport CO2 is a field of the units (e.g. co2_t_yr of Transport emissions run on them) or a layer of zones no larger than the units, summed by representative point. Sinks (e.g. the output of Carbon stock and sequestration, seq_co2_t_yr) are shared out by the area of each sink polygon inside each unit. A component not given counts as 0 and the log names it; a default field name the layer does not have counts as not given.

net_t_cap = net / residents (residents from the units' field, else summed from the buildings); net_t_ha = net / unit area in hectares. target_gap_t = net − target per capita × residents, or net − target per hectare × area (with both, the larger gap); positive = over target, NULL without a target.

Output: the units with bldg_co2_t, trans_co2_t, seq_co2_t, pv_co2_t, net_co2_t (t/a), net_t_cap (t/person·a), net_t_ha (t/ha·a), target_gap_t (t/a). TOTAL_NET_CO2_T and UNITS_OVER_TARGET can feed the next step of a model.</source>
        <translation>将各项低碳计算结果汇总到每个规划单元，并与目标进行比较。

净排放（t/a）= 建筑 CO2 + 交通 CO2 − 固碳量 − 屋顶光伏避免的 CO2。
建筑（点或面，如“建筑运行碳排放”或“屋顶光伏潜力”的输出）按其代表点所在的单元汇总：建筑 CO2 取自 co2_t_yr，避免的 CO2 取自 pv_co2_t，居民取自您指定的字段。交通 CO2 可为单元的字段（如对单元运行“交通碳排放”得到的 co2_t_yr），也可为不大于单元的分区图层，按代表点汇总。碳汇（如“碳储量与固碳”的输出 seq_co2_t_yr）按每个碳汇面落在各单元内的面积分摊。未提供的分项按 0 计，并在日志中列出；图层中不存在的默认字段名视为未提供。

net_t_cap = 净排放 / 居民数（居民取自单元字段，否则由建筑汇总）；net_t_ha = 净排放 / 单元面积（公顷）。target_gap_t = 净排放 − 人均目标 × 居民数，或净排放 − 地均目标 × 面积（两者均给出时取较大的差距）；正值表示超出目标，未设目标时为 NULL。

输出：添加了 bldg_co2_t、trans_co2_t、seq_co2_t、pv_co2_t、net_co2_t（t/a）、net_t_cap（t/人·a）、net_t_ha（t/ha·a）、target_gap_t（t/a）字段的规划单元。TOTAL_NET_CO2_T 和 UNITS_OVER_TARGET 可供模型的下一步使用。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="70"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="70"/>
        <source>The units to balance (polygons); the output is these units.</source>
        <translation>需要计算碳平衡的单元（面）；输出即为这些单元。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="72"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="72"/>
        <source>Buildings with their annual CO2 (and optionally PV-avoided CO2 and residents), as points or footprints.</source>
        <translation>带有年 CO2 排放量（可另含光伏避免的 CO2 和居民数）的建筑，可为点或基底轮廓。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="77"/>
        <source>Building CO2 field (t/a)</source>
        <translation>建筑 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="77"/>
        <source>Operational CO2 of each building, t a year (co2_t_yr from Building operational emissions).</source>
        <translation>每栋建筑的年运行 CO2 排放量，单位 t（即“建筑运行碳排放”输出的 co2_t_yr）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="82"/>
        <source>PV-avoided CO2 field (t/a)</source>
        <translation>光伏避免 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="82"/>
        <source>CO2 avoided by each building&apos;s rooftop PV, t a year (pv_co2_t from Rooftop PV potential).</source>
        <translation>每栋建筑屋顶光伏每年避免的 CO2，单位 t（即“屋顶光伏潜力”输出的 pv_co2_t）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="87"/>
        <source>Building residents field</source>
        <translation>建筑居民字段</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="87"/>
        <source>Residents of each building, summed per unit when the units have no residents field.</source>
        <translation>每栋建筑的居民数；单元没有居民字段时按单元汇总。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="91"/>
        <source>Transport CO2 field of the units (t/a)</source>
        <translation>单元交通 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="91"/>
        <source>Transport CO2 of each unit, t a year (e.g. co2_t_yr of Transport emissions run on the units). Give this or a transport layer, not both.</source>
        <translation>每个单元的年交通 CO2 排放量，单位 t（如对单元运行“交通碳排放”得到的 co2_t_yr）。请在该字段与交通图层中二选一，不要同时提供。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="96"/>
        <source>Transport zones</source>
        <translation>交通分区</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="96"/>
        <source>Zones (or points) with transport CO2, summed into the unit holding their representative point: use zones no larger than the units.</source>
        <translation>带有交通 CO2 的分区（或点），按代表点汇总到所在单元：请使用不大于单元的分区。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="101"/>
        <source>Transport CO2 field of the zones (t/a)</source>
        <translation>分区交通 CO2 字段（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="101"/>
        <source>Transport CO2 of each zone, t a year.</source>
        <translation>每个分区的年交通 CO2 排放量，单位 t。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="105"/>
        <source>Carbon sinks</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="105"/>
        <source>Polygons with the CO2 their vegetation takes up each year (e.g. the output of Carbon stock and sequestration); each unit gets the share of a polygon&apos;s area inside it.</source>
        <translation>带有植被年吸收 CO2 量的面（如“碳储量与固碳”的输出）；每个单元按面落在其内的面积比例分得相应份额。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="109"/>
        <source>Sequestration field (tCO2/a)</source>
        <translation>固碳量字段（tCO2/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="109"/>
        <source>CO2 taken up by each sink polygon, t a year.</source>
        <translation>每个碳汇面的年 CO2 吸收量，单位 t。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="113"/>
        <source>Residents field of the units</source>
        <translation>单元居民字段</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="113"/>
        <source>Residents of each unit; wins over the buildings&apos; residents.</source>
        <translation>每个单元的居民数；优先于建筑的居民数。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="117"/>
        <source>Target (tCO2 per resident a year)</source>
        <translation>目标（每位居民每年 tCO2）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="117"/>
        <source>Allowed net CO2 per resident; the gap is net − target × residents.</source>
        <translation>人均允许的净 CO2 排放；差距 = 净排放 − 目标 × 居民数。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="121"/>
        <source>Target (tCO2 per hectare a year)</source>
        <translation>目标（每公顷每年 tCO2）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="121"/>
        <source>Allowed net CO2 per hectare of unit; the gap is net − target × area. With both targets the larger gap is kept.</source>
        <translation>单元每公顷允许的净 CO2 排放；差距 = 净排放 − 目标 × 面积。两个目标均给出时取较大的差距。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="126"/>
        <source>Carbon balance</source>
        <translation>碳平衡</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="126"/>
        <source>The planning units with the components, the net balance, its intensities and the gap to the target.</source>
        <translation>添加了各分项、净排放、排放强度及目标差距的规划单元。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="129"/>
        <source>Total net CO2 (t/a)</source>
        <translation>净 CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="130"/>
        <source>Units over target</source>
        <translation>超出目标的单元数</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="134"/>
        <source>A target cannot be negative (given: {value}).</source>
        <translation>目标不能为负值（当前值：{value}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="135"/>
        <source>A per-capita target needs residents: name a residents field of the units or of the buildings.</source>
        <translation>人均目标需要居民数：请指定单元或建筑的居民字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="149"/>
        <source>“{layer}” holds {kind} geometries; {parameter} needs {expected} geometries.</source>
        <translation>“{layer}”的几何类型为 {kind}；{parameter} 需要 {expected} 几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="163"/>
        <source>“{layer}” has no field “{field}”: that component is not given.</source>
        <translation>“{layer}”中没有字段“{field}”：该分项视为未提供。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="184"/>
        <source>Give transport CO2 either as a field of the units or as a transport layer, not both: both would count it twice.</source>
        <translation>交通 CO2 请以单元字段或交通图层二者之一提供，不要同时提供：否则会重复计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="188"/>
        <source>Name the transport CO2 field of “{layer}”.</source>
        <translation>请指定“{layer}”的交通 CO2 字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="191"/>
        <source>Name the sequestration field of “{layer}”.</source>
        <translation>请指定“{layer}”的固碳量字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="212"/>
        <source>building CO2</source>
        <translation>建筑 CO2</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="214"/>
        <source>PV-avoided CO2</source>
        <translation>光伏避免的 CO2</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="220"/>
        <source>{n} units have no transport CO2 value: counted as 0.</source>
        <translation>{n} 个单元没有交通 CO2 值：按 0 计。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="224"/>
        <source>transport zones</source>
        <translation>交通分区</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="227"/>
        <source>transport CO2</source>
        <translation>交通 CO2</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="233"/>
        <source>sequestration</source>
        <translation>固碳量</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="239"/>
        <source>Residents come from the units&apos; field, not from the buildings.</source>
        <translation>居民数取自单元字段，而非建筑。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="241"/>
        <source>{n} units have no residents value: their per-capita results are NULL.</source>
        <translation>{n} 个单元没有居民数：其人均结果为 NULL。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="261"/>
        <source>Not given, counted as 0: {parts}.</source>
        <translation>未提供、按 0 计：{parts}。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="264"/>
        <source>No residents given: net_t_cap is NULL.</source>
        <translation>未提供居民数：net_t_cap 为 NULL。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="265"/>
        <source>{n} units: buildings {b:,.1f} + transport {t:,.1f} − sinks {s:,.1f} − PV {p:,.1f} = net {net:,.1f} t CO2 a year.</source>
        <translation>{n} 个单元：建筑 {b:,.1f} + 交通 {t:,.1f} − 碳汇 {s:,.1f} − 光伏 {p:,.1f} = 年净排放 {net:,.1f} t CO2。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="270"/>
        <source>No target given: target_gap_t is NULL.</source>
        <translation>未设目标：target_gap_t 为 NULL。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="272"/>
        <source>{n} units are over the target.</source>
        <translation>{n} 个单元超出目标。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="273"/>
        <source>Carbon balance per planning unit: building + transport CO2 − sequestration − PV-avoided CO2, t a year, per resident and per hectare, and the gap to the target. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>规划单元碳平衡：建筑 CO2 + 交通 CO2 − 固碳量 − 光伏避免的 CO2，单位 t/a，并给出人均、地均值及目标差距。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="305"/>
        <source>{n} buildings lie outside every unit and are not counted.</source>
        <translation>{n} 栋建筑不在任何单元内，未计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="308"/>
        <source>{n} building CO2 values and {m} PV values are NULL: counted as 0.</source>
        <translation>{n} 个建筑 CO2 值和 {m} 个光伏值为 NULL：按 0 计。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="324"/>
        <source>{n} features of the {what} lie outside every unit and are not counted.</source>
        <translation>{what}中有 {n} 个要素不在任何单元内，未计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="337"/>
        <source>{n} invalid sink geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效碳汇几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_balance.py" line="342"/>
        <source>{t:,.1f} t CO2 a year of sequestration lies outside the units.</source>
        <translation>每年 {t:,.1f} t CO2 的固碳量位于单元之外。</translation>
    </message>
</context>
<context>
    <name>CarbonStock</name>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="51"/>
        <source>Carbon stock of land cover</source>
        <translation>土地覆被碳储量</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="54"/>
        <source>Estimates the carbon stored in vegetation and soil, for the current land cover and, optionally, for a plan, following the InVEST Carbon Storage and Sequestration model.

Each land-cover class has four carbon pools in tonnes of carbon per hectare (t C/ha, elemental carbon, not CO2): above-ground biomass, below-ground biomass, soil and dead matter. Stock (t C) = (c_above + c_below + c_soil + c_dead) × area (ha). CO2 equivalent = C × 44/12. Change = plan − baseline (negative: carbon lost). Where the table has a c_rate column (t C/ha/yr), annual sequestration = area × c_rate × 44/12 (t CO2/yr); InVEST itself has no rates.

Polygons: give a land-cover layer and its class field (an integer code matched to lucode, or a name matched to class); a scenario field gives the plan's class of the same polygon. Areas are true areas (a geographic or Web Mercator layer is measured in the UTM zone of its centre).
Rasters: instead of polygons, give a land-cover raster in a projected CRS (and a plan raster with the same CRS and pixel size); totals are summed per zone polygon, or over the whole raster without zones. Each pixel counts density × pixel area; nodata pixels are left out. A pixel belongs to the zone containing its centre.

Classes the table does not list are counted in the log and their carbon stays empty (NULL), never 0. The shipped table (resources/factors/carbon_pools.csv) is keyed to the demo district's codes (1 built_up … 7 bare); its values come from the InVEST User's Guide example (hypothetical), IPCC 2006 Vol. 4 defaults and Nowak et al. 2013 for urban trees, all marked unverified: replace them with local measurements. A planner's own InVEST table (lucode, c_above, c_below, c_soil, c_dead) works unchanged.

Output fields: area_ha (ha), c_stock_t (t C), co2e_t (t CO2e), with a plan c_scen_t and c_change_t (t C), with rates seq_co2_t_yr (t CO2/yr) and, with a plan, seq_scen_co2_t_yr.</source>
        <translation>参照 InVEST 碳储存与固碳模型，估算现状土地覆被（以及可选的规划方案）中植被和土壤储存的碳。

每种土地覆被类型有四个碳库，单位为每公顷碳吨数（t C/ha，为碳元素，而非 CO2）：地上生物量、地下生物量、土壤有机碳和死有机质。碳储量（t C）=（c_above + c_below + c_soil + c_dead）× 面积（ha）。CO2 当量 = C × 44/12。变化量 = 规划 − 基准（负值表示碳损失）。若表中有 c_rate 列（t C/ha/yr），年固碳量 = 面积 × c_rate × 44/12（t CO2/yr）；InVEST 本身不含固碳速率。

面图层：提供土地覆被图层及其类型字段（整数代码与 lucode 匹配，或名称与 class 匹配）；规划类型字段给出同一图斑在规划中的类型。面积为真实面积（地理坐标或 Web Mercator 图层在其中心所在的 UTM 带中量算）。
栅格：也可不用面图层，改为提供投影坐标参考系下的土地覆被栅格（以及坐标参考系和像元大小相同的规划栅格）；按分区面汇总，无分区时对整个栅格汇总。每个像元按密度 × 像元面积计；nodata 像元不计入。像元归属于其中心所在的分区。

表中未列出的类型会在日志中统计，其碳储量为空（NULL），而不是 0。插件自带的表（resources/factors/carbon_pools.csv）按示例区的代码编制（1 built_up … 7 bare）；其数值取自 InVEST 用户指南示例（假设值）、IPCC 2006 第 4 卷默认值以及 Nowak et al. 2013 的城市树木数据，均标注为未核实：请用本地实测数据替换。规划人员自有的 InVEST 表（lucode、c_above、c_below、c_soil、c_dead）可直接使用。

输出字段：area_ha（ha）、c_stock_t（t C）、co2e_t（t CO2e）；有规划方案时另有 c_scen_t 和 c_change_t（t C）；有固碳速率时另有 seq_co2_t_yr（t CO2/yr），有规划方案时还有 seq_scen_co2_t_yr。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="82"/>
        <source>Land-cover polygons</source>
        <translation>土地覆被面</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="82"/>
        <source>Land cover (or land use) as polygons. Leave empty to use a land-cover raster.</source>
        <translation>以面表示的土地覆被（或土地利用）。使用土地覆被栅格时留空。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="85"/>
        <source>Class field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="85"/>
        <source>Land-cover class of each polygon: an integer code (matched to the table&apos;s lucode) or a name (matched to class or aliases, ignoring case). Needed with polygons.</source>
        <translation>每个面的土地覆被类型：整数代码（与表中的 lucode 匹配）或名称（与 class 或 aliases 匹配，不区分大小写）。使用面图层时必填。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="90"/>
        <source>Plan class field</source>
        <translation>规划类型字段</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="90"/>
        <source>The class the plan gives the same polygon. Optional: adds c_scen_t and c_change_t.</source>
        <translation>规划中同一图斑的类型。可选：将添加 c_scen_t 和 c_change_t。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="94"/>
        <source>Land-cover raster</source>
        <translation>土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="94"/>
        <source>Instead of polygons: a land-cover raster of integer codes (band 1) in a projected CRS in metres. Codes are matched to the table&apos;s lucode.</source>
        <translation>替代面图层：以整数代码表示的土地覆被栅格（波段 1），须为以米为单位的投影坐标参考系。代码与表中的 lucode 匹配。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="98"/>
        <source>Plan land-cover raster</source>
        <translation>规划土地覆被栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="98"/>
        <source>The plan&apos;s land cover, with the same CRS and pixel size as the land-cover raster.</source>
        <translation>规划方案的土地覆被，坐标参考系和像元大小须与土地覆被栅格相同。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="101"/>
        <source>Zones for raster totals</source>
        <translation>栅格汇总分区</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="101"/>
        <source>Polygons (planning units, parcels) to sum the raster&apos;s carbon in. Reprojected to the raster&apos;s CRS if needed. Without zones the output is one polygon: the raster&apos;s extent.</source>
        <translation>用于汇总栅格碳储量的面（规划单元、地块）。必要时重投影至栅格的坐标参考系。无分区时，输出为一个面：栅格范围。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="105"/>
        <source>Carbon pools table (CSV)</source>
        <translation>碳库表（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="105"/>
        <source>CSV with lucode and/or class, c_above, c_below, c_soil, c_dead (t C/ha), optionally c_rate (t C/ha/yr), aliases, source, year, verified. An InVEST carbon table works as it is. Empty: the shipped table.</source>
        <translation>包含 lucode 和/或 class、c_above、c_below、c_soil、c_dead（t C/ha）列的 CSV，可另含 c_rate（t C/ha/yr）、aliases、source、year、verified 列。InVEST 碳库表可直接使用。留空则使用插件自带的表。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="110"/>
        <source>Carbon stock</source>
        <translation>碳储量</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="110"/>
        <source>The polygons (or zones) with area_ha, c_stock_t, co2e_t and, as available, c_scen_t, c_change_t, seq_co2_t_yr, seq_scen_co2_t_yr.</source>
        <translation>添加了 area_ha、c_stock_t、co2e_t 以及（视情况）c_scen_t、c_change_t、seq_co2_t_yr、seq_scen_co2_t_yr 字段的面（或分区）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="114"/>
        <source>Total carbon stock (t C)</source>
        <translation>碳储量总量（t C）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="115"/>
        <source>Total carbon stock (t CO2e)</source>
        <translation>碳储量总量（t CO2e）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="116"/>
        <source>Total change, plan − baseline (t C)</source>
        <translation>总变化量，规划 − 基准（t C）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="117"/>
        <source>Total annual sequestration, baseline (t CO2/yr)</source>
        <translation>年固碳总量，基准（t CO2/yr）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="119"/>
        <source>Total annual sequestration, plan (t CO2/yr)</source>
        <translation>年固碳总量，规划（t CO2/yr）</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="124"/>
        <source>The carbon table {path} needs a key column: lucode (land-cover code) or class (class name).</source>
        <translation>碳库表 {path} 需要一个键列：lucode（土地覆被代码）或 class（类型名称）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="126"/>
        <source>The carbon table {path}, line {line}: lucode “{value}” is not a whole number ≥ 0.</source>
        <translation>碳库表 {path} 第 {line} 行：lucode“{value}”不是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="128"/>
        <source>The carbon table {path}, line {line}: the row has neither a lucode nor a class.</source>
        <translation>碳库表 {path} 第 {line} 行：该行既没有 lucode 也没有 class。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="130"/>
        <source>The carbon table {path} has no lucode column, so it cannot match integer land-cover codes. Add a lucode column, or choose a text class field.</source>
        <translation>碳库表 {path} 没有 lucode 列，无法匹配整数土地覆被代码。请添加 lucode 列，或选择文本型类型字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="140"/>
        <source>Give either land-cover polygons or a land-cover raster (exactly one of the two).</source>
        <translation>请提供土地覆被面或土地覆被栅格（二者只能选其一）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="145"/>
        <source>Carbon table: {path}.</source>
        <translation>碳库表：{path}。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="147"/>
        <source>The carbon table has no c_rate column: sequestration is not computed.</source>
        <translation>碳库表没有 c_rate 列：不计算固碳量。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="155"/>
        <source>Unverified carbon pools were used for: {classes}. Check them against local measurements.</source>
        <translation>以下类型采用了未核实的碳库值：{classes}。请对照本地实测数据进行核实。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="158"/>
        <source>Carbon stock {c:,.1f} t C ({co2:,.1f} t CO2e); change plan − baseline {d:,.1f} t C; sequestration {s:,.1f} t CO2/yr.</source>
        <translation>碳储量 {c:,.1f} t C（{co2:,.1f} t CO2e）；规划 − 基准变化量 {d:,.1f} t C；固碳量 {s:,.1f} t CO2/yr。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="162"/>
        <source>Carbon stored in land cover (InVEST Carbon pools): stock = (c_above + c_below + c_soil + c_dead) × area, in t C; CO2e = C × 44/12. Pools from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>土地覆被碳储量（InVEST 碳库）：碳储量 =（c_above + c_below + c_soil + c_dead）× 面积，单位 t C；CO2e = C × 44/12。碳库取自 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="175"/>
        <source>Choose the class field of “{layer}”: the field holding each polygon's land-cover class.</source>
        <translation>请选择“{layer}”的类型字段：即存放每个面土地覆被类型的字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="181"/>
        <source>{parameter} is used only with a land-cover raster; it is ignored.</source>
        <translation>{parameter} 仅在使用土地覆被栅格时有效，此处将被忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="222"/>
        <source>{n} polygons ({ha:,.2f} ha) have a class the carbon table does not list ({values}); their carbon stays empty (NULL), not 0. Add these classes to the table.</source>
        <translation>{n} 个面（{ha:,.2f} ha）的类型未列在碳库表中（{values}）；其碳储量为空（NULL），而不是 0。请将这些类型添加到表中。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="227"/>
        <source>{n} polygons have no class value; their carbon stays empty (NULL).</source>
        <translation>{n} 个面没有类型值；其碳储量为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="230"/>
        <source>{n} polygons ({ha:,.2f} ha) have a plan class the carbon table does not list ({values}); their plan carbon and change stay empty (NULL).</source>
        <translation>{n} 个面（{ha:,.2f} ha）的规划类型未列在碳库表中（{values}）；其规划碳储量和变化量为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="235"/>
        <source>{n} polygons have no plan class; their plan carbon and change stay empty (NULL). Give unchanged polygons their current class.</source>
        <translation>{n} 个面没有规划类型；其规划碳储量和变化量为空（NULL）。未变化的面请填写其现状类型。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="239"/>
        <source>{n} polygons have no geometry: their results stay empty.</source>
        <translation>{n} 个面没有几何：其结果为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="242"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="244"/>
        <source>{n} polygons read.</source>
        <translation>已读取 {n} 个面。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="258"/>
        <source>“{layer}” has no CRS: its pixel size is taken as metres.</source>
        <translation>“{layer}”未设置坐标参考系：像元大小视为以米为单位。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="261"/>
        <source>Pixel area {a:g} m² in {crs}.</source>
        <translation>像元面积 {a:g} m²（{crs}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="275"/>
        <source>No zones: the totals cover the whole raster.</source>
        <translation>无分区：汇总结果覆盖整个栅格。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="302"/>
        <source>“{layer}” is not a raster file GDAL can read (provider {provider}). Save it as a GeoTIFF and run again.</source>
        <translation>“{layer}”不是 GDAL 可读取的栅格文件（数据提供者 {provider}）。请另存为 GeoTIFF 后重新运行。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="307"/>
        <source>“{layer}” is in {crs}, where pixels have no fixed area. Reproject it to a projected CRS in metres (Raster ▸ Projections ▸ Warp), e.g. the local CGCS2000 Gauss-Krüger zone, and run again.</source>
        <translation>“{layer}”采用 {crs}，其像元没有固定面积。请将其重投影至以米为单位的投影坐标参考系（栅格 ▸ 投影 ▸ 变形），如当地的 CGCS2000 高斯-克吕格投影带，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="313"/>
        <source>GDAL cannot open “{layer}” ({source}).</source>
        <translation>GDAL 无法打开“{layer}”（{source}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="319"/>
        <source>The plan raster is in {b}, the land-cover raster in {a}: both need the same CRS and pixel size. Warp the plan raster onto the land-cover raster (Raster ▸ Projections ▸ Warp) and run again.</source>
        <translation>规划栅格采用 {b}，土地覆被栅格采用 {a}：两者的坐标参考系和像元大小须相同。请将规划栅格变形对齐到土地覆被栅格（栅格 ▸ 投影 ▸ 变形）后重新运行。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="325"/>
        <source>The plan raster's pixels are {bx:g} × {by:g}, the land-cover raster's {ax:g} × {ay:g}: both need the same pixel size. Resample the plan raster onto the land-cover raster (Raster ▸ Projections ▸ Warp) and run again.</source>
        <translation>规划栅格的像元为 {bx:g} × {by:g}，土地覆被栅格为 {ax:g} × {ay:g}：两者的像元大小须相同。请将规划栅格重采样对齐到土地覆被栅格（栅格 ▸ 投影 ▸ 变形）后重新运行。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="333"/>
        <source>The plan raster covers a different extent from the land-cover raster: the change includes the difference in coverage.</source>
        <translation>规划栅格与土地覆被栅格的范围不同：变化量中包含覆盖范围差异的影响。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="343"/>
        <source>The zones are reprojected from {a} to the raster&apos;s CRS {b}; the output is in {b}.</source>
        <translation>分区已从 {a} 重投影至栅格的坐标参考系 {b}；输出采用 {b}。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="348"/>
        <source>{n} invalid zone geometries were repaired.</source>
        <translation>已修复 {n} 个无效分区几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="366"/>
        <source>The zones do not overlap the land-cover raster: check that both cover the same place.</source>
        <translation>分区与土地覆被栅格不重叠：请检查两者是否覆盖同一区域。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="380"/>
        <source>GDAL cannot read “{layer}”.</source>
        <translation>GDAL 无法读取“{layer}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="411"/>
        <source>“{layer}”: {n} pixels ({ha:,.2f} ha) have codes the carbon table does not list ({codes}); they are left out of the totals. Add these codes to the table.</source>
        <translation>“{layer}”：{n} 个像元（{ha:,.2f} ha）的代码未列在碳库表中（{codes}），未计入汇总。请将这些代码添加到表中。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="416"/>
        <source>“{layer}”: {ha:,.2f} ha of classified land cover lie outside every zone and are not counted.</source>
        <translation>“{layer}”：{ha:,.2f} ha 已分类的土地覆被不在任何分区内，未计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/carbon_stock.py" line="421"/>
        <source>“{layer}”: {n} zones contain no classified pixel; their values stay empty (NULL).</source>
        <translation>“{layer}”：{n} 个分区不含已分类像元；其值为空（NULL）。</translation>
    </message>
</context>
<context>
    <name>FloodExposure</name>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="39"/>
        <source>Building flood exposure</source>
        <translation>建筑洪涝暴露</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="42"/>
        <source>Finds the buildings a flood hazard reaches and how deep the water stands there.

Each building takes the depth of the deepest hazard polygon it touches (0 where none). It is exposed where that depth is above the minimum depth. For exposed buildings the damage fraction comes from a depth-damage curve (default: Huizinga et al. 2017, JRC global depth-damage functions, Asia residential; marked unverified until checked against the report) and the exposed population from the population field.

The hazard may be in another CRS; it is reprojected to the buildings' CRS.

Output fields: depth_m (m), exposed (0/1), damage_fr (0–1), pop_exp (persons).</source>
        <translation>找出洪涝淹没范围波及的建筑，以及建筑所在处的淹没深度。

每栋建筑取其相交的最深淹没面的深度（无相交时为 0）。该深度大于最小深度时，建筑记为暴露。暴露建筑的损失率由深度-损失曲线求得（默认：Huizinga et al. 2017，JRC 全球深度-损失函数，亚洲住宅；在对照原报告核实前标注为未核实），暴露人口取自人口字段。

淹没范围图层可采用其他坐标参考系，计算时将重投影至建筑图层的坐标参考系。

输出字段：depth_m（m）、exposed（0/1）、damage_fr（0–1）、pop_exp（人）。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="53"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="53"/>
        <source>Building footprints (polygons).</source>
        <translation>建筑基底轮廓（面）。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="56"/>
        <source>Flood hazard</source>
        <translation>洪涝淹没范围</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="56"/>
        <source>Polygons of a design flood event, each with a water depth.</source>
        <translation>设计洪涝情景的淹没范围面，每个面带有淹没深度。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="59"/>
        <source>Depth field (m)</source>
        <translation>淹没深度字段（m）</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="59"/>
        <source>Water depth of each hazard polygon, in metres. Polygons without a depth are ignored.</source>
        <translation>各淹没面的淹没深度，单位为米。没有深度值的面将被忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="63"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="63"/>
        <source>Residents of each building; missing values count as 0.</source>
        <translation>各建筑的常住人口；缺失值按 0 计。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="67"/>
        <source>Minimum depth (m)</source>
        <translation>最小深度（m）</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="67"/>
        <source>A building is exposed where the water is deeper than this.</source>
        <translation>淹没深度超过该值的建筑记为暴露。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="71"/>
        <source>Depth-damage curve (CSV)</source>
        <translation>深度-损失曲线（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="71"/>
        <source>CSV with columns depth_m, damage_fraction (depth increasing, fraction 0–1). Replaces the shipped curve.</source>
        <translation>包含 depth_m、damage_fraction 列的 CSV（深度递增，损失率取 0–1）。用于替换插件自带的曲线。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="75"/>
        <source>Flood exposure</source>
        <translation>洪涝暴露</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="75"/>
        <source>The buildings with depth_m, exposed, damage_fr and pop_exp added.</source>
        <translation>添加了 depth_m、exposed、damage_fr 和 pop_exp 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="77"/>
        <source>Exposed buildings</source>
        <translation>暴露建筑数</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="78"/>
        <source>Exposed population</source>
        <translation>暴露人口</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="109"/>
        <source>The depth-damage curve {path} is marked unverified.</source>
        <translation>深度-损失曲线 {path} 标注为未核实。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="111"/>
        <source>{n} buildings exposed (depth &gt; {d} m), {p:,.0f} residents.</source>
        <translation>{n} 栋建筑暴露（淹没深度 &gt; {d} m），涉及居民 {p:,.0f} 人。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="113"/>
        <source>Flood exposure of buildings: deepest intersecting hazard depth, exposure above {d} m, damage from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑洪涝暴露：取相交淹没面的最大深度，深度超过 {d} m 记为暴露，损失率依据 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="125"/>
        <source>The hazard is reprojected from {a} to {b}.</source>
        <translation>淹没范围图层已从 {a} 重投影至 {b}。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="131"/>
        <source>{n} hazard polygons have no depth and are ignored.</source>
        <translation>{n} 个淹没面没有深度值，已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="133"/>
        <source>No polygon of “{layer}” has a depth value.</source>
        <translation>“{layer}”中没有任何面具有深度值。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="136"/>
        <source>{n} invalid hazard geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效淹没面几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="140"/>
        <source>The hazard does not overlap the buildings: no building is exposed. Check that both layers cover the same place.</source>
        <translation>淹没范围与建筑不重叠，没有建筑暴露。请检查两个图层是否覆盖同一区域。</translation>
    </message>
</context>
<context>
    <name>LandUseMix</name>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="45"/>
        <source>Land-use mix and intensity</source>
        <translation>用地混合度与开发强度</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="48"/>
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
        <location filename="../algorithms/land_use_mix.py" line="75"/>
        <source>Land use</source>
        <translation>用地</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="75"/>
        <source>Land-use polygons, e.g. parcels, each with a land-use code.</source>
        <translation>用地面，如地块，每个面带有用地代码。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="77"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="77"/>
        <source>The units to measure (polygons); the output is these units.</source>
        <translation>需要计算的单元（面）；输出即为这些单元。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="79"/>
        <source>Land-use field</source>
        <translation>用地字段</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="79"/>
        <source>Land-use code or class of each polygon (e.g. 0701, or residential). Keep codes as text: a number field loses leading zeros.</source>
        <translation>每个面的用地代码或类别（如 0701 或 residential）。代码请以文本存储：数值型字段会丢失前导零。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="84"/>
        <source>Category field</source>
        <translation>类别字段</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="84"/>
        <source>A field mapping each polygon to a coarser category; where filled it is used as it is instead of the land-use field.</source>
        <translation>将每个面归入较粗类别的字段；有值时直接采用，替代用地字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="89"/>
        <source>Leading characters of the code that make the category</source>
        <translation>构成类别的代码前导字符数</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="89"/>
        <source>0 uses the land-use value as it is; 2 groups codes by their first two characters (0701, 0703 → 07).</source>
        <translation>0 表示直接采用用地值；2 表示按代码前两位归类（0701、0703 → 07）。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="94"/>
        <source>Categories to leave out (comma-separated)</source>
        <translation>不计入的类别（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="94"/>
        <source>Categories counted neither in the mix nor in the land area, e.g. “17, 12” for water and roads with two-character categories. They must match the category exactly.</source>
        <translation>既不计入混合度也不计入用地面积的类别，如采用两位类别时以“17, 12”表示水域和道路。须与类别完全一致。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="98"/>
        <source>Number of categories K in the entropy</source>
        <translation>信息熵中的类别数 K</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="98"/>
        <source>All categories present in the study area</source>
        <translation>研究区中出现的所有类别</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="98"/>
        <source>Categories present in the unit</source>
        <translation>单元中出现的类别</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="98"/>
        <source>A fixed number (K fixed)</source>
        <translation>固定数目（固定 K）</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="98"/>
        <source>The study area is the set of units. Comparing units needs one K for all: keep the default or a fixed K.</source>
        <translation>研究区即全部单元。比较各单元需要统一的 K：请保留默认值或使用固定 K。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="105"/>
        <source>K fixed</source>
        <translation>固定 K</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="105"/>
        <source>The number of categories K when K is fixed (e.g. the classes a plan distinguishes).</source>
        <translation>K 固定时的类别数（如规划所区分的类别数）。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="109"/>
        <source>Floor area ratio field</source>
        <translation>容积率字段</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="109"/>
        <source>Floor area ratio (容积率) of each polygon; floor area = FAR × its area.</source>
        <translation>每个面的容积率；建筑面积 = 容积率 × 面积。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="113"/>
        <source>Gross floor area field (m²)</source>
        <translation>建筑面积字段（m²）</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="113"/>
        <source>Gross floor area of each polygon; where above 0 it wins over the FAR field.</source>
        <translation>每个面的建筑面积；大于 0 时优先于容积率字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="117"/>
        <source>Residents field</source>
        <translation>居民字段</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="117"/>
        <source>Residents of each polygon; missing values count as 0.</source>
        <translation>每个面的居民数；缺失值按 0 计。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="121"/>
        <source>Jobs field</source>
        <translation>就业岗位字段</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="121"/>
        <source>Jobs located in each polygon; with residents it gives the jobs–housing ratio.</source>
        <translation>位于每个面内的就业岗位数；与居民数一起计算职住比。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="125"/>
        <source>Resident workers per resident</source>
        <translation>人均就业居民数</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="125"/>
        <source>Employed residents per resident, to turn residents into resident workers. 1 gives jobs per resident; a local employment rate gives the jobs–housing ratio (职住比), balanced near 1.</source>
        <translation>就业居民占居民的比例，用于将居民数换算为就业居民数。取 1 时得到人均就业岗位数；采用本地就业率时得到职住比，接近 1 为平衡。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="131"/>
        <source>Land-use mix</source>
        <translation>用地混合度</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="131"/>
        <source>The planning units with lum_entropy, lum_k, lum_hhi, far, density_pph and jobs_housing added.</source>
        <translation>添加了 lum_entropy、lum_k、lum_hhi、far、density_pph 和 jobs_housing 字段的规划单元。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="134"/>
        <source>Mean land-use entropy (area-weighted)</source>
        <translation>用地信息熵平均值（面积加权）</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="138"/>
        <source>A fixed K must be 2 or more (given: {value}).</source>
        <translation>固定 K 必须不小于 2（当前值：{value}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="139"/>
        <source>Unknown choice of K: {value}.</source>
        <translation>未知的 K 选项：{value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="140"/>
        <source>The number of leading characters cannot be negative.</source>
        <translation>前导字符数不能为负值。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="141"/>
        <source>Resident workers per resident must be above 0.</source>
        <translation>人均就业居民数必须大于 0。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="160"/>
        <source>K is set to a fixed number but “K fixed” is empty: give the number of categories.</source>
        <translation>K 设为固定数目，但“固定 K”为空：请填写类别数。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="164"/>
        <source>The land-use field is numeric: codes with a leading zero (0701) read as 701, so their first {n} characters are wrong. Store the codes as text.</source>
        <translation>用地字段为数值型：带前导零的代码（0701）会读作 701，因此前 {n} 个字符有误。请以文本存储代码。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="174"/>
        <source>{n} invalid unit geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效单元几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="178"/>
        <source>The land-use layer is reprojected from {a} to {b} for the overlay.</source>
        <translation>用地图层已从 {a} 重投影至 {b} 用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="195"/>
        <source>No classified land-use polygon of “{layer}” overlaps the planning units. Check that both layers cover the same place and that the land-use field is filled.</source>
        <translation>“{layer}”中没有已分类的用地面与规划单元重叠。请检查两个图层是否覆盖同一区域，以及用地字段是否已填写。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="214"/>
        <source>Land-use mix per planning unit: entropy −Σ p ln p / ln K ({k}), HHI Σ p², floor area ratio, residents per hectare and jobs–housing ratio. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>规划单元用地混合度：信息熵 −Σ p ln p / ln K（{k}）、HHI Σ p²、容积率、每公顷居民数和职住比。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="222"/>
        <source>K = {k}, all categories present in the study area</source>
        <translation>K = {k}，研究区中出现的所有类别</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="224"/>
        <source>K = categories present in each unit, {low} to {high}</source>
        <translation>K = 各单元中出现的类别数，{low} 至 {high}</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="226"/>
        <source>K fixed at {k}</source>
        <translation>K 固定为 {k}</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="231"/>
        <source>Entropy uses {ktext}. Categories in the study area ({n}): {cats}.</source>
        <translation>信息熵采用 {ktext}。研究区中的类别（{n} 个）：{cats}。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="234"/>
        <source>Left out of the mix and the land area: {cats} ({n} polygons).</source>
        <translation>不计入混合度和用地面积：{cats}（{n} 个面）。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="238"/>
        <source>{n} land-use polygons have no land-use value and are left out of the mix.</source>
        <translation>{n} 个用地面没有用地值，不计入混合度。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="241"/>
        <source>{n} land-use polygons lie outside every planning unit.</source>
        <translation>{n} 个用地面不在任何规划单元内。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="244"/>
        <source>{n} land-use polygons have neither a floor area nor a FAR value: their floor area counts as 0.</source>
        <translation>{n} 个用地面既无建筑面积也无容积率值：其建筑面积按 0 计。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="247"/>
        <source>{n} units have more categories than the fixed K: their entropy can exceed 1.</source>
        <translation>{n} 个单元的类别数多于固定 K：其信息熵可能大于 1。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="251"/>
        <source>{n} units hold no classified land: their entropy is NULL.</source>
        <translation>{n} 个单元没有已分类用地：其信息熵为 NULL。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="254"/>
        <source>{n} invalid land-use geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效用地几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="257"/>
        <source>{a:,.0f} of {b:,.0f} residents lie inside the planning units.</source>
        <translation>{b:,.0f} 名居民中有 {a:,.0f} 名位于规划单元内。</translation>
    </message>
    <message>
        <location filename="../algorithms/land_use_mix.py" line="259"/>
        <source>Mean land-use entropy, weighted by unit area: {m:.3f}.</source>
        <translation>按单元面积加权的用地信息熵平均值：{m:.3f}。</translation>
    </message>
</context>
<context>
    <name>LcrAlgorithm</name>
    <message>
        <location filename="../algorithms/base.py" line="108"/>
        <source>Low-carbon</source>
        <translation>低碳</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="109"/>
        <source>Resilience</source>
        <translation>韧性</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="139"/>
        <source>Cannot read the table {path}: {reason}</source>
        <translation>无法读取表格 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="140"/>
        <source>The table {path} lacks the column(s) {columns}.</source>
        <translation>表格 {path} 缺少列：{columns}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="141"/>
        <source>The table {path} has no rows.</source>
        <translation>表格 {path} 没有数据行。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="142"/>
        <source>The table {path}, line {line}: “{value}” in column {column} is not a number ≥ 0.</source>
        <translation>表格 {path} 第 {line} 行：{column} 列中的“{value}”不是 ≥ 0 的数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="144"/>
        <source>The table {path}, line {line}: “{value}” appears twice.</source>
        <translation>表格 {path} 第 {line} 行：“{value}”重复出现。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="145"/>
        <source>The table {path}, line {line}: {column} must increase from row to row.</source>
        <translation>表格 {path} 第 {line} 行：{column} 必须逐行递增。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="147"/>
        <source>The table {path}, line {line}: {column} must lie between 0 and 1.</source>
        <translation>表格 {path} 第 {line} 行：{column} 必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="149"/>
        <source>The energy table needs a row named “default” for uses it does not list.</source>
        <translation>能耗强度表须有一行名为“default”，用于表中未列出的用途。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="151"/>
        <source>The default number of floors must be above 0.</source>
        <translation>默认层数必须大于 0。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="152"/>
        <source>Emission factors cannot be negative.</source>
        <translation>排放因子不能为负值。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="240"/>
        <source>“{layer}” has no features.</source>
        <translation>“{layer}”中没有要素。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="251"/>
        <source>Field “{field}” is not in “{layer}”. Its fields are: {fields}.</source>
        <translation>“{layer}”中没有字段“{field}”。该图层的字段有：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="255"/>
        <source>Field “{field}” of “{layer}” must be numeric; it holds {kind}.</source>
        <translation>“{layer}”的字段“{field}”必须为数值型，当前为 {kind}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="265"/>
        <source>“{layer}” has no CRS: areas are taken as planar, in square metres.</source>
        <translation>“{layer}”未设置坐标参考系：面积按平面坐标计算，单位视为平方米。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="274"/>
        <source>Areas are measured in {target} because {crs} would distort them.</source>
        <translation>面积在 {target} 中量算，因为 {crs} 会使面积失真。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="279"/>
        <source>Areas are measured in the layer&apos;s CRS {crs}.</source>
        <translation>面积在图层的坐标参考系 {crs} 中量算。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="327"/>
        <source>The input already has a field “{field}”: its values are replaced in the output.</source>
        <translation>输入图层已有字段“{field}”：输出中将替换该字段的值。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="136"/>
        <source>The grid factor table has no region “{region}”.</source>
        <translation>电网排放因子表中没有区域“{region}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="137"/>
        <source>The grid factor table has no {year} value for {region}; it has: {years}.</source>
        <translation>电网排放因子表中没有 {region} 的 {year} 年数值；现有年份：{years}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="170"/>
        <source>National average</source>
        <translation>全国平均</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="171"/>
        <source>North China grid (Beijing, Tianjin, Hebei, Shanxi, Shandong, west Inner Mongolia)</source>
        <translation>华北电网（北京、天津、河北、山西、山东、内蒙古西部）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="172"/>
        <source>North-East grid</source>
        <translation>东北电网</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="173"/>
        <source>East China grid (Shanghai, Jiangsu, Zhejiang, Anhui, Fujian)</source>
        <translation>华东电网（上海、江苏、浙江、安徽、福建）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="174"/>
        <source>Central China grid</source>
        <translation>华中电网</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="175"/>
        <source>North-West grid (Shaanxi, Gansu, Qinghai, Ningxia, Xinjiang)</source>
        <translation>西北电网（陕西、甘肃、青海、宁夏、新疆）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="176"/>
        <source>South grid</source>
        <translation>南方电网</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="177"/>
        <source>South-West grid</source>
        <translation>西南电网</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="178"/>
        <source>National, excluding market-traded non-fossil power</source>
        <translation>全国（不含市场化交易的非化石能源电量）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="179"/>
        <source>National fossil-fuel power</source>
        <translation>全国化石能源电力</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="180"/>
        <source>Hebei province</source>
        <translation>河北省</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="181"/>
        <source>Fujian province</source>
        <translation>福建省</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="185"/>
        <source>Electricity grid region</source>
        <translation>电网区域</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="185"/>
        <source>Whose grid emission factor to use (MEE/NBS). Shanghai, Jiaxing, Xiamen and the Yangtze River Delta are in the East China grid, Xi&apos;an in the North-West, Xiong&apos;an in North China.</source>
        <translation>采用哪个区域的电网排放因子（生态环境部、国家统计局）。上海、嘉兴、厦门及长三角属于华东电网，西安属于西北电网，雄安属于华北电网。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="189"/>
        <source>Grid factor year</source>
        <translation>电网排放因子年份</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="189"/>
        <source>Year of the grid factor. Empty: the latest year published for the region.</source>
        <translation>电网排放因子的年份。留空：采用该区域最新发布的年份。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="193"/>
        <source>Grid emission factor (kgCO2/kWh)</source>
        <translation>电网排放因子（kgCO2/kWh）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="193"/>
        <source>A factor of your own. When set it wins over the region and year.</source>
        <translation>自定义排放因子。填写后优先于区域和年份。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="202"/>
        <source>Grid factor {f} kgCO2/kWh, as given.</source>
        <translation>电网排放因子 {f} kgCO2/kWh（用户指定）。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="210"/>
        <source>Grid factor {f} kgCO2/kWh: {region}, {year}. Source: {source}.</source>
        <translation>电网排放因子 {f} kgCO2/kWh：{region}，{year} 年。来源：{source}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="213"/>
        <source>This grid factor is marked unverified.</source>
        <translation>该电网排放因子标注为未核实。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="234"/>
        <source>“{layer}” holds {kind} geometries; {parameter} needs {expected} geometries.</source>
        <translation>“{layer}”的几何类型为 {kind}；{parameter} 需要 {expected} 几何。</translation>
    </message>
</context>
<context>
    <name>LcrPlugin</name>
    <message>
        <location filename="../plugin.py" line="43"/>
        <source>The Low-Carbon &amp; Resilience toolkit needs these Python packages in QGIS&apos;s Python: {packages}. Install them (for example: python3 -m pip install &quot;shapely&gt;=2&quot;) and restart QGIS.</source>
        <translation>低碳与韧性工具箱需要在 QGIS 的 Python 环境中安装以下 Python 包：{packages}。请先安装（例如：python3 -m pip install &quot;shapely&gt;=2&quot;），然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="55"/>
        <source>Low-Carbon &amp; Resilience toolbox</source>
        <translation>低碳与韧性工具箱</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Open the Processing toolbox at the Low-Carbon &amp; Resilience tools</source>
        <translation>打开处理工具箱并定位到低碳与韧性工具</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="84"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation>低碳与韧性</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="78"/>
        <source>Missing Python packages: {packages}. See the plugin&apos;s README to install them.</source>
        <translation>缺少 Python 包：{packages}。安装方法请参阅插件的 README。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="84"/>
        <source>Enable the Processing plugin (Plugins ▸ Manage and Install Plugins) to use the toolbox.</source>
        <translation>请先启用 Processing 插件（插件 ▸ 管理并安装插件），再使用工具箱。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="92"/>
        <source>&amp;Low-Carbon &amp;&amp; Resilience</source>
        <translation>低碳与韧性(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LcrProvider</name>
    <message>
        <location filename="../provider.py" line="18"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation>低碳与韧性</translation>
    </message>
    <message>
        <location filename="../provider.py" line="39"/>
        <source>Cannot read the model {path}.</source>
        <translation>无法读取模型 {path}。</translation>
    </message>
</context>
<context>
    <name>RooftopPv</name>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="48"/>
        <source>Rooftop solar PV potential</source>
        <translation>屋顶光伏潜力</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="51"/>
        <source>Estimates how much electricity PV modules on each building's roof could produce in a year, and the grid CO2 that electricity would avoid.

Usable roof area = footprint area × usable share of the roof type. Yield E (kWh/a) = usable roof area × H × η × PR, with H the annual irradiation on the module plane (kWh/m²·a), η the module efficiency and PR the performance ratio. Avoided CO2 (t/a) = E × grid factor / 1000. With a demand field, pv_share = E / demand.

The shipped roof table (resources/factors/pv_defaults.csv) gives usable shares for flat, pitched, green and industrial_metal roofs and a “default” row for the rest; its values are planning defaults within the 0.3–0.7 range, not survey data, and are marked unverified. The default irradiation, 1300 kWh/m²·a, is an UNVERIFIED planning value for the Yangtze River Delta (Shanghai, Jiaxing): it lies in the 1050–1400 kWh/m²·a band of China's solar resource grading (GB/T 31155-2014, recalled, not checked) and was not read from a primary data set. Give an irradiation raster (e.g. from UMEP SEBE or PVGIS) or a local value where you can. The efficiency (0.20) and performance ratio (0.80) defaults are typical values, also unverified. The run log warns whenever unverified values are used.

Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM zone of its centre. A raster is sampled at a point inside each footprint; buildings outside it or on nodata take the irradiation number.

Output fields: roof_m2 (usable roof, m²), irr_kwh_m2 (H used, kWh/m²·a), pv_kwh_yr (kWh/a), pv_co2_t (avoided t CO2/a) and, with a demand field, pv_share (yield / demand).</source>
        <translation>估算每栋建筑屋顶安装光伏组件后的年发电量，以及这些电量可避免的电网 CO2 排放。

可利用屋顶面积 = 基底面积 × 该屋顶类型的可利用比例。发电量 E（kWh/a）= 可利用屋顶面积 × H × η × PR，其中 H 为组件平面上的年太阳辐照量（kWh/m²·a），η 为组件效率，PR 为系统效率（性能比）。避免的 CO2（t/a）= E × 电网排放因子 / 1000。提供用电需求字段时，pv_share = E / 需求量。

插件自带的屋顶表（resources/factors/pv_defaults.csv）给出平屋顶（flat）、坡屋顶（pitched）、绿色屋顶（green）和工业金属屋顶（industrial_metal）的可利用比例，其余类型采用“default”行；其数值为 0.3–0.7 范围内的规划默认值，并非调查数据，标注为未核实。默认辐照量 1300 kWh/m²·a 是长三角地区（上海、嘉兴）的未核实规划取值：位于我国太阳能资源等级划分（GB/T 31155-2014，凭记忆引用，未核对）中 1050–1400 kWh/m²·a 区间，并非取自原始数据集。条件允许时请提供辐照量栅格（如 UMEP SEBE 或 PVGIS 的结果）或本地数值。组件效率（0.20）和系统效率（0.80）默认值为典型值，同样未核实。凡使用未核实数值时，运行日志都会给出警告。

面积为真实面积：地理坐标参考系或 Web Mercator 的图层在其中心所在的 UTM 带中量算。栅格在每个基底轮廓内的一点取样；位于栅格外或 nodata 处的建筑采用辐照量数值参数。

输出字段：roof_m2（可利用屋顶面积，m²）、irr_kwh_m2（所用 H，kWh/m²·a）、pv_kwh_yr（kWh/a）、pv_co2_t（避免的 t CO2/a），提供用电需求字段时另有 pv_share（发电量 / 需求量）。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="74"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="74"/>
        <source>Building footprints (polygons).</source>
        <translation>建筑基底轮廓（面）。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="77"/>
        <source>Roof type field</source>
        <translation>屋顶类型字段</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="77"/>
        <source>Roof type matched to the roof table (e.g. flat, pitched, green, industrial_metal, 平屋顶). Without it every building takes the “default” row.</source>
        <translation>屋顶类型，用于匹配屋顶表（如 flat、pitched、green、industrial_metal、平屋顶）。未指定时，所有建筑均采用“default”行。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="82"/>
        <source>Roof table (CSV)</source>
        <translation>屋顶表（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="82"/>
        <source>CSV with columns roof_type, usable_share (0–1) and optionally aliases separated by |, source, year, verified. Replaces the shipped table; it needs a row named “default”.</source>
        <translation>包含 roof_type、usable_share（0–1）列的 CSV，可另含 aliases（别名以 | 分隔）、source、year、verified 列。用于替换插件自带的表，表中须有名为“default”的行。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="87"/>
        <source>Annual irradiation on the modules (kWh/m²·a)</source>
        <translation>组件年太阳辐照量（kWh/m²·a）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="87"/>
        <source>Solar energy reaching the module plane in a year. Default 1300: an unverified planning value for the Yangtze River Delta. Used for every building, or where the raster has no value.</source>
        <translation>一年内到达组件平面的太阳能。默认 1300：长三角地区的未核实规划取值。适用于所有建筑，或栅格无值之处。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="93"/>
        <source>Irradiation raster (kWh/m²·a)</source>
        <translation>辐照量栅格（kWh/m²·a）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="93"/>
        <source>Optional raster of annual irradiation in kWh/m² (band 1), e.g. UMEP SEBE output, read with GDAL at a point inside each footprint. Nodata and buildings outside it take the number above. It may be in another CRS.</source>
        <translation>可选的年辐照量栅格，单位 kWh/m²（波段 1），如 UMEP SEBE 输出，用 GDAL 在每个基底轮廓内的一点读取。nodata 处及栅格外的建筑采用上面的数值。可采用其他坐标参考系。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="98"/>
        <source>Module efficiency</source>
        <translation>组件效率</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="98"/>
        <source>Share of the sunlight a module turns into electricity at standard test conditions (0.20 = 20 %; typical crystalline silicon 0.18–0.22).</source>
        <translation>标准测试条件下组件将太阳光转换为电能的比例（0.20 = 20 %；晶体硅组件一般为 0.18–0.22）。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="103"/>
        <source>Performance ratio</source>
        <translation>系统效率（性能比）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="103"/>
        <source>Share of the module's rated output a real system delivers after inverter, wiring, soiling, heat and shading losses (typical 0.75–0.85).</source>
        <translation>扣除逆变器、线路、积灰、高温和遮挡损失后，实际系统输出占组件额定输出的比例（一般为 0.75–0.85）。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="109"/>
        <source>Electricity demand field (kWh/a)</source>
        <translation>用电需求字段（kWh/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="109"/>
        <source>Annual energy demand of each building, e.g. energy_kwh from “Building operational emissions”. Adds pv_share = PV yield / demand (empty where demand is missing or 0).</source>
        <translation>每栋建筑的年能耗需求，如“建筑运行碳排放”输出的 energy_kwh。将添加 pv_share = 光伏发电量 / 需求量（需求缺失或为 0 时为空）。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="114"/>
        <source>Rooftop PV</source>
        <translation>屋顶光伏</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="114"/>
        <source>The buildings with roof_m2, irr_kwh_m2, pv_kwh_yr, pv_co2_t (and pv_share) added.</source>
        <translation>添加了 roof_m2、irr_kwh_m2、pv_kwh_yr、pv_co2_t（及 pv_share）字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="117"/>
        <source>Total PV yield (kWh/a)</source>
        <translation>光伏年发电总量（kWh/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="118"/>
        <source>Total avoided CO2 (t/a)</source>
        <translation>避免的 CO2 总量（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="122"/>
        <source>The roof table {path} needs a row named “default” for roof types it does not list.</source>
        <translation>屋顶表 {path} 须有一行名为“default”，用于表中未列出的屋顶类型。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="124"/>
        <source>The module efficiency must lie between 0 and 1; it is {value}.</source>
        <translation>组件效率必须介于 0 和 1 之间；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="125"/>
        <source>The performance ratio must lie between 0 and 1; it is {value}.</source>
        <translation>系统效率必须介于 0 和 1 之间；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="127"/>
        <source>The irradiation cannot be negative; it is {value}.</source>
        <translation>辐照量不能为负值；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="193"/>
        <source>Rooftop PV potential: footprint × usable share × {h} kWh/m²·a (or the raster) × η {eta} × PR {pr}; avoided CO2 at {grid} kgCO2/kWh. Roof table {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>屋顶光伏潜力：基底面积 × 可利用比例 × {h} kWh/m²·a（或栅格值）× η {eta} × PR {pr}；按 {grid} kgCO2/kWh 计算避免的 CO2。屋顶表 {path}。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="210"/>
        <source>The irradiation raster “{layer}” cannot be read with GDAL; save it as a GeoTIFF first.</source>
        <translation>GDAL 无法读取辐照量栅格“{layer}”；请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="221"/>
        <source>The irradiation raster or the buildings have no CRS: both are taken to be in the same one.</source>
        <translation>辐照量栅格或建筑图层未设置坐标参考系：视为两者采用同一坐标参考系。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="226"/>
        <source>Building points are reprojected from {a} to the raster&apos;s {b} for sampling.</source>
        <translation>建筑点已从 {a} 重投影至栅格的 {b} 用于取样。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="244"/>
        <source>Cannot reproject the buildings to the irradiation raster&apos;s CRS: {error}</source>
        <translation>无法将建筑重投影至辐照量栅格的坐标参考系：{error}</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="259"/>
        <source>No roof type field: every building takes the “default” usable share.</source>
        <translation>未指定屋顶类型字段：所有建筑均采用“default”可利用比例。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="262"/>
        <source>{n} buildings have a roof type the table does not list and took the “default” row: {types}.</source>
        <translation>{n} 栋建筑的屋顶类型未列在屋顶表中，已采用“default”行：{types}。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="266"/>
        <source>{n} buildings have no roof type and took the “default” row.</source>
        <translation>{n} 栋建筑没有屋顶类型，已采用“default”行。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="269"/>
        <source>{n} buildings have no geometry: their results stay empty.</source>
        <translation>{n} 栋建筑没有几何：其结果为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="272"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="276"/>
        <source>{n} buildings lie outside the irradiation raster or on nodata and took {h} kWh/m²·a.</source>
        <translation>{n} 栋建筑位于辐照量栅格之外或 nodata 处，采用 {h} kWh/m²·a。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="280"/>
        <source>The irradiation raster holds values up to {v}: it should be in kWh/m² a year (about 900–2500). Check its unit.</source>
        <translation>辐照量栅格的最大值为 {v}：其单位应为 kWh/m²·a（约 900–2500）。请检查其单位。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="284"/>
        <source>{n} buildings have no demand above 0: their pv_share stays empty.</source>
        <translation>{n} 栋建筑的用电需求不大于 0：其 pv_share 为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="289"/>
        <source>Unverified usable roof shares were used for: {types}. Check them against a local roof survey.</source>
        <translation>以下屋顶类型采用了未核实的可利用比例：{types}。请对照本地屋顶调查数据进行核实。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="293"/>
        <source>irradiation {v} kWh/m²·a</source>
        <translation>辐照量 {v} kWh/m²·a</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="295"/>
        <source>module efficiency {v}</source>
        <translation>组件效率 {v}</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="297"/>
        <source>performance ratio {v}</source>
        <translation>系统效率 {v}</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="299"/>
        <source>Unverified planning defaults were used: {values}.</source>
        <translation>采用了未核实的规划默认值：{values}。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="301"/>
        <source>Roof table: {path}. η {eta}, PR {pr}, grid factor {grid} kgCO2/kWh.</source>
        <translation>屋顶表：{path}。η {eta}，PR {pr}，电网排放因子 {grid} kgCO2/kWh。</translation>
    </message>
    <message>
        <location filename="../algorithms/rooftop_pv.py" line="303"/>
        <source>{n} buildings: {kwh:,.0f} kWh of PV a year, avoiding {co2:,.1f} t CO2.</source>
        <translation>共 {n} 栋建筑：光伏年发电量 {kwh:,.0f} kWh，避免 CO2 排放 {co2:,.1f} t。</translation>
    </message>
</context>
<context>
    <name>TransitCoverage</name>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="130"/>
        <source>Transit coverage</source>
        <translation>公共交通覆盖率</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="61"/>
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
        <location filename="../algorithms/transit_coverage.py" line="84"/>
        <source>Buildings or parcels</source>
        <translation>建筑或地块</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="84"/>
        <source>Polygons where people live: building footprints or residential parcels.</source>
        <translation>有人居住的面：建筑基底轮廓或居住用地地块。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="87"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="87"/>
        <source>Residents of each polygon; missing or negative values count as 0. Without it, coverage is the share of buildings.</source>
        <translation>每个面的居民数；缺失或负值按 0 计。未指定时，覆盖率按建筑数量比例计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="92"/>
        <source>Transit stops</source>
        <translation>公共交通站点</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="92"/>
        <source>Rail stations (or their entrances) and bus stops, as points.</source>
        <translation>轨道交通站点（或其出入口）和公交站点，以点表示。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="95"/>
        <source>Stop type field</source>
        <translation>站点类型字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="95"/>
        <source>Field of the stops telling rail from bus, e.g. stop_type.</source>
        <translation>用于区分轨道交通与公交的站点字段，如 stop_type。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="99"/>
        <source>Rail values</source>
        <translation>轨道交通取值</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="99"/>
        <source>Values of the stop type field meaning a rail station, separated by commas (case is ignored).</source>
        <translation>站点类型字段中表示轨道交通站点的取值，以逗号分隔（不区分大小写）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="103"/>
        <source>Bus values</source>
        <translation>公交取值</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="103"/>
        <source>Values of the stop type field meaning a bus stop, separated by commas. Stops of other types are ignored and counted in the log.</source>
        <translation>站点类型字段中表示公交站点的取值，以逗号分隔。其他类型的站点将被忽略，并在日志中统计。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="107"/>
        <source>Walking distance to rail (m)</source>
        <translation>至轨道交通站点的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="107"/>
        <source>A building is covered by rail within this distance (800 m: the rail-station coverage indicator of the master plan guide).</source>
        <translation>在此距离内的建筑计为轨道交通覆盖（800 m：总体规划指南中的轨道交通站点覆盖率指标）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="112"/>
        <source>Walking distance to bus (m)</source>
        <translation>至公交站点的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="112"/>
        <source>A building is covered by bus within this distance (500 m; 300 m is a stricter convention).</source>
        <translation>在此距离内的建筑计为公交覆盖（500 m；300 m 为更严格的惯例）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="117"/>
        <source>Walkable roads</source>
        <translation>步行道路</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="117"/>
        <source>Road or path centre lines, noded where they meet. With roads, distances are walked along them; without, they are straight lines.</source>
        <translation>道路或步道中心线，在相交处打断。提供道路时沿道路计算步行距离；否则采用直线距离。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="121"/>
        <source>Maximum distance to a road (m)</source>
        <translation>至道路的最大距离（m）</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="121"/>
        <source>Buildings and stops farther than this from every road are not on the network: they get no distance and are not covered.</source>
        <translation>距所有道路均超过此距离的建筑和站点不在路网上：不计算距离，也不计为覆盖。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="126"/>
        <source>Planning units</source>
        <translation>规划单元</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="126"/>
        <source>Polygons to report coverage for (planning units, communities). A building belongs to the unit containing its representative point.</source>
        <translation>用于统计覆盖率的面（规划单元、社区）。建筑归属于其代表点所在的单元。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="130"/>
        <source>The buildings with rail_m, bus_m, rail_cov, bus_cov and method added.</source>
        <translation>添加了 rail_m、bus_m、rail_cov、bus_cov 和 method 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="132"/>
        <source>Transit coverage by unit</source>
        <translation>分单元公共交通覆盖率</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="132"/>
        <source>The planning units with bldg, pop, pop_rail, pop_bus, rail_pct, bus_pct, bldg_rail_pct, bldg_bus_pct and method added. Needs planning units.</source>
        <translation>添加了 bldg、pop、pop_rail、pop_bus、rail_pct、bus_pct、bldg_rail_pct、bldg_bus_pct 和 method 字段的规划单元。需要提供规划单元。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="137"/>
        <source>Rail coverage (%)</source>
        <translation>轨道交通覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="138"/>
        <source>Bus coverage (%)</source>
        <translation>公交覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="142"/>
        <source>The roads layer has no line to walk along: give a layer of road centre lines, or leave Walkable roads empty for straight-line distances.</source>
        <translation>道路图层中没有可供步行的线：请提供道路中心线图层，或将“步行道路”留空以采用直线距离。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="145"/>
        <source>“{value}” is listed both as a rail and as a bus value: keep it in one list only.</source>
        <translation>“{value}”同时列为轨道交通和公交取值：请只保留在其中一个列表中。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="156"/>
        <source>Choose the field of the stops that tells rail from bus.</source>
        <translation>请选择用于区分轨道交通与公交的站点字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="173"/>
        <source>Distances are walked along the roads (network distance).</source>
        <translation>距离沿道路步行计算（路网距离）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="175"/>
        <source>No roads given: distances are straight lines (Euclidean), which over-state coverage where the way is blocked.</source>
        <translation>未提供道路：距离为直线距离（欧氏距离），在通行受阻之处会高估覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="229"/>
        <source>The population field sums to 0: coverage is the share of buildings.</source>
        <translation>人口字段合计为 0：覆盖率按建筑数量比例计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="252"/>
        <source>“{layer}” has no CRS: its coordinates are taken as metres.</source>
        <translation>“{layer}”未设置坐标参考系：其坐标视为以米为单位。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="257"/>
        <source>Distances are measured in the buildings&apos; CRS {crs}.</source>
        <translation>距离在建筑图层的坐标参考系 {crs} 中量算。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="263"/>
        <source>Distances are measured in {target} because {crs} is not a projected CRS in metres; the outputs keep their layers&apos; CRS.</source>
        <translation>距离在 {target} 中量算，因为 {crs} 不是以米为单位的投影坐标参考系；输出保留各自图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="283"/>
        <source>Give at least one rail value or bus value.</source>
        <translation>请至少填写一个轨道交通取值或公交取值。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="293"/>
        <source>No stop of “{layer}” has a {field} value listed as rail ({rail}) or bus ({bus}). Its values are: {values}.</source>
        <translation>“{layer}”中没有任何站点的 {field} 值属于轨道交通（{rail}）或公交（{bus}）取值。其现有取值为：{values}。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="300"/>
        <source>{n} stops have another {field} value and are ignored: {values}.</source>
        <translation>{n} 个站点的 {field} 为其他取值，已忽略：{values}。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="304"/>
        <source>{n} stops have no geometry and are ignored.</source>
        <translation>{n} 个站点没有几何，已忽略。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="306"/>
        <source>{r} rail stations and {b} bus stops.</source>
        <translation>轨道交通站点 {r} 个，公交站点 {b} 个。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="308"/>
        <source>No rail station: rail distances stay empty and rail coverage is 0.</source>
        <translation>没有轨道交通站点：轨道交通距离为空，轨道交通覆盖率为 0。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="310"/>
        <source>No bus stop: bus distances stay empty and bus coverage is 0.</source>
        <translation>没有公交站点：公交距离为空，公交覆盖率为 0。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="317"/>
        <source>Road network: {nodes} nodes, {edges} segments, {km:.1f} km in {parts} connected piece(s); the largest holds {share:.0f} % of the length.</source>
        <translation>路网：{nodes} 个节点，{edges} 个路段，共 {km:.1f} km，分为 {parts} 个连通部分；最大的部分占总长度的 {share:.0f} %。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="323"/>
        <source>{n} road ends touch another road without sharing a vertex with it, so the two are not connected. Node the roads first (e.g. Split with lines, with the roads as both inputs).</source>
        <translation>{n} 个道路端点与其他道路接触但不共享节点，因此两者并未连通。请先打断道路（如使用“用线分割”，道路同时作为两个输入）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="333"/>
        <source>{n} rail stations are farther than {d} m from every road and are left out.</source>
        <translation>{n} 个轨道交通站点距所有道路均超过 {d} m，未计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="336"/>
        <source>{n} bus stops are farther than {d} m from every road and are left out.</source>
        <translation>{n} 个公交站点距所有道路均超过 {d} m，未计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="344"/>
        <source>{n} invalid planning unit geometries were repaired for the overlay.</source>
        <translation>已修复 {n} 个无效规划单元几何用于叠加分析。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="352"/>
        <source>The input already has a field “{field}”: its values are replaced in the output.</source>
        <translation>输入图层已有字段“{field}”：输出中将替换该字段的值。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="362"/>
        <source>No planning units given: the coverage by unit is not written.</source>
        <translation>未提供规划单元：不输出分单元覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="380"/>
        <source>Coverage written for {n} planning units.</source>
        <translation>已输出 {n} 个规划单元的覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="387"/>
        <source>Transit coverage by planning unit ({method} distances). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>分规划单元公共交通覆盖率（{method} 距离）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="396"/>
        <source>{n} buildings have no geometry: they are left out of the shares.</source>
        <translation>{n} 栋建筑没有几何：不计入比例。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="399"/>
        <source>{n} buildings are farther than {d} m from every road: they count as not covered.</source>
        <translation>{n} 栋建筑距所有道路均超过 {d} m：计为未覆盖。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="403"/>
        <source>{n} buildings near a road have no path to any rail station: their roads are not connected to the stations&apos; roads.</source>
        <translation>{n} 栋道路附近的建筑没有通往任何轨道交通站点的路径：其所在道路与站点所在道路不连通。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="407"/>
        <source>{n} buildings near a road have no path to any bus stop: their roads are not connected to the stops&apos; roads.</source>
        <translation>{n} 栋道路附近的建筑没有通往任何公交站点的路径：其所在道路与站点所在道路不连通。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="411"/>
        <source>{n} buildings have a missing or negative population, counted as 0.</source>
        <translation>{n} 栋建筑的人口缺失或为负值，按 0 计。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="414"/>
        <source>{n} invalid geometries were repaired for the calculation; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于计算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="417"/>
        <source>No building is within walking distance of any stop: check that the layers cover the same place.</source>
        <translation>没有建筑位于任何站点的步行距离内：请检查各图层是否覆盖同一区域。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="420"/>
        <source>Rail: {pr:,.0f} of {p:,.0f} residents ({rp:.1f} %) within {rd} m. Bus: {pb:,.0f} residents ({bp:.1f} %) within {bd} m.</source>
        <translation>轨道交通：{p:,.0f} 名居民中有 {pr:,.0f} 名（{rp:.1f} %）位于 {rd} m 内。公交：{pb:,.0f} 名居民（{bp:.1f} %）位于 {bd} m 内。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="425"/>
        <source>Buildings: {br:.0f} of {b:.0f} ({brp:.1f} %) within {rd} m of rail, {bb:.0f} ({bbp:.1f} %) within {bd} m of bus.</source>
        <translation>建筑：{b:.0f} 栋中有 {br:.0f} 栋（{brp:.1f} %）位于轨道交通站点 {rd} m 内，{bb:.0f} 栋（{bbp:.1f} %）位于公交站点 {bd} m 内。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="433"/>
        <source>Transit coverage of buildings: walking distance along the roads (buildings and stops up to {s} m from a road) to the nearest rail station (covered within {r} m) and bus stop (within {b} m). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑公共交通覆盖率：沿道路至最近轨道交通站点（{r} m 内为覆盖）和公交站点（{b} m 内）的步行距离（建筑和站点距道路不超过 {s} m）。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/transit_coverage.py" line="437"/>
        <source>Transit coverage of buildings: straight-line distance to the nearest rail station (covered within {r} m) and bus stop (within {b} m). Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑公共交通覆盖率：至最近轨道交通站点（{r} m 内为覆盖）和公交站点（{b} m 内）的直线距离。由低碳与韧性规划工具箱生成。</translation>
    </message>
</context>
<context>
    <name>TransportEmissions</name>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="38"/>
        <source>Walking share field</source>
        <translation>步行比例字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="39"/>
        <source>Cycling share field</source>
        <translation>自行车比例字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="40"/>
        <source>Bus share field</source>
        <translation>公交比例字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="41"/>
        <source>Rail share field</source>
        <translation>轨道交通比例字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="42"/>
        <source>Car share field</source>
        <translation>小汽车比例字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="45"/>
        <source>Passenger transport emissions</source>
        <translation>客运交通碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="48"/>
        <source>Estimates the CO2 of the trips the residents of each zone make in a year, by mode, and the share of their trips made by green modes (ASIF method: activity × structure × intensity × fuel).

Trips a year = population × trips per person per day × 365. For each mode, passenger-km = trips × mode share × mean trip length. CO2 (t/a) = Σ passenger-km × kgCO2 per passenger-km / 1000; electric modes (metro, light rail, e-bus) use kWh per passenger-km × the grid factor. Green-transport share = trips by walking, cycling, bus and rail / all trips.

Population comes from a field of the zones. Planning units rarely carry one: sum the residents of buildings or parcels into the zones first (e.g. with QGIS “Join attributes by location (summary)”, sum of residents) and pick that field. Only residents' trips are counted: trips into the zone by workers living elsewhere belong to their home zones.

The shipped mode table (resources/factors/transport_factors.csv) has walk, bike, bus, rail and car. Its emission factors are UK DEFRA 2007 example values (car 0.1021 kgCO2/pkm at 2 occupants, bus 0.0891; rail as 0.1225 kWh/pkm, i.e. DEFRA light rail 0.0650 kgCO2/pkm at China's 2023 grid factor) because Chinese factors were not found; its shares and trip lengths are an example, not survey data. Every row is marked unverified and the log warns: replace the table with local travel-survey data. Your own table needs the columns mode, share, trip_km, kg_co2_pkm and/or kwh_pkm, green (0/1); shares must sum to 1.

Zones may carry their own mode shares (fractions 0–1) in the advanced share fields: a given share replaces the table's for that zone, and the modes without a field share the rest in the table's proportions. Zones whose shares cannot sum to 1 are left empty and counted.

Output fields: pkm_&lt;mode&gt; for each mode of the table (passenger-km a year; pkm_walk, pkm_bike, pkm_bus, pkm_rail, pkm_car with the shipped table), co2_t_yr (t/a), co2_kg_cap (kg per resident a year) and green_share (0–1).</source>
        <translation>估算每个分区居民每年出行按交通方式产生的 CO2，以及绿色交通出行比例（ASIF 方法：出行活动 × 出行结构 × 能耗强度 × 燃料排放因子）。

年出行次数 = 人口 × 人均日出行率 × 365。各交通方式的人公里 = 出行次数 × 方式分担率 × 平均出行距离。CO2（t/a）= Σ 人公里 × 每人公里 kgCO2 / 1000；电动方式（地铁、轻轨、电动公交）采用每人公里 kWh × 电网排放因子。绿色交通出行比例 = 步行、自行车、公交和轨道交通出行次数 / 全部出行次数。

人口取自分区的字段。规划单元通常没有人口字段：请先将建筑或地块的居民数汇总到分区（如使用 QGIS“按位置连接属性（汇总）”，对居民数求和），再选择该字段。仅统计居民的出行：居住在其他分区的就业者进入本分区的出行计入其居住分区。

插件自带的交通方式表（resources/factors/transport_factors.csv）包含 walk、bike、bus、rail 和 car。由于未找到中国的排放因子，其数值采用英国 DEFRA 2007 示例值（小汽车 0.1021 kgCO2/pkm，按每车 2 人计；公交 0.0891；轨道交通为 0.1225 kWh/pkm，即按中国 2023 年电网排放因子折算的 DEFRA 轻轨 0.0650 kgCO2/pkm）；其分担率和出行距离仅为示例，并非调查数据。每行均标注为未核实，日志会给出警告：请用本地居民出行调查数据替换该表。自定义表需包含 mode、share、trip_km、kg_co2_pkm 和/或 kwh_pkm、green（0/1）列；各分担率之和须为 1。

分区可在高级参数的比例字段中给出自己的方式分担率（0–1 的小数）：给出的比例替代该分区在表中的比例，没有字段的交通方式按表中比例分配其余部分。比例之和无法为 1 的分区结果为空，并计入统计。

输出字段：表中每种交通方式的 pkm_&lt;mode&gt;（年人公里；使用自带表时为 pkm_walk、pkm_bike、pkm_bus、pkm_rail、pkm_car）、co2_t_yr（t/a）、co2_kg_cap（每位居民每年 kg）和 green_share（0–1）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="74"/>
        <source>Zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="74"/>
        <source>Zones whose residents travel, e.g. planning units, communities or grid cells (polygons).</source>
        <translation>居民出行所在的分区，如规划单元、社区或网格（面）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="77"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="77"/>
        <source>Residents of each zone. Zones with no value are left empty and counted.</source>
        <translation>每个分区的常住人口。无值的分区结果为空，并计入统计。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="81"/>
        <source>Trips per person per day</source>
        <translation>人均日出行次数</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="81"/>
        <source>Average trips a resident makes on a day, all modes together. Default 2.5 is an unverified planning example; take it from the local resident travel survey.</source>
        <translation>居民每天的平均出行次数（各交通方式合计）。默认值 2.5 为未核实的规划示例；请采用本地居民出行调查数据。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="86"/>
        <source>Mode table (CSV)</source>
        <translation>交通方式表（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="86"/>
        <source>CSV with one row per mode: mode, share (of trips, summing to 1), trip_km, kg_co2_pkm and/or kwh_pkm (electric modes), green (0/1), and optionally source, year, verified. Replaces the shipped table.</source>
        <translation>每种交通方式一行的 CSV：mode、share（出行比例，合计为 1）、trip_km、kg_co2_pkm 和/或 kwh_pkm（电动方式）、green（0/1），可另含 source、year、verified 列。用于替换插件自带的表。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="92"/>
        <source>The zone's own share of trips by the mode “{mode}” (0–1). Empty values keep the table's share.</source>
        <translation>该分区交通方式“{mode}”的出行比例（0–1）。为空时采用表中的比例。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="98"/>
        <source>Transport emissions</source>
        <translation>交通碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="98"/>
        <source>The zones with pkm_&lt;mode&gt;, co2_t_yr, co2_kg_cap and green_share added.</source>
        <translation>添加了 pkm_&lt;mode&gt;、co2_t_yr、co2_kg_cap 和 green_share 字段的分区图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="100"/>
        <source>Total transport CO2 (t/a)</source>
        <translation>交通 CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="101"/>
        <source>Green-transport share (0–1)</source>
        <translation>绿色交通出行比例（0–1）</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="105"/>
        <source>The mode shares in {path} sum to {total}; they must sum to 1 (fractions of all trips, e.g. 0.25 for 25 %).</source>
        <translation>{path} 中各交通方式比例之和为 {total}；其和须为 1（占全部出行的比例，如 25 % 填 0.25）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="108"/>
        <source>The table {path}, line {line}: green must be 0 or 1, not “{value}”.</source>
        <translation>表格 {path} 第 {line} 行：green 必须为 0 或 1，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="109"/>
        <source>The table {path}, line {line}: the mode “{mode}” needs kg_co2_pkm or kwh_pkm (0 for walking and cycling).</source>
        <translation>表格 {path} 第 {line} 行：交通方式“{mode}”需要 kg_co2_pkm 或 kwh_pkm（步行和自行车填 0）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="112"/>
        <source>The table {path}, line {line}: the mode “{value}” must be a short lower-case name (letters, digits, _; at most 12 characters): it becomes the field pkm_&lt;mode&gt;.</source>
        <translation>表格 {path} 第 {line} 行：交通方式“{value}”须为简短的小写名称（字母、数字、_；最多 12 个字符）：它将成为字段 pkm_&lt;mode&gt;。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="115"/>
        <source>A share field is given for the mode “{mode}”, which the mode table {path} does not have. Its modes are: {modes}.</source>
        <translation>为交通方式“{mode}”指定了比例字段，但交通方式表 {path} 中没有该方式。表中的方式有：{modes}。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="118"/>
        <source>Trips per person per day cannot be negative; it is {value}.</source>
        <translation>人均日出行次数不能为负值；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="173"/>
        <source>Passenger transport CO2 of residents (ASIF): population × {rate} trips/day × 365 × mode share × trip length × kgCO2/pkm; mode table {path}; grid factor {grid} kgCO2/kWh. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>居民客运交通 CO2（ASIF）：人口 × {rate} 次/日 × 365 × 方式分担率 × 出行距离 × kgCO2/pkm；交通方式表 {path}；电网排放因子 {grid} kgCO2/kWh。由低碳与韧性规划工具箱生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="193"/>
        <source>Mode table: {path}.</source>
        <translation>交通方式表：{path}。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="196"/>
        <source>{mode}: share {share:.3f}, {km} km a trip, {kwh} kWh/pkm × {grid} = {f:.4f} kgCO2/pkm.</source>
        <translation>{mode}：比例 {share:.3f}，每次出行 {km} km，{kwh} kWh/pkm × {grid} = {f:.4f} kgCO2/pkm。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="200"/>
        <source>{mode}: share {share:.3f}, {km} km a trip, {f:.4f} kgCO2/pkm.</source>
        <translation>{mode}：比例 {share:.3f}，每次出行 {km} km，{f:.4f} kgCO2/pkm。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="207"/>
        <source>Unverified mode shares, trip lengths or emission factors are used for: {modes}. The shipped factors are UK DEFRA 2007 examples, not Chinese values; replace them with local data.</source>
        <translation>以下交通方式采用了未核实的分担率、出行距离或排放因子：{modes}。自带因子为英国 DEFRA 2007 示例值，并非中国数值；请用本地数据替换。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="214"/>
        <source>{n} zones have no population value (or a negative one): their results stay empty.</source>
        <translation>{n} 个分区没有人口值（或为负值）：其结果为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="217"/>
        <source>{n} zones have their own mode shares that are negative or cannot sum to 1: their results stay empty. Shares are fractions of all trips (0.25 for 25 %).</source>
        <translation>{n} 个分区自有的方式分担率为负值或之和无法为 1：其结果为空。比例为占全部出行的小数（25 % 填 0.25）。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="221"/>
        <source>{n} zones use their own mode shares.</source>
        <translation>{n} 个分区采用了自有的方式分担率。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="223"/>
        <source>The trip rate {rate} trips per person per day is an unverified planning example.</source>
        <translation>出行率 {rate} 次/人·日为未核实的规划示例值。</translation>
    </message>
    <message>
        <location filename="../algorithms/transport_emissions.py" line="226"/>
        <source>{n} zones: {co2:,.1f} t CO2 a year from residents&apos; trips; green-transport share {share}.</source>
        <translation>共 {n} 个分区：居民出行年 CO2 排放 {co2:,.1f} t；绿色交通出行比例 {share}。</translation>
    </message>
</context>
</TS>
