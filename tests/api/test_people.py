"""Keys belong to people: issued with a name and an email, shown by name; partners never see another's key id."""

from __future__ import annotations

from test_pages import sign_in
from triage_support import auth

from triage import cli
from triage.config import Settings, get_settings
from triage.store import migrations
from triage.store.accounts import issue_key, list_keys
from triage.store.cases import Store
from triage.store.db import make_engine

PLAN = "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."


def test_admins_issue_keys_to_named_people(client, keys) -> None:
    body = {"role": "contact", "org": "Studio", "name": "Dana Ruiz", "email": "dana@studio.example"}
    r = client.post("/v1/keys", json=body, headers=auth(keys.admin))
    assert r.status_code == 201
    assert r.json()["name"] == "Dana Ruiz" and r.json()["email"] == "dana@studio.example"
    listed = {k["id"]: k for k in client.get("/v1/keys", headers=auth(keys.admin)).json()}
    assert listed[r.json()["id"]]["email"] == "dana@studio.example"
    bad = client.post("/v1/keys", json={**body, "email": "not an address"}, headers=auth(keys.admin))
    assert bad.status_code == 422 and "email" in bad.json()["detail"]


def test_histories_and_reviews_name_people_and_partners_never_see_a_contacts_key_id(client, app) -> None:
    store = app.state.triage.store()
    partner_info, partner = issue_key(store, "partner", "acme", name="Pat Lee", email="pat@acme.example")
    contact_info, contact = issue_key(store, "contact", "studio", name="Dana Ruiz")
    case = client.post("/v1/cases", json={"text": PLAN}, headers=auth(partner)).json()
    review = {"decision": "request_changes", "reason": "Get the actor's written consent."}
    assert client.post(f"/v1/cases/{case['id']}/reviews", json=review, headers=auth(contact)).status_code == 200

    seen_by_contact = client.get(f"/v1/cases/{case['id']}", headers=auth(contact)).json()
    assert seen_by_contact["review_detail"]["by"] == contact_info.id
    assert seen_by_contact["review_detail"]["by_name"] == "Dana Ruiz"
    assert [e["actor_name"] for e in seen_by_contact["history"]] == ["Pat Lee", "Pat Lee", "Dana Ruiz"]

    r = client.get(f"/v1/cases/{case['id']}", headers=auth(partner))
    assert contact_info.id not in r.text
    seen_by_partner = r.json()
    assert seen_by_partner["review_detail"]["by"] == "Dana Ruiz"
    assert seen_by_partner["history"][0]["actor"] == partner_info.id  # their own key's id is theirs to see
    assert seen_by_partner["history"][-1]["actor"] == "Dana Ruiz"


def test_the_case_page_names_people(client, app) -> None:
    store = app.state.triage.store()
    info, partner = issue_key(store, "partner", "acme", name="Pat Lee")
    case = client.post("/v1/cases", json={"text": PLAN}, headers=auth(partner)).json()
    page = sign_in(app, partner).get(f"/cases/{case['id']}")
    assert page.status_code == 200 and "by Pat Lee" in page.text and info.id not in page.text


def test_existing_keys_keep_working_and_are_named_after_their_label(tmp_path, monkeypatch) -> None:
    """A database from before people existed: the migration names each key after its label."""
    store = Store(make_engine(f"sqlite:///{tmp_path / 'old.db'}"))
    everything = migrations.available()
    monkeypatch.setattr(migrations, "available", lambda: [m for m in everything if m[0] < 4])
    migrations.migrate(store)
    with store.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO api_keys (id, key_hash, role, org, label, created_at) "
            "VALUES ('00aa', 'x', 'contact', 'studio', 'Sam at the studio', '2026-01-01T00:00:00.000000Z')"
        )
    monkeypatch.setattr(migrations, "available", lambda: everything)
    migrations.migrate(store)
    (old,) = list_keys(store)
    assert old.name == "Sam at the studio" and old.email is None and old.display_name == "Sam at the studio"
    store.close()


def test_the_command_line_issues_a_key_to_a_person(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        argv = ["keys", "create", "--role", "contact", "--org", "Studio", "--name", "Dana Ruiz"]
        assert cli.main([*argv, "--email", "dana@studio.example"]) == 0
        key = capsys.readouterr().out.strip().splitlines()[-1]
        assert key.startswith("tri_")
        assert cli.main(["keys", "list"]) == 0
        assert "Dana Ruiz <dana@studio.example>" in capsys.readouterr().out
        assert cli.main([*argv, "--email", "dana at studio"]) == 2
    finally:
        get_settings.cache_clear()
    store = Store.open(Settings(data_dir=tmp_path))
    assert [k.name for k in list_keys(store)] == ["Dana Ruiz"]
    store.close()
