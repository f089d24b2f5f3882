"""lcr:sponge_capture through processing.run, with hand-computed ψ, volumes and control rates.

Shipped coefficients (mid-points): green 0.15, paved / hard roof 0.85, green roof 0.35, water 1.0.
Shipped LID storage: bioretention 0.2 m³/m², tank 1 m³/m³.
"""
import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

import processing
from lcr_toolkit.algorithms.base import resource_path

FIELDS = "name:string&field=green:double&field=bio_m2:double&field=tank_m3:double"
# Ten days (mm); days ≤ 2 mm dropped → 3, 5, 8, 10, 12, 15, 20, 30, Σ = 103 mm.
RAIN = [12, 1, 30, 5, 2, 8, 20, 3, 15, 10]


@pytest.fixture
def parcels(make_layer, rect):
    return make_layer("Polygon", "EPSG:4549", FIELDS, [
        (rect(0, 0, 200, 100), ["short", 0.35, 500, 50]),      # 2 ha
        (rect(300, 0, 200, 100), ["enough", 0.35, 1000, 200]),  # 2 ha
        (rect(600, 0, 100, 100), ["unknown", None, 100, 0]),    # no green ratio → NULL results
    ])


@pytest.fixture
def rainfall(tmp_path):
    path = tmp_path / "rain.csv"
    path.write_text("date,rain_mm\n" + "".join(f"2020-07-{d + 1:02d},{r}\n" for d, r in enumerate(RAIN)),
                    encoding="utf-8")
    return str(path)


def run(params, **kwargs):
    return processing.run("lcr:sponge_capture", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def by_name(result):
    return {f["name"]: f for f in result["OUTPUT"].getFeatures()}


def test_green_ratio_design_rainfall_and_lid(provider, parcels, layer_snapshot):
    before = layer_snapshot(parcels)
    feedback = QgsProcessingFeedback()
    result = run({"INPUT": parcels, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 25,
                  "BIORETENTION_FIELD": "bio_m2", "TANK_FIELD": "tank_m3"}, feedback=feedback)
    out = by_name(result)
    assert result["OUTPUT"].fields().names()[-6:] == ["psi", "design_mm", "need_m3", "provided_m3", "ctrl_rate",
                                                      "meets"]
    # ψ = 0.35·0.15 + 0.65·0.85 = 0.605; V = 10 × 25 mm × 0.605 × 2 ha = 302.5 m³.
    for name in ("short", "enough"):
        assert out[name]["psi"] == pytest.approx(0.605)
        assert out[name]["design_mm"] == 25
        assert out[name]["need_m3"] == pytest.approx(302.5)
        assert is_null(out[name]["ctrl_rate"])          # no rainfall series → no control rate
    # Provided: 500·0.2 + 50 = 150 m³ < 302.5 → 0; 1000·0.2 + 200 = 400 m³ ≥ 302.5 → 1.
    assert out["short"]["provided_m3"] == pytest.approx(150) and out["short"]["meets"] == 0
    assert out["enough"]["provided_m3"] == pytest.approx(400) and out["enough"]["meets"] == 1
    assert all(is_null(out["unknown"][f]) for f in ("psi", "need_m3", "provided_m3", "meets"))
    assert result["PARCELS_MEETING"] == 1
    assert result["TOTAL_NEED_M3"] == pytest.approx(605)
    assert result["TOTAL_PROVIDED_M3"] == pytest.approx(550)
    assert result["DESIGN_MM"] == 25
    log = feedback.textLog()
    assert "1 parcels have no area or no green ratio" in log
    assert "unverified" in log and "recalled" in log
    assert layer_snapshot(parcels) == before


def test_target_rate_from_rainfall_and_achieved_rate(provider, make_layer, rect, rainfall):
    layer = make_layer("Polygon", "EPSG:4549", FIELDS, [(rect(0, 0, 100, 100), ["p", 0.5, 0, 50])])
    result = run({"INPUT": layer, "GREEN_RATIO_FIELD": "green", "TARGET_CONTROL_RATE": 80,
                  "DAILY_RAINFALL": rainfall, "TANK_FIELD": "tank_m3"})
    out = by_name(result)["p"]
    # Target 80 %: 0.8·103 = 82.4 = 38 + 3H (between 12 and 15 mm) → H = 14.8 mm.
    assert result["DESIGN_MM"] == pytest.approx(14.8) and out["design_mm"] == pytest.approx(14.8)
    # ψ = 0.5·0.15 + 0.5·0.85 = 0.5; V = 10 × 14.8 × 0.5 × 1 ha = 74 m³.
    assert out["psi"] == pytest.approx(0.5) and out["need_m3"] == pytest.approx(74)
    # 50 m³ tank holds H = 50 / (10 × 0.5 × 1) = 10 mm; α(10) = (3+5+8+10 + 10·4)/103 = 66/103 = 64.08 %.
    assert out["provided_m3"] == pytest.approx(50) and out["meets"] == 0
    assert out["ctrl_rate"] == pytest.approx(100 * 66 / 103)


def test_design_rainfall_wins_over_target_but_rate_still_computed(provider, make_layer, rect, rainfall):
    layer = make_layer("Polygon", "EPSG:4549", FIELDS, [(rect(0, 0, 100, 100), ["p", 0.5, 0, 75])])
    result = run({"INPUT": layer, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 15,
                  "DAILY_RAINFALL": rainfall, "TANK_FIELD": "tank_m3"})
    out = by_name(result)["p"]
    # Need 10 × 15 × 0.5 × 1 = 75 m³ = provided → meets. Holds 15 mm: α(15) = (53 + 15·2)/103 = 83/103.
    assert out["need_m3"] == pytest.approx(75) and out["meets"] == 1
    assert out["ctrl_rate"] == pytest.approx(100 * 83 / 103)


def test_surface_area_fields_and_remainder(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=roof:double&field=lawn:double&field=pond:double",
                       [(rect(0, 0, 100, 100), ["p", 4000, 3000, None])])
    params = {"INPUT": layer, "ROOF_FIELD": "roof", "GREEN_FIELD": "lawn", "WATER_FIELD": "pond",
              "DESIGN_RAINFALL_MM": 20}
    # Remainder 3 000 m² paved: ψ = (4000·0.85 + 3000·0.15 + 3000·0.85)/10000 = 0.64; V = 10·20·0.64·1 = 128 m³.
    out = by_name(run(params))["p"]
    assert out["psi"] == pytest.approx(0.64) and out["need_m3"] == pytest.approx(128)
    # Remainder green (index 2): (3400 + 450 + 450)/10000 = 0.43.
    assert by_name(run({**params, "REMAINDER": 2}))["p"]["psi"] == pytest.approx(0.43)


def test_surface_shares(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=groof:double&field=pond:double",
                       [(rect(0, 0, 100, 100), ["p", 0.5, 0.2])])
    # 0.5·0.35 + 0.2·1.0 + 0.3·0.15 (remainder green) = 0.175 + 0.2 + 0.045 = 0.42.
    out = by_name(run({"INPUT": layer, "GREEN_ROOF_FIELD": "groof", "WATER_FIELD": "pond", "SHARES": True,
                       "REMAINDER": 2, "DESIGN_RAINFALL_MM": 20}))["p"]
    assert out["psi"] == pytest.approx(0.42)


def test_shares_outside_0_1_refused(provider, make_layer, rect):
    layer = make_layer("Polygon", "EPSG:4549", "name:string&field=groof:double",
                       [(rect(0, 0, 100, 100), ["p", 1.5])])
    with pytest.raises(QgsProcessingException, match="between 0 and 1"):
        run({"INPUT": layer, "GREEN_ROOF_FIELD": "groof", "SHARES": True, "DESIGN_RAINFALL_MM": 20})


def test_green_ratio_in_percent_read_as_share_and_over_100_refused(provider, make_layer, rect):
    """绿地率 35 is 0.35: ψ = 0.35·0.15 + 0.65·0.85 = 0.605; 135 is no share and no per cent."""
    layer = make_layer("Polygon", "EPSG:4549", FIELDS, [(rect(0, 0, 100, 100), ["p", 35, 0, 0])])
    assert by_name(run({"INPUT": layer, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 20}))["p"]["psi"] == \
        pytest.approx(0.605)
    layer = make_layer("Polygon", "EPSG:4549", FIELDS, [(rect(0, 0, 100, 100), ["p", 135, 0, 0])])
    with pytest.raises(QgsProcessingException, match="divide by 100"):
        run({"INPUT": layer, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 20})


def test_rainfall_csv_without_rain_mm(provider, parcels, tmp_path):
    path = tmp_path / "rain.csv"
    path.write_text("date,precip_mm\n2020-07-01,12\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="rain_mm"):
        run({"INPUT": parcels, "GREEN_RATIO_FIELD": "green", "DAILY_RAINFALL": str(path)})


def test_target_above_100_refused(provider, parcels, rainfall):
    with pytest.raises(QgsProcessingException, match="TARGET_CONTROL_RATE|control rate"):
        run({"INPUT": parcels, "GREEN_RATIO_FIELD": "green", "DAILY_RAINFALL": rainfall, "TARGET_CONTROL_RATE": 120})


def test_target_zero_refused(provider, parcels, rainfall):
    with pytest.raises(QgsProcessingException, match="above 0 %"):
        run({"INPUT": parcels, "GREEN_RATIO_FIELD": "green", "DAILY_RAINFALL": rainfall, "TARGET_CONTROL_RATE": 0})


def test_missing_rainfall_and_surfaces_refused(provider, parcels):
    with pytest.raises(QgsProcessingException, match="design rainfall"):
        run({"INPUT": parcels, "GREEN_RATIO_FIELD": "green"})
    with pytest.raises(QgsProcessingException, match="green ratio field or at least one surface"):
        run({"INPUT": parcels, "DESIGN_RAINFALL_MM": 20})
    with pytest.raises(QgsProcessingException, match="is not in"):
        run({"INPUT": parcels, "GREEN_RATIO_FIELD": "nope", "DESIGN_RAINFALL_MM": 20})
    with pytest.raises(QgsProcessingException, match="must be numeric"):
        run({"INPUT": parcels, "GREEN_RATIO_FIELD": "name", "DESIGN_RAINFALL_MM": 20})


def test_wrong_geometry_and_empty_layer(provider, make_layer):
    lines = make_layer("LineString", "EPSG:4549", "green:double", [("LINESTRING(0 0,10 10)", [0.3])])
    with pytest.raises(QgsProcessingException, match="needs Polygon"):
        run({"INPUT": lines, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 20})
    empty = make_layer("Polygon", "EPSG:4549", "green:double", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": empty, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 20})


def test_geographic_crs_measures_true_area(provider, make_layer, rect):
    # A 2 ha parcel drawn in EPSG:4549, stored in WGS 84: still ≈ 10 × 25 × 0.605 × 2 = 302.5 m³.
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4549"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    geometry = QgsGeometry.fromWkt(rect(572000, 3402000, 200, 100))
    geometry.transform(to_wgs84)
    layer = make_layer("Polygon", "EPSG:4326", FIELDS, [(geometry.asWkt(12), ["p", 0.35, 0, 0])])
    result = run({"INPUT": layer, "GREEN_RATIO_FIELD": "green", "DESIGN_RAINFALL_MM": 25})
    assert result["TOTAL_NEED_M3"] == pytest.approx(302.5, rel=2e-3)


def test_demo_district(provider):
    path = resource_path("sample_data", "demo_district.gpkg")
    layer = QgsVectorLayer(f"{path}|layername=parcels", "parcels", "ogr")
    assert layer.isValid()
    result = run({"INPUT": layer, "GREEN_RATIO_FIELD": "green_ratio", "DESIGN_RAINFALL_MM": 25})
    # Independent: V = 10·H·ψ·F = 0.025 m × ψ × A m², ψ = g·0.15 + (1 − g)·0.85, summed over all parcels.
    area = np.array([f.geometry().area() for f in layer.getFeatures()])
    green = np.array([f["green_ratio"] for f in layer.getFeatures()], dtype=float)
    expected = float((0.025 * (green * 0.15 + (1 - green) * 0.85) * area).sum())
    assert result["TOTAL_NEED_M3"] == pytest.approx(expected, rel=1e-9)
    # Sanity: the district's parcels need between 0.15 × 25 mm and 0.85 × 25 mm over their area.
    assert 0.00375 * area.sum() < expected < 0.02125 * area.sum()
    assert result["PARCELS_MEETING"] == 0 and result["TOTAL_PROVIDED_M3"] == 0    # no LID fields
    assert result["OUTPUT"].featureCount() == layer.featureCount() == 459
