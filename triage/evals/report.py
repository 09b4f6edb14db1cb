"""The eval report: its model (contracts §4; `model_dump()` is the JSON report) and its markdown and HTML renderings.

Fields marked "absent when None" are left out of the dump rather than written as null, as they always have been:
per-trigger detail only for cases whose label lists triggers, the text and findings only for cases worth reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from pydantic import BaseModel, ConfigDict, Field

from triage.evals.cases import ROUTES, Expected, decision
from triage.records import Route

MISS_FINDINGS_SHOWN = 3  # findings quoted per miss in the markdown summary


def _is_none(value: object) -> bool:
    return value is None


def absent_when_none() -> Any:
    """A field the dump leaves out when it is None."""
    return Field(default=None, exclude_if=_is_none)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> str:
        """The report file: indented, non-ASCII kept (plans are quoted in their own language)."""
        return json.dumps(self.model_dump(), indent=2, ensure_ascii=False) + "\n"


# --- the model --------------------------------------------------------------------------------------------------


class Predicted(Model):
    route: Route | None  # None: the pipeline raised
    approval_required: bool | None
    triggers: list[str] = Field(default_factory=list)

    @property
    def decision(self) -> str:
        return decision(self.route, self.approval_required)


class FindingSummary(Model):
    rule: str
    trigger: str | None
    severity: str
    evidence: str | None
    reason: str


class CaseEntry(Model):
    """One case of the report: label, prediction, what is right, and for anything wrong the text and findings."""

    id: str
    expected: Expected
    predicted: Predicted
    route_ok: bool
    approval_ok: bool | None  # None: the label leaves approval out
    missing_triggers: list[str] | None = absent_when_none()  # these three: when the label lists triggers
    extra_triggers: list[str] | None = absent_when_none()
    triggers_ok: bool | None = absent_when_none()
    miss: bool
    tags: list[str]
    production_type: str | None = absent_when_none()
    latency_ms: float | None
    errors: list[str] | None = absent_when_none()
    text: str | None = absent_when_none()  # these three: for a miss, a trigger difference or an error
    findings: list[FindingSummary] | None = absent_when_none()
    notes: list[str] | None = absent_when_none()


class RouteMetrics(Model):
    n: int
    route_accuracy: float | None
    escalate_recall: float | None
    escalate_precision: float | None
    notify_precision: float | None
    approval_accuracy: float | None


class TriggerMetrics(Model):
    precision: float | None
    recall: float | None
    f1: float | None
    support: int
    tp: int
    fp: int
    fn: int


class Latency(Model):
    p50: float | None
    p95: float | None


class Metrics(RouteMetrics):
    triggers: dict[str, TriggerMetrics]
    citation_validity: float | None
    citations: int
    latency_ms: Latency
    llm_calls_per_case: float
    prompt_tokens_per_case: float
    completion_tokens_per_case: float
    errors: int  # cases where the pipeline raised


class TagMetrics(Model):
    n: int
    route_accuracy: float | None
    escalate_recall: float | None
    approval_accuracy: float | None


class InvalidCitation(Model):
    rule: str
    section: str
    text: str


class StabilityCase(Model):
    id: str
    routes: dict[str, int]
    approvals: dict[str, int]
    route_flips: int
    stable: bool


class Stability(Model):
    repeat: int
    stable_share: float | None
    unstable: list[StabilityCase]
    cases: list[StabilityCase]


class Flip(Model):
    id: str
    expected: str
    baseline: str
    now: str
    route_flip: bool
    approval_flip: bool
    regression: bool
    reasons: list[str]
    fixed: bool

    @property
    def verdict(self) -> str:
        if self.regression:
            return "REGRESSION: " + "; ".join(self.reasons)
        return "fixed" if self.fixed else "changed"


class MetricDelta(Model):
    baseline: float
    now: float
    delta: float


class Comparison(Model):
    baseline_extractor: str | None
    baseline_policy_version: str | None
    baseline_created_at: str | None
    flips: list[Flip]
    regressions: list[str]
    fixed: list[str]
    only_in_baseline: list[str]
    not_in_baseline: list[str]
    metric_deltas: dict[str, MetricDelta]


class Gate(Model):
    min_escalate_recall: float
    passed: bool
    failures: list[str]


class LineErrorEntry(Model):
    line: int
    error: str


class EvalReport(Model):
    """The eval report (contracts §4 shape, plus per-case detail, per-tag slices and run metadata)."""

    extractor: str
    metrics: Metrics
    confusion: dict[str, dict[str, int]]  # confusion[expected][predicted]; "error" when the pipeline raised
    cases: list[CaseEntry]
    tags: dict[str, TagMetrics]
    policy_version: str | None
    prompt_version: str | None
    cases_file: str | None
    created_at: str
    line_errors: list[LineErrorEntry]
    invalid_citations: list[InvalidCitation] | None = absent_when_none()
    stability: Stability | None = absent_when_none()  # with --repeat
    comparison: Comparison | None = absent_when_none()  # with --baseline
    gate: Gate | None = absent_when_none()  # from `triage eval`

    @property
    def title(self) -> str:
        return f"Eval: {self.cases_file or 'cases'} ({self.extractor})"

    @property
    def misses(self) -> list[CaseEntry]:
        return [c for c in self.cases if c.miss]

    @property
    def trigger_differences(self) -> list[CaseEntry]:
        """Cases right on route and approval whose triggers differ from the label."""
        return [c for c in self.cases if not c.miss and c.triggers_ok is False]


# --- tables shared by both renderings ---------------------------------------------------------------------------

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
TRIGGER_HEADER = ("trigger", "precision", "recall", "F1", "support", "fp", "fn")
TAG_HEADER = ("tag", "n", "route accuracy", "escalate recall", "approval accuracy")
FLIP_HEADER = ("case", "expected", "baseline", "now", "verdict")

Row = Sequence[Any]


def fmt(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def clip(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def metric_rows(report: EvalReport) -> list[Row]:
    m = report.metrics
    rows: list[Row] = [(label, getattr(m, key)) for key, label in HEADLINE]
    rows.insert(7, ("latency p50 / p95 (ms)", f"{fmt(m.latency_ms.p50)} / {fmt(m.latency_ms.p95)}"))
    if m.errors:
        rows.append(("cases where the pipeline raised", m.errors))
    return rows


def confusion_table(report: EvalReport) -> tuple[Row, list[Row]]:
    columns = sorted({k for row in report.confusion.values() for k in row}, key=lambda k: (k not in ROUTES, k))
    rows: list[Row] = [[exp, *(row.get(c, 0) for c in columns)] for exp, row in report.confusion.items()]
    return ("expected \\ predicted", *columns), rows


def trigger_rows(report: EvalReport) -> list[Row]:
    return [(code, t.precision, t.recall, t.f1, t.support, t.fp, t.fn) for code, t in report.metrics.triggers.items()]


def tag_rows(report: EvalReport) -> list[Row]:
    return [(tag, t.n, t.route_accuracy, t.escalate_recall, t.approval_accuracy) for tag, t in report.tags.items()]


def flip_rows(comparison: Comparison) -> list[Row]:
    return [(f.id, f.expected, f.baseline, f.now, f.verdict) for f in comparison.flips]


# --- markdown -------------------------------------------------------------------------------------------------


def _md_cell(value: object) -> str:
    return fmt(value).replace("|", "\\|")


def md_table(header: Sequence[str], rows: Iterable[Row]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    return lines


def render_markdown(report: EvalReport, failures: Sequence[str] = ()) -> str:
    """The stdout summary: metrics, confusion, per-trigger and per-tag tables, every miss with its findings."""
    out = [f"# {report.title}", ""]
    out += md_table(("metric", "value"), metric_rows(report))
    out += ["", "## Confusion (rows: expected, columns: predicted)", ""]
    out += md_table(*confusion_table(report))
    if report.metrics.triggers:
        out += ["", "## Triggers", ""]
        out += md_table(TRIGGER_HEADER, trigger_rows(report))
    if report.tags:
        out += ["", "## By tag", ""]
        out += md_table(TAG_HEADER, tag_rows(report))
    misses = report.misses
    out += ["", f"## Misses ({len(misses)})", ""]
    for case in misses:
        out.append(
            f"- **{case.id}** — expected {case.expected.decision}, predicted {case.predicted.decision}; "
            f"text: “{clip(case.text, 160)}”"
        )
        for finding in (case.findings or [])[:MISS_FINDINGS_SHOWN]:
            evidence = f" — “{clip(finding.evidence, 120)}”" if finding.evidence else ""
            out.append(f"  - {finding.severity} `{finding.rule}`{evidence}")
        if not case.findings:
            out.append("  - (no findings)")
        out += [f"  - error: {error}" for error in case.errors or []]
    trigger_only = report.trigger_differences
    if trigger_only:
        out += ["", f"## Trigger differences on otherwise-right cases ({len(trigger_only)})", ""]
        for case in trigger_only:
            parts = []
            if case.missing_triggers:
                parts.append("missing " + ", ".join(case.missing_triggers))
            if case.extra_triggers:
                parts.append("extra " + ", ".join(case.extra_triggers))
            out.append(f"- {case.id}: {'; '.join(parts)}")
    if report.comparison:
        out += ["", *render_comparison_markdown(report.comparison)]
    if report.stability:
        s = report.stability
        out += ["", f"## Stability over {s.repeat} runs: {fmt(s.stable_share)} of cases stable", ""]
        out += [
            f"- {u.id}: routes {u.routes}, approvals {u.approvals}, {u.route_flips} route flip(s)" for u in s.unstable
        ]
    if report.line_errors:
        out += ["", "## Bad lines in the case file (not evaluated)", ""]
        out += [f"- line {e.line}: {e.error}" for e in report.line_errors]
    if report.invalid_citations:
        out += ["", "## Citations not verbatim in the policy", ""]
        out += [f"- {c.rule} → {c.section}: “{clip(c.text, 100)}”" for c in report.invalid_citations]
    out += ["", "## Gate", ""]
    out += [f"- FAIL: {f}" for f in failures] or ["- PASS"]
    return "\n".join(out) + "\n"


def render_comparison_markdown(comparison: Comparison) -> list[str]:
    flips = comparison.flips
    out = [
        f"## Against the baseline ({comparison.baseline_created_at or 'earlier run'}): {len(flips)} flip(s), "
        f"{len(comparison.regressions)} regression(s), {len(comparison.fixed)} fixed",
        "",
    ]
    if comparison.metric_deltas:
        out += md_table(
            ("metric", "baseline", "now", "delta"),
            ((k, d.baseline, d.now, d.delta) for k, d in comparison.metric_deltas.items()),
        )
        out.append("")
    if flips:
        out += md_table(FLIP_HEADER, flip_rows(comparison))
    if comparison.only_in_baseline or comparison.not_in_baseline:
        out += [
            "",
            f"Only in the baseline: {', '.join(comparison.only_in_baseline) or 'none'}; "
            f"new since: {', '.join(comparison.not_in_baseline) or 'none'}",
        ]
    return out


# --- HTML -----------------------------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("triage.evals", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["fmt"] = fmt
    env.tests["number"] = _is_number
    return env


def render_html(report: EvalReport, failures: Sequence[str] = ()) -> str:
    """A self-contained page (inline CSS, no external assets) a reviewer can open from CI artifacts."""
    stability_rows = [
        (u.id, json.dumps(u.routes), json.dumps(u.approvals), u.route_flips)
        for u in (report.stability.unstable if report.stability else [])
    ]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            failures=failures,
            metric_rows=metric_rows(report),
            confusion=confusion_table(report),
            trigger_header=TRIGGER_HEADER,
            trigger_rows=trigger_rows(report),
            tag_header=TAG_HEADER,
            tag_rows=tag_rows(report),
            flip_header=FLIP_HEADER,
            flip_rows=flip_rows(report.comparison) if report.comparison else [],
            stability_rows=stability_rows,
        )
    )
