"""Results shared between the steps of one run that see the same arrays.

A plan check (algorithms/plan_checks.py) runs several tools on the same buildings, read once: each
would find the same representative points, build the same road network and snap the same homes to
it. Inside ``sharing()``, a function marked ``shareable`` computes once per set of arguments — the
same array objects (by identity, kept alive while shared; small geometry arrays such as the units by
their content, where marked) and equal plain values — and hands the
same result to every later call; outside, it simply runs. The results must not be changed in place
by their users (none of the marked functions' callers does).

A result marked ``points`` (an array of shapely points, None where missing: the buildings'
representative points) is kept as its coordinates, 16 bytes a point instead of about 200 for a GEOS
point and its Python object (at a million buildings, 16 MB instead of 200 MB held from the first
network step to the last). Every call gets new points built from them, held only while the step's
chunk is; a shareable function given such an array is keyed by the result it was built from, so
the snaps and zones computed from the points are shared as before.
"""
import contextlib
import functools
import hashlib
import threading
import weakref

import numpy as np
import shapely

_STATE = threading.local()
_PLAIN = (int, float, str, bool, type(None))


@contextlib.contextmanager
def sharing():
    """Share the results of ``shareable`` functions until the block ends (on this thread)."""
    names = ("cache", "contents", "last", "built")
    previous = [getattr(_STATE, name, None) for name in names]
    for name in names:
        setattr(_STATE, name, {})
    try:
        yield
    finally:
        for name, value in zip(names, previous):
            setattr(_STATE, name, value)


def last_of(name, argument, make):
    """``make(argument)``, inside ``sharing()`` kept for the last ``argument`` object (by identity) only,
    under ``name``: what a step makes once for its chunks (the units' search tree), held no longer than
    until another array asks, so that it costs no memory after the step. Outside, simply made."""
    last = getattr(_STATE, "last", None)
    if last is None:
        return make(argument)
    found = last.get(name)
    if found is None or found[0] is not argument:
        last[name] = None   # the previous one goes before the next is made
        found = last[name] = (argument, make(argument))
    return found[1]


def _held(value):
    """The objects a cache entry's argument or result holds: itself, and the members of a tuple."""
    if isinstance(value, tuple):
        return [value, *value]
    return [value]


def release(objects):
    """Drop, inside ``sharing()``, every shared result computed from any of ``objects`` (by identity),
    and the results computed from those results (the snap of the representative points of a building
    chunk goes with the chunk), so that a plan check frees a layer's memory after its last step."""
    cache = getattr(_STATE, "cache", None)
    if not cache:
        return 0
    gone = {id(o) for o in objects}
    dropped = 0
    while True:
        doomed = [key for key, (result, args, kwargs) in cache.items()
                  if any(id(o) in gone for value in (*args, *kwargs.values()) for o in _held(value))]
        if not doomed:
            return dropped
        for key in doomed:
            gone.update(id(o) for o in _held(cache.pop(key)[0]))
        dropped += len(doomed)


def keep_only(objects):
    """Drop, inside ``sharing()``, every shared result computed from an object (by identity) that is
    neither among ``objects`` nor a result kept (arguments matched by content do not count): a plan
    check's step shares what it computed from its own reading of the units (their points, snaps) with
    no later step, which reads them anew, so it need not hold them to the end of the run. Returns the
    number of results dropped."""
    cache = getattr(_STATE, "cache", None)
    if not cache:
        return 0
    allowed = {id(o) for o in objects}
    pending = dict(cache)
    settled = True
    while settled:
        settled = False
        for key, (result, args, kwargs) in list(pending.items()):
            if all(value is None or isinstance(value, _PLAIN) or id(value) in allowed
                   for value in (*args, *kwargs.values())):
                allowed.update(id(o) for o in _held(result))
                del pending[key]
                settled = True
    for key in pending:
        cache.pop(key)
    return len(pending)


def _key(value, by_content=False):
    if isinstance(value, _PLAIN):
        return value
    if by_content:
        return _content_once(value)
    return "id", id(_origin(value))


class _Points:
    """A ``points`` result kept as coordinates: ``n`` points, those present (``present``: a mask, or None
    where all are) at ``coords``."""

    __slots__ = ("n", "present", "coords", "__weakref__")

    @classmethod
    def pack(cls, points):
        """``points`` kept as coordinates, or None where they are not all 2D points or missing (then
        the array itself is kept)."""
        points = np.asarray(points, dtype=object)
        present = ~shapely.is_missing(points)
        shown = points[present] if not present.all() else points
        if len(shown) and not ((shapely.get_type_id(shown) == 0).all() and not shapely.is_empty(shown).any()
                               and not shapely.has_z(shown).any()):
            return None
        packed = cls()
        packed.n, packed.present = len(points), None if present.all() else present
        packed.coords = shapely.get_coordinates(shown)
        return packed

    def points(self):
        """New shapely points at the coordinates (the same numbers: every predicate gives the same answer)."""
        built = shapely.points(self.coords) if len(self.coords) else np.zeros(0, dtype=object)
        if self.present is None:
            return np.asarray(built, dtype=object)
        out = np.full(self.n, None, dtype=object)
        out[self.present] = built
        return out


def _remember(points, packed):
    """``points``, remembered (weakly) as built from ``packed``."""
    built = getattr(_STATE, "built", None)
    if built is not None:
        key = id(points)

        def forget(ref, key=key):
            if built.get(key, (None,))[0] is ref:
                del built[key]

        built[key] = (weakref.ref(points, forget), packed)
    return points


def _origin(value):
    """The packed result ``value`` was built from (``_remember``), else ``value`` itself."""
    built = getattr(_STATE, "built", None)
    found = built.get(id(value)) if built else None
    if found is not None and found[0]() is value:
        return found[1]
    return value


def _content_once(geometries):
    """``_content`` of an array, worked out once per array object inside ``sharing()``: a step hands the
    same units to a shared function once per chunk of its features, and hashing 78,000 parcels takes
    over a second. Held by a weak reference (a freed array's id may come again), so the memo keeps no
    array alive."""
    contents = getattr(_STATE, "contents", None)
    try:
        ref = weakref.ref(geometries)
    except TypeError:   # a list, say
        return _content(geometries)
    if contents is None:
        return _content(geometries)
    found = contents.get(id(geometries))
    if found is None or found[0]() is not geometries:
        found = contents[id(geometries)] = (ref, _content(geometries))
    return found[1]


def _content(geometries):
    """A key equal for arrays of equal polygons (the planning units, a few thousand, that each step
    reads anew): their types, the parts and rings each is made of and every coordinate. Not WKB:
    inside QGIS, shapely's WKB writer can meet QGIS's own older GEOS and fail."""
    geometries = np.asarray(geometries, dtype=object)
    if not len(geometries) or not (shapely.get_dimensions(geometries) == 2).all():
        return "id", id(geometries)
    parts, part_owner = shapely.get_parts(geometries, return_index=True)
    rings, ring_owner = shapely.get_rings(parts, return_index=True)
    digest = hashlib.sha1()
    for array in (shapely.get_type_id(geometries), part_owner, ring_owner, shapely.get_num_coordinates(rings),
                  shapely.get_coordinates(rings, include_z=True)):
        digest.update(np.ascontiguousarray(array).tobytes())
        digest.update(b"|")
    return "content", len(geometries), digest.hexdigest()


def shareable(function=None, by_content=(), points=False):
    """Mark ``function`` as shareable; ``by_content``: positions of the arguments (geometry arrays)
    that match by their content rather than their identity; ``points``: its result is an array of
    shapely points (or None), kept as their coordinates."""
    if function is None:
        return functools.partial(shareable, by_content=by_content, points=points)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        cache = getattr(_STATE, "cache", None)
        if cache is None:
            return function(*args, **kwargs)
        # how a run is cancelled changes no result: a cancelled call raises and stores nothing
        keyed = {name: v for name, v in kwargs.items() if name != "is_canceled"}
        key = (function.__module__, function.__qualname__,
               tuple(_key(a, i in by_content) for i, a in enumerate(args)),
               tuple(sorted((name, _key(v)) for name, v in keyed.items())))
        if key not in cache:
            # the arguments stay referenced with the result, so no other object takes their ids; those
            # matched by content need not (nor stay in memory); points built from a packed result are
            # held as that result
            held = tuple(None if i in by_content else _origin(a) for i, a in enumerate(args))
            result = function(*args, **kwargs)
            packed = _Points.pack(result) if points else None
            cache[key] = (result if packed is None else packed, held,
                          {name: _origin(v) for name, v in keyed.items()})
            if packed is None:
                return result
            # the array computed stands for the packed result, unless it is an argument (known by itself)
            return _remember(packed.points() if any(result is a for a in args) else result, packed)
        result = cache[key][0]
        return _remember(result.points(), result) if isinstance(result, _Points) else result
    return wrapper
