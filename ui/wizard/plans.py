"""What the wizard asks for at each planning level: the model it runs, the layers, fields and design values.

This mirrors the parameters of the ready-made models (resources/models/*.model3); the wizard
builds its pages from it, and ``run.model_parameters`` turns the answers into the model's
parameter dict, so the wizard and the toolbox run the same thing.
"""
from dataclasses import dataclass

from qgis.core import QgsFieldProxyModel, QgsMapLayerProxyModel
from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate
POLYGON = QgsMapLayerProxyModel.Filter.PolygonLayer
LINE = QgsMapLayerProxyModel.Filter.LineLayer
POINT = QgsMapLayerProxyModel.Filter.PointLayer
NUMERIC = QgsFieldProxyModel.Filter.Numeric
STRING = QgsFieldProxyModel.Filter.String


@dataclass(frozen=True)
class LayerRole:
    param: str          # model parameter, also the key in WizardState.layers
    kind: int           # QgsMapLayerProxyModel filter
    label: str
    guess: str          # key of field_guess.LAYER_NAMES
    optional: bool = False   # the model runs without it (its fields are then not asked for)


@dataclass(frozen=True)
class FieldRole:
    param: str          # model parameter, also the key in WizardState.fields
    layer: str          # LayerRole.param of the layer holding the field
    label: str
    purpose: str        # shown next to the chosen field: what it will be used for
    guess: str          # key of field_guess.FIELD_NAMES
    numeric: bool = False
    optional: bool = False
    text_numbers: bool = False   # numeric, but a text field is read too (floors as 12层, 12F)


@dataclass(frozen=True)
class ValueRole:
    param: str          # model parameter, also the key in WizardState.values; its default is the model's
    label: str
    purpose: str
    kind: str           # "number", "text" or "csv" (a file)
    optional: bool = False


@dataclass(frozen=True)
class Plan:
    level: str
    algorithm: str
    units: str          # LayerRole.param of the checked layer
    unit_id: str        # FieldRole.param naming each unit
    layers: tuple
    fields: tuple
    default_profile: str
    values: tuple = ()


def _shared_layers():
    return (
        LayerRole("buildings", POLYGON, translate("WizardPlan", "Buildings"), "buildings"),
        LayerRole("landcover", POLYGON, translate("WizardPlan", "Land cover"), "landcover"),
        LayerRole("roads", LINE, translate("WizardPlan", "Roads"), "roads"),
    )


def _service_layers(flood_optional=True):
    """Hazards, shelters, facilities and green spaces: read by both levels' checks. Both run without flood
    zones (OpenStreetMap has none): the master check uses them only to leave flooded shelters out, the
    detailed check's flood rules are then not assessed."""
    return (
        LayerRole("flood_zones", POLYGON, translate("WizardPlan", "Flood zones"), "flood_zones",
                  optional=flood_optional),
        LayerRole("shelters", POINT, translate("WizardPlan", "Emergency shelters"), "shelters"),
        LayerRole("facilities", POINT, translate("WizardPlan", "Public facilities"), "facilities"),
        LayerRole("green_spaces", POLYGON, translate("WizardPlan", "Parks and green spaces"), "green_spaces"),
    )


def _building_fields():
    return (
        FieldRole("residents_field", "buildings", translate("WizardPlan", "Residents"),
                  translate("WizardPlan", "people living in each building: per-capita indicators, transport, "
                                          "people reached by shelters"), "residents", numeric=True),
        FieldRole("floors_field", "buildings", translate("WizardPlan", "Floors"),
                  translate("WizardPlan", "floor area = footprint × floors, for building energy and CO2"),
                  "floors", numeric=True, text_numbers=True),
        FieldRole("use_field", "buildings", translate("WizardPlan", "Building use"),
                  translate("WizardPlan", "energy use per m² by use (residential, office, …)"), "use"),
        FieldRole("roof_field", "buildings", translate("WizardPlan", "Roof type"),
                  translate("WizardPlan", "usable roof share for rooftop solar"), "roof", optional=True),
        FieldRole("class_field", "landcover", translate("WizardPlan", "Land-cover class code"),
                  translate("WizardPlan", "integer class: carbon stock, runoff, impervious share"),
                  "landcover_class", numeric=True),
    )


def _design_rainfall():
    return ValueRole("design_rainfall_mm", translate("WizardPlan", "Design rainfall (mm)"),
                     translate("WizardPlan", "the storm whose runoff and retention are checked (sponge city)"),
                     "number")


def _lid_fields():
    """The parcels' sponge-city (LID) storage, optional: without it the runoff control rate is 0."""
    purpose = translate("WizardPlan", "sponge-city storage of the parcel: the runoff control rate")
    measures = (
        ("bioretention_field", translate("WizardPlan", "Bioretention area (m²)"), "bioretention"),
        ("permeable_paving_field", translate("WizardPlan", "Permeable paving area (m²)"), "permeable_paving"),
        ("green_roof_field", translate("WizardPlan", "Green roof area (m²)"), "green_roof"),
        ("tank_field", translate("WizardPlan", "Storage tank volume (m³)"), "tank"))
    return tuple(FieldRole(param, "parcels", label, purpose, guess, numeric=True, optional=True)
                 for param, label, guess in measures)


def master_plan():
    units = LayerRole("units", POLYGON, translate("WizardPlan", "Planning units"), "units")
    return Plan(
        level="master", algorithm="lcr:master_plan_check", units="units", unit_id="unit_id_field",
        default_profile="cn_master",
        values=(
            _design_rainfall(),
            ValueRole("impervious_classes", translate("WizardPlan", "Impervious land-cover classes"),
                      translate("WizardPlan", "class codes, comma-separated, counted as sealed surface"), "text"),
        ),
        layers=(units,) + _shared_layers() + (
            LayerRole("transit_stops", POINT, translate("WizardPlan", "Transit stops"), "transit_stops"),
        ) + _service_layers(),
        fields=(
            FieldRole("unit_id_field", "units", translate("WizardPlan", "Unit id"),
                      translate("WizardPlan", "names each unit in the results"), "unit_id"),
            FieldRole("name_field", "units", translate("WizardPlan", "Unit name"),
                      translate("WizardPlan", "labels in the report"), "name", optional=True),
        ) + _building_fields() + (
            FieldRole("stop_type_field", "transit_stops", translate("WizardPlan", "Stop type"),
                      translate("WizardPlan", "rail (800 m) or bus (500 m) walking distance"), "stop_type"),
            FieldRole("depth_field", "flood_zones", translate("WizardPlan", "Flood depth (m)"),
                      translate("WizardPlan", "buildings and people exposed to flooding"), "depth", numeric=True),
            FieldRole("shelter_area_field", "shelters", translate("WizardPlan", "Shelter area (m²)"),
                      translate("WizardPlan", "shelter area per resident"), "shelter_area", numeric=True),
            FieldRole("shelter_capacity_field", "shelters", translate("WizardPlan", "Shelter capacity"),
                      translate("WizardPlan", "persons each shelter takes in"), "capacity", numeric=True,
                      optional=True),
            FieldRole("shelter_type_field", "shelters", translate("WizardPlan", "Shelter type"),
                      translate("WizardPlan", "service distance by shelter class"), "shelter_type", optional=True),
            FieldRole("facility_type_field", "facilities", translate("WizardPlan", "Facility type"),
                      translate("WizardPlan", "which life-circle services each home reaches"), "facility_type"),
            FieldRole("park_type_field", "green_spaces", translate("WizardPlan", "Park type"),
                      translate("WizardPlan", "comprehensive / community park area per resident"), "park_type"),
        ),
    )


def detailed_plan():
    parcels = LayerRole("parcels", POLYGON, translate("WizardPlan", "Parcels"), "parcels")
    return Plan(
        level="detailed", algorithm="lcr:detailed_plan_check", units="parcels", unit_id="parcel_id_field",
        default_profile="cn_detailed",
        values=(
            _design_rainfall(),
            ValueRole("daily_rainfall", translate("WizardPlan", "Daily rainfall (CSV)"),
                      translate("WizardPlan", "columns date, rain_mm, 30 years or more: the annual runoff control "
                                              "rate"), "csv", optional=True),
        ),
        layers=(parcels,) + _shared_layers() + _service_layers(),
        fields=(
            FieldRole("parcel_id_field", "parcels", translate("WizardPlan", "Parcel id"),
                      translate("WizardPlan", "names each parcel in the results"), "parcel_id"),
            FieldRole("name_field", "parcels", translate("WizardPlan", "Parcel name"),
                      translate("WizardPlan", "labels in the report"), "parcel_id", optional=True),
            FieldRole("parcel_residents_field", "parcels", translate("WizardPlan", "Parcel residents"),
                      translate("WizardPlan", "green area per resident of the parcel"), "residents", numeric=True),
            FieldRole("green_ratio_field", "parcels", translate("WizardPlan", "Green ratio (0–1)"),
                      translate("WizardPlan", "checked against the green-ratio target"), "green_ratio", numeric=True),
            # without it GB 50180-2018's rows by height class are not used: the rules' lenient own thresholds are
            FieldRole("parcel_floors_field", "parcels", translate("WizardPlan", "Parcel floors"),
                      translate("WizardPlan", "the height class of GB 50180-2018 whose green ratio and FAR limits "
                                              "apply"), "floors", numeric=True, optional=True, text_numbers=True),
            FieldRole("landuse_field", "parcels", translate("WizardPlan", "Land-use code"),
                      translate("WizardPlan", "which rules apply to the parcel (e.g. residential R)"), "landuse",
                      optional=True),
        ) + _lid_fields() + _building_fields() + (
            FieldRole("depth_field", "flood_zones", translate("WizardPlan", "Flood depth (m)"),
                      translate("WizardPlan", "buildings and people exposed to flooding"), "depth", numeric=True),
            FieldRole("shelter_area_field", "shelters", translate("WizardPlan", "Shelter area (m²)"),
                      translate("WizardPlan", "distance to and area of the nearest shelter"), "shelter_area",
                      numeric=True),
            FieldRole("facility_type_field", "facilities", translate("WizardPlan", "Facility type"),
                      translate("WizardPlan", "which life-circle services each home reaches"), "facility_type"),
            FieldRole("park_type_field", "green_spaces", translate("WizardPlan", "Park type"),
                      translate("WizardPlan", "public green area per resident"), "park_type"),
        ),
    )


def plan_for(level):
    return master_plan() if level == "master" else detailed_plan()
