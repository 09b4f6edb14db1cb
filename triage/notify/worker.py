"""The delivery worker: claims due messages from the outbox in batches and sends them on a few threads of its own,
so a slow endpoint holds up only the messages on its thread. Any number of workers (threads, processes, hosts)
may share one database. Claims and outcomes are written a batch per transaction: on SQLite every write takes the
one write lock the triages need too, so deliveries take it a few times a second, not twice per message. The
threads run at a lower CPU priority (TRIAGE_NOTIFY_NICE): on a busy machine the triages get the CPU first and
messages go out in the time left.

A failed send is retried after `backoff` (exponential, capped at an hour, with jitter) until the last attempt,
then marked dead with its error; a refused target (a bad URL, a removed webhook) is dead at once.
"""

from __future__ import annotations

import logging
import os
import queue
import random
import threading
from concurrent.futures import ThreadPoolExecutor

from triage.config import Settings
from triage.notify.channels import SendError
from triage.notify.channels.email import EmailChannel
from triage.notify.channels.webhook import WebhookChannel
from triage.notify.message import compose
from triage.store import notifications, outbox
from triage.store.db import Database
from triage.store.outbox import Delivery, Outcome

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 3600.0
BATCH_INTERVAL_S = 0.2  # how often a busy worker records outcomes and claims more (each a write transaction)
QUEUED_PER_THREAD = 4  # messages claimed ahead per sender thread (each within its lease: see Settings)


def lower_priority(niceness: int) -> None:
    """Make the calling thread yield the CPU to the triages (Linux schedules threads by their own nice value)."""
    if niceness and hasattr(os, "setpriority"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
        except OSError:
            log.debug("could not lower the sender thread's priority")


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
        if self.email is not None:
            self.email.close()

    def deliver(self, delivery: Delivery, token: str) -> None:
        """Send one claimed message now and record how it went."""
        outbox.settle(self.db, [self.attempt(delivery, token)])

    def attempt(self, delivery: Delivery, token: str) -> Outcome:
        try:
            self._send(delivery)
        except Exception as exc:
            error = str(exc) if isinstance(exc, SendError) else f"{type(exc).__name__} while sending"
            permanent = isinstance(exc, SendError) and exc.permanent
            last = permanent or delivery.attempts >= self.settings.notify_max_attempts
            retry = None if last else backoff(self.settings, delivery.attempts)
            outcome = "dead" if retry is None else f"retry in {retry:.0f} s"
            log.warning(
                "message %s (%s) attempt %d failed, %s: %s",
                delivery.id,
                delivery.channel,
                delivery.attempts,
                outcome,
                error,
            )
            return Outcome(delivery.id, token, error, retry)
        log.debug("message %s (%s, %s) delivered", delivery.id, delivery.channel, delivery.event)
        return Outcome(delivery.id, token)

    def _report(self, done: queue.SimpleQueue[Outcome], delivery: Delivery, token: str) -> None:
        done.put(self.attempt(delivery, token))

    def _send(self, delivery: Delivery) -> None:
        message = compose(delivery, self.settings.public_url)
        if delivery.channel == "email":
            if self.email is None:
                raise SendError("no SMTP host is configured (TRIAGE_SMTP_HOST)")
            self.email.send(delivery, message, to_name=delivery.payload.get("recipient_name"))
            return
        found = notifications.webhook_secret(self.db, delivery.target)
        if found is None:
            raise SendError("the webhook was removed", permanent=True)
        self.webhook.send(delivery, message, *found)

    def run(self, stop: threading.Event) -> None:
        """Deliver until `stop` is set: claim what is due while sender threads are free, record outcomes in batches,
        poll every TRIAGE_NOTIFY_POLL seconds while the outbox is idle."""
        s = self.settings
        done: queue.SimpleQueue[Outcome] = queue.SimpleQueue()
        in_flight = 0
        capacity = s.notify_concurrency * QUEUED_PER_THREAD
        lower_priority(s.notify_nice)
        pool = ThreadPoolExecutor(
            s.notify_concurrency, "triage-notify", initializer=lower_priority, initargs=(s.notify_nice,)
        )
        with pool as senders:
            while not stop.is_set():
                try:
                    in_flight -= self._settle(done)
                    if in_flight < capacity and outbox.any_due(self.db):
                        token, batch = outbox.claim(
                            self.db,
                            limit=capacity - in_flight,
                            lease_s=s.notify_lease_s,
                            max_attempts=s.notify_max_attempts,
                        )
                        for delivery in batch:
                            senders.submit(self._report, done, delivery, token)
                        in_flight += len(batch)
                except Exception as exc:  # the database away for a moment: try again at the next poll
                    log.error("notification delivery skipped: %s", type(exc).__name__)
                stop.wait(BATCH_INTERVAL_S if in_flight else s.notify_poll_s)
            # stopping: sends under way finish and are recorded; those not started keep their claim until it lapses
            senders.shutdown(wait=True, cancel_futures=True)
        try:
            self._settle(done)
        except Exception as exc:  # the store closed under a stopping worker: those messages will be sent again
            log.error("outcomes of the last sends not recorded: %s", type(exc).__name__)

    def _settle(self, done: queue.SimpleQueue[Outcome]) -> int:
        """Record the outcomes the senders reported since the last time; how many there were."""
        outcomes = []
        while not done.empty():
            outcomes.append(done.get())
        if outcomes:
            outbox.settle(self.db, outcomes)
        return len(outcomes)
