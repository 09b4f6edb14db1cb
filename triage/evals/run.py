"""Running labeled cases through the pipeline the API uses: threads, repeats for stability, and the scored report."""

from __future__ import annotations

import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from triage.evals.cases import EvalError, LabeledCase, LineError, load_cases
from triage.evals.metrics import (
    by_tag,
    case_entry,
    citation_check,
    confusion,
    percentile,
    ratio,
    route_metrics,
    trigger_metrics,
)
from triage.evals.report import EvalReport, Latency, LineErrorEntry, Metrics, Stability, StabilityCase
from triage.records import TriageResult

if TYPE_CHECKING:
    from triage.config import Settings
    from triage.pipeline import Pipeline
    from triage.policy import Policy

T = TypeVar("T")
Outcome = tuple[int, int, TriageResult | None, float, str | None]  # case index, attempt, result, ms, error


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

    def one(index: int, attempt: int) -> Outcome:
        case = cases[index]
        started = time.perf_counter()
        try:
            result = pipeline.run(case.intake())
            error = None
        except Exception as exc:  # report it with the case; the other cases still run
            result, error = None, f"{type(exc).__name__}: {str(exc)[:300]}"
        return index, attempt, result, (time.perf_counter() - started) * 1000, error

    def tick(value: T) -> T:
        if progress:
            progress()
        return value

    tasks = [(i, attempt) for attempt in range(repeat) for i in range(len(cases))]
    if concurrency <= 1:
        _collect(runs, (tick(one(i, a)) for i, a in tasks))
    else:
        with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="eval") as pool:
            futures = [pool.submit(one, i, a) for i, a in tasks]
            _collect(runs, (tick(f.result()) for f in as_completed(futures)))
    return runs


def _collect(runs: list[CaseRun], outcomes: Iterable[Outcome]) -> None:
    for index, attempt, result, latency, error in outcomes:
        runs[index].results[attempt] = result
        runs[index].latencies_ms[attempt] = latency
        if error:
            runs[index].errors.append(f"run {attempt + 1}: {error}")


def warm_up(pipeline: Pipeline) -> None:
    """Load the retrieval index and embedding model before timing (and before threads race to create them)."""
    if pipeline.cite_findings:
        pipeline.index.cite("written approval", [], k=1)


def stability(runs: Sequence[CaseRun]) -> Stability:
    """How often each case's route and approval change across repeated runs (an LLM at temperature 0 still may)."""
    cases = []
    for run in runs:
        routes = Counter(r.route if r else "error" for r in run.results)
        approvals = Counter(str(r.approval_required).lower() if r else "error" for r in run.results)
        modal = routes.most_common(1)[0][1]
        cases.append(
            StabilityCase(
                id=run.case.id,
                routes=dict(routes),
                approvals=dict(approvals),
                route_flips=len(run.results) - modal,
                stable=len(routes) == 1 and len(approvals) == 1,
            )
        )
    return Stability(
        repeat=len(runs[0].results) if runs else 0,
        stable_share=ratio(sum(1 for c in cases if c.stable), len(cases)),
        unstable=[c for c in cases if not c.stable],
        cases=cases,
    )


def build_report(
    runs: Sequence[CaseRun],
    *,
    extractor: str,
    policy: Policy | None,
    cases_file: str | None = None,
    line_errors: Sequence[LineError] = (),
) -> EvalReport:
    """Score the runs: metrics come from each case's first run; with repeats, stability from all of them."""
    entries = [case_entry(run.case, run.result, run.latencies_ms[0], run.errors) for run in runs]
    first = [run.result for run in runs]
    present = [r for r in first if r is not None]
    n = len(runs)
    if policy is not None and any(r.findings and r.findings[0].citations for r in present):
        total, invalid = citation_check(first, policy)
        citation_validity = ratio(total - len(invalid), total)
    else:
        total, invalid, citation_validity = 0, [], None
    first_latencies = [run.latencies_ms[0] for run in runs]
    metrics = Metrics(
        **route_metrics(entries).model_dump(),
        triggers=trigger_metrics(entries),
        citation_validity=citation_validity,
        citations=total,
        latency_ms=Latency(p50=percentile(first_latencies, 0.5), p95=percentile(first_latencies, 0.95)),
        llm_calls_per_case=round(sum(r.stats.llm_calls for r in present) / n, 3) if n else 0.0,
        prompt_tokens_per_case=round(sum(r.stats.prompt_tokens for r in present) / n, 1) if n else 0.0,
        completion_tokens_per_case=round(sum(r.stats.completion_tokens for r in present) / n, 1) if n else 0.0,
        errors=sum(1 for run in runs if run.errors),
    )
    return EvalReport(
        extractor=extractor,
        metrics=metrics,
        confusion=confusion(entries),
        cases=entries,
        tags=by_tag(entries),
        policy_version=present[0].policy_version if present else None,
        prompt_version=present[0].prompt_version if present else None,
        cases_file=cases_file,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        line_errors=[LineErrorEntry(line=e.line, error=e.message) for e in line_errors],
        invalid_citations=invalid[:50] or None,
        stability=stability(runs) if runs and len(runs[0].results) > 1 else None,
    )


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
        self._bar: Any = None
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


def run_eval(
    cases_path: Path | str,
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    concurrency: int | None = None,
    repeat: int = 1,
    cite: bool = True,
    progress: bool = True,
) -> EvalReport:
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
