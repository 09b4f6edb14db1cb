"""A worker killed mid-delivery loses nothing: after a restart every pending message arrives, the interrupted one
re-sent under the same id (at least once). On PostgreSQL several workers share the outbox without sending twice."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from notify_support import WebhookReceiver, wait_until
from server_process import server_env
from triage_support import BACKENDS, FakePipeline, postgres_schema_url

from triage import service
from triage.config import Settings
from triage.notify.worker import Worker
from triage.records import Intake
from triage.store import migrations, notifications, outbox
from triage.store.accounts import issue_key
from triage.store.cases import Store
from triage.store.db import make_engine

pytestmark = pytest.mark.local_server


@pytest.fixture(params=BACKENDS)
def database(request, tmp_path):
    """(the DATABASE_URL a worker process is given, a migrated store on it)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'triage.db'}"
        store = Store(make_engine(url))
        migrations.migrate(store)
        yield url, store
        store.close()
        return
    with postgres_schema_url() as (url, connect_args):
        store = Store(make_engine(url, connect_args=connect_args))
        migrations.migrate(store)
        yield f"{url}?options={quote(connect_args['options'], safe='')}", store
        store.close()


def submissions(store: Store, receiver: WebhookReceiver, n: int) -> list[str]:
    """`n` submitted cases whose messages go to the receiver; the outbox's message ids."""
    issue_key(store, "contact", "studio", name="Dana Ruiz")
    _, receiver.secret = notifications.add_webhook(store, "org", "studio", receiver.url, "standard", ["submitted"])
    for i in range(n):
        intake = Intake(text=f"Plan {i}: we'll clone the narrator's voice.", production_title=f"Show {i}")
        service.submit(store, FakePipeline(), intake, org="acme", actor="p1", actor_role="partner")
    return sorted(d.id for d in outbox.deliveries(store))


def worker_process(url: str, workdir: Path, n: int) -> subprocess.Popen[bytes]:
    env = server_env(
        DATABASE_URL=url,
        TRIAGE_DATA_DIR=str(workdir),
        TRIAGE_WEBHOOK_ALLOW_LOOPBACK="true",
        TRIAGE_NOTIFY_LEASE_S="2",
        TRIAGE_NOTIFY_TIMEOUT="30",
        TRIAGE_NOTIFY_POLL="0.05",
        TRIAGE_NOTIFY_CONCURRENCY="1",
    )
    log = (workdir / f"worker-{n}.log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "notify", "work"], env=env, cwd=workdir, stdout=log, stderr=log
    )


def test_a_worker_killed_mid_delivery_loses_nothing(database, webhook_receiver, tmp_path) -> None:
    url, store = database
    ids = submissions(store, webhook_receiver, 3)
    webhook_receiver.behaviour = lambda n: (204, 10.0) if n == 1 else (204, 0.0)  # the first send hangs
    first = worker_process(url, tmp_path, 1)
    try:
        wait_until(lambda: webhook_receiver.requests >= 1, what="the first send to start")
        first.kill()  # SIGKILL, mid-delivery: no shutdown, no status written
        first.wait(timeout=10)
    finally:
        first.kill()
    interrupted = webhook_receiver.seen_ids[0]
    assert {d.status for d in outbox.deliveries(store)} == {"pending"}
    second = worker_process(url, tmp_path, 2)
    try:
        arrived = webhook_receiver.wait_for(3, timeout_s=30)
        wait_until(lambda: outbox.counts(store) == {"delivered": 3}, what="the deliveries to be recorded")
    finally:
        second.terminate()
        second.wait(timeout=10)
    assert sorted(r.msg_id for r in arrived) == ids  # every message, each under its own id
    assert interrupted in ids
    assert webhook_receiver.seen_ids.count(interrupted) == 2  # re-sent under the same id
    delivered = {d.id: d for d in outbox.deliveries(store)}
    assert {d.status for d in delivered.values()} == {"delivered"}
    assert delivered[interrupted].attempts == 2


@pytest.mark.postgres
def test_postgres_workers_share_the_outbox_without_sending_twice(webhook_receiver, tmp_path) -> None:
    with postgres_schema_url() as (url, connect_args):
        store = Store(make_engine(url, connect_args=connect_args))
        migrations.migrate(store)
        ids = submissions(store, webhook_receiver, 40)
        settings = Settings(
            data_dir=tmp_path, webhook_allow_loopback=True, notify_poll_s=0.02, notify_concurrency=3, notify_timeout_s=5
        )
        stop = threading.Event()
        workers = [Worker(store, settings) for _ in range(3)]
        threads = [threading.Thread(target=w.run, args=(stop,)) for w in workers]
        for thread in threads:
            thread.start()
        try:
            webhook_receiver.wait_for(40, timeout_s=60)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=10)
            for worker in workers:
                worker.close()
        sent = Counter(webhook_receiver.seen_ids)
        assert sorted(sent) == ids and set(sent.values()) == {1}
        store.close()
