"""Request and response bodies of the JSON API (the result inside a case is the public TriageResult, contracts §1)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from triage.accounts import Principal, Role
from triage.config import Settings
from triage.records import ProductionType, Route, TriageResult
from triage.store import Case, CaseSummary, Event

Decision = Literal["approve", "request_changes", "reject", "override"]
Status = Literal["received", "triaged", "failed"]
ReviewFilter = Literal["none", "approve", "request_changes", "reject", "override"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
FAILED_FOR_PARTNER = "The triage could not be completed. It can be re-run; your text is kept."


INTAKE_MAX_CHARS = 100_000  # triage.records.Intake refuses more, whatever the settings say


def text_limit(settings: Settings) -> int:
    return min(settings.max_text_chars, INTAKE_MAX_CHARS)


def check_text(value: str, *, max_chars: int, what: str = "the plan text") -> str:
    """Refuse what is not plain text a person wrote: empty, over-long, binary, or not encodable as UTF-8.

    Raises ValueError with a message that is safe to show (it never repeats the text).
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{what} is not valid Unicode text") from None
    if _CONTROL.search(value):
        raise ValueError(f"{what} contains control characters: send plain text, not a binary file")
    if not value.strip():
        raise ValueError(f"{what} is empty")
    if len(value) > max_chars:
        raise ValueError(f"{what} is {len(value)} characters; the limit is {max_chars}")
    return value


class CaseCreate(BaseModel):
    text: str = Field(description="the plan, in plain language")
    production_type: ProductionType | None = None
    production_title: str | None = Field(default=None, max_length=300)


class AnswerIn(BaseModel):
    question: str = Field(default="", max_length=1000, description="the follow-up question answered")
    answer: str = Field(max_length=4000)


class AnswersIn(BaseModel):
    answers: list[AnswerIn] = Field(min_length=1, max_length=50)


class ReviewIn(BaseModel):
    decision: Decision
    route: Route | None = Field(default=None, description="the route an override sets; only with override")
    reason: str = Field(max_length=4000)

    @model_validator(mode="after")
    def _route_only_with_override(self) -> ReviewIn:
        if self.decision == "override" and self.route is None:
            raise ValueError("an override needs the route it sets")
        if self.decision != "override" and self.route is not None:
            raise ValueError("a route is given only with an override")
        return self


class ReviewOut(BaseModel):
    decision: Decision
    route: Route | None
    reason: str | None
    by: str | None
    at: str | None


class HistoryEntry(BaseModel):
    seq: int
    kind: str = Field(description="submitted, triaged, failed, answers or review")
    actor: str
    at: str
    data: dict[str, Any]


class CaseSummaryOut(BaseModel):
    id: str
    status: Status
    org: str
    production_type: ProductionType | None
    production_title: str | None
    route: Route | None = Field(description="the case's route: a contact's override, else the engine's")
    approval_required: bool | None
    review: Decision | None
    created_at: str
    updated_at: str


class CaseOut(CaseSummaryOut):
    result: TriageResult | None
    review_detail: ReviewOut | None = None
    error: str | None = None
    attempts: int


class CaseDetail(CaseOut):
    text: str
    history: list[HistoryEntry]


class CaseList(BaseModel):
    data: list[CaseSummaryOut]
    count: int = Field(description="cases matching the filters, over all pages")
    limit: int
    offset: int
    counts: dict[str, dict[str, int]] = Field(description="cases visible to the caller by route, status and review")


class KeyCreate(BaseModel):
    role: Role
    org: str = Field(min_length=1, max_length=200)
    label: str | None = Field(default=None, max_length=200)


class KeyOut(BaseModel):
    id: str
    role: Role
    org: str
    label: str | None
    created_at: str
    revoked_at: str | None


class KeyCreated(KeyOut):
    key: str = Field(description="the API key itself, shown this once")


class PolicySection(BaseModel):
    id: str
    title: str
    url: str
    text: str


class PolicySections(BaseModel):
    name: str
    version: str
    sections: list[PolicySection]


class Question(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    k: int = Field(default=3, ge=1, le=10)


class PolicyAnswer(BaseModel):
    question: str
    citations: list[dict[str, Any]]
    answer: str | None = Field(default=None, description="an LLM answer grounded in the citations, when configured")
    grounded: bool | None = Field(default=None, description="false when the answer is 'The policy does not say.'")


class ErrorOut(BaseModel):
    """Every refusal (4xx) and unavailability (503): one plain sentence, never the caller's input."""

    detail: str


class ValidationIssue(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(BaseModel):
    """422: the fields the schema refused (a list), or a sentence for text the checks refused (a string)."""

    detail: list[ValidationIssue] | str


class Health(BaseModel):
    status: str
    schema_version: int | None = None


def summary_out(case: Case | CaseSummary) -> CaseSummaryOut:
    return CaseSummaryOut(
        id=case.id,
        status=case.status,
        org=case.org,
        production_type=case.production_type,
        production_title=case.production_title,
        route=case.effective_route,
        approval_required=case.approval_required,
        review=case.review,
        created_at=case.created_at,
        updated_at=case.updated_at,
    )


def _history(events: list[Event], principal: Principal) -> list[HistoryEntry]:
    out = []
    for e in events:
        data = e.data
        if e.kind == "failed" and principal.role == "partner":
            data = {**data, "error": FAILED_FOR_PARTNER}
        out.append(HistoryEntry(seq=e.seq, kind=e.kind, actor=e.actor, at=e.at, data=data))
    return out


def case_out(case: Case, principal: Principal, events: list[Event] | None = None) -> CaseDetail | CaseOut:
    """The case as this caller may see it: internal error details are for studio contacts only."""
    review = None
    if case.review:
        review = ReviewOut(
            decision=case.review,
            route=case.review_route,
            reason=case.review_reason,
            by=case.reviewed_by,
            at=case.reviewed_at,
        )
    error = case.error
    if error and principal.role == "partner":
        error = FAILED_FOR_PARTNER
    base = summary_out(case).model_dump()
    fields = dict(base, result=case.result, review_detail=review, error=error, attempts=case.attempts)
    if events is None:
        return CaseOut(**fields)
    return CaseDetail(**fields, text=case.text, history=_history(events, principal))
