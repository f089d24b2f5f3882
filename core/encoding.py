"""Which encoding the text of a shapefile table (DBF) or a delimited text file is in, where the
file does not say.

Chinese shapefiles are often written in the Windows code page of a Chinese system, GBK (cp936),
without the .cpg file that names it and with no code page mark (LDID, byte 29 of the DBF header):
a program then reads their Chinese field names and values as garbage, since QGIS reads such a
table as UTF-8. GB 18030 is a superset of GBK and decodes both. A file is read as GBK here only
where (1) it declares nothing, (2) its text is not valid UTF-8, (3) it decodes as GB 18030 and
(4) its bytes above 0x7F come in pairs, as the two bytes of a Chinese character do; text in a
single-byte code page such as Latin-1 (Müller, café) has lone high bytes and is left alone.
"""
import glob
import os

import numpy as np

UTF8, GBK, DECLARED, UNKNOWN = "utf-8", "gb18030", "declared", "unknown"
MAX_BYTES = 64 * 1024 * 1024    # text looked at per file: more gives the same answer, slower
PAIRED_SHARE = 0.9              # share of high bytes next to another high byte, for GBK
MAX_BAD_SHARE = 0.001           # GB 18030 decoding errors tolerated per high byte (a cut-off string)


def sibling(path, extension):
    """The file beside ``path`` with the same stem and ``extension`` (".cpg"), in any letter case;
    None if there is none."""
    stem = os.path.splitext(path)[0]
    for candidate in (stem + extension, stem + extension.upper()):
        if os.path.isfile(candidate):
            return candidate
    matches = [p for p in glob.glob(glob.escape(stem) + ".*") if p.lower() == (stem + extension).lower()]
    return matches[0] if matches else None


def text_encoding_of_bytes(data):
    """``UTF8`` (ASCII included), ``GBK`` or ``UNKNOWN`` for a run of text bytes, by the module's rules."""
    try:
        data.decode("utf-8")
        return UTF8
    except UnicodeDecodeError:
        pass
    array = np.frombuffer(data, dtype=np.uint8)
    high = array >= 0x80
    n_high = int(high.sum())
    if n_high == 0:
        return UTF8
    neighbour = np.zeros_like(high)
    neighbour[1:] |= high[:-1]
    neighbour[:-1] |= high[1:]
    paired = int((high & neighbour).sum()) / n_high
    bad = data.decode(GBK, errors="replace").count("\ufffd")
    if paired >= PAIRED_SHARE and bad <= MAX_BAD_SHARE * n_high:
        return GBK
    return UNKNOWN


def dbf_text(path, max_bytes=MAX_BYTES):
    """The field names and the bytes of the character fields of a DBF (at most ``max_bytes`` of
    records), and its code page mark (LDID); raises OSError or ValueError for a file that is no DBF."""
    with open(path, "rb") as handle:
        head = handle.read(32)
        if len(head) < 32:
            raise ValueError("not a DBF file")
        n_records = int.from_bytes(head[4:8], "little")
        header_len = int.from_bytes(head[8:10], "little")
        record_len = int.from_bytes(head[10:12], "little")
        ldid = head[29]
        descriptors = handle.read(max(header_len - 32, 0))
    names, columns, offset = [], [], 1          # byte 0 of each record is the deletion flag
    for start in range(0, len(descriptors) - 31, 32):
        block = descriptors[start:start + 32]
        if block[0] == 0x0D:
            break
        names.append(block[:11].split(b"\x00")[0])
        length = block[16]
        if block[11:12] == b"C":
            columns.extend(range(offset, offset + length))
        offset += length
    if record_len <= 0:
        return b" ".join(names), ldid
    count = min(n_records, max(max_bytes // record_len, 1))
    with open(path, "rb") as handle:
        handle.seek(header_len)
        data = handle.read(count * record_len)
    count = len(data) // record_len
    records = np.frombuffer(data[:count * record_len], dtype=np.uint8).reshape(count, record_len)
    columns = [c for c in columns if c < record_len]
    text = records[:, columns].tobytes() if columns else b""
    return b" ".join(names) + b" " + text, ldid


def shapefile_encoding(path):
    """How the table of the shapefile at ``path`` (.shp or .dbf) should be read: ``DECLARED`` where
    a .cpg or a code page mark says (GDAL and QGIS follow it), else ``UTF8``, ``GBK`` or ``UNKNOWN``
    by its bytes; ``UNKNOWN`` also where there is no readable .dbf."""
    dbf = sibling(path, ".dbf")
    if dbf is None:
        return UNKNOWN
    if sibling(path, ".cpg") is not None:
        return DECLARED
    try:
        text, ldid = dbf_text(dbf)
    except (OSError, ValueError):
        return UNKNOWN
    if ldid:
        return DECLARED
    return text_encoding_of_bytes(text)


def text_file_encoding(path, max_bytes=MAX_BYTES):
    """``UTF8``, ``GBK`` or ``UNKNOWN`` for a delimited text file (a UTF-8 byte order mark counts as
    UTF-8). Of a file longer than ``max_bytes`` the first ``max_bytes`` up to a line end are read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError:
        return UNKNOWN
    if len(data) > max_bytes:
        data = data[:data.rfind(b"\n", 0, max_bytes) + 1] or data[:max_bytes]
    return text_encoding_of_bytes(data)
