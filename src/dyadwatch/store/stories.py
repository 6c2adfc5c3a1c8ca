"""Near-duplicate stories: the same wire copy republished, lightly edited, by several outlets.

Each stored article gets a datasketch MinHash signature of its word 3-shingles. Candidates come from
MinHash LSH: datasketch's `MinHashLSH` chooses the bands (b x r rows for the threshold), and each
band of a signature is one `story_bands` row, so the LSH index lives in the database beside the
articles (it survives between runs and grows one article at a time, no index to rebuild).
Candidates whose estimated Jaccard similarity reaches `THRESHOLD` are stored as `story_links`
(article_id < other_id), which the event merge (`clusters.py`) reads.

Whether two articles are linked depends on those two texts alone (fixed seed and bands), so the
links, and everything built on them, do not depend on the order articles arrive in.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import date as _date
from functools import lru_cache
from typing import Any

import numpy as np
import pyarrow as pa

THRESHOLD = 0.5  # estimated Jaccard of word 3-shingles: republished wire copy is far above, other stories far below
NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme (32-bit values); stored signatures are read back with it
SHINGLE = 3
DAYS = 14  # stories published further apart than this are not compared
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _lsh() -> Any:
    from datasketch import MinHash, MinHashLSH

    return MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM), MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)


def shingles(text: str) -> set[bytes]:
    """Word 3-shingles of the lower-cased text (the words themselves for texts under three words)."""
    words = _WORD.findall((text or "").lower())
    if len(words) < SHINGLE:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of a text (uint32 values), None for a text without words."""
    from datasketch import MinHash

    sh = shingles(text)
    if not sh:
        return None
    _, template = _lsh()
    # datasketch's own hash of each shingle (sha1_hash32: the first 4 bytes of SHA-1, little-endian),
    # read in one go rather than one struct.unpack per shingle; update_batch permutes them
    digests = b"".join(hashlib.sha1(s).digest()[:4] for s in sh)
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=SCHEME, hashfunc=int)
    m.update_batch(np.frombuffer(digests, dtype="<u4").tolist())
    return m.hashvalues.copy()


def bands(sig: np.ndarray) -> list[int]:
    """One bucket per LSH band (datasketch's band ranges), as a signed 64-bit number."""
    lsh, _ = _lsh()
    out = []
    for start, end in lsh.hashranges:
        digest = hashlib.blake2b(np.ascontiguousarray(sig[start:end]).tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (datasketch's estimator)."""
    from datasketch import MinHash

    _, template = _lsh()

    def one(v: Sequence[int]) -> Any:  # the template's permutations: none drawn again per signature
        return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.asarray(v, dtype=np.uint32),
                       permutations=template.permutations, scheme=SCHEME)

    return float(one(a).jaccard(one(b)))


def index_articles(con: Any, articles: Iterable[tuple[str, str, _date | None]]) -> list[tuple[str, str, float]]:
    """Add (article id, text, date) to the LSH index and store their near-duplicate links (with each
    other and with stored articles). Returns the new links (article_id, other_id, jaccard), ids
    ordered. Runs in the caller's transaction.

    Set-based: the batch is one Arrow table (each article's signature and band buckets); one join
    finds the stored candidates (a bucket shared in some band), one INSERT each adds the bands, the
    signatures and the links."""
    sigs: dict[str, tuple[np.ndarray, _date | None]] = {}
    for aid, text, day in articles:
        sig = signature(text)
        if sig is not None and aid not in sigs:
            sigs[aid] = (sig, day)
    if not sigs:
        return []
    ids = list(sigs)
    buckets = {aid: bands(sigs[aid][0]) for aid in ids}
    candidates: set[tuple[str, str]] = set()
    by_bucket: dict[tuple[int, int], list[str]] = {}
    for aid in ids:  # within the batch
        for k, bucket in enumerate(buckets[aid]):
            for other in by_bucket.setdefault((k, bucket), []):
                candidates.add((aid, other))
            by_bucket[(k, bucket)].append(aid)
    # read by DuckDB's replacement scan (the local variable named in the SQL; no view to register)
    _dw_stories = pa.table({
        "article_id": ids, "date": pa.array([sigs[a][1] for a in ids], pa.date32()),
        "signature": pa.array([sigs[a][0].astype(np.uint64) for a in ids], pa.list_(pa.uint64())),
        "bands": pa.array([buckets[a] for a in ids], pa.list_(pa.int64()))})
    band_rows = ("SELECT article_id, (generate_subscripts(bands, 1) - 1)::SMALLINT AS band, "
                 "unnest(bands) AS bucket FROM _dw_stories")
    stored: dict[str, tuple[Any, _date | None]] = {}
    for aid, other, day, sig in con.execute(f"""
            WITH c AS (SELECT DISTINCT n.article_id AS aid, s.article_id AS other FROM ({band_rows}) n
                       JOIN story_bands s ON s.band = n.band AND s.bucket = n.bucket)
            SELECT c.aid, c.other, g.date, g.signature FROM c
            JOIN story_signatures g ON g.article_id = c.other""").fetchall():
        candidates.add((aid, other))
        stored[other] = (sig, day)
    con.execute(f"INSERT INTO story_bands {band_rows}")
    con.execute("INSERT INTO story_signatures SELECT article_id, date, signature FROM _dw_stories")
    links: dict[tuple[str, str], float] = {}
    for a, b in candidates:
        if a == b:
            continue
        sa, da = sigs[a]
        sb, db = sigs[b] if b in sigs else stored.get(b, (None, None))
        if sb is None or (da is not None and db is not None and abs((da - db).days) > DAYS):
            continue
        j = jaccard(sa, sb)
        if j >= THRESHOLD:
            links[(min(a, b), max(a, b))] = round(j, 3)
    rows = sorted((a, b, j) for (a, b), j in links.items())
    if rows:
        con.execute("INSERT INTO story_links SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DOUBLE[])",
                    [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]])
    return rows


def links_among(con: Any, story_ids: Iterable[str]) -> dict[frozenset[str], float]:
    """Stored near-duplicate links between any two of these articles: {frozenset({a, b}): jaccard}."""
    ids = sorted(set(story_ids))
    if len(ids) < 2:
        return {}
    rows = con.execute("SELECT article_id, other_id, jaccard FROM story_links WHERE article_id IN "
                       "(SELECT unnest(?::VARCHAR[])) AND other_id IN (SELECT unnest(?::VARCHAR[]))",
                       [ids, ids]).fetchall()
    return {frozenset((a, b)): float(j) for a, b, j in rows}
