"""Results shared between the steps of one run that see the same arrays.

A plan check (algorithms/plan_checks.py) runs several tools on the same buildings, read once: each
would find the same representative points, build the same road network and snap the same homes to
it. Inside ``sharing()``, a function marked ``shareable`` computes once per set of arguments — the
same array objects (by identity, kept alive while shared; small geometry arrays such as the units by
their content, where marked) and equal plain values — and hands the
same result to every later call; outside, it simply runs. The results must not be changed in place
by their users (none of the marked functions' callers does).
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
    previous = getattr(_STATE, "cache", None), getattr(_STATE, "contents", None), getattr(_STATE, "last", None)
    _STATE.cache, _STATE.contents, _STATE.last = {}, {}, {}
    try:
        yield
    finally:
        _STATE.cache, _STATE.contents, _STATE.last = previous


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
    return "id", id(value)


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


def shareable(function=None, by_content=()):
    """Mark ``function`` as shareable; ``by_content``: positions of the arguments (geometry arrays)
    that match by their content rather than their identity."""
    if function is None:
        return functools.partial(shareable, by_content=by_content)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        cache = getattr(_STATE, "cache", None)
        if cache is None:
            return function(*args, **kwargs)
        key = (function.__module__, function.__qualname__,
               tuple(_key(a, i in by_content) for i, a in enumerate(args)),
               tuple(sorted((name, _key(v)) for name, v in kwargs.items())))
        if key not in cache:
            # the arguments stay referenced with the result, so no other object takes their ids; those
            # matched by content need not (nor stay in memory)
            held = tuple(None if i in by_content else a for i, a in enumerate(args))
            cache[key] = (function(*args, **kwargs), held, kwargs)
        return cache[key][0]
    return wrapper
