"""The web pages: sign-in with a key, partners submit and answer, contacts work the queue and review.
Every form needs the session's CSRF token; another organisation's case is 404 here too."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.presenters import highlight, safe_url
from api.security import COOKIE_NAME
from triage.store import queue

PLAN = (
    "We will generate background music for the temp edit. For the final cut we will clone our narrator's voice "
    "with a voice model. Consent is pending."
)
EVIDENCE = "For the final cut we will clone our narrator's voice with a voice model."


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def sign_in(app, key: str) -> TestClient:
    browser = TestClient(app, follow_redirects=False)
    page = browser.get("/signin")
    r = browser.post("/signin", data={"api_key": key, "csrf_token": csrf_of(page.text)})
    assert r.status_code == 303, r.text
    return browser


def submit(browser: TestClient, text: str = PLAN, **fields) -> str:
    form = browser.get("/submit")
    r = browser.post("/submit", data={"text": text, "csrf_token": csrf_of(form.text), **fields})
    assert r.status_code == 303, r.text
    return r.headers["location"]


def test_signed_out_visitors_are_sent_to_sign_in(client) -> None:
    browser = TestClient(client.app, follow_redirects=False)
    for path in ("/", "/submit", "/cases", "/cases/c_123"):
        r = browser.get(path)
        assert r.status_code == 303 and r.headers["location"] == "/signin", path


def test_session_cookie_flags_and_sign_in(app, keys) -> None:
    browser = TestClient(app, follow_redirects=False)
    page = browser.get("/signin")
    cookie = page.headers["set-cookie"]
    assert COOKIE_NAME in cookie and "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    token = csrf_of(page.text)
    assert browser.post("/signin", data={"api_key": keys.acme, "csrf_token": "wrong"}).status_code == 403
    bad = browser.post("/signin", data={"api_key": "tri_00_nope", "csrf_token": token})
    assert bad.status_code == 401 and "not recognised" in bad.text
    ok = browser.post("/signin", data={"api_key": keys.acme, "csrf_token": token})
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    assert browser.get("/").headers["location"] == "/submit"
    home = browser.get("/submit")
    assert home.status_code == 200 and "acme" in home.text
    assert csrf_of(home.text) != token  # a new CSRF token after sign-in
    assert keys.acme not in browser.cookies.get(COOKIE_NAME, "")


def test_a_forged_or_tampered_session_is_ignored(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    value = browser.cookies[COOKIE_NAME]
    for forged in (("A" if value[0] != "A" else "B") + value[1:], "x" * 43, value + "."):
        browser.cookies.clear()
        browser.cookies.set(COOKIE_NAME, forged, domain="testserver.local")
        assert browser.get("/submit").headers["location"] == "/signin", forged


def test_the_database_holds_no_cookie_and_no_secret(app, keys) -> None:
    from sqlalchemy import select

    from triage.store.schema import meta, sessions

    browser = sign_in(app, keys.acme)
    cookie = browser.cookies[COOKIE_NAME]
    with app.state.triage.store().engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(sessions))] + [tuple(r) for r in conn.execute(select(meta))]
    assert rows and not any(cookie in str(v) for row in rows for v in row)
    assert not any(str(row[0]).startswith("secret:") for row in rows)


def test_partner_submits_and_sees_the_decision_with_evidence_and_citations(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    location = submit(browser, production_type="documentary", production_title="Deep Water")
    page = browser.get(location)
    assert page.status_code == 200
    html = page.text
    assert 'id="route"' in html and ">Escalate<" in html
    assert "Written approval required" in html
    assert f'<mark id="evidence-1">{EVIDENCE.replace(chr(39), "&#39;")}</mark>' in html
    assert 'href="#evidence-1"' in html
    assert 'href="https://partnerhelp.netflixstudios.com/' in html and "Talent &amp; Performance" in html
    assert "Rules checked" not in html and "Record the review" not in html  # contact-only parts


def test_partner_answers_follow_up_questions(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    location = submit(browser, text="We will make an internal mood board with an image generator.")
    page = browser.get(location).text
    question_id = re.search(r'name="question_id" value="([^"]+)"', page).group(1)
    r = browser.post(
        location + "/answers",
        data={"csrf_token": csrf_of(page), "question_id": question_id, "answer": "No, nothing goes in the final cut."},
    )
    assert r.status_code == 303
    after = browser.get(location).text
    assert "Answered: <q>No, nothing goes in the final cut.</q>" in after
    assert "answers: 1 answer(s)" in after
    empty = browser.post(location + "/answers", data={"csrf_token": csrf_of(after), "answer": "  "})
    assert empty.status_code in (200, 422)  # no questions left, or nothing to add: refused, nothing written


def test_invalid_submissions_keep_the_text_and_write_nothing(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    token = csrf_of(browser.get("/submit").text)
    r = browser.post("/submit", data={"text": "   ", "csrf_token": token})
    assert r.status_code == 422 and "empty" in r.text
    long_text = "word " * 5000
    r = browser.post("/submit", data={"text": long_text, "csrf_token": token})
    assert r.status_code == 422 and "the limit is" in r.text and long_text.strip()[:100] in r.text
    r = browser.post("/submit", data={"text": PLAN, "production_type": "opera", "csrf_token": token})
    assert r.status_code == 422
    assert browser.post("/submit", data={"text": PLAN}).status_code == 422  # no token at all
    assert queue.list_cases(app.state.triage.store()).total == 0


def test_plan_text_is_escaped(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    location = submit(browser, text='<script>alert(1)</script> We clone a voice. <img src=x onerror="alert(2)">')
    html = browser.get(location).text
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_contact_works_the_queue_and_reviews(app, keys) -> None:
    partner = sign_in(app, keys.acme)
    location = submit(partner)
    submit(sign_in(app, keys.globex), text="An internal mood board. Nothing goes in the final cut.")

    contact = sign_in(app, keys.contact)
    assert contact.get("/").headers["location"] == "/cases"
    queue = contact.get("/cases").text
    assert "Review queue" in queue and location.rsplit("/", 1)[1] in queue
    assert re.search(r'id="counts-route".*?escalate</th><td>1<', queue, re.S)
    assert re.search(r'id="counts-status".*?triaged</th><td>2<', queue, re.S)
    escalated = contact.get("/cases", params={"route": "escalate"}).text
    assert "1 case." in escalated
    assert contact.get("/cases", params={"route": "bogus"}).status_code == 422

    page = contact.get(location).text
    assert "Rationale" in page and "Record the review" in page
    token = csrf_of(page)
    bad = contact.post(location + "/review", data={"csrf_token": token, "decision": "override", "reason": "x"})
    assert bad.status_code == 422 and "route" in bad.text
    r = contact.post(
        location + "/review",
        data={"csrf_token": token, "decision": "override", "route": "notify", "reason": "Consent is on file."},
    )
    assert r.status_code == 303
    reviewed = contact.get(location).text
    assert "Studio review: override" in reviewed and "Consent is on file." in reviewed
    assert "Reviewed: override" in partner.get(location).text  # the partner sees the outcome


def test_every_form_needs_the_csrf_token(app, keys) -> None:
    partner = sign_in(app, keys.acme)
    location = submit(partner)
    contact = sign_in(app, keys.contact)
    for browser, path, data in [
        (partner, "/submit", {"text": PLAN}),
        (partner, location + "/answers", {"question": "q", "answer": "a"}),
        (contact, location + "/review", {"decision": "approve", "reason": "fine"}),
        (partner, location + "/rerun", {}),
        (partner, "/signout", {}),
    ]:
        for token in ({}, {"csrf_token": "forged"}, {"csrf_token": csrf_of(contact.get("/cases").text)}):
            if browser is contact and token.get("csrf_token") and token["csrf_token"] != "forged":
                continue  # that is the contact's own valid token
            r = browser.post(path, data={**data, **token})
            assert r.status_code in (403, 422), (path, token, r.status_code)
    assert queue.list_cases(app.state.triage.store()).total == 1
    assert [e.kind for e in app.state.triage.store().history(location.rsplit("/", 1)[1])] == ["submitted", "triaged"]


def test_another_orgs_case_is_404_on_every_page(app, keys) -> None:
    location = submit(sign_in(app, keys.acme))
    other = sign_in(app, keys.globex)
    token = csrf_of(other.get("/submit").text)
    assert other.get(location).status_code == 404
    for path, data in [
        ("/answers", {"question": "q", "answer": "a"}),
        ("/review", {"decision": "approve", "reason": "x"}),
        ("/rerun", {}),
    ]:
        r = other.post(location + path, data={**data, "csrf_token": token})
        assert r.status_code == 404, path
    assert location.rsplit("/", 1)[1] not in other.get("/cases").text


def test_a_partner_cannot_review_and_an_admin_sees_no_cases(app, keys) -> None:
    partner = sign_in(app, keys.acme)
    location = submit(partner)
    page = partner.get(location).text
    r = partner.post(location + "/review", data={"csrf_token": csrf_of(page), "decision": "approve", "reason": "x"})
    assert r.status_code == 403
    admin = sign_in(app, keys.admin)
    assert admin.get("/cases").status_code == 403
    assert admin.get(location).status_code == 403


def test_revoking_a_key_ends_its_sessions(app, keys) -> None:
    from triage.store.accounts import parse_key, revoke_key

    browser = sign_in(app, keys.acme)
    assert browser.get("/submit").status_code == 200
    revoke_key(app.state.triage.store(), parse_key(keys.acme))
    assert browser.get("/submit").headers["location"] == "/signin"


def test_sign_out(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    token = csrf_of(browser.get("/submit").text)
    old_cookie = browser.cookies[COOKIE_NAME]
    assert browser.post("/signout", data={"csrf_token": token}).headers["location"] == "/signin"
    assert browser.get("/submit").headers["location"] == "/signin"
    replay = TestClient(app, follow_redirects=False)  # a copy of the cookie taken before sign-out
    replay.cookies.set(COOKIE_NAME, old_cookie, domain="testserver.local")
    assert replay.get("/submit").headers["location"] == "/signin"
    assert replay.get("/cases").headers["location"] == "/signin"
    assert replay.post("/submit", data={"text": PLAN, "csrf_token": token}).headers["location"] == "/signin"


def test_an_expired_session_ends(app, keys) -> None:
    from sqlalchemy import update

    from triage.store.schema import sessions

    browser = sign_in(app, keys.acme)
    store = app.state.triage.store()
    with store.transaction() as conn:
        conn.execute(update(sessions).values(expires_at="2000-01-01T00:00:00.000000Z"))
    assert browser.get("/submit").headers["location"] == "/signin"


def test_pages_send_a_strict_content_security_policy(app, keys) -> None:
    browser = sign_in(app, keys.acme)
    csp = browser.get("/submit").headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert browser.get("/static/style.css").status_code == 200


@pytest.mark.parametrize(
    ("text", "evidence", "marked"),
    [
        ("We clone a voice. Then more.", ["We clone a voice."], ["We clone a voice."]),
        ("We  clone\na VOICE here.", ["we clone a voice"], ["We  clone\na VOICE"]),
        ("Nothing here.", ["not in the text"], []),
        ("abcdef", ["abcd", "cdef"], ["abcdef"]),  # overlapping quotes merge into one highlight
        ("abcdef", ["cd", "abcdef"], ["abcdef"]),
        ("abc", [None, ""], []),
    ],
)
def test_highlight(text, evidence, marked) -> None:
    segments, anchors = highlight(text, [{"evidence": e} for e in evidence])
    assert "".join(s.text for s in segments) == text
    assert [s.text for s in segments if s.marked] == marked
    assert all(a is None or a.startswith("evidence-") for a in anchors)
    assert sum(a is not None for a in anchors) == (len(evidence) if marked else 0)


def test_only_http_links_are_rendered() -> None:
    assert safe_url("https://example.org/x#h") == "https://example.org/x#h"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url(None) is None


def test_partners_never_see_another_persons_key_id(app, keys) -> None:
    from triage_support import auth

    from triage.store.accounts import parse_key

    client = TestClient(app)
    created = client.post("/v1/cases", json={"text": PLAN}, headers=auth(keys.acme)).json()
    review = {"decision": "reject", "reason": "no consent"}
    assert client.post(f"/v1/cases/{created['id']}/reviews", json=review, headers=auth(keys.contact)).status_code == 200
    contact_id, colleague_id = parse_key(keys.contact), parse_key(keys.acme)
    for key in (keys.acme2, keys.acme):
        seen = client.get(f"/v1/cases/{created['id']}", headers=auth(key))
        assert contact_id not in seen.text
        assert seen.json()["review_detail"]["by"] == "studio contact"  # an unnamed key's name: its org and role
    assert colleague_id not in client.get(f"/v1/cases/{created['id']}", headers=auth(keys.acme2)).text
    assert colleague_id in client.get(f"/v1/cases/{created['id']}", headers=auth(keys.acme)).text  # its own
    page = sign_in(app, keys.acme2).get(f"/cases/{created['id']}")
    assert page.status_code == 200 and contact_id not in page.text and colleague_id not in page.text
    assert contact_id in client.get(f"/v1/cases/{created['id']}", headers=auth(keys.contact)).text
