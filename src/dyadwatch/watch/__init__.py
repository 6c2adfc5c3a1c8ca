"""The watch: poll feeds and folders, store and code what is new, raise alerts on watched dyads.

`Watch` (runner) polls; `state` keeps per-source and per-dyad state in the database; `rules` says
which dyads to watch; `checks` runs the regime, impact and severity checks; `sinks` delivers alerts
(terminal, JSON-lines file, webhook). `dyadwatch watch` and `dyadwatch serve --watch` are thin over it.
"""

from __future__ import annotations

from .checks import check_dyad
from .rules import AlertRule, RuleError, parse_dyad, rules_from_args, rules_from_file
from .runner import DirectAccess, PollSummary, Source, SourceError, Watch, parse_every, parse_sources
from .sinks import JsonLinesSink, PrintSink, Sink, SinkError, WebhookSink
from .state import WatchState, count_alerts, list_alerts

__all__ = ["AlertRule", "DirectAccess", "JsonLinesSink", "PollSummary", "PrintSink", "RuleError", "Sink",
           "SinkError", "Source", "SourceError", "Watch", "WatchState", "WebhookSink", "check_dyad",
           "count_alerts", "list_alerts", "parse_dyad", "parse_every", "parse_sources", "rules_from_args",
           "rules_from_file"]
