"""API keys: stored hashed, checked in constant time, revocable; roles decide which cases a key sees."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from triage_support import BACKENDS, open_store

from triage.config import Settings
from triage.service import create_key
from triage.store.accounts import (
    Principal,
    authenticate,
    hash_key,
    issue_key,
    list_keys,
    parse_key,
    revoke_key,
)
from triage.store.cases import Store
from triage.store.schema import api_keys


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with open_store(request.param, tmp_path) as s:
        yield s


def test_a_key_authenticates_as_its_role_and_org(store: Store) -> None:
    info, key = issue_key(store, "partner", "  Acme Films ")
    assert key.startswith("tri_") and len(key) > 50
    assert authenticate(store, key) == Principal(key_id=info.id, role="partner", org="Acme Films")
    assert authenticate(store, f"  {key}\n") is not None  # pasted with whitespace


def test_only_the_hash_is_stored(store: Store) -> None:
    _, key = issue_key(store, "contact", "studio")
    with store.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(api_keys))]
    assert not any(key in str(v) for row in rows for v in row)
    assert rows[0][1] == hash_key(key)


@pytest.mark.parametrize("bad", ["", "nonsense", "tri__x", "tri_zz_secret", "Bearer tri_", "tri_" + "a" * 41 + "_x"])
def test_malformed_keys_are_rejected(store: Store, bad: str) -> None:
    assert authenticate(store, bad) is None


def test_a_wrong_secret_or_a_revoked_key_is_rejected(store: Store) -> None:
    info, key = issue_key(store, "partner", "acme")
    assert authenticate(store, key[:-2] + ("AA" if not key.endswith("AA") else "BB")) is None
    assert revoke_key(store, info.id)
    assert not revoke_key(store, info.id)
    assert authenticate(store, key) is None
    assert list_keys(store)[0].revoked_at is not None


def test_roles_and_orgs_are_checked(store: Store) -> None:
    with pytest.raises(ValueError):
        issue_key(store, "root", "acme")
    with pytest.raises(ValueError):
        issue_key(store, "partner", "   ")


def test_case_visibility() -> None:
    partner = Principal(key_id="a", role="partner", org="acme")
    contact = Principal(key_id="b", role="contact", org="studio")
    admin = Principal(key_id="c", role="admin", org="studio")
    assert partner.can_see("acme") and not partner.can_see("globex")
    assert contact.can_see("acme") and contact.case_scope is None
    assert not admin.can_see("studio")


def test_parse_key() -> None:
    assert parse_key("tri_0123abcd_s3cr_et-x") == "0123abcd"
    assert parse_key("xyz_0123_s") is None


def test_create_key_cli_hook(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    key = create_key(settings, "contact", "studio")
    store = Store.open(settings)
    try:
        principal = authenticate(store, key)
    finally:
        store.close()
    assert principal is not None and principal.role == "contact" and principal.org == "studio"
