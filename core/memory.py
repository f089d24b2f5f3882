"""Refusing a step whose arrays would not fit in memory, before it allocates them.

A parameter such as a 20 km cooling distance or a 0.3 m sample spacing can ask numpy for tens of
gigabytes; left alone the run swaps for minutes and then dies with a MemoryError traceback. Each
such step has a pure estimate of its peak (in the module of its science: ``cooling.memory_estimate``,
``habitat.sample_memory_estimate``); ``exceeds`` compares it with a share of the machine's physical
memory, which the caller reads with ``physical_memory_bytes`` and passes in, so the rule is testable
without the machine.
"""
import ctypes
import ctypes.util
import os
import sys

__all__ = ["MEMORY_SHARE", "ASSUMED_PHYSICAL_BYTES", "GB", "physical_memory_bytes", "memory_limit", "exceeds",
           "give_back"]

# The rest is for QGIS itself, its layers and caches, the input data and the operating system; the
# estimates are of the toolkit's own arrays only.
MEMORY_SHARE = 0.5
# Used where the machine's memory cannot be read (no psutil, sysconf or Windows API): a small laptop.
ASSUMED_PHYSICAL_BYTES = 8 * 1024 ** 3
GB = 1024 ** 3


def physical_memory_bytes():
    """Total physical memory of this machine in bytes, or ``ASSUMED_PHYSICAL_BYTES`` if it cannot be read.

    psutil where installed, else POSIX ``sysconf``, else the Windows API."""
    try:
        import psutil
        return int(psutil.virtual_memory().total)
    except Exception:  # noqa: BLE001 (absent, or broken in a sandbox: fall through to the next way)
        pass
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        if pages > 0 and size > 0:
            return int(pages) * int(size)
    except (AttributeError, ValueError, OSError):
        pass
    if sys.platform == "win32":
        return _windows_physical_memory() or ASSUMED_PHYSICAL_BYTES
    return ASSUMED_PHYSICAL_BYTES


def memory_limit(physical_bytes, share=MEMORY_SHARE):
    """Bytes one step may ask for on a machine of ``physical_bytes``."""
    return float(physical_bytes) * share


def exceeds(estimate_bytes, physical_bytes, share=MEMORY_SHARE):
    """Whether a step estimated at ``estimate_bytes`` is too big for a machine of ``physical_bytes``.

    >>> exceeds(10 * GB, 16 * GB), exceeds(6 * GB, 16 * GB)
    (True, False)
    """
    return float(estimate_bytes) > memory_limit(physical_bytes, share)


def give_back():
    """Return the heap's freed pages to the system where the C library can (glibc's malloc_trim).

    Arrays below glibc's mmap threshold (which grows to 32 MB as large arrays are freed) and GEOS's
    many small objects come from the heap; freed, they stay in the process, fragmented, and the next
    step's arrays stack on top of them: after a step's temporaries (a plan check's layer, the shelter
    pairs' sorting) this gives them back."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(ctypes.c_size_t(0))
    except (OSError, AttributeError):   # not glibc (Windows, macOS): nothing to do
        pass


def _windows_physical_memory():
    class MemoryStatus(ctypes.Structure):
        _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                    ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                    ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                    ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                    ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

    status = MemoryStatus()
    status.dwLength = ctypes.sizeof(MemoryStatus)
    try:
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return int(status.ullTotalPhys)
    except (AttributeError, OSError):
        pass
    return None
