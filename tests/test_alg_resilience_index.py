"""lcr:resilience_index through processing.run, with hand-computed indices and ranks."""
from pathlib import Path

import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import NULL, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

import processing

DISTRICT = Path(__file__).resolve().parents[1] / "resources" / "sample_data" / "demo_district.gpkg"


def run(params, **kwargs):
    return processing.run("lcr:resilience_index", {"OUTPUT": "TEMPORARY_OUTPUT", **params}, **kwargs)


@pytest.fixture
def units(make_layer, rect):
    # a (positive) = 0, 5, 10; b (negative, higher is worse) = 2, 6, 4.
    return make_layer("Polygon", "EPSG:4549", "name:string&field=a:double&field=b:integer", [
        (rect(0, 0, 10, 10), ["u1", 0, 2]), (rect(10, 0, 10, 10), ["u2", 5, 6]), (rect(20, 0, 10, 10), ["u3", 10, 4])])


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)


def values(layer, field):
    return [f[field] for f in layer.getFeatures()]


def test_minmax_negative_equal_arithmetic(provider, units, layer_snapshot):
    before = layer_snapshot(units)
    result = run({"INPUT": units, "INDICATORS": ["a", "b"], "NEGATIVE_INDICATORS": ["b"]})
    out = result["OUTPUT"]
    assert out.fields().names() == ["name", "a", "b", "n_a", "n_b", "res_index", "res_rank"]
    # n_a = (x − 0)/10 = 0, .5, 1;  n_b = (6 − x)/4 = 1, 0, .5;  index = mean = .5, .25, .75.
    assert values(out, "n_a") == pytest.approx([0, 0.5, 1])
    assert values(out, "n_b") == pytest.approx([1, 0, 0.5])
    assert values(out, "res_index") == pytest.approx([0.5, 0.25, 0.75])
    assert values(out, "res_rank") == [2, 3, 1]
    assert result["MEAN_INDEX"] == pytest.approx(0.5)          # (.5 + .25 + .75)/3
    assert result["MISSING_COUNT"] == 0
    assert layer_snapshot(units) == before


def test_inform_geometric_mean_points(provider, make_layer):
    # Any geometry: points. INFORM-style geometric mean: (6·4·5)^(1/3) = 4.932424; (2·2·2)^(1/3) = 2.
    layer = make_layer("Point", "EPSG:4549", "he:double&field=v:double&field=lcc:double",
                       [("POINT(0 0)", [6, 4, 5]), ("POINT(1 1)", [2, 2, 2])])
    result = run({"INPUT": layer, "INDICATORS": ["he", "v", "lcc"], "NORMALISATION": 3, "AGGREGATION": 1})
    assert values(result["OUTPUT"], "res_index") == pytest.approx([4.932424, 2.0], abs=1e-6)
    assert values(result["OUTPUT"], "res_rank") == [1, 2]


def test_user_weights_and_target(provider, units):
    # Targets a=10 → min(x/10, 1) = 0, .5, 1;  b=3 negative → min(3/x, 1) = 1, .5, .75.
    # Weights a=1, b=3 → .25, .75: index = .25·0 + .75·1 = .75; .25·.5 + .75·.5 = .5; .25 + .75·.75 = .8125.
    result = run({"INPUT": units, "INDICATORS": ["a", "b"], "NEGATIVE_INDICATORS": ["b"],
                  "NORMALISATION": 2, "TARGETS": "a=10, b=3", "WEIGHTING": 1, "WEIGHTS": "a=1, b=3"})
    assert values(result["OUTPUT"], "n_b") == pytest.approx([1, 0.5, 0.75])
    assert values(result["OUTPUT"], "res_index") == pytest.approx([0.75, 0.5, 0.8125])
    assert values(result["OUTPUT"], "res_rank") == [2, 3, 1]


def test_entropy_weights(provider, units):
    # min-max: n_a = 0, .5, 1 → p = 0, 1/3, 2/3;  Σ p ln p = (1/3)ln(1/3) + (2/3)ln(2/3) = −0.366204 − 0.270310
    #   = −0.636514 → e_a = 0.636514/ln 3 = 0.579380.
    # n_b = 1, 0, .5 → p = 2/3, 0, 1/3: the same entropy 0.579380 → equal weights .5, .5 → index as min-max.
    log = Log()
    result = run({"INPUT": units, "INDICATORS": ["a", "b"], "NEGATIVE_INDICATORS": ["b"], "WEIGHTING": 2},
                 feedback=log)
    assert any("Weight of a (n_a): 0.5000" in i for i in log.infos)
    assert any("a=0.5794, b=0.5794" in i for i in log.infos)
    assert values(result["OUTPUT"], "res_index") == pytest.approx([0.5, 0.25, 0.75])


def test_nulls_counted(provider, make_layer, rect):
    log = Log()
    layer = make_layer("Polygon", "EPSG:4549", "a:double&field=b:double", [
        (rect(0, 0, 1, 1), [0, 2]), (rect(1, 0, 1, 1), [10, None]), (rect(2, 0, 1, 1), [5, 4])])
    result = run({"INPUT": layer, "INDICATORS": ["a", "b"]}, feedback=log)
    # b's range is 2–4 (NULL left out): n_b = 0, NULL, 1; index 0, NULL, (0.5 + 1)/2 = 0.75.
    assert values(result["OUTPUT"], "res_index")[0] == pytest.approx(0)
    assert values(result["OUTPUT"], "res_index")[1] == NULL and values(result["OUTPUT"], "res_rank")[1] == NULL
    assert values(result["OUTPUT"], "res_index")[2] == pytest.approx(0.75)
    assert values(result["OUTPUT"], "res_rank")[0] == 2 and values(result["OUTPUT"], "res_rank")[2] == 1
    assert result["MISSING_COUNT"] == 1
    assert result["MEAN_INDEX"] == pytest.approx(0.375)
    assert any("1 features lack" in w for w in log.warnings)


@pytest.mark.parametrize("params, message", [
    ({"WEIGHTING": 1, "WEIGHTS": "a=1, b"}, "“b” is not of the form field=value"),
    ({"WEIGHTING": 1, "WEIGHTS": "a=1, c=2"}, "“c=2” names the field “c”"),
    ({"WEIGHTING": 1, "WEIGHTS": "a=1, b=heavy"}, "“b=heavy”"),
    ({"WEIGHTING": 1, "WEIGHTS": "a=1"}, "no weight for the indicator(s) b"),
    ({"NORMALISATION": 2, "TARGETS": "a=10, b=0"}, "“b=0”"),
    ({"NORMALISATION": 2, "TARGETS": "a=10"}, "no target for the indicator(s) b"),
    ({"INDICATORS": ["a"], "NEGATIVE_INDICATORS": ["b"]}, "must also be chosen as indicator fields"),
    ({"INDICATORS": ["name"]}, "must be numeric"),
    ({"INDICATORS": ["zz"]}, "not in"),
    ({"AGGREGATION": 1, "NORMALISATION": 1}, "geometric mean needs non-negative"),
])
def test_bad_parameters(provider, units, params, message):
    with pytest.raises(QgsProcessingException, match=None) as err:
        run({"INPUT": units, "INDICATORS": ["a", "b"], **params})
    assert message in str(err.value)


def test_empty_layer_refused(provider, make_layer):
    layer = make_layer("Polygon", "EPSG:4549", "a:double", [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": layer, "INDICATORS": ["a"]})


def test_demo_district_against_pandas(provider, make_layer):
    # Indicators per planning unit from the demo buildings (GDAL + pandas, not the plugin):
    # residents (positive), mean floors (negative: taller stock is harder to evacuate), building count.
    source = ogr.Open(str(DISTRICT))
    rows = [(f.GetField("unit_id"), f.GetField("residents") or 0, f.GetField("floors") or 0)
            for f in source.GetLayerByName("buildings")]
    frame = pd.DataFrame(rows, columns=["unit_id", "residents", "floors"])
    per_unit = frame.groupby("unit_id").agg(res=("residents", "sum"), floors=("floors", "mean"),
                                            n_bldg=("residents", "size"))
    units = QgsVectorLayer(f"{DISTRICT}|layername=planning_units", "units", "ogr")
    copy = make_layer("Polygon", "EPSG:4549", "unit_id:string&field=res:double&field=floors:double&field=n_bldg:double",
                      [(f.geometry().asWkt(), [str(f["unit_id"])] + [
                          float(per_unit.loc[f["unit_id"], c]) if f["unit_id"] in per_unit.index else None
                          for c in ("res", "floors", "n_bldg")]) for f in units.getFeatures()])
    assert copy.featureCount() == 6
    result = run({"INPUT": copy, "INDICATORS": ["res", "floors", "n_bldg"], "NEGATIVE_INDICATORS": ["floors"]})
    out = {f["unit_id"]: (f["res_index"], f["res_rank"]) for f in result["OUTPUT"].getFeatures()}

    table = per_unit.copy()
    table.index = table.index.astype(str)
    table = table.loc[list(out)]
    norm = (table - table.min()) / (table.max() - table.min())
    norm["floors"] = (table["floors"].max() - table["floors"]) / (table["floors"].max() - table["floors"].min())
    expected = norm.mean(axis=1)
    ranks = expected.rank(ascending=False, method="min")
    for key, (index, rank) in out.items():
        assert index == pytest.approx(expected[key])
        assert rank == int(ranks[key])
    assert sorted(r for _, r in out.values()) == [1, 2, 3, 4, 5, 6]
    assert result["MEAN_INDEX"] == pytest.approx(expected.mean())
