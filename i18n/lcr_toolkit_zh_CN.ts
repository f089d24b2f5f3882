<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildingEmissions</name>
    <message>
        <location filename="../algorithms/building_emissions.py" line="37"/>
        <source>Building operational emissions</source>
        <translation>建筑运行碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="40"/>
        <source>Estimates the energy each building uses in a year and the CO2 that energy emits.

Gross floor area (GFA) = footprint area × floors, unless a GFA field gives it. Energy = GFA × energy use intensity (EUI) of the building's use. CO2 = GFA × (electricity EUI × grid factor + fuel EUI × fuel factor).

The shipped EUI table (resources/factors/building_eui.csv) has one row per use with its source and year; its values are planning defaults not yet checked against GB/T 51161-2016, so results say they are unverified. Uses not in the table take the “default” row. The grid factor defaults to 0.5306 kgCO2/kWh, China's 2023 national average published by the Ministry of Ecology and Environment and the National Bureau of Statistics; the fuel factor defaults to natural gas (IPCC 2006, 56 100 kgCO2/TJ).

Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM zone of its centre.

Output fields: gfa_m2 (m²), eui_kwh_m2 (kWh/m²·a), energy_kwh (kWh/a), co2_t_yr (t/a).</source>
        <translation>估算每栋建筑一年的用能量及其产生的 CO2 排放。

建筑面积（GFA）= 基底面积 × 层数；如有建筑面积字段，则直接采用该字段。能耗 = 建筑面积 × 该建筑用途的能耗强度（EUI）。CO2 = 建筑面积 ×（电力 EUI × 电网排放因子 + 燃料 EUI × 燃料排放因子）。

插件自带的 EUI 表（resources/factors/building_eui.csv）每种用途一行，并注明来源和年份；表中数值为规划默认值，尚未对照 GB/T 51161-2016 核实，因此结果标注为未核实。表中未列出的用途采用“default”行。电网排放因子默认为 0.5306 kgCO2/kWh，即生态环境部、国家统计局发布的 2023 年全国电力平均二氧化碳排放因子；燃料排放因子默认取天然气（IPCC 2006，56 100 kgCO2/TJ）。

面积按实际面积计算：采用地理坐标参考系或 Web Mercator 的图层，在其中心所在的 UTM 投影带中量算。

输出字段：gfa_m2（m²）、eui_kwh_m2（kWh/m²·a）、energy_kwh（kWh/a）、co2_t_yr（t/a）。</translation>
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
        <location filename="../algorithms/building_emissions.py" line="80"/>
        <source>Grid emission factor (kgCO2/kWh)</source>
        <translation>电网排放因子（kgCO2/kWh）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="80"/>
        <source>CO2 per kWh of electricity. Default: China&apos;s 2023 national average (MEE/NBS).</source>
        <translation>每 kWh 电力的 CO2 排放量。默认值：2023 年全国电力平均排放因子（生态环境部、国家统计局）。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="85"/>
        <source>Fuel emission factor (kgCO2/kWh)</source>
        <translation>燃料排放因子（kgCO2/kWh）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="85"/>
        <source>CO2 per kWh of fuel burnt on site. Default: natural gas (IPCC 2006).</source>
        <translation>现场燃烧每 kWh 燃料的 CO2 排放量。默认值：天然气（IPCC 2006）。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="90"/>
        <source>Building emissions</source>
        <translation>建筑碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="90"/>
        <source>The buildings with gfa_m2, eui_kwh_m2, energy_kwh and co2_t_yr added.</source>
        <translation>添加了 gfa_m2、eui_kwh_m2、energy_kwh 和 co2_t_yr 字段的建筑图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="92"/>
        <source>Total gross floor area (m²)</source>
        <translation>总建筑面积（m²）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="93"/>
        <source>Total CO2 (t/a)</source>
        <translation>CO2 排放总量（t/a）</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="143"/>
        <source>{n} buildings had no usable floors value and used the default.</source>
        <translation>{n} 栋建筑没有可用的层数值，已采用默认层数。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="146"/>
        <source>{n} buildings have a use the table does not list and took the “default” row.</source>
        <translation>{n} 栋建筑的用途未列在能耗强度表中，已采用“default”行。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="149"/>
        <source>{n} buildings have no geometry: without a floor area field their results stay empty.</source>
        <translation>{n} 栋建筑没有几何：如未指定建筑面积字段，其结果为空。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="152"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation>已修复 {n} 个无效几何用于面积量算；输出中保留其原有几何。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="157"/>
        <source>Unverified EUI values were used for: {uses}. Check them against local statistics.</source>
        <translation>以下用途采用了未核实的 EUI 值：{uses}。请对照本地统计数据进行核实。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="159"/>
        <source>EUI table: {path}. Grid factor {grid} kgCO2/kWh, fuel factor {fuel} kgCO2/kWh.</source>
        <translation>EUI 表：{path}。电网排放因子 {grid} kgCO2/kWh，燃料排放因子 {fuel} kgCO2/kWh。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="161"/>
        <source>{n} buildings: {gfa:,.0f} m² gross floor area, {co2:,.1f} t CO2 a year.</source>
        <translation>共 {n} 栋建筑：建筑面积 {gfa:,.0f} m²，年 CO2 排放 {co2:,.1f} t。</translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="165"/>
        <source>Operational CO2 of buildings: GFA × EUI × emission factor. EUI table {path}; grid factor {grid} kgCO2/kWh; fuel factor {fuel} kgCO2/kWh. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation>建筑运行 CO2 排放：建筑面积 × EUI × 排放因子。EUI 表 {path}；电网排放因子 {grid} kgCO2/kWh；燃料排放因子 {fuel} kgCO2/kWh。由低碳与韧性规划工具箱生成。</translation>
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
    <name>LcrAlgorithm</name>
    <message>
        <location filename="../algorithms/base.py" line="106"/>
        <source>Low-carbon</source>
        <translation>低碳</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="107"/>
        <source>Resilience</source>
        <translation>韧性</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="134"/>
        <source>Cannot read the table {path}: {reason}</source>
        <translation>无法读取表格 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="135"/>
        <source>The table {path} lacks the column(s) {columns}.</source>
        <translation>表格 {path} 缺少列：{columns}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="136"/>
        <source>The table {path} has no rows.</source>
        <translation>表格 {path} 没有数据行。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="137"/>
        <source>The table {path}, line {line}: “{value}” in column {column} is not a number ≥ 0.</source>
        <translation>表格 {path} 第 {line} 行：{column} 列中的“{value}”不是 ≥ 0 的数值。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="139"/>
        <source>The table {path}, line {line}: “{value}” appears twice.</source>
        <translation>表格 {path} 第 {line} 行：“{value}”重复出现。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="140"/>
        <source>The table {path}, line {line}: {column} must increase from row to row.</source>
        <translation>表格 {path} 第 {line} 行：{column} 必须逐行递增。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="142"/>
        <source>The table {path}, line {line}: {column} must lie between 0 and 1.</source>
        <translation>表格 {path} 第 {line} 行：{column} 必须介于 0 和 1 之间。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="144"/>
        <source>The energy table needs a row named “default” for uses it does not list.</source>
        <translation>能耗强度表须有一行名为“default”，用于表中未列出的用途。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="146"/>
        <source>The default number of floors must be above 0.</source>
        <translation>默认层数必须大于 0。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="147"/>
        <source>Emission factors cannot be negative.</source>
        <translation>排放因子不能为负值。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="165"/>
        <source>“{layer}” holds {kind} geometries; {parameter} needs polygons.</source>
        <translation>“{layer}”的几何类型为{kind}，而“{parameter}”需要面图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="170"/>
        <source>“{layer}” has no features.</source>
        <translation>“{layer}”中没有要素。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="181"/>
        <source>Field “{field}” is not in “{layer}”. Its fields are: {fields}.</source>
        <translation>“{layer}”中没有字段“{field}”。该图层的字段有：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="185"/>
        <source>Field “{field}” of “{layer}” must be numeric; it holds {kind}.</source>
        <translation>“{layer}”的字段“{field}”必须为数值型，当前为 {kind}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="195"/>
        <source>“{layer}” has no CRS: areas are taken as planar, in square metres.</source>
        <translation>“{layer}”未设置坐标参考系：面积按平面坐标计算，单位视为平方米。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="204"/>
        <source>Areas are measured in {target} because {crs} would distort them.</source>
        <translation>面积在 {target} 中量算，因为 {crs} 会使面积失真。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="209"/>
        <source>Areas are measured in the layer&apos;s CRS {crs}.</source>
        <translation>面积在图层的坐标参考系 {crs} 中量算。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="257"/>
        <source>The input already has a field “{field}”: its values are replaced in the output.</source>
        <translation>输入图层已有字段“{field}”：输出中将替换该字段的值。</translation>
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
</TS>
