"""Alert rules: which dyads to watch and what counts as news about them.

From the command line: `--alert USA-PRK --alert KOR-PRK` (codes or names the knowledge base knows,
"North Korea-USA" does not parse: use codes), with `--severity` and `--freq` for all of them. Or a
small TOML file (`--alerts-config alerts.toml`):

    freq = "day"          # the period of the regime and impact checks (day, week, month)
    severity = 7          # also alert on any event at least this conflictual (-PLOVER score >= 7)

    [[alert]]
    dyad = "USA-PRK"
    severity = 9          # per-dyad values win

    [[alert]]
    dyad = "KOR-PRK"
    measure = "net_coop"  # the series the regimes are found in (see dyadwatch.analysis)

A dyad is undirected: USA-PRK watches events both ways.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FREQS = ("day", "week", "month")
MEASURES = ("net_coop", "plover_mean", "plover_sum", "goldstein_mean", "goldstein_sum", "n_events")


class RuleError(ValueError):
    """A rule that cannot be understood; the message says which and why."""


@dataclass(frozen=True)
class AlertRule:
    a: str
    b: str
    freq: str = "day"
    measure: str = "net_coop"
    severity: float | None = None  # alert on events with -plover_score >= severity; None: off
    modality: str = "asserted"

    @property
    def dyad(self) -> str:
        return f"{self.a}-{self.b}"


def _code(value: str, resolve: Any) -> str:
    v = value.strip()
    if not v:
        raise RuleError("empty actor in a dyad")
    code = None
    if resolve is not None:
        try:
            code = resolve(v)
        except Exception:  # noqa: BLE001 - the knowledge base is a convenience here
            code = None
    if code:
        return str(code).upper()
    if v.isalpha() and len(v) <= 6:
        return v.upper()
    raise RuleError(f"unknown actor {v!r}: give a code such as USA or PRK")


def _default_resolver() -> Any:
    try:
        from ..kb import load_kb

        return load_kb().resolve
    except Exception:  # noqa: BLE001 - without a knowledge base, codes only
        return None


def parse_dyad(text: str, resolve: Any = "kb") -> tuple[str, str]:
    """"USA-PRK" (or "USA/PRK", "USA,PRK", "USA PRK") -> ("USA", "PRK")."""
    resolver = _default_resolver() if resolve == "kb" else resolve
    raw = (text or "").strip()
    for sep in ("-", "/", ",", ":", " "):
        if sep in raw:
            left, right = raw.split(sep, 1)
            break
    else:
        raise RuleError(f"{text!r}: a dyad is two actors, e.g. USA-PRK")
    a, b = _code(left, resolver), _code(right, resolver)
    if a == b:
        raise RuleError(f"{text!r}: a dyad needs two different actors")
    return a, b


def _checked(rule: AlertRule) -> AlertRule:
    if rule.freq not in FREQS:
        raise RuleError(f"{rule.dyad}: freq must be one of {', '.join(FREQS)}, not {rule.freq!r}")
    if rule.measure not in MEASURES:
        raise RuleError(f"{rule.dyad}: measure must be one of {', '.join(MEASURES)}, not {rule.measure!r}")
    if rule.severity is not None and not 0 <= rule.severity <= 10:
        raise RuleError(f"{rule.dyad}: severity is between 0 and 10 (-PLOVER score), not {rule.severity}")
    return rule


def rules_from_args(dyads: list[str], freq: str = "day", severity: float | None = None,
                    measure: str = "net_coop", resolve: Any = "kb") -> list[AlertRule]:
    resolver = _default_resolver() if resolve == "kb" and dyads else resolve
    out: dict[str, AlertRule] = {}
    for d in dyads:
        a, b = parse_dyad(d, resolver)
        rule = _checked(AlertRule(a, b, freq=freq, measure=measure, severity=severity))
        out.setdefault(rule.dyad, rule)
    return list(out.values())


def rules_from_file(path: str | Path, resolve: Any = "kb") -> list[AlertRule]:
    """Rules of a TOML file (see the module's docstring). Raises RuleError naming the file."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{p}: cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(f"{p}: not a TOML file ({str(exc).splitlines()[0]})") from None
    alerts = data.get("alert", [])
    if not isinstance(alerts, list) or not alerts:
        raise RuleError(f"{p}: no [[alert]] tables")
    resolver = _default_resolver() if resolve == "kb" else resolve
    out: dict[str, AlertRule] = {}
    for n, item in enumerate(alerts, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("dyad"), str):
            raise RuleError(f"{p}: alert {n} has no dyad = \"A-B\"")
        try:
            a, b = parse_dyad(item["dyad"], resolver)
            sev = item.get("severity", data.get("severity"))
            rule = _checked(AlertRule(a, b, freq=str(item.get("freq", data.get("freq", "day"))),
                                      measure=str(item.get("measure", data.get("measure", "net_coop"))),
                                      severity=float(sev) if sev is not None else None))
        except (RuleError, TypeError, ValueError) as exc:
            raise RuleError(f"{p}: alert {n}: {exc}") from None
        out.setdefault(rule.dyad, rule)
    return list(out.values())


__all__ = ["AlertRule", "RuleError", "parse_dyad", "rules_from_args", "rules_from_file"]
