"""The use cases: submit a plan, answer its questions, revise it, review it, re-run it, sweep what a crash left behind.

The JSON API, the web pages and the command line all call these; the store only persists. A case is stored
before the pipeline runs, so whatever happens during extraction, the case is kept: an exception marks it failed
(re-runnable), and a result from a run a newer one superseded is discarded.

Every refusal is a StoreError subclass whose message is safe to show (it never repeats partner text); the API
maps each class to one HTTP status.
"""

from __future__ import annotations

import logging
import re
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, get_args

from triage import intake as intake_stage
from triage.config import Settings
from triage.notify.channels import SendError
from triage.notify.channels.webhook import check_url
from triage.notify.worker import Worker
from triage.records import Intake, PartnerAnswer, ProductionType, QuestionRecord, Route, TriageResult
from triage.store import accounts, audit, integrity, notifications, outbox
from triage.store.accounts import KeyInfo, Principal
from triage.store.cases import DECISIONS, Case, Store
from triage.store.errors import Conflict, Forbidden, InvalidInput, NotFound
from triage.store.notifications import (
    CASE_EVENTS,
    WEBHOOK_FORMATS,
    EventKind,
    OwnerKind,
    Target,
    Webhook,
    WebhookFormat,
)
from triage.store.outbox import Delivery
from triage.store.schema import (
    EMAIL_MAX_CHARS,
    LABEL_MAX_CHARS,
    NAME_MAX_CHARS,
    ORG_MAX_CHARS,
    TITLE_MAX_CHARS,
    URL_MAX_CHARS,
)

if TYPE_CHECKING:
    from triage.precedents.find import Precedents
    from triage.precedents.index import PrecedentIndex

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "system"
ROUTES: tuple[Route, ...] = get_args(Route)

# Limits on what people type, declared here once (the request models, the forms and the checks reuse them).
INTAKE_MAX_CHARS = 100_000  # triage.records.Intake refuses more, whatever the settings say
QUESTION_MAX_CHARS = 1000
ANSWER_MAX_CHARS = 4000
REASON_MAX_CHARS = 4000
CONDITIONS_MAX_CHARS = 4000
COMMENT_MAX_CHARS = 4000
POLICY_QUESTION_MAX_CHARS = 2000

# What a one-line name (a title, an organisation, a label) may not hold beyond that: line breaks, C1 controls, and
# the bidirectional controls that make a name display as something else (U+061C, U+200E/F, U+202A-E, U+2066-9).
_NOT_IN_NAMES = re.compile(r"[\t\n\r\x0c\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class PipelineLike(Protocol):
    def run(self, intake: Intake) -> TriageResult: ...


@dataclass(frozen=True)
class AnswerInput:
    """One answer as a caller sends it: to a question record by `question_id`, or (the deprecated shape) free text
    beside the question's wording, read with the whole plan."""

    text: str
    question_id: str | None = None
    question: str = ""


def text_limit(settings: Settings) -> int:
    """The most characters a plan may have, counting the answers given on its current version."""
    return min(settings.max_text_chars, INTAKE_MAX_CHARS)


def check_text(value: str, *, max_chars: int, what: str = "the plan text") -> str:
    """The intake stage's check (`triage.intake.check_text`: empty, over-long, binary, not encodable as UTF-8), with
    its refusal raised as InvalidInput, whose message is safe to show (it never repeats the text)."""
    try:
        return intake_stage.check_text(value, max_chars=max_chars, what=what)
    except intake_stage.IntakeError as exc:
        raise InvalidInput(str(exc)) from None


def check_name(value: str, *, max_chars: int, what: str) -> str:
    """A one-line name as check_text checks text, and without line breaks, C1 or bidirectional controls."""
    check_text(value, max_chars=max_chars, what=what)
    if _NOT_IN_NAMES.search(value):
        raise InvalidInput(f"{what} contains line breaks or control or text-direction characters")
    return value


def make_intake(
    text: str, production_type: ProductionType | str | None, production_title: str | None, *, max_chars: int
) -> Intake:
    """A checked plan to triage.

    Args:
        text: the plan as the partner wrote it.
        production_type: a ProductionType, its value (a form's choice), or None.
        production_title: the title, or None for none (an empty string is refused as empty).
        max_chars: the plan's limit (`text_limit(settings)`).
    """
    text = check_text(text, max_chars=max_chars)
    title = (
        None if production_title is None else check_name(production_title, max_chars=TITLE_MAX_CHARS, what="the title")
    )
    if isinstance(production_type, str):
        try:
            production_type = ProductionType(production_type)
        except ValueError:
            raise InvalidInput("choose a production type from the list") from None
    return Intake(text=text, production_type=production_type, production_title=title)


def visible_case(store: Store, case_id: str, principal: Principal) -> Case:
    """The case if this caller may see it; NotFound otherwise, whether it is missing or another organisation's."""
    case = store.get_case(case_id, org=principal.case_scope)
    if case is None:
        raise NotFound("case not found")
    return case


def people(store: Store, actors: Iterable[str]) -> dict[str, str]:
    """The name to show for each actor id (a key's holder; the service itself for its own runs)."""
    keys = accounts.get_keys(store, (a for a in actors if a != SYSTEM_ACTOR))
    return {SYSTEM_ACTOR: "the triage service", **{key_id: info.display_name for key_id, info in keys.items()}}


def _error_message(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:300]}"


def run_case(
    store: Store,
    pipeline: PipelineLike,
    case_id: str,
    token: str,
    *,
    actor: str,
    actor_role: str,
    case: Case | None = None,
) -> Case | None:
    """Run the pipeline on a claimed case and record the outcome; an exception marks the case failed, not lost.

    Args:
        store: where the case is.
        pipeline: what triages it.
        case_id: the claimed case.
        token: the claim's run token (from `create_case`, `claim` or `add_answers`).
        actor: who the audit trail names.
        actor_role: that actor's role.
        case: the case as the claim left it, when the caller has it (saves reading it again).

    Returns:
        The case as recorded, or None when a newer run superseded this one.
    """
    if case is None or case.id != case_id:
        case = store.get_case(case_id)
    if case is None:
        raise NotFound("case not found")
    started = time.perf_counter()
    try:
        result = pipeline.run(store.intake(case))
        if not isinstance(result, TriageResult):
            raise TypeError(f"the pipeline returned {type(result).__name__}, not a TriageResult")
    except Exception as exc:
        latency_us = int((time.perf_counter() - started) * 1e6)
        # the frames, not the message: an exception's message may quote the partner's text
        frames = "".join(traceback.format_tb(exc.__traceback__))
        log.error("case %s: the pipeline raised %s\n%s", case_id, type(exc).__name__, frames)
        return store.fail(
            case_id, token, _error_message(exc), actor=actor, actor_role=actor_role, latency_us=latency_us
        )
    latency_us = int((time.perf_counter() - started) * 1e6)
    return store.complete(case_id, token, result, actor=actor, actor_role=actor_role, latency_us=latency_us)


def submit(store: Store, pipeline: PipelineLike, intake: Intake, *, org: str, actor: str, actor_role: str) -> Case:
    """Store the case first, then triage it: whatever happens during extraction, the case is kept."""
    case, token = store.create_case(intake, org=org, actor=actor)
    done = run_case(store, pipeline, case.id, token, actor=actor, actor_role=actor_role, case=case)
    return done or store.get_case(case.id) or case


def precedents(store: Store, index: PrecedentIndex, case_id: str, *, principal: Principal) -> Precedents:
    """The earlier decided cases most like this one that the caller may see (a partner: its own organisation's
    only); NotFound for a case the caller may not see, exactly as `visible_case`."""
    from triage.precedents.find import find  # Chroma and the model load only for callers that show precedents

    case = visible_case(store, case_id, principal)
    return find(store, index, case, scope=principal.case_scope)


def _owned(store: Store, case_id: str, principal: Principal, what: str) -> Case:
    case = visible_case(store, case_id, principal)
    if case.org != principal.org:
        raise Forbidden(f"only the organisation that submitted the case {what} it")
    return case


def _question_records(case: Case) -> dict[str, QuestionRecord]:
    records = [QuestionRecord.model_validate(q) for q in (case.result or {}).get("question_records") or []]
    return {q.id: q for q in records}


def checked_answers(store: Store, case: Case, answers: Sequence[AnswerInput]) -> list[PartnerAnswer]:
    """The answers as kept, each checked: text that is plain and not empty, a question id the case asks now (an id it
    asked before and an answer settled is Conflict; one it never asked is InvalidInput), no id twice."""
    if not answers:
        raise InvalidInput("write at least one answer")
    asked = _question_records(case)
    uses = (case.result or {}).get("uses") or []
    answered = {a.answer.question_id for a in store.answers(case.id, case.version)}
    out: list[PartnerAnswer] = []
    for given in answers:
        text = check_text(given.text, max_chars=ANSWER_MAX_CHARS, what="an answer")
        if given.question_id is None:
            question = given.question.strip()
            if question:
                check_text(question, max_chars=QUESTION_MAX_CHARS, what="a question")
            out.append(PartnerAnswer(question=question, answer=text))
            continue
        record = asked.get(given.question_id)
        if record is None:
            if given.question_id in answered:
                raise Conflict("that question is already settled; it is no longer asked")
            raise InvalidInput("that question id is not one this case asks")
        if any(a.question_id == record.id for a in out):
            raise InvalidInput("each question is answered once per request")
        summary = uses[record.use]["summary"] if record.use is not None and record.use < len(uses) else None
        out.append(
            PartnerAnswer(
                question=record.text,
                answer=text,
                question_id=record.id,
                use=record.use,
                facts=tuple(record.facts),
                use_summary=summary,
            )
        )
    return out


def answer(
    store: Store,
    pipeline: PipelineLike,
    case_id: str,
    answers: Sequence[AnswerInput],
    *,
    principal: Principal,
    max_chars: int,
) -> Case:
    """Keep the partner's answers as data beside the plan and triage again; a review given before stays, stale.

    Args:
        store: where the case is.
        pipeline: what triages it again.
        case_id: the case answered.
        answers: at least one; see `checked_answers` for what is refused.
        principal: the caller; only the organisation that submitted the case answers it.
        max_chars: the limit on the plan and its answers together (`text_limit(settings)`).
    """
    case = _owned(store, case_id, principal, "answers")
    checked = checked_answers(store, case, answers)
    _, token = store.add_answers(
        case_id, checked, org=principal.org, actor=principal.key_id, actor_role=principal.role, max_chars=max_chars
    )
    done = run_case(store, pipeline, case_id, token, actor=principal.key_id, actor_role=principal.role)
    return done or visible_case(store, case_id, principal)


def revise(
    store: Store, pipeline: PipelineLike, case_id: str, text: str, *, principal: Principal, max_chars: int
) -> Case:
    """A new version of the plan, at any time (in reply to "request changes" too), triaged again; every version is
    kept and a review given before stays, stale. The same text as the current version is refused.

    Args:
        store: where the case is.
        pipeline: what triages the new version.
        case_id: the case revised.
        text: the whole revised plan.
        principal: the caller; only the organisation that submitted the case revises it.
        max_chars: the plan's limit (`text_limit(settings)`).
    """
    _owned(store, case_id, principal, "revises")
    text = check_text(text, max_chars=max_chars)
    _, token = store.revise(case_id, text, org=principal.org, actor=principal.key_id, actor_role=principal.role)
    done = run_case(store, pipeline, case_id, token, actor=principal.key_id, actor_role=principal.role)
    return done or visible_case(store, case_id, principal)


def review(
    store: Store,
    case_id: str,
    *,
    principal: Principal,
    decision: str,
    route: str | None,
    reason: str,
    conditions: str | None = None,
) -> Case:
    """A studio contact's decision: approve (with conditions or without), request changes, reject, or override the
    route (with a reason). The one check for the API and the pages alike; the workflow's table (triage.workflow)
    says from which stages each decision may be taken, and the contact who submitted the case may not take it.

    Args:
        store: where the case is.
        case_id: the case reviewed.
        principal: the caller; only a contact reviews.
        decision: one of DECISIONS.
        route: the route an override sets; None with every other decision.
        reason: why, in plain text.
        conditions: what the partner must do, with an approval with conditions; None with every other decision.
    """
    visible_case(store, case_id, principal)
    if principal.role != "contact":
        raise Forbidden("only a studio contact reviews cases")
    if decision not in DECISIONS:
        raise InvalidInput("choose a decision")
    if decision == "override" and route is None:
        raise InvalidInput("an override needs the route it sets")
    if decision != "override" and route is not None:
        raise InvalidInput("a route is given only with an override")
    if route is not None and route not in ROUTES:
        raise InvalidInput("the route is notify or escalate")
    if decision == "approve_with_conditions":
        conditions = check_text(conditions or "", max_chars=CONDITIONS_MAX_CHARS, what="the conditions")
    elif conditions is not None:
        raise InvalidInput("conditions are given only with an approval with conditions")
    reason = check_text(reason, max_chars=REASON_MAX_CHARS, what="the reason")
    return store.add_review(
        case_id,
        decision=decision,
        route=route,
        reason=reason,
        actor=principal.key_id,
        actor_role=principal.role,
        conditions=conditions,
    )


def rerun(store: Store, pipeline: PipelineLike, case_id: str, *, actor: str, actor_role: str) -> Case | None:
    """Re-run one failed (or abandoned) case; None when it is not re-runnable right now."""
    token = store.claim(case_id)
    if token is None:
        return None
    return run_case(store, pipeline, case_id, token, actor=actor, actor_role=actor_role)


def rerun_visible(store: Store, pipeline: PipelineLike, case_id: str, *, principal: Principal) -> Case:
    """A caller's re-run of a case it may see; Conflict when the case is triaged or being triaged."""
    visible_case(store, case_id, principal)
    done = rerun(store, pipeline, case_id, actor=principal.key_id, actor_role=principal.role)
    if done is None:
        raise Conflict("only a failed case, or one whose run was abandoned, is re-run")
    return done


def rerun_pending(
    store: Store, pipeline: PipelineLike, *, max_attempts: int = 3, limit: int = 100, actor: str = SYSTEM_ACTOR
) -> list[str]:
    """Re-run cases a crash or a failing LLM left behind (call at start-up); returns the ids this call re-ran."""
    done = []
    for case_id in store.pending(max_attempts=max_attempts, limit=limit):
        if rerun(store, pipeline, case_id, actor=actor, actor_role="system") is not None:
            done.append(case_id)
    if done:
        log.info("re-ran %d pending case(s)", len(done))
    for case_id in store.stuck(max_attempts=max_attempts, limit=limit):  # say so, instead of "received" forever
        token = store.claim(case_id, statuses=("received",))
        if token is not None:
            reason = f"every one of its {max_attempts} runs was interrupted; re-run it by hand once the cause is fixed"
            store.fail(case_id, token, reason, actor=actor, actor_role="system", latency_us=0)
            log.warning("gave up re-running case %s after %d interrupted runs", case_id, max_attempts)
    return done


def issue_key(
    store: Store,
    role: str,
    org: str,
    label: str | None = None,
    *,
    name: str | None = None,
    email: str | None = None,
    actor: str = "cli",
) -> tuple[KeyInfo, str]:
    """A new key for a person, issued by `actor`, every field checked as a name; the key is returned once."""
    fields = (
        (org, ORG_MAX_CHARS, "the organisation"),
        (label, LABEL_MAX_CHARS, "the label"),
        (name, NAME_MAX_CHARS, "the name"),
        (email, EMAIL_MAX_CHARS, "the email"),
    )
    for value, max_chars, what in fields:
        if value or what == "the organisation":
            check_name(value or "", max_chars=max_chars, what=what)
    try:
        return accounts.issue_key(store, role, org, label, name=name, email=email, actor=actor)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


# --- notifications: admins route contacts, choose channels per organisation and person, add webhooks, test ------


def _check_events(events: Iterable[str]) -> list[EventKind]:
    try:
        return notifications.check_events(events)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def _owner(store: Store, owner_kind: str, owner: str) -> OwnerKind:
    """A settings or webhook owner: an organisation's name, or a person's key id (which must exist)."""
    if owner_kind == "person":
        if owner not in accounts.get_keys(store, [owner]):
            raise NotFound("no such key")
        return "person"
    if owner_kind != "org":
        raise InvalidInput("the owner is an organisation (org) or a person (person)")
    check_text(owner, max_chars=ORG_MAX_CHARS, what="the organisation")
    return "org"


def set_contact_routes(store: Store, contact_id: str, orgs: Sequence[str]) -> None:
    """The partner organisations a contact handles; an organisation no contact is routed to goes to every contact."""
    info = accounts.get_keys(store, [contact_id]).get(contact_id)
    if info is None or info.role != "contact":
        raise NotFound("no such contact key")
    for org in orgs:
        check_text(org, max_chars=ORG_MAX_CHARS, what="the organisation")
    notifications.set_routes(store, contact_id, [org.strip() for org in orgs])


def set_notify_settings(
    store: Store, owner_kind: str, owner: str, *, email_events: Sequence[str] | None, include_plan: bool | None
) -> None:
    """Which events an organisation's people (or one person) get by email; whether an organisation's messages carry
    its plan text. `email_events` None: every event (the default); a person's settings win over the organisation's."""
    kind = _owner(store, owner_kind, owner)
    if include_plan is not None and kind != "org":
        raise InvalidInput("only an organisation opts in to the plan text in its messages")
    events = None if email_events is None else _check_events(email_events)
    notifications.set_settings(store, kind, owner, email_events=events, include_plan=include_plan)


def add_webhook(
    store: Store, settings: Settings, owner_kind: str, owner: str, url: str, fmt: str, events: Sequence[str]
) -> tuple[Webhook, str]:
    """A webhook target for an organisation or a person; its signing secret is returned this once."""
    kind = _owner(store, owner_kind, owner)
    if fmt not in WEBHOOK_FORMATS:
        raise InvalidInput("the format is standard (signed JSON) or slack (a Slack or Teams incoming webhook)")
    check_text(url, max_chars=URL_MAX_CHARS, what="the URL")
    try:
        check_url(url.strip(), allow_loopback=settings.webhook_allow_loopback, resolve=False)
    except SendError as exc:
        raise InvalidInput(str(exc)) from None
    format_: WebhookFormat = "slack" if fmt == "slack" else "standard"
    return notifications.add_webhook(store, kind, owner, url.strip(), format_, _check_events(events or CASE_EVENTS))


def send_test(
    store: Store, settings: Settings, *, by: str, webhook_id: str | None = None, key_id: str | None = None
) -> Delivery:
    """An admin's "send test": one message to a webhook or to a person's email, sent now; the delivery as recorded
    (delivered, or pending with the error that the worker's retries will start from)."""
    if (webhook_id is None) == (key_id is None):
        raise InvalidInput("name a webhook or a person's key")
    if webhook_id is not None:
        if notifications.webhook_secret(store, webhook_id) is None:
            raise NotFound("no such active webhook")
        target = Target("webhook", webhook_id, None)
    else:
        info = accounts.get_keys(store, [key_id or ""]).get(key_id or "")
        if info is None or info.revoked_at:
            raise NotFound("no such active key")
        if not info.email:
            raise InvalidInput("that key's holder has no email address")
        if not settings.smtp_host:
            raise InvalidInput("no SMTP host is configured (TRIAGE_SMTP_HOST)")
        target = Target("email", info.email, info.id, info.name)
    token, delivery = outbox.record_test(store, target, by=by, lease_s=settings.notify_lease_s)
    worker = Worker(store, settings)
    try:
        worker.deliver(delivery, token)
    finally:
        worker.close()
    return outbox.get(store, delivery.id) or delivery


# --- the command line's entry points: each opens the configured store (migrating it) and closes it again ------


@contextmanager
def opened(settings: Settings) -> Iterator[Store]:
    """The configured store, migrated, closed on leaving."""
    store = Store.open(settings)
    try:
        yield store
    finally:
        store.close()


def create_key(settings: Settings, role: str, org: str, *, name: str | None = None, email: str | None = None) -> str:
    """`triage keys create --role ROLE --org NAME [--name "Full Name"] [--email addr]`: the new key (InvalidInput
    for a bad role, organisation, name or address)."""
    with opened(settings) as store:
        return issue_key(store, role, org, name=name, email=email)[1]


def audit_anchor(store: Store, case: Case) -> audit.AuditRecord | None:
    """The case's newest audit record, for its approval record: `triage audit verify` checks the case against it."""
    with store.reader.connect() as conn:
        return audit.latest(conn, case.id)


def verify_audit(settings: Settings, *, expect_head: str | None = None) -> tuple[bool, str]:
    """`triage audit verify`: (ok, the chain's verdict, then a line for each case or key that differs from it)."""
    with opened(settings) as store, store.engine.connect() as conn:
        report = integrity.verify(conn, expect_head=expect_head)
    return report.ok, report.message


def audit_head(settings: Settings) -> str | None:
    """`triage audit head`: the chain's head (`seq:hash`), to keep where the database's writers cannot reach."""
    with opened(settings) as store, store.engine.connect() as conn:
        return audit.head(conn)
