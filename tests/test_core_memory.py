"""core.memory and the memory estimates of core.cooling and core.habitat: the refusal rule by hand,
the issue's parameters (20 km cooling distance, 0.3 m sample spacing) near 10 GB and more, and the
estimates against what the steps really allocate."""
import os
import subprocess
import sys
import textwrap
import tracemalloc

import numpy as np
import pytest

from lcr_toolkit.core import cooling, habitat, memory

GB = 2 ** 30


def test_a_step_may_take_half_the_physical_memory():
    assert memory.memory_limit(16 * GB) == 8 * GB
    assert memory.exceeds(8 * GB + 1, 16 * GB)
    assert not memory.exceeds(8 * GB, 16 * GB)
    assert memory.exceeds(3 * GB, 16 * GB, share=0.125)


def test_the_physical_memory_is_read():
    assert memory.physical_memory_bytes() >= 256 * 2 ** 20


def test_the_physical_memory_falls_back_to_a_small_laptop(monkeypatch):
    monkeypatch.setitem(sys.modules, "psutil", None)      # import psutil fails
    monkeypatch.setattr(memory.os, "sysconf", lambda name: -1)
    monkeypatch.setattr(memory.sys, "platform", "linux")
    assert memory.physical_memory_bytes() == memory.ASSUMED_PHYSICAL_BYTES == 8 * GB


# ---- urban cooling -----------------------------------------------------------------------------
def test_a_20_km_cooling_distance_asks_for_more_than_10_gb():
    # 10 m cells: expected distance 2 000 cells, kernel 20 001 cells a side (4·10^8 cells), convolved
    # by FFT on a grid padded past 20 200 a side.
    estimate = cooling.memory_estimate(200, 200, 10.0, 20_000, 500, 1024)
    assert estimate["cooling"] > 10 * GB
    assert estimate["cooling"] > 100 * estimate["mixing"]


def test_the_recommended_distances_fit_a_laptop_on_a_city_raster():
    # 10 000 × 10 000 cells of 10 m (a 100 km square): 450 m and 500 m, InVEST's recommendations.
    estimate = cooling.memory_estimate(10_000, 10_000, 10.0, 450, 500, 1024)
    assert 0.8 * GB < estimate["cooling"] < 2 * GB     # HM of the grid alone is 0.75 GB
    assert not memory.exceeds(max(estimate.values()), 8 * GB)


def test_the_estimate_grows_with_the_distance_and_the_grid():
    small = cooling.memory_estimate(500, 500, 10.0, 450, 500, 1024)
    assert cooling.memory_estimate(500, 500, 10.0, 900, 500, 1024)["cooling"] > small["cooling"]
    assert cooling.memory_estimate(500, 500, 10.0, 450, 1000, 1024)["mixing"] > small["mixing"]
    assert cooling.memory_estimate(1000, 500, 10.0, 450, 500, 1024)["cooling"] > small["cooling"]
    assert cooling.memory_estimate(500, 500, 10.0, 450, 500, 1024, et0_grid=True)["cooling"] == \
        small["cooling"] + 8 * 500 * 500


def test_no_mixing_needs_no_kernel():
    estimate = cooling.memory_estimate(100, 100, 10.0, 450, 4.9, 1024)
    assert estimate["mixing"] == 8 * 100 * 100 + (32 + 16) * 100 * 100


@pytest.mark.parametrize("rows, cols, cell, d_cool, radius", [
    (300, 300, 10.0, 450, 500),     # the defaults, a window smaller than a tile
    (200, 500, 5.0, 300, 50),
    (400, 400, 10.0, 30, 20),       # small kernels
])
def test_the_estimate_covers_what_the_steps_allocate(rows, cols, cell, d_cool, radius):
    # tracemalloc sees numpy's and scipy.fft's arrays: heat_mitigation and air_temperature on a window,
    # plus the grid of HM; the estimate must cover them without being wildly above.
    rng = np.random.default_rng(1)
    valid = rng.random((rows, cols)) > 0.1
    cc = np.where(valid, rng.random((rows, cols)), np.nan)
    green = (rng.random((rows, cols)) > 0.5).astype(float)
    tracemalloc.start()
    try:
        hm = cooling.heat_mitigation(cc, green, valid, cell, d_cool)["hm"]
        cooling_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        cooling.air_temperature(hm, valid, 30.0, 3.0, cell, radius)
        mixing_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    estimate = cooling.memory_estimate(rows, cols, cell, d_cool, radius, 1024)
    grid = 8 * rows * cols
    assert cooling_peak + grid <= estimate["cooling"] <= 4 * (cooling_peak + grid)
    assert mixing_peak + grid <= estimate["mixing"] <= 4 * (mixing_peak + grid)


# ---- habitat quality -----------------------------------------------------------------------------
def test_sample_memory_by_hand():
    # 1 km² every 1 m: 10^6 points kept plus 10 piece points, 320 B each, plus one batch of grid points.
    assert habitat.sample_memory_estimate(1e6, 1.0, 10) == (1e6 + 10) * 320 + 200_000 * 320
    assert habitat.sample_memory_estimate(1e6, 0.0, 10) == 10 * 320       # one point per piece


def test_a_0_3_m_spacing_asks_for_about_10_gb():
    # 3 km² of habitat at 0.3 m: 3.3·10^7 points. The default 20 m needs 7 500 points.
    assert 9.5 * GB < habitat.sample_memory_estimate(3e6, 0.3, 100) < 11 * GB
    assert habitat.sample_memory_estimate(3e6, 20.0, 100) < 0.1 * GB


def test_the_sample_estimate_covers_what_sampling_allocates(plugin_root):
    # Growth of a fresh process's peak resident memory while it samples 250 000 points (GEOS's points
    # are invisible to tracemalloc).
    script = textwrap.dedent("""
        import numpy as np, shapely
        from lcr_toolkit.core import habitat

        def status(key):   # VmHWM, not ru_maxrss: that keeps the parent's peak across fork and exec
            with open("/proc/self/status") as lines:
                return next(int(line.split()[1]) * 1024 for line in lines if line.startswith(key + ":"))

        pieces = np.array([shapely.box(0, 0, 250, 500), shapely.box(250, 0, 500, 500)])
        roads = np.array([shapely.LineString([(0, -10), (500, -10)]).buffer(5)])
        before = status("VmRSS")
        habitat.habitat_quality(pieces, [1, 1], [1, 1], [1, 1], roads, np.array([shapely.box(-9, -9, -8, -8)]),
                                1000, 500, spacing_m=1.0)
        print(status("VmHWM") - before)
    """)
    if sys.platform != "linux":
        pytest.skip("reads /proc/self/status")
    grown = int(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONPATH": str(plugin_root)}).stdout)
    estimate = habitat.sample_memory_estimate(500 * 500, 1.0, 2)
    assert grown <= estimate <= 3 * grown
