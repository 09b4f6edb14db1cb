"""The delivery worker: claims due messages from the outbox and sends them, each on its own thread, so a slow
endpoint holds up only its own messages. Any number of workers (threads, processes, hosts) may share one database.

A failed send is retried after `backoff` (exponential, capped at an hour, with jitter) until the last attempt,
then marked dead with its error; a refused target (a bad URL, a removed webhook) is dead at once.
"""

from __future__ import annotations

import logging
import random
import threading

from triage.config import Settings
from triage.notify.channels import SendError
from triage.notify.channels.email import EmailChannel
from triage.notify.channels.webhook import WebhookChannel
from triage.notify.message import compose
from triage.store import accounts, notifications, outbox
from triage.store.db import Database
from triage.store.outbox import Delivery

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 3600.0


def backoff(settings: Settings, attempts: int) -> float:
    """Seconds before the next try after `attempts` failed ones: base × 2^(attempts − 1), capped, plus ≤10% jitter."""
    delay = min(MAX_BACKOFF_S, settings.notify_backoff_s * 2 ** max(0, attempts - 1))
    return delay * (1 + random.random() / 10)


class Worker:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.email = EmailChannel(settings) if settings.smtp_host else None
        self.webhook = WebhookChannel(
            timeout_s=settings.notify_timeout_s, allow_loopback=settings.webhook_allow_loopback
        )

    def close(self) -> None:
        self.webhook.close()

    def deliver_due(self, *, limit: int = 1) -> list[Delivery]:
        """Claim up to `limit` due messages and send them in turn; the messages as claimed."""
        s = self.settings
        token, batch = outbox.claim(self.db, limit=limit, lease_s=s.notify_lease_s, max_attempts=s.notify_max_attempts)
        for delivery in batch:
            self.deliver(delivery, token)
        return batch

    def deliver(self, delivery: Delivery, token: str) -> None:
        try:
            self._send(delivery)
        except Exception as exc:
            error = str(exc) if isinstance(exc, SendError) else f"{type(exc).__name__} while sending"
            permanent = isinstance(exc, SendError) and exc.permanent
            last = permanent or delivery.attempts >= self.settings.notify_max_attempts
            retry = None if last else backoff(self.settings, delivery.attempts)
            outbox.failed(self.db, delivery.id, token, error, retry_in_s=retry)
            outcome = "dead" if retry is None else f"retry in {retry:.0f} s"
            log.warning(
                "message %s (%s) attempt %d failed, %s: %s",
                delivery.id,
                delivery.channel,
                delivery.attempts,
                outcome,
                error,
            )
            return
        if outbox.delivered(self.db, delivery.id, token):
            log.info("message %s (%s, %s) delivered", delivery.id, delivery.channel, delivery.event)

    def _send(self, delivery: Delivery) -> None:
        message = compose(delivery, self.settings.public_url)
        if delivery.channel == "email":
            if self.email is None:
                raise SendError("no SMTP host is configured (TRIAGE_SMTP_HOST)")
            person = accounts.get_keys(self.db, [delivery.recipient] if delivery.recipient else []).get(
                delivery.recipient or ""
            )
            self.email.send(delivery, message, to_name=person.name if person else None)
            return
        found = notifications.webhook_secret(self.db, delivery.target)
        if found is None:
            raise SendError("the webhook was removed", permanent=True)
        self.webhook.send(delivery, message, *found)

    def run(self, stop: threading.Event) -> None:
        """Deliver until `stop` is set: `notify_concurrency` sender threads, each polling when the outbox is idle."""
        threads = [
            threading.Thread(target=self._loop, args=(stop,), name=f"triage-notify-{i}", daemon=True)
            for i in range(self.settings.notify_concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                busy = outbox.any_due(self.db) and bool(self.deliver_due())
            except Exception as exc:  # the database away for a moment: try again at the next poll
                log.error("notification delivery skipped: %s", type(exc).__name__)
                busy = False
            if not busy:
                stop.wait(self.settings.notify_poll_s)
