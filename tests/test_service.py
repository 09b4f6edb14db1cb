"""The use cases refuse with one error class per kind of refusal, whichever caller (API, pages, CLI) asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from triage_support import FakePipeline, open_store

from api.deps import http_status
from triage import service
from triage.records import Intake
from triage.service import AnswerInput
from triage.store.accounts import Principal
from triage.store.cases import Store
from triage.store.errors import Conflict, Forbidden, InvalidInput, NotFound, StoreError, TextTooLong

PLAN = "We will clone the lead actor's voice with an AI tool for the final mix."
ACME = Principal(key_id="k1", role="partner", org="acme")
GLOBEX = Principal(key_id="k9", role="partner", org="globex")
CONTACT = Principal(key_id="k2", role="contact", org="studio")


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with open_store("sqlite", tmp_path) as store:
        yield store


def test_each_refusal_has_one_http_status() -> None:
    assert [http_status(e("x")) for e in (NotFound, Forbidden, Conflict, TextTooLong, InvalidInput, StoreError)] == [
        404,
        403,
        409,
        422,
        422,
        422,
    ]


ANSWER = [AnswerInput("a", question="q")]


def test_answers_and_reviews_are_refused_by_kind(store: Store) -> None:
    case = service.submit(store, FakePipeline(), Intake(text=PLAN), org="acme", actor="k1", actor_role="partner")
    with pytest.raises(NotFound):
        service.answer(store, FakePipeline(), case.id, ANSWER, principal=GLOBEX, max_chars=20_000)
    with pytest.raises(Forbidden):  # a contact sees the case but does not answer for the partner
        service.answer(
            store,
            FakePipeline(),
            case.id,
            ANSWER,
            principal=CONTACT,
            max_chars=20_000,
        )
    with pytest.raises(InvalidInput, match="at least one answer"):
        service.answer(store, FakePipeline(), case.id, [], principal=ACME, max_chars=20_000)
    with pytest.raises(InvalidInput, match="control characters"):
        service.answer(
            store,
            FakePipeline(),
            case.id,
            [AnswerInput("a\x00", question="q")],
            principal=ACME,
            max_chars=20_000,
        )
    with pytest.raises(Forbidden):
        service.review(store, case.id, principal=ACME, decision="approve", route=None, reason="fine")
    with pytest.raises(InvalidInput, match="needs the route"):
        service.review(store, case.id, principal=CONTACT, decision="override", route=None, reason="fine")
    with pytest.raises(Conflict):  # triaged: nothing to re-run
        service.rerun_visible(store, FakePipeline(), case.id, principal=ACME)
    answered = service.answer(
        store, FakePipeline(), case.id, [AnswerInput("yes", question="q")], principal=ACME, max_chars=20_000
    )
    assert answered.status == "triaged"
    assert [e.kind for e in store.history(case.id)] == ["submitted", "triaged", "answers", "triaged"]


def test_an_intake_is_checked_once_for_every_caller() -> None:
    with pytest.raises(InvalidInput, match="the plan text is empty"):
        service.make_intake("  ", None, None, max_chars=100)
    with pytest.raises(InvalidInput, match="the title is empty"):
        service.make_intake(PLAN, None, " ", max_chars=100)
    with pytest.raises(InvalidInput, match="production type"):
        service.make_intake(PLAN, "opera", None, max_chars=100)
    assert service.make_intake(PLAN, "documentary", "Deep Water", max_chars=100).production_type == "documentary"
