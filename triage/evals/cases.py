"""Labeled case files (contracts §3): one case a JSON Lines line, every bad line named by its number."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from triage.records import Intake, PartnerAnswer, ProductionType, Route, Trigger

ROUTES: tuple[Route, ...] = ("escalate", "notify")
TRIGGER_CODES = frozenset(t.value for t in Trigger)
PRODUCTION_TYPES = frozenset(p.value for p in ProductionType)


class EvalError(Exception):
    """An eval that cannot run (unreadable case file, bad baseline, no store); the message says why."""


def decision(route: str | None, approval_required: bool | None) -> str:
    """A decision as one word: "escalate+approval", "escalate", "notify", or "error" when there is no route."""
    if route is None:
        return "error"
    return f"{route}{'+approval' if approval_required else ''}"


class Expected(BaseModel):
    """A case's label, as the report and the review export write it (`triggers` only when the label lists them)."""

    model_config = ConfigDict(frozen=True)

    route: Route
    approval_required: bool | None  # None: not labeled (e.g. a contact's escalate override); not scored
    # None: the label does not list triggers; not scored per trigger
    triggers: list[str] | None = Field(default=None, exclude_if=lambda value: value is None)

    @property
    def decision(self) -> str:
        return decision(self.route, self.approval_required)


@dataclass(frozen=True)
class LabeledCase:
    id: str
    text: str
    expected: Expected
    production_type: str | None = None
    tags: tuple[str, ...] = ()
    line: int = 0
    answers: tuple[PartnerAnswer, ...] = ()  # a stored case's answers on its current version (re-triage)

    def intake(self) -> Intake:
        production_type = ProductionType(self.production_type) if self.production_type else None
        return Intake(text=self.text, production_type=production_type, answers=list(self.answers))


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def parse_case(raw: str, line: int) -> LabeledCase:
    """One case from one JSONL line; ValueError says what is wrong. Unknown fields are ignored (contracts §3)."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("a case is a JSON object")
    case_id, text = obj.get("id"), obj.get("text")
    if not isinstance(case_id, str) or not case_id.strip():
        raise ValueError('"id" must be a non-empty string')
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f'case {case_id}: "text" must be a non-empty string')
    production_type = obj.get("production_type")
    if production_type is not None and production_type not in PRODUCTION_TYPES:
        allowed = ", ".join(sorted(PRODUCTION_TYPES))
        raise ValueError(f'case {case_id}: "production_type" {production_type!r} is not one of {allowed}')
    expected = obj.get("expected")
    if not isinstance(expected, dict):
        raise ValueError(f'case {case_id}: "expected" must be an object with "route" and "approval_required"')
    route = expected.get("route")
    if route not in ROUTES:
        raise ValueError(f'case {case_id}: expected "route" must be "notify" or "escalate", not {route!r}')
    if "approval_required" not in expected:
        raise ValueError(f'case {case_id}: expected "approval_required" is missing (true, false, or null if unknown)')
    approval = expected["approval_required"]
    if approval is not None and not isinstance(approval, bool):
        raise ValueError(f'case {case_id}: expected "approval_required" must be true, false or null')
    triggers = expected.get("triggers")
    if triggers is not None:
        if not isinstance(triggers, list) or not all(isinstance(t, str) for t in triggers):
            raise ValueError(f'case {case_id}: expected "triggers" must be a list of trigger codes')
        unknown = sorted(set(triggers) - TRIGGER_CODES)
        if unknown:
            raise ValueError(f"case {case_id}: unknown trigger code(s) {unknown}")
        triggers = sorted(set(triggers))
    tags = obj.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValueError(f'case {case_id}: "tags" must be a list of strings')
    return LabeledCase(
        id=case_id,
        text=text,
        expected=Expected(route=route, approval_required=approval, triggers=triggers),
        production_type=production_type,
        tags=tuple(tags),
        line=line,
    )


def load_cases(path: Path | str) -> tuple[list[LabeledCase], list[LineError]]:
    """Every good case and every bad line (by line number): one bad line costs that case only."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc.strerror}") from exc
    cases: list[LabeledCase] = []
    errors: list[LineError] = []
    seen: dict[str, int] = {}
    for number, line_bytes in enumerate(raw.splitlines(), start=1):
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            errors.append(LineError(number, f"not valid UTF-8 (byte {exc.start})"))
            continue
        if not line.strip():
            continue
        try:
            case = parse_case(line, number)
        except ValueError as exc:
            errors.append(LineError(number, str(exc)))
            continue
        if case.id in seen:
            errors.append(LineError(number, f"duplicate id {case.id!r} (first on line {seen[case.id]})"))
            continue
        seen[case.id] = number
        cases.append(case)
    return cases, errors
