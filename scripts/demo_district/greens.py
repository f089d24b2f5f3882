"""Green spaces: park types and names of the park and protective-green parcels."""
from .names import cn_number


def park_type(p):
    if p["lu"] == "1402":
        return "protective"
    if p["role"] in ("central_park", "wetland_park") or p["geom"].area >= 100000:
        return "comprehensive"
    return "community" if p["geom"].area >= 10000 else "pocket"


def name_green_spaces(parcels, edges, names):
    """Names for parks, green belts and squares; sections of one park share its name."""
    sections = {}
    for p in parcels:
        if p["lu"] not in ("1401", "1402", "1403"):
            continue
        role = p["role"]
        if role == "central_park":
            base = ("Hexing Central Park", "禾兴中央公园")
        elif role == "wetland_park":
            base = ("Luxi Wetland Park", "芦溪湿地公园")
        elif role == "riverside":
            base = (("Yunhe Riverside Park", "运河滨河公园") if p["lu"] == "1401"
                    else ("Yunhe Protective Green Belt", "运河防护绿带"))
        elif role == "trunk_belt":
            base = ("Jiahe Avenue Green Belt", "嘉禾大道防护绿带")
        elif p["lu"] == "1402":
            # Named after the road whose kerb it lines (the nearest corridor edge, not centre line).
            e = min(edges, key=lambda e: e["geom"].distance(p["geom"]) - e["width"] / 2.0)
            base = (f"{e['name']} Green Belt", f"{e['name_zh']}防护绿带")
        elif p["lu"] == "1403":
            n, z = next(names)
            base = (f"{n} Square", f"{z}广场")
        else:
            n, z = next(names)
            base = (f"{n} Pocket Park", f"{z}口袋公园") if park_type(p) == "pocket" else (f"{n} Park", f"{z}公园")
        sections.setdefault(base, []).append(p)
    for (name, name_zh), group in sections.items():
        group.sort(key=lambda p: p["geom"].centroid.x)
        for i, p in enumerate(group, 1):
            p["base_name"] = (name, name_zh)
            if len(group) == 1:
                p["name"], p["name_zh"] = name, name_zh
            else:
                p["name"], p["name_zh"] = f"{name} Section {i}", f"{name_zh}{cn_number(i)}段"


def green_rows(parcels):
    greens = [p for p in parcels if p["lu"] in ("1401", "1402")]
    return [(p["geom"], dict(green_id=f"G{i:03d}", name=p["name"], name_zh=p["name_zh"], park_type=park_type(p),
                             area_m2=round(p["geom"].area, 1)))
            for i, p in enumerate(greens, 1)]
