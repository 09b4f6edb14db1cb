"""Reports: the JSON report has the contract shape (contracts §4), the markdown summary and the HTML page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from eval_support import CASES, QUOTES, case_line, write_cases

from triage import cli


def test_markdown_summary_has_the_tables_and_every_miss(tmp_path: Path, scripted, capsys) -> None:
    scripted()
    assert cli.main(["eval", str(write_cases(tmp_path / "cases.jsonl"))]) == 1
    out = capsys.readouterr().out
    for heading in ("| route accuracy |", "## Confusion", "## Triggers", "## By tag", "## Misses (2)"):
        assert heading in out
    assert "**e2** — expected escalate+approval, predicted notify" in out
    assert "**n2** — expected notify, predicted escalate+approval" in out
    assert "  - approval `talent.likeness` — “We'll clone her voice.”" in out  # the miss's first findings
    assert "  - reminder `intro.share_with_contact`" in out
    assert "## Trigger differences on otherwise-right cases (1)\n\n- a2: missing final_deliverable" in out


def test_json_report_has_the_contract_shape(tmp_path: Path, scripted) -> None:
    scripted()
    out = tmp_path / "reports" / "r.json"
    cli.main(["eval", str(write_cases(tmp_path / "cases.jsonl")), "--json-out", str(out)])
    report = json.loads(out.read_text())
    assert list(report) == [
        "extractor", "metrics", "confusion", "cases", "tags", "policy_version", "prompt_version", "cases_file",
        "created_at", "line_errors", "gate",
    ]  # fmt: skip
    assert list(report["metrics"]) == [
        "n", "route_accuracy", "escalate_recall", "escalate_precision", "notify_precision", "approval_accuracy",
        "triggers", "citation_validity", "citations", "latency_ms", "llm_calls_per_case", "prompt_tokens_per_case",
        "completion_tokens_per_case", "errors",
    ]  # fmt: skip
    assert set(report["metrics"]["latency_ms"]) == {"p50", "p95"}
    for trigger in report["metrics"]["triggers"].values():
        assert list(trigger) == ["precision", "recall", "f1", "support", "tp", "fp", "fn"]
    assert set(report["confusion"]) == {"escalate", "notify"}
    assert all(set(row) == {"escalate", "notify"} for row in report["confusion"].values())
    for case in report["cases"]:
        assert {"id", "expected", "predicted", "route_ok", "approval_ok"} <= set(case)
        assert {"route", "approval_required", "triggers"} == set(case["predicted"])
    assert list(report["cases"][0]) == [
        "id", "expected", "predicted", "route_ok", "approval_ok", "missing_triggers", "extra_triggers", "triggers_ok",
        "miss", "tags", "latency_ms",
    ]  # fmt: skip
    assert report["gate"]["passed"] is False
    assert (out.stat().st_mode & 0o777) == 0o600  # it quotes partners' plans


def test_html_report_is_self_contained_and_shows_the_misses(tmp_path: Path, scripted) -> None:
    scripted()
    cases = [*CASES[:4], case_line("z9", "harmless", "escalate", True, [], tags=["x"])]
    cases[-1]["text"] = "z9:harmless <script>alert('x')</script> " + QUOTES
    page = tmp_path / "r.html"
    cli.main(["eval", str(write_cases(tmp_path / "cases.jsonl", cases)), "--html-out", str(page)])
    html = page.read_text()
    assert html.startswith("<!doctype html>") and "<style>" in html and html.endswith("</html>\n")
    assert "<script" not in html and "<link" not in html and "src=" not in html  # no assets, partner text escaped
    assert "&lt;script&gt;alert(" in html
    assert 'id="z9"' in html and "expected <b>escalate+approval</b>, predicted <b>notify</b>" in html
    assert "Gate: FAIL" in html and "Confusion" in html and "Triggers" in html
    assert "<code>intro.share_with_contact</code>" in html  # z9's findings, under its text
    assert 'id="n2"' in html and "evidence: “We&#39;ll clone her voice.”" in html
    assert 'id="a2"' in html and "<b>missing</b> final_deliverable" in html  # trigger differences are shown too
    assert re.search(r'<td class="num">\d\.\d{3}</td>', html)  # numbers right-aligned, three decimals
