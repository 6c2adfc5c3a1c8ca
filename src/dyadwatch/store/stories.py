"""Near-duplicate stories: the same wire copy republished, lightly edited, by several outlets.

Each stored article gets a datasketch MinHash signature of its word 3-shingles. Candidates come from
MinHash LSH: datasketch's `MinHashLSH` chooses the bands (b x r rows for the threshold), and each
band of a signature is one `story_bands` row, so the LSH index lives in the database beside the
articles (it survives between runs and grows one article at a time, no index to rebuild).
Candidates whose estimated Jaccard similarity reaches `THRESHOLD` are stored as `story_links`
(article_id < other_id), which the event merge (`clusters.py`) reads.

A writing Store keeps the buckets in memory too (`BandIndex`: read from `story_bands` once, then
grown with every batch it stores), so that finding a batch's candidates reads nothing but the
candidates' signatures, whatever the size of the store; the table stays the index of record.

Whether two articles are linked depends on those two texts alone (fixed seed and bands), so the
links, and everything built on them, do not depend on the order articles arrive in.
"""

from __future__ import annotations

import hashlib
import re
import time
import warnings
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


MAX_IN_MEMORY = 10_000_000  # band rows (25 an article) a BandIndex holds at most: 12 bytes each


class BandIndex:
    """The `story_bands` of a store in memory: per band, the sorted buckets with the row of their
    article, and the batches added since the last sort. Kept by one writing Store for its
    connection; valid while the store holds `n_articles` signatures (if anything else wrote to it,
    it is read again)."""

    def __init__(self, con: Any) -> None:
        self.ids: list[str] = []
        self.row: dict[str, int] = {}
        n_bands = len(_lsh()[0].hashranges)
        self.buckets = [np.empty(0, np.int64) for _ in range(n_bands)]
        self.rows = [np.empty(0, np.int32) for _ in range(n_bands)]
        self.recent: dict[tuple[int, int], list[int]] = {}
        self.n_recent = 0
        with warnings.catch_warnings():  # DuckDB warns that a DB-API result copies once into Arrow: fine here
            warnings.simplefilter("ignore", UserWarning)
            tbl = con.execute("SELECT article_id, band, bucket FROM story_bands").to_arrow_table()
        if tbl.num_rows:
            enc = tbl.column("article_id").combine_chunks().dictionary_encode()
            self.ids = enc.dictionary.to_pylist()
            self.row = {a: k for k, a in enumerate(self.ids)}
            codes = enc.indices.to_numpy().astype(np.int32)
            band = tbl.column("band").to_numpy()
            bucket = tbl.column("bucket").to_numpy()
            for k in range(n_bands):
                sel = band == k
                order = np.argsort(bucket[sel], kind="stable")
                self.buckets[k], self.rows[k] = bucket[sel][order], codes[sel][order]
        self.links: dict[str, dict[str, float]] = {}  # story_links, both ways
        self.add_links(con.execute("SELECT article_id, other_id, jaccard FROM story_links").fetchall())
        self.n_articles = self.stored_articles(con)

    def add_links(self, rows: Iterable[tuple[str, str, float]]) -> None:
        for a, b, j in rows:
            self.links.setdefault(a, {})[b] = float(j)
            self.links.setdefault(b, {})[a] = float(j)

    def links_among(self, story_ids: Iterable[str]) -> dict[frozenset[str], float]:
        ids = set(story_ids)
        return {frozenset((a, b)): j for a in ids for b, j in self.links.get(a, {}).items() if b in ids}

    @staticmethod
    def stored_articles(con: Any) -> int:
        return int(con.execute("SELECT count(*) FROM story_signatures").fetchone()[0])

    def candidates(self, buckets: dict[str, Sequence[int]]) -> dict[str, set[str]]:
        """Per article (its buckets, one per band): the stored articles that share one of them."""
        ids = list(buckets)
        found: dict[str, set[int]] = {aid: set() for aid in ids}
        grid = np.array([buckets[aid] for aid in ids], np.int64).reshape(len(ids), -1)
        for k in range(grid.shape[1]):
            arr = self.buckets[k]
            lo, hi = np.searchsorted(arr, grid[:, k], "left"), np.searchsorted(arr, grid[:, k], "right")
            for i in np.flatnonzero(hi > lo).tolist():
                found[ids[i]].update(self.rows[k][lo[i]:hi[i]].tolist())
            if self.recent:
                for i, aid in enumerate(ids):
                    found[aid].update(self.recent.get((k, int(grid[i, k])), ()))
        return {aid: {self.ids[r] for r in rows} for aid, rows in found.items()}

    def size(self) -> int:
        """Band rows held."""
        return sum(len(b) for b in self.buckets) + self.n_recent

    def add(self, article_ids: Sequence[str], buckets: Sequence[Sequence[int]]) -> None:
        """Articles just stored with their buckets (one per band)."""
        for aid, bs in zip(article_ids, buckets):
            r = self.row.setdefault(aid, len(self.ids))
            if r == len(self.ids):
                self.ids.append(aid)
            for k, bucket in enumerate(bs):
                self.recent.setdefault((k, bucket), []).append(r)
            self.n_recent += len(bs)
        self.n_articles += len(article_ids)
        if self.n_recent > max(100_000, (self.size() - self.n_recent) // 4):  # sorted in, now and then
            for k in range(len(self.buckets)):
                items = [(bucket, r) for (band, bucket), rs in self.recent.items() if band == k for r in rs]
                bucket = np.concatenate([self.buckets[k], np.array([i[0] for i in items], np.int64)])
                rows = np.concatenate([self.rows[k], np.array([i[1] for i in items], np.int32)])
                order = np.argsort(bucket, kind="stable")
                self.buckets[k], self.rows[k] = bucket[order], rows[order]
            self.recent, self.n_recent = {}, 0


LOAD_S_PER_ROW = 4e-7  # about what reading story_bands into a BandIndex costs, seconds per row
SMALL_INDEX = 250_000  # band rows (10k articles) read into a BandIndex at once, whatever the joins cost


class Candidates:
    """How one writing Store finds a batch's stored candidates: by a join in the database while the
    index would cost more to read than those joins have cost so far in this session (rent or buy:
    a few articles added to a big store read nothing more), then from a BandIndex (read once,
    grown per batch). An empty or small store starts with the index."""

    def __init__(self) -> None:
        self.index: BandIndex | None = None
        self.spent = 0.0  # seconds this session's joins took
        self.checked = False  # the index was checked against the store in this batch

    def begin(self) -> None:
        """A new batch (transaction): check the index against the store again before using it."""
        self.checked = False

    def index_for(self, con: Any) -> BandIndex | None:
        """The BandIndex to use for the next batch, or None for the join."""
        if self.index is not None:
            if self.checked or (self.index.n_articles == BandIndex.stored_articles(con)
                                and self.index.size() <= MAX_IN_MEMORY):
                self.checked = True
                return self.index
            self.index = None  # something else wrote to the store (read it again), or it grew too big
        n = con.execute("SELECT count(*) FROM story_bands").fetchone()[0]
        if n <= MAX_IN_MEMORY and (n <= SMALL_INDEX or self.spent >= n * LOAD_S_PER_ROW):
            self.index = BandIndex(con)
            self.checked = True
        return self.index

    def links_among(self, con: Any, story_ids: Iterable[str]) -> dict[frozenset[str], float]:
        """`links_among`, from the index when there is one."""
        index = self.index_for(con)
        return index.links_among(story_ids) if index is not None else links_among(con, story_ids)

    def drop(self) -> None:
        """The transaction failed: the index may hold buckets that were never stored."""
        self.index = None


def index_articles(con: Any, articles: Iterable[tuple[str, str, _date | None]],
                   state: Candidates | None = None) -> list[tuple[str, str, float]]:
    """Add (article id, text, date) to the LSH index and store their near-duplicate links (with each
    other and with stored articles). Returns the new links (article_id, other_id, jaccard), ids
    ordered. Runs in the caller's transaction.

    Set-based: the batch is two Arrow tables (signatures; band buckets); the stored
    candidates (a bucket shared in some band) come from the BandIndex of `state` (which grows by the
    batch; the caller drops it if the transaction fails) and one read of their signatures, or from a
    join in the database; one INSERT each adds the bands, the signatures and
    the links."""
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
        "signature": pa.array([sigs[a][0].astype(np.uint64) for a in ids], pa.list_(pa.uint64()))})
    n_bands = len(buckets[ids[0]])
    _dw_bands = pa.table({  # one row per article and band, as story_bands holds them
        "article_id": pa.array([a for a in ids for _ in range(n_bands)], pa.string()),
        "band": pa.array(np.tile(np.arange(n_bands, dtype=np.int16), len(ids))),
        "bucket": pa.array(np.array([buckets[a] for a in ids], np.int64).ravel())})
    band_rows = "SELECT article_id, band, bucket FROM _dw_bands"
    stored: dict[str, tuple[Any, _date | None]] = {}
    index = state.index_for(con) if state is not None else None
    if index is not None:
        found = {aid: others - sigs.keys() for aid, others in index.candidates(buckets).items()}
        wanted = sorted(set().union(*found.values()))
        if wanted:
            for other, day, sig in con.execute(
                    "SELECT article_id, date, signature FROM story_signatures "
                    "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall():
                stored[other] = (sig, day)
        candidates.update((aid, other) for aid in ids for other in found[aid])
        index.add(ids, [buckets[aid] for aid in ids])
    else:
        t0 = time.perf_counter()
        for aid, other, day, sig in con.execute(f"""
                WITH c AS (SELECT DISTINCT n.article_id AS aid, s.article_id AS other FROM ({band_rows}) n
                           JOIN story_bands s ON s.band = n.band AND s.bucket = n.bucket)
                SELECT c.aid, c.other, g.date, g.signature FROM c
                JOIN story_signatures g ON g.article_id = c.other""").fetchall():
            candidates.add((aid, other))
            stored[other] = (sig, day)
        if state is not None:
            state.spent += time.perf_counter() - t0
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
    if index is not None:
        index.add_links(rows)
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
