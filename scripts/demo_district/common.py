"""District constants and small geometry helpers shared by every layer."""
import math
from fractions import Fraction

import numpy as np
import shapely
from shapely.geometry import LineString
from shapely.ops import linemerge, substring


SEED = 20240607
EPSG = 4549
# South-west corner of the district; its centre then falls near x≈572000, y≈3402000 (Jiaxing).
ORIGIN = np.array([570000.0, 3400500.0])
SIZE = (4000.0, 3000.0)


def world(points):
    """Local metres (origin at the district's south-west corner) to EPSG:4549 metres."""
    return np.asarray(points, dtype=float) + ORIGIN


def polygons_of(geom, min_area=1.0):
    """Polygon parts of any overlay result; lines and points that overlays leave behind are dropped."""
    return [g for g in shapely.get_parts(geom)
            if g.geom_type == "Polygon" and not g.is_empty and g.area >= min_area]


def lines_of(geom, min_length=0.0):
    return [g for g in shapely.get_parts(linemerge_safe(geom))
            if g.geom_type == "LineString" and g.length > min_length]


def linemerge_safe(geom):
    if geom.geom_type == "MultiLineString":
        return linemerge(geom)
    return geom


def bent_line(start, end, rng, amplitude, kinks):
    """Straight-ish line whose interior vertices are pushed sideways, like a street that bends."""
    p0, p1 = np.asarray(start, dtype=float), np.asarray(end, dtype=float)
    along = p1 - p0
    side = np.array([-along[1], along[0]]) / np.hypot(*along)
    ts = np.linspace(0.0, 1.0, kinks + 2)[1:-1] + rng.uniform(-0.3, 0.3, kinks) / (kinks + 1)
    offsets = rng.normal(0.0, amplitude, kinks)
    middle = [p0 + t * along + o * side for t, o in zip(ts, offsets)]
    return LineString([p0, *middle, p1])


def value_along(line, coordinate, axis):
    """The other coordinate of a monotone line at ``coordinate`` on ``axis`` (0 = x, 1 = y)."""
    c = np.asarray(line.coords)
    order = np.argsort(c[:, axis])
    return float(np.interp(coordinate, c[order, axis], c[order, 1 - axis]))


def long_axis(poly):
    """Unit vector along the longer side of the polygon's minimum rotated rectangle."""
    rect = np.asarray(poly.minimum_rotated_rectangle.exterior.coords)
    e1, e2 = rect[1] - rect[0], rect[2] - rect[1]
    u = e1 if np.hypot(*e1) >= np.hypot(*e2) else e2
    n = np.hypot(*u)
    return u / n if n > 0 else np.array([1.0, 0.0])


def row_angle(poly):
    """Axis of the polygon nearest to east-west, degrees in [-45, 45): residential rows face south."""
    u = long_axis(poly)
    return (math.degrees(math.atan2(u[1], u[0])) + 45.0) % 90.0 - 45.0


def opening(poly, radius):
    """Shave off parts narrower than 2*radius and round convex corners (curb radii, slivers)."""
    return poly.buffer(-radius, quad_segs=2).buffer(radius, quad_segs=2).intersection(poly)


def smooth_profile(rng, wavelengths, amplitudes):
    """A smooth random 1-D function (sum of sines with random phases): meanders, band widths."""
    phases = rng.uniform(0.0, 2 * np.pi, len(wavelengths))
    return lambda s: sum(a * np.sin(2 * np.pi * np.asarray(s, dtype=float) / w + p)
                         for w, a, p in zip(wavelengths, amplitudes, phases))


def cut_between(line, first, second, overshoot=2.0):
    """The piece of ``line`` between its crossings with two other lines, reaching slightly past both.

    Overshooting guarantees the pieces really cross, so noding later makes a junction there;
    the stubs are pruned afterwards.
    """
    d = sorted(line.project(line.intersection(other).centroid) for other in (first, second))
    return substring(line, max(d[0] - overshoot, 0.0), min(d[1] + overshoot, line.length))


def fma(a, b, c):
    """a * b + c rounded once, as a fused multiply-add does (math.fma needs Python 3.13)."""
    return float(Fraction(float(a)) * Fraction(float(b)) + Fraction(float(c)))


def project(points, u):
    """points @ u for 2-D vectors, the same on every machine.

    numpy hands ``@`` to OpenBLAS, whose result depends on the kernel it picks for the processor
    (or OPENBLAS_CORETYPE): the AVX-512 kernels fuse the multiply-add, the Haswell one does not
    for two-element dot products. A last-bit difference moves a parcel cut and, through the
    random draws that follow, everything after it. The shipped data was made with the AVX-512
    kernels, so this spells out their rounding: x0*u0 fused onto the rounded x1*u1 for an
    (n, 2) array, x1*u1 fused onto the rounded x0*u0 for a single point.
    """
    p = np.asarray(points, dtype=float)
    if p.ndim == 1:
        return fma(p[1], u[1], p[0] * u[0])
    return np.array([fma(x, u[0], y * u[1]) for x, y in p])


def pick(rng, options):
    """Weighted choice from {value: weight}."""
    keys = list(options)
    w = np.array([options[k] for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=w / w.sum()))]


def order_key(geom):
    """North-west first, row by row: ids then read like a map."""
    c = geom.centroid
    return (-round((c.y - ORIGIN[1]) / 150.0), c.x)
