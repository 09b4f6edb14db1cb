"""The workflow's table and due dates, as pure functions."""

from __future__ import annotations

from datetime import UTC, datetime

from triage.workflow import (
    ACTIONS,
    CONTACT_ACTIONS,
    STAGES,
    TRANSITIONS,
    Sla,
    add_business_days,
    available,
    due_at,
    is_overdue,
    refusal,
    target,
)


def test_every_action_has_a_row_and_leads_to_a_stage() -> None:
    assert set(TRANSITIONS) == set(ACTIONS)
    for moves in TRANSITIONS.values():
        assert set(moves) <= set(STAGES) and set(moves.values()) <= set(STAGES)
    assert "partner_reply" not in CONTACT_ACTIONS
    assert target("partner_reply", "closed") is None  # a closed case takes no reply until it is reopened
    assert available("closed") == ["reopen"]
    assert set(available("new")) == {"start_review", "request_changes", "approve", "approve_with_conditions",
                                      "reject", "override"}  # fmt: skip


def test_a_refusal_names_the_current_stage() -> None:
    message = refusal("approve", "awaiting_partner")
    assert message.startswith("the case is awaiting partner") and "in review" in message


def test_business_days_skip_the_weekend() -> None:
    thursday = datetime(2026, 1, 8, 15, 0, tzinfo=UTC)
    assert add_business_days(thursday, 2) == datetime(2026, 1, 12, 15, 0, tzinfo=UTC)  # Monday
    saturday = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    assert add_business_days(saturday, 1) == datetime(2026, 1, 13, 0, 0, tzinfo=UTC)  # from Monday: end of Monday
    sla = Sla(approval_days=2, escalate_days=5, notify_days=0)
    assert due_at(sla, "escalate", True, thursday) == datetime(2026, 1, 12, 15, 0, tzinfo=UTC)
    assert due_at(sla, "escalate", False, thursday) == datetime(2026, 1, 15, 15, 0, tzinfo=UTC)
    assert due_at(sla, "notify", False, thursday) is None


def test_overdue_only_while_open() -> None:
    now = datetime(2026, 1, 8, tzinfo=UTC)
    past = "2026-01-07T00:00:00.000000Z"
    assert is_overdue("in_review", past, now) and not is_overdue("approved", past, now)
    assert not is_overdue("in_review", "2026-01-09T00:00:00.000000Z", now) and not is_overdue("new", None, now)
