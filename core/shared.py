"""Results shared between the steps of one run that see the same arrays.

A plan check (algorithms/plan_checks.py) runs several tools on the same buildings, read once: each
would find the same representative points, build the same road network and snap the same homes to
it. Inside ``sharing()``, a function marked ``shareable`` computes once per set of arguments — the
same array objects (by identity, kept alive while shared) and equal plain values — and hands the
same result to every later call; outside, it simply runs. The results must not be changed in place
by their users (none of the marked functions' callers does).
"""
import contextlib
import functools
import threading

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


def _key(value):
    return value if isinstance(value, _PLAIN) else ("id", id(value))


def shareable(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        cache = getattr(_STATE, "cache", None)
        if cache is None:
            return function(*args, **kwargs)
        key = (function.__module__, function.__qualname__, tuple(_key(a) for a in args),
               tuple(sorted((name, _key(v)) for name, v in kwargs.items())))
        if key not in cache:
            # the arguments stay referenced with the result, so no other object takes their ids
            cache[key] = (function(*args, **kwargs), args, kwargs)
        return cache[key][0]
    return wrapper
