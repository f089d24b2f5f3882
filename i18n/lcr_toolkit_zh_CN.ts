<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BuildingEmissions</name>
    <message>
        <location filename="../algorithms/building_emissions.py" line="37"/>
        <source>Building operational emissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="40"/>
        <source>Estimates the energy each building uses in a year and the CO2 that energy emits.

Gross floor area (GFA) = footprint area × floors, unless a GFA field gives it. Energy = GFA × energy use intensity (EUI) of the building's use. CO2 = GFA × (electricity EUI × grid factor + fuel EUI × fuel factor).

The shipped EUI table (resources/factors/building_eui.csv) has one row per use with its source and year; its values are planning defaults not yet checked against GB/T 51161-2016, so results say they are unverified. Uses not in the table take the “default” row. The grid factor defaults to 0.5306 kgCO2/kWh, China's 2023 national average published by the Ministry of Ecology and Environment and the National Bureau of Statistics; the fuel factor defaults to natural gas (IPCC 2006, 56 100 kgCO2/TJ).

Areas are true areas: a layer in a geographic CRS or Web Mercator is measured in the UTM zone of its centre.

Output fields: gfa_m2 (m²), eui_kwh_m2 (kWh/m²·a), energy_kwh (kWh/a), co2_t_yr (t/a).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="56"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="56"/>
        <source>Building footprints (polygons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="59"/>
        <source>Floors field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="59"/>
        <source>Number of above-ground floors. Missing or zero values use the default floors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="63"/>
        <source>Default floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="63"/>
        <source>Floors assumed where the floors field is empty, zero or not given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="67"/>
        <source>Gross floor area field (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="67"/>
        <source>Where set and above zero, this floor area wins over footprint × floors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="71"/>
        <source>Use field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="71"/>
        <source>Building use, matched to the EUI table (e.g. residential, office, 住宅, 0701). Without it every building takes the “default” row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="76"/>
        <source>Energy use intensity table (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="76"/>
        <source>CSV with columns use, elec_kwh_m2, fuel_kwh_m2 (and optionally aliases separated by |). Replaces the shipped table; it needs a row named “default”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="80"/>
        <source>Grid emission factor (kgCO2/kWh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="80"/>
        <source>CO2 per kWh of electricity. Default: China&apos;s 2023 national average (MEE/NBS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="85"/>
        <source>Fuel emission factor (kgCO2/kWh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="85"/>
        <source>CO2 per kWh of fuel burnt on site. Default: natural gas (IPCC 2006).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="90"/>
        <source>Building emissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="90"/>
        <source>The buildings with gfa_m2, eui_kwh_m2, energy_kwh and co2_t_yr added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="92"/>
        <source>Total gross floor area (m²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="93"/>
        <source>Total CO2 (t/a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="143"/>
        <source>{n} buildings had no usable floors value and used the default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="146"/>
        <source>{n} buildings have a use the table does not list and took the “default” row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="149"/>
        <source>{n} buildings have no geometry: without a floor area field their results stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="152"/>
        <source>{n} invalid geometries were repaired for measuring; the output keeps them as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="157"/>
        <source>Unverified EUI values were used for: {uses}. Check them against local statistics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="159"/>
        <source>EUI table: {path}. Grid factor {grid} kgCO2/kWh, fuel factor {fuel} kgCO2/kWh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="161"/>
        <source>{n} buildings: {gfa:,.0f} m² gross floor area, {co2:,.1f} t CO2 a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/building_emissions.py" line="165"/>
        <source>Operational CO2 of buildings: GFA × EUI × emission factor. EUI table {path}; grid factor {grid} kgCO2/kWh; fuel factor {fuel} kgCO2/kWh. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FloodExposure</name>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="39"/>
        <source>Building flood exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="42"/>
        <source>Finds the buildings a flood hazard reaches and how deep the water stands there.

Each building takes the depth of the deepest hazard polygon it touches (0 where none). It is exposed where that depth is above the minimum depth. For exposed buildings the damage fraction comes from a depth-damage curve (default: Huizinga et al. 2017, JRC global depth-damage functions, Asia residential; marked unverified until checked against the report) and the exposed population from the population field.

The hazard may be in another CRS; it is reprojected to the buildings' CRS.

Output fields: depth_m (m), exposed (0/1), damage_fr (0–1), pop_exp (persons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="53"/>
        <source>Buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="53"/>
        <source>Building footprints (polygons).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="56"/>
        <source>Flood hazard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="56"/>
        <source>Polygons of a design flood event, each with a water depth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="59"/>
        <source>Depth field (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="59"/>
        <source>Water depth of each hazard polygon, in metres. Polygons without a depth are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="63"/>
        <source>Population field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="63"/>
        <source>Residents of each building; missing values count as 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="67"/>
        <source>Minimum depth (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="67"/>
        <source>A building is exposed where the water is deeper than this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="71"/>
        <source>Depth-damage curve (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="71"/>
        <source>CSV with columns depth_m, damage_fraction (depth increasing, fraction 0–1). Replaces the shipped curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="75"/>
        <source>Flood exposure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="75"/>
        <source>The buildings with depth_m, exposed, damage_fr and pop_exp added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="77"/>
        <source>Exposed buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="78"/>
        <source>Exposed population</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="110"/>
        <source>{n} invalid building geometries were repaired for the overlay; the output keeps them as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="113"/>
        <source>The depth-damage curve {path} is marked unverified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="115"/>
        <source>{n} buildings exposed (depth &gt; {d} m), {p:,.0f} residents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="117"/>
        <source>Flood exposure of buildings: deepest intersecting hazard depth, exposure above {d} m, damage from {path}. Made by the Low-Carbon &amp; Resilience Planning Toolkit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="129"/>
        <source>The hazard is reprojected from {a} to {b}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="135"/>
        <source>{n} hazard polygons have no depth and are ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="137"/>
        <source>No polygon of “{layer}” has a depth value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="140"/>
        <source>{n} invalid hazard geometries were repaired for the overlay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/flood_exposure.py" line="144"/>
        <source>The hazard does not overlap the buildings: no building is exposed. Check that both layers cover the same place.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LcrAlgorithm</name>
    <message>
        <location filename="../algorithms/base.py" line="104"/>
        <source>Low-carbon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="105"/>
        <source>Resilience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="132"/>
        <source>Cannot read the table {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="133"/>
        <source>The table {path} lacks the column(s) {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="134"/>
        <source>The table {path} has no rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="135"/>
        <source>The table {path}, line {line}: “{value}” in column {column} is not a number ≥ 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="137"/>
        <source>The table {path}, line {line}: “{value}” appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="138"/>
        <source>The table {path}, line {line}: {column} must increase from row to row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="140"/>
        <source>The table {path}, line {line}: {column} must lie between 0 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="142"/>
        <source>The energy table needs a row named “default” for uses it does not list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="144"/>
        <source>The default number of floors must be above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="145"/>
        <source>Emission factors cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="163"/>
        <source>“{layer}” holds {kind} geometries; {parameter} needs polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="168"/>
        <source>“{layer}” has no features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="179"/>
        <source>Field “{field}” is not in “{layer}”. Its fields are: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="183"/>
        <source>Field “{field}” of “{layer}” must be numeric; it holds {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="193"/>
        <source>“{layer}” has no CRS: areas are taken as planar, in square metres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="202"/>
        <source>Areas are measured in {target} because {crs} would distort them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="207"/>
        <source>Areas are measured in the layer&apos;s CRS {crs}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="267"/>
        <source>The input already has a field “{field}”: its values are replaced in the output.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LcrPlugin</name>
    <message>
        <location filename="../plugin.py" line="43"/>
        <source>The Low-Carbon &amp; Resilience toolkit needs these Python packages in QGIS&apos;s Python: {packages}. Install them (for example: python3 -m pip install &quot;shapely&gt;=2&quot;) and restart QGIS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="55"/>
        <source>Low-Carbon &amp; Resilience toolbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Open the Processing toolbox at the Low-Carbon &amp; Resilience tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="84"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="78"/>
        <source>Missing Python packages: {packages}. See the plugin&apos;s README to install them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="84"/>
        <source>Enable the Processing plugin (Plugins ▸ Manage and Install Plugins) to use the toolbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="92"/>
        <source>&amp;Low-Carbon &amp;&amp; Resilience</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LcrProvider</name>
    <message>
        <location filename="../provider.py" line="18"/>
        <source>Low-Carbon &amp; Resilience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider.py" line="39"/>
        <source>Cannot read the model {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
