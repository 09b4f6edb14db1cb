"""Real servers on loopback for the notification tests: an SMTP server (aiosmtpd) that keeps what it receives, and
an HTTP webhook receiver that verifies each Standard Webhooks signature and can answer slowly or with an error."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import notify_support
from notify_support import SmtpServer, WebhookReceiver


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    with notify_support.smtp_server() as server:
        yield server


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    with notify_support.webhook_receiver() as receiver:
        yield receiver
