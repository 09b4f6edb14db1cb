"""Webhooks: an HTTP POST per message, signed per the Standard Webhooks spec; Slack and Teams incoming webhooks get
a Slack-shaped body (`{"text": ...}`) and the same headers.

The URL must be http(s) and may not point at a link-local or cloud-metadata address (nor loopback, unless
TRIAGE_WEBHOOK_ALLOW_LOOPBACK is set, as tests do): checked when an admin adds it and again before every send,
on every address the name resolves to. Redirects are not followed; anything but a 2xx is a failed send.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from urllib.parse import urlsplit

import httpx

from triage.notify import signing
from triage.notify.channels import SendError
from triage.notify.message import Message
from triage.store.notifications import Webhook
from triage.store.outbox import Delivery

METADATA_HOSTS = {"metadata", "metadata.google.internal", "metadata.goog", "instance-data"}
METADATA_ADDRESSES = {ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")}
USER_AGENT = "genai-triage-webhooks/1"


def _refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_loopback and not allow_loopback:
        return "a loopback address"
    if address.is_unspecified or address.is_multicast or address.is_reserved:
        return "not a routable address"
    return None


def check_url(url: str, *, allow_loopback: bool, resolve: bool) -> str:
    """The URL if it may be sent to; SendError(permanent) saying why not. `resolve`: check every address the host
    name has now (when sending), not only a literal address (when an admin adds it)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SendError("a webhook URL must start with http:// or https:// and name a host", permanent=True)
    if parts.username or parts.password:
        raise SendError("a webhook URL may not carry credentials; the signature authenticates", permanent=True)
    host = parts.hostname.rstrip(".").lower()
    if host in METADATA_HOSTS:
        raise SendError(f"the webhook host {host} is a cloud metadata service", permanent=True)
    if host in ("localhost", "localhost.localdomain") and not allow_loopback:
        raise SendError("the webhook URL points at a loopback address", permanent=True)
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        addresses = set()
        if resolve:
            try:
                infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
            except OSError:
                raise SendError(f"the webhook host {host} does not resolve") from None
            addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}
    for address in addresses:
        reason = _refusal(address, allow_loopback)
        if reason:
            raise SendError(f"the webhook URL points at {reason} ({address})", permanent=True)
    return url


class WebhookChannel:
    def __init__(self, *, timeout_s: float, allow_loopback: bool) -> None:
        self.allow_loopback = allow_loopback
        self.client = httpx.Client(timeout=timeout_s, follow_redirects=False, headers={"user-agent": USER_AGENT})
        self.timeout_s = timeout_s

    def close(self) -> None:
        self.client.close()

    def send(self, delivery: Delivery, message: Message, hook: Webhook, secret: str) -> None:
        url = check_url(hook.url, allow_loopback=self.allow_loopback, resolve=True)
        shaped = {"text": message.text} if hook.format == "slack" else message.body
        body = json.dumps(shaped, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {"content-type": "application/json", **signing.headers(secret, delivery.id, body)}
        try:
            response = self.client.post(url, content=body, headers=headers)
        except httpx.TimeoutException:
            raise SendError(f"the endpoint did not answer within {self.timeout_s:g} s") from None
        except httpx.HTTPError as exc:
            raise SendError(f"could not reach the endpoint: {type(exc).__name__}") from None
        if not 200 <= response.status_code < 300:
            note = " (redirects are not followed)" if 300 <= response.status_code < 400 else ""
            raise SendError(f"the endpoint answered HTTP {response.status_code}{note}")
