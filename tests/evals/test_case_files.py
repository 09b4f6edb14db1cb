"""Labeled case files (contracts §3): bad lines named by number and costing only themselves, null labels."""

from __future__ import annotations

import json
from pathlib import Path

from eval_support import CASES, case_line, scripted_report, write_cases

from triage import cli
from triage.evals.cases import load_cases


def test_bad_lines_are_named_by_number_and_cost_only_themselves(tmp_path: Path, scripted, capsys) -> None:
    good = [c for c in CASES if c["id"] in ("a1", "n1")]
    bad = [
        "{not json",
        json.dumps({"id": "b1", "text": "b1:harmless x", "expected": {"route": "maybe", "approval_required": False}}),
        json.dumps(good[0]),  # duplicate id
        json.dumps({"id": "b2", "text": "b2:harmless x", "expected": {"route": "notify"}}),
        json.dumps(case_line("b3", "harmless", "notify", False, ["vibes"])),
        "",  # blank lines are fine
        json.dumps(case_line("b4", "harmless", "notify", None, None, production_type="feature")),
    ]
    path = write_cases(tmp_path / "cases.jsonl", good, bad)
    cases, errors = load_cases(path)
    assert [c.id for c in cases] == ["a1", "n1"]
    assert [e.line for e in errors] == [3, 4, 5, 6, 7, 9]
    messages = [str(e) for e in errors]
    assert messages[0].startswith("line 3: not valid JSON")
    assert "route" in messages[1] and "duplicate id 'a1' (first on line 1)" in messages[2]
    assert "approval_required" in messages[3] and "vibes" in messages[4] and "feature" in messages[5]

    scripted()
    assert cli.main(["eval", str(path), "--json-out", str(tmp_path / "r.json")]) == 2  # gates pass, file is bad
    captured = capsys.readouterr()
    assert "line 3: not valid JSON" in captured.err and "line 9:" in captured.err
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["metrics"]["n"] == 2 and [e["line"] for e in report["line_errors"]] == [3, 4, 5, 6, 7, 9]


def test_invalid_utf8_is_a_bad_line(tmp_path: Path) -> None:
    path = write_cases(tmp_path / "cases.jsonl", CASES[:1])
    path.write_bytes(path.read_bytes() + b'{"id": "\xff"}\n')
    cases, errors = load_cases(path)
    assert [c.id for c in cases] == ["a1"] and [str(e) for e in errors] == ["line 2: not valid UTF-8 (byte 8)"]


def test_a_file_with_no_readable_case_is_bad_input(tmp_path: Path, capsys) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("nope\n")
    assert cli.main(["eval", str(path)]) == 2
    assert "no readable cases" in capsys.readouterr().err
    assert cli.main(["eval", str(tmp_path / "missing.jsonl")]) == 2


def test_a_null_approval_label_is_accepted_and_not_scored(tmp_path: Path) -> None:
    report = scripted_report(tmp_path, [case_line("o1", "harmless", "escalate", None, None)])
    assert report.cases[0].approval_ok is None and report.metrics.approval_accuracy is None


def test_triggers_are_sorted_and_unique_and_left_out_when_not_labeled(tmp_path: Path) -> None:
    path = write_cases(
        tmp_path / "cases.jsonl",
        [
            case_line("t1", "likeness", "escalate", True, ["talent_likeness", "final_deliverable", "talent_likeness"]),
            case_line("t2", "likeness", "escalate", True, None),
        ],
    )
    cases, _ = load_cases(path)
    assert cases[0].expected.triggers == ["final_deliverable", "talent_likeness"]
    assert cases[1].expected.model_dump() == {"route": "escalate", "approval_required": True}
