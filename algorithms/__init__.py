"""Processing algorithms of the toolkit, one a file, all on ``base.LcrAlgorithm``."""
from .building_emissions import BuildingEmissions
from .flood_exposure import FloodExposure
from .land_use_mix import LandUseMix
from .carbon_balance import CarbonBalance
from .transit_coverage import TransitCoverage
from .rooftop_pv import RooftopPv
from .transport_emissions import TransportEmissions
from .carbon_stock import CarbonStock
from .resilience_index import ResilienceIndex
from .stormwater_runoff import StormwaterRunoff
from .life_circle import LifeCircle
from .sponge_capture import SpongeCapture
from .habitat_fragmentation import HabitatFragmentation
from .shelter_coverage import ShelterCoverage
from .urban_cooling import UrbanCooling
from .synergy import Synergy
from .planning_check import PlanningCheck
from .planning_report import PlanningReport
from .shelter_capacity import ShelterCapacity
from .park_supply import ParkSupply
from .public_green_reach import PublicGreenReach
from .land_cover_shares import LandCoverShares
from .zone_pv_share import ZonePvShare
from .prepare_osm import PrepareOsm
from .china_coordinates import ChinaCoordinates
from .poi_categories import PoiCategories
from .landuse_codes import LanduseCodes
from .plan_checks import DetailedPlanCheck, MasterPlanCheck
from .site_facilities import SiteFacilities
from .size_lid import SizeLid
from .carbon_measures import CarbonMeasures
from .apply_measures import ApplyMeasures
from .compare_checks import CompareChecks

ALGORITHMS = (
    # Low-carbon
    BuildingEmissions, CarbonStock, RooftopPv, ZonePvShare, TransportEmissions, TransitCoverage, LandUseMix, CarbonBalance,
    # Resilience
    FloodExposure, StormwaterRunoff, SpongeCapture, LandCoverShares, UrbanCooling, ShelterCoverage, ShelterCapacity,
    LifeCircle, ParkSupply, PublicGreenReach, HabitatFragmentation, ResilienceIndex,
    # Planning checks
    Synergy, PlanningCheck, PlanningReport, MasterPlanCheck, DetailedPlanCheck,
    # Plan measures
    SiteFacilities, SizeLid, CarbonMeasures, ApplyMeasures, CompareChecks,
    # Data preparation
    PrepareOsm,
    ChinaCoordinates, PoiCategories, LanduseCodes,
)
