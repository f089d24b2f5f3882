"""core.poi and the shipped POI category table: Amap typecodes (also as integers), Amap type names and
Baidu tags to facility and stop types, names where the category says nothing, and what is not mapped."""
import os

import pandas as pd
import pytest

from lcr_toolkit.core import life_circle, poi
from lcr_toolkit.core.errors import InputError

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(REPO, "resources", "factors", "poi_categories.csv")


@pytest.fixture(scope="module")
def table():
    return poi.read_poi_table(TABLE)


@pytest.mark.parametrize("code, fac, stop", [
    ("141204", "kindergarten", None), (141204, "kindergarten", None), ("141203", "primary_school", None),
    ("141202", "middle_school", None), ("141201", None, None), ("090300", "clinic", None), (90300, "clinic", None),
    (90300.0, "clinic", None), ("090301", "clinic", None), ("060400", "market", None), ("060703", "market", None),
    ("080101", "sports", None), ("150500", None, "rail"), ("150501", None, "rail"), ("150700", None, "bus"),
    ("150702", None, "bus"), ("150200", None, None), ("150904", None, None),
    ("060705|060703", "market", None),                               # several types: the first with a type
    ("科教文化服务;学校;幼儿园", "kindergarten", None), ("科教文化服务；学校；幼儿园", "kindergarten", None),
    ("医疗保健服务;诊所;诊所", "clinic", None), ("交通设施服务;公交车站;公交车站相关", None, "bus"),
    ("交通设施服务;地铁站;出入口", None, "rail"), ("交通设施服务;停车场;公共停车场", None, None),
    ("教育培训;幼儿园", "kindergarten", None), ("教育培训;小学", "primary_school", None),
    ("交通设施;公交车站", None, "bus"), ("运动健身;体育场馆", "sports", None),
])
def test_categories(table, code, fac, stop):
    out = poi.classify([code], ["某某"], table)
    assert (out["fac_type"][0], out["stop_type"][0]) == (fac, stop)
    assert out["by"][0] == "code" and out["n_unmatched"] == 0


@pytest.mark.parametrize("code, name, fac, stop", [
    (None, "阳光社区卫生服务中心", "clinic", None), ("050100", "南湖街道日间照料中心", "elderly_care", None),
    ("", "新兴社区党群服务中心", "community_center", None), (None, "第一小学(公交站)", None, "bus"),
    (None, "实验中学(地铁站)", None, "rail"), (None, "第一高级中学", None, None), (None, "第一中学", "middle_school", None),
    ("150904", "第一小学停车场", None, None),         # a known category: its name is not read
    (None, "XX小学停车场", None, None),                # 停车场 is longer than 小学
])
def test_names_where_the_category_says_nothing(table, code, name, fac, stop):
    out = poi.classify([code], [name], table)
    assert (out["fac_type"][0], out["stop_type"][0]) == (fac, stop)


def test_counts_and_unmatched(table):
    out = poi.classify(["141204", "050100", "050100", "150700", None, "150904"],
                       ["a", "b", "c", "d", "e", "f"], table)
    assert (out["n_fac"], out["n_stop"], out["n_known_other"], out["n_unmatched"]) == (1, 1, 1, 3)
    assert out["unmatched"] == {"050100": 2, "": 1}
    without_names = poi.classify(["141204", None], None, table)
    assert without_names["n_unmatched"] == 1


def test_shipped_types_are_the_toolkits(table):
    facilities = life_circle.read_facility_table(os.path.join(REPO, "resources", "factors",
                                                              "life_circle_facilities.csv"))
    assert set(table["fac_type"]) - {""} <= {t.lower() for t in facilities["fac_type"]}
    assert set(table["stop_type"]) <= {"", "bus", "rail"}
    frame = pd.read_csv(TABLE, comment="#", dtype=str, keep_default_na=False)
    assert (frame["reason"].str.len() >= 10).all()
    # every life-circle type can be found, by a category or by a name
    assert set(table["fac_type"]) - {""} == {t.lower() for t in facilities["fac_type"]}


@pytest.mark.parametrize("row, kind", [
    ("foo,141204,kindergarten,", "poi_bad_match"), ("typecode,14120x,kindergarten,", "poi_bad_typecode"),
    ("typecode,1412045,kindergarten,", "poi_bad_typecode"), ("typecode,150700,,tram", "poi_bad_stop_type"),
    ("name,,kindergarten,", "poi_empty_code"),
])
def test_bad_rows_are_refused(tmp_path, row, kind):
    path = tmp_path / "poi.csv"
    path.write_text("match,code,fac_type,stop_type\ntypecode,141203,primary_school,\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        poi.read_poi_table(str(path))
    assert err.value.kind == kind and err.value.params["line"] == 3


def test_a_gbk_table_of_ones_own(tmp_path):
    path = tmp_path / "poi.csv"
    path.write_text("match,code,fac_type,stop_type\nname,托育中心,kindergarten,\n", encoding="gbk")
    out = poi.classify([None], ["阳光托育中心"], poi.read_poi_table(str(path)))
    assert out["fac_type"][0] == "kindergarten"
