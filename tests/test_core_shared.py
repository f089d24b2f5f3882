"""core.shared: results shared inside ``sharing()``, and ``release`` dropping those computed from a
freed layer's arrays, and the results computed from those in turn."""
import numpy as np

from lcr_toolkit.core import shared

CALLS = []


@shared.shareable
def doubled(values):
    CALLS.append("doubled")
    return values * 2


@shared.shareable
def summed(values, offset=0):
    CALLS.append("summed")
    return float(values.sum()) + offset


def test_release_drops_the_results_of_an_array_and_what_was_computed_from_them():
    a, b = np.arange(4.0), np.ones(3)
    CALLS.clear()
    with shared.sharing():
        twice = doubled(a)
        assert summed(twice) == 12.0 and summed(b) == 3.0
        assert doubled(a) is twice and summed(twice) == 12.0 and CALLS == ["doubled", "summed", "summed"]
        # a's doubled, and the sum of that: 2 entries; b's sum stays
        assert shared.release([a]) == 2
        assert summed(b) == 3.0 and CALLS == ["doubled", "summed", "summed"]
        assert doubled(a) is not twice and CALLS[-1] == "doubled"
    assert shared.release([a]) == 0   # outside sharing(): nothing is kept
