"""What the walking-distance algorithms (transit_coverage, life_circle, shelter_coverage) share:
the roads, snapping and planning-unit parameters, reading roads into a network and points or units
in the working CRS, cleaning the population column, and writing the by-unit output.

Not an algorithm itself: each of the three subclasses ``NetworkAlgorithm`` and keeps its own
science in ``core``.
"""
import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import network
from .base import LcrAlgorithm
from .reading import transform_to


class NetworkAlgorithm(LcrAlgorithm):
    ROADS = "ROADS"
    MAX_SNAP = "MAX_SNAP"
    UNITS = "UNITS"
    UNITS_OUTPUT = "UNITS_OUTPUT"

    def error_messages(self):
        return {"network_empty": self.tr("The roads layer has no line to walk along: give a layer of road "
                                         "centre lines, or leave Walkable roads empty for straight-line "
                                         "distances.")}

    # ---- parameters -----------------------------------------------------------------------
    def add_roads_parameters(self, snap_help):
        """ROADS (optional lines) and MAX_SNAP (advanced, m); ``snap_help`` says what happens to
        points farther than that from every road."""
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Walkable roads"), [QgsProcessing.SourceType.TypeVectorLine], optional=True),
            self.tr("Road or path centre lines, noded where they meet. With roads, distances are walked "
                    "along them; without, they are straight lines."))
        self.add_parameter(QgsProcessingParameterNumber(
            self.MAX_SNAP, self.tr("Maximum distance to a road (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=250, minValue=0), snap_help, advanced=True)

    def add_units_parameter(self, help_text):
        self.add_parameter(QgsProcessingParameterFeatureSource(
            self.UNITS, self.tr("Planning units"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True), help_text)

    def network_parameters(self, parameters, context):
        """The roads source (None: straight lines), the maximum snapping distance (m) and the
        planning units source (or None)."""
        return (self.optional_source(parameters, self.ROADS, context, QgsWkbTypes.GeometryType.LineGeometry),
                self.parameterAsDouble(parameters, self.MAX_SNAP, context),
                self.optional_source(parameters, self.UNITS, context, QgsWkbTypes.GeometryType.PolygonGeometry))

    # ---- inputs ---------------------------------------------------------------------------
    def read_network(self, roads, work_crs, context, feedback):
        """The road network in the working CRS, described in the log (and unnoded ends warned of)."""
        chunk = next(self.read_chunks(roads, feedback, request=QgsFeatureRequest().setNoAttributes(), whole=True,
                                      repair=False, transform=transform_to(roads, work_crs, context)))
        net = network.build_network(chunk.geometry)
        feedback.pushInfo(self.tr(
            "Road network: {nodes} nodes, {edges} segments, {km:.1f} km in {parts} connected piece(s); "
            "the largest holds {share:.0f} % of the length.").format(
                nodes=net.n_nodes, edges=net.n_edges, km=net.total_length() / 1000.0,
                parts=net.n_components, share=100.0 * net.largest_component_share()))
        if net.unnoded_ends:
            feedback.pushWarning(self.tr(
                "{n} road ends touch another road without sharing a vertex with it, so the two are not "
                "connected. Node the roads first (e.g. Split with lines, with the roads as both inputs).")
                .format(n=net.unnoded_ends))
        return net

    def read_points(self, layer, work_crs, context, feedback, numeric=(), text=(), only_fields=False):
        """A whole point layer in the working CRS: its ``Chunk`` and a representative point per
        feature (None without geometry). With ``only_fields`` the features carry only the fields read."""
        request = QgsFeatureRequest()
        if only_fields:
            request.setSubsetOfAttributes(list(numeric) + list(text))
        chunk = next(self.read_chunks(layer, feedback, numeric=numeric, text=text, request=request, whole=True,
                                      repair=False, transform=transform_to(layer, work_crs, context)))
        return chunk, network.representative_points(chunk.geometry)

    def read_units(self, units, work_crs, context, feedback, features=True):
        """The planning units in the working CRS (invalid ones repaired for the overlay), as one chunk;
        without ``features`` its QgsFeatures are dropped (``write_layer`` reads them again): a city's
        100,000 parcels with their fields take more memory as features than as geometries."""
        chunk = next(self.read_chunks(units, feedback, whole=True, transform=transform_to(units, work_crs, context)))
        if not features:
            chunk.features = None
        if chunk.repaired:
            feedback.pushWarning(self.tr("{n} invalid planning unit geometries were repaired for the overlay.")
                                 .format(n=chunk.repaired))
        return chunk

    # ---- outputs --------------------------------------------------------------------------
    def units_output_wanted(self, parameters, units, feedback, not_written):
        """Whether to write UNITS_OUTPUT; warns with ``not_written`` where it is asked for without units."""
        wanted = parameters.get(self.UNITS_OUTPUT) not in (None, "")
        if wanted and units is None:
            feedback.pushWarning(not_written)
        return wanted and units is not None

    def write_units(self, parameters, context, feedback, units, unit_chunk, new_fields, columns, method=None):
        """UNITS_OUTPUT: the units with ``new_fields`` [(name, kind)] holding ``columns`` and, with
        ``method``, a text field method. Returns its id, or None where the sink is not made."""
        new_fields, columns = list(new_fields), list(columns)
        if method is not None:
            new_fields.append(("method", "text"))
            columns.append(np.full(len(unit_chunk.geometry), method, dtype=object))
        return self.write_layer(parameters, self.UNITS_OUTPUT, context, feedback, units, unit_chunk, new_fields,
                                columns)


def clean_population(values, present):
    """Residents per feature with missing or negative values as 0, and how many features with a
    geometry had such a value."""
    bad = ~(values >= 0)
    return np.where(bad, 0.0, values), int((bad & present).sum())
