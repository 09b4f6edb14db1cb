"""The pages' session cookie and CSRF tokens (the JSON API uses bearer keys, no cookies).

The cookie holds a random token and nothing else. Signed in, the server keeps the token's sha256 with the key
and an expiry (triage.store.sessions); signed out, the token only ties the forms to this browser. The CSRF token
is derived from it (a one-way hash: the page shows it, the cookie stays secret), so a form posted from another
site, which cannot read the cookie, cannot carry it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

COOKIE_NAME = "triage_session"
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43}")  # secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Session:
    token: str

    @classmethod
    def new(cls) -> Session:
        return cls(secrets.token_urlsafe(32))

    @classmethod
    def from_cookie(cls, value: str | None) -> Session | None:
        """The session a cookie names, or None when it is missing or not a token at all."""
        return cls(value) if value and TOKEN_RE.fullmatch(value) else None

    @property
    def csrf(self) -> str:
        digest = hashlib.sha256(b"csrf:" + self.token.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def csrf_ok(session: Session | None, token: str | None) -> bool:
    if session is None or not token:
        return False
    return hmac.compare_digest(session.csrf.encode(), str(token).encode())
