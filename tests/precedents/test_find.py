"""A case's precedents: earlier decided cases only, never itself, a partner's own organisation's only, reviewed
ones first, each read back from the store before it is shown."""

from __future__ import annotations

import pytest
from precedent_support import ACME, CONTACT, GLOBEX, MOOD, VOICE, VOICE_AGAIN, World
from triage_support import FakePipeline

from triage import service
from triage.store.errors import NotFound
from triage.store.precedents import Document


def test_only_earlier_decided_cases_are_precedents_never_the_case_itself(world: World) -> None:
    first = world.submit(VOICE)
    second = world.submit(VOICE_AGAIN)
    third = world.submit(MOOD)
    assert world.sync.poll() == 3
    assert world.ids(first) == []  # nothing came before it; later cases are not its precedents
    assert world.ids(second) == [first.id]
    assert set(world.ids(third)) == {first.id, second.id}
    found = service.precedents(world.store, world.index, second.id, principal=CONTACT)
    assert found.unavailable is None and found.items[0].basis == "triaged"
    assert found.items[0].case.route == "escalate" and 0.5 < found.items[0].similarity <= 1.0


def test_a_partner_sees_its_own_organisations_precedents_only(world: World) -> None:
    theirs = world.submit(VOICE, GLOBEX)
    ours = world.submit(VOICE, ACME)
    case = world.submit(VOICE_AGAIN, ACME)
    world.sync.poll()
    assert world.ids(case, ACME) == [ours.id]
    assert set(world.ids(case, CONTACT)) == {ours.id, theirs.id}  # contacts see every organisation's
    with pytest.raises(NotFound):  # another organisation's case: as if it did not exist
        service.precedents(world.store, world.index, case.id, principal=GLOBEX)


def test_the_organisation_is_filtered_in_the_query_and_checked_again_in_the_store(world: World) -> None:
    theirs = world.submit(VOICE, GLOBEX)
    case = world.submit(VOICE_AGAIN, ACME)
    world.sync.poll()
    vector = world.index.vector(case.id, case.version)
    assert vector is not None
    assert [n.case_id for n in world.index.nearest(vector, before=case.created_at, org="acme", n=10)] == []
    # an entry whose metadata lies about its organisation is proposed by the index, and refused by the store
    world.index.add([Document(theirs.id, "acme", theirs.created_at, theirs.version, "escalate", theirs.text)])
    assert [n.case_id for n in world.index.nearest(vector, before=case.created_at, org="acme", n=10)] == [theirs.id]
    assert world.ids(case, ACME) == []


def test_reviewed_precedents_come_first_and_say_so_until_the_plan_changes(world: World) -> None:
    reviewed = world.submit(VOICE)
    nearer = world.submit(VOICE_AGAIN)
    case = world.submit(VOICE_AGAIN + " Recording starts next week.")
    service.review(world.store, reviewed.id, principal=CONTACT, decision="override", route="notify", reason="Fine <b>")
    world.sync.poll()
    found = service.precedents(world.store, world.index, case.id, principal=CONTACT).items
    assert [p.case.id for p in found] == [reviewed.id, nearer.id]
    assert [p.basis for p in found] == ["reviewed", "triaged"]
    assert found[0].case.review == "override" and found[0].case.review_reason == "Fine <b>"
    assert found[0].case.route == "notify"  # the final route: the contact's override
    assert world.index.indexed()[reviewed.id].route == "notify"  # a review re-tags the entry, no new embedding
    assert found[0].similarity < found[1].similarity

    # the partner revises the reviewed plan: its review is stale, so it is a triaged precedent, of the new text
    service.revise(
        world.store, FakePipeline(), reviewed.id, VOICE + " Still no consent.", principal=ACME, max_chars=20_000
    )
    assert world.ids(case) == [nearer.id]  # indexed from its earlier version: not shown until embedded again
    world.sync.poll()
    again = service.precedents(world.store, world.index, case.id, principal=CONTACT).items
    assert {p.case.id: p.basis for p in again} == {nearer.id: "triaged", reviewed.id: "triaged"}
    assert world.index.indexed()[reviewed.id].version == 2


def test_a_case_not_yet_indexed_is_compared_by_its_plan(world: World) -> None:
    earlier = world.submit(VOICE)
    world.sync.poll()
    case = world.submit(VOICE_AGAIN)  # not indexed yet: its plan is embedded for the lookup
    assert world.index.vector(case.id, case.version) is None
    assert world.ids(case) == [earlier.id]
