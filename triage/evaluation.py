"""Evals against labeled cases (contracts §3 in, §4 out): metrics, the release gate, baselines, stability, reports.

The eval is how a change to the lexicon, the rules, the prompt or the model is judged, so it measures exactly what
the service returns: every case goes through the same `Pipeline` the API uses. The release gate is escalate recall,
because a risky plan routed to "notify" is the one error the guidance does not forgive; everything else is reported
for a human to weigh. Reports are plain data so a later run can be compared against an earlier one (`--baseline`).
"""

from __future__ import annotations

import html
import json
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.records import Intake, ProductionType, TriageResult, Trigger

if TYPE_CHECKING:
    from triage.config import Settings
    from triage.pipeline import Pipeline
    from triage.policy import Policy
    from triage.store import Store

ROUTES = ("escalate", "notify")
TRIGGER_CODES = frozenset(t.value for t in Trigger)
PRODUCTION_TYPES = frozenset(p.value for p in ProductionType)
MISS_FINDINGS_SHOWN = 3  # findings quoted per miss in the markdown summary
EXIT_GATE = 1
EXIT_BAD_INPUT = 2


class EvalError(Exception):
    """An eval that cannot run (unreadable case file, bad baseline, no store); the message says why."""


# --- labeled cases (contracts §3) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    route: str
    approval_required: bool | None  # None: not labeled (e.g. a contact's escalate override); not scored
    triggers: tuple[str, ...] | None  # None: the label does not list triggers; not scored per trigger

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"route": self.route, "approval_required": self.approval_required}
        if self.triggers is not None:
            out["triggers"] = list(self.triggers)
        return out


@dataclass(frozen=True)
class LabeledCase:
    id: str
    text: str
    expected: Expected
    production_type: str | None = None
    tags: tuple[str, ...] = ()
    line: int = 0

    def intake(self) -> Intake:
        return Intake(text=self.text, production_type=self.production_type)


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def parse_case(raw: str, line: int) -> LabeledCase:
    """One case from one JSONL line; ValueError says what is wrong. Unknown fields are ignored (contracts §3)."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("a case is a JSON object")
    case_id, text = obj.get("id"), obj.get("text")
    if not isinstance(case_id, str) or not case_id.strip():
        raise ValueError('"id" must be a non-empty string')
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f'case {case_id}: "text" must be a non-empty string')
    production_type = obj.get("production_type")
    if production_type is not None and production_type not in PRODUCTION_TYPES:
        allowed = ", ".join(sorted(PRODUCTION_TYPES))
        raise ValueError(f'case {case_id}: "production_type" {production_type!r} is not one of {allowed}')
    expected = obj.get("expected")
    if not isinstance(expected, dict):
        raise ValueError(f'case {case_id}: "expected" must be an object with "route" and "approval_required"')
    route = expected.get("route")
    if route not in ROUTES:
        raise ValueError(f'case {case_id}: expected "route" must be "notify" or "escalate", not {route!r}')
    if "approval_required" not in expected:
        raise ValueError(f'case {case_id}: expected "approval_required" is missing (true, false, or null if unknown)')
    approval = expected["approval_required"]
    if approval is not None and not isinstance(approval, bool):
        raise ValueError(f'case {case_id}: expected "approval_required" must be true, false or null')
    triggers = expected.get("triggers")
    if triggers is not None:
        if not isinstance(triggers, list) or not all(isinstance(t, str) for t in triggers):
            raise ValueError(f'case {case_id}: expected "triggers" must be a list of trigger codes')
        unknown = sorted(set(triggers) - TRIGGER_CODES)
        if unknown:
            raise ValueError(f"case {case_id}: unknown trigger code(s) {unknown}")
        triggers = tuple(sorted(set(triggers)))
    tags = obj.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError(f'case {case_id}: "tags" must be a list of strings')
    return LabeledCase(
        id=case_id,
        text=text,
        expected=Expected(route=route, approval_required=approval, triggers=triggers),
        production_type=production_type,
        tags=tuple(tags),
        line=line,
    )


def load_cases(path: Path | str) -> tuple[list[LabeledCase], list[LineError]]:
    """Every good case and every bad line (by line number): one bad line costs that case only."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc.strerror}") from exc
    cases: list[LabeledCase] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {}
    for number, line_bytes in enumerate(raw.splitlines(), start=1):
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(LineError(number, f"not valid UTF-8 (byte {exc.start})"))
            continue
        if not line.strip():
            continue
        try:
            case = parse_case(line, number)
        except ValueError as exc:
            errors.append(LineError(number, str(exc)))
            continue
        if case.id in seen:
            errors.append(LineError(number, f"duplicate id {case.id!r} (first on line {seen[case.id]})"))
            continue
        seen[case.id] = number
        cases.append(case)
    return cases, errors


# --- running --------------------------------------------------------------------------------------------------


@dataclass
class CaseRun:
    """One case and what the pipeline returned on each of its runs (several with --repeat)."""

    case: LabeledCase
    results: list[TriageResult | None] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def result(self) -> TriageResult | None:
        return self.results[0] if self.results else None


def run_cases(
    pipeline: Pipeline,
    cases: Sequence[LabeledCase],
    *,
    concurrency: int = 1,
    repeat: int = 1,
    progress: Callable[[], None] | None = None,
) -> list[CaseRun]:
    """Run every case `repeat` times on one shared pipeline; a run that raises is recorded, never lost."""
    runs = [CaseRun(case, results=[None] * repeat, latencies_ms=[math.nan] * repeat) for case in cases]

    def one(index: int, attempt: int) -> tuple[int, int, TriageResult | None, float, str | None]:
        case = cases[index]
        started = time.perf_counter()
        try:
            result = pipeline.run(case.intake())
            error = None
        except Exception as exc:  # report it with the case; the other cases still run
            result, error = None, f"{type(exc).__name__}: {str(exc)[:300]}"
        return index, attempt, result, (time.perf_counter() - started) * 1000, error

    tasks = [(i, attempt) for attempt in range(repeat) for i in range(len(cases))]
    if concurrency <= 1:
        outcomes: Iterable[tuple[int, int, TriageResult | None, float, str | None]] = (
            _tick(one(i, a), progress) for i, a in tasks
        )
        _collect(runs, outcomes)
    else:
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="eval") as pool:
            futures = [pool.submit(one, i, a) for i, a in tasks]
            _collect(runs, (_tick(f.result(), progress) for f in as_completed(futures)))
    return runs


def _tick(value: Any, progress: Callable[[], None] | None) -> Any:
    if progress:
        progress()
    return value


def _collect(runs: list[CaseRun], outcomes: Iterable[tuple[int, int, TriageResult | None, float, str | None]]) -> None:
    for index, attempt, result, latency, error in outcomes:
        runs[index].results[attempt] = result
        runs[index].latencies_ms[attempt] = latency
        if error:
            runs[index].errors.append(f"run {attempt + 1}: {error}")


def warm_up(pipeline: Pipeline) -> None:
    """Load the retrieval index and embedding model before timing (and before threads race to create them)."""
    if pipeline.cite_findings:
        pipeline.index.cite("written approval", [], k=1)


# --- metrics (contracts §4) -----------------------------------------------------------------------------------


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


def predicted(result: TriageResult | None) -> dict[str, Any]:
    if result is None:
        return {"route": None, "approval_required": None, "triggers": []}
    return {
        "route": result.route,
        "approval_required": result.approval_required,
        "triggers": sorted(t.value for t in result.triggers),
    }


def citation_check(results: Iterable[TriageResult | None], policy: Policy) -> tuple[int, list[dict[str, str]]]:
    """How many citations there are, and the ones whose section is missing or whose text is not verbatim in it."""
    total, invalid = 0, []
    for result in results:
        if result is None:
            continue
        for finding in result.findings:
            for citation in finding.citations:
                total += 1
                if not policy.contains(citation.section, citation.text):
                    invalid.append({"rule": finding.rule, "section": citation.section, "text": citation.text[:200]})
    return total, invalid


def case_entry(run: CaseRun) -> dict[str, Any]:
    """One case of the report: label, prediction, what is right, and for anything wrong the text and findings."""
    case, result = run.case, run.result
    pred = predicted(result)
    exp = case.expected
    route_ok = pred["route"] == exp.route
    approval_ok = None if exp.approval_required is None else pred["approval_required"] == exp.approval_required
    entry: dict[str, Any] = {
        "id": case.id,
        "expected": exp.as_dict(),
        "predicted": pred,
        "route_ok": route_ok,
        "approval_ok": approval_ok,
    }
    if exp.triggers is not None:
        entry["missing_triggers"] = sorted(set(exp.triggers) - set(pred["triggers"]))
        entry["extra_triggers"] = sorted(set(pred["triggers"]) - set(exp.triggers))
        entry["triggers_ok"] = not entry["missing_triggers"] and not entry["extra_triggers"]
    entry["miss"] = not route_ok or approval_ok is False
    entry["tags"] = list(case.tags)
    if case.production_type:
        entry["production_type"] = case.production_type
    entry["latency_ms"] = None if math.isnan(run.latencies_ms[0]) else round(run.latencies_ms[0], 2)
    if run.errors:
        entry["errors"] = run.errors
    if entry["miss"] or entry.get("triggers_ok") is False or run.errors:
        entry["text"] = case.text
        entry["findings"] = [
            {
                "rule": f.rule,
                "trigger": f.trigger.value if f.trigger else None,
                "severity": f.severity,
                "evidence": f.evidence,
                "reason": f.reason,
            }
            for f in (result.findings if result else [])
        ]
        if result is not None and result.notes:
            entry["notes"] = result.notes
    return entry


def route_metrics(entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Route accuracy, escalate recall/precision, notify precision and approval accuracy over these cases."""
    pairs = [(e["expected"]["route"], e["predicted"]["route"]) for e in entries]
    both_escalate = sum(1 for exp, pred in pairs if exp == pred == "escalate")
    both_notify = sum(1 for exp, pred in pairs if exp == pred == "notify")
    approvals = [e["approval_ok"] for e in entries if e["approval_ok"] is not None]
    return {
        "n": len(entries),
        "route_accuracy": ratio(sum(1 for e in entries if e["route_ok"]), len(entries)),
        "escalate_recall": ratio(both_escalate, sum(1 for exp, _ in pairs if exp == "escalate")),
        "escalate_precision": ratio(both_escalate, sum(1 for _, pred in pairs if pred == "escalate")),
        "notify_precision": ratio(both_notify, sum(1 for _, pred in pairs if pred == "notify")),
        "approval_accuracy": ratio(sum(approvals), len(approvals)),
    }


def trigger_metrics(entries: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per-trigger precision/recall/F1 over the cases whose label lists triggers; codes never seen are left out."""
    counts: dict[str, Counter[str]] = {}
    for entry in entries:
        labeled = entry["expected"].get("triggers")
        if labeled is None:
            continue
        expected, got = set(labeled), set(entry["predicted"]["triggers"])
        for code in expected | got:
            c = counts.setdefault(code, Counter())
            c["tp"] += code in expected and code in got
            c["fp"] += code in got and code not in expected
            c["fn"] += code in expected and code not in got
    out: dict[str, dict[str, Any]] = {}
    for code in sorted(counts):
        c = counts[code]
        precision = ratio(c["tp"], c["tp"] + c["fp"])
        recall = ratio(c["tp"], c["tp"] + c["fn"])
        out[code] = {
            "precision": precision,
            "recall": recall,
            "f1": f1(c["tp"], c["fp"], c["fn"]),
            "support": c["tp"] + c["fn"],
            "tp": c["tp"],
            "fp": c["fp"],
            "fn": c["fn"],
        }
    return out


def confusion(entries: Sequence[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """confusion[expected][predicted]; a run that raised counts under "error"."""
    table = {exp: dict.fromkeys(ROUTES, 0) for exp in ROUTES}
    for entry in entries:
        row = table[entry["expected"]["route"]]
        key = entry["predicted"]["route"] or "error"
        row[key] = row.get(key, 0) + 1
    return table


def by_tag(entries: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        for tag in entry["tags"]:
            groups.setdefault(tag, []).append(entry)
    out = {}
    for tag in sorted(groups, key=lambda t: (-len(groups[t]), t)):
        m = route_metrics(groups[tag])
        out[tag] = {k: m[k] for k in ("n", "route_accuracy", "escalate_recall", "approval_accuracy")}
    return out


def stability(runs: Sequence[CaseRun]) -> dict[str, Any]:
    """How often each case's route and approval change across repeated runs (an LLM at temperature 0 still may)."""
    cases = []
    for run in runs:
        routes = Counter(r.route if r else "error" for r in run.results)
        approvals = Counter(str(r.approval_required).lower() if r else "error" for r in run.results)
        modal = routes.most_common(1)[0][1]
        cases.append(
            {
                "id": run.case.id,
                "routes": dict(routes),
                "approvals": dict(approvals),
                "route_flips": len(run.results) - modal,
                "stable": len(routes) == 1 and len(approvals) == 1,
            }
        )
    stable = sum(1 for c in cases if c["stable"])
    return {
        "repeat": len(runs[0].results) if runs else 0,
        "stable_share": ratio(stable, len(cases)),
        "unstable": [c for c in cases if not c["stable"]],
        "cases": cases,
    }


def build_report(
    runs: Sequence[CaseRun],
    *,
    extractor: str,
    policy: Policy | None,
    cases_file: str | None = None,
    line_errors: Sequence[LineError] = (),
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The eval report (contracts §4 shape, plus per-case detail, per-tag slices and run metadata)."""
    entries = [case_entry(run) for run in runs]
    first = [run.result for run in runs]
    present = [r for r in first if r is not None]
    n = len(runs)
    metrics = route_metrics(entries)
    metrics["triggers"] = trigger_metrics(entries)
    if policy is not None and any(r.findings and r.findings[0].citations for r in present):
        total, invalid = citation_check(first, policy)
        metrics["citation_validity"] = ratio(total - len(invalid), total)
        metrics["citations"] = total
    else:
        total, invalid = 0, []
        metrics["citation_validity"] = None
        metrics["citations"] = 0
    metrics["latency_ms"] = {
        "p50": percentile([run.latencies_ms[0] for run in runs], 0.5),
        "p95": percentile([run.latencies_ms[0] for run in runs], 0.95),
    }
    metrics["llm_calls_per_case"] = round(sum(r.stats.llm_calls for r in present) / n, 3) if n else 0.0
    metrics["prompt_tokens_per_case"] = round(sum(r.stats.prompt_tokens for r in present) / n, 1) if n else 0
    metrics["completion_tokens_per_case"] = round(sum(r.stats.completion_tokens for r in present) / n, 1) if n else 0
    metrics["errors"] = sum(1 for run in runs if run.errors)
    report: dict[str, Any] = {
        "extractor": extractor,
        "metrics": metrics,
        "confusion": confusion(entries),
        "cases": entries,
        "tags": by_tag(entries),
        "policy_version": present[0].policy_version if present else None,
        "prompt_version": present[0].prompt_version if present else None,
        "cases_file": cases_file,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "line_errors": [{"line": e.line, "error": e.message} for e in line_errors],
    }
    if invalid:
        report["invalid_citations"] = invalid[:50]
    if runs and len(runs[0].results) > 1:
        report["stability"] = stability(runs)
    if extra:
        report.update(extra)
    return report


def gate(report: dict[str, Any], min_escalate_recall: float = 1.0) -> list[str]:
    """Why the release gate fails (empty when it passes)."""
    failures = []
    recall = report["metrics"]["escalate_recall"]
    if recall is not None and recall < min_escalate_recall:
        missed = [
            c["id"]
            for c in report["cases"]
            if c["expected"]["route"] == "escalate" and c["predicted"]["route"] != "escalate"
        ]
        failures.append(
            f"escalate recall {recall:.4f} is below {min_escalate_recall} (escalate cases not escalated: "
            f"{', '.join(missed)})"
        )
    errored = [c["id"] for c in report["cases"] if c.get("errors")]
    if errored:
        failures.append(f"the pipeline raised on {len(errored)} case(s): {', '.join(errored)}")
    return failures


# --- baseline comparison --------------------------------------------------------------------------------------


def load_report(path: Path | str) -> dict[str, Any]:
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read the baseline {path}: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"the baseline {path} is not a JSON report ({exc})") from exc
    if not isinstance(report, dict) or not isinstance(report.get("cases"), list):
        raise EvalError(f'the baseline {path} has no "cases" list; is it a `triage eval --json-out` report?')
    return report


def _decision(pred: dict[str, Any] | None) -> str:
    if not pred or pred.get("route") is None:
        return "error"
    return f"{pred['route']}{'+approval' if pred.get('approval_required') else ''}"


def compare(report: dict[str, Any], baseline: dict[str, Any]) -> dict[str, Any]:
    """Cases whose route or approval flipped against the baseline, and which flips are regressions.

    Correctness is judged against today's labels for both runs, so a relabeled case doesn't read as a regression.
    A regression is a case right in the baseline and wrong now (route or approval), or any escalate→notify flip
    on an expected-escalate case.
    """
    old_cases = {c["id"]: c for c in baseline["cases"] if isinstance(c, dict) and "id" in c}
    flips, regressions, fixed = [], [], []
    for case in report["cases"]:
        old = old_cases.get(case["id"])
        if old is None:
            continue
        exp, new_pred, old_pred = case["expected"], case["predicted"], old.get("predicted") or {}
        route_flip = old_pred.get("route") != new_pred["route"]
        approval_flip = old_pred.get("approval_required") != new_pred["approval_required"]
        if not route_flip and not approval_flip:
            continue
        old_route_ok = old_pred.get("route") == exp["route"]
        old_approval_ok = (
            None if exp["approval_required"] is None else old_pred.get("approval_required") == exp["approval_required"]
        )
        reasons = []
        if old_route_ok and not case["route_ok"]:
            reasons.append("route was right, now wrong")
        if old_approval_ok and case["approval_ok"] is False:
            reasons.append("approval was right, now wrong")
        if exp["route"] == "escalate" and old_pred.get("route") == "escalate" and new_pred["route"] != "escalate":
            reasons.append("escalate → notify on an escalate case")
        now_ok = case["route_ok"] and case["approval_ok"] is not False
        was_ok = old_route_ok and old_approval_ok is not False
        flip = {
            "id": case["id"],
            "expected": _decision(exp),
            "baseline": _decision(old_pred),
            "now": _decision(new_pred),
            "route_flip": route_flip,
            "approval_flip": approval_flip,
            "regression": bool(reasons),
            "reasons": sorted(set(reasons)),
            "fixed": now_ok and not was_ok,
        }
        flips.append(flip)
        if flip["regression"]:
            regressions.append(case["id"])
        elif flip["fixed"]:
            fixed.append(case["id"])
    new_ids = {c["id"] for c in report["cases"]}
    base_metrics = baseline.get("metrics") or {}
    deltas = {}
    for key in ("route_accuracy", "escalate_recall", "escalate_precision", "notify_precision", "approval_accuracy"):
        old_value, new_value = base_metrics.get(key), report["metrics"].get(key)
        if isinstance(old_value, int | float) and isinstance(new_value, int | float):
            deltas[key] = {"baseline": old_value, "now": new_value, "delta": round(new_value - old_value, 4)}
    return {
        "baseline_extractor": baseline.get("extractor"),
        "baseline_policy_version": baseline.get("policy_version"),
        "baseline_created_at": baseline.get("created_at"),
        "flips": flips,
        "regressions": regressions,
        "fixed": fixed,
        "only_in_baseline": sorted(set(old_cases) - new_ids),
        "not_in_baseline": sorted(new_ids - set(old_cases)),
        "metric_deltas": deltas,
    }


# --- rendering ------------------------------------------------------------------------------------------------


def fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _clip(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _md_cell(value: Any) -> str:
    return fmt(value).replace("|", "\\|")


def _md_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return lines


HEADLINE = (
    ("n", "cases"),
    ("route_accuracy", "route accuracy"),
    ("escalate_recall", "escalate recall (gate)"),
    ("escalate_precision", "escalate precision"),
    ("notify_precision", "notify precision"),
    ("approval_accuracy", "approval accuracy"),
    ("citation_validity", "citation validity"),
    ("llm_calls_per_case", "LLM calls / case"),
    ("prompt_tokens_per_case", "prompt tokens / case"),
    ("completion_tokens_per_case", "completion tokens / case"),
)


def metric_rows(report: dict[str, Any]) -> list[tuple[str, Any]]:
    m = report["metrics"]
    rows = [(label, m.get(key)) for key, label in HEADLINE]
    rows.insert(7, ("latency p50 / p95 (ms)", f"{fmt(m['latency_ms']['p50'])} / {fmt(m['latency_ms']['p95'])}"))
    if m.get("errors"):
        rows.append(("cases where the pipeline raised", m["errors"]))
    return rows


TRIGGER_HEADER = ("trigger", "precision", "recall", "F1", "support", "fp", "fn")
TAG_HEADER = ("tag", "n", "route accuracy", "escalate recall", "approval accuracy")


def trigger_rows(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (code, t["precision"], t["recall"], t["f1"], t["support"], t["fp"], t["fn"])
        for code, t in report["metrics"]["triggers"].items()
    ]


def tag_rows(report: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (tag, t["n"], t["route_accuracy"], t["escalate_recall"], t["approval_accuracy"])
        for tag, t in report["tags"].items()
    ]


def describe_miss(case: dict[str, Any]) -> str:
    return f"expected {_decision(case['expected'])}, predicted {_decision(case['predicted'])}"


def render_markdown(report: dict[str, Any], failures: Sequence[str] = ()) -> str:
    """The stdout summary: metrics, confusion, per-trigger and per-tag tables, every miss with its findings."""
    m = report["metrics"]
    out = [f"# Eval: {report.get('cases_file') or 'cases'} ({report['extractor']})", ""]
    out += _md_table(("metric", "value"), metric_rows(report))
    out += ["", "## Confusion (rows: expected, columns: predicted)", ""]
    columns = sorted({k for row in report["confusion"].values() for k in row}, key=lambda k: (k not in ROUTES, k))
    out += _md_table(
        ("expected \\ predicted", *columns),
        ([exp, *(row.get(c, 0) for c in columns)] for exp, row in report["confusion"].items()),
    )
    if m["triggers"]:
        out += ["", "## Triggers", ""]
        out += _md_table(TRIGGER_HEADER, trigger_rows(report))
    if report.get("tags"):
        out += ["", "## By tag", ""]
        out += _md_table(TAG_HEADER, tag_rows(report))
    misses = [c for c in report["cases"] if c["miss"]]
    out += ["", f"## Misses ({len(misses)})", ""]
    for case in misses:
        out.append(f"- **{case['id']}** — {describe_miss(case)}; text: “{_clip(case.get('text'), 160)}”")
        for finding in case.get("findings", [])[:MISS_FINDINGS_SHOWN]:
            evidence = f" — “{_clip(finding['evidence'], 120)}”" if finding["evidence"] else ""
            out.append(f"  - {finding['severity']} `{finding['rule']}`{evidence}")
        if not case.get("findings"):
            out.append("  - (no findings)")
        for error in case.get("errors", []):
            out.append(f"  - error: {error}")
    trigger_only = [c for c in report["cases"] if not c["miss"] and c.get("triggers_ok") is False]
    if trigger_only:
        out += ["", f"## Trigger differences on otherwise-right cases ({len(trigger_only)})", ""]
        for case in trigger_only:
            parts = []
            if case["missing_triggers"]:
                parts.append("missing " + ", ".join(case["missing_triggers"]))
            if case["extra_triggers"]:
                parts.append("extra " + ", ".join(case["extra_triggers"]))
            out.append(f"- {case['id']}: {'; '.join(parts)}")
    if report.get("comparison"):
        out += ["", *render_comparison_markdown(report["comparison"])]
    if report.get("stability"):
        s = report["stability"]
        out += ["", f"## Stability over {s['repeat']} runs: {fmt(s['stable_share'])} of cases stable", ""]
        for case in s["unstable"]:
            out.append(
                f"- {case['id']}: routes {case['routes']}, approvals {case['approvals']}, "
                f"{case['route_flips']} route flip(s)"
            )
    if report.get("line_errors"):
        out += ["", "## Bad lines in the case file (not evaluated)", ""]
        out += [f"- line {e['line']}: {e['error']}" for e in report["line_errors"]]
    if report.get("invalid_citations"):
        out += ["", "## Citations not verbatim in the policy", ""]
        out += [f"- {c['rule']} → {c['section']}: “{_clip(c['text'], 100)}”" for c in report["invalid_citations"]]
    out += ["", "## Gate", ""]
    out += [f"- FAIL: {f}" for f in failures] or ["- PASS"]
    return "\n".join(out) + "\n"


def render_comparison_markdown(comparison: dict[str, Any]) -> list[str]:
    flips = comparison["flips"]
    out = [
        f"## Against the baseline ({comparison.get('baseline_created_at') or 'earlier run'}): {len(flips)} flip(s), "
        f"{len(comparison['regressions'])} regression(s), {len(comparison['fixed'])} fixed",
        "",
    ]
    if comparison["metric_deltas"]:
        out += _md_table(
            ("metric", "baseline", "now", "delta"),
            ((k, d["baseline"], d["now"], d["delta"]) for k, d in comparison["metric_deltas"].items()),
        )
        out.append("")
    if flips:
        out += _md_table(
            ("case", "expected", "baseline", "now", "verdict"),
            (
                (
                    f["id"],
                    f["expected"],
                    f["baseline"],
                    f["now"],
                    "REGRESSION: " + "; ".join(f["reasons"])
                    if f["regression"]
                    else ("fixed" if f["fixed"] else "changed"),
                )
                for f in flips
            ),
        )
    if comparison["only_in_baseline"] or comparison["not_in_baseline"]:
        out += [
            "",
            f"Only in the baseline: {', '.join(comparison['only_in_baseline']) or 'none'}; "
            f"new since: {', '.join(comparison['not_in_baseline']) or 'none'}",
        ]
    return out


CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1100px;color:#1d1d1f}
body{padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#0a7d32;font-weight:600}.fail{color:#b3261e;font-weight:600}
.miss{border:1px solid #e3c4c1;border-left:4px solid #b3261e;border-radius:4px;padding:.6rem .9rem;margin:.8rem 0}
.miss.trig{border-color:#ead9b0;border-left-color:#b7791f}
.text{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:.5rem;margin:.4rem 0}
.ev{color:#555}
.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 .35rem;margin-right:.2rem;font-size:12px}
code{font-size:12px}
"""


def _h(value: Any) -> str:
    return html.escape(fmt(value) if not isinstance(value, str) else value)


def _html_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    head = "".join(f"<th>{_h(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = []
        for value in row:
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            cells.append(f'<td class="num">{_h(value)}</td>' if numeric else f"<td>{_h(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _html_case(case: dict[str, Any]) -> str:
    kind = "miss" if case["miss"] else "miss trig"
    parts = [
        f'<div class="{kind}" id="{_h(case["id"])}"><strong>{_h(case["id"])}</strong> — '
        f"expected <b>{_h(_decision(case['expected']))}</b>, predicted <b>{_h(_decision(case['predicted']))}</b>"
    ]
    if case.get("tags"):
        parts.append(" " + "".join(f'<span class="tag">{_h(t)}</span>' for t in case["tags"]))
    if "missing_triggers" in case:
        parts.append(
            f"<div>expected triggers: {_h(', '.join(case['expected']['triggers']) or 'none')}; "
            f"predicted: {_h(', '.join(case['predicted']['triggers']) or 'none')}"
        )
        if case["missing_triggers"]:
            parts.append(f"; <b>missing</b> {_h(', '.join(case['missing_triggers']))}")
        if case["extra_triggers"]:
            parts.append(f"; <b>extra</b> {_h(', '.join(case['extra_triggers']))}")
        parts.append("</div>")
    parts.append(f'<div class="text">{_h(case.get("text", ""))}</div>')
    if case.get("findings"):
        parts.append("<ul>")
        for f in case["findings"]:
            evidence = f'<div class="ev">evidence: “{_h(f["evidence"])}”</div>' if f["evidence"] else ""
            trigger = f" {_h(f['trigger'])}" if f["trigger"] else ""
            parts.append(
                f"<li><b>{_h(f['severity'])}</b>{trigger} <code>{_h(f['rule'])}</code> — "
                f"{_h(f['reason'])}{evidence}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<div><i>no findings</i></div>")
    for error in case.get("errors", []):
        parts.append(f'<div class="fail">{_h(error)}</div>')
    parts.append("</div>")
    return "".join(parts)


def render_html(report: dict[str, Any], failures: Sequence[str] = ()) -> str:
    """A self-contained page (inline CSS, no external assets) a reviewer can open from CI artifacts."""
    m = report["metrics"]
    title = f"Eval: {report.get('cases_file') or 'cases'} ({report['extractor']})"
    body = [
        f"<h1>{_h(title)}</h1>",
        f"<p>{_h(report.get('created_at') or '')} · policy {_h((report.get('policy_version') or '')[:12])}"
        f" · prompt {_h(report.get('prompt_version') or '–')}</p>",
    ]
    verdict = (
        '<p class="pass">Gate: PASS</p>'
        if not failures
        else '<p class="fail">Gate: FAIL</p><ul>' + "".join(f"<li>{_h(f)}</li>" for f in failures) + "</ul>"
    )
    body.append(verdict)
    body += ["<h2>Metrics</h2>", _html_table(("metric", "value"), metric_rows(report))]
    columns = sorted({k for row in report["confusion"].values() for k in row}, key=lambda k: (k not in ROUTES, k))
    body += [
        "<h2>Confusion (rows: expected, columns: predicted)</h2>",
        _html_table(
            ("expected \\ predicted", *columns),
            ([exp, *(row.get(c, 0) for c in columns)] for exp, row in report["confusion"].items()),
        ),
    ]
    if m["triggers"]:
        body += ["<h2>Triggers</h2>", _html_table(TRIGGER_HEADER, trigger_rows(report))]
    if report.get("tags"):
        body += ["<h2>By tag</h2>", _html_table(TAG_HEADER, tag_rows(report))]
    if report.get("comparison"):
        c = report["comparison"]
        body.append(f"<h2>Against the baseline: {len(c['flips'])} flip(s), {len(c['regressions'])} regression(s)</h2>")
        body.append(
            _html_table(
                ("case", "expected", "baseline", "now", "verdict"),
                (
                    (
                        f["id"],
                        f["expected"],
                        f["baseline"],
                        f["now"],
                        "REGRESSION: " + "; ".join(f["reasons"])
                        if f["regression"]
                        else ("fixed" if f["fixed"] else "changed"),
                    )
                    for f in c["flips"]
                ),
            )
        )
    if report.get("stability"):
        s = report["stability"]
        body.append(f"<h2>Stability over {s['repeat']} runs: {_h(s['stable_share'])} stable</h2>")
        body.append(
            _html_table(
                ("case", "routes", "approvals", "route flips"),
                (
                    (u["id"], json.dumps(u["routes"]), json.dumps(u["approvals"]), u["route_flips"])
                    for u in s["unstable"]
                ),
            )
        )
    misses = [c for c in report["cases"] if c["miss"]]
    body.append(f"<h2>Misses ({len(misses)})</h2>")
    body += [_html_case(c) for c in misses] or ["<p>None.</p>"]
    trigger_only = [c for c in report["cases"] if not c["miss"] and c.get("triggers_ok") is False]
    if trigger_only:
        body.append(f"<h2>Trigger differences on otherwise-right cases ({len(trigger_only)})</h2>")
        body += [_html_case(c) for c in trigger_only]
    if report.get("line_errors"):
        body.append("<h2>Bad lines in the case file (not evaluated)</h2><ul>")
        body += [f"<li>line {e['line']}: {_h(e['error'])}</li>" for e in report["line_errors"]]
        body.append("</ul>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_h(title)}</title><style>{CSS}</style></head><body>{''.join(body)}</body></html>\n"
    )


def write_private(path: Path | str, content: str) -> None:
    """Reports and exports quote partners' plans: write them readable by the owner only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(content)


# --- wiring: settings, pipeline, progress ---------------------------------------------------------------------


def eval_settings(settings: Settings, *, extractor: str | None = None, no_cache: bool = False) -> Settings:
    update: dict[str, Any] = {}
    if extractor:
        update["extractor"] = extractor
    if no_cache:
        update["llm_cache"] = False
    return settings.model_copy(update=update) if update else settings


def make_pipeline(settings: Settings, *, cite: bool = True) -> Pipeline:
    from triage.extract.factory import build_extractor
    from triage.pipeline import Pipeline

    try:
        extractor = build_extractor(settings, no_cache=not settings.llm_cache)
    except ValueError as exc:
        raise EvalError(str(exc)) from exc
    return Pipeline(settings, extractor=extractor, cite=cite)


class Progress:
    """A progress bar on stderr (tqdm, which chromadb already brings), shown only on a terminal."""

    def __init__(self, total: int, label: str, enabled: bool = True) -> None:
        self._bar = None
        if enabled and total and sys.stderr.isatty():
            try:
                from tqdm import tqdm
            except ImportError:  # pragma: no cover - tqdm ships with chromadb
                return
            self._bar = tqdm(total=total, desc=label, unit="run", file=sys.stderr, leave=False)

    def __call__(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def default_concurrency(settings: Settings) -> int:
    """Threads only help when the extractor waits on a network; the lexical path is CPU-bound under the GIL."""
    return 1 if settings.effective_extractor == "lexical" else 8


def evaluate(
    cases_path: Path | str,
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    concurrency: int | None = None,
    repeat: int = 1,
    cite: bool = True,
    progress: bool = True,
) -> dict[str, Any]:
    """Load, run and score a case file; the report lists the file's bad lines rather than failing on them."""
    from triage.policy import load_policy

    if repeat < 1:
        raise EvalError("--repeat must be at least 1")
    cases, line_errors = load_cases(cases_path)
    if not cases:
        detail = f" ({'; '.join(map(str, line_errors[:5]))})" if line_errors else ""
        raise EvalError(f"{cases_path}: no readable cases{detail}")
    pipeline = pipeline or make_pipeline(settings, cite=cite)
    warm_up(pipeline)
    bar = Progress(len(cases) * repeat, "eval", enabled=progress)
    try:
        runs = run_cases(
            pipeline,
            cases,
            concurrency=concurrency or default_concurrency(settings),
            repeat=repeat,
            progress=bar,
        )
    finally:
        bar.close()
    policy = load_policy(settings.knowledge_dir) if pipeline.cite_findings else None
    return build_report(
        runs,
        extractor=pipeline.extractor.name,
        policy=policy,
        cases_file=str(cases_path),
        line_errors=line_errors,
    )


def write_outputs(report: dict[str, Any], failures: Sequence[str], json_out: str | None, html_out: str | None) -> None:
    if json_out:
        write_private(json_out, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    if html_out:
        write_private(html_out, render_html(report, failures))


def cli_eval(args: Any, settings: Settings) -> int:
    """`triage eval`: exit 0 when the gates pass, 1 when they fail, 2 when the case file has bad lines."""
    try:
        settings = eval_settings(settings, extractor=args.extractor, no_cache=args.no_cache or args.repeat > 1)
        baseline = load_report(args.baseline) if args.baseline else None
        report = evaluate(
            args.cases,
            settings,
            concurrency=args.concurrency,
            repeat=args.repeat,
            cite=not args.no_citations,
            progress=not getattr(args, "no_progress", False),
        )
    except EvalError as exc:
        print(f"triage eval: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    failures = gate(report, args.min_escalate_recall)
    if baseline is not None:
        report["comparison"] = compare(report, baseline)
        regressions = report["comparison"]["regressions"]
        if regressions:
            failures.append(f"{len(regressions)} regression(s) against the baseline: {', '.join(regressions)}")
    report["gate"] = {"min_escalate_recall": args.min_escalate_recall, "passed": not failures, "failures": failures}
    write_outputs(report, failures, args.json_out, args.html_out)
    print(render_markdown(report, failures), end="")
    for error in report["line_errors"]:
        print(f"triage eval: {args.cases}: line {error['line']}: {error['error']}", file=sys.stderr)
    if failures:
        return EXIT_GATE
    return EXIT_BAD_INPUT if report["line_errors"] else 0


# --- policy-change re-triage ----------------------------------------------------------------------------------


def open_store(settings: Settings) -> Store:
    """The service's store, read as it is: never created or migrated from here."""
    from triage.store import Store, make_engine

    if settings.database_url is None:
        db = (Path(settings.data_dir) / "triage.db").resolve()
        if not db.exists():
            raise EvalError(f"no stored cases: {db} does not exist (set TRIAGE_DATA_DIR or DATABASE_URL)")
    store = Store(make_engine(settings.sqlalchemy_url))
    try:
        store.ping()
    except Exception as exc:
        store.close()
        raise EvalError(f"cannot read the case store ({type(exc).__name__}); is it migrated?") from exc
    return store


def iter_cases(store: Store, *, status: str | None = None, page: int = 200) -> Iterator[Any]:
    """Every stored case (full row, with text and result), oldest page last; cases added meanwhile may be skipped."""
    offset = 0
    while True:
        rows, total = store.list_cases(status=status, limit=page, offset=offset)
        for row in rows:
            case = store.get_case(row.id)
            if case is not None:
                yield case
        offset += len(rows)
        if not rows or offset >= total:
            return


def retriage_stored(store: Store, pipeline: Pipeline, *, concurrency: int = 1, progress: bool = True) -> dict[str, Any]:
    """Re-run every triaged case under today's policy, rules and prompt, without writing; list what would flip."""
    stored = list(iter_cases(store, status="triaged"))
    labeled = [
        LabeledCase(
            id=case.id,
            text=case.text,
            production_type=case.production_type,
            expected=Expected(route=case.route or "escalate", approval_required=case.approval_required, triggers=None),
        )
        for case in stored
    ]
    bar = Progress(len(labeled), "retriage", enabled=progress)
    try:
        runs = run_cases(pipeline, labeled, concurrency=concurrency, progress=bar)
    finally:
        bar.close()
    flips, errors = [], []
    for case, run in zip(stored, runs, strict=True):
        result = run.result
        if result is None:
            errors.append({"id": case.id, "error": "; ".join(run.errors)})
            continue
        old = {"route": case.route, "approval_required": case.approval_required}
        new = predicted(result)
        if old["route"] == new["route"] and old["approval_required"] == new["approval_required"]:
            continue
        old_triggers = sorted((case.result or {}).get("triggers") or [])
        flips.append(
            {
                "id": case.id,
                "stored": _decision(old),
                "now": _decision(new),
                "lowered": old["route"] == "escalate" and new["route"] == "notify",
                "triggers_removed": sorted(set(old_triggers) - set(new["triggers"])),
                "triggers_added": sorted(set(new["triggers"]) - set(old_triggers)),
                "review": case.review,
                "review_route": case.review_route,
                "agrees_with_review": None if case.review_route is None else case.review_route == new["route"],
                "stored_policy_version": (case.result or {}).get("policy_version"),
            }
        )
    return {
        "extractor": pipeline.extractor.name,
        "policy_version": pipeline.policy_version,
        "prompt_version": pipeline.prompt_version,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "cases": len(stored),
        "flips": flips,
        "errors": errors,
    }


def render_retriage_markdown(report: dict[str, Any]) -> str:
    flips = report["flips"]
    out = [
        f"# Re-triage of {report['cases']} stored case(s) under policy {report['policy_version'][:12]} "
        f"({report['extractor']}): {len(flips)} would flip",
        "",
    ]
    if flips:
        out += _md_table(
            ("case", "stored", "now", "triggers removed", "triggers added", "contact review"),
            (
                (
                    f["id"],
                    f["stored"],
                    f["now"] + (" (LOWERED)" if f["lowered"] else ""),
                    ", ".join(f["triggers_removed"]),
                    ", ".join(f["triggers_added"]),
                    f"{f['review'] or ''}{' → ' + f['review_route'] if f['review_route'] else ''}",
                )
                for f in flips
            ),
        )
    for error in report["errors"]:
        out.append(f"- {error['id']}: the pipeline raised ({error['error']})")
    return "\n".join(out) + "\n"


def cli_retriage(args: Any, settings: Settings) -> int:
    """`triage retriage`: what would flip under the current policy; exit 1 on a regression vs a file's baseline."""
    try:
        settings = eval_settings(settings, extractor=args.extractor)
        if args.stored == bool(args.cases):
            raise EvalError("give a case file (with --baseline) or --stored, not both")
        if args.stored:
            store = open_store(settings)
            try:
                pipeline = make_pipeline(settings, cite=False)
                report = retriage_stored(store, pipeline, concurrency=args.concurrency or default_concurrency(settings))
            finally:
                store.close()
            if args.json_out:
                write_private(args.json_out, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
            print(render_retriage_markdown(report), end="")
            return EXIT_GATE if report["errors"] else 0
        if not args.baseline:
            raise EvalError("re-triaging a case file needs --baseline REPORT.json (the earlier `triage eval` report)")
        baseline = load_report(args.baseline)
        report = evaluate(args.cases, settings, concurrency=args.concurrency, cite=False)
    except EvalError as exc:
        print(f"triage retriage: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    report["comparison"] = compare(report, baseline)
    if args.json_out:
        write_private(args.json_out, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(
        f"# Re-triage of {report['cases_file']} under policy {(report['policy_version'] or '')[:12]} "
        f"({report['extractor']})\n"
    )
    print("\n".join(render_comparison_markdown(report["comparison"])))
    return EXIT_GATE if report["comparison"]["regressions"] else 0


# --- feedback loop: contacts' reviews become labeled cases -------------------------------------------------------


def review_case(case: Any) -> dict[str, Any] | None:
    """A reviewed stored case as a labeled case (contracts §3), or None when the review gives no route.

    An override's route is the label. Any other review (approve, request changes, reject) was made on the engine's
    route without overriding it, so it confirms that route and its approval flag. An override to escalate on a
    case the engine had notified says nothing about approval: that label is null (not scored), since reviews do not
    record whether written approval was needed.
    """
    if case.review is None:
        return None
    route = case.review_route or case.route
    if route not in ROUTES:
        return None
    if route == "notify":
        approval: bool | None = False
    elif case.route == "escalate":
        approval = case.approval_required
    else:
        approval = None
    labeled: dict[str, Any] = {"id": case.id, "text": case.text}
    if case.production_type:
        labeled["production_type"] = case.production_type
    labeled["expected"] = {"route": route, "approval_required": approval}
    labeled["tags"] = ["from_review", f"review_{case.review}"]
    labeled["note"] = (
        f"contact review {case.review!r} on {case.reviewed_at}; engine said {case.route}"
        f"{' with approval' if case.approval_required else ''}. Reason: {case.review_reason or ''}"
    )
    return labeled


def export_reviews(store: Store) -> list[dict[str, Any]]:
    """Every reviewed case as a labeled case, oldest first, ready to append to a case file after a human look."""
    exported = [labeled for case in iter_cases(store) if (labeled := review_case(case)) is not None]
    return exported[::-1]  # the store lists newest first


def cli_export_reviews(args: Any, settings: Settings) -> int:
    try:
        store = open_store(settings)
    except EvalError as exc:
        print(f"triage export-reviews: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        labeled = export_reviews(store)
    finally:
        store.close()
    content = "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in labeled)
    if args.out == "-":
        sys.stdout.write(content)
    else:
        write_private(args.out, content)
        overrides = sum(1 for c in labeled if "review_override" in c["tags"])
        print(f"wrote {len(labeled)} reviewed case(s) ({overrides} override(s)) to {args.out}")
    return 0
