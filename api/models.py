"""Request and response bodies of the JSON API (the result inside a case is the public TriageResult, contracts §1)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from triage.queue import SEARCH_MAX_CHARS
from triage.records import ProductionType, Route, TriageResult, Trigger
from triage.service import (
    ANSWER_MAX_CHARS,
    COMMENT_MAX_CHARS,
    CONDITIONS_MAX_CHARS,
    POLICY_QUESTION_MAX_CHARS,
    QUESTION_MAX_CHARS,
    REASON_MAX_CHARS,
)
from triage.store.accounts import Role
from triage.store.cases import Decision, Status
from triage.store.notifications import EventKind, WebhookFormat
from triage.store.outbox import DeliveryStatus
from triage.store.queue import Filters, Sort, search_words
from triage.store.schema import (
    EMAIL_MAX_CHARS,
    LABEL_MAX_CHARS,
    NAME_MAX_CHARS,
    ORG_MAX_CHARS,
    TITLE_MAX_CHARS,
    URL_MAX_CHARS,
)
from triage.store.workflow import Visibility
from triage.workflow import Action, Stage

ReviewFilter = Literal["none", Decision]
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"  # a calendar date, not a timestamp ("0" would parse as 1970-01-01)


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


class CaseCreate(BaseModel):
    text: str = Field(description="the plan, in plain language")
    production_type: ProductionType | None = None
    production_title: str | None = Field(default=None, max_length=TITLE_MAX_CHARS)


class QuestionAnswerIn(BaseModel):
    """An answer to one of the case's question records (`result.question_records`)."""

    question_id: str = Field(min_length=1, max_length=40)
    text: str = Field(max_length=ANSWER_MAX_CHARS)


class AnswerIn(BaseModel):
    question: str = Field(default="", max_length=QUESTION_MAX_CHARS, description="the follow-up question answered")
    answer: str = Field(max_length=ANSWER_MAX_CHARS)


class AnswersIn(BaseModel):
    """Deprecated: free-text answers beside the question's wording, read with the whole plan. Send a list of
    `{"question_id", "text"}` instead: such an answer is read with the use its question concerns."""

    answers: list[AnswerIn] = Field(min_length=1, max_length=50)


AnswersBody = Annotated[list[QuestionAnswerIn], Field(min_length=1, max_length=50)] | AnswersIn


class RevisionIn(BaseModel):
    text: str = Field(description="the whole revised plan")


class ReviewIn(BaseModel):
    """A decision; which combinations are valid is checked once, for the API and the pages (service.review)."""

    decision: Decision
    route: Route | None = Field(default=None, description="the route an override sets; only with override")
    reason: str = Field(max_length=REASON_MAX_CHARS)
    conditions: str | None = Field(
        default=None,
        max_length=CONDITIONS_MAX_CHARS,
        description="what the partner must do; with approve_with_conditions and only then",
    )


class TransitionIn(BaseModel):
    """A contact's move (`actions` in the case detail lists those open to the caller): start_review, close and
    reopen (with a reason), or a decision as POST /reviews takes it."""

    action: Action
    reason: str | None = Field(default=None, max_length=REASON_MAX_CHARS)
    conditions: str | None = Field(default=None, max_length=CONDITIONS_MAX_CHARS)
    route: Route | None = None


class AssignmentIn(BaseModel):
    assignee: str | None = Field(max_length=40, description="an active contact's key id; null: nobody")


class CommentIn(BaseModel):
    body: str = Field(max_length=COMMENT_MAX_CHARS)
    visibility: Visibility = Field(default="shared", description="shared with the partner, or internal (contacts)")


class CommentOut(BaseModel):
    seq: int
    visibility: Visibility
    body: str
    by: str = Field(description="the author's key id (for partners: another person's name)")
    by_name: str
    by_role: str
    at: str


class ActionOut(BaseModel):
    action: Action
    label: str
    to: Stage = Field(description="the stage the move leads to")
    needs_reason: bool


class ReviewOut(BaseModel):
    decision: Decision
    route: Route | None
    reason: str | None
    by: str | None = Field(description="the reviewer's key id (for partners: the reviewer's name)")
    by_name: str | None = Field(default=None, description="the reviewer's name")
    at: str | None
    stale: bool = Field(default=False, description="the plan or its answers changed since this review")


class VersionOut(BaseModel):
    version: int
    text: str
    by: str
    at: str


class AnswerOut(BaseModel):
    version: int = Field(description="the version of the plan the answer was given on")
    question_id: str | None
    use: int | None
    facts: list[str]
    question: str
    text: str
    by: str
    at: str


class DecisionChange(BaseModel):
    """How the decision moved from the previous version's last triage to the current result."""

    route: tuple[str | None, str | None]
    approval_required: tuple[bool | None, bool | None]
    added: list[str] = Field(description="`use N: rule` findings the current result has and the earlier did not")
    removed: list[str]


class VersionChanges(BaseModel):
    previous: int
    current: int
    plan: list[tuple[Literal["same", "added", "removed"], str]] = Field(description="the plan's words, diffed")
    decision: DecisionChange | None


class HistoryEntry(BaseModel):
    seq: int
    kind: str = Field(description="submitted, triaged, failed, answers, revision or review")
    actor: str = Field(description="the acting key's id; for partners, another person's name instead of their key id")
    actor_name: str = Field(default="", description="the person (or the service) who acted")
    at: str
    data: dict[str, Any]


class QueueQuery(BaseModel):
    """The queue's filters and order, as the API's query string gives them. A value outside a filter's
    vocabulary is 422."""

    q: str | None = Field(default=None, max_length=SEARCH_MAX_CHARS, description="words in the title or plan")
    org: str | None = Field(default=None, max_length=ORG_MAX_CHARS, description="contacts: one organisation")
    assignee: str | None = Field(
        default=None, pattern=r"^(me|none|[0-9a-f]{16})$", description="contacts: `me`, `none` or a key id"
    )
    route: Route | None = None
    status: Status | None = None
    review: ReviewFilter | None = Field(default=None, description="`none`: not reviewed yet")
    production: ProductionType | None = None
    stage: Stage | None = None
    trigger: Trigger | None = None
    created_from: str | None = Field(default=None, pattern=ISO_DATE, description="YYYY-MM-DD: created then or later")
    created_to: str | None = Field(default=None, pattern=ISO_DATE, description="YYYY-MM-DD: created then or earlier")
    sort: Sort = Field(default="priority", description="`priority`: overdue, approval required, oldest")

    @model_validator(mode="after")
    def _checked(self) -> QueueQuery:
        if self.q is not None and self.q.strip() and not search_words(self.q):
            raise ValueError("a search needs at least one letter or digit")
        for name in ("created_from", "created_to"):
            try:
                day(getattr(self, name))
            except ValueError:
                raise ValueError(f"{name} is not a date (YYYY-MM-DD)") from None
        if self.created_from and self.created_to and self.created_from > self.created_to:
            raise ValueError("created_from is after created_to")
        return self

    def filters(self) -> Filters:
        return Filters(
            org=self.org,
            route=self.route,
            status=self.status,
            review=self.review,
            production=self.production.value if self.production else None,
            stage=self.stage,
            assignee=self.assignee,
            trigger=self.trigger.value if self.trigger else None,
            created_from=day(self.created_from),
            created_to=day(self.created_to),
            search=search_words(self.q or ""),
        )

    def link_params(self) -> dict[str, str]:
        """The query string that asks for the same filters and order."""
        return {k: str(v) for k, v in self.model_dump(mode="json", exclude_defaults=True).items() if v is not None}


class QueueForm(QueueQuery):
    """The queue page's form: the same, where a field left empty (a form sends it all the same) is no filter."""

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value


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
    snippet: str = Field(default="", description="the plan's first ~160 characters, whitespace collapsed")
    triggers: list[Trigger] = Field(default_factory=list)
    stage: Stage = Field(default="new", description="where the case stands in the review workflow")
    assigned_to: str | None = Field(default=None, description="the assignee's key id (contacts only)")
    due_at: str | None = Field(default=None, description="when the contact's answer is due (UTC)")
    overdue: bool = Field(default=False, description="due by now while open (awaiting the partner pauses the clock)")


class CaseOut(CaseSummaryOut):
    result: TriageResult | None
    review_detail: ReviewOut | None = None
    error: str | None = None
    attempts: int


class CaseDetail(CaseOut):
    text: str = Field(description="the current version of the plan")
    version: int = 1
    versions: list[VersionOut] = Field(default_factory=list)
    answers: list[AnswerOut] = Field(default_factory=list)
    changes: VersionChanges | None = Field(default=None, description="what the latest revision changed")
    history: list[HistoryEntry]
    assigned_to_name: str | None = None
    conditions: str | None = Field(default=None, description="the conditions of an approval with conditions")
    comments: list[CommentOut] = Field(default_factory=list, description="the thread (internal notes: contacts)")
    actions: list[ActionOut] = Field(default_factory=list, description="the moves open to the caller now")


class StageChange(BaseModel):
    stage: Stage
    by: str = Field(description="who moved it (for partners: another person's name)")
    by_name: str
    at: str
    via: str = Field(description="the history entry that moved it: review, stage, assignment, answers, revision…")
    reason: str | None = None


class AuditAnchor(BaseModel):
    seq: int = Field(description="the case's newest audit record")
    hash: str = Field(description="that record's hash: `triage audit verify` checks the case's state against it")
    at: str


class ApprovalRecord(BaseModel):
    """Everything decided about one case, to print or archive: the case as the caller may see it, the stages it
    went through, and the audit record that vouches for it."""

    case: CaseDetail
    stages: list[StageChange] = Field(description="every stage the case reached, in order, with who and when")
    audit: AuditAnchor | None = Field(description="null until the case's first audited change")
    policy_version: str | None
    prompt_version: str | None
    generated_at: str


class CaseList(BaseModel):
    data: list[CaseSummaryOut]
    count: int = Field(description="cases matching the filters, over all pages")
    limit: int
    offset: int
    next_cursor: str | None = Field(
        default=None, description="pass as `cursor` for the next page (faster than `offset` deep in); null at the end"
    )
    counts: dict[str, dict[str, int]] = Field(
        description="every case visible to the caller, whatever the filters: by route, status and review, and "
        "`queue`: how many are overdue and how many need approval"
    )


class PrecedentOut(BaseModel):
    id: str
    org: str
    production_type: ProductionType | None
    production_title: str | None
    created_at: str
    route: Route = Field(description="the final route: a contact's override, else the engine's")
    approval_required: bool | None
    basis: Literal["reviewed", "triaged"] = Field(
        description="`reviewed`: a contact decided this version of its plan; `triaged`: the engine's decision alone"
    )
    review: Decision | None = Field(description="the contact's decision (with `basis` reviewed)")
    review_reason: str | None = Field(description="the contact's reason")
    reviewed_at: str | None
    similarity: float = Field(description="cosine similarity of the two plans' embeddings (1: the same)")
    excerpt: str = Field(description="the start of its current plan")


class PrecedentsOut(BaseModel):
    case_id: str
    available: bool = Field(description="false when the precedent index could not be read (see `reason`)")
    reason: str | None = Field(default=None, description="why no precedents could be looked for")
    data: list[PrecedentOut] = Field(description="earlier decided cases nearest to this one, reviewed ones first")


class KeyCreate(BaseModel):
    role: Role
    org: str = Field(min_length=1, max_length=ORG_MAX_CHARS)
    label: str | None = Field(default=None, max_length=LABEL_MAX_CHARS)
    name: str | None = Field(default=None, max_length=NAME_MAX_CHARS, description="the person the key is issued to")
    email: str | None = Field(default=None, max_length=EMAIL_MAX_CHARS, description="where their notifications go")


class KeyOut(BaseModel):
    id: str
    role: Role
    org: str
    label: str | None
    created_at: str
    revoked_at: str | None
    name: str | None = None
    email: str | None = None


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
    question: str = Field(min_length=1, max_length=POLICY_QUESTION_MAX_CHARS)
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


# --- notifications (admins) -----------------------------------------------------------------------------------

OwnerKindIn = Literal["org", "person"]


class RoutesIn(BaseModel):
    orgs: list[Annotated[str, Field(min_length=1, max_length=ORG_MAX_CHARS)]] = Field(
        max_length=1000, description="the partner organisations this contact handles"
    )


class NotifySettingsIn(BaseModel):
    email_events: list[EventKind] | None = Field(default=None, description="events sent by email; null: every event")
    include_plan: bool | None = Field(default=None, description="an organisation's opt-in: plan text in its messages")


class WebhookIn(BaseModel):
    owner_kind: OwnerKindIn
    owner: str = Field(min_length=1, max_length=ORG_MAX_CHARS, description="an organisation, or a person's key id")
    url: str = Field(min_length=1, max_length=URL_MAX_CHARS)
    format: WebhookFormat = Field(default="standard", description="standard (signed JSON) or slack (Slack, Teams)")
    events: list[EventKind] = Field(default_factory=list, description="empty: every case event")


class WebhookOut(BaseModel):
    id: str
    owner_kind: OwnerKindIn
    owner: str
    url: str
    format: WebhookFormat
    events: list[EventKind]
    created_at: str
    revoked_at: str | None


class WebhookCreated(WebhookOut):
    secret: str = Field(description="the signing secret (whsec_...), shown this once")


class TestIn(BaseModel):
    webhook_id: str | None = Field(default=None, max_length=40)
    key_id: str | None = Field(default=None, max_length=40, description="a person's key: a test email to them")


class DeliveryOut(BaseModel):
    id: str = Field(description="the message id, the same on every attempt (webhook-id; the email's Message-ID)")
    event_id: str
    event: EventKind
    case_id: str | None
    channel: Literal["email", "webhook"]
    recipient: str | None
    target: str
    status: DeliveryStatus
    attempts: int
    next_attempt_at: str
    last_error: str | None
    created_at: str
    updated_at: str
    delivered_at: str | None
