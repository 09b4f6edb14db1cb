"""The done-when of notifications, over real loopback servers: a contact is emailed when a partner submits; the
partner is emailed and a signed webhook arrives when the contact decides; failed deliveries are visible to admins
with their errors; bad targets are refused or recorded, and the triage is never affected."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from notify_support import SmtpServer, wait_until
from triage_support import BACKENDS, FakePipeline, auth, postgres_schema_url

from api.main import create_app
from triage.config import Settings
from triage.notify.channels import SendError
from triage.notify.channels.webhook import check_url
from triage.store import outbox
from triage.store.accounts import issue_key
from triage.store.cases import Store

pytestmark = pytest.mark.local_server

PLAN = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."
QUIET_PLAN = "Mood boards in Midjourney for the art department."


@pytest.fixture(params=BACKENDS)
def base_settings(request, tmp_path) -> Iterator[dict[str, Any]]:
    fast = {
        "data_dir": tmp_path,
        "public_url": "https://triage.studio.example",
        "notify_poll_s": 0.05,
        "notify_backoff_s": 0.05,
        "notify_max_attempts": 3,
        "notify_timeout_s": 5,
        "webhook_allow_loopback": True,
    }
    if request.param == "sqlite":
        yield fast
        return
    with postgres_schema_url() as (url, connect_args):
        yield {**fast, "database_url": f"{url}?options={quote(connect_args['options'], safe='')}"}


def start(settings: Settings) -> TestClient:
    app = create_app(settings, pipeline=FakePipeline(), rerun_on_startup=False, rate_limit_per_minute=10_000)
    return TestClient(app)


def store_of(client: TestClient) -> Store:
    app: Any = client.app
    return app.state.triage.store()


def test_contacts_partners_and_webhooks_are_told(base_settings, smtp_server: SmtpServer, webhook_receiver) -> None:
    settings = Settings(**base_settings, smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_security="none")
    with start(settings) as client:
        store = store_of(client)
        admin = issue_key(store, "admin", "studio", name="Ada Admin")[1]
        made = {}
        for role, org, name, email in (
            ("contact", "studio", "Dana Ruiz", "dana@studio.example"),
            ("contact", "studio", "Sam Other", "sam@studio.example"),
            ("partner", "acme", "Pat Lee", "pat@acme.example"),
        ):
            body = {"role": role, "org": org, "name": name, "email": email}
            made[name] = client.post("/v1/keys", json=body, headers=auth(admin)).json()
        dana, pat = made["Dana Ruiz"], made["Pat Lee"]
        # Dana handles acme; Sam is routed elsewhere, so acme's cases reach Dana alone
        assert (
            client.put(f"/v1/notify/routes/{dana['id']}", json={"orgs": ["acme"]}, headers=auth(admin)).status_code
            == 204
        )
        sam = made["Sam Other"]
        assert (
            client.put(f"/v1/notify/routes/{sam['id']}", json={"orgs": ["globex"]}, headers=auth(admin)).status_code
            == 204
        )
        hook = client.post(
            "/v1/notify/webhooks",
            json={"owner_kind": "org", "owner": "acme", "url": webhook_receiver.url, "events": ["reviewed"]},
            headers=auth(admin),
        )
        assert hook.status_code == 201 and hook.json()["secret"].startswith("whsec_")
        webhook_receiver.secret = hook.json()["secret"]

        case = client.post(
            "/v1/cases", json={"text": PLAN, "production_title": "Night Shift"}, headers=auth(pat["key"])
        )
        assert case.status_code == 201
        case_id = case.json()["id"]
        (mail,) = wait_until(lambda: smtp_server.to("dana@studio.example"), what="the contact's email")
        assert mail["Subject"] == "[ESCALATE] New case from acme: Night Shift"
        text = mail.get_payload()
        assert f"https://triage.studio.example/cases/{case_id}" in text
        assert "Approval required: yes" in text and "talent_likeness" in text
        assert "clone the lead actor" not in text  # no plan text: acme did not opt in
        assert smtp_server.to("sam@studio.example") == []

        review = {"decision": "request_changes", "reason": "Get the actor's written consent first."}
        r = client.post(f"/v1/cases/{case_id}/reviews", json=review, headers=auth(dana["key"]))
        assert r.status_code == 200
        (partner_mail,) = wait_until(lambda: smtp_server.to("pat@acme.example"), what="the partner's email")
        assert partner_mail["Subject"] == "Your case Night Shift: changes requested"
        assert "Get the actor's written consent first." in partner_mail.get_payload()
        (received,) = webhook_receiver.wait_for(1)
        assert received.body["type"] == "case.reviewed"
        assert received.body["data"]["case_id"] == case_id and received.body["data"]["decision"] == "request_changes"
        assert received.msg_id == received.body["data"]["id"]

        # the partner answers: the contact who asked is told, nobody else
        answers = {"answers": [{"question": "Consent?", "answer": "Signed consent is on file."}]}
        assert client.post(f"/v1/cases/{case_id}/answers", json=answers, headers=auth(pat["key"])).status_code == 200
        wait_until(lambda: len(smtp_server.to("dana@studio.example")) == 2, what="the answer's email")
        assert smtp_server.to("dana@studio.example")[1]["Subject"] == "acme answered or revised the plan on Night Shift"

        secrets = [k["key"] for k in made.values()] + [admin, webhook_receiver.secret]
        for message in smtp_server.messages:
            assert not any(secret in message.as_string() for secret in secrets)
        wait_until(lambda: outbox.counts(store) == {"delivered": 4}, what="the deliveries to be recorded")
        deliveries = client.get("/v1/notify/deliveries", headers=auth(admin)).json()
        assert [d["status"] for d in deliveries] == ["delivered"] * 4


def test_failed_deliveries_are_retried_then_dead_with_their_error(base_settings, webhook_receiver) -> None:
    webhook_receiver.behaviour = lambda n: (503, 0.0)
    unreachable = Settings(**base_settings, smtp_host="127.0.0.1", smtp_port=1, smtp_security="none")
    with start(unreachable) as client:
        store = store_of(client)
        admin = issue_key(store, "admin", "studio")[1]
        issue_key(store, "contact", "studio", name="Dana Ruiz", email="dana@studio.example")
        partner = issue_key(store, "partner", "acme")[1]
        body = {"owner_kind": "org", "owner": "studio", "url": webhook_receiver.url, "events": ["submitted"]}
        webhook_receiver.secret = client.post("/v1/notify/webhooks", json=body, headers=auth(admin)).json()["secret"]

        started = time.perf_counter()
        case = client.post("/v1/cases", json={"text": PLAN}, headers=auth(partner))
        assert case.status_code == 201 and case.json()["status"] == "triaged"
        assert time.perf_counter() - started < 2

        def dead() -> list[dict]:
            found = client.get("/v1/notify/deliveries?status=dead", headers=auth(admin)).json()
            return found if len(found) == 2 else []

        by_channel = {d["channel"]: d for d in wait_until(dead, what="both deliveries to be dead")}
        assert by_channel["webhook"]["attempts"] == 3
        assert by_channel["webhook"]["last_error"] == "the endpoint answered HTTP 503"
        assert by_channel["email"]["last_error"].startswith("could not send through 127.0.0.1:1")
        assert webhook_receiver.requests == 3


def test_bad_webhook_urls_are_refused_with_a_clear_message(base_settings) -> None:
    settings = Settings(**{**base_settings, "webhook_allow_loopback": False})
    with start(settings) as client:
        admin = issue_key(store_of(client), "admin", "studio")[1]
        for url, message in (
            ("ftp://hooks.example/x", "must start with http:// or https://"),
            ("http://169.254.169.254/latest/meta-data", "cloud metadata address"),
            ("http://[fe80::1]/hook", "link-local address"),
            ("http://metadata.google.internal/", "cloud metadata service"),
            ("http://127.0.0.1:9/hook", "loopback address"),
            ("https://user:pw@hooks.example/x", "may not carry credentials"),
        ):
            body = {"owner_kind": "org", "owner": "studio", "url": url}
            r = client.post("/v1/notify/webhooks", json=body, headers=auth(admin))
            assert r.status_code == 422 and message in r.json()["detail"], (url, r.json())
    with pytest.raises(SendError, match="loopback"):
        check_url("http://localhost:8080/", allow_loopback=False, resolve=True)
    assert check_url("https://hooks.slack.com/services/T/B/X", allow_loopback=False, resolve=False)


def test_an_admin_sends_a_test_to_each_channel(base_settings, smtp_server, webhook_receiver) -> None:
    settings = Settings(**base_settings, smtp_host=smtp_server.host, smtp_port=smtp_server.port, smtp_security="none")
    with start(settings) as client:
        store = store_of(client)
        admin = issue_key(store, "admin", "studio", name="Ada Admin")[1]
        dana = issue_key(store, "contact", "studio", name="Dana Ruiz", email="dana@studio.example")[0]
        body = {"owner_kind": "person", "owner": dana.id, "url": webhook_receiver.url, "format": "slack"}
        hook = client.post("/v1/notify/webhooks", json=body, headers=auth(admin)).json()
        webhook_receiver.secret = hook["secret"]
        r = client.post("/v1/notify/test", json={"webhook_id": hook["id"]}, headers=auth(admin))
        assert r.status_code == 200 and r.json()["status"] == "delivered"
        (received,) = webhook_receiver.verified()
        assert set(received.body) == {"text"} and "Ada Admin" in received.body["text"]  # Slack-shaped
        r = client.post("/v1/notify/test", json={"key_id": dana.id}, headers=auth(admin))
        assert r.status_code == 200 and r.json()["status"] == "delivered"
        assert smtp_server.to("dana@studio.example")[0]["Message-ID"] == f"<{r.json()['id']}@genai-triage>"
        webhook_receiver.behaviour = lambda n: (404, 0.0)
        failed = client.post("/v1/notify/test", json={"webhook_id": hook["id"]}, headers=auth(admin)).json()
        assert failed["status"] == "pending" and failed["last_error"] == "the endpoint answered HTTP 404"
        partner = issue_key(store, "partner", "acme")[1]
        assert client.post("/v1/notify/test", json={"key_id": dana.id}, headers=auth(partner)).status_code == 403


def test_a_slow_endpoint_leaves_triage_latency_unchanged(base_settings, webhook_receiver) -> None:
    """Every submission's message goes to an endpoint that takes 3 s to answer; submissions take no longer."""

    def submit_latencies(client: TestClient, key: str, n: int = 15) -> list[float]:
        out = []
        for _ in range(n):
            started = time.perf_counter()
            assert client.post("/v1/cases", json={"text": QUIET_PLAN}, headers=auth(key)).status_code == 201
            out.append(time.perf_counter() - started)
        return out

    with start(Settings(**base_settings)) as client:
        store = store_of(client)
        admin = issue_key(store, "admin", "studio")[1]
        issue_key(store, "contact", "studio")
        partner = issue_key(store, "partner", "acme")[1]
        without = submit_latencies(client, partner)
        webhook_receiver.behaviour = lambda n: (204, 3.0)
        body = {"owner_kind": "org", "owner": "studio", "url": webhook_receiver.url}
        webhook_receiver.secret = client.post("/v1/notify/webhooks", json=body, headers=auth(admin)).json()["secret"]
        slow = submit_latencies(client, partner)
        pending = [d for d in outbox.deliveries(store) if d.status == "pending"]
        assert pending, "the endpoint should still be working through the messages"
    base, with_slow = statistics.median(without), statistics.median(slow)
    print(f"submit p50 without a webhook {base * 1000:.1f} ms, with a 3 s endpoint {with_slow * 1000:.1f} ms")
    assert with_slow < max(2 * base, base + 0.05)
