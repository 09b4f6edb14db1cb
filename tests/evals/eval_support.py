"""A scripted extractor and a labeled case file whose metrics are worked out by hand, for the eval tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from triage.config import Settings
from triage.evals.report import EvalReport
from triage.evals.run import run_eval
from triage.pipeline import Pipeline
from triage.records import AIUse, Answer, Choice, DataHandling, Extraction, Intake, Media, Stage

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


def case_line(
    case_id: str, script: str, route: str, approval: bool | None, triggers: list[str] | None, **extra: Any
) -> dict[str, Any]:
    expected: dict[str, Any] = {"route": route, "approval_required": approval}
    if triggers is not None:
        expected["triggers"] = triggers
    return {"id": case_id, "text": f"{case_id}:{script} {QUOTES}", "expected": expected, **extra}


# id, what the extractor returns, and the label. Worked out by hand in the tests.
CASES = [
    case_line("a1", "likeness", "escalate", True, ["talent_likeness"], tags=["talent"]),
    case_line("a2", "likeness", "escalate", True, ["final_deliverable", "talent_likeness"], tags=["talent"]),
    case_line("n1", "harmless", "notify", False, [], tags=["near_miss"], note="unknown fields are ignored"),
    case_line("n2", "likeness", "notify", False, [], tags=["near_miss"]),
    case_line("e1", "unreadable", "escalate", False, [], tags=["unreadable"]),
    case_line("e2", "harmless", "escalate", True, ["talent_likeness"], tags=["talent"]),
    case_line("x7", "likeness", "escalate", True, None),  # no trigger label: left out of per-trigger metrics
]


def write_cases(path: Path, cases: list[dict[str, Any]] | None = None, extra_lines: list[str] | None = None) -> Path:
    lines = [json.dumps(c) for c in (CASES if cases is None else cases)] + (extra_lines or [])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def scripted_report(tmp_path: Path, cases: list[dict[str, Any]] | None = None, **kwargs: Any) -> EvalReport:
    settings = Settings(data_dir=tmp_path)
    pipeline = Pipeline(settings, extractor=kwargs.pop("extractor", ScriptedExtractor()), cite=False)
    return run_eval(write_cases(tmp_path / "cases.jsonl", cases), settings, pipeline=pipeline, **kwargs)
