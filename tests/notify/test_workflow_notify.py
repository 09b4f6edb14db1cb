"""Comments and due-date reminders reach people through the outbox, over a real loopback SMTP server and webhook
receiver: the other side of a comment is told, an internal note never reaches a partner, and a reminder goes once
per due date to the assignee (else the routed contacts)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from notify_support import SmtpServer, wait_until
from triage_support import BACKENDS, FakePipeline, auth, postgres_schema_url

from api.main import create_app
from triage import casework
from triage.config import Settings
from triage.store import notifications, outbox
from triage.store.accounts import issue_key
from triage.workflow import parse_iso

pytestmark = pytest.mark.local_server

PLAN = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."


@pytest.fixture(params=BACKENDS)
def settings(request, tmp_path, smtp_server: SmtpServer) -> Iterator[Settings]:
    fast: dict[str, Any] = {
        "data_dir": tmp_path,
        "notify_poll_s": 0.05,
        "webhook_allow_loopback": True,
        "smtp_host": smtp_server.host,
        "smtp_port": smtp_server.port,
        "smtp_security": "none",
    }
    if request.param == "sqlite":
        yield Settings(**fast)
        return
    with postgres_schema_url() as (url, connect_args):
        yield Settings(**fast, database_url=f"{url}?options={quote(connect_args['options'], safe='')}")


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, pipeline=FakePipeline(), rerun_on_startup=False, rate_limit_per_minute=10_000)
    with TestClient(app) as client:  # its lifespan runs the delivery worker
        yield client


def _people(client: TestClient) -> dict[str, tuple[str, str]]:
    store = client.app.state.triage.store()  # type: ignore[attr-defined]
    made = {}
    for role, org, name, email in (
        ("contact", "studio", "Dana Ruiz", "dana@studio.example"),
        ("contact", "studio", "Sam Cho", "sam@studio.example"),
        ("partner", "acme", "Pat Lee", "pat@acme.example"),
    ):
        info, key = issue_key(store, role, org, name=name, email=email)
        made[name] = (info.id, key)
    return made


def test_comments_tell_the_other_side(client: TestClient, smtp_server: SmtpServer, webhook_receiver) -> None:
    people = _people(client)
    store = client.app.state.triage.store()  # type: ignore[attr-defined]
    hook, secret = notifications.add_webhook(store, "org", "acme", webhook_receiver.url, "standard", ["commented"])
    webhook_receiver.secret = secret
    (_, dana), (_, sam), (_, pat) = people["Dana Ruiz"], people["Sam Cho"], people["Pat Lee"]
    case = client.post("/v1/cases", json={"text": PLAN, "production_title": "Night Shift"}, headers=auth(pat)).json()
    wait_until(lambda: len(smtp_server.to("dana@studio.example")) == 1, what="the submission's email")
    url = f"/v1/cases/{case['id']}"
    assert client.put(f"{url}/assignee", json={"assignee": "me"}, headers=auth(dana)).status_code == 200

    internal = {"body": "Legal wants the consent form first.", "visibility": "internal"}
    assert client.post(f"{url}/comments", json=internal, headers=auth(sam)).status_code == 201
    note = wait_until(lambda: smtp_server.to("dana@studio.example")[1:], what="the assignee's note")
    assert note[0]["Subject"] == "New comment on Night Shift" and "Legal wants" in note[0].get_payload()

    shared = {"body": "Is the actor's consent on file?"}
    assert client.post(f"{url}/comments", json=shared, headers=auth(dana)).status_code == 201
    (mail,) = wait_until(lambda: smtp_server.to("pat@acme.example"), what="the partner's email")
    assert "Comment: Is the actor's consent on file?" in mail.get_payload()
    (received,) = webhook_receiver.wait_for(1)
    assert received.body["type"] == "case.commented" and "consent on file" in received.body["data"]["reason"]

    assert client.post(f"{url}/comments", json={"body": "Sending it today."}, headers=auth(pat)).status_code == 201
    wait_until(lambda: len(smtp_server.to("dana@studio.example")) == 3, what="the partner's reply to the assignee")
    time.sleep(0.5)  # let anything else queued arrive
    partner_mail = [m.get_payload() for m in smtp_server.to("pat@acme.example")]
    assert len(partner_mail) == 1 and not any("Legal wants" in text for text in partner_mail)
    assert not any("Legal wants" in str(r.body) for r in webhook_receiver.verified())
    assert smtp_server.to("sam@studio.example")[1:] == []  # Sam's own note is not sent back to Sam
    assert hook.events == ["commented"]


def test_a_reminder_goes_once_per_due_date(client: TestClient, settings: Settings, smtp_server: SmtpServer) -> None:
    people = _people(client)
    store = client.app.state.triage.store()  # type: ignore[attr-defined]
    (_, sam), (_, pat) = people["Sam Cho"], people["Pat Lee"]
    assigned = client.post("/v1/cases", json={"text": PLAN, "production_title": "Night Shift"}, headers=auth(pat))
    unassigned = client.post("/v1/cases", json={"text": PLAN, "production_title": "Day Shift"}, headers=auth(pat))
    assigned_id, unassigned_id = assigned.json()["id"], unassigned.json()["id"]
    client.put(f"/v1/cases/{assigned_id}/assignee", json={"assignee": "me"}, headers=auth(sam))
    due = parse_iso(store.get_case(assigned_id).due_at)
    assert casework.send_reminders(store, settings, now=due - timedelta(hours=30)) == []  # not yet
    reminded = casework.send_reminders(store, settings, now=due - timedelta(hours=1))
    assert set(reminded) == {assigned_id, unassigned_id}
    assert casework.send_reminders(store, settings, now=due + timedelta(hours=1)) == []  # once per due date

    night = wait_until(
        lambda: [m for m in smtp_server.to("sam@studio.example") if "Night Shift" in m["Subject"] and "Due" in
                 m["Subject"]], what="the assignee's reminder")  # fmt: skip
    assert len(night) == 1 and "A reply is due by" in night[0].get_payload()
    day = wait_until(lambda: [m for m in smtp_server.messages if m["Subject"].startswith("Due") and
                              "Day Shift" in m["Subject"]], what="the routed contacts' reminders")  # fmt: skip
    assert {m["To"].split("<")[-1].rstrip(">") for m in day} <= {"dana@studio.example", "sam@studio.example"}
    reminders = [d for d in outbox.deliveries(store) if d.event == "reminder"]
    assert {d.case_id for d in reminders} == {assigned_id, unassigned_id}
    assert not [m for m in smtp_server.to("pat@acme.example") if m["Subject"].startswith("Due")]
