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

import numpy as np
import shapely

_STATE = threading.local()
_PLAIN = (int, float, str, bool, type(None))


@contextlib.contextmanager
def sharing():
    """Share the results of ``shareable`` functions until the block ends (on this thread)."""
    previous = getattr(_STATE, "cache", None)
    _STATE.cache = {}
    try:
        yield
    finally:
        _STATE.cache = previous


def _key(value, by_content=False):
    if isinstance(value, _PLAIN):
        return value
    if by_content:
        # geometries read anew by each step (the planning units, a few thousand): equal if their WKB is
        digest = hashlib.sha1()
        for wkb in shapely.to_wkb(np.asarray(value, dtype=object)):
            digest.update(b"-" if wkb is None else wkb)
        return "content", len(value), digest.hexdigest()
    return "id", id(value)


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
            # the arguments stay referenced with the result, so no other object takes their ids
            cache[key] = (function(*args, **kwargs), args, kwargs)
        return cache[key][0]
    return wrapper
