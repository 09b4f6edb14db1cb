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
