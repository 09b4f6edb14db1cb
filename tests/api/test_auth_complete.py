"""The whole authorization matrix, API and pages: every route × every kind of caller, checked against one table.

test_auth_matrix.py covers the case endpoints in depth; this file closes the gaps: a revoked key everywhere,
DELETE /v1/keys, submission and listing by another organisation, the policy and health endpoints, and every page
for every caller. The table is checked against the app's own routes, so a new endpoint without a row fails here.
Each cell acts on a fresh case of acme's, and a refused call (4xx, or a page's redirect to sign-in) changes nothing.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from triage_support import auth

from triage.records import Intake
from triage.service import submit
from triage.store import notifications, queue
from triage.store.accounts import issue_key, parse_key, revoke_key
from triage.store.schema import api_keys, audit_log

PLAN = "For the final cut we will clone our narrator's voice. Consent is pending."
# owner: acme's partner key that submitted the case; same_org: another acme key; other_org: globex's partner
WHO = ("owner", "same_org", "other_org", "contact", "admin", "no_key", "revoked")

OK, CREATED, NO_CONTENT, SEE_OTHER = 200, 201, 204, 303
DENIED = {"no_key": 401, "revoked": 401}
API: dict[tuple[str, str], tuple[Any, dict[str, int]]] = {
    ("POST", "/v1/cases"): ({"text": PLAN},
        {"owner": CREATED, "same_org": CREATED, "other_org": CREATED, "contact": CREATED, "admin": 403}),
    ("GET", "/v1/cases"): (None, {"owner": OK, "same_org": OK, "other_org": OK, "contact": OK, "admin": 403}),
    ("GET", "/v1/cases.csv"): (None, {"owner": OK, "same_org": OK, "other_org": OK, "contact": OK, "admin": 403}),
    ("GET", "/v1/cases/{case_id}"): (None,
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": OK, "admin": 403}),
    ("GET", "/v1/cases/{case_id}/record"): (None,
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": OK, "admin": 403}),
    ("POST", "/v1/cases/{case_id}/answers"): ({"answers": [{"question": "q", "answer": "temp only"}]},
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": 403, "admin": 403}),
    ("POST", "/v1/cases/{case_id}/revisions"): ({"text": PLAN + " Temp only."},
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": 403, "admin": 403}),
    ("POST", "/v1/cases/{case_id}/reviews"): ({"decision": "approve", "reason": "fine"},
        {"owner": 403, "same_org": 403, "other_org": 404, "contact": OK, "admin": 403}),
    ("POST", "/v1/cases/{case_id}/rerun"): (None,  # the case is triaged: nothing to re-run, but past the checks
        {"owner": 409, "same_org": 409, "other_org": 404, "contact": 409, "admin": 403}),
    ("GET", "/v1/cases/{case_id}/precedents"): (None,
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": OK, "admin": 403}),
    ("POST", "/v1/cases/{case_id}/transitions"): ({"action": "start_review"},
        {"owner": 403, "same_org": 403, "other_org": 403, "contact": OK, "admin": 403}),
    ("PUT", "/v1/cases/{case_id}/assignee"): ({"assignee": None},
        {"owner": 403, "same_org": 403, "other_org": 403, "contact": OK, "admin": 403}),
    ("GET", "/v1/cases/{case_id}/comments"): (None,
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": OK, "admin": 403}),
    ("POST", "/v1/cases/{case_id}/comments"): ({"body": "A question."},
        {"owner": CREATED, "same_org": CREATED, "other_org": 404, "contact": CREATED, "admin": 403}),
    ("GET", "/v1/policy/sections"): (None, {w: OK for w in WHO[:5]}),
    ("POST", "/v1/policy/ask"): ({"question": "Can we clone a voice?"}, {w: OK for w in WHO[:5]}),
    ("GET", "/v1/keys"): (None, {"owner": 403, "same_org": 403, "other_org": 403, "contact": 403, "admin": OK}),
    ("POST", "/v1/keys"): ({"role": "partner", "org": "initech"},
        {"owner": 403, "same_org": 403, "other_org": 403, "contact": 403, "admin": CREATED}),
    ("DELETE", "/v1/keys/{key_id}"): (None,
        {"owner": 403, "same_org": 403, "other_org": 403, "contact": 403, "admin": NO_CONTENT}),
    **{route: (body, {"owner": 403, "same_org": 403, "other_org": 403, "contact": 403, "admin": status})
       for route, body, status in (
        (("GET", "/v1/notify/routes"), None, OK),
        (("PUT", "/v1/notify/routes/{contact_id}"), {"orgs": ["acme"]}, NO_CONTENT),
        (("PUT", "/v1/notify/settings/{owner_kind}/{owner}"), {"email_events": ["submitted"]}, NO_CONTENT),
        (("GET", "/v1/notify/webhooks"), None, OK),
        (("POST", "/v1/notify/webhooks"), {"owner_kind": "org", "owner": "acme", "url": "https://hooks.example/x"},
         CREATED),
        (("DELETE", "/v1/notify/webhooks/{webhook_id}"), None, NO_CONTENT),
        (("POST", "/v1/notify/test"), {"webhook_id": "wh_none"}, 404),  # past the checks: no such webhook
        (("GET", "/v1/notify/deliveries"), None, OK),
    )},
    ("GET", "/healthz"): (None, {w: OK for w in WHO}),
    ("GET", "/readyz"): (None, {w: OK for w in WHO}),
}  # fmt: skip

SIGNIN = "/signin"
PAGES: dict[tuple[str, str], tuple[dict[str, str] | None, dict[str, int | tuple[int, str]]]] = {
    ("GET", "/"): (None, {"owner": (SEE_OTHER, "/submit"), "same_org": (SEE_OTHER, "/submit"),
        "other_org": (SEE_OTHER, "/submit"), "contact": (SEE_OTHER, "/cases"), "admin": (SEE_OTHER, "/cases")}),
    ("GET", "/signin"): (None, {w: OK for w in WHO}),
    ("GET", "/submit"): (None, {"owner": OK, "same_org": OK, "other_org": OK, "contact": OK, "admin": 403}),
    ("POST", "/submit"): ({"text": PLAN}, {"owner": (SEE_OTHER, "/cases/"), "same_org": (SEE_OTHER, "/cases/"),
        "other_org": (SEE_OTHER, "/cases/"), "contact": (SEE_OTHER, "/cases/"), "admin": 403}),
    ("GET", "/cases"): (None, {"owner": OK, "same_org": OK, "other_org": OK, "contact": OK, "admin": 403}),
    ("GET", "/cases.csv"): (None, {"owner": OK, "same_org": OK, "other_org": OK, "contact": OK, "admin": 403}),
    ("GET", "/cases/{case_id}"): (None,
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": OK, "admin": 403}),
    ("GET", "/cases/{case_id}/record"): (None,
        {"owner": OK, "same_org": OK, "other_org": 404, "contact": OK, "admin": 403}),
    ("POST", "/cases/{case_id}/revise"): ({"text": PLAN + " Temp only."},
        {"owner": (SEE_OTHER, "/cases/"), "same_org": (SEE_OTHER, "/cases/"), "other_org": 404, "contact": 403,
         "admin": 403}),
    ("POST", "/cases/{case_id}/answers"): ({"question_id": "", "answer": "temp only"},
        {"owner": (SEE_OTHER, "/cases/"), "same_org": (SEE_OTHER, "/cases/"), "other_org": 404, "contact": 403,
         "admin": 403}),
    ("POST", "/cases/{case_id}/review"): ({"decision": "approve", "reason": "fine"},
        {"owner": 403, "same_org": 403, "other_org": 404, "contact": (SEE_OTHER, "/cases/"), "admin": 403}),
    ("POST", "/cases/{case_id}/rerun"): ({},
        {"owner": 409, "same_org": 409, "other_org": 404, "contact": 409, "admin": 403}),
    ("POST", "/cases/{case_id}/move"): ({"action": "start_review"},
        {"owner": 403, "same_org": 403, "other_org": 404, "contact": (SEE_OTHER, "/cases/"), "admin": 403}),
    ("POST", "/cases/{case_id}/assign"): ({"assignee": ""},
        {"owner": 403, "same_org": 403, "other_org": 404, "contact": (SEE_OTHER, "/cases/"), "admin": 403}),
    ("POST", "/cases/{case_id}/comments"): ({"body": "A question."},
        {"owner": (SEE_OTHER, "/cases/"), "same_org": (SEE_OTHER, "/cases/"), "other_org": 404,
         "contact": (SEE_OTHER, "/cases/"), "admin": 403}),
    ("POST", "/signout"): ({}, {w: (SEE_OTHER, SIGNIN) for w in WHO}),  # a revoked key's session is already gone
}  # fmt: skip
# signed out, or signed in with a key revoked since: every page but sign-in sends the visitor to sign in
for _route, (_, _expected) in PAGES.items():
    for _who in ("no_key", "revoked"):
        _expected.setdefault(_who, (SEE_OTHER, SIGNIN))
NOT_ROUTES = {("POST", "/signin")}  # exchanging a key for a session: tested in test_pages.py


def state(app: FastAPI) -> tuple[int, int, int]:
    store = app.state.triage.store()
    with store.engine.connect() as conn:
        audit = conn.scalar(select(func.count()).select_from(audit_log)) or 0
        keys = conn.scalar(select(func.count()).select_from(api_keys)) or 0
    return queue.list_cases(store).total, audit, keys


def api_routes(app: FastAPI) -> set[tuple[str, str]]:
    return {(method.upper(), path) for path, ops in app.openapi()["paths"].items() for method in ops}


def page_routes() -> set[tuple[str, str]]:
    from api.routes import pages

    return {(m, r.path) for r in pages.router.routes for m in getattr(r, "methods", ()) if m != "HEAD"}


@pytest.fixture
def callers(app: FastAPI, keys: Any) -> dict[str, str | None]:
    store = app.state.triage.store()
    revoked = issue_key(store, "partner", "acme")[1]
    assert revoke_key(store, parse_key(revoked) or "")
    return {"owner": keys.acme, "same_org": keys.acme2, "other_org": keys.globex, "contact": keys.contact,
            "admin": keys.admin, "no_key": None, "revoked": revoked}  # fmt: skip


def fresh_case(app: FastAPI) -> str:
    store = app.state.triage.store()
    case = submit(store, app.state.triage.build_pipeline(), Intake(text=PLAN), org="acme", actor="setup",
                  actor_role="partner")  # fmt: skip
    return case.id


def case_view(app: FastAPI, case_id: str) -> Any:
    store = app.state.triage.store()
    return store.get_case(case_id), [e.kind for e in store.history(case_id)]


def test_the_tables_cover_every_route(tmp_path) -> None:
    from api.main import create_app
    from triage.config import Settings

    app = create_app(Settings(data_dir=tmp_path), rerun_on_startup=False)  # the schema needs no database
    assert api_routes(app) == set(API)
    assert page_routes() - NOT_ROUTES == set(PAGES)
    assert all(set(expected) | set(DENIED) >= set(WHO) for _, expected in API.values())
    assert all(set(expected) == set(WHO) for _, expected in PAGES.values())


def test_every_api_route_for_every_caller(app, client, callers, monkeypatch) -> None:
    import triage.retrieval

    class NoIndex:
        def ask(self, question: str, k: int) -> list:
            return []

    monkeypatch.setattr(triage.retrieval, "get_policy_index", lambda settings: NoIndex())
    store = app.state.triage.store()
    shared = fresh_case(app)  # the one the routes without a case id may only list, never change
    wrong = []
    for (method, path), (body, expected) in API.items():
        for who in WHO:
            case_id = fresh_case(app) if "{case_id}" in path else shared
            spare = issue_key(store, "partner", "spare")[0].id if "{key_id}" in path else ""
            hook = ""
            if "{webhook_id}" in path:
                hook = notifications.add_webhook(store, "org", "acme", "https://hooks.example/x", "standard", [])[0].id
            ids = {"contact_id": parse_key(callers["contact"] or ""), "owner_kind": "org", "owner": "acme"}
            url = path.format(case_id=case_id, key_id=spare, webhook_id=hook, **ids)
            before, before_case = state(app), case_view(app, case_id)
            key = callers[who]
            r = client.request(method, url, json=body, headers=auth(key) if key else {})
            want = expected.get(who, DENIED.get(who))
            if r.status_code != want:
                wrong.append((method, path, who, r.status_code, want))
            elif r.status_code >= 400:
                if state(app) != before or case_view(app, case_id) != before_case:
                    wrong.append((method, path, who, "a refused call changed something"))
                if r.status_code == 401:
                    assert r.headers["www-authenticate"] == "Bearer"
    assert not wrong, "\n".join(map(str, wrong))


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def browser_for(app: FastAPI, key: str | None) -> tuple[TestClient, str]:
    """A browser signed in with `key` (or only holding a session, for no key), and its session's CSRF token."""
    browser = TestClient(app, follow_redirects=False)
    token = csrf_of(browser.get(SIGNIN).text)
    if key:
        r = browser.post(SIGNIN, data={"api_key": key, "csrf_token": token})
        assert r.status_code == SEE_OTHER
        token = csrf_of(browser.get(SIGNIN).text)  # the signed-in session's own token
    return browser, token


def test_every_page_for_every_caller(app, callers) -> None:
    store = app.state.triage.store()
    revoked_key = issue_key(store, "partner", "acme")[1]
    browsers = {who: browser_for(app, key) for who, key in callers.items() if who != "revoked"}
    browsers["revoked"] = browser_for(app, revoked_key)  # signed in, then the key is revoked under the session
    assert revoke_key(store, parse_key(revoked_key) or "")
    shared = fresh_case(app)
    wrong = []
    for (method, path), (form, expected) in PAGES.items():
        for who in WHO:
            case_id = fresh_case(app) if "{case_id}" in path else shared
            browser, token = browsers[who]
            before, before_case = state(app), case_view(app, case_id)
            url = path.format(case_id=case_id)
            data = {**(form or {}), "csrf_token": token}
            r = browser.get(url) if method == "GET" else browser.post(url, data=data)
            if who != "revoked" and path == "/signout" and r.status_code == SEE_OTHER:
                browsers[who] = browser_for(app, callers[who])  # signed out: sign in again for the next rows
            want = expected[who]
            status, location = want if isinstance(want, tuple) else (want, None)
            if r.status_code != status or (location and not r.headers.get("location", "").startswith(location)):
                wrong.append((method, path, who, r.status_code, r.headers.get("location"), want))
            elif (r.status_code >= 400 or location == SIGNIN) and (
                state(app) != before or case_view(app, case_id) != before_case
            ):
                wrong.append((method, path, who, "a refused call changed something"))
    assert not wrong, "\n".join(map(str, wrong))
