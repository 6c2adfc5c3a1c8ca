"""Coding on a Dask cluster, for corpora that one process codes too slowly.

Reading and storing stay in the calling process (DuckDB has one writer); the batches of articles
to code go to the cluster's workers, each of which loads spaCy once and runs the same
`pipeline.code_batch` as a local run, so the events are the same.

    >>> from dyadwatch.distributed import dask_client, dask_coder
    >>> from dyadwatch.pipeline import ingest_paths
    >>> with dask_client("local", workers=2) as client:
    ...     report = ingest_paths(["news/"], db="my.duckdb", coder=dask_coder(client))

`dask_client("tcp://host:8786")` joins a running scheduler instead; its workers need dyadwatch and
the spaCy pipeline installed. Dask is an optional extra (`pip install dyadwatch[dask]`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from .events import Event
from .ingest import Article
from .pipeline import code_batch


def dask_client(address: str = "local", workers: int = 2) -> Any:
    """A dask.distributed Client: a local cluster of `workers` processes, or a scheduler's address."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - the extra is part of the pinned install
        raise RuntimeError("Dask is not installed: pip install 'dyadwatch[dask]'") from exc
    if address in ("", "local"):
        # the client owns this cluster and shuts it down when it is closed
        return Client(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(address)


def dask_coder(client: Any, in_flight: int | None = None) -> Any:
    """A coding stage for `pipeline.ingest_articles` that codes batches on the cluster.

    At most `in_flight` batches (default: two per worker) are out at once, so memory stays
    bounded on large inputs; results come back in input order, so a run stores articles in the
    same order as a local one.
    """

    def coder(batches: Iterator[list[Article]]) -> Iterator[tuple[list[tuple[Article, list[Event]]], list[str]]]:
        limit = in_flight or max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for batch in batches:
            pending.append(client.submit(code_batch, batch, pure=False))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    return coder
