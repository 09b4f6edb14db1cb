"""GET /v1/cases/{id}/precedents and the case page's precedents panel: the case's own access rules (a partner sees
its organisation's cases only, another organisation's case is 404), earlier decided cases only, everything escaped,
and a missing index is a page that says so, never an error."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_pages import csrf_of, sign_in, submit
from triage_support import auth

from api.main import create_app
from triage.precedents.index import NOT_BUILT
from triage.precedents.sync import Sync

VOICE = (
    "For the final mix we will clone the lead actor's voice with ElevenLabs to fix ADR lines; he has not agreed yet."
)
VOICE_AGAIN = (
    "We want to clone our lead actor's voice in ElevenLabs for ADR pickups in the final mix; no consent so far."
)


@pytest.fixture
def app(settings, pipeline):
    """The app without its own sweep: each test brings the index up to date when it chooses (`indexed`)."""
    quiet = settings.model_copy(update={"precedents_worker": False})
    return create_app(quiet, pipeline=pipeline, rerun_on_startup=False, rate_limit_per_minute=10_000)


def indexed(app) -> None:
    state = app.state.triage
    Sync(state.store(), state.precedent_index()).poll()


def create(client: TestClient, key: str, text: str, title: str | None = None) -> str:
    r = client.post("/v1/cases", json={"text": text, "production_title": title}, headers=auth(key))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def precedents(client: TestClient, key: str, case_id: str) -> dict:
    r = client.get(f"/v1/cases/{case_id}/precedents", headers=auth(key))
    assert r.status_code == 200, r.text
    return r.json()


def test_precedents_follow_the_cases_access_rules(client, keys, app) -> None:
    ours = create(client, keys.acme, VOICE, "Ours")
    theirs = create(client, keys.globex, VOICE, "Theirs")
    case = create(client, keys.acme2, VOICE_AGAIN)
    later = create(client, keys.acme, VOICE)
    indexed(app)

    body = precedents(client, keys.acme, case)
    assert body["case_id"] == case and body["available"] is True and body["reason"] is None
    assert [p["id"] for p in body["data"]] == [ours]  # not globex's, not the later case, not itself
    first = body["data"][0]
    assert first["route"] == "escalate" and first["basis"] == "triaged" and first["review"] is None
    assert first["production_title"] == "Ours" and first["excerpt"] == VOICE and 0 < first["similarity"] <= 1
    assert {p["id"] for p in precedents(client, keys.contact, case)["data"]} == {ours, theirs}
    assert later not in {p["id"] for p in precedents(client, keys.contact, case)["data"]}

    assert client.get(f"/v1/cases/{case}/precedents", headers=auth(keys.globex)).status_code == 404
    assert client.get("/v1/cases/c_0123456789abcdef/precedents", headers=auth(keys.contact)).status_code == 404
    assert client.get(f"/v1/cases/{case}/precedents", headers=auth(keys.admin)).status_code == 403
    assert client.get(f"/v1/cases/{case}/precedents").status_code == 401


def test_a_review_is_the_precedents_final_decision(client, keys, app) -> None:
    earlier = create(client, keys.acme, VOICE)
    review = {"decision": "override", "route": "notify", "reason": "Consent <script>alert(1)</script> arrived."}
    assert client.post(f"/v1/cases/{earlier}/reviews", json=review, headers=auth(keys.contact)).status_code == 200
    case = create(client, keys.acme, VOICE_AGAIN)
    indexed(app)
    (only,) = precedents(client, keys.acme, case)["data"]
    assert (only["basis"], only["review"], only["route"]) == ("reviewed", "override", "notify")
    assert only["review_reason"] == review["reason"] and only["reviewed_at"]


def test_a_missing_index_is_a_200_that_says_why(client, keys) -> None:
    case = create(client, keys.acme, VOICE)
    body = precedents(client, keys.acme, case)
    assert body == {"case_id": case, "available": False, "reason": NOT_BUILT, "data": []}


def test_the_case_page_shows_precedents_escaped_with_links(app, keys) -> None:
    partner = sign_in(app, keys.acme)
    earlier = submit(partner, text=VOICE, production_title="<i>Pilot</i>")
    contact = sign_in(app, keys.contact)
    page = contact.get(earlier).text
    assert 'id="precedents-unavailable"' in page and "not been built yet" in page  # before the first sweep
    token = csrf_of(page)
    reason = "Needs the actor's <b>signed</b> consent."
    r = contact.post(earlier + "/review", data={"csrf_token": token, "decision": "request_changes", "reason": reason})
    assert r.status_code == 303
    case = submit(partner, text=VOICE_AGAIN)
    indexed(app)

    page = contact.get(case).text
    panel = page.split('id="precedents"', 1)[1].split("</section>", 1)[0]
    assert f'<a href="{earlier}">&lt;i&gt;Pilot&lt;/i&gt;</a>' in panel
    assert 'data-basis="reviewed"' in panel and "Reviewed: request changes" in panel
    assert "Reason: Needs the actor&#39;s &lt;b&gt;signed&lt;/b&gt; consent." in panel
    assert "<b>" not in panel and "<i>" not in panel
    assert "Escalate" in panel and "acme" in panel  # a contact sees whose case it was
    mine = partner.get(case).text.split('id="precedents"', 1)[1].split("</section>", 1)[0]
    assert f'href="{earlier}"' in mine and "acme ·" not in mine  # a partner: its own organisation's, unnamed
