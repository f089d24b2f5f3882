"""What the park green algorithms (park_supply, public_green_reach) share: the green-space layer, its
type field and the types left out of park green, and reading the green spaces with their true areas.

Not an algorithm itself; the science stays in ``core.green_space``.
"""
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..core import landuse, network
from .base import LcrAlgorithm


@dataclass
class GreenSpaces:
    polygons: np.ndarray     # shapely polygons in the working CRS
    points: np.ndarray       # a point inside each (None without geometry)
    area_m2: np.ndarray      # true area of each, m²
    counted: np.ndarray      # park green: True unless its type is left out
    kinds: dict              # type-list parameter -> mask of the green spaces of those types (None: no type field)


class GreenSpaceAlgorithm(LcrAlgorithm):
    GREEN_SPACES = "GREEN_SPACES"
    TYPE_FIELD = "TYPE_FIELD"
    EXCLUDED_TYPES = "EXCLUDED_TYPES"

    def add_green_parameters(self):
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.GREEN_SPACES, self.tr("Green spaces"), [QgsProcessing.SourceType.TypeVectorPolygon]),
            self.tr("Green space polygons (parks, protective green, squares …), one feature a green space: "
                    "a park's size is the area of its feature."))
        self.add_parameter(QgsProcessingParameterField(
            self.TYPE_FIELD, self.tr("Green space type field"), parentLayerParameterName=self.GREEN_SPACES,
            type=QgsProcessingParameterField.DataType.Any, optional=True),
            self.tr("Type of each green space (e.g. comprehensive, community, protective). Empty: every green "
                    "space counts as park green."))
        self.add_parameter(QgsProcessingParameterString(
            self.EXCLUDED_TYPES, self.tr("Types that are not park green (comma-separated)"),
            defaultValue="protective, 防护绿地", optional=True),
            self.tr("Green spaces of these types count nowhere: protective green along roads and rivers is "
                    "not public park green. Matched to the type field ignoring case."))

    def type_list_parameter(self, name, description, default, help_text):
        """A comma-separated list of green space types, matched like EXCLUDED_TYPES."""
        self.add_parameter(QgsProcessingParameterString(name, description, defaultValue=default, optional=True),
                           help_text)

    def read_green_spaces(self, parameters, crs, context, feedback, kinds=()):
        """The green spaces in ``crs`` (a CRS in metres) with their areas and type masks: the parks
        (types not excluded) and, for each type-list parameter in ``kinds``, those of its types."""
        source = self.polygon_source(parameters, self.GREEN_SPACES, context)
        type_idx = self.field_index(parameters, self.TYPE_FIELD, source, context, numeric=False)
        chunk = self.read_whole(source, crs, context, feedback, numeric=[], text=[type_idx] if type_idx >= 0 else [])
        present = ~shapely.is_missing(chunk.geometry)
        area = np.where(present, shapely.area(chunk.geometry), 0.0)
        if type_idx < 0:
            feedback.pushInfo(self.tr("No green space type field: every green space counts as park green."))
            counted = present.copy()
            masks = {name: None for name in kinds}
        else:
            types = chunk.values[type_idx]
            listed = {name: landuse.parse_category_list(self.parameterAsString(parameters, name, context))
                      for name in (self.EXCLUDED_TYPES, *kinds)}
            counted = present & ~landuse.in_categories(types, listed[self.EXCLUDED_TYPES])
            masks = {name: landuse.in_categories(types, listed[name]) for name in kinds}
            for name in kinds:
                if not (masks[name] & counted).any():
                    feedback.pushWarning(self.tr(
                        "No green space of “{layer}” has a type listed in “{parameter}” ({types}): that area is 0 "
                        "everywhere. Check the list against the values of the type field.").format(
                            layer=source.sourceName(), parameter=self.parameterDefinition(name).description(),
                            types=", ".join(sorted(listed[name])) or "—"))
        if not counted.any():
            raise QgsProcessingException(self.tr(
                "No green space of “{layer}” counts as park green: every one lacks a geometry or has a type left "
                "out (“{parameter}”).").format(layer=source.sourceName(),
                                               parameter=self.parameterDefinition(self.EXCLUDED_TYPES).description()))
        feedback.pushInfo(self.tr("{n} of {total} green spaces count as park green, {a:,.0f} m² in all.").format(
            n=int(counted.sum()), total=len(counted), a=float(area[counted].sum())))
        return GreenSpaces(chunk.geometry, network.representative_points(chunk.geometry), area, counted, masks)
