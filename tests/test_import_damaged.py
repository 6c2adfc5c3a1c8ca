"""Damaged compressed files (found by bench/fuzz_import.py): a gzip with corrupt data raised
zlib.error out of `import` and left the store's connection inside an open transaction, so every
later file and query failed. Each is now one message naming the file, and the rest goes on."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

from dyadwatch.store import Store
from dyadwatch.store.importers import import_files
from dyadwatch.store.synthetic import gdelt_lines

LINES = [line for line in gdelt_lines(60, seed=4) if not line.split("\t")[26].startswith("01")][:20]
DATA = ("\n".join(LINES) + "\n").encode()


def _corrupt_gz(path: Path) -> Path:
    raw = bytearray(gzip.compress(DATA))
    for i in range(30, 60):  # inside the deflate stream, past the header
        raw[i] ^= 0x5A
    path.write_bytes(bytes(raw))
    return path


def _corrupt_zip(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("20190301.export.CSV", DATA)
    raw = bytearray(buf.getvalue())
    for i in range(60, 90):  # the member's compressed bytes
        raw[i] ^= 0x5A
    path.write_bytes(bytes(raw))
    return path


def _encrypted_zip(path: Path) -> Path:
    """A zip whose member claims to be encrypted (flag bit 0): zipfile asks for a password."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("20190302.export.CSV", DATA)
    raw = bytearray(buf.getvalue())
    raw[6] |= 1  # local header flags
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 8] |= 1  # central directory flags
    path.write_bytes(bytes(raw))
    return path


def test_damaged_compressed_files_are_named_and_the_rest_goes_on(tmp_path: Path):
    good = tmp_path / "20190303.export.CSV"
    good.write_bytes(DATA)
    bad = [_corrupt_gz(tmp_path / "20190301.export.CSV.gz"), _corrupt_zip(tmp_path / "20190301.export.CSV.zip"),
           _encrypted_zip(tmp_path / "20190302.export.CSV.zip")]
    with Store(tmp_path / "s.duckdb") as s:
        report = import_files(s, "gdelt", [*bad, good])
        assert report.new == len(LINES) and not report.ok
        assert report.failed_files >= 3
        for f in bad:
            assert any(m.startswith(str(f)) for m in report.messages), (f, report.messages)
        # the connection is usable: no transaction left open or aborted
        assert s.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == len(LINES)
        again = import_files(s, "gdelt", [good])
        assert again.new == 0 and again.already == len(LINES)
