"""Stored cases: re-triage lists what would flip (read-only), and contacts' reviews export as labeled cases."""

from __future__ import annotations

from pathlib import Path

from eval_support import CASES, ScriptedExtractor, write_cases
from triage_support import FakePipeline

from triage import cli
from triage.config import Settings
from triage.evals.cases import load_cases
from triage.evals.retriage import export_reviews, retriage_stored
from triage.pipeline import Pipeline
from triage.records import Intake
from triage.service import submit
from triage.store import Store
from triage.store.accounts import issue_key


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

    exported = {c["id"]: c for c in (case.model_dump() for case in export_reviews(store))}
    assert set(exported) == {voice, boards, confirmed}
    assert exported[voice]["expected"] == {"route": "notify", "approval_required": False}
    assert exported[boards]["expected"] == {"route": "escalate", "approval_required": None}  # not recorded
    assert exported[confirmed]["expected"] == {"route": "escalate", "approval_required": True}
    assert exported[voice]["tags"] == ["from_review", "review_override"]
    assert exported[voice]["text"] == "We'll clone the narrator's voice for pickups."
    assert exported[voice]["production_type"] == "scripted"
    assert list(exported[voice]) == ["id", "text", "production_type", "expected", "tags", "note"]

    out = tmp_path / "reviews.jsonl"
    assert cli.main(["export-reviews", "--out", str(out)]) == 0
    assert "wrote 3 reviewed case(s) (2 override(s))" in capsys.readouterr().out
    cases, errors = load_cases(out)  # the export reads back as a case file
    assert not errors and {c.id for c in cases} == set(exported)


def test_retriage_stored_lists_the_decisions_that_would_flip(store: Store, tmp_path: Path) -> None:
    voice = stored_case(store, "voice:harmless We'll clone her voice.")  # stored escalate, now notify
    stored_case(store, "boards:harmless Mood boards only.")  # stored notify, still notify
    store.add_review(voice, decision="override", route="escalate", reason="keep", actor="c1", actor_role="contact")
    settings = Settings(data_dir=tmp_path / "data")
    pipeline = Pipeline(settings, extractor=ScriptedExtractor(), cite=False)
    report = retriage_stored(store, pipeline, progress=False)
    assert report.cases == 2
    [flip] = report.flips
    assert flip.id == voice and flip.stored == "escalate+approval" and flip.now == "notify"
    assert flip.lowered and flip.triggers_removed == ["talent_likeness"]
    assert flip.agrees_with_review is False
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


def test_exported_reviews_name_the_reviewer(store: Store) -> None:
    contact = issue_key(store, "contact", "studio", name="Dana Ruiz")[0]
    case_id = stored_case(store, "We'll clone the narrator's voice for pickups.")
    store.add_review(case_id, decision="approve", route=None, reason="ok", actor=contact.id, actor_role="contact")
    (exported,) = export_reviews(store)
    assert "contact review 'approve' by Dana Ruiz on " in exported.note and contact.id not in exported.note


def test_retriage_reads_a_stored_case_with_its_answers(store: Store, tmp_path: Path) -> None:
    from triage import service
    from triage.store.accounts import Principal

    pipeline = Pipeline(Settings(data_dir=tmp_path / "data"), cite=False)
    partner = Principal(key_id="k1", role="partner", org="acme")
    plan = "We will use an image generator to make concept art for the pitch deck."
    case = submit(store, pipeline, Intake(text=plan), org="acme", actor="k1", actor_role="partner")
    assert case.route == "notify"
    given = [service.AnswerInput("Yes, two frames go in the final cut.", question="Will any of it reach the screen?")]
    answered = service.answer(store, pipeline, case.id, given, principal=partner, max_chars=20_000)
    assert answered.approval_required
    report = retriage_stored(store, pipeline, progress=False)
    assert report.cases == 1 and report.flips == []  # the answer is read again, not lost
