"""Response hardening: security headers on every response (413 included), no-store where plan text is served, the
API docs from shipped assets (no CDN), HTML error pages for unknown pages, and names free of control and
text-direction characters."""

from __future__ import annotations

import pytest
from triage_support import auth

from api.main import body_limit


def test_every_response_has_the_security_headers_and_no_store(client, keys, settings) -> None:
    too_large = client.post(
        "/v1/cases",
        content=b"x" * (body_limit(settings) + 1),
        headers={**auth(keys.acme), "content-type": "application/json"},
    )
    assert too_large.status_code == 413
    created = client.post("/v1/cases", json={"text": "We clone a voice for the final cut."}, headers=auth(keys.acme))
    for r in (
        too_large,
        created,
        client.get(created.headers["location"], headers=auth(keys.acme)),
        client.get("/nope"),
    ):
        assert r.headers["x-content-type-options"] == "nosniff", r.request.url
        assert r.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/static/style.css").headers.get("cache-control", "")


def test_unknown_pages_are_html_and_unknown_api_paths_json(client) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "There is no such page." in page.text and '"detail"' not in page.text
    api = client.get("/v1/no-such-thing")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}


def test_the_docs_load_nothing_from_another_origin(client) -> None:
    for path in ("/docs", "/redoc"):
        r = client.get(path)
        assert r.status_code == 200
        assert "cdn" not in r.text.lower() and "https://" not in r.text, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self' 'unsafe-inline'" in csp and "http" not in csp
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"):
        assert client.get(f"/docs/assets/{asset}").status_code == 200, asset


@pytest.mark.parametrize("title", ["Night\u202eshift", "Night\u0085shift", "Night\x9bshift", "Two\nlines", "Ab\u2066c"])
def test_titles_and_organisations_refuse_control_and_direction_characters(client, keys, title) -> None:
    r = client.post("/v1/cases", json={"text": "We clone a voice.", "production_title": title}, headers=auth(keys.acme))
    assert r.status_code == 422 and "characters" in r.json()["detail"]
    r = client.post("/v1/keys", json={"role": "partner", "org": title}, headers=auth(keys.admin))
    assert r.status_code == 422


@pytest.fixture
def strict(tmp_path):
    """An app with small limits: 3 sign-ins, 3 invalid keys and 5 page views a minute."""
    from fastapi.testclient import TestClient
    from triage_support import FakePipeline

    from api.main import create_app
    from triage.config import Settings

    config = Settings(data_dir=tmp_path, signin_rate_limit=3, auth_failure_rate_limit=3)
    app = create_app(config, pipeline=FakePipeline(), rerun_on_startup=False, rate_limit_per_minute=5)
    with TestClient(app, follow_redirects=False) as client:
        yield client


def test_invalid_keys_are_rate_limited_per_address(strict) -> None:
    codes = [strict.get("/v1/cases", headers=auth("tri_00aa_wrong")).status_code for _ in range(5)]
    assert codes == [401, 401, 401, 429, 429]
    assert int(strict.get("/v1/cases", headers=auth("tri_00aa_wrong")).headers["retry-after"]) > 0


def test_sign_in_and_page_views_are_rate_limited(strict) -> None:
    import re

    token = re.search(r'name="csrf_token" value="([^"]+)"', strict.get("/signin").text).group(1)
    codes = [strict.post("/signin", data={"api_key": "tri_00_x", "csrf_token": token}).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    assert strict.get("/signin").status_code == 429  # the sixth page view of this address this minute
    refused = strict.get("/signin")
    assert refused.headers["content-type"].startswith("text/html") and "retry-after" in refused.headers


def test_one_organisation_cannot_take_every_pipeline_thread() -> None:
    from fastapi import HTTPException

    from api.pools import PIPELINE_THREADS, org_slot, per_org_triages

    assert per_org_triages() < PIPELINE_THREADS
    held = [org_slot("acme") for _ in range(per_org_triages())]
    for slot in held:
        slot.__enter__()
    with pytest.raises(HTTPException) as refused:
        org_slot("acme").__enter__()
    assert refused.value.status_code == 429
    with org_slot("globex"):  # another organisation still gets one
        pass
    for slot in held:
        slot.__exit__(None, None, None)
    with org_slot("acme"):
        pass
