"""Hostile requests beyond test_cases' bad plan bodies: every JSON endpoint, not just submission, fed deep
nesting, wrong encodings and content types, NUL bytes and lone surrogates in every text field; huge and odd
headers; plans built to be slow to read (one enormous word, thousands of bullet lines). Each answer is a 4xx with a
clear JSON message, or a correct 2xx, never a 5xx; a refused request writes nothing (cases, audit records, keys).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from triage_support import auth

from api.main import body_limit, create_app
from triage.config import Settings
from triage.pipeline import Pipeline
from triage.store import queue
from triage.store.accounts import issue_key
from triage.store.schema import api_keys, audit_log

PLAN = "For the final cut we will clone our narrator's voice with a voice model. Consent is pending."
MARK = "Nightjar-7731"  # a distinctive word: a refusal must never echo the caller's text back


def counts(app: FastAPI) -> tuple[int, int, int]:
    """(cases, audit records, API keys): what a refused request must leave as it was."""
    store = app.state.triage.store()
    with store.engine.connect() as conn:
        audit = conn.scalar(select(func.count()).select_from(audit_log))
        keys = conn.scalar(select(func.count()).select_from(api_keys))
    return queue.list_cases(store).total, audit or 0, keys or 0


@dataclass(frozen=True)
class Endpoint:
    path: str
    role: str  # which of the conftest keys the endpoint is meant for
    body: Callable[[str], dict[str, Any]]  # a valid body with `text` in its free-text field
    fields: tuple[str, ...]  # every free-text field, as a path into the body


ENDPOINTS = {
    "create_case": Endpoint(
        "/v1/cases", "acme", lambda t: {"text": t, "production_title": "Deep"}, ("text", "production_title")
    ),
    "answer_case": Endpoint(
        "/v1/cases/{id}/answers",
        "acme",
        lambda t: {"answers": [{"question": "Final cut?", "answer": t}]},
        ("answers.0.answer", "answers.0.question"),
    ),
    "review_case": Endpoint(
        "/v1/cases/{id}/reviews", "contact", lambda t: {"decision": "approve", "reason": t}, ("reason",)
    ),
    "create_key": Endpoint(
        "/v1/keys", "admin", lambda t: {"role": "partner", "org": t, "label": "ops"}, ("org", "label")
    ),
    "ask_policy": Endpoint("/v1/policy/ask", "acme", lambda t: {"question": t}, ("question",)),
}
BLANK_MEANS_NONE = {"answers.0.question"}  # a blank question is no question: the answer stands alone


def with_field(body: dict[str, Any], field: str, value: str) -> dict[str, Any]:
    body = json.loads(json.dumps(body))
    *parents, last = field.split(".")
    node: Any = body
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[last] = value
    return body


def raw_json(body: dict[str, Any], field: str, escaped: str) -> bytes:
    """The body as JSON text with `field` holding a raw JSON string literal (e.g. a lone surrogate escape)."""
    placeholder = "@@RAW@@"
    return json.dumps(with_field(body, field, placeholder)).replace(f'"{placeholder}"', escaped).encode()


def hostile_bodies(endpoint: Endpoint, limit: int) -> Iterator[tuple[str, dict[str, Any], tuple[int, ...]]]:
    """(name, request kwargs, accepted statuses) for every way to mangle a JSON body."""
    valid = endpoint.body(f"Plan {MARK} for the temp edit only.")
    as_json = json.dumps(valid)
    js = {"content-type": "application/json"}
    yield (
        "deeply-nested-array",
        {"content": b'{"x": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "headers": js},
        (
            400,
            422,
        ),
    )
    first = endpoint.fields[0].split(".")[0]
    nested = b'{"a": ' * 20_000 + b"1" + b"}" * 20_000
    yield "deeply-nested-object", {"content": f'{{"{first}": '.encode() + nested + b"}", "headers": js}, (400, 422)
    yield "over-the-size-limit", {"content": as_json.encode() + b" " * (limit + 1), "headers": js}, (413,)
    yield "form-encoded", {"data": {k: str(v) for k, v in valid.items()}}, (415,)
    yield "multipart-file", {"files": {"file": ("plan.json", as_json.encode(), "application/json")}}, (415,)
    yield "no-content-type", {"content": as_json.encode()}, (415,)
    yield "text-plain", {"content": as_json.encode(), "headers": {"content-type": "text/plain"}}, (415,)
    yield "xml", {"content": b"<plan>x</plan>", "headers": {"content-type": "application/xml"}}, (415,)
    latin1 = json.dumps(endpoint.body(f"Caf\u00e9 {MARK} plan"), ensure_ascii=False).encode("latin-1")
    yield (
        "latin-1-body",
        {"content": latin1, "headers": {"content-type": "application/json; charset=latin-1"}},
        (
            400,
            422,
        ),
    )
    yield "raw-nul-in-string", {"content": as_json.replace(MARK, MARK + "\x00").encode(), "headers": js}, (422,)
    yield "invalid-escape", {"content": as_json.replace(MARK, MARK + "\\x41").encode(), "headers": js}, (422,)
    yield "truncated", {"content": as_json[: len(as_json) // 2].encode(), "headers": js}, (400, 422)
    yield "json-null", {"content": b"null", "headers": js}, (422,)
    for field in endpoint.fields:
        for name, escaped in (
            ("lone-high-surrogate", '"a\\ud800b"'),
            ("lone-low-surrogate", '"\\udc00"'),
            ("reversed-pair", '"\\udc00\\ud800"'),
            ("escaped-nul", f'"{MARK}\\u0000"'),
            ("escaped-controls", '"\\u0001\\u0002\\u001b[31m"'),
            *([] if field in BLANK_MEANS_NONE else [("whitespace-only", '"\\u00a0\\u2003\\n\\t "')]),
            ("number", "123"),
            ("object", '{"text": "x"}'),
        ):
            yield f"{name}-in-{field}", {"content": raw_json(valid, field, escaped), "headers": js}, (422,)


@pytest.fixture
def acme_case(client: TestClient, keys: Any) -> str:
    r = client.post("/v1/cases", json={"text": PLAN}, headers=auth(keys.acme))
    assert r.status_code == 201
    return r.json()["id"]


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_hostile_bodies_are_refused_clearly_and_write_nothing(client, app, keys, acme_case, settings, name) -> None:
    endpoint = ENDPOINTS[name]
    path = endpoint.path.format(id=acme_case)
    key = getattr(keys, endpoint.role)
    before_case = client.get(f"/v1/cases/{acme_case}", headers=auth(keys.contact)).json()
    before = counts(app)
    for what, kwargs, accepted in hostile_bodies(endpoint, body_limit(settings)):
        headers = {**auth(key), **kwargs.pop("headers", {})}
        r = client.post(path, headers=headers, **kwargs)
        assert r.status_code in accepted, (what, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("application/json"), what
        assert r.json()["detail"], what
        assert MARK not in r.text, f"{what}: the refusal echoes the text"
        assert counts(app) == before, f"{what}: a refused request wrote something"
    assert client.get(f"/v1/cases/{acme_case}", headers=auth(keys.contact)).json() == before_case


def test_utf16_json_is_read_correctly_or_refused(client, app, keys) -> None:
    """JSON must be UTF-8 (RFC 8259); a UTF-16 body may be refused, but if it is accepted it is decoded right."""
    text = f"We use Midjourney for café mood boards, {MARK}; nothing goes in the final cut."
    for encoding in ("utf-16", "utf-16-le", "utf-32"):
        body = json.dumps({"text": text}, ensure_ascii=False).encode(encoding)
        before = counts(app)
        r = client.post("/v1/cases", content=body, headers={**auth(keys.acme), "content-type": "application/json"})
        assert r.status_code in (201, 400, 415, 422), (encoding, r.text[:200])
        if r.status_code == 201:
            assert r.json()["text"] == text, encoding
        else:
            assert counts(app) == before


ODD_QUERIES = [
    "route=%00", "status=%ED%A0%80", "review=%FF%FE", "production=%C0%AF", "limit=%00", "offset=1e309",
    "limit=99999999999999999999999999", "route=" + "x" * 20_000, "route=notify&route=escalate", "%00=%00",
]  # fmt: skip
ODD_IDS = ["%ED%A0%80", "%FF", "c_%00%00", "%C0%AE%C0%AE", "c_" + "%F0%9F%92%A9" * 500, "%25" * 2000]
ODD_AUTHORIZATIONS = [
    "Bearer tri_" + "a" * 200_000,  # a huge key
    "Bearer " + "x" * 200_000,
    "Bearer tri_" + "0" * 41 + "_secret",  # an over-long id
    "Bearer tri_abcd_" + "é" * 50,  # latin-1 octets in the header
    "Bearer \t tri_00_x \t",
    "Bearer ",
    "Bearer",
    "Basic YWRtaW46YWRtaW4=",
    "bearer tri_00_x",
    "Bearer tri__",
    "Bearer tri_ab_" + "\x7f" * 10,
]


def test_odd_query_strings_are_plain_answers(client, keys) -> None:
    for query in ODD_QUERIES:
        r = client.get(f"/v1/cases?{query}", headers=auth(keys.contact))
        assert r.status_code in (200, 422), (query[:40], r.text[:200])
        assert r.headers["content-type"].startswith("application/json")


def test_undecodable_ids_in_paths_are_404s(client, app, keys) -> None:
    before = counts(app)
    for segment in ODD_IDS:
        for method, suffix, body in [("GET", "", None), ("POST", "/answers", {"answers": [{"answer": "a"}]}),
                                     ("POST", "/reviews", {"decision": "approve", "reason": "r"}),
                                     ("POST", "/rerun", None)]:  # fmt: skip
            r = client.request(method, f"/v1/cases/{segment}{suffix}", json=body, headers=auth(keys.contact))
            assert r.status_code in (403, 404), (segment[:20], method, suffix, r.status_code)
        r = client.delete(f"/v1/keys/{segment}", headers=auth(keys.admin))
        assert r.status_code == 404, (segment[:20], r.status_code)
    assert counts(app) == before


def test_abusive_authorization_headers_are_401(client, app) -> None:
    before = counts(app)
    for authorization in ODD_AUTHORIZATIONS:
        headers = {"Authorization": authorization.encode("latin-1")}  # bytes: what a raw client can put on the wire
        for method, path, body in (("GET", "/v1/cases", None), ("POST", "/v1/cases", {"text": PLAN})):
            r = client.request(method, path, json=body, headers=headers)
            assert r.status_code == 401, (authorization[:40], r.status_code)
            assert r.json()["detail"].startswith("a valid API key is needed")
            assert len(r.content) < 1000  # the key is never echoed back
    assert counts(app) == before


def test_a_wrong_method_is_405_with_every_method_of_the_path(client, keys) -> None:
    for method, path, allowed in [
        ("PUT", "/v1/cases", "GET, POST"), ("DELETE", "/v1/cases/c_0000000000000000", "GET"),
        ("PATCH", "/v1/keys", "GET, POST"), ("OPTIONS", "/healthz", "GET"), ("PUT", "/submit", "GET, POST"),
    ]:  # fmt: skip
        r = client.request(method, path, headers=auth(keys.contact))
        assert r.status_code == 405 and r.headers["allow"] == allowed, (method, path, r.headers.get("allow"))


def test_many_and_huge_headers_do_not_break_a_valid_call(client, keys) -> None:
    headers = {f"x-pad-{i}": "v" * 100 for i in range(2000)}
    headers |= {"Cookie": "triage_session=" + "a" * 100_000, "User-Agent": "u" * 50_000, **auth(keys.acme)}
    r = client.get("/v1/cases", headers=headers)
    assert r.status_code == 200


def test_pages_refuse_hostile_forms_without_a_500(client, app, keys) -> None:
    browser = TestClient(app, follow_redirects=False)
    before = counts(app)
    token = browser.get("/signin").text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    attempts = [
        ("/signin", {"content": b"api_key=%FF%FE&csrf_token=" + token.encode(),
                     "headers": {"content-type": "application/x-www-form-urlencoded"}}, (401, 422)),
        ("/signin", {"data": {"api_key": "tri_" + "a" * 100_000, "csrf_token": token}}, (413, 422)),
        ("/signin", {"data": {"api_key": "x\x00y", "csrf_token": token}}, (401, 422)),
        ("/signin", {"content": b'{"api_key": "x"}', "headers": {"content-type": "application/json"}}, (403, 422)),
        ("/submit", {"content": b"text=" + b"a" * 400_000, "headers":
                     {"content-type": "application/x-www-form-urlencoded"}}, (413,)),
        ("/submit", {"files": {"text": ("plan.bin", b"\x00\x01" * 1000, "application/octet-stream")},
                     "data": {"csrf_token": token}}, (303, 403, 422)),
        ("/signin", {"content": b"--x\r\nbroken", "headers": {"content-type": "multipart/form-data; boundary=x"}},
         (400, 403, 422)),
    ]  # fmt: skip
    for path, kwargs, accepted in attempts:
        r = browser.post(path, **kwargs)
        assert r.status_code in accepted, (path, r.status_code, r.text[:200])
    assert counts(app) == before


# --- plans built to be slow to read, through the real pipeline ----------------------------------------------

SLOW_S = 10.0  # a generous bound: a regex that backtracks catastrophically takes minutes, not seconds


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, str]]:
    """The lexical pipeline (citations included) behind the API, with the largest text limit Intake allows."""
    data: Path = tmp_path_factory.mktemp("abuse")
    config = Settings(data_dir=data, extractor="lexical", max_text_chars=100_000)
    app = create_app(config, pipeline=Pipeline(config), rerun_on_startup=False, rate_limit_per_minute=10_000)
    with TestClient(app) as client:
        key = issue_key(app.state.triage.store(), "partner", "acme")[1]
        client.post("/v1/cases", json={"text": PLAN}, headers=auth(key))  # warm the index outside the timings
        yield client, key


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a" * 99_999, id="one-100k-word"),
        pytest.param("We'll use Midjourney for " + "x" * 90_000 + " mood boards.", id="huge-word-in-a-use"),
        pytest.param("voice" * 19_999, id="a-cue-repeated-without-spaces"),
        pytest.param("- a\n" * 10_000, id="10k-tiny-bullets"),
        pytest.param("- AI\n" * 10_000, id="10k-ai-bullets"),
        pytest.param("not " * 24_000 + "final cut", id="24k-negations"),
        pytest.param(", and " * 6_000 + "we clone her voice", id="6k-use-splits"),
        pytest.param("(" * 15_000 + "voice clone" + ")" * 15_000, id="30k-brackets"),
        pytest.param("We'll clone the voice. " * 500, id="500-uses"),
        pytest.param("Wir werden nicht " * 5_000 + "die Stimme klonen.", id="german-negation-run"),
    ],
)
def test_plans_built_to_be_slow_are_read_in_bounded_time(real, text: str) -> None:
    client, key = real
    started = time.perf_counter()
    r = client.post("/v1/cases", json={"text": text}, headers=auth(key))
    elapsed = time.perf_counter() - started
    assert r.status_code == 201, r.text[:300]
    assert r.json()["status"] == "triaged" and r.json()["route"] in ("notify", "escalate")
    assert elapsed < SLOW_S, f"{elapsed:.1f} s"


def test_over_the_text_limit_is_refused_before_reading(real) -> None:
    client, key = real
    r = client.post("/v1/cases", json={"text": "a" * 100_001}, headers=auth(key))
    assert r.status_code == 422 and "the limit is 100000" in r.json()["detail"]


def test_a_long_word_in_an_answer_is_read(real) -> None:
    client, key = real
    case = client.post("/v1/cases", json={"text": PLAN}, headers=auth(key)).json()
    r = client.post(f"/v1/cases/{case['id']}/answers", json={"answers": [{"answer": "z" * 4000}]}, headers=auth(key))
    assert r.status_code == 200 and r.json()["status"] == "triaged"
