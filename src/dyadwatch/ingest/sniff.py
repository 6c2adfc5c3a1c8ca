"""What a file or a response really holds, from its first bytes: text, HTML, JSON, a feed, a web
archive, a list of URLs, or a binary type that ingest refuses (named from `data/filetypes.csv`).

The extension is a hint, the content decides: an RSS feed saved as `.txt` is read as a feed, a
`.txt` that is really a PNG is refused as a PNG image. A file whose extension names a binary type
(`.pdf`, `.docx`, ...) is refused even when its bytes read as text: it is not what it claims to be.

    >>> sniff_bytes(b"%PDF-1.7 ...", "report.pdf").kind
    'binary'
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

HEAD_BYTES = 64 * 1024  # what is read to decide
TEXT_KINDS = ("text", "html", "json", "feed", "urls")

FEED_EXT = {".rss", ".atom", ".rdf", ".xml"}
WARC_EXT = {".warc", ".arc"}  # also .warc.gz
URLS_EXT = {".urls"}

_URL_LINE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
# the first element of an XML document: after the declaration, comments, PIs and a DOCTYPE
_XML_PROLOG = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)([^>]*)>?", re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:html|head|body|article|div|p|h[1-6]|section|main|span|table|br|a\s|meta|title)\b",
                        re.IGNORECASE)
_RSS1_NS = re.compile(r"purl\.org/rss/1\.0|my\.netscape\.com/rdf/simple/0\.9", re.IGNORECASE)
_ATOM_NS = re.compile(r"www\.w3\.org/2005/Atom|purl\.org/atom/ns", re.IGNORECASE)


@dataclass(frozen=True)
class Sniffed:
    """kind: text, html, json, feed, warc, urls, binary, misnamed (text under a binary type's
    extension) or empty; detail: what exactly, for
    messages ("RSS 2.0 feed", "PDF document", "list of 12 URLs")."""

    kind: str
    detail: str
    compressed: bool = False  # a gzip-compressed web archive

    @property
    def readable(self) -> bool:
        return self.kind not in ("binary", "empty", "misnamed")


@dataclass(frozen=True)
class _Signature:
    name: str
    offset: int
    magic: bytes
    mask: bytes  # 0xff where the byte must match, 0x00 for '..'
    extensions: tuple[str, ...]
    strong: bool


@lru_cache(maxsize=1)
def signatures() -> tuple[_Signature, ...]:
    """The binary file signatures of `data/filetypes.csv`, in file order."""
    text = resources.files("dyadwatch.ingest").joinpath("data/filetypes.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#")):
        hexs = row["magic"].strip().lower()
        pairs = [hexs[i:i + 2] for i in range(0, len(hexs), 2)]
        out.append(_Signature(
            name=row["name"].strip(), offset=int(row["offset"]),
            magic=bytes(0 if p == ".." else int(p, 16) for p in pairs),
            mask=bytes(0 if p == ".." else 0xFF for p in pairs),
            extensions=tuple(e.strip().lower() for e in row["extensions"].split("|") if e.strip()),
            strong=row.get("strong", "0").strip() == "1",
        ))
    return tuple(out)


def _match(sig: _Signature, head: bytes) -> bool:
    part = head[sig.offset:sig.offset + len(sig.magic)]
    if len(part) < len(sig.magic):
        return False
    return all((b & m) == (s & m) for b, s, m in zip(part, sig.magic, sig.mask))


def binary_type_by_extension(name: str) -> str | None:
    """The binary type an extension names (".pdf" -> "PDF document"), None for other names."""
    ext = Path(name).suffix.lower()
    if not ext:
        return None
    for sig in signatures():
        if ext in sig.extensions:
            return sig.name
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, many control bytes, or (when not UTF-8) mostly high bytes: not text."""
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if control / len(head) > 0.05:
        return True
    try:
        head.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the end of the sample
            try:
                head[:exc.start].decode("utf-8")
                return False
            except UnicodeDecodeError:
                pass
    high = sum(1 for b in head if b >= 128)
    return control > 0 or high / len(head) > 0.3


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:  # cut inside a character at the end of a sample
            return data.decode("utf-8", errors="ignore")
        return data.decode("cp1252", errors="replace")


def _utf_bom(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))


def _zip_detail(data: bytes | None, path: str | Path | None) -> str:
    """What a ZIP holds: an Office/OpenDocument/EPUB file, or its first member names."""
    try:
        src = zipfile.ZipFile(path) if path is not None else zipfile.ZipFile(io.BytesIO(data or b""))
    except (zipfile.BadZipFile, OSError, ValueError):
        return "ZIP archive (unreadable)"
    with src as zf:
        names = zf.namelist()
        if "mimetype" in names:
            try:
                mime = zf.read("mimetype")[:100].decode("ascii", "replace").strip()
            except (KeyError, zipfile.BadZipFile, OSError, RuntimeError, zlib.error):
                mime = ""
            if "epub" in mime:
                return "EPUB book"
            if "opendocument" in mime:
                return "OpenDocument file"
        for prefix, label in (("word/", "Word document (.docx)"), ("xl/", "Excel workbook (.xlsx)"),
                              ("ppt/", "PowerPoint presentation (.pptx)")):
            if any(n.startswith(prefix) for n in names):
                return label
        shown = ", ".join(n[:40] for n in names[:3])
        more = f", ... {len(names)} in all" if len(names) > 3 else ""
        return f"ZIP archive ({shown}{more})" if names else "ZIP archive (empty)"


def _gunzip_head(head: bytes, limit: int = 4096) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, limit)
    except zlib.error:
        return b""


def _xml_kind(text: str, name: str) -> Sniffed | None:
    """A feed or an HTML page (or another XML document) from the first element."""
    m = _XML_PROLOG.match(text)
    rest = text[m.end():] if m else text
    if not rest.startswith("<"):
        return None
    root = _ROOT.match(rest)
    if not root:
        return None
    tag, attrs = root.group(1), root.group(2) or ""
    local = tag.split(":")[-1].lower()
    if local == "rss":
        v = re.search(r"""version\s*=\s*["']([^"']+)""", attrs)
        return Sniffed("feed", f"RSS {v.group(1)} feed" if v else "RSS feed")
    if local == "rdf" and (_RSS1_NS.search(attrs) or _RSS1_NS.search(rest[:4000])):
        return Sniffed("feed", "RSS 1.0 feed")
    if local == "feed" and (_ATOM_NS.search(attrs) or ":" not in tag):
        return Sniffed("feed", "Atom feed")
    if local == "html" or _HTML_TAGS.match(rest):
        return Sniffed("html", "HTML page")
    if re.search(r"<!doctype\s+html", text[:2000], re.IGNORECASE):
        return Sniffed("html", "HTML page")
    if _HTML_TAGS.search(rest[:5000]) and Path(name).suffix.lower() not in FEED_EXT:
        return Sniffed("html", "HTML fragment")
    return Sniffed("binary", f"XML document with root <{tag[:40]}>, not a feed or a web page")


def sniff_bytes(head: bytes, name: str = "", path: str | Path | None = None) -> Sniffed:
    """Classify the first bytes (`HEAD_BYTES` is plenty) of a file called `name`."""
    lower = name.lower()
    if not head.strip():
        return Sniffed("empty", "empty")
    if head.startswith((b"WARC/", b"filedesc://")):
        return Sniffed("warc", "web archive (WARC)" if head.startswith(b"WARC/") else "web archive (ARC)")
    if head.startswith(b"\x1f\x8b"):
        inner = _gunzip_head(head)
        if inner.startswith((b"WARC/", b"filedesc://")):
            return Sniffed("warc", "gzip-compressed web archive (WARC)", compressed=True)
        return Sniffed("binary", "gzip data (not a web archive)" if inner else "gzip data (unreadable)")
    if not _utf_bom(head):
        is_binary = looks_binary(head[:8192])
        for sig in signatures():
            if (sig.strong or is_binary) and _match(sig, head):
                if sig.name == "ZIP archive":
                    return Sniffed("binary", _zip_detail(None if path else head, path))
                return Sniffed("binary", sig.name)
        if is_binary:
            return Sniffed("binary", "binary data of unknown type")
    claimed = binary_type_by_extension(lower)
    text = decode_text(head)
    stripped = text.lstrip("\ufeff \t\r\n")
    if claimed:
        return Sniffed("misnamed", f"named like a {claimed} ({Path(name).suffix}) but holds text; "
                                   "rename it to read it as text")
    if stripped.startswith("<"):
        found = _xml_kind(stripped, lower)
        if found is not None:
            return found
    if stripped[:1] in ("{", "[") and Path(lower).suffix in {".json", ".jsonl", ".ndjson", ""}:
        return Sniffed("json", "JSON")
    lines = [ln.strip() for ln in stripped.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if Path(lower).suffix in URLS_EXT or (lines and all(_URL_LINE.match(ln) for ln in lines[:200])):
        complete = len(head) < HEAD_BYTES
        n = f"{len(lines)}" if complete else f"{len(lines)}+"
        return Sniffed("urls", f"list of {n} URLs")
    return Sniffed("text", "text")


def sniff_file(path: str | Path) -> Sniffed:
    """Classify a file from its first `HEAD_BYTES` bytes (raises OSError when it cannot be read)."""
    p = Path(path)
    with open(p, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    return sniff_bytes(head, p.name, path=p)


__all__ = ["HEAD_BYTES", "Sniffed", "binary_type_by_extension", "decode_text", "looks_binary", "signatures",
           "sniff_bytes", "sniff_file"]
