"""The approval record of one case, as JSON and as a printable page: everything decided, with who and when, and
the audit record that vouches for it; partners see what they may see of it."""

from __future__ import annotations

from test_pages import sign_in
from triage_support import auth

from triage.store import audit
from triage.store.accounts import parse_key

PLAN = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."


def _decided_case(client, keys) -> str:
    case = client.post("/v1/cases", json={"text": PLAN, "production_title": "Harbour"}, headers=auth(keys.acme))
    url = f"/v1/cases/{case.json()['id']}"
    client.put(f"{url}/assignee", json={"assignee": "me"}, headers=auth(keys.contact))
    client.post(f"{url}/comments", json={"body": "Legal first.", "visibility": "internal"}, headers=auth(keys.contact))
    client.post(f"{url}/comments", json={"body": "Is consent signed?"}, headers=auth(keys.contact))
    client.post(f"{url}/reviews", headers=auth(keys.contact),
                json={"decision": "request_changes", "reason": "We need his written consent."})  # fmt: skip
    client.post(f"{url}/revisions", json={"text": PLAN + " His signed consent is attached."}, headers=auth(keys.acme))
    decided = client.post(f"{url}/reviews", headers=auth(keys.contact), json={
        "decision": "approve_with_conditions", "reason": "Consent is on file.", "conditions": "Credit the actor.",
    })  # fmt: skip
    assert decided.status_code == 200, decided.text
    return case.json()["id"]


def test_the_record_holds_what_was_decided_with_who_when_and_its_audit_record(client, app, keys) -> None:
    case_id = _decided_case(client, keys)
    record = client.get(f"/v1/cases/{case_id}/record", headers=auth(keys.contact))
    assert record.status_code == 200
    body = record.json()
    assert [s["stage"] for s in body["stages"]] == ["in_review", "awaiting_partner", "in_review",
                                                    "approved_with_conditions"]  # fmt: skip
    assert [s["via"] for s in body["stages"]] == ["assignment", "review", "revision", "review"]
    assert all(s["by_name"] and s["at"] for s in body["stages"])
    case = body["case"]
    assert case["conditions"] == "Credit the actor." and len(case["versions"]) == 2
    assert {c["body"] for c in case["comments"]} == {"Legal first.", "Is consent signed?"}
    assert case["result"]["findings"] and all(f["citations"] for f in case["result"]["findings"] if f["trigger"])
    assert body["policy_version"] == case["result"]["policy_version"]
    with app.state.triage.store().engine.connect() as conn:
        latest = audit.records(conn, case_id=case_id)[-1]
    assert body["audit"] == {"seq": latest.seq, "hash": latest.hash, "at": latest.at}


def test_a_partner_reads_its_own_record_without_internal_notes_or_key_ids(client, keys) -> None:
    case_id = _decided_case(client, keys)
    body = client.get(f"/v1/cases/{case_id}/record", headers=auth(keys.acme)).json()
    assert [c["body"] for c in body["case"]["comments"]] == ["Is consent signed?"]
    assert parse_key(keys.contact) not in str(body)
    assert client.get(f"/v1/cases/{case_id}/record", headers=auth(keys.globex)).status_code == 404


def test_the_record_page_prints_the_same_record(client, app, keys) -> None:
    case_id = _decided_case(client, keys)
    contact = sign_in(app, keys.contact)
    page = contact.get(f"/cases/{case_id}/record")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    html = page.text
    for text in ("Approval record", "approved with conditions", "Credit the actor.", "Consent is on file.",
                 "Legal first.", "His signed consent is attached.", "awaiting partner"):  # fmt: skip
        assert text in html, text
    assert f'href="/cases/{case_id}/record"' in contact.get(f"/cases/{case_id}").text
    assert sign_in(app, keys.globex).get(f"/cases/{case_id}/record").status_code == 404
