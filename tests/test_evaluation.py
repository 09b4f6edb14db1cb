"""`triage eval` and friends: exact metrics over a scripted extractor, the release gate, baselines, bad case files,
reports (JSON per contracts §4, self-contained HTML), stability, re-triage and the review export."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from triage_support import FakePipeline

from triage import cli, evaluation
from triage.config import REPO_ROOT, Settings, get_settings
from triage.evaluation import CaseRun, LabeledCase, build_report, compare, evaluate, load_cases
from triage.pipeline import Pipeline
from triage.policy import load_policy
from triage.records import (
    AIUse,
    Answer,
    Choice,
    DataHandling,
    Extraction,
    Finding,
    Intake,
    Media,
    Stage,
)
from triage.store import Store, submit

QUOTES = "We'll clone her voice. Mood boards only. Nothing goes in the final cut. Under our enterprise agreement."


def harmless() -> Extraction:
    """One ideation use with every answer stated: the engine routes it notify with no triggers."""
    use = AIUse(
        summary="Mood boards only.",
        stage=Choice[Stage](value=Stage.IDEATION, evidence="Mood boards only."),
        media=[Media.IMAGE],
        final_output=Answer(value="no", evidence="Nothing goes in the final cut."),
        data_handling=Choice[DataHandling](value=DataHandling.ENTERPRISE, evidence="Under our enterprise agreement."),
    )
    return Extraction(uses=[use], language="en", extractor="scripted")


def likeness() -> Extraction:
    """The harmless use plus a real person's voice: escalate with approval, talent_likeness only."""
    use = harmless().uses[0].model_copy(update={"real_person": Answer(value="yes", evidence="We'll clone her voice.")})
    return Extraction(uses=[use], language="en", extractor="scripted")


def unreadable() -> Extraction:
    """A failed read: escalate without approval and without triggers (fail closed)."""
    return Extraction(language="unknown", extractor="scripted", failure="scripted failure")


SCRIPTS: dict[str, Callable[[], Extraction]] = {"harmless": harmless, "likeness": likeness, "unreadable": unreadable}


class ScriptedExtractor:
    """Implements the Extractor protocol: the first word of the plan names the extraction to return."""

    name = "scripted"
    prompt_version = None

    def __init__(self, overrides: dict[str, str] | None = None) -> None:
        self.overrides = overrides or {}
        self.calls = 0

    def extract(self, intake: Intake) -> Extraction:
        self.calls += 1
        case, script = intake.text.split()[0].split(":")
        return SCRIPTS[self.overrides.get(case, script)]()


def case_line(case_id: str, script: str, route: str, approval: bool | None, triggers: list[str] | None, **extra: Any):
    expected: dict[str, Any] = {"route": route, "approval_required": approval}
    if triggers is not None:
        expected["triggers"] = triggers
    return {"id": case_id, "text": f"{case_id}:{script} {QUOTES}", "expected": expected, **extra}


# id, what the extractor returns, and the label. Worked out by hand below.
CASES = [
    case_line("a1", "likeness", "escalate", True, ["talent_likeness"], tags=["talent"]),
    case_line("a2", "likeness", "escalate", True, ["final_deliverable", "talent_likeness"], tags=["talent"]),
    case_line("n1", "harmless", "notify", False, [], tags=["near_miss"], note="unknown fields are ignored"),
    case_line("n2", "likeness", "notify", False, [], tags=["near_miss"]),
    case_line("e1", "unreadable", "escalate", False, [], tags=["unreadable"]),
    case_line("e2", "harmless", "escalate", True, ["talent_likeness"], tags=["talent"]),
    case_line("x7", "likeness", "escalate", True, None),  # no trigger label: left out of per-trigger metrics
]


def write_cases(path: Path, cases: list[dict[str, Any]] | None = None, extra_lines: list[str] = ()) -> Path:
    lines = [json.dumps(c) for c in (CASES if cases is None else cases)] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRIAGE_LLM_MODEL", raising=False)
    monkeypatch.delenv("TRIAGE_EXTRACTOR", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> Callable[..., ScriptedExtractor]:
    """Make the CLI build pipelines over a scripted extractor (no citations: the metrics tests need no index)."""
    holder: dict[str, ScriptedExtractor] = {"extractor": ScriptedExtractor()}

    def make(settings: Settings, *, cite: bool = True) -> Pipeline:
        return Pipeline(settings, extractor=holder["extractor"], cite=False)

    def use(overrides: dict[str, str] | None = None) -> ScriptedExtractor:
        holder["extractor"] = ScriptedExtractor(overrides)
        return holder["extractor"]

    monkeypatch.setattr(evaluation, "make_pipeline", make)
    return use


def scripted_report(tmp_path: Path, cases: list[dict[str, Any]] | None = None, **kwargs: Any) -> dict[str, Any]:
    settings = Settings(data_dir=tmp_path)
    pipeline = Pipeline(settings, extractor=kwargs.pop("extractor", ScriptedExtractor()), cite=False)
    return evaluate(write_cases(tmp_path / "cases.jsonl", cases), settings, pipeline=pipeline, **kwargs)


# --- metrics --------------------------------------------------------------------------------------------------


def test_metrics_on_a_scripted_run_are_exact(tmp_path: Path) -> None:
    report = scripted_report(tmp_path)
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
    cases = {c["id"]: c for c in scripted_report(tmp_path)["cases"]}
    a1, a2, n2, e2, x7 = cases["a1"], cases["a2"], cases["n2"], cases["e2"], cases["x7"]
    assert a1["route_ok"] and a1["approval_ok"] and a1["triggers_ok"] and not a1["miss"] and "text" not in a1
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
    case = LabeledCase(id="c", text="Mood boards only.", expected=evaluation.Expected("notify", False, []))
    report = build_report([CaseRun(case, [result], [1.0])], extractor="fake", policy=policy)
    assert report["metrics"]["citation_validity"] == 0.5
    assert {c["section"] for c in report["invalid_citations"]} == {section.id, "no-such-section"}


# --- the gate and the command line ------------------------------------------------------------------------------


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


def test_json_report_has_the_contract_shape(tmp_path: Path, scripted) -> None:
    scripted()
    out = tmp_path / "reports" / "r.json"
    cli.main(["eval", str(write_cases(tmp_path / "cases.jsonl")), "--json-out", str(out)])
    report = json.loads(out.read_text())
    assert next(iter(report)) == "extractor"
    assert {"extractor", "metrics", "confusion", "cases"} <= set(report)
    assert {
        "n", "route_accuracy", "escalate_recall", "escalate_precision", "notify_precision", "approval_accuracy",
        "triggers", "citation_validity", "latency_ms", "llm_calls_per_case", "prompt_tokens_per_case",
        "completion_tokens_per_case",
    } <= set(report["metrics"])  # fmt: skip
    assert set(report["metrics"]["latency_ms"]) == {"p50", "p95"}
    for trigger in report["metrics"]["triggers"].values():
        assert {"precision", "recall", "f1", "support"} <= set(trigger)
    assert set(report["confusion"]) == {"escalate", "notify"}
    assert all(set(row) == {"escalate", "notify"} for row in report["confusion"].values())
    for case in report["cases"]:
        assert {"id", "expected", "predicted", "route_ok", "approval_ok"} <= set(case)
        assert {"route", "approval_required", "triggers"} == set(case["predicted"])
    assert report["gate"]["passed"] is False
    assert (out.stat().st_mode & 0o777) == 0o600  # it quotes partners' plans


def test_html_report_is_self_contained_and_shows_the_misses(tmp_path: Path, scripted) -> None:
    scripted()
    cases = [*CASES[:4], case_line("z9", "harmless", "escalate", True, [], tags=["x"])]
    cases[-1]["text"] = "z9:harmless <script>alert('x')</script> " + QUOTES
    page = tmp_path / "r.html"
    cli.main(["eval", str(write_cases(tmp_path / "cases.jsonl", cases)), "--html-out", str(page)])
    html = page.read_text()
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert "<script" not in html and "<link" not in html and "src=" not in html  # no assets, partner text escaped
    assert "&lt;script&gt;alert(" in html
    assert 'id="z9"' in html and "expected <b>escalate+approval</b>, predicted <b>notify</b>" in html
    assert "Gate: FAIL" in html and "Confusion" in html and "Triggers" in html
    assert "<code>intro.share_with_contact</code>" in html  # z9's findings, under its text
    assert 'id="n2"' in html and "evidence: “We&#x27;ll clone her voice.”" in html
    assert 'id="a2"' in html and "<b>missing</b> final_deliverable" in html  # trigger differences are shown too


# --- bad case files --------------------------------------------------------------------------------------------


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


def test_a_file_with_no_readable_case_is_bad_input(tmp_path: Path, capsys) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text("nope\n")
    assert cli.main(["eval", str(path)]) == 2
    assert "no readable cases" in capsys.readouterr().err
    assert cli.main(["eval", str(tmp_path / "missing.jsonl")]) == 2


def test_a_null_approval_label_is_accepted_and_not_scored(tmp_path: Path) -> None:
    report = scripted_report(tmp_path, [case_line("o1", "harmless", "escalate", None, None)])
    assert report["cases"][0]["approval_ok"] is None and report["metrics"]["approval_accuracy"] is None


# --- baselines, stability --------------------------------------------------------------------------------------


def test_baseline_lists_flips_and_flags_regressions(tmp_path: Path) -> None:
    baseline = scripted_report(tmp_path)
    # a1: right → notify (regression, and escalate→notify); e2: wrong → right; n1: right → escalate (regression).
    now = scripted_report(tmp_path, extractor=ScriptedExtractor({"a1": "harmless", "e2": "likeness", "n1": "likeness"}))
    comparison = compare(now, baseline)
    flips = {f["id"]: f for f in comparison["flips"]}
    assert set(flips) == {"a1", "e2", "n1"}
    assert comparison["regressions"] == ["a1", "n1"] and comparison["fixed"] == ["e2"]
    assert "escalate → notify on an escalate case" in flips["a1"]["reasons"]
    assert flips["a1"]["baseline"] == "escalate+approval" and flips["a1"]["now"] == "notify"
    assert comparison["metric_deltas"]["route_accuracy"]["delta"] == round(4 / 7 - 5 / 7, 4)


def test_an_escalate_to_notify_flip_is_a_regression_even_when_the_baseline_was_wrong(tmp_path: Path) -> None:
    """a2 labeled escalate without approval: baseline escalate+approval (approval wrong), now notify."""
    cases = [case_line("a2", "likeness", "escalate", False, None)]
    baseline = scripted_report(tmp_path, cases)
    now = scripted_report(tmp_path, cases, extractor=ScriptedExtractor({"a2": "harmless"}))
    assert compare(now, baseline)["regressions"] == ["a2"]


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
    report = scripted_report(tmp_path, cases, extractor=Flaky(), repeat=3)
    stability = report["stability"]
    assert stability["repeat"] == 3 and stability["stable_share"] == 0.5
    [unstable] = stability["unstable"]
    assert unstable == {"id": "a1", "routes": {"escalate": 2, "notify": 1}, "approvals": {"true": 2, "false": 1},
                        "route_flips": 1, "stable": False}  # fmt: skip
    assert report["cases"][0]["predicted"]["route"] == "escalate"  # metrics come from the first run


def test_repeat_and_no_cache_turn_the_llm_cache_off(tmp_path: Path, scripted, monkeypatch) -> None:
    seen: list[Settings] = []
    original = evaluation.evaluate

    def spy(path: Any, settings: Settings, **kwargs: Any) -> dict[str, Any]:
        seen.append(settings)
        return original(path, settings, **kwargs)

    monkeypatch.setattr(evaluation, "evaluate", spy)
    scripted()
    path = write_cases(tmp_path / "c.jsonl", CASES[:1])
    cli.main(["eval", str(path), "--repeat", "2", "--extractor", "lexical"])
    cli.main(["eval", str(path), "--no-cache"])
    cli.main(["eval", str(path)])
    assert [s.llm_cache for s in seen] == [False, False, True]
    assert seen[0].extractor == "lexical"


def test_threads_give_the_same_results(tmp_path: Path) -> None:
    one = scripted_report(tmp_path)
    many = scripted_report(tmp_path, concurrency=4, repeat=2)
    assert [c["predicted"] for c in one["cases"]] == [c["predicted"] for c in many["cases"]]


# --- stored cases: re-triage and the review export --------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(Settings(data_dir=tmp_path / "data"))
    yield store
    store.close()


def stored_case(store: Store, text: str) -> str:
    return submit(store, FakePipeline(), Intake(text=text, production_type="scripted"), org="acme", actor="k1",
                  actor_role="partner").id  # fmt: skip


def test_export_reviews_turns_reviews_into_labeled_cases(store: Store, tmp_path: Path, capsys) -> None:
    voice = stored_case(store, "We'll clone the narrator's voice for pickups.")
    boards = stored_case(store, "Mood boards in Midjourney.")
    confirmed = stored_case(store, "A likeness of our lead on the poster.")
    stored_case(store, "Never reviewed: mood boards.")
    store.add_review(voice, decision="override", route="notify", reason="temp only, consent on file",
                     actor="c1", actor_role="contact")  # fmt: skip
    store.add_review(boards, decision="override", route="escalate", reason="the boards use the script",
                     actor="c1", actor_role="contact")  # fmt: skip
    store.add_review(confirmed, decision="approve", route=None, reason="ok", actor="c1", actor_role="contact")

    exported = {c["id"]: c for c in evaluation.export_reviews(store)}
    assert set(exported) == {voice, boards, confirmed}
    assert exported[voice]["expected"] == {"route": "notify", "approval_required": False}
    assert exported[boards]["expected"] == {"route": "escalate", "approval_required": None}  # not recorded
    assert exported[confirmed]["expected"] == {"route": "escalate", "approval_required": True}
    assert exported[voice]["tags"] == ["from_review", "review_override"]
    assert exported[voice]["text"] == "We'll clone the narrator's voice for pickups."
    assert exported[voice]["production_type"] == "scripted"

    out = tmp_path / "reviews.jsonl"
    assert cli.main(["export-reviews", "--out", str(out)]) == 0
    assert "wrote 3 reviewed case(s) (2 override(s))" in capsys.readouterr().out
    cases, errors = load_cases(out)  # the export reads back as a case file
    assert not errors and {c.id for c in cases} == set(exported)


def test_retriage_stored_lists_the_decisions_that_would_flip(store: Store, tmp_path: Path, capsys) -> None:
    voice = stored_case(store, "voice:harmless We'll clone her voice.")  # stored escalate, now notify
    stored_case(store, "boards:harmless Mood boards only.")  # stored notify, still notify
    store.add_review(voice, decision="override", route="escalate", reason="keep", actor="c1", actor_role="contact")
    settings = Settings(data_dir=tmp_path / "data")
    pipeline = Pipeline(settings, extractor=ScriptedExtractor(), cite=False)
    report = evaluation.retriage_stored(store, pipeline, progress=False)
    assert report["cases"] == 2
    [flip] = report["flips"]
    assert flip["id"] == voice and flip["stored"] == "escalate+approval" and flip["now"] == "notify"
    assert flip["lowered"] and flip["triggers_removed"] == ["talent_likeness"]
    assert flip["agrees_with_review"] is False
    assert store.get_case(voice).route == "escalate"  # read-only


def test_retriage_needs_a_store_or_a_baseline(tmp_path: Path, capsys) -> None:
    assert cli.main(["retriage", "--stored"]) == 2
    assert "no stored cases" in capsys.readouterr().err
    path = write_cases(tmp_path / "cases.jsonl", CASES[:1])
    assert cli.main(["retriage", str(path)]) == 2
    assert "--baseline" in capsys.readouterr().err
    assert cli.main(["export-reviews", "--out", str(tmp_path / "x.jsonl")]) == 2


def test_retriage_of_a_case_file_compares_with_its_baseline(tmp_path: Path, scripted, capsys) -> None:
    path = write_cases(tmp_path / "cases.jsonl", [c for c in CASES if c["id"] in ("n1", "a1", "e2")])
    scripted()
    cli.main(["eval", str(path), "--json-out", str(tmp_path / "old.json")])
    scripted({"e2": "likeness"})
    assert cli.main(["retriage", str(path), "--baseline", str(tmp_path / "old.json")]) == 0
    assert "| e2 | escalate+approval | notify | escalate+approval | fixed |" in capsys.readouterr().out
    scripted({"a1": "harmless"})
    assert cli.main(["retriage", str(path), "--baseline", str(tmp_path / "old.json")]) == 1


# --- the real offline eval ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("eval-data"), extractor="lexical")
    return evaluate(REPO_ROOT / "evals" / "cases.jsonl", settings, progress=False)


def test_offline_eval_escalates_every_escalate_case(offline_report: dict[str, Any]) -> None:
    missed = [c["id"] for c in offline_report["cases"] if c["expected"]["route"] == "escalate" and not c["route_ok"]]
    assert offline_report["metrics"]["escalate_recall"] == 1.0, missed
    assert not offline_report["line_errors"] and offline_report["metrics"]["n"] == 153


def test_offline_eval_citations_are_verbatim(offline_report: dict[str, Any]) -> None:
    assert offline_report["metrics"]["citations"] > 0
    assert offline_report["metrics"]["citation_validity"] == 1.0, offline_report.get("invalid_citations")
