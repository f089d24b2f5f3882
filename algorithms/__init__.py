"""Processing algorithms of the toolkit, one a file, all on ``base.LcrAlgorithm``."""
from .building_emissions import BuildingEmissions
from .flood_exposure import FloodExposure

ALGORITHMS = (BuildingEmissions, FloodExposure)
