"""Running cases: repeats measure stability, threads change nothing, and the real offline eval passes its gate."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_support import CASES, ScriptedExtractor, harmless, scripted_report, write_cases

from triage.config import REPO_ROOT, Settings
from triage.evals.metrics import gate
from triage.evals.report import EvalReport
from triage.evals.run import run_eval
from triage.pipeline import Pipeline
from triage.records import Extraction, Intake, TriageResult


def test_repeat_reports_route_stability(tmp_path: Path) -> None:
    class Flaky(ScriptedExtractor):
        """a1 reads as a likeness on its first and third runs, harmless on the second."""

        a1_runs = 0

        def extract(self, intake: Intake) -> Extraction:
            if intake.text.startswith("a1:"):
                self.a1_runs += 1
                if self.a1_runs == 2:
                    return harmless()
            return super().extract(intake)

    cases = [c for c in CASES if c["id"] in ("a1", "n1")]
    report = scripted_report(tmp_path, cases, extractor=Flaky(), repeat=3).model_dump()
    stability = report["stability"]
    assert stability["repeat"] == 3 and stability["stable_share"] == 0.5
    [unstable] = stability["unstable"]
    assert unstable == {"id": "a1", "routes": {"escalate": 2, "notify": 1}, "approvals": {"true": 2, "false": 1},
                        "route_flips": 1, "stable": False}  # fmt: skip
    assert report["cases"][0]["predicted"]["route"] == "escalate"  # metrics come from the first run


def test_a_single_run_has_no_stability_section(tmp_path: Path) -> None:
    assert "stability" not in scripted_report(tmp_path).model_dump()


def test_threads_give_the_same_results(tmp_path: Path) -> None:
    one = scripted_report(tmp_path)
    many = scripted_report(tmp_path, concurrency=4, repeat=2)
    assert [c.predicted for c in one.cases] == [c.predicted for c in many.cases]


def test_a_run_that_raises_is_reported_with_its_case(tmp_path: Path) -> None:
    class Raising(Pipeline):
        def run(self, intake: Intake) -> TriageResult:
            if intake.text.startswith("n1:"):
                raise RuntimeError("boom")
            return super().run(intake)

    settings = Settings(data_dir=tmp_path)
    path = write_cases(tmp_path / "cases.jsonl", [c for c in CASES if c["id"] in ("a1", "n1")])
    report = run_eval(path, settings, pipeline=Raising(settings, extractor=ScriptedExtractor(), cite=False))
    n1 = next(c for c in report.cases if c.id == "n1")
    assert n1.errors == ["run 1: RuntimeError: boom"] and n1.predicted.route is None and n1.text and n1.miss
    assert report.metrics.errors == 1 and report.confusion["notify"] == {"escalate": 0, "notify": 0, "error": 1}
    assert gate(report) == ["the pipeline raised on 1 case(s): n1"]


# --- the real offline eval ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_report(tmp_path_factory: pytest.TempPathFactory) -> EvalReport:
    settings = Settings(data_dir=tmp_path_factory.mktemp("eval-data"), extractor="lexical")
    return run_eval(REPO_ROOT / "evals" / "cases.jsonl", settings, progress=False)


def test_offline_eval_escalates_every_escalate_case(offline_report: EvalReport) -> None:
    missed = [c.id for c in offline_report.cases if c.expected.route == "escalate" and not c.route_ok]
    assert offline_report.metrics.escalate_recall == 1.0, missed
    lines = (REPO_ROOT / "evals" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert not offline_report.line_errors and offline_report.metrics.n == len(lines)


def test_offline_eval_citations_are_verbatim(offline_report: EvalReport) -> None:
    assert offline_report.metrics.citations > 0
    assert offline_report.metrics.citation_validity == 1.0, offline_report.invalid_citations
