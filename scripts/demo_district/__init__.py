"""The demo district shipped with the plugin (resources/sample_data/demo_district.gpkg), layer by layer.

The district is invented. It is a 4 km x 3 km piece of a Jiangnan water-town city, modelled on
the edge of Jiaxing (Zhejiang), in EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres).
A canal-sized river meanders west to east through it and an old canal runs north from it. A bent,
roughly grid-like road network splits the land into blocks, blocks into parcels, and parcels carry
buildings whose density and height follow the land use. Names of places and roads are made up.

Run it with the project's venv:  .venv/bin/python scripts/make_demo_district.py [output.gpkg]
The same seed always writes the same features (numpy's default_rng is the only randomness).

Layers (all EPSG:4549, polygons single-part, spatial index on):
  planning_units  6 pilot units that tile the district, one per pilot type.
  parcels         land parcels with a land-use code of China's territorial spatial classification
                  (国土空间调查、规划、用途管制用地用海分类), FAR, green ratio, residents and
                  sponge-city LID measures (bioret_m2, perm_pave_m2, green_roof_m2, tank_m3; lid.py).
                  Parcels never overlap each other or road corridors; river parcels are water.
  buildings       footprints (rectangles and L-shapes, aligned to their parcel) with floors,
                  height, use, roof type and residents. About 2 % have no floors on purpose, as
                  surveyed building data has gaps; their height is missing too.
  landcover       a gap-free, overlap-free cover: built-up, road, water, green, trees, crops, bare.
  roads           centre lines split at every junction, so a routable graph can be built.
  transit_stops   2 rail stations and a few dozen bus stops, on road centre lines.
  flood_zones     nested depth bands of a 50-year design storm along the river and in low spots;
                  bands overlap by design (a deeper band lies inside a shallower one).
  shelters        emergency shelters in parks, schools and squares; two sit in a flood zone on
                  purpose, to give the resilience checks something to find.
  facilities      community facilities at the gates of matching parcels, each sited where most
                  residents reach it on foot along the roads (walk.py), the 5-minute ones grouped
                  in community service stations; deliberately uneven between units (the rural and
                  industrial units are under-served).
  green_spaces    park and protective-green parcels, with a park type and area.
"""
import numpy as np
import shapely
from shapely.geometry import box

from .buildings import building_rows, finish_buildings, populate
from .common import ORIGIN, SEED, SIZE, order_key
from .flood import calibrated_flood_zones, flood_rows
from .greens import green_rows, name_green_spaces
from .landcover import landcover
from .names import RESERVED_NAMES, name_stream
from .parcels import (make_blocks, make_parcels, parcel_rows, plan_industrial, plan_new_town, plan_old_quarter,
                      plan_village, plan_waterfront, plan_wetland, water_parcels)
from .points import place_facilities, place_shelters, rail_stations, stop_rows
from .roads import build_road_network, make_major_roads, road_corridors, road_rows
from .units import make_units, unit_rows, village_centres
from .walk import Walk
from .water import make_canal, make_river


def lay_out_site(rng):
    """Water, planning units and the road network: the frame everything else is placed in."""
    district = box(*ORIGIN, *(ORIGIN + SIZE))
    river_centre, river_poly = make_river(rng)
    _, canal_poly = make_canal(rng, river_centre)
    river_poly, canal_poly = river_poly.intersection(district), canal_poly.intersection(district)
    lines, majors = make_major_roads(rng, river_centre)
    units = make_units(district, lines, river_centre)
    names = name_stream(rng, RESERVED_NAMES)
    edges = build_road_network(rng, district, units, majors, river_poly, canal_poly, names)

    def roads_where(test):
        return shapely.union_all([e["geom"] for e in edges if test(e)])

    stations = rail_stations(edges, "Jiahe Avenue", (1550.0, 3250.0))
    return dict(district=district, river_centre=river_centre, river_poly=river_poly, canal_poly=canal_poly,
                water=shapely.union_all([river_poly, canal_poly]), units=units, names=names, edges=edges,
                corridors=road_corridors(edges, district), stations=stations,
                trunk=roads_where(lambda e: e["cls"] == "trunk"),
                arterials=roads_where(lambda e: e["cls"] in ("trunk", "primary")),
                keji=roads_where(lambda e: e["name"] == "Keji Road"),
                villages=village_centres(rng, units["U4"]))


def develop(rng, site):
    """Blocks, parcels with their land use, and buildings; parcels get ids in map order."""
    blocks = make_blocks(site["district"], site["corridors"], site["water"], site["units"])
    parcels = make_parcels(rng, blocks, site) + water_parcels(site["water"], site["corridors"], site["units"])
    for planner in (plan_new_town, plan_old_quarter, plan_industrial, plan_village, plan_wetland, plan_waterfront):
        planner(parcels, site, rng)
    parcels.sort(key=lambda p: (p["unit"], order_key(p["geom"])))
    populate(parcels, rng)
    for i, p in enumerate(parcels, 1):
        p["id"] = f"P{i:04d}"
    return parcels, finish_buildings(parcels, rng)


def generate(seed=SEED):
    """Every layer as {name: [(geometry, attributes), ...]}, and the share of buildings in a flood zone."""
    rng = np.random.default_rng(seed)
    site = lay_out_site(rng)
    parcels, buildings = develop(rng, site)
    layers = {
        "planning_units": unit_rows(site["units"]),
        "parcels": parcel_rows(parcels, rng, np.random.default_rng([seed, 1])),
        "buildings": building_rows(buildings),
        "landcover": landcover(parcels, site["corridors"], site["district"]),
        "roads": road_rows(site["edges"]),
        "transit_stops": stop_rows(site, rng),
    }
    zones, share = calibrated_flood_zones(int(rng.integers(1 << 31)), site["river_centre"], site["district"],
                                          site["stations"][1], [b["geom"] for b in buildings])
    layers["flood_zones"] = flood_rows(zones)
    name_green_spaces(parcels, site["edges"], site["names"])
    layers["green_spaces"] = green_rows(parcels)
    facilities = place_facilities(parcels, rng, site["names"], Walk([e["geom"] for e in site["edges"]]))
    layers["facilities"] = [(pt, dict(fac_id=f"F{i:03d}", fac_type=kind, name=name, name_zh=name_zh))
                            for i, (pt, kind, name, name_zh) in enumerate(facilities, 1)]
    layers["shelters"] = [(pt, dict(shelter_id=f"SH{i:02d}", name=name, name_zh=name_zh, shelter_type=kind,
                                    eff_area_m2=eff, capacity=cap))
                          for i, (pt, name, name_zh, kind, eff, cap) in enumerate(place_shelters(parcels, zones), 1)]
    return layers, share
