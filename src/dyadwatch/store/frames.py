"""One conversion for every table the library returns: pandas by default, polars or Arrow on
request (`as_="polars"`, `as_="arrow"`), dates as dates.

`Store.events(...)` and the analysis functions call `as_frame(result, as_)`; `result` may be a
DuckDB relation or result, an Arrow table, a pandas or a polars DataFrame.
"""

from __future__ import annotations

from typing import Any

FRAME_KINDS = ("pandas", "polars", "arrow")


def _arrow(data: Any) -> Any:
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return data
    if hasattr(data, "to_arrow_table"):  # DuckDB relation / connection result (DuckDB >= 1.4)
        return data.to_arrow_table()
    if hasattr(data, "arrow"):  # DuckDB relation / connection result (older)
        out = data.arrow()
        return out.read_all() if hasattr(out, "read_all") else out
    if hasattr(data, "to_arrow"):  # polars
        return data.to_arrow()
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return pa.Table.from_pandas(data, preserve_index=False)
    raise TypeError(f"cannot make a table of {type(data).__name__}")


def as_frame(data: Any, as_: str = "pandas") -> Any:
    """`data` as a pandas DataFrame (default), a polars DataFrame or an Arrow table. DATE columns
    stay dates: pandas gets `datetime64` columns as DuckDB gives them, polars `Date`, Arrow `date32`."""
    kind = (as_ or "pandas").lower()
    if kind not in FRAME_KINDS:
        raise ValueError(f"as_ must be one of {', '.join(FRAME_KINDS)}, not {as_!r}")
    import pandas as pd

    if kind == "pandas":
        if isinstance(data, pd.DataFrame):
            return data
        if hasattr(data, "df") and not hasattr(data, "to_pandas"):
            return data.df()
        if hasattr(data, "to_pandas") and not hasattr(data, "schema"):
            return data.to_pandas()
        return _arrow(data).to_pandas()
    table = _arrow(data)
    if kind == "arrow":
        return table
    import polars as pl

    return pl.from_arrow(table)
