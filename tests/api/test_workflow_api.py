"""The workflow over the API and the pages: moves and their 409s, assignment, comments, and what partners see."""

from __future__ import annotations

from test_pages import csrf_of, sign_in
from triage_support import auth

from triage.store import integrity
from triage.store.accounts import issue_key, parse_key

PLAN = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."


def _case(client, key: str) -> dict:
    r = client.post("/v1/cases", json={"text": PLAN}, headers=auth(key))
    assert r.status_code == 201
    return r.json()


def _verified(app) -> None:
    with app.state.triage.store().engine.connect() as conn:
        report = integrity.verify(conn)
    assert report.ok, report.message


def test_moves_assignment_and_what_the_detail_says(client, app, keys) -> None:
    case = _case(client, keys.acme)
    assert case["stage"] == "new" and case["due_at"] and case["overdue"] is False
    url = f"/v1/cases/{case['id']}"
    seen = client.get(url, headers=auth(keys.contact)).json()
    assert {a["action"] for a in seen["actions"]} >= {"start_review", "approve", "approve_with_conditions"}
    assert client.get(url, headers=auth(keys.acme)).json()["actions"] == []

    taken = client.put(f"{url}/assignee", json={"assignee": "me"}, headers=auth(keys.contact))
    assert taken.status_code == 200 and taken.json()["stage"] == "in_review"
    assert taken.json()["assigned_to"] == parse_key(keys.contact)
    partner_view = client.get(url, headers=auth(keys.acme)).json()
    assert partner_view["assigned_to"] is None and partner_view["assigned_to_name"] == "studio contact"
    assert parse_key(keys.contact) not in str(partner_view)  # no contact key id anywhere a partner reads
    for bad in (parse_key(keys.acme), "nobody"):
        assert client.put(f"{url}/assignee", json={"assignee": bad}, headers=auth(keys.contact)).status_code == 422
    assert client.put(f"{url}/assignee", json={"assignee": None}, headers=auth(keys.acme)).status_code == 403

    bad_conditions = {"decision": "approve_with_conditions", "reason": "ok"}
    assert client.post(f"{url}/reviews", json=bad_conditions, headers=auth(keys.contact)).status_code == 422
    decided = client.post(f"{url}/reviews", headers=auth(keys.contact),
                          json={**bad_conditions, "conditions": "Credit the voice actor."})  # fmt: skip
    assert decided.status_code == 200 and decided.json()["stage"] == "approved_with_conditions"
    assert decided.json()["due_at"] is None
    assert client.get(url, headers=auth(keys.acme)).json()["conditions"] == "Credit the voice actor."

    override = {"decision": "override", "route": "notify", "reason": "late"}
    refused = client.post(f"{url}/reviews", json=override, headers=auth(keys.contact))
    assert refused.status_code == 409 and "approved with conditions" in refused.json()["detail"]
    closed = client.post(f"{url}/transitions", json={"action": "close"}, headers=auth(keys.contact))
    assert closed.status_code == 200 and closed.json()["stage"] == "closed"
    revise = client.post(f"{url}/revisions", json={"text": PLAN + " Temp."}, headers=auth(keys.acme))
    assert revise.status_code == 409 and "closed" in revise.json()["detail"]
    assert client.post(f"{url}/transitions", json={"action": "reopen"}, headers=auth(keys.contact)).status_code == 422
    reopened = client.post(f"{url}/transitions", json={"action": "reopen", "reason": "New footage."},
                           headers=auth(keys.contact))  # fmt: skip
    assert reopened.json()["stage"] == "in_review" and reopened.json()["due_at"]
    assert client.post(f"{url}/transitions", json={"action": "close"}, headers=auth(keys.acme)).status_code == 403
    _verified(app)


def test_comments_over_the_api(client, app, keys) -> None:
    case = _case(client, keys.acme)
    url = f"/v1/cases/{case['id']}/comments"
    note = client.post(url, json={"body": "Legal first.", "visibility": "internal"}, headers=auth(keys.contact))
    assert note.status_code == 201 and note.json()["visibility"] == "internal"
    shared = client.post(url, json={"body": "Consent on file?"}, headers=auth(keys.contact))
    assert shared.status_code == 201
    assert client.post(url, json={"body": "psst", "visibility": "internal"}, headers=auth(keys.acme)).status_code == 403
    assert client.post(url, json={"body": "hi"}, headers=auth(keys.globex)).status_code == 404
    for body in ("", " ", "x" * 4001, "a\x00b"):
        assert client.post(url, json={"body": body}, headers=auth(keys.acme)).status_code == 422, body
    assert client.post(url, json={"body": "Tomorrow."}, headers=auth(keys.acme2)).status_code == 201
    partner = client.get(url, headers=auth(keys.acme)).json()
    assert [c["body"] for c in partner] == ["Consent on file?", "Tomorrow."]
    assert partner[0]["by"] == "studio contact" and partner[1]["by"] == "acme partner"  # a name, never a key id
    assert len(client.get(url, headers=auth(keys.contact)).json()) == 3
    detail = client.get(f"/v1/cases/{case['id']}", headers=auth(keys.acme)).json()
    assert len(detail["comments"]) == 2
    assert [e["data"]["visibility"] for e in detail["history"] if e["kind"] == "comment"] == ["shared", "shared"]
    _verified(app)


def test_the_page_form_refuses_a_route_with_an_approval_like_the_api(client, app, keys) -> None:
    case = _case(client, keys.acme)
    contact = sign_in(app, keys.contact)
    page = contact.get(f"/cases/{case['id']}").text
    form = {"csrf_token": csrf_of(page), "decision": "approve", "route": "notify", "reason": "fine"}
    r = contact.post(f"/cases/{case['id']}/review", data=form)
    assert r.status_code == 422 and "only with an override" in r.text
    assert client.get(f"/v1/cases/{case['id']}", headers=auth(keys.contact)).json()["review"] is None
    api = client.post(f"/v1/cases/{case['id']}/reviews", json={k: form[k] for k in ("decision", "route", "reason")},
                      headers=auth(keys.contact))  # fmt: skip
    assert api.status_code == 422


def test_a_contact_cannot_review_their_own_case(client, app, keys) -> None:
    own = _case(client, keys.contact)
    r = client.post(f"/v1/cases/{own['id']}/reviews", json={"decision": "approve", "reason": "mine"},
                    headers=auth(keys.contact))  # fmt: skip
    assert r.status_code == 403
    assert client.get(f"/v1/cases/{own['id']}", headers=auth(keys.contact)).json()["actions"] == []
    _, other = issue_key(app.state.triage.store(), "contact", "studio", name="Sam Cho")
    ok = client.post(f"/v1/cases/{own['id']}/reviews", json={"decision": "approve", "reason": "fine"},
                     headers=auth(other))  # fmt: skip
    assert ok.status_code == 200 and ok.json()["stage"] == "approved"
