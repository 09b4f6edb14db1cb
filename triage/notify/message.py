"""What a message says: the case's link, title, route, approval flag, triggers and the reason in a sentence; the
plan text only when the organisation opted in. Never a key or a secret (none is in an outbox row to begin with)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triage.store.outbox import Delivery

DECISION_WORDS = {
    "approve": "approved",
    "approve_with_conditions": "approved with conditions",
    "request_changes": "changes requested",
    "reject": "rejected",
    "override": "route overridden",
}


@dataclass(frozen=True)
class Message:
    subject: str
    text: str  # the email's body, and the Slack text
    body: dict[str, Any]  # a standard webhook's JSON body: {"type", "timestamp", "data"}


def case_link(public_url: str, case_id: str | None) -> str:
    base = public_url.rstrip("/")
    return f"{base}/cases/{case_id}" if case_id else base


def _subject(p: dict[str, Any]) -> str:
    title = p.get("title") or p.get("case_id") or ""
    if p["type"] == "case.submitted":
        flag = "[ESCALATE] " if p.get("escalated") else ""
        return f"{flag}New case from {p['org']}: {title}"
    if p["type"] == "case.answered":
        return f"{p['org']} answered or revised the plan on {title}"
    if p["type"] == "case.reviewed":
        return f"Your case {title}: {DECISION_WORDS.get(p.get('decision') or '', 'reviewed')}"
    if p["type"] == "case.reminder":
        return f"Due {(p.get('due_at') or '')[:16].replace('T', ' ')} UTC: {title}"
    if p["type"] == "case.commented":
        return f"New comment on {title}"
    return "Test message from the GenAI triage service"


def compose(delivery: Delivery, public_url: str) -> Message:
    p = delivery.payload
    link = case_link(public_url, p.get("case_id"))
    subject = _subject(p)
    lines = [subject, ""]
    if p.get("case_id"):
        approval = "yes" if p.get("approval_required") else "no"
        lines.append(f"Route: {p.get('route') or 'pending'}    Approval required: {approval}")
        if p.get("triggers"):
            lines.append("Triggers: " + ", ".join(p["triggers"]))
    if p.get("reason"):
        lines.append({"case.reviewed": "Reason: ", "case.commented": "Comment: "}.get(p["type"], "") + p["reason"])
    lines += ["", link]
    if p.get("plan"):
        lines += ["", "Plan:", p["plan"]]
    data = {k: v for k, v in p.items() if k not in ("type", "at")}
    body = {"type": p["type"], "timestamp": p["at"], "data": {**data, "id": delivery.id, "url": link}}
    return Message(subject=subject, text="\n".join(lines), body=body)
