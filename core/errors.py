"""Errors that core raises for bad user input, and for a run the user cancelled.

Core cannot translate (it has no QGIS), so an error carries a stable ``kind`` and its
parameters; the algorithm layer turns it into a translated message.
"""


class InputError(ValueError):
    def __init__(self, kind, **params):
        super().__init__(kind, params)
        self.kind = kind
        self.params = params

    def __str__(self):
        details = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.kind}: {details}" if details else self.kind


class Canceled(Exception):
    """The user cancelled the run. Raised (never returned) so that no partial result can pass for a
    whole one: the algorithm layer turns it into a failed run and removes what was written."""


def check_canceled(is_canceled):
    """Raise ``Canceled`` if the callable ``is_canceled`` (or None: never) says so."""
    if is_canceled is not None and is_canceled():
        raise Canceled()
