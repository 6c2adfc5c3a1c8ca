"""Synthetic event data for benchmarks and tests: realistic enough to exercise the store (many dyads,
skewed towards a few, dates over years, event types by a plausible distribution).

`load_synthetic(store, n)` writes straight into the store (numpy -> Arrow -> one DuckDB INSERT per
chunk); `write_gdelt_tsv(path, n)` writes a GDELT-shaped tab-separated file for the importer.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

import numpy as np
import pyarrow as pa

from ..events import cameo_table
from .core import Store

# Countries in rough order of news prominence; weights fall off as a power law.
COUNTRIES = (
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IND", "JPN", "ISR", "IRN", "UKR", "PRK", "KOR", "PAK",
    "TUR", "SYR", "SAU", "AFG", "IRQ", "EGY", "BRA", "MEX", "CAN", "AUS", "ITA", "ESP", "NGA", "ZAF",
    "IDN", "PHL", "VNM", "THA", "MMR", "BGD", "LKA", "NPL", "KEN", "ETH", "SDN", "SOM", "LBY", "TUN",
    "DZA", "MAR", "JOR", "LBN", "YEM", "QAT", "ARE", "KWT", "POL", "HUN", "ROU", "GRC", "SRB", "BLR",
    "GEO", "ARM", "AZE", "KAZ", "UZB", "VEN", "COL", "ARG", "CHL", "PER", "CUB", "NIC", "TWN", "MNG",
)
# Pairs that get extra attention, as in real news.
HOT_PAIRS = (("USA", "CHN"), ("USA", "RUS"), ("RUS", "UKR"), ("ISR", "PSE"), ("USA", "PRK"),
             ("IND", "PAK"), ("USA", "IRN"), ("CHN", "TWN"), ("KOR", "PRK"), ("SAU", "YEM"))
SECTORS = ("GOV", "GOV", "GOV", "MIL", "COP", "LEG", "JUD", "OPP", "BUS", "CVL", None)
# CAMEO roots with a plausible share of news events (public statements 01 are left out).
ROOT_WEIGHTS = {"02": 5, "03": 9, "04": 22, "05": 8, "06": 3, "07": 3, "08": 2, "09": 1, "10": 3,
                "11": 9, "12": 3, "13": 3, "14": 3, "15": 1, "16": 2, "17": 8, "18": 4, "19": 8, "20": 1}


def _cameo_choices() -> tuple[list[str], np.ndarray]:
    table = cameo_table()
    codes, weights = [], []
    for root, w in ROOT_WEIGHTS.items():
        kids = [c for c in table if c.startswith(root) and len(c) > 2 and table[c]["plover"]]
        base = [c for c in kids if len(c) == 3]
        for c in kids:
            # base codes (3 digits) are more common than their 4-digit children
            share = (3.0 if len(c) == 3 else 1.0) / (3 * len(base) + len(kids) - len(base))
            codes.append(c)
            weights.append(w * share)
    p = np.array(weights, dtype=float)
    return codes, p / p.sum()


def synthetic_columns(n: int, seed: int = 0, start: str = "2015-01-01", years: int = 10,
                      offset: int = 0) -> dict[str, np.ndarray]:
    """n synthetic events as numpy columns: origin_id, date, actor, recipient, sectors, cameo."""
    rng = np.random.default_rng(seed * 1_000_003 + offset)
    countries = np.array(COUNTRIES + ("PSE",))
    k = len(countries)
    w = 1.0 / np.arange(1, k + 1) ** 1.1
    w /= w.sum()
    a = rng.choice(k, size=n, p=w)
    r = rng.choice(k, size=n, p=w)
    same = a == r
    r[same] = (r[same] + 1 + rng.integers(0, k - 1, size=int(same.sum()))) % k
    # 30% of events fall on a hot pair, either direction
    idx = {c: i for i, c in enumerate(countries)}
    hot = np.array([(idx[x], idx[y]) for x, y in HOT_PAIRS])
    pick = rng.random(n) < 0.30
    which = hot[rng.integers(0, len(hot), size=int(pick.sum()))]
    flip = rng.random(len(which)) < 0.5
    a[pick] = np.where(flip, which[:, 1], which[:, 0])
    r[pick] = np.where(flip, which[:, 0], which[:, 1])
    # 5% without a recipient
    no_r = rng.random(n) < 0.05
    days = int(years * 365.25)
    # volume grows over time: density proportional to (1 + t)
    t = np.sqrt(rng.random(n))
    d0 = np.datetime64(start)
    dates = d0 + (t * days).astype("timedelta64[D]")
    codes, p = _cameo_choices()
    cameo = np.array(codes)[rng.choice(len(codes), size=n, p=p)]
    sectors = np.array(SECTORS, dtype=object)
    return {
        "origin_id": np.char.add(f"{seed}-", np.arange(offset, offset + n).astype(str)),
        "date": dates,
        "actor": countries[a],
        "recipient": np.where(no_r, None, countries[r].astype(object)),
        "actor_sector": sectors[rng.integers(0, len(sectors), size=n)],
        "recipient_sector": sectors[rng.integers(0, len(sectors), size=n)],
        "cameo": cameo,
    }


def load_synthetic(store: Store, n: int, seed: int = 0, chunk: int = 2_000_000, start: str = "2015-01-01",
                   years: int = 10) -> int:
    """Generate n events (origin 'synthetic') straight into the store; returns the number stored."""
    from .importers import _FINISH_SQL, _register_lookups

    _register_lookups(store)
    con = store.con
    total = 0
    for off in range(0, n, chunk):
        m = min(chunk, n - off)
        cols = synthetic_columns(m, seed=seed, start=start, years=years, offset=off)
        tbl = pa.table({
            "origin_id": pa.array(cols["origin_id"].tolist() if m < 1000 else cols["origin_id"], pa.string()),
            "date": pa.array(cols["date"].astype("datetime64[D]"), pa.date32()),
            "actor": pa.array(cols["actor"], pa.string()),
            "recipient": pa.array(cols["recipient"], pa.string()),
            "actor_sector": pa.array(cols["actor_sector"], pa.string()),
            "recipient_sector": pa.array(cols["recipient_sector"], pa.string()),
            "cameo": pa.array(cols["cameo"], pa.string()),
        })
        con.register("_dw_syn", tbl)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DROP TABLE IF EXISTS _dw_raw")
            con.execute(
                "CREATE TEMP TABLE _dw_raw AS SELECT row_number() OVER () AS line, origin_id, "
                "NULL::VARCHAR AS story_id, date, cameo, actor AS a_code, actor_sector AS a_sector, "
                "NULL::VARCHAR AS a_name, recipient AS r_code, recipient_sector AS r_sector, NULL::VARCHAR AS r_name, "
                "NULL::VARCHAR AS location, NULL::VARCHAR AS event_text, NULL::VARCHAR AS original, "
                "NULL::VARCHAR AS error FROM _dw_syn"
            )
            con.execute("DROP TABLE IF EXISTS _dw_stage")
            con.execute(_FINISH_SQL, ["synthetic", "synthetic"])
            total += store.insert_staged("_dw_stage", unique=True)
            con.execute("DROP TABLE IF EXISTS _dw_stage")
            con.execute("DROP TABLE IF EXISTS _dw_raw")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            con.unregister("_dw_syn")
    return total


def gdelt_lines(n: int, seed: int = 0, version: int = 2, offset: int = 0,
                start: str = "2015-01-01", years: int = 10) -> list[str]:
    """n GDELT-shaped event rows (61 fields for 2.0, 58 for 1.0), without newlines."""
    from .codes import fips_table

    cols = synthetic_columns(n, seed=seed, start=start, years=years, offset=offset)
    iso_to_fips = {iso: f for f, iso in fips_table().items()}
    base = date(1970, 1, 1)
    quad_of_root = {r: (1 if int(r) <= 5 else 2 if int(r) <= 9 else 3 if int(r) <= 14 else 4)
                    for r in ROOT_WEIGHTS}
    table = cameo_table()
    rng = np.random.default_rng(seed + 7 + offset)
    tones = rng.normal(-1.5, 3, size=n).round(4)
    lines = []
    geo_n = 8 if version == 2 else 7
    for i in range(n):
        d = base + timedelta(days=int(cols["date"][i].astype("datetime64[D]").astype(int)))
        ymd = d.strftime("%Y%m%d")
        a, r = cols["actor"][i], cols["recipient"][i]
        sa, sr = cols["actor_sector"][i] or "", cols["recipient_sector"][i] or ""
        code = cols["cameo"][i]
        root = code[:2]
        g = table[code]["goldstein"]
        if g is None:
            g = table[code[:3]]["goldstein"]
        actor1 = [a + sa, a, a, "", "", "", "", sa, "", ""]
        actor2 = [(r or "") + (sr if r else ""), r or "", r or "", "", "", "", "", sr if r else "", "", ""]
        fips = iso_to_fips.get(a, "")
        geo = ["1", a, fips, fips, "", "", "", ""][:geo_n] if version == 2 else ["1", a, fips, fips, "", "", ""]
        if version == 2:
            geo[5], geo[6] = "10.5", "20.25"
        else:
            geo[4], geo[5] = "10.5", "20.25"
        empty_geo = ["0"] + [""] * (geo_n - 1)
        row = ([str(10_000_000 + offset + i), ymd, ymd[:6], ymd[:4], f"{d.year + d.timetuple().tm_yday / 365:.4f}"]
               + actor1 + actor2
               + ["1", code, code[:3], root, str(quad_of_root[root]), str(g), "4", "1", "4", str(tones[i])]
               + geo + empty_geo + geo
               + [ymd + "120000", f"https://news.example.org/{seed}/{offset + i}"])
        lines.append("\t".join(row))
    return lines


def write_gdelt_tsv(path: str | os.PathLike, n: int, seed: int = 0, version: int = 2,
                    chunk: int = 200_000) -> str:
    """Write n GDELT-shaped rows to `path` (tab-separated, no header)."""
    with open(path, "w", encoding="utf-8") as fh:
        for off in range(0, n, chunk):
            fh.write("\n".join(gdelt_lines(min(chunk, n - off), seed=seed, version=version, offset=off)))
            fh.write("\n")
    return str(path)
