"""Who may call what. Above all: a partner can never read or change another organisation's case, and learns
nothing from trying (404, the same answer as for a case that does not exist), at every endpoint."""

from __future__ import annotations

import pytest
from triage_support import auth

PLAN = "For the final cut we will clone our narrator's voice. Consent is pending."
MISSING = "c_0000000000000000"

# who → expected status; "acme" owns the case, "acme2" is another key of acme, "globex" is another organisation
CASE_ENDPOINTS = {
    "get_case": ("GET", "/v1/cases/{id}", None,
                 {"acme": 200, "acme2": 200, "globex": 404, "contact": 200, "admin": 403}),
    "answer_case": ("POST", "/v1/cases/{id}/answers", {"answers": [{"question": "q", "answer": "temp only"}]},
                    {"acme": 200, "acme2": 200, "globex": 404, "contact": 403, "admin": 403}),
    "revise_case": ("POST", "/v1/cases/{id}/revisions", {"text": PLAN + " Temp only."},
                    {"acme": 200, "acme2": 200, "globex": 404, "contact": 403, "admin": 403}),
    "review_case": ("POST", "/v1/cases/{id}/reviews", {"decision": "approve", "reason": "fine"},
                    {"acme": 403, "acme2": 403, "globex": 404, "contact": 200, "admin": 403}),
    "rerun_case": ("POST", "/v1/cases/{id}/rerun", None,  # the case is triaged: nothing to re-run
                   {"acme": 409, "acme2": 409, "globex": 404, "contact": 409, "admin": 403}),
    "case_precedents": ("GET", "/v1/cases/{id}/precedents", None,
                        {"acme": 200, "acme2": 200, "globex": 404, "contact": 200, "admin": 403}),
}  # fmt: skip
WHO = ["acme", "acme2", "globex", "contact", "admin"]


@pytest.fixture
def acme_case(client, keys) -> str:
    r = client.post("/v1/cases", json={"text": PLAN}, headers=auth(keys.acme))
    assert r.status_code == 201
    return r.json()["id"]


def _call(client, method: str, path: str, body, key: str | None):
    headers = auth(key) if key else {}
    return client.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("endpoint", list(CASE_ENDPOINTS))
def test_case_endpoints(client, keys, acme_case, endpoint, who) -> None:
    method, path, body, expected = CASE_ENDPOINTS[endpoint]
    before = client.get(f"/v1/cases/{acme_case}", headers=auth(keys.contact)).json()
    r = _call(client, method, path.format(id=acme_case), body, getattr(keys, who))
    assert r.status_code == expected[who], r.text
    if expected[who] >= 400:
        after = client.get(f"/v1/cases/{acme_case}", headers=auth(keys.contact)).json()
        assert after == before  # a refused call changes nothing


@pytest.mark.parametrize("endpoint", list(CASE_ENDPOINTS))
def test_another_orgs_case_looks_exactly_like_a_missing_one(client, keys, acme_case, endpoint) -> None:
    method, path, body, _ = CASE_ENDPOINTS[endpoint]
    theirs = _call(client, method, path.format(id=acme_case), body, keys.globex)
    missing = _call(client, method, path.format(id=MISSING), body, keys.globex)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()
    assert acme_case not in theirs.text


@pytest.mark.parametrize("endpoint", list(CASE_ENDPOINTS))
@pytest.mark.parametrize("key", [None, "tri_00000000_nope", "not-a-key", "tri_" + "f" * 16 + "_forged"])
def test_case_endpoints_need_a_valid_key(client, keys, acme_case, endpoint, key) -> None:
    method, path, body, _ = CASE_ENDPOINTS[endpoint]
    r = _call(client, method, path.format(id=acme_case), body, key)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"


def test_a_partner_lists_only_its_own_cases(client, keys, acme_case) -> None:
    client.post("/v1/cases", json={"text": PLAN}, headers=auth(keys.globex))
    mine = client.get("/v1/cases", headers=auth(keys.acme)).json()
    theirs = client.get("/v1/cases", headers=auth(keys.globex)).json()
    assert [c["id"] for c in mine["data"]] == [acme_case]
    assert acme_case not in [c["id"] for c in theirs["data"]] and theirs["count"] == 1
    assert sum(theirs["counts"]["status"].values()) == 1  # the counts are scoped too
    assert client.get("/v1/cases", headers=auth(keys.contact)).json()["count"] == 2
    assert client.get("/v1/cases", headers=auth(keys.admin)).status_code == 403
    assert client.get("/v1/cases").status_code == 401


def test_filters_cannot_widen_a_partners_scope(client, keys, acme_case) -> None:
    for params in ({"org": "acme"}, {"status": "triaged"}, {"route": "escalate"}, {"review": "none"}):
        r = client.get("/v1/cases", headers=auth(keys.globex), params=params)
        assert r.status_code == 200 and r.json()["count"] == 0


@pytest.mark.parametrize(("who", "expected"), [("acme", 201), ("contact", 201), ("admin", 403), (None, 401)])
def test_who_may_submit(client, keys, who, expected) -> None:
    r = _call(client, "POST", "/v1/cases", {"text": PLAN}, getattr(keys, who) if who else None)
    assert r.status_code == expected
    if expected == 201:
        assert r.json()["org"] == ("acme" if who == "acme" else "studio")


@pytest.mark.parametrize("who", [*WHO, None])
def test_policy_is_for_anyone_signed_in(client, keys, monkeypatch, who) -> None:
    import triage.retrieval

    class FakeIndex:
        def ask(self, question: str, k: int) -> list:
            return []

    monkeypatch.setattr(triage.retrieval, "get_policy_index", lambda settings: FakeIndex())
    key = getattr(keys, who) if who else None
    expected = 200 if who else 401
    assert _call(client, "GET", "/v1/policy/sections", None, key).status_code == expected
    assert _call(client, "POST", "/v1/policy/ask", {"question": "voice clone?"}, key).status_code == expected


@pytest.mark.parametrize("who", [*WHO, None])
def test_only_admins_manage_keys(client, keys, who) -> None:
    key = getattr(keys, who) if who else None
    expected = {"admin": (200, 201)}.get(who, (403, 403)) if who else (401, 401)
    assert _call(client, "GET", "/v1/keys", None, key).status_code == expected[0]
    r = _call(client, "POST", "/v1/keys", {"role": "partner", "org": "x"}, key)
    assert r.status_code == expected[1]


def test_health_needs_no_key(client) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


@pytest.mark.parametrize("case_id", ["c_%00", "%00", "x" * 3000, "c_ZZZZ", "..%2F..%2Fetc", "c_" + "0" * 16])
def test_odd_case_ids_are_plain_404s(client, keys, case_id) -> None:
    for method, suffix, body in [("GET", "", None), ("POST", "/answers", {"answers": [{"answer": "a"}]}),
                                 ("POST", "/revisions", {"text": "A new plan."}),
                                 ("POST", "/reviews", {"decision": "approve", "reason": "r"}),
                                 ("POST", "/rerun", None), ("GET", "/precedents", None)]:  # fmt: skip
        for key in (keys.acme, keys.contact):
            r = client.request(method, f"/v1/cases/{case_id}{suffix}", json=body, headers=auth(key))
            assert r.status_code in (403, 404), (method, suffix, r.status_code)


def test_control_characters_in_key_fields_are_refused(client, keys) -> None:
    r = client.post("/v1/keys", json={"role": "partner", "org": "ac\x00me"}, headers=auth(keys.admin))
    assert r.status_code == 422
