"""Signed session cookies and CSRF tokens for the web pages (the JSON API uses bearer keys, no cookies).

A session holds only the API key's id, a CSRF token and when it was issued, signed with HMAC-SHA256 under a
secret shared by every worker. Revoking the key ends every session signed in with it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

COOKIE_NAME = "triage_session"
SESSION_MAX_AGE_S = 12 * 3600


@dataclass(frozen=True)
class Session:
    csrf: str
    key_id: str | None = None
    issued: int = 0

    @classmethod
    def new(cls, key_id: str | None = None) -> Session:
        return cls(csrf=secrets.token_urlsafe(32), key_id=key_id, issued=int(time.time()))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _mac(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest())


def sign(secret: str, session: Session) -> str:
    body = _b64(json.dumps({"c": session.csrf, "k": session.key_id, "t": session.issued}).encode())
    return f"{body}.{_mac(secret, body)}"


def unsign(secret: str, value: str | None, *, max_age_s: int = SESSION_MAX_AGE_S) -> Session | None:
    """The session in a cookie, or None when it is missing, forged, malformed or too old."""
    if not value or value.count(".") != 1 or len(value) > 1024:
        return None
    body, mac = value.split(".")
    if not hmac.compare_digest(mac, _mac(secret, body)):
        return None
    try:
        data = json.loads(_unb64(body))
        session = Session(csrf=str(data["c"]), key_id=data["k"], issued=int(data["t"]))
    except (ValueError, KeyError, TypeError):
        return None
    if time.time() - session.issued > max_age_s:
        return None
    return session


def csrf_ok(session: Session | None, token: str | None) -> bool:
    if session is None or not token:
        return False
    return hmac.compare_digest(session.csrf.encode(), str(token).encode())
