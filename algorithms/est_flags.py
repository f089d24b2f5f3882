"""The "<field>_est" flag next to a value field (1 = the value rests on the toolkit's shipped defaults,
written by an upstream tool such as lcr:prepare_osm), also where a Shapefile cut its name.

A .dbf keeps 10 bytes a name: a layer saved as a Shapefile holds residents_est as “residents_”,
capacity_est as “capacity_e”, and energy_kwh_est, whose cut form “energy_kwh” is taken by the value
field, as “energy_k_1”. Missed, the flag would be lost without a word and the values judged as data.
"""
from ..qt_compat import holds_numbers

SUFFIX = "_est"
DBF_NAME_BYTES = 10


def cut_forms(name):
    """The names GDAL may give the flag of ``name`` in a .dbf (``outputs.dbf_names``): its first 10
    bytes, else, where those were taken, 8 bytes + "_1" … "_9", then + "10" … "99"."""
    full = (name + SUFFIX).encode("utf-8")
    if len(full) <= DBF_NAME_BYTES:
        return []
    radix = full[:DBF_NAME_BYTES].rstrip(b" ")
    forms = [radix] + [radix[:8] + (f"_{n}" if n < 10 else f"{n}").encode() for n in range(1, 100)]
    return [form.decode("utf-8", errors="replace") for form in forms]


def flag_index(fields, index):
    """(index of the numeric flag of the field at ``index`` in ``fields``, or -1; the name it was found
    under where a Shapefile cut it, else None). A cut form counts only in a layer whose names all fit a
    .dbf, and only after the value field, where every tool of the toolkit writes its flags."""
    name = fields.at(index).name()
    found = fields.lookupField(name + SUFFIX)
    if found >= 0:
        return (found if holds_numbers(fields.at(found)) else -1), None
    names = fields.names()
    if any(len(other.encode("utf-8")) > DBF_NAME_BYTES for other in names):
        return -1, None
    for form in cut_forms(name):
        found = fields.lookupField(form)
        if found > index and holds_numbers(fields.at(found)):
            return found, fields.at(found).name()
    return -1, None
