"""Metrics (contracts §4) on a scripted run, worked out by hand; per-case verdicts; citation validity."""

from __future__ import annotations

from pathlib import Path

from eval_support import scripted_report
from triage_support import FakePipeline

from triage.config import Settings
from triage.evals.cases import Expected, LabeledCase
from triage.evals.run import CaseRun, build_report
from triage.policy import load_policy
from triage.records import Finding, Intake


def test_metrics_on_a_scripted_run_are_exact(tmp_path: Path) -> None:
    report = scripted_report(tmp_path).model_dump()
    m = report["metrics"]
    # expected escalate: a1 a2 e1 e2 x7, of which e2 went to notify; predicted escalate: a1 a2 n2 e1 x7.
    assert m["n"] == 7
    assert m["route_accuracy"] == round(5 / 7, 4)
    assert m["escalate_recall"] == 0.8
    assert m["escalate_precision"] == 0.8
    assert m["notify_precision"] == 0.5  # n1 right, e2 wrong
    assert m["approval_accuracy"] == round(5 / 7, 4)  # n2 and e2 wrong
    assert report["confusion"] == {"escalate": {"escalate": 4, "notify": 1}, "notify": {"escalate": 1, "notify": 1}}
    # x7 lists no triggers, so it is left out: talent_likeness expected in a1 a2 e2, predicted in a1 a2 n2.
    assert m["triggers"]["talent_likeness"] == {
        "precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "support": 3, "tp": 2, "fp": 1, "fn": 1,
    }  # fmt: skip
    assert m["triggers"]["final_deliverable"] == {
        "precision": None, "recall": 0.0, "f1": 0.0, "support": 1, "tp": 0, "fp": 0, "fn": 1,
    }  # fmt: skip
    assert set(m["triggers"]) == {"talent_likeness", "final_deliverable"}
    assert m["citation_validity"] is None  # no citations were asked for
    assert m["llm_calls_per_case"] == 0.0 and m["prompt_tokens_per_case"] == 0
    assert m["latency_ms"]["p50"] is not None and m["latency_ms"]["p95"] >= m["latency_ms"]["p50"]
    assert report["extractor"] == "scripted"
    assert report["tags"]["talent"] == {"n": 3, "route_accuracy": round(2 / 3, 4), "escalate_recall": round(2 / 3, 4),
                                        "approval_accuracy": round(2 / 3, 4)}  # fmt: skip
    assert report["tags"]["near_miss"]["escalate_recall"] is None  # no escalate case: undefined, not 0 or 1


def test_each_case_says_what_is_wrong_and_quotes_the_text_of_misses(tmp_path: Path) -> None:
    cases = {c["id"]: c for c in scripted_report(tmp_path).model_dump()["cases"]}
    a1, a2, n2, e2, x7 = cases["a1"], cases["a2"], cases["n2"], cases["e2"], cases["x7"]
    assert a1["route_ok"] and a1["approval_ok"] and a1["triggers_ok"] and not a1["miss"] and "text" not in a1
    assert "findings" not in a1 and "errors" not in a1 and "production_type" not in a1
    assert a2["missing_triggers"] == ["final_deliverable"] and not a2["miss"] and a2["text"].startswith("a2:")
    assert n2["predicted"] == {"route": "escalate", "approval_required": True, "triggers": ["talent_likeness"]}
    assert n2["miss"] and n2["extra_triggers"] == ["talent_likeness"]
    assert any(f["rule"] and f["evidence"] == "We'll clone her voice." for f in n2["findings"])
    assert e2["miss"] and e2["predicted"]["route"] == "notify" and e2["text"].startswith("e2:")
    assert {"rule", "severity", "evidence"} <= set(e2["findings"][0])
    assert "triggers_ok" not in x7 and x7["expected"] == {"route": "escalate", "approval_required": True}


def test_citation_validity_counts_citations_not_verbatim_in_the_policy() -> None:
    policy = load_policy(Settings().knowledge_dir)
    section = next(iter(policy.sections.values()))
    valid = policy.citation(section.id, section.passages[0])
    invented = valid.model_copy(update={"text": "Digital replicas need a note from your mother."})
    unknown_section = valid.model_copy(update={"section": "no-such-section"})
    finding = Finding(rule="r", trigger=None, severity="reminder", use=None, reason="x",
                      citations=[valid, invented, unknown_section, valid])  # fmt: skip
    result = FakePipeline().run(Intake(text="Mood boards only."))
    result = result.model_copy(update={"findings": [finding]})
    case = LabeledCase(id="c", text="Mood boards only.", expected=Expected(route="notify", approval_required=False))
    report = build_report([CaseRun(case, [result], [1.0])], extractor="fake", policy=policy)
    assert report.metrics.citation_validity == 0.5
    assert {c.section for c in report.invalid_citations or []} == {section.id, "no-such-section"}
