"""How a case is shown, to the JSON API and the pages alike: failure details hidden from partners, evidence
highlighted in the plan, and only http(s) links rendered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from api.models import CaseDetail, CaseOut, CaseSummaryOut, HistoryEntry, ReviewOut
from triage.records import ProductionType
from triage.store.accounts import Principal
from triage.store.cases import Case, CaseSummary, Event

FAILED_FOR_PARTNER = "The triage could not be completed. It can be re-run; your text is kept."
STUDIO_CONTACT = "a studio contact"
COLLEAGUE = "another key of your organisation"
NOT_KEYS = ("system", "cli")  # actors that are not a person's key


# --- failure details are for studio contacts only -------------------------------------------------------------


def visible_error(error: str | None, principal: Principal) -> str | None:
    """A failure's cause as this caller may read it: partners get a plain sentence, never the internals."""
    return FAILED_FOR_PARTNER if error and principal.role == "partner" else error


def visible_actor(
    actor: str | None, principal: Principal, *, reviewer: bool, names: Mapping[str, str] | None = None
) -> str | None:
    """Who acted, as this caller may read it: partners see their own key id and everyone else's name (`names`:
    triage.service.people), never another person's key id."""
    if actor is None or principal.role != "partner" or actor == principal.key_id or actor in NOT_KEYS:
        return actor
    return (names or {}).get(actor) or (STUDIO_CONTACT if reviewer else COLLEAGUE)


def visible_history(events: list[Event], principal: Principal, names: Mapping[str, str] | None = None) -> list[Event]:
    """The case's history as this caller may read it (for partners: a failed run's error redacted, and no other
    person's key id: their name instead)."""
    if principal.role != "partner":
        return events
    return [
        replace(
            e,
            actor=visible_actor(e.actor, principal, reviewer=e.kind == "review", names=names) or e.actor,
            data={**e.data, "error": FAILED_FOR_PARTNER} if e.kind == "failed" else e.data,
        )
        for e in events
    ]


def summary_out(case: Case | CaseSummary) -> CaseSummaryOut:
    return CaseSummaryOut(
        id=case.id,
        status=case.status,
        org=case.org,
        production_type=ProductionType(case.production_type) if case.production_type else None,
        production_title=case.production_title,
        route=case.effective_route,
        approval_required=case.approval_required,
        review=case.review,
        created_at=case.created_at,
        updated_at=case.updated_at,
    )


def case_out(
    case: Case, principal: Principal, events: list[Event] | None = None, names: dict[str, str] | None = None
) -> CaseDetail | CaseOut:
    """The case as this caller may see it; with its history (`events`) it is the full detail. `names`: the people
    behind the actor ids (triage.service.people); a partner never sees another person's key id."""
    names = names or {}
    review = None
    if case.review:
        review = ReviewOut(
            decision=case.review,
            route=case.review_route,
            reason=case.review_reason,
            by=visible_actor(case.reviewed_by, principal, reviewer=True, names=names),
            by_name=names.get(case.reviewed_by or ""),
            at=case.reviewed_at,
        )
    error = visible_error(case.error, principal)
    base = summary_out(case).model_dump()
    fields = dict(base, result=case.result, review_detail=review, error=error, attempts=case.attempts)
    if events is None:
        return CaseOut(**fields)
    history = [
        HistoryEntry(
            seq=e.seq,
            kind=e.kind,
            actor=e.actor,
            actor_name=names.get(raw.actor, "someone"),
            at=e.at,
            data=e.data,
        )
        for raw, e in zip(events, visible_history(events, principal, names), strict=True)
    ]
    return CaseDetail(**fields, text=case.text, history=history)


# --- pages ----------------------------------------------------------------------------------------------------


def safe_url(url: Any) -> str | None:
    """Only http(s) links are rendered: a policy file could otherwise smuggle a javascript: URL into a page."""
    if not isinstance(url, str):
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool
    anchor: str | None = None


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where a quote sits in the plan: exactly, else ignoring case and runs of whitespace."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    words = quote.split()
    match = re.search(r"\s+".join(re.escape(w) for w in words), text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def highlight(text: str, findings: list[dict[str, Any]]) -> tuple[list[Segment], list[str | None]]:
    """The plan cut into plain and highlighted segments, and for each finding the anchor of its evidence."""
    spans: list[tuple[int, int, int]] = []
    for i, finding in enumerate(findings):
        found = locate(text, finding.get("evidence") or "")
        if found:
            spans.append((found[0], found[1], i))
    anchors: list[str | None] = [None] * len(findings)
    segments: list[Segment] = []
    pos = 0
    for start, end, i in sorted(spans):
        if start >= pos:
            if start > pos:
                segments.append(Segment(text[pos:start], False))
            anchor = f"evidence-{i + 1}"
            segments.append(Segment(text[start:end], True, anchor))
            anchors[i] = anchor
            pos = end
        else:  # overlaps the previous highlight: extend it, and point this finding at it
            previous = segments[-1]
            if end > pos:
                segments[-1] = Segment(previous.text + text[pos:end], True, previous.anchor)
                pos = end
            anchors[i] = previous.anchor
    if pos < len(text):
        segments.append(Segment(text[pos:], False))
    return segments, anchors
