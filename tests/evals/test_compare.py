"""Comparison against a baseline report: flips, regressions judged on today's labels, metric deltas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_support import ScriptedExtractor, case_line, scripted_report

from triage.evals.cases import EvalError
from triage.evals.compare import compare, load_report
from triage.evals.report import EvalReport


def baseline_of(report: EvalReport, path: Path) -> Path:
    path.write_text(report.to_json(), encoding="utf-8")
    return path


def test_baseline_lists_flips_and_flags_regressions(tmp_path: Path) -> None:
    baseline = load_report(baseline_of(scripted_report(tmp_path), tmp_path / "old.json"))
    # a1: right → notify (regression, and escalate→notify); e2: wrong → right; n1: right → escalate (regression).
    now = scripted_report(tmp_path, extractor=ScriptedExtractor({"a1": "harmless", "e2": "likeness", "n1": "likeness"}))
    comparison = compare(now, baseline)
    flips = {f.id: f for f in comparison.flips}
    assert set(flips) == {"a1", "e2", "n1"}
    assert comparison.regressions == ["a1", "n1"] and comparison.fixed == ["e2"]
    assert "escalate → notify on an escalate case" in flips["a1"].reasons
    assert flips["a1"].baseline == "escalate+approval" and flips["a1"].now == "notify"
    assert comparison.metric_deltas["route_accuracy"].delta == round(4 / 7 - 5 / 7, 4)


def test_an_escalate_to_notify_flip_is_a_regression_even_when_the_baseline_was_wrong(tmp_path: Path) -> None:
    """a2 labeled escalate without approval: baseline escalate+approval (approval wrong), now notify."""
    cases = [case_line("a2", "likeness", "escalate", False, None)]
    baseline = load_report(baseline_of(scripted_report(tmp_path, cases), tmp_path / "old.json"))
    now = scripted_report(tmp_path, cases, extractor=ScriptedExtractor({"a2": "harmless"}))
    assert compare(now, baseline).regressions == ["a2"]


def test_a_baseline_is_read_leniently(tmp_path: Path) -> None:
    """An older or hand-edited report: cases without a prediction read as errors, odd entries are skipped."""
    path = tmp_path / "old.json"
    cases = [{"id": "a1"}, {"id": "gone", "predicted": {"route": "notify"}}, "not a case", {"no": "id"}]
    path.write_text(json.dumps({"cases": cases, "metrics": {"route_accuracy": "n/a"}}))
    comparison = compare(scripted_report(tmp_path), load_report(path))
    [flip] = comparison.flips
    assert flip.id == "a1" and flip.baseline == "error" and not flip.regression and flip.fixed
    assert comparison.only_in_baseline == ["gone"] and "n1" in comparison.not_in_baseline
    assert comparison.metric_deltas == {} and comparison.baseline_extractor is None


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff", "is not a JSON report"), (b"[]", 'has no "cases" list'), (b'{"cases": [{"id": "a", "predicted": 1}]}',
                                                                        "is not a `triage eval --json-out` report")],
)  # fmt: skip
def test_a_bad_baseline_is_an_eval_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "old.json"
    path.write_bytes(content)
    with pytest.raises(EvalError, match=message):
        load_report(path)
    with pytest.raises(EvalError, match="cannot read the baseline"):
        load_report(tmp_path / "missing.json")
