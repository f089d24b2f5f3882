"""core.zones on hand-drawn zones."""
import numpy as np
import shapely

from lcr_toolkit.core import zones


def test_assign_by_representative_point_first_zone_wins():
    units = [shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10), shapely.box(0, 0, 20, 10)]
    things = np.array([
        shapely.box(1, 1, 3, 3),          # in unit 0 (and in the overlapping unit 2: first wins)
        shapely.box(12, 1, 14, 3),        # in unit 1
        shapely.box(8, 1, 19, 2),         # straddles: its representative point decides
        shapely.box(50, 50, 51, 51),      # outside
        None,
    ], dtype=object)
    index = zones.assign_to_zones(things, units)
    assert index[:2].tolist() == [0, 1]
    assert index[2] in (0, 1)
    assert index[3:].tolist() == [-1, -1]


def test_sum_by_zone_skips_outside_and_nan():
    assert zones.sum_by_zone([0, 1, 0, -1, 1], [1.0, 2.0, 3.0, 100.0, np.nan], 3).tolist() == [4.0, 2.0, 0.0]


def _turned(geometry, degrees=1.4, scale=1.0002, origin=(500.0, 500.0)):
    """``geometry`` seen in another conformal grid: turned and scaled about ``origin``."""
    angle = np.radians(degrees)
    cos, sin = scale * np.cos(angle), scale * np.sin(angle)
    return shapely.transform(geometry, lambda xy: (xy - origin) @ np.array([[cos, sin], [-sin, cos]]) + origin)


def test_representative_points_follow_a_change_of_grid():
    # A river strip 30 m wide bending round its own centroid, a concave lot, a rectangle, a point.
    # Its arms differ in length: with equal ones the centroid is as far from both, and the last bit of
    # the turned coordinates (numpy 1 and 2 round the turn differently) chose the arm.
    river = shapely.LineString([(0, 0), (400, 300), (760, 0)]).buffer(15, cap_style="flat")
    lot = shapely.Polygon([(0, 0), (100, 0), (100, 100), (80, 100), (80, 20), (20, 20), (20, 100), (0, 100)])
    shapes = np.array([river, lot, shapely.box(0, 0, 40, 20), shapely.Point(3, 4), None], dtype=object)
    points = zones.representative_points(shapes)
    assert all(shapely.contains_properly(s, p) for s, p in zip(shapes[:3], points[:3]))
    assert points[2].equals(shapely.Point(20, 10)) and points[3].equals(shapely.Point(3, 4)) and points[4] is None
    assert not shapely.contains_properly(river, shapely.centroid(river))
    # Turned by 1.4° (Gauss-Krüger 120° E against UTM 51N at Jiaxing), the points turn with the shapes;
    # point_on_surface picks another spot of the river.
    moved = zones.representative_points(np.array([_turned(s) for s in shapes[:3]]))
    assert shapely.distance(moved, np.array([_turned(p) for p in points[:3]])).max() < 0.01
    assert shapely.distance(shapely.point_on_surface(_turned(river)), _turned(shapely.point_on_surface(river))) > 1


def test_extents_apart_by_the_gap_between_the_boxes():
    homes = [shapely.Point(0, 0), None, shapely.Point(100, 0)]
    # the facility's box lies 300 m east and 400 m north of the homes' box: 500 m apart
    facility = [shapely.box(400, 400, 410, 410)]
    assert zones.extents_apart(homes, facility, 499.0)
    assert not zones.extents_apart(homes, facility, 500.0)
    assert not zones.extents_apart(homes, [shapely.Point(50, 0)])            # overlapping boxes
    assert not zones.extents_apart([None], facility)                          # nothing to compare
    assert not zones.extents_apart([], facility)
    boxes = [zones.extent_box(homes), zones.extent_box([None]), zones.extent_box([shapely.Point(100, 50)])]
    assert boxes[0].bounds == (0.0, 0.0, 100.0, 0.0) and boxes[1] is None
    assert zones.extents_apart(boxes, facility, 400.0) and not zones.extents_apart(boxes, facility, 500.0)
