"""The "<field>_est" flag of a value field, found under the names a Shapefile's .dbf cuts it to."""
import pytest

from lcr_toolkit.algorithms import est_flags
from lcr_toolkit.algorithms.outputs import dbf_names


@pytest.mark.parametrize("name", ["residents", "capacity", "energy_kwh", "co2_t_yr", "floors", "shelter_ca"])
def test_cut_forms_hold_the_name_gdal_writes(name):
    """Whatever comes first in the layer, GDAL's name for the flag (outputs.dbf_names) is one of the forms."""
    written = dbf_names([name, f"{name}_e", "x", name + "_est"])[-1]
    assert name + "_est" == written or written in est_flags.cut_forms(name)


def fields_of(make_layer, names):
    return make_layer("Point", "EPSG:4549", "&field=".join(f"{n}:integer" for n in names), []).fields()


def test_flags_of_building_emissions_saved_as_a_shapefile(make_layer):
    """building_emissions writes co2_t_yr_est and energy_kwh_est after co2_t_yr and energy_kwh: in a .dbf
    “co2_t_yr_e” (its 10 bytes) and “energy_k_1” (“energy_kwh” is the value field's own name)."""
    names = ["floors", "energy_kwh", "co2_t_yr"]
    fields = fields_of(make_layer, names + dbf_names(names + ["co2_t_yr_est", "energy_kwh_est"])[3:])
    assert [fields.at(i).name() for i in range(5)] == names + ["co2_t_yr_e", "energy_k_1"]
    assert est_flags.flag_index(fields, 1) == (4, "energy_k_1")
    assert est_flags.flag_index(fields, 2) == (3, "co2_t_yr_e")
    assert est_flags.flag_index(fields, 0) == (-1, None)      # floors_est fits: not there, nothing else counts


def test_a_whole_name_comes_first_and_cut_forms_only_in_a_dbf_layer(make_layer):
    fields = fields_of(make_layer, ["energy_kwh", "energy_k_1", "energy_kwh_est"])
    assert est_flags.flag_index(fields, 0) == (2, None)
    # a name longer than 10 bytes: not a .dbf's layer, so "energy_k_1" is some other field
    fields = fields_of(make_layer, ["energy_kwh", "energy_k_1", "a_long_field_name"])
    assert est_flags.flag_index(fields, 0) == (-1, None)
    # a cut form before the value field is not its flag (the toolkit writes flags after their values)
    fields = fields_of(make_layer, ["energy_k_1", "energy_kwh"])
    assert est_flags.flag_index(fields, 1) == (-1, None)
