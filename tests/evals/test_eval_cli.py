"""`triage eval` on the command line: the release gate's exit status, baselines, and the cache switches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eval_support import CASES, write_cases

from triage import cli
from triage.config import Settings
from triage.evals import cli as evals_cli
from triage.evals.report import EvalReport


def test_gate_exits_1_when_an_escalate_case_drops_to_notify(tmp_path: Path, scripted, capsys) -> None:
    right = [c for c in CASES if c["id"] != "e2"]
    scripted()
    assert cli.main(["eval", str(write_cases(tmp_path / "right.jsonl", right))]) == 0
    assert "- PASS" in capsys.readouterr().out

    scripted({"a1": "harmless"})  # a1 was escalate+approval, now notify
    assert cli.main(["eval", str(tmp_path / "right.jsonl")]) == 1
    out = capsys.readouterr().out
    assert "FAIL: escalate recall 0.7500 is below 1.0" in out and "a1" in out

    assert cli.main(["eval", str(tmp_path / "right.jsonl"), "--min-escalate-recall", "0.75"]) == 0


def test_cli_fails_on_a_regression_against_the_baseline(tmp_path: Path, scripted, capsys) -> None:
    path = write_cases(tmp_path / "cases.jsonl", [c for c in CASES if c["id"] in ("n1", "a1")])
    scripted()
    assert cli.main(["eval", str(path), "--json-out", str(tmp_path / "old.json")]) == 0
    scripted({"n1": "unreadable"})  # notify case now escalated: the gate passes, the baseline check does not
    assert cli.main(["eval", str(path), "--baseline", str(tmp_path / "old.json")]) == 1
    out = capsys.readouterr().out
    assert "| n1 | notify | notify | escalate | REGRESSION: route was right, now wrong |" in out
    assert "1 regression(s) against the baseline: n1" in out
    assert cli.main(["eval", str(path), "--baseline", str(tmp_path / "nope.json")]) == 2


def test_repeat_and_no_cache_turn_the_llm_cache_off(tmp_path: Path, scripted, monkeypatch) -> None:
    seen: list[Settings] = []
    original = evals_cli.run_eval

    def spy(path: Any, settings: Settings, **kwargs: Any) -> EvalReport:
        seen.append(settings)
        return original(path, settings, **kwargs)

    monkeypatch.setattr(evals_cli, "run_eval", spy)
    scripted()
    path = write_cases(tmp_path / "c.jsonl", CASES[:1])
    cli.main(["eval", str(path), "--repeat", "2", "--extractor", "lexical"])
    cli.main(["eval", str(path), "--no-cache"])
    cli.main(["eval", str(path)])
    assert [s.llm_cache for s in seen] == [False, False, True]
    assert seen[0].extractor == "lexical"


def test_repeat_must_be_at_least_1(tmp_path: Path, scripted, capsys) -> None:
    scripted()
    assert cli.main(["eval", str(write_cases(tmp_path / "c.jsonl", CASES[:1])), "--repeat", "0"]) == 2
    assert "--repeat must be at least 1" in capsys.readouterr().err
