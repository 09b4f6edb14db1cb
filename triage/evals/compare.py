"""A run against an earlier report (`--baseline`): which cases flipped, which flips are regressions, metric deltas."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triage.evals.cases import EvalError, decision
from triage.evals.report import Comparison, EvalReport, Flip, MetricDelta

DELTA_METRICS = ("route_accuracy", "escalate_recall", "escalate_precision", "notify_precision", "approval_accuracy")


@dataclass(frozen=True)
class BaselinePrediction:
    route: str | None = None
    approval_required: bool | None = None

    @property
    def decision(self) -> str:
        return decision(self.route, self.approval_required)


@dataclass(frozen=True)
class Baseline:
    """What a comparison reads from an earlier report, which may come from an older version: read leniently."""

    extractor: str | None = None
    policy_version: str | None = None
    created_at: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    predictions: dict[str, BaselinePrediction] = field(default_factory=dict)  # by case id


def load_report(path: Path | str) -> Baseline:
    try:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"cannot read the baseline {path}: {exc.strerror}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EvalError(f"the baseline {path} is not a JSON report ({exc})") from exc
    if not isinstance(report, dict) or not isinstance(report.get("cases"), list):
        raise EvalError(f'the baseline {path} has no "cases" list; is it a `triage eval --json-out` report?')
    try:
        return Baseline(
            extractor=report.get("extractor"),
            policy_version=report.get("policy_version"),
            created_at=report.get("created_at"),
            metrics=report.get("metrics") or {},
            predictions={
                case["id"]: _prediction(case.get("predicted") or {})
                for case in report["cases"]
                if isinstance(case, dict) and "id" in case
            },
        )
    except AttributeError as exc:
        raise EvalError(f"the baseline {path} is not a `triage eval --json-out` report ({exc})") from exc


def _prediction(predicted: dict[str, Any]) -> BaselinePrediction:
    return BaselinePrediction(route=predicted.get("route"), approval_required=predicted.get("approval_required"))


def compare(report: EvalReport, baseline: Baseline) -> Comparison:
    """Cases whose route or approval flipped against the baseline, and which flips are regressions.

    Correctness is judged against today's labels for both runs, so a relabeled case doesn't read as a regression.
    A regression is a case right in the baseline and wrong now (route or approval), or any escalate→notify flip
    on an expected-escalate case.
    """
    flips, regressions, fixed = [], [], []
    for case in report.cases:
        old = baseline.predictions.get(case.id)
        if old is None:
            continue
        exp, new = case.expected, case.predicted
        route_flip = old.route != new.route
        approval_flip = old.approval_required != new.approval_required
        if not route_flip and not approval_flip:
            continue
        old_route_ok = old.route == exp.route
        old_approval_ok = None if exp.approval_required is None else old.approval_required == exp.approval_required
        reasons = []
        if old_route_ok and not case.route_ok:
            reasons.append("route was right, now wrong")
        if old_approval_ok and case.approval_ok is False:
            reasons.append("approval was right, now wrong")
        if exp.route == "escalate" and old.route == "escalate" and new.route != "escalate":
            reasons.append("escalate → notify on an escalate case")
        now_ok = case.route_ok and case.approval_ok is not False
        was_ok = old_route_ok and old_approval_ok is not False
        flip = Flip(
            id=case.id,
            expected=exp.decision,
            baseline=old.decision,
            now=new.decision,
            route_flip=route_flip,
            approval_flip=approval_flip,
            regression=bool(reasons),
            reasons=sorted(set(reasons)),
            fixed=now_ok and not was_ok,
        )
        flips.append(flip)
        if flip.regression:
            regressions.append(case.id)
        elif flip.fixed:
            fixed.append(case.id)
    new_ids = {c.id for c in report.cases}
    deltas = {}
    for key in DELTA_METRICS:
        old_value, new_value = baseline.metrics.get(key), getattr(report.metrics, key)
        if isinstance(old_value, int | float) and isinstance(new_value, int | float):
            deltas[key] = MetricDelta(baseline=old_value, now=new_value, delta=round(new_value - old_value, 4))
    return Comparison(
        baseline_extractor=baseline.extractor,
        baseline_policy_version=baseline.policy_version,
        baseline_created_at=baseline.created_at,
        flips=flips,
        regressions=regressions,
        fixed=fixed,
        only_in_baseline=sorted(set(baseline.predictions) - new_ids),
        not_in_baseline=sorted(new_ids - set(baseline.predictions)),
        metric_deltas=deltas,
    )
