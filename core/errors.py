"""Errors that core raises for bad user input.

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
