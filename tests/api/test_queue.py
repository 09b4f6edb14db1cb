"""The queue over HTTP, on SQLite and PostgreSQL: search, filters, refusals, what partners see, and the CSV."""

from __future__ import annotations

import csv
import io

import pytest
from test_pages import sign_in
from triage_support import auth

from api.export import neutralised
from triage.store.schema import cases

VOICE = "We will clone the lead actor's voice for the final mix."
MOOD = "Mood   boards\n\nfrom stock images."


def submit(client, key: str, text: str, title: str | None = None) -> str:
    body = {"text": text} | ({"production_title": title} if title else {})
    r = client.post("/v1/cases", json=body, headers=auth(key))
    assert r.status_code == 201, r.text
    return r.json()["id"]


def listed(client, key: str, **params) -> dict:
    r = client.get("/v1/cases", headers=auth(key), params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_search_filters_and_columns(client, app, keys) -> None:
    voiced = submit(client, keys.acme, VOICE, title="The Last Narrator")
    mood = submit(client, keys.acme, MOOD)
    foreign = submit(client, keys.globex, VOICE)
    assert [c["id"] for c in listed(client, keys.acme, q="narrator")["data"]] == [voiced]
    assert [c["id"] for c in listed(client, keys.acme, q="STOCK")["data"]] == [mood]
    assert listed(client, keys.acme, q="hologram")["count"] == 0
    assert {c["id"] for c in listed(client, keys.contact, q="voice")["data"]} == {voiced, foreign}
    assert [c["id"] for c in listed(client, keys.globex, q="voice")["data"]] == [foreign]  # own org only
    assert listed(client, keys.acme, q="")["count"] == 2  # empty: no search

    page = listed(client, keys.contact)
    assert [c["id"] for c in page["data"]][:1] == [voiced]  # approval required before the older-or-not rest
    row = next(c for c in page["data"] if c["id"] == mood)
    assert row["snippet"] == "Mood boards from stock images." and row["triggers"] == []
    assert row["stage"] == "new" and row["overdue"] is False and row["due_at"] is None
    assert page["counts"]["queue"] == {"overdue": 0, "approval_required": 2}
    assert listed(client, keys.contact, trigger="talent_likeness")["count"] == 2
    assert listed(client, keys.contact, org="globex")["data"][0]["id"] == foreign
    assert listed(client, keys.contact, stage="new")["count"] == 3
    assert listed(client, keys.contact, assignee="none")["count"] == 3

    store = app.state.triage.store()
    contact_id = next(k for k in _keys(store) if k[1] == "contact")[0]
    with store.transaction() as conn:
        conn.execute(cases.update().where(cases.c.id == voiced).values(assigned_to=contact_id, stage="in_review"))
    assert [c["id"] for c in listed(client, keys.contact, assignee="me")["data"]] == [voiced]
    assert listed(client, keys.contact, assignee=contact_id)["data"][0]["assigned_to"] == contact_id
    assert listed(client, keys.acme)["data"][0]["assigned_to"] is None  # partners never see a key id


def _keys(store) -> list[tuple[str, str]]:
    from triage.store.schema import api_keys

    with store.engine.connect() as conn:
        return [(r.id, r.role) for r in conn.execute(api_keys.select())]


@pytest.mark.parametrize(
    "params",
    [
        {"stage": "pending"},
        {"route": "maybe"},
        {"trigger": "dragons"},
        {"created_from": "2025-13-01"},
        {"created_to": "yesterday"},
        {"created_to": ""},
        {"created_from": "2025-03-02", "created_to": "2025-03-01"},
        {"q": "x" * 10_000},
        {"q": "x" * 201},
        {"q": "?!"},
        {"assignee": "someone"},
        {"sort": "random"},
        {"cursor": "not-a-cursor"},
    ],
)
def test_unknown_filter_values_are_a_clear_422(client, keys, params) -> None:
    for path in ("/v1/cases", "/v1/cases.csv"):
        if "cursor" in params and path.endswith(".csv"):
            continue
        r = client.get(path, headers=auth(keys.contact), params=params)
        assert r.status_code == 422, (path, params, r.text)
        assert "x" * 50 not in r.text  # the input is not echoed


def test_partners_keep_to_their_own_organisation(client, keys) -> None:
    submit(client, keys.acme, VOICE)
    submit(client, keys.globex, VOICE)
    assert listed(client, keys.acme, org="globex")["count"] == 0  # nothing of another organisation's
    assert read_csv(client.get("/v1/cases.csv", headers=auth(keys.acme), params={"org": "globex"})) == []
    assert client.get("/v1/cases", headers=auth(keys.acme), params={"assignee": "me"}).status_code == 403
    assert listed(client, keys.acme, org="acme")["count"] == 1


def read_csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.text)))


def test_the_csv_export(client, keys) -> None:
    voiced = submit(client, keys.acme, VOICE, title='=HYPERLINK("http://evil.example")')
    submit(client, keys.acme, MOOD, title="-2+3")
    foreign = submit(client, keys.globex, VOICE, title="@SUM(A1)")
    r = client.get("/v1/cases.csv", headers=auth(keys.contact))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="cases.csv"'
    assert r.headers["cache-control"] == "no-store"
    rows = read_csv(r)
    assert list(rows[0]) == [
        "id", "org", "title", "production type", "created", "stage", "route", "approval required", "triggers",
        "assignee name", "due", "overdue", "review",
    ]  # fmt: skip
    assert [row["id"] for row in rows] == [c["id"] for c in listed(client, keys.contact)["data"]]  # the same order
    titles = {row["id"]: row["title"] for row in rows}
    assert titles[voiced] == '\'=HYPERLINK("http://evil.example")' and titles[foreign] == "'@SUM(A1)"
    assert any(t == "'-2+3" for t in titles.values())
    voiced_row = next(row for row in rows if row["id"] == voiced)
    assert voiced_row["triggers"] == "talent_likeness" and voiced_row["approval required"] == "yes"

    partner = read_csv(client.get("/v1/cases.csv", headers=auth(keys.globex)))
    assert [row["id"] for row in partner] == [foreign]
    filtered = read_csv(client.get("/v1/cases.csv", headers=auth(keys.contact), params={"q": "stock"}))
    assert len(filtered) == 1 and filtered[0]["org"] == "acme"


def test_formula_cells_are_neutralised() -> None:
    for cell in ("=1+1", "+1", "-1", "@x", "\tx", "\rx"):
        assert neutralised(cell) == "'" + cell
    assert neutralised("plain") == "plain" and neutralised("") == ""


def test_the_queue_page_searches_filters_and_links_the_csv(app, client, keys) -> None:
    voiced = submit(client, keys.acme, VOICE, title="The Last Narrator")
    submit(client, keys.acme, MOOD)
    contact = sign_in(app, keys.contact)
    page = contact.get("/cases").text
    assert 'name="q"' in page and 'id="f-trigger"' in page and 'id="f-assignee"' in page
    assert "Mood boards from stock images." in page and "talent likeness" in page
    assert 'class="flag approval">approval required' in page
    found = contact.get("/cases", params={"q": "narrator", "trigger": "", "stage": "new"})
    assert found.status_code == 200 and "1 case." in found.text and voiced in found.text
    assert 'href="/cases.csv?q=narrator&amp;stage=new"' in found.text
    exported = contact.get("/cases.csv", params={"q": "narrator", "stage": "new"})
    assert exported.status_code == 200 and [r["id"] for r in read_csv(exported)] == [voiced]
    assert contact.get("/cases", params={"stage": "pending"}).status_code == 422
    assert contact.get("/cases", params={"q": "x" * 10_000}).status_code == 422
    partner = sign_in(app, keys.acme).get("/cases").text
    assert 'id="f-assignee"' not in partner and 'id="f-org"' not in partner
