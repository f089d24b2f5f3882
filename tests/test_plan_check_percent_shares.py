"""A green ratio written as per cent (绿地率 35, as 控规 parcel tables write it) is read as 0.35 by every step of
the detailed check, not only by its rule: the sponge steps refused it, stopping the check, while the rule read it.
The log names the user's layer, not the step's intermediate output."""
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lcr_toolkit.core import tables

sys.path.insert(0, str(Path(__file__).parent))
from test_plan_check_empty_layers import altered, checked_both  # noqa: E402

RESULT = ["verdict", "n_pass", "n_fail", "n_na"]


def test_percent_as_share():
    shares, n = tables.percent_as_share([0.35, 35, 1.0, 100, 150, np.nan, 0])
    np.testing.assert_allclose(shares, [0.35, 0.35, 1.0, 1.0, 150, np.nan, 0])
    assert n == 2


def test_detailed_check_reads_a_green_ratio_in_per_cent(provider, log_feedback, tmp_path):
    """The demo's 334 parcels with a green ratio above 0.01, written ×100: every rule's counts as with the
    shares (CN_D_GREEN_RATIO 131 pass; retention, which reads ψ from the green ratio, 131 pass 173 fail)."""
    log = log_feedback()
    rules, before, _ = checked_both("lcr:detailed_plan_check",
                                    altered(tmp_path, "UPDATE parcels SET green_ratio = green_ratio * 100"),
                                    tmp_path, log)
    pd.testing.assert_frame_equal(rules[RESULT], before[RESULT])
    assert rules.loc["CN_D_RETENTION", ["n_pass", "n_fail"]].tolist() == [131, 173]
    text = "\n".join(log.lines)
    assert "“parcels”: 334 values of the green ratio “green_ratio” are above 1, which no share can be: they are " \
           "read as per cent (35 as 0.35)." in text
    for step_output in ("Calculated", "Public green within walking distance", "Land-cover shares"):
        assert f"“{step_output}”" not in text


@pytest.mark.parametrize("alg", ["sponge_capture", "size_lid"])
def test_sponge_steps_read_per_cent_and_refuse_above_100(provider, make_layer, rect, alg):
    import processing
    from qgis.core import QgsProcessingException

    def run(values):
        layer = make_layer("Polygon", "EPSG:4549", "name:string&field=g:double",
                           [(rect(20 * i, 0, 10, 10), [str(i), v]) for i, v in enumerate(values)])
        params = {"INPUT": layer, "GREEN_RATIO_FIELD": "g", "DESIGN_RAINFALL_MM": 30, "OUTPUT": "TEMPORARY_OUTPUT"}
        return {f["name"]: f for f in processing.run(f"lcr:{alg}", params)["OUTPUT"].getFeatures()}

    field = "psi" if alg == "sponge_capture" else "need_m3"
    shares, percents = run([0.35, 0.2]), run([35, 20])
    assert [percents[k][field] for k in "01"] == pytest.approx([shares[k][field] for k in "01"])
    with pytest.raises(QgsProcessingException, match="“g”"):
        run([0.35, 135])
