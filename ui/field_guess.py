"""Guessing which field (or layer) of a user's data plays a role, from its name.

Pure Python (no QGIS) so it is tested alone. Names are compared case-insensitively, ignoring
spaces, hyphens and underscores; an exact name wins over a name that merely contains a
candidate, and candidates are tried in order, so the most specific come first.
"""
import re

# Role -> candidate names, most specific first. Chinese names are those of Chinese planning data
# (e.g. 用地代码 in GB/T 21010 land-use layers, 层数 in building surveys), with the pinyin initials that
# bureaus' GIS tables use for them (DKBH 地块编号, YDXZ 用地性质, CS 层数, RK 人口, LDL 绿地率, RJL 容积率).
# A field holding the above-ground or total count (地上层数, 总层数) is named before any containing 层数, so that
# a table with 地上层数 and 地下层数 gives the former.
FIELD_NAMES = {
    "unit_id": ("unit_id", "unit_code", "单元编号", "单元代码", "dybh", "zone_id", "unit", "单元", "zone"),
    "parcel_id": ("parcel_id", "parcel_code", "地块编号", "地块代码", "地块编码", "dkbh", "dkdm", "dkbm", "plot_id",
                  "lot_id", "parcel", "地块"),
    "name": ("name", "名称", "unit_name", "单元名称", "mc", "label", "title"),
    # Tried before "name" when the check is in Chinese: bilingual layers keep the Chinese name apart.
    "name_zh": ("name_zh", "name_cn", "name_chs", "中文名称", "中文名", "名称", "单元名称"),
    "residents": ("residents", "population", "pop", "人口", "人口数", "居住人口", "常住人口", "规划人口", "rk", "jzrk",
                  "inhabitants", "persons", "人口规模"),
    "floors": ("floors", "n_floors", "num_floors", "floor_count", "层数", "地上层数", "建筑层数", "总层数", "楼层数",
               "cs", "jzcs", "dscs", "楼层", "storeys", "stories", "levels", "floor", "地上"),
    "use": ("use", "building_use", "bldg_use", "用途", "建筑用途", "jzyt", "使用功能", "建筑功能", "建筑性质", "功能",
            "usage", "function", "type"),
    "roof": ("roof_type", "roof", "屋顶类型", "屋顶", "rooftype"),
    "landuse": ("lu_code", "landuse_code", "land_use_code", "用地代码", "用地性质代码", "用地类型代码", "用地分类代码",
                "dlbm", "yddm", "ydxz", "ydlx", "landuse", "land_use", "用地性质", "用地类型", "用地分类", "lu"),
    "landcover_class": ("lucode", "lc_code", "class_code", "地类编码", "地类代码", "landcover", "class", "地类"),
    "stop_type": ("stop_type", "站点类型", "mode", "type", "类型"),
    "depth": ("depth_m", "depth", "水深", "淹没深度", "积水深度", "flood_depth", "water_depth"),
    "shelter_area": ("eff_area_m2", "effective_area", "有效面积", "有效避难面积", "area_m2", "面积", "area"),
    "capacity": ("capacity", "容纳人数", "容量", "可容纳人数", "cap"),
    "shelter_type": ("shelter_type", "避难场所类型", "场所类型", "level", "等级", "type", "类型"),
    "facility_type": ("fac_type", "facility_type", "设施类型", "type", "类型", "category", "类别"),
    "park_type": ("park_type", "公园类型", "绿地类型", "green_type", "type", "类型"),
    "green_ratio": ("green_ratio", "绿地率", "绿化率", "ldl", "greening_rate", "green_rate", "green"),
    # Sponge-city (LID) measures of a parcel, as sized in a detailed plan's 海绵城市专项.
    "bioretention": ("bioret_m2", "bioretention_m2", "bioretention", "生物滞留设施面积", "生物滞留面积", "生物滞留",
                     "rain_garden", "雨水花园", "下凹式绿地"),
    "permeable_paving": ("perm_pave_m2", "permeable_paving_m2", "permeable_paving", "透水铺装面积", "透水铺装",
                         "permeable"),
    "green_roof": ("green_roof_m2", "green_roof_area", "green_roof", "绿色屋顶面积", "绿色屋顶", "屋顶绿化面积",
                   "屋顶绿化"),
    "tank": ("tank_m3", "storage_tank_m3", "tank_volume", "蓄水池容积", "雨水调蓄池", "蓄水池", "调蓄池", "tank"),
    "far": ("far", "容积率", "rjl", "plot_ratio", "floor_area_ratio"),
}

LAYER_NAMES = {
    "units": ("planning_units", "units", "规划单元", "单元", "zones", "districts"),
    "parcels": ("parcels", "地块", "用地", "plots", "lots", "parcel"),
    "buildings": ("buildings", "建筑", "建筑物", "building", "bldg"),
    "landcover": ("landcover", "land_cover", "土地覆盖", "土地覆被", "地表覆盖", "地类", "lulc"),
    "roads": ("roads", "道路", "road", "streets", "street_network"),
    "transit_stops": ("transit_stops", "公交站点", "站点", "stops", "stations", "transit"),
    "flood_zones": ("flood_zones", "淹没区", "内涝", "洪水", "flood"),
    "shelters": ("shelters", "避难场所", "应急避难场所", "shelter"),
    "facilities": ("facilities", "公共服务设施", "设施", "facility", "poi"),
    "green_spaces": ("green_spaces", "绿地", "公园", "parks", "green"),
}

_IGNORED = re.compile(r"[\s_\-]+")
_UNDERGROUND = "地下"


def _folded(name):
    return _IGNORED.sub("", format(name)).casefold()


def guess_name(candidates, names):
    """The first of ``names`` that matches a candidate: exact (folded) first, then a name that
    contains the candidate; None if nothing matches. Containment is tried only for candidates of
    three characters or more (or any Chinese one), so "lu" does not match "value"."""
    folded = [(_folded(n), n) for n in names]
    for candidate in candidates:
        key = _folded(candidate)
        for name_key, name in folded:
            if name_key == key:
                return name
    for candidate in candidates:
        key = _folded(candidate)
        if len(key) < 3 and key.isascii():
            continue
        for name_key, name in folded:
            # 地下层数 (basement floors) contains 层数 but never holds what a role asks for
            if key in name_key and (_UNDERGROUND not in name_key or _UNDERGROUND in key):
                return name
    return None


def guess_field(role, field_names):
    """The field of ``field_names`` most likely to hold ``role`` (a key of FIELD_NAMES), or None."""
    return guess_name(FIELD_NAMES[role], field_names)


def guess_layer(role, layer_names):
    """The layer name most likely to hold ``role`` (a key of LAYER_NAMES), or None."""
    return guess_name(LAYER_NAMES[role], layer_names)
