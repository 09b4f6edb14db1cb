"""What the precedent index reads from the cases, on SQLite and PostgreSQL: decided cases only, their final route,
and the filters a precedent must pass (organisation, earlier, an id at all)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from triage_support import BACKENDS, FakePipeline, open_store

from triage import service
from triage.records import Intake
from triage.store import precedents
from triage.store.cases import Case, Store

VOICE = "We will clone the lead actor's voice for the final mix."


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path) -> Iterator[Store]:
    with open_store(request.param, tmp_path) as s:
        yield s


def submit(store: Store, org: str, pipeline: FakePipeline | None = None) -> Case:
    return service.submit(
        store, pipeline or FakePipeline(), Intake(text=VOICE), org=org, actor="k", actor_role="partner"
    )


def test_only_decided_cases_are_read_with_their_final_route(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precedents, "BATCH", 2)  # several batches
    triaged = [submit(store, "acme") for _ in range(3)]
    failed = submit(store, "acme", FakePipeline(fail=True))
    store.add_review(triaged[0].id, decision="override", route="notify", reason="ok", actor="c", actor_role="contact")
    states = dict(precedents.decided_states(store))
    assert set(states) == {c.id for c in triaged} and failed.id not in states
    assert states[triaged[0].id] == precedents.Indexed(1, "notify") and states[triaged[1].id].route == "escalate"
    assert {d.id for d in precedents.documents(store, [failed.id, triaged[1].id])} == {triaged[1].id}
    assert {i for i, _ in precedents.changed_since(store, triaged[0].updated_at)} == {c.id for c in triaged}


def test_a_precedent_is_decided_earlier_and_in_scope(store: Store) -> None:
    ours, theirs, case = submit(store, "acme"), submit(store, "globex"), submit(store, "acme")
    ids = [ours.id, theirs.id, case.id, "c_'; drop table cases"]
    assert set(precedents.decided(store, ids, org=None, before=case.created_at)) == {ours.id, theirs.id}
    assert set(precedents.decided(store, ids, org="acme", before=case.created_at)) == {ours.id}
    assert precedents.decided(store, ids, org="acme", before=ours.created_at) == {}
    found = precedents.decided(store, [ours.id], org="acme", before=case.created_at)[ours.id]
    assert (found.route, found.reviewed, found.text) == ("escalate", False, VOICE)
