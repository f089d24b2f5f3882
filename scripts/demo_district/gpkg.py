"""Writing the layers to a GeoPackage."""
import os
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

from .common import EPSG


def write_layer(ds, srs, name, geom_type, fields, rows, description):
    layer = ds.CreateLayer(name, srs, geom_type, options=["SPATIAL_INDEX=YES", "FID=fid", f"DESCRIPTION={description}"])
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for geom, attrs in rows:
        feature = ogr.Feature(defn)
        for key, value in attrs.items():
            if value is None:
                feature.SetFieldNull(key)
            else:
                feature.SetField(key, value.item() if isinstance(value, np.generic) else value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger
SCHEMA = {
    "planning_units": (ogr.wkbPolygon, [("unit_id", S), ("name", S), ("name_zh", S), ("pilot_type", S),
                                        ("pilot_type_zh", S)],
                       "Six pilot planning units that tile the demo district"),
    "parcels": (ogr.wkbPolygon, [("parcel_id", S), ("unit_id", S), ("lu_code", S), ("lu_name", S), ("lu_name_zh", S),
                                 ("far", R), ("green_ratio", R), ("residents", I),
                                 ("bioret_m2", R), ("perm_pave_m2", R), ("green_roof_m2", R), ("tank_m3", R)],
                "Land parcels, land use after China's territorial spatial use classification (2023)"),
    "buildings": (ogr.wkbPolygon, [("bldg_id", S), ("parcel_id", S), ("unit_id", S), ("floors", I), ("height_m", R),
                                   ("use", S), ("use_zh", S), ("residents", I), ("roof_type", S)],
                  "Building footprints; about 2% have no floor count on purpose"),
    "landcover": (ogr.wkbPolygon, [("lucode", I), ("class", S), ("class_zh", S)],
                  "Land cover without gaps or overlaps"),
    "roads": (ogr.wkbLineString, [("road_id", S), ("road_class", S), ("name", S), ("width_m", R)],
              "Road centre lines split at junctions; width_m is the red-line width"),
    "transit_stops": (ogr.wkbPoint, [("stop_id", S), ("stop_type", S), ("name", S), ("name_zh", S)],
                      "Rail stations and bus stops on road centre lines"),
    "flood_zones": (ogr.wkbPolygon, [("zone_id", S), ("depth_m", R), ("event", S)],
                    "Design-storm flood depth bands; deeper bands are nested inside shallower ones"),
    "shelters": (ogr.wkbPoint, [("shelter_id", S), ("name", S), ("name_zh", S), ("shelter_type", S),
                                ("eff_area_m2", R), ("capacity", I)],
                 "Emergency shelters; capacity is effective area / 2 m2 per person"),
    "facilities": (ogr.wkbPoint, [("fac_id", S), ("fac_type", S), ("name", S), ("name_zh", S)],
                   "Community facilities"),
    "green_spaces": (ogr.wkbPolygon, [("green_id", S), ("name", S), ("name_zh", S), ("park_type", S), ("area_m2", R)],
                     "Parks and protective green; geometries equal the 1401/1402 parcels"),
}


def write_geopackage(path, layers):
    # A fixed timestamp in gpkg_contents keeps reruns byte-for-byte comparable.
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2024-06-07T00:00:00.000Z")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(os.fspath(path))
    for name, (geom_type, fields, description) in SCHEMA.items():
        write_layer(ds, srs, name, geom_type, fields, layers[name], description)
    ds = None
