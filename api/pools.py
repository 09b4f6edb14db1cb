"""Bounded, fair work: triages and policy questions on thread pools of their own, and a cap per organisation.

A triage can take minutes when the LLM is slow or hangs, and so can a policy question with an LLM. On the shared
worker threads (40), enough of them would starve every other request: readiness, listings, case pages, sign-in.
Here triages take at most PIPELINE_THREADS threads and policy questions POLICY_THREADS, and requests beyond that
wait without holding a thread. No organisation runs more than `TRIAGE_MAX_TRIAGES_PER_ORG` (8) triages at once in
a worker process (a process-wide setting, like the pools' sizes): past that it gets 429 at once, so one client
(or one abandoned by its caller, whose runs hold their threads until the LLM's timeout ends them) never takes
every pipeline thread from the others.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import anyio
from fastapi import HTTPException, status

from triage.config import get_settings
from triage.store.accounts import Principal

log = logging.getLogger(__name__)

PIPELINE_THREADS = 32  # triages at once per worker process
POLICY_THREADS = 8  # policy questions at once per worker process
RETRY_AFTER_S = 5

_limiters: dict[str, tuple[asyncio.AbstractEventLoop, anyio.CapacityLimiter]] = {}
_running: Counter[str] = Counter()  # organisation → triages running (touched on the event loop only)


def limiter(name: str, threads: int) -> anyio.CapacityLimiter:
    """The running event loop's limiter of this name (one loop per worker; tests start several in turn)."""
    loop = asyncio.get_running_loop()
    found = _limiters.get(name)
    if found is None or found[0] is not loop:
        found = _limiters[name] = (loop, anyio.CapacityLimiter(threads))
    return found[1]


def per_org_triages() -> int:
    """How many triages one organisation may run at once in this process (TRIAGE_MAX_TRIAGES_PER_ORG)."""
    return get_settings().max_triages_per_org


@contextmanager
def org_slot(org: str) -> Iterator[None]:
    """One of the organisation's slots for the duration, or 429 when all are taken."""
    cap = per_org_triages()
    if _running[org] >= cap:
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            f"too many triages at once: at most {cap} per organisation; try again when one has finished",
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )
    _running[org] += 1
    try:
        yield
    finally:
        _running[org] -= 1
        if not _running[org]:
            del _running[org]


def runs_pipeline(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """For a (sync) endpoint that triages, given its caller as `principal`: on the pipeline's threads, in a slot of
    the caller's organisation (held until the run ends, even when the client has gone)."""

    @functools.wraps(endpoint)
    async def run(*args: Any, **kwargs: Any) -> Any:
        principal: Principal = kwargs["principal"]
        with org_slot(principal.org):
            work = functools.partial(endpoint, *args, **kwargs)
            return await anyio.to_thread.run_sync(work, limiter=limiter("pipeline", PIPELINE_THREADS))

    return run


def runs_policy(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """For a (sync) endpoint that answers a policy question: on the policy pool's threads."""

    @functools.wraps(endpoint)
    async def run(*args: Any, **kwargs: Any) -> Any:
        work = functools.partial(endpoint, *args, **kwargs)
        return await anyio.to_thread.run_sync(work, limiter=limiter("policy", POLICY_THREADS))

    return run


def exit_after(seconds: float) -> None:
    """At shutdown: if the process is still alive `seconds` from now (threads stuck in a hanging LLM call keep the
    interpreter from exiting), exit at once. Their cases stay received and leased, for the sweep to re-run."""

    def hard_exit() -> None:
        busy = [t.name for t in threading.enumerate() if t.name == "AnyIO worker thread" and t.is_alive()]
        log.warning("exiting with %d worker thread(s) still busy; their cases are left for the sweep", len(busy))
        sys.stderr.flush()
        os._exit(0)

    timer = threading.Timer(seconds, hard_exit)
    timer.daemon = True  # runs while the interpreter waits for the busy threads, and never delays a clean exit
    timer.start()
