"""lcr:prepare_osm on an extract whose buildings are mostly building=yes with no landuse around them, as in
Krems an der Donau's OpenStreetMap extract of 2011 (1,190 of its 1,195 buildings): the fallback row gives them
no residents, and the town's plan check then judged nothing per resident and counted buildings for coverage
without saying why. The log now says so and names the fix (a mapping folder whose fallback row is residential),
and says when the land cover maps too little of the units for an impervious share and which layers are empty."""
import sys
from pathlib import Path

import pytest
import shapely

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_alg_prepare_osm import LAYERS, read  # noqa: E402

# Five 0.0003° × 0.0002° boxes (about 22 m × 22 m at 48.4° N) side by side: four building=yes, one house.
BOXES = [(15.600 + 0.0006 * i, 48.400) for i in range(5)]


def osm_xml():
    nodes, ways = [], []
    for i, (lon, lat) in enumerate(BOXES):
        corners = [(lon, lat), (lon + 0.0003, lat), (lon + 0.0003, lat + 0.0002), (lon, lat + 0.0002)]
        ids = [10 * i + k + 1 for k in range(4)]
        nodes += [f' <node id="{n}" lat="{y}" lon="{x}"/>' for n, (x, y) in zip(ids, corners)]
        kind = "house" if i == 4 else "yes"
        ways.append(f' <way id="{100 + i}">' + "".join(f'<nd ref="{n}"/>' for n in ids + ids[:1])
                    + f'<tag k="building" v="{kind}"/></way>')
    return '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="hand">\n' + "\n".join(
        nodes + ways) + "\n</osm>\n"


class Feedback:
    """Keeps the warnings of a run."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Kept(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def pushWarning(self, warning):
                self.warnings.append(warning)

        return Kept()


@pytest.fixture(scope="module")
def untyped(lcr, tmp_path_factory):
    folder = tmp_path_factory.mktemp("untyped")
    source = folder / "town.osm"
    source.write_text(osm_xml(), encoding="utf-8")
    # A mapping folder of the planner's own: the shipped building_use.csv with its fallback row made residential.
    own = folder / "mappings"
    own.mkdir()
    rows = (REPO / "resources" / "osm" / "building_use.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1].startswith(",fallback,,,other,")
    rows[-1] = rows[-1].replace(",fallback,,,other,", ",fallback,,,residential,")
    (own / "building_use.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    runs = {}
    for key, extra in (("shipped", {}), ("own", {"MAPPINGS": str(own)})):
        import processing

        gpkg = folder / f"{key}.gpkg"
        feedback = Feedback()
        result = processing.run("lcr:prepare_osm", {"INPUT": str(source), **extra, **{
            name: f"ogr:dbname='{gpkg}' table=\"{layer}\" (geom)" for name, layer in LAYERS.items()}},
            feedback=feedback)
        runs[key] = result, feedback.warnings, gpkg
    return runs


def test_untyped_buildings_without_residents_are_named(untyped):
    result, warnings, gpkg = untyped["shipped"]
    geometry, buildings, _ = read(gpkg, "buildings")
    house = (buildings["building"] == "house").to_numpy()
    # The house alone holds residents: footprint × 2 floors (the house row's default) / 40 m² a resident.
    assert result["RESIDENTIAL_BUILDINGS"] == 1
    assert result["RESIDENTS"] == pytest.approx(shapely.area(geometry[house]).sum() * 2 / 40)
    untyped_warning = [w for w in warnings if w.startswith("4 of 5 buildings (80%) have no tag")]
    assert len(untyped_warning) == 1
    assert "made them “other”, without residents, so only 1 buildings hold residents" in untyped_warning[0]
    assert "set its fallback row's use to residential" in untyped_warning[0]


def test_fallback_made_residential_houses_everyone(untyped):
    result, warnings, gpkg = untyped["own"]
    geometry, buildings, _ = read(gpkg, "buildings")
    # Every building is a home now: all five footprints × 2 floors (fall-back and house) / 40 m².
    assert result["RESIDENTIAL_BUILDINGS"] == 5
    assert result["RESIDENTS"] == pytest.approx(shapely.area(geometry).sum() * 2 / 40)
    assert 22 * 22 * 5 * 2 / 40 * 0.9 < result["RESIDENTS"] < 22 * 22 * 5 * 2 / 40 * 1.1
    assert not [w for w in warnings if "have no tag or landuse area" in w]


def test_thin_land_cover_and_empty_layers_are_named(untyped):
    _, warnings, gpkg = untyped["shipped"]
    # Five roofs of 22.17 m × 22.24 m (0.0003° × cos 48.4° × 111.32 km by 0.0002° × 111.2 km) in 500 m grid
    # cells: the land cover (the roofs, no road) maps 2,465 m² of 250,000 m² a cell.
    cover, _, _ = read(gpkg, "landcover")
    units, _, _ = read(gpkg, "planning_units")
    share = shapely.area(cover).sum() / shapely.area(units).sum()
    assert share == pytest.approx(5 * 22.17 * 22.24 / (250_000 * len(units)), rel=0.01)
    assert [w for w in warnings if w.startswith(f"The land cover covers only {share:.0%} of the planning units")]
    assert "Empty layers: facilities, green spaces, shelters. The plan checks refuse an empty facilities or shelters " \
           "layer, naming it" in " ".join(warnings)
    assert "No transit stop was found: transit coverage is not assessed" in " ".join(warnings)


def test_units_carry_their_buildings_residents(untyped):
    """The detailed plan check takes the units as parcels, which need residents: each unit holds the residents of
    the buildings whose representative point lies in it."""
    result, _, gpkg = untyped["own"]
    _, units, _ = read(gpkg, "planning_units")
    geometry, buildings, _ = read(gpkg, "buildings")
    units_g, _, _ = read(gpkg, "planning_units")
    points = shapely.point_on_surface(geometry)
    for cell, residents in zip(units_g, units["residents"]):
        inside = shapely.within(points, cell)
        assert residents == pytest.approx(buildings["residents"][inside].sum())
    assert units["residents"].sum() == pytest.approx(result["RESIDENTS"])


@pytest.mark.parametrize("crs, warned", [("EPSG:4547", True), ("EPSG:32633", False), ("EPSG:4490", False),
                                         ("EPSG:3857", False)])
def test_output_crs_not_true_to_scale_is_named(untyped, tmp_path, crs, warned):
    """Monaco written in EPSG:4547 (CGCS2000 Gauss-Krüger, central meridian 114° E) gave a master plan check whose
    park m² per resident was 6.99 against 3.65 in its UTM zone, and rail coverage 40 % against 62 %: the toolkit
    measures in a projected CRS in metres as it is. At 15.60° E, 48.40° N EPSG:4547 stretches a length by far
    more than 1 % (a transverse Mercator 98° of longitude from its meridian); its own UTM zone (33N) is true to
    0.04 %; degrees and Web Mercator are measured in a local zone by the tools, so they are not named."""
    import processing

    feedback = Feedback()
    source = tmp_path / "town.osm"
    source.write_text(osm_xml(), encoding="utf-8")
    processing.run("lcr:prepare_osm", {"INPUT": str(source), "CRS": crs, **{
        name: "TEMPORARY_OUTPUT" for name in LAYERS}}, feedback=feedback)
    named = [w for w in feedback.warnings if w.startswith(f"{crs}, the CRS asked for, is not true to scale")]
    assert bool(named) == warned
    if warned:
        # the length of 0.001° of latitude in EPSG:4547 against the ellipsoid's 111.196 m (M·π/180 at 48.40° N, M =
        # 6,378,137 × (1 − 0.00669438) / (1 − 0.00669438 × sin² 48.4°)^1.5 = 6,371,117 m); a transverse Mercator is
        # conformal, so lengths east are off by as much
        from osgeo import osr

        wgs, gk = osr.SpatialReference(), osr.SpatialReference()
        wgs.ImportFromEPSG(4326)
        gk.ImportFromEPSG(4547)
        for srs in (wgs, gk):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        move = osr.CoordinateTransformation(wgs, gk)
        (x0, y0, _), (x1, y1, _) = move.TransformPoints([(15.6027, 48.4001), (15.6027, 48.4011)])
        north = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        assert north / 111.196 - 1 > 0.3
        assert f"lengths measured in it are {north / 111.196 - 1:.1%} off there" in named[0]
