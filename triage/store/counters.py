"""Rate limiting: a request count per subject and fixed window, shared by every worker through the database."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError

from triage.store.db import Database, iso, utcnow
from triage.store.schema import rate_limits


def hit(db: Database, subject: str, *, limit: int, window_s: int = 60) -> int:
    """Count one request in `subject`'s current window; return 0 if allowed, else seconds until the next window."""
    now = time.time()
    window = int(now // window_s)
    bucket = f"{subject}:{window}"
    expires = iso(datetime.fromtimestamp((window + 1) * window_s, UTC))
    for _ in range(3):
        try:
            with db.transaction(durable=False) as conn:  # a count lost in a power cut harms no one
                count = conn.scalar(
                    update(rate_limits)
                    .where(rate_limits.c.bucket == bucket)
                    .values(count=rate_limits.c.count + 1)
                    .returning(rate_limits.c.count)
                )
                if count is None:  # the window's first request: drop the subject's expired windows
                    conn.execute(
                        rate_limits.delete().where(
                            rate_limits.c.bucket.like(f"{subject}:%"), rate_limits.c.expires_at < iso(utcnow())
                        )
                    )
                    conn.execute(insert(rate_limits).values(bucket=bucket, count=1, expires_at=expires))
                    count = 1
            break
        except IntegrityError:
            continue  # a concurrent first hit inserted the bucket; count again
    else:
        return 0
    if count > limit:
        return max(1, int((window + 1) * window_s - now))
    return 0
