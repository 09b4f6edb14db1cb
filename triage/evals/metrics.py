"""Scoring (contracts §4): per-case verdicts, route and trigger metrics, confusion, per-tag slices, the gate."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from triage.evals.cases import ROUTES, LabeledCase
from triage.evals.report import (
    CaseEntry,
    EvalReport,
    FindingSummary,
    InvalidCitation,
    Predicted,
    RouteMetrics,
    TagMetrics,
    TriggerMetrics,
)
from triage.records import TriageResult

if TYPE_CHECKING:
    from triage.policy import Policy


def ratio(numerator: int, denominator: int) -> float | None:
    """None when undefined (nothing to divide by), so an empty class never reads as perfect or as zero."""
    return round(numerator / denominator, 4) if denominator else None


def f1(tp: int, fp: int, fn: int) -> float | None:
    """From counts, so a trigger never predicted but expected scores 0, not undefined."""
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp + fp + fn else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    data = sorted(v for v in values if not math.isnan(v))
    if not data:
        return None
    position = (len(data) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    value = data[low] + (data[high] - data[low]) * (position - low)
    return round(value, 2)


def predicted(result: TriageResult | None) -> Predicted:
    if result is None:
        return Predicted(route=None, approval_required=None)
    return Predicted(
        route=result.route,
        approval_required=result.approval_required,
        triggers=sorted(t.value for t in result.triggers),
    )


def citation_check(results: Iterable[TriageResult | None], policy: Policy) -> tuple[int, list[InvalidCitation]]:
    """How many citations there are, and the ones whose section is missing or whose text is not verbatim in it."""
    total, invalid = 0, []
    for result in results:
        if result is None:
            continue
        for finding in result.findings:
            for citation in finding.citations:
                total += 1
                if not policy.contains(citation.section, citation.text):
                    invalid.append(
                        InvalidCitation(rule=finding.rule, section=citation.section, text=citation.text[:200])
                    )
    return total, invalid


def case_entry(case: LabeledCase, result: TriageResult | None, latency_ms: float, errors: Sequence[str]) -> CaseEntry:
    """One case's verdict from its first run; a wrong case (or one that raised) carries its text and findings."""
    pred = predicted(result)
    exp = case.expected
    route_ok = pred.route == exp.route
    approval_ok = None if exp.approval_required is None else pred.approval_required == exp.approval_required
    missing = extra = None
    triggers_ok = None
    if exp.triggers is not None:
        missing = sorted(set(exp.triggers) - set(pred.triggers))
        extra = sorted(set(pred.triggers) - set(exp.triggers))
        triggers_ok = not missing and not extra
    miss = not route_ok or approval_ok is False
    shown = miss or triggers_ok is False or bool(errors)
    findings = [
        FindingSummary(
            rule=f.rule,
            trigger=f.trigger.value if f.trigger else None,
            severity=f.severity,
            evidence=f.evidence,
            reason=f.reason,
        )
        for f in (result.findings if result else [])
    ]
    return CaseEntry(
        id=case.id,
        expected=exp,
        predicted=pred,
        route_ok=route_ok,
        approval_ok=approval_ok,
        missing_triggers=missing,
        extra_triggers=extra,
        triggers_ok=triggers_ok,
        miss=miss,
        tags=list(case.tags),
        production_type=case.production_type or None,
        latency_ms=None if math.isnan(latency_ms) else round(latency_ms, 2),
        errors=list(errors) or None,
        text=case.text if shown else None,
        findings=findings if shown else None,
        notes=result.notes if shown and result is not None and result.notes else None,
    )


def route_metrics(entries: Sequence[CaseEntry]) -> RouteMetrics:
    """Route accuracy, escalate recall/precision, notify precision and approval accuracy over these cases."""
    pairs = [(e.expected.route, e.predicted.route) for e in entries]
    both_escalate = sum(1 for exp, pred in pairs if exp == pred == "escalate")
    both_notify = sum(1 for exp, pred in pairs if exp == pred == "notify")
    approvals = [e.approval_ok for e in entries if e.approval_ok is not None]
    return RouteMetrics(
        n=len(entries),
        route_accuracy=ratio(sum(1 for e in entries if e.route_ok), len(entries)),
        escalate_recall=ratio(both_escalate, sum(1 for exp, _ in pairs if exp == "escalate")),
        escalate_precision=ratio(both_escalate, sum(1 for _, pred in pairs if pred == "escalate")),
        notify_precision=ratio(both_notify, sum(1 for _, pred in pairs if pred == "notify")),
        approval_accuracy=ratio(sum(approvals), len(approvals)),
    )


def trigger_metrics(entries: Sequence[CaseEntry]) -> dict[str, TriggerMetrics]:
    """Per-trigger precision/recall/F1 over the cases whose label lists triggers; codes never seen are left out."""
    counts: dict[str, Counter[str]] = {}
    for entry in entries:
        if entry.expected.triggers is None:
            continue
        expected, got = set(entry.expected.triggers), set(entry.predicted.triggers)
        for code in expected | got:
            c = counts.setdefault(code, Counter())
            c["tp"] += code in expected and code in got
            c["fp"] += code in got and code not in expected
            c["fn"] += code in expected and code not in got
    return {
        code: TriggerMetrics(
            precision=ratio(c["tp"], c["tp"] + c["fp"]),
            recall=ratio(c["tp"], c["tp"] + c["fn"]),
            f1=f1(c["tp"], c["fp"], c["fn"]),
            support=c["tp"] + c["fn"],
            tp=c["tp"],
            fp=c["fp"],
            fn=c["fn"],
        )
        for code, c in sorted(counts.items())
    }


def confusion(entries: Sequence[CaseEntry]) -> dict[str, dict[str, int]]:
    """confusion[expected][predicted]; a run that raised counts under "error"."""
    table: dict[str, dict[str, int]] = {exp: dict.fromkeys(ROUTES, 0) for exp in ROUTES}
    for entry in entries:
        row = table[entry.expected.route]
        key = entry.predicted.route or "error"
        row[key] = row.get(key, 0) + 1
    return table


def by_tag(entries: Sequence[CaseEntry]) -> dict[str, TagMetrics]:
    """Route metrics per tag, the most used tags first."""
    groups: dict[str, list[CaseEntry]] = {}
    for entry in entries:
        for tag in entry.tags:
            groups.setdefault(tag, []).append(entry)
    out = {}
    for tag in sorted(groups, key=lambda t: (-len(groups[t]), t)):
        m = route_metrics(groups[tag])
        out[tag] = TagMetrics(
            n=m.n,
            route_accuracy=m.route_accuracy,
            escalate_recall=m.escalate_recall,
            approval_accuracy=m.approval_accuracy,
        )
    return out


def gate(report: EvalReport, min_escalate_recall: float = 1.0) -> list[str]:
    """Why the release gate fails (empty when it passes)."""
    failures = []
    recall = report.metrics.escalate_recall
    if recall is not None and recall < min_escalate_recall:
        missed = [c.id for c in report.cases if c.expected.route == "escalate" and c.predicted.route != "escalate"]
        failures.append(
            f"escalate recall {recall:.4f} is below {min_escalate_recall} (escalate cases not escalated: "
            f"{', '.join(missed)})"
        )
    errored = [c.id for c in report.cases if c.errors]
    if errored:
        failures.append(f"the pipeline raised on {len(errored)} case(s): {', '.join(errored)}")
    return failures
