"""Email over SMTP: STARTTLS (the default), implicit TLS or plain (TRIAGE_SMTP_SECURITY), with credentials when set.
Each message's Message-ID is its outbox id, so a re-sent message is recognisably the same one."""

from __future__ import annotations

import smtplib
import ssl
import threading
from email.message import EmailMessage
from email.utils import formataddr, formatdate

from triage.config import Settings
from triage.notify.channels import SendError
from triage.notify.message import Message
from triage.store.outbox import Delivery


class EmailChannel:
    """Sends over one SMTP connection per sender thread, kept open between messages (reopened when the server
    dropped it), so a busy outbox does not pay a TCP and TLS handshake per message."""

    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise ValueError("email needs TRIAGE_SMTP_HOST")
        self.settings = settings
        self.host = settings.smtp_host
        self.port = settings.effective_smtp_port
        self._local = threading.local()
        self._open: set[smtplib.SMTP] = set()
        self._lock = threading.Lock()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        smtp: smtplib.SMTP
        if s.smtp_security == "tls":
            context = ssl.create_default_context()
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=s.notify_timeout_s, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=s.notify_timeout_s)
        try:
            if s.smtp_security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if s.smtp_username and s.smtp_password:
                smtp.login(s.smtp_username, s.smtp_password.get_secret_value())
        except BaseException:
            smtp.close()
            raise
        with self._lock:
            self._open.add(smtp)
        return smtp

    def _drop(self, smtp: smtplib.SMTP) -> None:
        with self._lock:
            self._open.discard(smtp)
        self._local.smtp = None
        smtp.close()

    def close(self) -> None:
        with self._lock:
            open_now, self._open = self._open, set()
        for smtp in open_now:
            smtp.close()

    def send(self, delivery: Delivery, message: Message, *, to_name: str | None) -> None:
        email = EmailMessage()
        email["From"] = self.settings.smtp_from
        email["To"] = formataddr((to_name or "", delivery.target))
        email["Subject"] = message.subject
        email["Date"] = formatdate(usegmt=True)
        email["Message-ID"] = f"<{delivery.id}@genai-triage>"
        email.set_content(message.text)
        reused: smtplib.SMTP | None = getattr(self._local, "smtp", None)
        smtp = reused
        try:
            if smtp is None:
                smtp = self._local.smtp = self._connect()
            try:
                smtp.send_message(email)
            except smtplib.SMTPServerDisconnected:
                if smtp is not reused:
                    raise
                self._drop(smtp)  # the kept connection had gone stale: once more on a new one
                smtp = self._local.smtp = self._connect()
                smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused:
            raise SendError(f"the SMTP server refused the recipient {delivery.target}") from None
        except smtplib.SMTPResponseException as exc:
            self._drop_current()
            raise SendError(f"the SMTP server answered {exc.smtp_code}") from None
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            self._drop_current()
            raise SendError(f"could not send through {self.host}:{self.port}: {type(exc).__name__}") from None

    def _drop_current(self) -> None:
        smtp = getattr(self._local, "smtp", None)
        if smtp is not None:
            self._drop(smtp)
