"""The review workflow as data: the stages a case passes through, the one table of the moves allowed between them,
and when a contact's answer is due (business days, an SLA per outcome).

Pure: no I/O. The store applies the table under the case's row lock (triage.store.workflow, Store.add_review), so
the API, the pages and the command line all move cases by these rules and no other.

    new ──start_review──> in_review ──request_changes──> awaiting_partner ──partner_reply──> in_review
    new | in_review ──approve | approve_with_conditions | reject──> approved | approved_with_conditions | rejected
    approved | approved_with_conditions | rejected ──close──> closed
    approved | approved_with_conditions | rejected | closed ──reopen (with a reason)──> in_review

A decision taken on a `new` case starts its review implicitly. A partner's answers or revision (`partner_reply`)
move an awaiting or decided case back to review (the decision is kept, marked stale); a closed case takes none. An
override changes the route, not the stage (a new case goes into review), and only while the case is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal, get_args

Stage = Literal["new", "in_review", "awaiting_partner", "approved", "approved_with_conditions", "rejected", "closed"]
STAGES: tuple[Stage, ...] = get_args(Stage)
Action = Literal[
    "start_review",
    "request_changes",
    "approve",
    "approve_with_conditions",
    "reject",
    "override",
    "close",
    "reopen",
    "partner_reply",
]
ACTIONS: tuple[Action, ...] = get_args(Action)

OPEN: tuple[Stage, ...] = ("new", "in_review", "awaiting_partner")  # a contact or the partner still has to act
DECIDED: tuple[Stage, ...] = ("approved", "approved_with_conditions", "rejected")
_UNDECIDED: tuple[Stage, ...] = ("new", "in_review")


def _to(target: Stage, sources: tuple[Stage, ...]) -> dict[Stage, Stage]:
    return dict.fromkeys(sources, target)


# action -> {stage it may start from: stage it leads to}. Nothing else is allowed.
TRANSITIONS: dict[Action, dict[Stage, Stage]] = {
    "start_review": {"new": "in_review"},
    "request_changes": _to("awaiting_partner", _UNDECIDED),
    "approve": _to("approved", _UNDECIDED),
    "approve_with_conditions": _to("approved_with_conditions", _UNDECIDED),
    "reject": _to("rejected", _UNDECIDED),
    "override": {"new": "in_review", "in_review": "in_review", "awaiting_partner": "awaiting_partner"},
    "close": _to("closed", DECIDED),
    "reopen": _to("in_review", (*DECIDED, "closed")),
    "partner_reply": {
        "new": "new",
        "in_review": "in_review",
        **_to("in_review", ("awaiting_partner", *DECIDED)),
    },
}
LABELS: dict[Action, str] = {
    "start_review": "Start the review",
    "request_changes": "Request changes",
    "approve": "Approve",
    "approve_with_conditions": "Approve with conditions",
    "reject": "Reject",
    "override": "Override the route",
    "close": "Close the case",
    "reopen": "Reopen for review",
    "partner_reply": "Answer or revise",
}
NEEDS_REASON: frozenset[Action] = frozenset(
    {"request_changes", "approve", "approve_with_conditions", "reject", "override", "reopen"}
)
# the moves a studio contact makes (a partner's only move is to reply: answers or a revision)
CONTACT_ACTIONS: tuple[Action, ...] = tuple(a for a in ACTIONS if a != "partner_reply")
STAGE_WORDS: dict[Stage, str] = {s: s.replace("_", " ") for s in STAGES}


def target(action: Action, stage: Stage) -> Stage | None:
    """The stage the action leads to from `stage`, or None when the table does not allow it."""
    return TRANSITIONS[action].get(stage)


def refusal(action: Action, stage: Stage) -> str:
    """Why the action is refused from this stage, naming the stage (the message a 409 carries)."""
    allowed = ", ".join(STAGE_WORDS[s] for s in TRANSITIONS[action])
    return f"the case is {STAGE_WORDS[stage]}: {LABELS[action].lower()} is possible only from {allowed}"


def available(stage: Stage) -> list[Action]:
    """The contact's moves from this stage, in the table's order."""
    return [a for a in CONTACT_ACTIONS if stage in TRANSITIONS[a]]


def is_overdue(stage: Stage, due_at: str | None, now: datetime) -> bool:
    """A due date passed while the case is open (awaiting the partner has no due date: the clock is paused)."""
    return stage in OPEN and due_at is not None and parse_iso(due_at) <= now


# --- due dates ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sla:
    """Business days a contact has to answer a triaged case, by its outcome (0: no due date)."""

    approval_days: int = 2
    escalate_days: int = 5
    notify_days: int = 0

    def days(self, route: str | None, approval_required: bool | None) -> int:
        if approval_required:
            return self.approval_days
        return self.escalate_days if route == "escalate" else self.notify_days


def add_business_days(start: datetime, days: int) -> datetime:
    """`days` working days (Monday to Friday) after `start`, at the same time of day; a start on a weekend counts
    from the Monday after it."""
    moment = start
    while moment.weekday() >= 5:
        moment = (moment + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    left = days
    while left > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            left -= 1
    return moment


def due_at(sla: Sla, route: str | None, approval_required: bool | None, start: datetime) -> datetime | None:
    """When the contact's answer is due for a case triaged at `start`; None when its outcome has no SLA."""
    days = sla.days(route, approval_required)
    return add_business_days(start, days) if days > 0 else None


def parse_iso(value: str) -> datetime:
    """A stored timestamp (triage.store.db.iso) as an aware datetime."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
