"""Fixtures for the API and page tests: an app on a fresh database (SQLite, and PostgreSQL in its own schema),
a stand-in pipeline, and keys for two partner organisations, a studio contact and an admin."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from triage_support import BACKENDS, FakePipeline, postgres_schema_url

from api.main import create_app
from triage.config import Settings
from triage.store.accounts import issue_key


@dataclass
class Keys:
    acme: str
    acme2: str  # a second key of the same organisation
    globex: str
    contact: str
    admin: str


@pytest.fixture(params=BACKENDS)
def settings(request, tmp_path) -> Settings:
    limits = {"signin_rate_limit": 10_000, "auth_failure_rate_limit": 10_000}  # tests of the limits set their own
    if request.param == "sqlite":
        yield Settings(data_dir=tmp_path, **limits)
        return
    with postgres_schema_url() as (url, connect_args):
        options = quote(connect_args["options"], safe="")
        yield Settings(data_dir=tmp_path, database_url=f"{url}?options={options}", **limits)


@pytest.fixture
def pipeline() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def app(settings, pipeline):
    return create_app(settings, pipeline=pipeline, rerun_on_startup=False, rate_limit_per_minute=10_000)


@pytest.fixture
def client(app) -> TestClient:
    with TestClient(app) as c:
        yield c


@pytest.fixture
def keys(client, app) -> Keys:
    store = app.state.triage.store()
    return Keys(
        acme=issue_key(store, "partner", "acme")[1],
        acme2=issue_key(store, "partner", "acme")[1],
        globex=issue_key(store, "partner", "globex")[1],
        contact=issue_key(store, "contact", "studio")[1],
        admin=issue_key(store, "admin", "studio")[1],
    )
