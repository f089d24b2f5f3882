"""Processing algorithms of the toolkit, one a file, all on ``base.LcrAlgorithm``."""
from .building_emissions import BuildingEmissions
from .flood_exposure import FloodExposure
from .land_use_mix import LandUseMix
from .carbon_balance import CarbonBalance
from .transit_coverage import TransitCoverage
from .rooftop_pv import RooftopPv
from .transport_emissions import TransportEmissions
from .carbon_stock import CarbonStock

ALGORITHMS = (BuildingEmissions, FloodExposure, LandUseMix, CarbonBalance, TransitCoverage, RooftopPv, TransportEmissions, CarbonStock)
