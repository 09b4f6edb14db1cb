"""Who gets what, and what it says: routing, per-organisation and per-person settings, the plan opt-in, message
contents, backoff, and a lapsed last attempt marked dead. Store-level, on both backends."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from triage_support import BACKENDS, FakePipeline, open_store

from triage import service
from triage.config import Settings
from triage.notify.message import compose
from triage.notify.worker import backoff
from triage.records import Intake
from triage.store import notifications, outbox
from triage.store.accounts import issue_key
from triage.store.cases import Store

PLAN = "We'll clone the narrator's voice for pickups."


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:
    with open_store(request.param, tmp_path) as store:
        store.email = True  # as with TRIAGE_SMTP_HOST set
        yield store


def submit(store: Store, org: str = "acme", actor: str = "p1") -> str:
    intake = Intake(text=PLAN, production_title="Night Shift")
    return service.submit(store, FakePipeline(), intake, org=org, actor=actor, actor_role="partner").id


def emailed(store: Store, event: str) -> list[str]:
    return sorted(d.target for d in outbox.deliveries(store) if d.channel == "email" and d.event == event)


def test_a_case_goes_to_its_organisations_contacts_else_every_contact(store: Store) -> None:
    dana = issue_key(store, "contact", "studio", name="Dana", email="dana@studio.example")[0]
    issue_key(store, "contact", "studio", name="Sam", email="sam@studio.example")
    issue_key(store, "contact", "studio", name="No Email")
    submit(store, "acme")
    assert emailed(store, "submitted") == ["dana@studio.example", "sam@studio.example"]  # nobody routed: all
    service.set_contact_routes(store, dana.id, ["acme"])
    submit(store, "acme")  # Dana's alone now
    submit(store, "globex")  # nobody is routed to globex: every contact
    assert emailed(store, "submitted") == ["dana@studio.example"] * 3 + ["sam@studio.example"] * 2


def test_settings_choose_events_per_person_over_their_organisation(store: Store) -> None:
    dana = issue_key(store, "contact", "studio", name="Dana", email="dana@studio.example")[0]
    issue_key(store, "contact", "studio", name="Sam", email="sam@studio.example")
    service.set_notify_settings(store, "org", "studio", email_events=["answered"], include_plan=None)
    service.set_notify_settings(store, "person", dana.id, email_events=["submitted"], include_plan=None)
    submit(store)
    assert emailed(store, "submitted") == ["dana@studio.example"]
    with pytest.raises(service.InvalidInput, match="unknown event"):
        service.set_notify_settings(store, "org", "studio", email_events=["everything"], include_plan=None)
    with pytest.raises(service.NotFound):
        service.set_notify_settings(store, "person", "nobody", email_events=None, include_plan=None)


def test_no_email_without_an_smtp_host_and_nothing_at_all_without_targets(store: Store) -> None:
    store.email = False
    issue_key(store, "contact", "studio", name="Dana", email="dana@studio.example")
    submit(store)
    assert outbox.deliveries(store) == []


def test_a_message_carries_the_case_not_the_plan_unless_the_organisation_opts_in(store: Store) -> None:
    issue_key(store, "contact", "studio", name="Dana", email="dana@studio.example")
    submit(store)
    (delivery,) = outbox.deliveries(store)
    message = compose(delivery, "https://triage.example/")
    assert message.subject == "[ESCALATE] New case from acme: Night Shift"
    assert f"https://triage.example/cases/{delivery.case_id}" in message.text
    assert "Triggers: talent_likeness" in message.text and "Approval required: yes" in message.text
    assert "The plan recreates a real person's voice or likeness." in message.text  # the reason
    assert PLAN not in message.text and "plan" not in message.body["data"]
    assert message.body["type"] == "case.submitted" and message.body["data"]["escalated"] is True
    service.set_notify_settings(store, "org", "acme", email_events=None, include_plan=True)
    submit(store)
    newest = outbox.deliveries(store)[0]
    assert PLAN in compose(newest, "https://triage.example").text


def test_backoff_doubles_and_is_capped() -> None:
    settings = Settings(notify_backoff_s=30)
    assert 30 <= backoff(settings, 1) <= 33 and 60 <= backoff(settings, 2) <= 66 and 240 <= backoff(settings, 4) <= 264
    assert backoff(settings, 40) <= 3600 * 1.1


def test_a_message_whose_last_attempt_was_interrupted_is_dead_with_the_reason(store: Store) -> None:
    issue_key(store, "contact", "studio", name="Dana", email="dana@studio.example")
    submit(store)
    for _ in range(2):  # two workers die mid-send: their leases lapse at once (lease 0)
        _, claimed = outbox.claim(store, limit=5, lease_s=0, max_attempts=2)
        assert len(claimed) == 1
    assert outbox.claim(store, limit=5, lease_s=0, max_attempts=2)[1] == []
    (dead,) = outbox.deliveries(store, status="dead")
    assert dead.attempts == 2 and "stopped before it finished" in (dead.last_error or "")


def test_a_stale_worker_cannot_overwrite_a_newer_claim(store: Store) -> None:
    issue_key(store, "contact", "studio", name="Dana", email="dana@studio.example")
    submit(store)
    stale, (first,) = outbox.claim(store, limit=1, lease_s=0, max_attempts=5)
    fresh, (again,) = outbox.claim(store, limit=1, lease_s=60, max_attempts=5)
    assert first.id == again.id and again.attempts == 2
    assert outbox.settle(store, [outbox.Outcome(first.id, stale)]) == 0
    assert outbox.settle(store, [outbox.Outcome(again.id, fresh)]) == 1
    assert outbox.get(store, first.id).status == "delivered"  # type: ignore[union-attr]


def test_webhook_targets_of_people_and_organisations(store: Store) -> None:
    store.email = False
    dana = issue_key(store, "contact", "studio", name="Dana")[0]
    partner = issue_key(store, "partner", "acme", name="Pat")[0]
    mine, _ = notifications.add_webhook(store, "person", dana.id, "https://hooks.example/dana", "slack", ["submitted"])
    acme, _ = notifications.add_webhook(store, "org", "acme", "https://hooks.example/acme", "standard", ["reviewed"])
    case_id = submit(store, "acme", partner.id)
    store.add_review(case_id, decision="approve", route=None, reason="Fine.", actor=dana.id, actor_role="contact")
    sent = {(d.event, d.target) for d in outbox.deliveries(store)}
    assert sent == {("submitted", mine.id), ("reviewed", acme.id)}
    assert notifications.revoke_webhook(store, acme.id) and not notifications.revoke_webhook(store, acme.id)
    assert [h.id for h in notifications.list_webhooks(store) if h.revoked_at is None] == [mine.id]
