"""How a case is shown, to the JSON API and the pages alike: failure details hidden from partners, evidence
highlighted in the plan, and only http(s) links rendered.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from api.models import (
    ActionOut,
    AnswerOut,
    ApprovalRecord,
    AuditAnchor,
    CaseDetail,
    CaseOut,
    CaseSummaryOut,
    CommentOut,
    DecisionChange,
    HistoryEntry,
    PrecedentOut,
    PrecedentsOut,
    ReviewOut,
    StageChange,
    VersionChanges,
    VersionOut,
)
from triage import casework, workflow
from triage.precedents.find import Precedents
from triage.records import ProductionType, Trigger
from triage.store.accounts import Principal
from triage.store.audit import AuditRecord
from triage.store.cases import Case, Event, StoredAnswer, Version
from triage.store.queue import CaseSummary, snippet
from triage.store.workflow import Comment

FAILED_FOR_PARTNER = "The triage could not be completed. It can be re-run; your text is kept."
STUDIO_CONTACT = "a studio contact"
COLLEAGUE = "another key of your organisation"
NOT_KEYS = ("system", "cli")  # actors that are not a person's key
EXCERPT_CHARS = 200  # of a precedent's plan


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


def _partner_data(event: Event, principal: Principal, names: Mapping[str, str] | None) -> dict[str, Any]:
    if event.kind == "failed":
        return {**event.data, "error": FAILED_FOR_PARTNER}
    if event.kind == "assignment":  # the assignee by name, never by key id
        assignee = event.data.get("assigned_to")
        return {**event.data, "assigned_to": visible_actor(assignee, principal, reviewer=True, names=names)}
    return event.data


def shown_events(events: list[Event], principal: Principal) -> list[Event]:
    """The history entries this caller may see at all: a partner does not see that an internal note was written."""
    if principal.role != "partner":
        return events
    return [e for e in events if not (e.kind == "comment" and e.data.get("visibility") == "internal")]


def visible_history(events: list[Event], principal: Principal, names: Mapping[str, str] | None = None) -> list[Event]:
    """The case's history as this caller may read it (for partners: a failed run's error redacted, no internal
    note's entry, and no other person's key id: their name instead)."""
    if principal.role != "partner":
        return events
    return [
        replace(
            e,
            actor=visible_actor(e.actor, principal, reviewer=e.kind == "review", names=names) or e.actor,
            data=_partner_data(e, principal, names),
        )
        for e in shown_events(events, principal)
    ]


def visible_versions(
    versions: Sequence[Version], principal: Principal, names: Mapping[str, str] | None = None
) -> list[Version]:
    """The plan's versions as this caller may read them (for partners: no other person's key id)."""
    return [
        replace(v, actor=visible_actor(v.actor, principal, reviewer=False, names=names) or v.actor) for v in versions
    ]


def visible_answers(
    answers: Sequence[StoredAnswer], principal: Principal, names: Mapping[str, str] | None = None
) -> list[StoredAnswer]:
    """The case's answers as this caller may read them (for partners: no other person's key id)."""
    return [
        replace(a, actor=visible_actor(a.actor, principal, reviewer=False, names=names) or a.actor) for a in answers
    ]


def case_actors(
    case: Case,
    events: Sequence[Event],
    answers: Sequence[StoredAnswer],
    versions: Sequence[Version],
    comments: Sequence[Comment],
) -> list[str]:
    """Every person a case's detail names (for triage.service.people): actors, its reviewer and its assignees."""
    assignees = [e.data.get("assigned_to") or "" for e in events if e.kind == "assignment"]
    return [
        *(e.actor for e in events),
        *(a.actor for a in answers),
        *(v.actor for v in versions),
        *(c.actor for c in comments),
        *assignees,
        case.reviewed_by or "",
        case.assigned_to or "",
    ]


def comment_out(comment: Comment, principal: Principal, names: Mapping[str, str]) -> CommentOut:
    return CommentOut(
        seq=comment.seq,
        visibility=comment.visibility,
        body=comment.body,
        by=visible_actor(comment.actor, principal, reviewer=comment.actor_role == "contact", names=names)
        or comment.actor,
        by_name=names.get(comment.actor, "someone"),
        by_role=comment.actor_role,
        at=comment.at,
    )


def action_out(case: Case, action: workflow.Action) -> ActionOut:
    return ActionOut(
        action=action,
        label=workflow.LABELS[action],
        to=workflow.TRANSITIONS[action][case.stage],
        needs_reason=action in workflow.NEEDS_REASON,
    )


def workflow_fields(
    case: Case, principal: Principal, comments: Sequence[Comment], names: Mapping[str, str]
) -> dict[str, Any]:
    """The case's place in the review workflow as this caller may see it: the assignee by name for partners (never
    a key id), the thread already filtered (casework.visible_comments), and the moves open to the caller."""
    return {
        "stage": case.stage,
        "assigned_to": case.assigned_to if principal.role == "contact" else None,
        "assigned_to_name": names.get(case.assigned_to) if case.assigned_to else None,
        "due_at": case.due_at,
        "overdue": casework.overdue(case),
        "conditions": case.conditions,
        "comments": [comment_out(c, principal, names) for c in comments],
        "actions": [action_out(case, a) for a in casework.actions_for(case, principal)],
    }


def summary_out(case: Case | CaseSummary, principal: Principal) -> CaseSummaryOut:
    """The case as a queue row (for partners: without the assignee, a contact's key id)."""
    if isinstance(case, Case):
        plan, overdue = snippet(case.text), casework.overdue(case)
        triggers: Sequence[str] = (case.result or {}).get("triggers") or ()
    else:
        plan, triggers, overdue = case.snippet, case.triggers, case.overdue
    return CaseSummaryOut(
        snippet=plan,
        triggers=[Trigger(t) for t in triggers],
        overdue=overdue,
        stage=case.stage,
        assigned_to=case.assigned_to if principal.role == "contact" else None,
        due_at=case.due_at,
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
    case: Case,
    principal: Principal,
    events: list[Event] | None = None,
    answers: Sequence[StoredAnswer] = (),
    versions: Sequence[Version] = (),
    names: Mapping[str, str] | None = None,
    comments: Sequence[Comment] = (),
) -> CaseDetail | CaseOut:
    """The case as this caller may see it; with its history (`events`), answers, versions and comments (as the
    caller may read them), the full detail. `names`: the people behind the actor ids (triage.service.people); a
    partner never sees another person's key id."""
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
            stale=case.review_stale,
        )
    error = visible_error(case.error, principal)
    base = summary_out(case, principal).model_dump()
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
        for raw, e in zip(shown_events(events, principal), visible_history(events, principal, names), strict=True)
    ]
    return CaseDetail(
        **{**fields, **workflow_fields(case, principal, comments, names)},  # the row's workflow fields, and more
        text=case.text,
        version=case.version,
        versions=[
            VersionOut(version=v.version, text=v.text, by=v.actor, at=v.at)
            for v in visible_versions(versions, principal, names)
        ],
        answers=[answer_out(a) for a in visible_answers(answers, principal, names)],
        changes=version_changes(case, versions, events),
        history=history,
    )


def answer_out(stored: StoredAnswer) -> AnswerOut:
    a = stored.answer
    return AnswerOut(
        version=stored.version,
        question_id=a.question_id,
        use=a.use,
        facts=list(a.facts),
        question=a.question,
        text=a.answer,
        by=stored.actor,
        at=stored.at,
    )


# --- what a revision changed ----------------------------------------------------------------------------------


_TOKEN = re.compile(r"\S+\s*")


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The two texts' words as runs of (same | removed | added, text), in reading order."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", "".join(old[i1:i2])))
        if j2 > j1:
            out.append(("added", "".join(new[j1:j2])))
    return out


def _finding_keys(result: dict[str, Any]) -> set[str]:
    return {
        f"{'whole plan' if f.get('use') is None else 'use ' + str(f['use'] + 1)}: {f['rule']}"
        for f in result.get("findings") or []
    }


def decision_change(before: dict[str, Any], after: dict[str, Any]) -> DecisionChange:
    old, new = _finding_keys(before), _finding_keys(after)
    return DecisionChange(
        route=(before.get("route"), after.get("route")),
        approval_required=(before.get("approval_required"), after.get("approval_required")),
        added=sorted(new - old),
        removed=sorted(old - new),
    )


def version_changes(case: Case, versions: Sequence[Version], events: Sequence[Event]) -> VersionChanges | None:
    """What the latest revision changed: the plan's words, and the decision from the previous version's last triage
    to the current result (None before any revision)."""
    if len(versions) < 2:
        return None
    previous, current = versions[-2], versions[-1]
    revised = next((e.seq for e in reversed(events) if e.kind == "revision"), None)
    earlier = [e for e in events if e.kind == "triaged" and revised is not None and e.seq < revised]
    decision = None
    if earlier and case.result and case.version == current.version:
        decision = decision_change(earlier[-1].data.get("result") or {}, case.result)
    return VersionChanges(
        previous=previous.version,
        current=current.version,
        plan=word_diff(previous.text, current.text),  # type: ignore[arg-type]
        decision=decision,
    )


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


# --- the approval record: one case, to print or archive -------------------------------------------------------


def stage_changes(history: Sequence[HistoryEntry]) -> list[StageChange]:
    """The stages a case went through, from its history: each entry that left it in a new stage (a move's `to`,
    or the `stage` a review, an answer or a revision left it in)."""
    changes: list[StageChange] = []
    current = "new"
    for entry in history:
        stage = entry.data.get("to") or entry.data.get("stage")
        if stage and stage != current:
            reason = entry.data.get("reason")
            by_name = entry.actor_name or entry.actor
            changes.append(
                StageChange(stage=stage, by=entry.actor, by_name=by_name, at=entry.at, via=entry.kind, reason=reason)
            )
            current = stage
    return changes


def record_out(detail: CaseDetail, anchor: AuditRecord | None, generated_at: str) -> ApprovalRecord:
    result = detail.result
    return ApprovalRecord(
        case=detail,
        stages=stage_changes(detail.history),
        audit=AuditAnchor(seq=anchor.seq, hash=anchor.hash, at=anchor.at) if anchor else None,
        policy_version=result.policy_version if result else None,
        prompt_version=result.prompt_version if result else None,
        generated_at=generated_at,
    )


# --- precedents -----------------------------------------------------------------------------------------------


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a plan on one line, cut at a word with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def precedents_out(case_id: str, precedents: Precedents) -> PrecedentsOut:
    """A case's precedents for the API and the case page alike."""
    data = [
        PrecedentOut(
            id=p.case.id,
            org=p.case.org,
            production_type=ProductionType(p.case.production_type) if p.case.production_type else None,
            production_title=p.case.production_title,
            created_at=p.case.created_at,
            route=p.case.route,
            approval_required=p.case.approval_required,
            basis=p.basis,
            review=p.case.review if p.basis == "reviewed" else None,
            review_reason=p.case.review_reason if p.basis == "reviewed" else None,
            reviewed_at=p.case.reviewed_at if p.basis == "reviewed" else None,
            similarity=round(p.similarity, 3),
            excerpt=excerpt(p.case.text),
        )
        for p in precedents.items
    ]
    return PrecedentsOut(
        case_id=case_id, available=precedents.unavailable is None, reason=precedents.unavailable, data=data
    )
