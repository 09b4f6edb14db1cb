"""Stored cases: written before extraction runs, so a crash or a failing LLM loses nothing and a case can be re-run.

A case moves received → triaged | failed. Whoever runs the pipeline first *claims* the case (a run token and a
lease in the row), so several stateless API workers sharing one PostgreSQL never triage the same case twice and a
stale worker can never overwrite a newer result. SQLite (the default) serialises writers with BEGIN IMMEDIATE.

Partner text is stored here and nowhere else: log lines name case ids, never text.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal, cast, get_args

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, update
from sqlalchemy import case as when

from triage.config import Settings
from triage.records import Intake, PartnerAnswer, ProductionType, Route, TriageResult
from triage.store import audit, migrations, outbox
from triage.store.audit import input_sha256
from triage.store.db import Database, canonical_json, iso, make_engine, utcnow
from triage.store.errors import Conflict, Forbidden, InvalidInput, NotFound, StoreError, TextTooLong
from triage.store.notifications import DirectoryCache, EventKind
from triage.store.outbox import CaseNews
from triage.store.schema import case_answers, case_events, case_triggers, case_versions, cases
from triage.store.state import case_state
from triage.workflow import OPEN, Action, Sla, Stage, due_at, refusal, target
from triage.workflow import STAGES as STAGES  # the workflow's stages live in triage.workflow; kept importable here

log = logging.getLogger(__name__)

Status = Literal["received", "triaged", "failed"]
Decision = Literal["approve", "approve_with_conditions", "request_changes", "reject", "override"]
STATUSES: tuple[Status, ...] = get_args(Status)
DECISIONS: tuple[Decision, ...] = get_args(Decision)
DEFAULT_LEASE_S = 600  # longer than an LLM call with its retries; an expired lease marks a crashed worker's case
# (Store.open takes the lease from Settings.effective_lease_s: shorter for the lexical extractor, TRIAGE_LEASE_S.)
CASE_ID_RE = re.compile(r"c_[0-9a-f]{16}")
# What a run's result reports: the submission, or the partner's reply (answers or a revised plan) since the last result.
RUN_NEWS: dict[str, EventKind] = {"submitted": "submitted", "answers": "answered", "revision": "answered"}


@dataclass(frozen=True)
class Case:
    id: str
    org: str
    created_by: str
    status: Status
    text: str
    production_type: str | None
    production_title: str | None
    route: Route | None
    approval_required: bool | None
    result: dict[str, Any] | None
    error: str | None
    review: Decision | None
    review_route: Route | None
    review_reason: str | None
    reviewed_by: str | None
    reviewed_at: str | None
    attempts: int
    created_at: str
    updated_at: str
    version: int = 1
    review_stale: bool = False  # the plan or its answers changed since the review (which is kept)
    stage: Stage = "new"
    assigned_to: str | None = None  # a contact's key id
    due_at: str | None = None
    conditions: str | None = None  # shown to the partner with an approval with conditions

    @property
    def effective_route(self) -> Route | None:
        return effective_route(self.route, self.review_route, self.review_stale)

    def intake(self, answers: Sequence[PartnerAnswer] = ()) -> Intake:
        """The current version's plan with its answers (from `Store.answers`), as data."""
        production_type = ProductionType(self.production_type) if self.production_type else None
        return Intake(
            text=self.text,
            production_type=production_type,
            production_title=self.production_title,
            answers=list(answers),
        )


def effective_route(route: Route | None, review_route: Route | None, stale: bool) -> Route | None:
    """A contact's override wins over the engine's route; once the plan changed since, only an escalation holds."""
    if review_route is None:
        return route
    if stale:
        return "escalate" if "escalate" in (route, review_route) else route
    return review_route


@dataclass(frozen=True)
class StoredAnswer:
    """One answer as kept: the version of the plan it answered, and who gave it when."""

    seq: int
    version: int
    answer: PartnerAnswer
    actor: str
    at: str


@dataclass(frozen=True)
class Version:
    version: int
    text: str
    actor: str
    at: str


@dataclass(frozen=True)
class Event:
    seq: int
    kind: str
    actor: str
    at: str
    data: dict[str, Any]


def _case(row: Any, result: dict[str, Any] | None = None) -> Case:
    """A case from its row; `result`: the result already parsed, for a row read without its result_json."""
    m = row._mapping
    if "result_json" in m:
        result = json.loads(m["result_json"]) if m["result_json"] else None
    return Case(
        id=m["id"],
        org=m["org"],
        created_by=m["created_by"],
        status=m["status"],
        text=m["text"],
        production_type=m["production_type"],
        production_title=m["production_title"],
        route=m["route"],
        approval_required=m["approval_required"],
        result=result,
        error=m["error"],
        review=m["review"],
        review_route=m["review_route"],
        review_reason=m["review_reason"],
        reviewed_by=m["reviewed_by"],
        reviewed_at=m["reviewed_at"],
        attempts=m["attempts"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        version=m["version"],
        review_stale=bool(m["review_stale"]),
        stage=m["stage"],
        assigned_to=m["assigned_to"],
        due_at=m["due_at"],
        conditions=m["conditions"],
    )


_COLUMNS_BUT_RESULT = [column for column in cases.c if column.name != "result_json"]


class Store(Database):
    """The case repository: cases and their history, each method one transaction (claims, results, reviews)."""

    def __init__(
        self, engine: Engine, *, lease_s: float = DEFAULT_LEASE_S, email: bool = False, sla: Sla | None = None
    ) -> None:
        super().__init__(engine)
        self.lease_s = lease_s
        self.email = email  # whether events are emailed (an SMTP host is configured): see triage.store.outbox
        self.sla = sla or Sla()  # when a triaged case's review is due (triage.workflow)
        self.directory = DirectoryCache()

    @classmethod
    def open(cls, settings: Settings, *, migrate: bool = True) -> Store:
        store = cls(
            make_engine(settings.sqlalchemy_url),
            lease_s=settings.effective_lease_s,
            email=bool(settings.smtp_host),
            sla=settings.sla,
        )
        if migrate:
            migrations.migrate(store)
        return store

    def ping(self) -> None:
        """Raises when the database cannot be reached or is not migrated (see migrations.ping)."""
        migrations.ping(self)

    # --- cases ------------------------------------------------------------------------------------------------

    def _event(self, conn: Connection, case_id: str, kind: str, actor: str, at: str, data: dict[str, Any] | str) -> int:
        """Append to the case's history; `data` may come already as canonical JSON (a result is not re-encoded)."""
        last = conn.scalar(select(func.max(case_events.c.seq)).where(case_events.c.case_id == case_id)) or 0
        data_json = data if isinstance(data, str) else canonical_json(data)
        values = {"case_id": case_id, "seq": last + 1, "kind": kind, "actor": actor, "at": at, "data_json": data_json}
        conn.execute(insert(case_events).values(**values))
        return last + 1

    def _news(
        self, conn: Connection, case: Case, event: EventKind, at: str, *, reviewer: str | None, **kw: Any
    ) -> None:
        """Write the messages the event causes into the outbox, in this transaction (see triage.store.outbox)."""
        result = case.result or {}
        news = CaseNews(
            event=event,
            case_id=case.id,
            org=case.org,
            submitter=case.created_by,
            reviewer=reviewer,
            title=case.production_title,
            route=case.effective_route,
            approval_required=case.approval_required,
            triggers=list(result.get("triggers") or []),
            plan=case.text,
            assignee=case.assigned_to,
            due_at=case.due_at,
            **kw,
        )
        outbox.record(conn, news, self.directory.get(conn), email=self.email, at=at)

    def _run_news(self, conn: Connection, case_id: str) -> tuple[EventKind | None, str | None]:
        """What a run's first result reports: the submission, or the answers since the last result (None: a re-run
        of neither); and the contact who last reviewed the case."""
        rows = conn.execute(
            select(case_events.c.kind, case_events.c.actor)
            .where(case_events.c.case_id == case_id, case_events.c.kind.in_([*RUN_NEWS, "triaged", "review"]))
            .order_by(case_events.c.seq)
        ).all()
        news: EventKind | None = None
        reviewer = None
        for kind, actor in rows:
            if kind == "review":
                reviewer = actor
            else:
                news = RUN_NEWS.get(kind)
        return news, reviewer

    def _audited(
        self,
        conn: Connection,
        case_id: str,
        event_kind: str,
        event_data: Callable[[int], dict[str, Any] | str],
        *,
        actor: str,
        at: str,
        **record: Any,
    ) -> audit.AuditRecord:
        """A history entry naming its audit record, then the record, with the case's visible state after both.

        Args:
            conn: the open write transaction that made the change.
            case_id: the case changed.
            event_kind: the history entry's kind.
            event_data: the entry's data, given the seq of the record it names.
            actor, at: who and when, for both.
            record: the audit record's other fields (audit.append).
        """
        seq = audit.next_seq(conn, lock=self.advisory_lock)
        self._event(conn, case_id, event_kind, actor, at, event_data(seq))
        state = case_state(conn, case_id)
        return audit.append(conn, lock=self.advisory_lock, case_id=case_id, actor=actor, at=at, state=state, **record)

    def _locked_case(self, conn: Connection, case_id: str, org: str | None = None) -> Case:
        if not CASE_ID_RE.fullmatch(case_id):
            raise NotFound("case not found")
        query = select(cases).where(cases.c.id == case_id).with_for_update()
        if org is not None:
            query = query.where(cases.c.org == org)
        row = conn.execute(query).first()
        if row is None:
            raise NotFound("case not found")
        return _case(row)

    def create_case(self, intake: Intake, *, org: str, actor: str) -> tuple[Case, str]:
        """Store a new case as received, already claimed by the caller (who runs the pipeline next)."""
        now = utcnow()
        case_id = "c_" + secrets.token_hex(8)
        token = secrets.token_hex(16)
        production_type = intake.production_type.value if intake.production_type else None
        case = Case(
            id=case_id,
            org=org,
            created_by=actor,
            status="received",
            text=intake.text,
            production_type=production_type,
            production_title=intake.production_title,
            route=None,
            approval_required=None,
            result=None,
            error=None,
            review=None,
            review_route=None,
            review_reason=None,
            reviewed_by=None,
            reviewed_at=None,
            attempts=1,
            created_at=iso(now),
            updated_at=iso(now),
        )
        sha = input_sha256(intake.text, production_type, intake.production_title)
        submitted = canonical_json({"input_sha256": sha, "chars": len(intake.text)})
        # Not durable yet: the caller is told the case exists only after a durable write (its result or failure).
        with self.transaction(durable=False) as conn:
            conn.execute(
                insert(cases).values(
                    id=case_id,
                    org=org,
                    created_by=actor,
                    status="received",
                    text=intake.text,
                    production_type=production_type,
                    production_title=intake.production_title,
                    attempts=1,
                    run_token=token,
                    lease_until=iso(now + timedelta(seconds=self.lease_s)),
                    created_at=case.created_at,
                    updated_at=case.updated_at,
                )
            )
            conn.execute(
                insert(case_versions).values(
                    case_id=case_id, version=1, text=intake.text, actor=actor, at=case.created_at
                )
            )
            # a new case's history starts at 1 (no need to look for a last entry)
            conn.execute(
                insert(case_events).values(
                    case_id=case_id, seq=1, kind="submitted", actor=actor, at=case.created_at, data_json=submitted
                )
            )
        log.info("case %s received (%d chars)", case_id, len(intake.text))
        return case, token

    def get_case(self, case_id: str, *, org: str | None = None) -> Case | None:
        """The case, or None when it does not exist or belongs to another organisation than `org`."""
        if not CASE_ID_RE.fullmatch(case_id):
            return None  # not an id at all (a NUL byte would even be an error on PostgreSQL)
        query = select(cases).where(cases.c.id == case_id)
        if org is not None:
            query = query.where(cases.c.org == org)
        with self.reader.connect() as conn:
            row = conn.execute(query).first()
        return _case(row) if row else None

    def history(self, case_id: str) -> list[Event]:
        with self.reader.connect() as conn:
            rows = conn.execute(
                select(case_events).where(case_events.c.case_id == case_id).order_by(case_events.c.seq)
            ).all()
        return [Event(seq=r.seq, kind=r.kind, actor=r.actor, at=r.at, data=json.loads(r.data_json)) for r in rows]

    def claim(self, case_id: str, *, statuses: Sequence[str] = ("failed", "received")) -> str | None:
        """Take the right to run the pipeline on a failed case, or on a received one whose runner's lease expired."""
        if not CASE_ID_RE.fullmatch(case_id):
            return None
        now = utcnow()
        token = secrets.token_hex(16)
        with self.transaction() as conn:
            result = conn.execute(
                update(cases)
                .where(
                    cases.c.id == case_id,
                    cases.c.status.in_(list(statuses)),
                    or_(cases.c.lease_until.is_(None), cases.c.lease_until < iso(now)),
                )
                .values(
                    status="received",
                    run_token=token,
                    lease_until=iso(now + timedelta(seconds=self.lease_s)),
                    attempts=cases.c.attempts + 1,
                    updated_at=iso(now),
                )
            )
            if result.rowcount != 1:
                return None
        return token

    def pending(self, *, max_attempts: int = 3, limit: int = 100) -> list[str]:
        """Cases to re-run: failed ones with attempts left, and received ones whose runner's lease expired."""
        return self._lapsed(
            cases.c.attempts < max_attempts,
            or_(cases.c.status == "failed", cases.c.status == "received"),
            limit=limit,
        )

    def stuck(self, *, max_attempts: int = 3, limit: int = 100) -> list[str]:
        """Received cases whose runs were all interrupted (a worker died each time): no attempts left to sweep."""
        return self._lapsed(cases.c.attempts >= max_attempts, cases.c.status == "received", limit=limit)

    def _lapsed(self, *conditions: Any, limit: int) -> list[str]:
        """Ids of the cases meeting `conditions` whose lease (if any) has expired, oldest first."""
        now = iso(utcnow())
        query = (
            select(cases.c.id)
            .where(*conditions, or_(cases.c.lease_until.is_(None), cases.c.lease_until < now))
            .order_by(cases.c.created_at)
            .limit(limit)
        )
        with self.reader.connect() as conn:
            return list(conn.scalars(query))

    def complete(
        self, case_id: str, token: str, result: TriageResult, *, actor: str, actor_role: str, latency_us: int
    ) -> Case | None:
        """Record a result and its audit record in one transaction; None when a newer run superseded this one.

        Args:
            case_id: the case the run was for.
            token: the run's claim token; the result is kept only if the case still holds it.
            result: the pipeline's result (stored with `case_id` set).
            actor: who the audit record names.
            actor_role: that actor's role.
            latency_us: how long the pipeline took.
        """
        moment = utcnow()
        now = iso(moment)
        result = result.model_copy(update={"case_id": case_id})
        due = due_at(self.sla, result.route, result.approval_required, moment)
        payload = result.model_dump(mode="json")
        result_json = canonical_json(payload)
        with self.transaction() as conn:
            # only if this run still holds the case; the row comes back as written (without the result: we have it)
            row = conn.execute(
                update(cases)
                .where(cases.c.id == case_id, cases.c.run_token == token)
                .values(
                    status="triaged",
                    route=result.route,
                    approval_required=result.approval_required,
                    result_json=result_json,
                    error=None,
                    run_token=None,
                    lease_until=None,
                    updated_at=now,
                    due_at=self._due_after_triage(due),
                )
                .returning(*_COLUMNS_BUT_RESULT)
            ).first()
            if row is None:
                log.warning("case %s: result discarded, a newer run holds the case", case_id)
                return None
            case = _case(row, result=payload)
            conn.execute(delete(case_triggers).where(case_triggers.c.case_id == case_id))
            if result.triggers:  # the queue's trigger filter (derived from the result, which the audit covers)
                conn.execute(insert(case_triggers), [{"case_id": case_id, "trigger": t} for t in set(result.triggers)])
            news, reviewer = self._run_news(conn, case_id)  # before this run's own entry
            self._audited(
                conn,
                case_id,
                "triaged",
                # canonical_json({"audit_seq": ..., "result": payload}), without encoding the result a second time
                lambda seq: f'{{"audit_seq":{seq},"result":{result_json}}}',
                kind="triage",
                actor=actor,
                actor_role=actor_role,
                input_sha256=input_sha256(case.text, case.production_type, case.production_title),
                result_json=result_json,
                policy_version=result.policy_version,
                prompt_version=result.prompt_version,
                extractor=result.extractor,
                model=result.extractor.split(":", 1)[1] if ":" in result.extractor else None,
                prompt_tokens=result.stats.prompt_tokens,
                completion_tokens=result.stats.completion_tokens,
                latency_us=latency_us,
                at=now,
            )
            if news is not None:
                reason = result.summary or next((f.reason for f in result.findings), f"Route: {result.route}.")
                self._news(conn, case, news, now, reviewer=reviewer, reason=reason)
        log.info("case %s triaged: %s", case_id, result.route)
        return case

    @staticmethod
    def _due_after_triage(due: datetime | None) -> Any:
        """The due date a result sets, in SQL: a case waiting for a contact (new, in review) with no due date yet gets
        the SLA's (`due`, None: its outcome has none); a due date already running is kept (answering does not push
        it out), and a case awaiting the partner or decided has none."""
        if due is None:
            return cases.c.due_at
        waiting = cases.c.stage.in_(["new", "in_review"]) & cases.c.due_at.is_(None)
        return when((waiting, iso(due)), else_=cases.c.due_at)

    def fail(
        self, case_id: str, token: str, error: str, *, actor: str, actor_role: str, latency_us: int
    ) -> Case | None:
        """Mark a run failed (it stays re-runnable) and audit the failure; None when a newer run holds the case.

        Args:
            case_id: the case the run was for.
            token: the run's claim token.
            error: what went wrong, safe to store (never the partner's text).
            actor: who the audit record names.
            actor_role: that actor's role.
            latency_us: how long the run took before it failed.
        """
        now = iso(utcnow())
        with self.transaction() as conn:
            row = conn.execute(
                select(cases).where(cases.c.id == case_id, cases.c.run_token == token).with_for_update()
            ).first()
            if row is None:
                return None
            case = _case(row)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(status="failed", error=error, run_token=None, lease_until=None, updated_at=now)
            )
            self._audited(
                conn,
                case_id,
                "failed",
                lambda seq: {"error": error, "audit_seq": seq},
                kind="triage_failed",
                actor=actor,
                actor_role=actor_role,
                input_sha256=input_sha256(case.text, case.production_type, case.production_title),
                result_json=canonical_json({"error": error}),
                latency_us=latency_us,
                at=now,
            )
            case = self._locked_case(conn, case_id)
        log.warning("case %s failed: %s", case_id, error.split(":", 1)[0])
        return case

    def answers(self, case_id: str, version: int | None = None) -> list[StoredAnswer]:
        """The case's answers, oldest first; only those given on `version` when it is named."""
        query = select(case_answers).where(case_answers.c.case_id == case_id)
        if version is not None:
            query = query.where(case_answers.c.version == version)
        with self.reader.connect() as conn:
            rows = conn.execute(query.order_by(case_answers.c.seq)).all()
        return [
            StoredAnswer(
                seq=r.seq,
                version=r.version,
                answer=PartnerAnswer(
                    question=r.question,
                    answer=r.answer,
                    question_id=r.question_id,
                    use=r.use_index,
                    use_summary=r.use_summary,
                    facts=tuple(json.loads(r.facts_json)),
                ),
                actor=r.actor,
                at=r.at,
            )
            for r in rows
        ]

    def versions(self, case_id: str) -> list[Version]:
        """Every version of the case's plan, oldest first."""
        with self.reader.connect() as conn:
            rows = conn.execute(
                select(case_versions).where(case_versions.c.case_id == case_id).order_by(case_versions.c.version)
            ).all()
        return [Version(version=r.version, text=r.text, actor=r.actor, at=r.at) for r in rows]

    def intake(self, case: Case) -> Intake:
        """What the pipeline reads for the case: its current plan and the answers given on that version, as data."""
        return case.intake([a.answer for a in self.answers(case.id, case.version)])

    def _reclaim(self, conn: Connection, case: Case, now: Any, **values: Any) -> str:
        """Claim the case for a re-triage after the partner changed it; a review given before is kept, marked stale."""
        token = secrets.token_hex(16)
        conn.execute(
            update(cases)
            .where(cases.c.id == case.id)
            .values(
                status="received",
                run_token=token,
                lease_until=iso(now + timedelta(seconds=self.lease_s)),
                attempts=1,
                review_stale=case.review is not None,
                updated_at=iso(now),
                **values,
            )
        )
        return token

    def audit_change(
        self,
        conn: Connection,
        case: Case,
        kind: str,
        data: dict[str, Any],
        *,
        actor: str,
        actor_role: str,
        at: str,
    ) -> audit.AuditRecord:
        """A change to a case (answers, a revision, a review, a workflow move, an assignment, a comment), in its
        history and the audit chain in the same transaction: the record carries the case's visible state after the
        change (see `_audited`)."""
        return self._audited(
            conn,
            case.id,
            kind,
            lambda seq: {**data, "audit_seq": seq},
            kind=kind,
            actor=actor,
            actor_role=actor_role,
            input_sha256=input_sha256(case.text, case.production_type, case.production_title),
            result_json=canonical_json(data),
            policy_version=(case.result or {}).get("policy_version"),
            at=at,
        )

    def _changeable(self, conn: Connection, case_id: str, org: str) -> tuple[Case, dict[str, Any]]:
        """The partner's case, locked, and the workflow's columns after the partner's reply (answers, a revision):
        an awaiting or decided case goes back to review, its due date cleared until the new result sets one."""
        case = self._locked_case(conn, case_id, org)
        if case.status == "received":
            raise Conflict("the case is being triaged; try again in a moment")
        stage = target("partner_reply", case.stage)
        if stage is None:
            raise Conflict(refusal("partner_reply", case.stage))
        return case, {"stage": stage, "due_at": case.due_at if stage == case.stage else None}

    def add_answers(
        self,
        case_id: str,
        answers: Sequence[PartnerAnswer],
        *,
        org: str,
        actor: str,
        actor_role: str,
        max_chars: int,
    ) -> tuple[Case, str]:
        """Keep the partner's answers as rows of the current version and claim the case for re-triage; a review given
        before stays, marked stale. Nothing is stored when any check fails.

        Args:
            case_id: the case answered.
            answers: the answers, already checked against the case's questions.
            org: the answering organisation; another organisation's case is NotFound.
            actor: who the history and the audit record name.
            actor_role: that actor's role.
            max_chars: the most characters the plan and this version's answers may have together (TextTooLong).

        Returns:
            The case as claimed, and the claim's run token for `complete` or `fail`.
        """
        now = utcnow()
        with self.transaction() as conn:
            case, workflow = self._changeable(conn, case_id, org)
            rows = conn.execute(
                select(case_answers.c.answer).where(
                    case_answers.c.case_id == case_id, case_answers.c.version == case.version
                )
            ).scalars()
            total = len(case.text) + sum(len(a) for a in rows) + sum(len(a.answer) for a in answers)
            if total > max_chars:
                raise TextTooLong(f"with these answers the plan would be {total} characters; the limit is {max_chars}")
            last = conn.scalar(select(func.max(case_answers.c.seq)).where(case_answers.c.case_id == case_id)) or 0
            for seq, a in enumerate(answers, start=last + 1):
                conn.execute(
                    insert(case_answers).values(
                        case_id=case_id,
                        seq=seq,
                        version=case.version,
                        question_id=a.question_id,
                        use_index=a.use,
                        use_summary=a.use_summary,
                        facts_json=json.dumps(list(a.facts)),
                        question=a.question,
                        answer=a.answer,
                        actor=actor,
                        at=iso(now),
                    )
                )
            token = self._reclaim(conn, case, now, **workflow)
            data = {
                "version": case.version,
                "answers": [a.model_dump(mode="json", exclude_defaults=True) for a in answers],
                "review_stale": case.review,
                "stage": workflow["stage"],
            }
            self.audit_change(conn, case, "answers", data, actor=actor, actor_role=actor_role, at=iso(now))
            case = self._locked_case(conn, case_id)
        return case, token

    def _carry_answers(self, conn: Connection, case: Case, version: int, text: str) -> int:
        """Copy to the new version the answers about a use whose sentence the revised plan still has word for word
        (an answer about a use the revision rewrote or removed stays with the version it answered)."""
        rows = conn.execute(
            select(case_answers)
            .where(case_answers.c.case_id == case.id, case_answers.c.version == case.version)
            .order_by(case_answers.c.seq)
        ).all()
        kept = [r for r in rows if r.question_id and r.use_summary and r.use_summary in text]
        last = conn.scalar(select(func.max(case_answers.c.seq)).where(case_answers.c.case_id == case.id)) or 0
        for seq, r in enumerate(kept, start=last + 1):
            conn.execute(insert(case_answers).values({**r._mapping, "seq": seq, "version": version}))
        return len(kept)

    def revise(self, case_id: str, text: str, *, org: str, actor: str, actor_role: str) -> tuple[Case, str]:
        """A new version of the plan (every version is kept) and a claim to triage it; a review given before stays,
        marked stale. Answers belong to the version they answered; those about a use whose sentence the new version
        keeps word for word are carried over to it.

        Args:
            case_id: the case revised.
            text: the new plan, already checked; the same text as the current version is InvalidInput.
            org: the revising organisation; another organisation's case is NotFound.
            actor: who the history and the audit record name.
            actor_role: that actor's role.
        """
        now = utcnow()
        with self.transaction() as conn:
            case, workflow = self._changeable(conn, case_id, org)
            if text == case.text:
                raise InvalidInput("the revision is identical to the current version of the plan")
            version = case.version + 1
            conn.execute(
                insert(case_versions).values(case_id=case_id, version=version, text=text, actor=actor, at=iso(now))
            )
            carried = self._carry_answers(conn, case, version, text)
            token = self._reclaim(conn, case, now, text=text, version=version, **workflow)
            revised = replace(case, text=text)
            data = {
                "version": version,
                "previous_version": case.version,
                "chars": len(text),
                "answers_carried": carried,
                "review_stale": case.review,
                "stage": workflow["stage"],
            }
            self.audit_change(conn, revised, "revision", data, actor=actor, actor_role=actor_role, at=iso(now))
            case = self._locked_case(conn, case_id)
        return case, token

    def move(self, case: Case, action: Action, actor: str) -> Stage:
        """The stage a contact's action takes the case to (triage.workflow's table); Forbidden for the contact who
        submitted the case, Conflict, naming the stage, when the table does not allow it from there."""
        if case.created_by == actor:
            raise Forbidden("you submitted this case: another studio contact reviews it")
        stage = target(action, case.stage)
        if stage is None:
            raise Conflict(refusal(action, case.stage))
        return stage

    def add_review(
        self,
        case_id: str,
        *,
        decision: str,
        route: str | None,
        reason: str,
        actor: str,
        actor_role: str,
        conditions: str | None = None,
    ) -> Case:
        """A contact's decision on a triaged (or failed) case, audited like a triage; it moves the case's stage as the
        workflow's table says (see `move`), and a decided or awaiting case has no due date.

        Args:
            case_id: the case reviewed.
            decision: one of DECISIONS.
            route: the route an override sets; given with an override and only then.
            reason: why, already checked.
            actor: who the audit record names.
            actor_role: that actor's role.
            conditions: what the partner must do, with an approval with conditions and only then (already checked).
        """
        if decision not in DECISIONS:
            raise StoreError(f"unknown decision {decision!r}")
        if (decision == "override") != (route is not None):
            raise StoreError("a route is given with an override, and only then")
        if (decision == "approve_with_conditions") != (conditions is not None):
            raise StoreError("conditions are given with an approval with conditions, and only then")
        now = iso(utcnow())
        with self.transaction() as conn:
            case = self._locked_case(conn, case_id)
            if case.status == "received":
                raise Conflict("the case is being triaged; review it once it has a result")
            stage = self.move(case, cast(Action, decision), actor)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(
                    review=decision,
                    review_route=route,
                    review_reason=reason,
                    reviewed_by=actor,
                    reviewed_at=now,
                    review_stale=False,
                    updated_at=now,
                    stage=stage,
                    conditions=conditions,
                    due_at=case.due_at if stage in OPEN and stage != "awaiting_partner" else None,
                )
            )
            review = {
                "decision": decision,
                "route": route,
                "reason": reason,
                "engine_route": case.route,
                "conditions": conditions,
                "stage": stage,
            }
            self.audit_change(conn, case, "review", review, actor=actor, actor_role=actor_role, at=now)
            case = self._locked_case(conn, case_id)
            said = reason if conditions is None else f"{reason}\nConditions: {conditions}"
            self._news(conn, case, "reviewed", now, reviewer=actor, reason=said, decision=decision)
        log.info("case %s reviewed: %s", case_id, decision)
        return case
