"""Who is told what: contact routing, per-organisation and per-person settings, webhook targets, and the audience
of each event.

Events: `submitted` (a partner's case has its first result; escalations flagged), `answered` (a partner's answers
or revision were triaged again), `reviewed` (a contact decided or asked for changes), `commented` (a comment on a
case's thread), `reminder` (a case's due date comes near: the workflow's sweep, once per case and due date) and
`test` (an admin's "send test").

Audiences: a submission goes to the contacts routed to the case's organisation (an organisation no contact is
routed to: every contact); an answer goes to the contact who last reviewed the case, else the routed ones; a review
goes to whoever submitted the case; a reminder to the case's assignee, else the routed contacts. A partner's
comment goes to the assignee, else the routed contacts; a contact's shared comment to whoever submitted the case
(and the assignee); an internal note only to the assignee, never to a partner. Nobody is told of their own comment.
Each person gets email (when the service sends email and they have an address, unless their settings, or else
their organisation's, leave the event out) and their own webhooks; an organisation's webhooks get the events its
people get, and a partner organisation's get the reviews of its cases.
"""

from __future__ import annotations

import json
import secrets
import threading
from base64 import b64encode
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import Connection, delete, insert, select, update

from triage.store.db import Database, iso, utcnow
from triage.store.schema import api_keys, contact_routes, meta, notify_settings, webhooks

EventKind = Literal["submitted", "answered", "reviewed", "commented", "reminder", "test"]
EVENTS: tuple[EventKind, ...] = get_args(EventKind)
CASE_EVENTS: tuple[EventKind, ...] = ("submitted", "answered", "reviewed", "commented", "reminder")
OwnerKind = Literal["org", "person"]
WebhookFormat = Literal["standard", "slack"]  # slack: a Slack or Teams incoming webhook ({"text": ...})
WEBHOOK_FORMATS: tuple[WebhookFormat, ...] = get_args(WebhookFormat)
SECRET_PREFIX = "whsec_"


@dataclass(frozen=True)
class Person:
    key_id: str
    role: str
    org: str
    name: str | None
    email: str | None


@dataclass(frozen=True)
class Webhook:
    id: str
    owner_kind: OwnerKind
    owner: str
    url: str
    format: WebhookFormat
    events: list[EventKind]
    created_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class NotifySettings:
    email_events: list[EventKind] | None  # None: every event
    include_plan: bool | None  # an organisation's opt-in to put the plan text in its cases' messages


def check_events(events: Iterable[str]) -> list[EventKind]:
    chosen = set(events)
    unknown = sorted(chosen - set(EVENTS))
    if unknown:
        raise ValueError(f"unknown event {unknown[0]!r}; events are {', '.join(EVENTS)}")
    return [e for e in EVENTS if e in chosen]


# --- configuration --------------------------------------------------------------------------------------------


def set_routes(db: Database, contact_id: str, orgs: Sequence[str]) -> None:
    """The partner organisations a contact handles (none: the contact is routed nowhere in particular)."""
    with db.transaction() as conn:
        conn.execute(delete(contact_routes).where(contact_routes.c.contact_id == contact_id))
        for org in sorted(set(orgs)):
            conn.execute(insert(contact_routes).values(contact_id=contact_id, org=org))
        changed(conn)


def routes(db: Database) -> dict[str, list[str]]:
    """Each routed contact's organisations."""
    out: dict[str, list[str]] = {}
    with db.reader.connect() as conn:
        for row in conn.execute(select(contact_routes).order_by(contact_routes.c.contact_id, contact_routes.c.org)):
            out.setdefault(row.contact_id, []).append(row.org)
    return out


def set_settings(
    db: Database, owner_kind: OwnerKind, owner: str, *, email_events: list[EventKind] | None, include_plan: bool | None
) -> None:
    values = {"email_events": None if email_events is None else json.dumps(email_events), "include_plan": include_plan}
    key = (notify_settings.c.owner_kind == owner_kind, notify_settings.c.owner == owner)
    with db.transaction() as conn:
        if conn.execute(update(notify_settings).where(*key).values(**values)).rowcount == 0:
            conn.execute(insert(notify_settings).values(owner_kind=owner_kind, owner=owner, **values))
        changed(conn)


def get_settings(db: Database, owner_kind: OwnerKind, owner: str) -> NotifySettings:
    key = (notify_settings.c.owner_kind == owner_kind, notify_settings.c.owner == owner)
    with db.reader.connect() as conn:
        row = conn.execute(select(notify_settings).where(*key)).first()
    if row is None:
        return NotifySettings(None, None)
    events = None if row.email_events is None else json.loads(row.email_events)
    return NotifySettings(email_events=events, include_plan=row.include_plan)


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and 32 random bytes in base64."""
    return SECRET_PREFIX + b64encode(secrets.token_bytes(32)).decode()


def _webhook(row: Any) -> Webhook:
    return Webhook(
        id=row.id,
        owner_kind=row.owner_kind,
        owner=row.owner,
        url=row.url,
        format=row.format,
        events=json.loads(row.events),
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )


_PUBLIC_WEBHOOK_COLUMNS = [c for c in webhooks.c if c.name != "secret"]


def add_webhook(
    db: Database, owner_kind: OwnerKind, owner: str, url: str, fmt: WebhookFormat, events: list[EventKind]
) -> tuple[Webhook, str]:
    """A new webhook target; its signing secret is returned this once (admins list targets without it)."""
    secret = new_secret()
    hook = Webhook(
        id="wh_" + secrets.token_hex(8),
        owner_kind=owner_kind,
        owner=owner,
        url=url,
        format=fmt,
        events=events,
        created_at=iso(utcnow()),
        revoked_at=None,
    )
    with db.transaction() as conn:
        values = {**hook.__dict__, "events": json.dumps(events), "secret": secret}
        conn.execute(insert(webhooks).values(**values))
        changed(conn)
    return hook, secret


def list_webhooks(db: Database) -> list[Webhook]:
    with db.reader.connect() as conn:
        rows = conn.execute(select(*_PUBLIC_WEBHOOK_COLUMNS).order_by(webhooks.c.created_at)).all()
    return [_webhook(r) for r in rows]


def webhook_secret(db: Database, webhook_id: str) -> tuple[Webhook, str] | None:
    """An active target and its secret, for sending to it."""
    with db.reader.connect() as conn:
        row = conn.execute(select(webhooks).where(webhooks.c.id == webhook_id, webhooks.c.revoked_at.is_(None))).first()
    return (_webhook(row), row.secret) if row else None


def revoke_webhook(db: Database, webhook_id: str) -> bool:
    with db.transaction() as conn:
        done = conn.execute(
            update(webhooks)
            .where(webhooks.c.id == webhook_id, webhooks.c.revoked_at.is_(None))
            .values(revoked_at=iso(utcnow()))
        )
        changed(conn)
    return done.rowcount == 1


# --- audiences ------------------------------------------------------------------------------------------------

VERSION_KEY = "notify:version"  # in meta: changes whenever who is told what may have changed


def changed(conn: Connection) -> None:
    """Mark the directory changed (in the caller's transaction): keys, routes, settings or webhooks were written."""
    token = secrets.token_hex(8)
    if conn.execute(update(meta).where(meta.c.key == VERSION_KEY).values(value=token)).rowcount == 0:
        conn.execute(insert(meta).values(key=VERSION_KEY, value=token))


@dataclass(frozen=True)
class Directory:
    """Everything that decides an event's audience and targets, read at once: active people, routes, settings and
    active webhooks. Cached per process and re-read only when its version in meta changes (see `changed`)."""

    version: str | None
    people: dict[str, Person]
    routed: dict[str, list[str]]  # organisation -> its contacts' key ids
    settings: dict[tuple[str, str], NotifySettings]
    webhooks: list[Webhook]

    def contacts_for(self, org: str) -> list[Person]:
        """The contacts routed to an organisation; every contact when none is."""
        routed = [self.people[k] for k in self.routed.get(org, ()) if k in self.people]
        return routed or [p for p in self.people.values() if p.role == "contact"]

    def prefs(self, owner_kind: str, owner: str) -> NotifySettings | None:
        return self.settings.get((owner_kind, owner))


def _load(conn: Connection, version: str | None) -> Directory:
    columns = (api_keys.c.id, api_keys.c.role, api_keys.c.org, api_keys.c.name, api_keys.c.email)
    rows = conn.execute(select(*columns).where(api_keys.c.revoked_at.is_(None)).order_by(api_keys.c.created_at))
    people = {r.id: Person(key_id=r.id, role=r.role, org=r.org, name=r.name, email=r.email) for r in rows}
    routed: dict[str, list[str]] = {}
    for row in conn.execute(select(contact_routes).order_by(contact_routes.c.contact_id)):
        routed.setdefault(row.org, []).append(row.contact_id)
    settings = {
        (r.owner_kind, r.owner): NotifySettings(
            email_events=None if r.email_events is None else json.loads(r.email_events), include_plan=r.include_plan
        )
        for r in conn.execute(select(notify_settings))
    }
    hooks = conn.execute(
        select(*_PUBLIC_WEBHOOK_COLUMNS).where(webhooks.c.revoked_at.is_(None)).order_by(webhooks.c.created_at)
    )
    return Directory(version, people, routed, settings, [_webhook(r) for r in hooks])


class DirectoryCache:
    """One process's copy of the directory: a one-row read per event while nothing changed."""

    def __init__(self) -> None:
        self._current: Directory | None = None
        self._lock = threading.Lock()

    def get(self, conn: Connection) -> Directory:
        version = conn.scalar(select(meta.c.value).where(meta.c.key == VERSION_KEY))
        current = self._current
        if current is not None and current.version == version:
            return current
        loaded = _load(conn, version)
        with self._lock:
            self._current = loaded
        return loaded


@dataclass(frozen=True)
class Parties:
    """Who an event about a case concerns: its organisation, submitter, last reviewer and assignee, and for a
    comment its author and whether it is an internal note."""

    org: str
    submitter: str
    reviewer: str | None = None
    assignee: str | None = None
    author: str | None = None
    internal: bool = False


def _contact(directory: Directory, key_id: str | None) -> list[Person]:
    found = directory.people.get(key_id or "")
    return [found] if found is not None and found.role == "contact" else []


def _comment_audience(directory: Directory, parties: Parties) -> list[Person]:
    assignee = _contact(directory, parties.assignee)
    if parties.internal:
        return assignee
    author = directory.people.get(parties.author or "")
    if author is None or author.role != "contact":
        return assignee or directory.contacts_for(parties.org)
    submitter = directory.people.get(parties.submitter)
    return [*([submitter] if submitter else []), *assignee]


def audience(directory: Directory, event: EventKind, parties: Parties) -> list[Person]:
    """The people an event about a case is for (see the module's docstring), never a comment's own author."""
    if event == "commented":
        return [p for p in _comment_audience(directory, parties) if p.key_id != parties.author]
    if event == "reminder":
        return _contact(directory, parties.assignee) or directory.contacts_for(parties.org)
    org, submitter, reviewer = parties.org, parties.submitter, parties.reviewer
    if event == "reviewed":
        found = directory.people.get(submitter)
        return [found] if found else []
    if event == "answered" and reviewer is not None:
        found = directory.people.get(reviewer)
        if found is not None and found.role == "contact":
            return [found]
    return directory.contacts_for(org)


@dataclass(frozen=True)
class Target:
    channel: Literal["email", "webhook"]
    target: str  # an email address, or a webhook's id (its URL and secret are read when sending)
    recipient: str | None  # the person's key id, None for an organisation's webhook
    name: str | None = None  # the person's name, for an email's To line


def targets(
    directory: Directory, event: EventKind, people: Sequence[Person], *, email: bool, extra_orgs: Iterable[str] = ()
) -> list[Target]:
    """Where an event for these people goes: email (when `email`, the service sending it), their webhooks, and the
    webhooks of their organisations and `extra_orgs`, each target once."""
    out: list[Target] = []
    if email:
        for p in people:
            chosen = directory.prefs("person", p.key_id) or directory.prefs("org", p.org) or NotifySettings(None, None)
            if p.email and (chosen.email_events is None or event in chosen.email_events):
                out.append(Target("email", p.email, p.key_id, p.name))
    keys = {p.key_id for p in people}
    orgs = {p.org for p in people} | set(extra_orgs)
    for hook in directory.webhooks:
        owned = hook.owner in (keys if hook.owner_kind == "person" else orgs)
        if owned and event in hook.events:
            out.append(Target("webhook", hook.id, hook.owner if hook.owner_kind == "person" else None))
    unique: dict[tuple[str, str], Target] = {}
    for t in out:
        unique.setdefault((t.channel, t.target), t)
    return list(unique.values())


def include_plan(directory: Directory, org: str) -> bool:
    return bool((directory.prefs("org", org) or NotifySettings(None, None)).include_plan)
