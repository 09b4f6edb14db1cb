"""Structured answers and revisions over the JSON API, on the real pipeline (lexical extractor, no citations).

An answer to a question record is read with the use it concerns: it settles that use's facts either way, what it
raises it raises for that use, and no other use's findings move. A revision is a new version; reviews are never
erased, only marked stale. Bad input is refused whole (4xx) with nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from triage_support import auth

from triage.pipeline import Pipeline
from triage.store.audit import records

EMAIL = """Hi Dana,

Here is how we plan to use AI on the series:
1. Midjourney for mood boards in the pitch deck.
2. ChatGPT to draft the shooting schedule.
3. Runway to generate the shop signs in the market scene.
4. Adobe Firefly to make the digital extras for the closing credits.
5. ElevenLabs to create a temp voice for the animatic.
6. Descript to clean up the interview audio.

Thanks, Sam"""
SIGNS = 2  # "Runway to generate the shop signs", the third use (the lead-in line "Here is how…:" is no use)


@pytest.fixture(scope="module")
def real_pipeline() -> Pipeline:
    return Pipeline(cite=False)


@pytest.fixture
def pipeline(real_pipeline: Pipeline) -> Pipeline:
    return real_pipeline


def by_use(result: dict[str, Any]) -> dict[int | None, set[str]]:
    out: dict[int | None, set[str]] = {}
    for f in result["findings"]:
        out.setdefault(f["use"], set()).add(f["rule"])
    return out


def question(result: dict[str, Any], use: int, fact: str) -> dict[str, Any]:
    return next(q for q in result["question_records"] if q["use"] == use and fact in q["facts"])


def submit(client, key: str, text: str = EMAIL) -> dict[str, Any]:
    r = client.post("/v1/cases", json={"text": text}, headers=auth(key))
    assert r.status_code == 201, r.text
    return r.json()


def answer(client, key: str, case_id: str, body: Any):
    return client.post(f"/v1/cases/{case_id}/answers", json=body, headers=auth(key))


def test_an_answer_about_one_use_changes_only_that_use(client, keys) -> None:
    case = submit(client, keys.acme)
    before = case["result"]
    assert len(before["uses"]) == 6 and all(
        {"id", "use", "facts", "rule", "text"} <= set(q) for q in before["question_records"]
    )
    assert before["questions"] == list(dict.fromkeys(q["text"] for q in before["question_records"]))
    asked = question(before, SIGNS, "final_output")
    r = answer(
        client,
        keys.acme,
        case["id"],
        [{"question_id": asked["id"], "text": "No, the signs are temp only and never reach the final cut."}],
    )
    assert r.status_code == 200, r.text
    after = r.json()["result"]
    changed = {u for u in range(7) if by_use(before).get(u) != by_use(after).get(u)}
    assert changed == {SIGNS}
    assert asked["id"] not in {q["id"] for q in after["question_records"]}  # settled: not asked again
    others = {q["id"] for q in before["question_records"] if q["use"] != SIGNS}
    assert others <= {q["id"] for q in after["question_records"]}  # ids are stable across the re-triage
    assert after["answered"] == [
        {"question_id": asked["id"], "use": SIGNS, "settled": {"final_output": "no"}, "open": []}
    ]
    detail = r.json()
    assert detail["text"] == EMAIL and detail["answers"][0]["question_id"] == asked["id"]
    assert [h["kind"] for h in detail["history"]][-2:] == ["answers", "triaged"]
    # asking it again is a clear conflict: it is settled
    again = answer(client, keys.acme, case["id"], [{"question_id": asked["id"], "text": "Still no."}])
    assert again.status_code == 409


def test_an_answer_settles_either_way_and_what_it_raises_stays_with_its_use(client, keys) -> None:
    case = submit(client, keys.acme)
    result = case["result"]
    schedule = question(result, 2, "data_handling")  # ChatGPT drafting the shooting schedule
    signs = question(result, SIGNS, "final_output")
    r = answer(client, keys.acme, case["id"], [
        {"question_id": schedule["id"], "text": "We use ChatGPT Enterprise under the studio's enterprise agreement."},
        {"question_id": signs["id"], "text": "Yes, the signs show the Coca-Cola logo and stay in the final cut."},
    ])  # fmt: skip
    assert r.status_code == 200, r.text
    after = r.json()["result"]
    assert after["uses"][2]["data_handling"]["value"] == "enterprise"
    assert "data.terms_unstated" not in by_use(after).get(2, set())
    assert after["uses"][SIGNS]["final_output"]["value"] == "yes"
    assert {"output.final_deliverable", "ip.third_party"} <= by_use(after)[SIGNS]
    others = [u for u in range(6) if u != SIGNS]
    assert all("ip.third_party" not in by_use(after).get(u, set()) for u in others)
    settled = {a["question_id"]: a["settled"] for a in after["answered"]}
    assert settled == {schedule["id"]: {"data_handling": "enterprise"}, signs["id"]: {"final_output": "yes"}}


def test_documented_consent_is_obtained_yet_still_needs_approval(client, keys) -> None:
    case = submit(client, keys.acme, "We will use ElevenLabs to clone the lead actor's voice for ADR in the final mix.")
    asked = question(case["result"], 0, "consent")
    r = answer(
        client, keys.acme, case["id"], [{"question_id": asked["id"], "text": "He has signed a consent for this use."}]
    )
    after = r.json()["result"]
    assert after["uses"][0]["consent"]["value"] == "obtained"
    assert after["approval_required"] is True  # consent is necessary, never sufficient


@pytest.mark.parametrize(
    "disclosure",
    [
        "Every generated photo carries an on-screen caption saying it was generated.",
        "Cada foto generada lleva un rótulo en pantalla que dice que fue generada con IA.",
    ],
)
def test_a_disclosure_answer_settles_misleading_and_is_not_asked_again(client, keys, disclosure) -> None:
    plan = "For our documentary we will use Midjourney to generate photos of the 1920s harbour for the final cut."
    case = submit(client, keys.acme, plan)
    asked = question(case["result"], 0, "misleading")
    r = answer(client, keys.acme, case["id"], [{"question_id": asked["id"], "text": disclosure}])
    after = r.json()["result"]
    assert "ethics.documentary_generated_media" not in by_use(after)[0]
    assert after["answered"][0]["settled"] == {"misleading": "no"}
    assert asked["id"] not in {q["id"] for q in after["question_records"]}
    assert "output.final_deliverable" in by_use(after)[0]  # what the answer does not speak to stands


def test_the_deprecated_shape_still_works(client, keys) -> None:
    case = submit(client, keys.acme)
    r = answer(client, keys.acme, case["id"], {"answers": [{"question": "Anything else?", "answer": "Nothing else."}]})
    assert r.status_code == 200 and r.json()["answers"][0]["question_id"] is None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ([{"question_id": "q_000000000000", "text": "an answer"}], 422),  # unknown id
        ([{"question_id": "{id}", "text": "   "}], 422),  # empty answer
        ([{"question_id": "{id}", "text": ""}], 422),
        ([{"question_id": "{id}", "text": "one"}, {"question_id": "{id}", "text": "two"}], 422),  # twice
        ([{"question_id": "{id}", "text": "x\x00y"}], 422),
        ([], 422),
        ([{"question_id": "{id}"}], 422),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(client, keys, app, body, status) -> None:
    case = submit(client, keys.acme)
    qid = case["result"]["question_records"][0]["id"]
    for item in body:
        if item.get("question_id") == "{id}":
            item["question_id"] = qid
    r = answer(client, keys.acme, case["id"], body)
    assert r.status_code == status, r.text
    after = client.get(f"/v1/cases/{case['id']}", headers=auth(keys.acme)).json()
    assert after["answers"] == [] and after["history"] == case["history"] and after["text"] == EMAIL


def test_another_organisation_cannot_answer_or_revise(client, keys) -> None:
    case = submit(client, keys.acme)
    qid = case["result"]["question_records"][0]["id"]
    assert answer(client, keys.globex, case["id"], [{"question_id": qid, "text": "no"}]).status_code == 404
    r = client.post(f"/v1/cases/{case['id']}/revisions", json={"text": "Other."}, headers=auth(keys.globex))
    assert r.status_code == 404
    assert client.get(f"/v1/cases/{case['id']}", headers=auth(keys.acme)).json()["history"] == case["history"]


def test_a_partner_answer_never_erases_a_review(client, keys, app) -> None:
    case = submit(client, keys.acme, "Midjourney for mood boards in the pitch deck.")
    assert case["route"] == "notify"
    escalate = {"decision": "override", "route": "escalate", "reason": "We want to see the boards."}
    r = client.post(f"/v1/cases/{case['id']}/reviews", headers=auth(keys.contact), json=escalate)
    assert r.json()["route"] == "escalate"
    qid = r.json()["result"]["question_records"][0]["id"]
    after = answer(client, keys.acme, case["id"], [{"question_id": qid, "text": "ok"}]).json()
    assert after["review"] == "override" and after["review_detail"]["stale"] is True
    assert after["review_detail"]["by"] and after["route"] == "escalate"  # the escalation holds
    queue = client.get("/v1/cases", params={"review": "none"}, headers=auth(keys.contact)).json()
    assert case["id"] in [c["id"] for c in queue["data"]]  # back in the queue
    store = app.state.triage.store()
    with store.engine.connect() as conn:
        kinds = [rec.kind for rec in records(conn, case_id=case["id"])]
    assert kinds == ["triage", "review", "answers", "triage"]


def test_revisions_keep_every_version_and_show_what_changed(client, keys, app) -> None:
    case = submit(client, keys.acme, "Runway to generate the shop signs for the final cut.")
    changes_please = {"decision": "request_changes", "reason": "Keep generated signs out of the cut."}
    review = client.post(f"/v1/cases/{case['id']}/reviews", headers=auth(keys.contact), json=changes_please)
    assert review.status_code == 200
    revised_text = "Runway to generate the shop signs for previs only; nothing reaches the final cut."
    url = f"/v1/cases/{case['id']}/revisions"
    r = client.post(url, json={"text": revised_text}, headers=auth(keys.acme))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["version"] == 2 and [v["version"] for v in body["versions"]] == [1, 2]
    assert body["text"] == revised_text and body["versions"][0]["text"] == case["text"]
    assert body["review"] == "request_changes" and body["review_detail"]["stale"] is True
    changes = body["changes"]
    assert changes["previous"] == 1 and changes["current"] == 2
    assert ["added", "previs only; nothing reaches "] in changes["plan"]
    assert changes["decision"]["approval_required"] == [True, body["result"]["approval_required"]]
    assert "use 1: output.final_deliverable" in changes["decision"]["removed"]
    # identical to the current version, empty, or over-long: refused, nothing stored
    for bad, status in ((revised_text, 422), ("  ", 422), ("x" * 20_001, 422)):
        assert client.post(url, json={"text": bad}, headers=auth(keys.acme)).status_code == status
    assert len(client.get(f"/v1/cases/{case['id']}", headers=auth(keys.acme)).json()["versions"]) == 2
    approved = client.post(f"/v1/cases/{case['id']}/reviews", headers=auth(keys.contact),
                           json={"decision": "approve", "reason": "Previs only is fine."}).json()  # fmt: skip
    assert approved["review"] == "approve" and approved["review_detail"]["stale"] is False
    store = app.state.triage.store()
    with store.engine.connect() as conn:
        kinds = [rec.kind for rec in records(conn, case_id=case["id"])]
    assert kinds == ["triage", "review", "revision", "triage", "review"]


def test_a_revision_keeps_the_answers_about_the_uses_it_did_not_rewrite(client, keys) -> None:
    case = submit(client, keys.acme)
    asked = question(case["result"], SIGNS, "final_output")
    temp_only = "No, the signs are temp only and never reach the final cut."
    answered = answer(client, keys.acme, case["id"], [{"question_id": asked["id"], "text": temp_only}]).json()
    revised = EMAIL.replace("for the closing credits.", "for the previs of the closing credits only.")
    url = f"/v1/cases/{case['id']}/revisions"
    body = client.post(url, json={"text": revised}, headers=auth(keys.acme)).json()
    assert [(a["version"], a["text"]) for a in body["answers"]] == [(1, temp_only), (2, temp_only)]
    assert by_use(body["result"]).get(SIGNS) == by_use(answered["result"]).get(SIGNS)  # the answer still counts
    assert not [f for f in body["changes"]["decision"]["added"] if f.startswith(f"use {SIGNS + 1}:")]
