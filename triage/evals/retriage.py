"""Stored cases: re-triage under today's policy (what would flip), and contacts' reviews as labeled cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from triage.evals.cases import ROUTES, EvalError, Expected, LabeledCase, decision
from triage.evals.metrics import predicted
from triage.evals.report import Model, absent_when_none, md_table
from triage.evals.run import Progress, run_cases
from triage.store import accounts, queue

if TYPE_CHECKING:
    from triage.config import Settings
    from triage.pipeline import Pipeline
    from triage.store.cases import Case, Store


class StoredFlip(Model):
    id: str
    stored: str
    now: str
    lowered: bool  # escalate → notify
    triggers_removed: list[str]
    triggers_added: list[str]
    review: str | None
    review_route: str | None
    agrees_with_review: bool | None
    stored_policy_version: str | None


class StoredError(Model):
    id: str
    error: str


class RetriageReport(Model):
    extractor: str
    policy_version: str
    prompt_version: str | None
    created_at: str
    cases: int
    flips: list[StoredFlip]
    errors: list[StoredError]


class ReviewedCase(Model):
    """A labeled case (contracts §3) taken from a contact's review, with a note saying where it came from."""

    id: str
    text: str
    production_type: str | None = absent_when_none()
    expected: Expected
    tags: list[str]
    note: str


def open_store(settings: Settings) -> Store:
    """The service's store, read as it is: never created or migrated from here."""
    from triage.store import Store, make_engine

    if settings.database_url is None:
        db = (Path(settings.data_dir) / "triage.db").resolve()
        if not db.exists():
            raise EvalError(f"no stored cases: {db} does not exist (set TRIAGE_DATA_DIR or DATABASE_URL)")
    store = Store(make_engine(settings.sqlalchemy_url))
    try:
        store.ping()
    except Exception as exc:
        store.close()
        raise EvalError(f"cannot read the case store ({type(exc).__name__}); is it migrated?") from exc
    return store


def iter_cases(store: Store, *, status: str | None = None, page: int = 200) -> Iterator[Case]:
    """Every stored case (full row, with text and result), newest first; cases added meanwhile are not included."""
    cursor = None
    while True:
        found = queue.list_cases(store, queue.Filters(status=status), sort="newest", limit=page, cursor=cursor)
        for row in found.rows:
            case = store.get_case(row.id)
            if case is not None:
                yield case
        cursor = found.next_cursor
        if cursor is None:
            return


def retriage_stored(store: Store, pipeline: Pipeline, *, concurrency: int = 1, progress: bool = True) -> RetriageReport:
    """Re-run every triaged case under today's policy, rules and prompt, without writing; list what would flip."""
    stored = list(iter_cases(store, status="triaged"))
    labeled = [
        LabeledCase(
            id=case.id,
            text=case.text,
            production_type=case.production_type,
            answers=tuple(a.answer for a in store.answers(case.id, case.version)),
            expected=Expected(
                route="notify" if case.route == "notify" else "escalate", approval_required=case.approval_required
            ),
        )
        for case in stored
    ]
    bar = Progress(len(labeled), "retriage", enabled=progress)
    try:
        runs = run_cases(pipeline, labeled, concurrency=concurrency, progress=bar)
    finally:
        bar.close()
    flips, errors = [], []
    for case, run in zip(stored, runs, strict=True):
        result = run.result
        if result is None:
            errors.append(StoredError(id=case.id, error="; ".join(run.errors)))
            continue
        new = predicted(result)
        if case.route == new.route and case.approval_required == new.approval_required:
            continue
        old_triggers = sorted((case.result or {}).get("triggers") or [])
        flips.append(
            StoredFlip(
                id=case.id,
                stored=decision(case.route, case.approval_required),
                now=new.decision,
                lowered=case.route == "escalate" and new.route == "notify",
                triggers_removed=sorted(set(old_triggers) - set(new.triggers)),
                triggers_added=sorted(set(new.triggers) - set(old_triggers)),
                review=case.review,
                review_route=case.review_route,
                agrees_with_review=None if case.review_route is None else case.review_route == new.route,
                stored_policy_version=(case.result or {}).get("policy_version"),
            )
        )
    return RetriageReport(
        extractor=pipeline.extractor.name,
        policy_version=pipeline.policy_version,
        prompt_version=pipeline.prompt_version,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        cases=len(stored),
        flips=flips,
        errors=errors,
    )


def render_retriage_markdown(report: RetriageReport) -> str:
    flips = report.flips
    out = [
        f"# Re-triage of {report.cases} stored case(s) under policy {report.policy_version[:12]} "
        f"({report.extractor}): {len(flips)} would flip",
        "",
    ]
    if flips:
        out += md_table(
            ("case", "stored", "now", "triggers removed", "triggers added", "contact review"),
            (
                (
                    f.id,
                    f.stored,
                    f.now + (" (LOWERED)" if f.lowered else ""),
                    ", ".join(f.triggers_removed),
                    ", ".join(f.triggers_added),
                    f"{f.review or ''}{' → ' + f.review_route if f.review_route else ''}",
                )
                for f in flips
            ),
        )
    out += [f"- {error.id}: the pipeline raised ({error.error})" for error in report.errors]
    return "\n".join(out) + "\n"


def review_case(case: Case, reviewer: str | None = None) -> ReviewedCase | None:
    """A reviewed stored case as a labeled case (contracts §3), or None when the review gives no route.

    An override's route is the label. Any other review (approve, request changes, reject) was made on the engine's
    route without overriding it, so it confirms that route and its approval flag. An override to escalate on a
    case the engine had notified says nothing about approval: that label is null (not scored), since reviews do not
    record whether written approval was needed. `reviewer`: the reviewer's name, for the note.
    """
    if case.review is None:
        return None
    route = case.review_route or case.route
    if route not in ROUTES:
        return None
    if route == "notify":
        approval: bool | None = False
    elif case.route == "escalate":
        approval = case.approval_required
    else:
        approval = None
    return ReviewedCase(
        id=case.id,
        text=case.text,
        production_type=case.production_type or None,
        expected=Expected(route=route, approval_required=approval),
        tags=["from_review", f"review_{case.review}"],
        note=(
            f"contact review {case.review!r}{f' by {reviewer}' if reviewer else ''} on {case.reviewed_at}; "
            f"engine said {case.route}"
            f"{' with approval' if case.approval_required else ''}. Reason: {case.review_reason or ''}"
        ),
    )


def export_reviews(store: Store) -> list[ReviewedCase]:
    """Every reviewed case as a labeled case, oldest first, ready to append to a case file after a human look."""
    reviewed = [case for case in iter_cases(store) if case.review is not None]
    people = accounts.get_keys(store, (case.reviewed_by or "" for case in reviewed))
    exported = []
    for case in reviewed:
        person = people.get(case.reviewed_by or "")
        if (labeled := review_case(case, person.display_name if person else None)) is not None:
            exported.append(labeled)
    return exported[::-1]  # the store lists newest first
