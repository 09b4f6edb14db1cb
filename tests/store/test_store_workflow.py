"""The review workflow in the store, on SQLite and PostgreSQL: every move the table allows works from every stage
and every other is refused with nothing changed; each change is audited (verify passes) and a change made to the
table directly is found."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import insert, update
from triage_support import BACKENDS, FakePipeline, open_store

from triage import casework, service
from triage.records import Intake
from triage.store import integrity
from triage.store.accounts import Principal, issue_key
from triage.store.cases import Case, Store
from triage.store.errors import Conflict, Forbidden, InvalidInput, NotFound
from triage.store.schema import case_comments, cases
from triage.store.state import case_state
from triage.workflow import CONTACT_ACTIONS, STAGES, TRANSITIONS, Stage

PLAN = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."
REASON = "Checked against the guidance."


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    with open_store(request.param, tmp_path) as store:
        yield store


@pytest.fixture
def people(store: Store) -> dict[str, Principal]:
    def principal(role: str, org: str, name: str) -> Principal:
        info, _ = issue_key(store, role, org, name=name)
        return Principal(info.id, info.role, info.org, info.name)

    return {
        "partner": principal("partner", "acme", "Pat Lee"),
        "other_partner": principal("partner", "globex", "Gil Ox"),
        "dana": principal("contact", "studio", "Dana Ruiz"),
        "sam": principal("contact", "studio", "Sam Cho"),
    }


def verified(store: Store) -> integrity.Report:
    with store.engine.connect() as conn:
        return integrity.verify(conn)


def submit(store: Store, partner: Principal) -> Case:
    return service.submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor=partner.key_id,
                          actor_role="partner")  # fmt: skip


def act(store: Store, case: Case, action: str, who: Principal) -> Case:
    conditions = "Credit the voice actor." if action == "approve_with_conditions" else None
    route = "notify" if action == "override" else None
    return casework.act(store, case.id, action, principal=who, reason=REASON, conditions=conditions, route=route)


# how to bring a new case to each stage, by allowed moves
PATHS: dict[Stage, tuple[str, ...]] = {
    "new": (),
    "in_review": ("start_review",),
    "awaiting_partner": ("request_changes",),
    "approved": ("approve",),
    "approved_with_conditions": ("approve_with_conditions",),
    "rejected": ("reject",),
    "closed": ("approve", "close"),
}


def at_stage(store: Store, people: dict[str, Principal], stage: Stage) -> Case:
    case = submit(store, people["partner"])
    for action in PATHS[stage]:
        case = act(store, case, action, people["dana"])
    assert case.stage == stage
    return case


def snapshot(store: Store, case_id: str) -> dict | None:
    with store.engine.connect() as conn:
        return case_state(conn, case_id)


def test_the_transition_matrix(store: Store, people: dict[str, Principal]) -> None:
    assert set(PATHS) == set(STAGES)
    for stage in STAGES:
        for action in CONTACT_ACTIONS:
            case = at_stage(store, people, stage)
            allowed = TRANSITIONS[action].get(stage)
            if allowed is None:
                before = snapshot(store, case.id)
                with pytest.raises(Conflict, match=f"the case is {stage.replace('_', ' ')}"):
                    act(store, case, action, people["dana"])
                assert snapshot(store, case.id) == before, (stage, action)
                continue
            moved = act(store, case, action, people["dana"])
            assert moved.stage == allowed, (stage, action)
            last = store.history(case.id)[-1]
            assert last.actor == people["dana"].key_id and last.kind in ("review", "stage")
            kept = case.conditions if action in ("close", "reopen", "start_review") else None
            assert moved.conditions == ("Credit the voice actor." if action == "approve_with_conditions" else kept)
            if allowed not in ("new", "in_review"):
                assert moved.due_at is None, (stage, action)
    assert verified(store).ok, verified(store).message


def test_a_partner_reply_reopens_review_and_a_closed_case_takes_none(store: Store, people) -> None:
    partner = people["partner"]
    for stage in STAGES:
        case = at_stage(store, people, stage)
        expected = TRANSITIONS["partner_reply"].get(stage)
        revise = lambda case=case: service.revise(  # noqa: E731
            store, FakePipeline(), case.id, PLAN + " Temp only.", principal=partner, max_chars=20_000
        )
        if expected is None:
            before = snapshot(store, case.id)
            with pytest.raises(Conflict, match="the case is closed"):
                revise()
            assert snapshot(store, case.id) == before
            continue
        revised = revise()
        assert revised.stage == expected, stage
        assert revised.due_at is not None  # an approval-required case: the contact's clock runs (again)
    assert verified(store).ok, verified(store).message


def test_due_dates_follow_the_stage(store: Store, people) -> None:
    case = submit(store, people["partner"])
    assert case.due_at is not None  # written approval required: the SLA's two business days
    changes = act(store, case, "request_changes", people["dana"])
    assert changes.due_at is None and not casework.overdue(changes)  # paused while awaiting the partner
    answered = service.revise(store, FakePipeline(), case.id, PLAN + " Temp.", principal=people["partner"],
                              max_chars=20_000)  # fmt: skip
    assert answered.stage == "in_review" and answered.due_at is not None
    assert act(store, answered, "approve", people["dana"]).due_at is None
    quiet = service.submit(store, FakePipeline(), Intake(text="Mood boards only."), org="acme",
                           actor=people["partner"].key_id, actor_role="partner")  # fmt: skip
    assert quiet.route == "notify" and quiet.due_at is None  # the notify SLA is none by default


def test_a_contact_does_not_review_a_case_they_submitted(store: Store, people) -> None:
    dana = people["dana"]
    own = service.submit(store, FakePipeline(), Intake(text=PLAN), org="studio", actor=dana.key_id,
                         actor_role="contact")  # fmt: skip
    for action in ("approve", "start_review", "request_changes"):
        with pytest.raises(Forbidden):
            act(store, own, action, dana)
    with pytest.raises(Forbidden):
        casework.assign(store, own.id, "me", principal=dana)
    with pytest.raises(InvalidInput):  # nor is it given to them
        casework.assign(store, own.id, dana.key_id, principal=people["sam"])
    assert act(store, own, "approve", people["sam"]).stage == "approved"
    with pytest.raises(Forbidden):
        act(store, submit(store, people["partner"]), "approve", people["partner"])


def test_assignment(store: Store, people) -> None:
    dana, sam = people["dana"], people["sam"]
    case = submit(store, people["partner"])
    taken = casework.assign(store, case.id, "me", principal=dana)
    assert taken.assigned_to == dana.key_id and taken.stage == "in_review"  # taking starts the review
    given = casework.assign(store, case.id, sam.key_id, principal=dana)
    assert given.assigned_to == sam.key_id and given.stage == "in_review"
    revoked, _ = issue_key(store, "contact", "studio", name="Gone")
    from triage.store.accounts import revoke_key

    revoke_key(store, revoked.id)
    for bad in (people["partner"].key_id, "k_unknown", revoked.id):
        before = snapshot(store, case.id)
        with pytest.raises(InvalidInput):
            casework.assign(store, case.id, bad, principal=dana)
        assert snapshot(store, case.id) == before
    with pytest.raises(Forbidden):
        casework.assign(store, case.id, None, principal=people["partner"])
    assert casework.assign(store, case.id, None, principal=sam).assigned_to is None
    kinds = [e.kind for e in store.history(case.id)]
    assert kinds.count("assignment") == 3
    assert verified(store).ok, verified(store).message


def test_comments_visibility_and_isolation(store: Store, people) -> None:
    partner, dana = people["partner"], people["dana"]
    case = submit(store, partner)
    casework.comment(store, case.id, "Is the actor's consent on file?", "shared", principal=dana)
    casework.comment(store, case.id, "Legal wants to see it first.", "internal", principal=dana)
    casework.comment(store, case.id, "We'll send it tomorrow.", "shared", principal=partner)
    seen_by_partner = casework.visible_comments(store, case, partner)
    assert [c.body for c in seen_by_partner] == ["Is the actor's consent on file?", "We'll send it tomorrow."]
    assert len(casework.visible_comments(store, case, dana)) == 3
    with pytest.raises(Forbidden):
        casework.comment(store, case.id, "psst", "internal", principal=partner)
    with pytest.raises(NotFound):
        casework.comment(store, case.id, "hello", "shared", principal=people["other_partner"])
    for body in ("", "   ", "x" * 4001, "bad\x00byte"):
        with pytest.raises(InvalidInput):
            casework.comment(store, case.id, body, "shared", principal=partner)
    with pytest.raises(InvalidInput):
        casework.comment(store, case.id, "hello", "public", principal=partner)
    assert len(casework.visible_comments(store, case, dana)) == 3
    assert verified(store).ok, verified(store).message


def _tamper(column: str, value: object) -> Callable[[object, str], None]:
    def change(conn, case_id: str) -> None:
        conn.execute(update(cases).where(cases.c.id == case_id).values({column: value}))

    return change


def _add_comment(conn, case_id: str) -> None:
    forged = {"seq": 99, "visibility": "shared", "body": "forged", "actor": "x", "actor_role": "contact"}
    conn.execute(insert(case_comments).values(case_id=case_id, at="2026-01-01T00:00:00.000000Z", **forged))


def _edit_comment(conn, case_id: str) -> None:
    conn.execute(update(case_comments).where(case_comments.c.case_id == case_id).values(visibility="shared"))


@pytest.mark.parametrize(
    ("field", "tamper"),
    [
        ("stage", _tamper("stage", "approved")),
        ("assigned_to", _tamper("assigned_to", "k_someone")),
        ("due_at", _tamper("due_at", "2099-01-01T00:00:00.000000Z")),
        ("conditions", _tamper("conditions", "None at all.")),
        ("comments_sha256", _add_comment),
        ("comments_sha256", _edit_comment),
    ],
)
def test_a_workflow_field_changed_in_the_table_is_found(store: Store, people, field: str, tamper) -> None:
    case = submit(store, people["partner"])
    casework.assign(store, case.id, "me", principal=people["dana"])
    casework.comment(store, case.id, "A note.", "internal", principal=people["dana"])
    act(store, store.get_case(case.id), "approve_with_conditions", people["sam"])
    assert verified(store).ok
    with store.transaction() as conn:
        tamper(conn, case.id)
    report = verified(store)
    assert not report.ok and field in report.message, report.message
