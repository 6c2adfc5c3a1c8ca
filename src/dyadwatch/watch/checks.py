"""After a poll: has a watched dyad's dynamic changed, or did an event above the severity arrive?

For each rule whose dyad got new events since its last check (`watch_dyads.checked_until`, by the
events' `ingested_at`):
1. regimes (`analysis.dyad_regimes`, change points in the rule's measure and period) over the
   recent history; a change point at or after the first new event's period (less one) that no
   earlier alert of the dyad already reported (within `COOLDOWN` periods) is a candidate;
2. impact (`analysis.dyad_impact`) at that change point confirms it: an alert unless the test
   finds no significant change (too few periods after it to test is not a contradiction);
3. severity: new asserted events with -PLOVER score >= the rule's severity that no alert named yet.
One alert per dyad and check at most, carrying every reason. Its id is a hash of the dyad, the
change point and the triggering events: re-running a check after a restart gives the same id,
which the store already has, so nothing is raised twice.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from datetime import date as _date
from typing import Any

from .rules import AlertRule
from .state import WatchState

COOLDOWN = 3  # periods: a change point this close to one already alerted is the same change
HISTORY = {"day": 400, "week": 7 * 208, "month": 31 * 120}  # days of history the checks look at
MAX_EVENTS = 25  # triggering events carried by one alert
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31}


def _period_start(d: _date, freq: str) -> _date:
    if freq == "week":
        return d - timedelta(days=d.weekday())
    if freq == "month":
        return d.replace(day=1)
    return d


def new_events(store: Any, rule: AlertRule, after: Any) -> list[dict[str, Any]]:
    """The dyad's events (either direction) stored after `after` (an ingested_at), all modalities."""
    where = "((d.source = ? AND d.target = ?) OR (d.source = ? AND d.target = ?))"
    params: list[Any] = [rule.a, rule.b, rule.b, rule.a]
    if after is not None:
        where += " AND e.ingested_at > ?"
        params.append(after)
    cur = store.con.execute(
        f"""SELECT DISTINCT e.id, e.date, e.event, e.mode, e.plover_score, e.modality, e.ingested_at
            FROM event_dyads d JOIN events e ON e.id = d.event_id WHERE {where}""", params)
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def event_details(store: Any, ids: list[str], link_base: str = "") -> list[dict[str, Any]]:
    """What an alert says about each of its events: the record, its evidence, its article, links."""
    if not ids:
        return []
    cur = store.con.execute(
        """SELECT e.id, CAST(e.date AS VARCHAR) AS date, e.event, e.mode, e.actor, e.recipient, e.modality,
                  e.plover_score, e.goldstein, e.confidence, e.event_text, e.evidence, e.story_id,
                  a.url AS article_url, a.title AS article_title, a.source AS article_source
           FROM events e LEFT JOIN articles a ON a.id = e.story_id
           WHERE e.id IN (SELECT unnest(?::VARCHAR[]))""", [ids])
    names = [c[0] for c in cur.description]
    rows = {r[0]: dict(zip(names, r)) for r in cur.fetchall()}
    out = []
    for i in ids:
        row = rows.get(i)
        if row is None:
            continue
        for key in ("actor", "recipient", "evidence"):
            if isinstance(row.get(key), str):
                try:
                    row[key] = json.loads(row[key])
                except ValueError:
                    pass
        row["article"] = {"id": row.pop("story_id"), "url": row.pop("article_url"),
                          "title": row.pop("article_title"), "source": row.pop("article_source")}
        row["links"] = {"event": f"{link_base}/api/events/{i}",
                        "article": f"{link_base}/api/articles/{row['article']['id']}"}
        if row["article"]["url"]:
            row["links"]["source"] = row["article"]["url"]
        out.append(row)
    return out


def _regime_change(store: Any, rule: AlertRule, first_new: _date, last_new: _date,
                   alerted_cps: list[Any]) -> dict[str, Any] | None:
    """The newest change point that the new events opened, with the levels around it, or None."""
    from ..analysis import AnalysisError, dyad_regimes

    since = last_new - timedelta(days=HISTORY[rule.freq])
    try:
        reg = dyad_regimes(store, rule.a, rule.b, freq=rule.freq, measure=rule.measure, since=since,
                           modality=rule.modality, top=0)
    except AnalysisError:
        return None
    if len(reg) < 2:
        return None
    window = _period_start(first_new, rule.freq) - timedelta(days=PERIOD_DAYS[rule.freq])
    rows = reg.to_dict("records")
    for k in range(len(rows) - 1, 0, -1):
        cp = _date.fromisoformat(rows[k]["start"])
        if cp < window:
            return None
        near = [c for c in alerted_cps if c is not None and
                abs((cp - (c if isinstance(c, _date) else _date.fromisoformat(str(c)[:10]))).days)
                <= COOLDOWN * PERIOD_DAYS[rule.freq]]
        if near:
            continue
        return {"change_point": cp.isoformat(), "level_before": round(float(rows[k - 1]["level"]), 3),
                "level_after": round(float(rows[k]["level"]), 3), "n_periods_after": int(rows[k]["n_periods"]),
                "penalty": reg.attrs.get("penalty")}
    return None


def _impact(store: Any, rule: AlertRule, cp: str) -> dict[str, Any]:
    from ..analysis import AnalysisError, dyad_impact

    try:
        res = dyad_impact(store, rule.a, rule.b, date=cp, freq=rule.freq, measure=rule.measure,
                          modality=rule.modality, min_side=2, min_events=4)
    except AnalysisError as exc:
        return {"verdict": f"impact not computed ({exc})", "significant": None}
    keep = ("verdict", "significant", "level_change", "ci_low", "ci_high", "p_value", "placebo_p", "n_pre", "n_post",
            "n_events")
    return {k: res.get(k) for k in keep}


def check_dyad(store: Any, state: WatchState, rule: AlertRule, link_base: str = "") -> dict[str, Any] | None:
    """Check one dyad after a poll; store and return the alert it raises (None: nothing new).
    Moves the dyad's watermark in any case, after the alert (if any) is stored."""
    after = state.checked_until(rule.dyad)
    new = new_events(store, rule, after)
    if not new:
        return None
    watermark = max(e["ingested_at"] for e in new)
    alert = build_alert(store, state, rule, new, link_base)
    if alert is not None:
        alert["raised_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        stored = state.add_alert(alert)
        if not stored:
            alert = None
    state.set_checked(rule.dyad, watermark)
    return alert


def build_alert(store: Any, state: WatchState, rule: AlertRule, new: list[dict[str, Any]],
                link_base: str = "") -> dict[str, Any] | None:
    counted = [e for e in new if e["date"] is not None and (rule.modality is None or e["modality"] == rule.modality)]
    if not counted:
        return None
    alerted = state.alerted_events(rule.dyad)
    kinds: list[str] = []
    verdicts: list[str] = []
    trigger: dict[str, dict[str, Any]] = {}
    regime = None
    impact = None
    dates = [e["date"] for e in counted]
    regime = _regime_change(store, rule, min(dates), max(dates), state.alerted_change_points(rule.dyad))
    if regime is not None:
        impact = _impact(store, rule, regime["change_point"])
        if impact.get("significant") is False:
            regime = None  # the series changed less than its own noise: no alert
        else:
            kinds.append("regime_change")
            cp = _date.fromisoformat(regime["change_point"])
            towards = "conflict" if regime["level_after"] < regime["level_before"] else "cooperation"
            verdicts.append(f"the {rule.dyad} dynamic changed towards {towards} from {regime['change_point']}: "
                            f"{rule.measure} per {rule.freq} {regime['level_before']:+.2f} -> "
                            f"{regime['level_after']:+.2f}; impact test: {impact.get('verdict')}")
            for e in counted:
                if e["date"] >= cp:
                    trigger[e["id"]] = e
    if rule.severity is not None:
        severe = [e for e in counted if e["plover_score"] is not None and -float(e["plover_score"]) >= rule.severity
                  and e["id"] not in alerted]
        if severe:
            kinds.append("severe_event")
            worst = min(severe, key=lambda e: e["plover_score"])
            verdicts.append(f"{len(severe)} new event{'s' if len(severe) > 1 else ''} at or above severity "
                            f"{rule.severity:g} (worst: {worst['event']} on {worst['date']}, PLOVER "
                            f"{worst['plover_score']:+.1f})")
            for e in severe:
                trigger[e["id"]] = e
    if not kinds:
        return None
    ordered = sorted(trigger.values(), key=lambda e: (e["plover_score"] if e["plover_score"] is not None else 0,
                                                      str(e["date"]), e["id"]))
    ids = [e["id"] for e in ordered]
    key = "|".join([rule.dyad, *kinds, regime["change_point"] if regime else "", *sorted(ids)])
    alert_id = hashlib.sha1(key.encode()).hexdigest()[:16]
    a, b = rule.a, rule.b
    links = {"regimes": f"{link_base}/api/dyads/{a}/{b}/regimes?freq={rule.freq}&measure={rule.measure}",
             "series": f"{link_base}/api/dyads/{a}/{b}/series?freq={rule.freq}",
             "alert": f"{link_base}/api/alerts?dyad={a}-{b}"}
    if regime:
        links["impact"] = f"{link_base}/api/dyads/{a}/{b}/impact?date={regime['change_point']}&freq={rule.freq}"
    return {
        "id": alert_id, "dyad": rule.dyad, "a": a, "b": b, "kinds": kinds, "verdict": "; ".join(verdicts),
        "change_point": regime["change_point"] if regime else None, "regime": regime, "impact": impact,
        "severity": rule.severity, "freq": rule.freq, "measure": rule.measure,
        "n_new_events": len(counted), "n_events": len(ids),
        "events": event_details(store, ids[:MAX_EVENTS], link_base), "links": links,
        "quiet_event_ids": ids[MAX_EVENTS:],
    }


__all__ = ["build_alert", "check_dyad", "event_details", "new_events"]
