"""Email over SMTP: STARTTLS (the default), implicit TLS or plain (TRIAGE_SMTP_SECURITY), with credentials when set.
Each message's Message-ID is its outbox id, so a re-sent message is recognisably the same one."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, formatdate

from triage.config import Settings
from triage.notify.channels import SendError
from triage.notify.message import Message
from triage.store.outbox import Delivery


class EmailChannel:
    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise ValueError("email needs TRIAGE_SMTP_HOST")
        self.settings = settings
        self.host = settings.smtp_host

    def send(self, delivery: Delivery, message: Message, *, to_name: str | None) -> None:
        s = self.settings
        email = EmailMessage()
        email["From"] = s.smtp_from
        email["To"] = formataddr((to_name or "", delivery.target))
        email["Subject"] = message.subject
        email["Date"] = formatdate(usegmt=True)
        email["Message-ID"] = f"<{delivery.id}@genai-triage>"
        email.set_content(message.text)
        port = s.effective_smtp_port
        try:
            smtp: smtplib.SMTP
            if s.smtp_security == "tls":
                smtp = smtplib.SMTP_SSL(
                    self.host, port, timeout=s.notify_timeout_s, context=ssl.create_default_context()
                )
            else:
                smtp = smtplib.SMTP(self.host, port, timeout=s.notify_timeout_s)
            with smtp:
                if s.smtp_security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
                if s.smtp_username and s.smtp_password:
                    smtp.login(s.smtp_username, s.smtp_password.get_secret_value())
                smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused:
            raise SendError(f"the SMTP server refused the recipient {delivery.target}") from None
        except smtplib.SMTPResponseException as exc:
            raise SendError(f"the SMTP server answered {exc.smtp_code}") from None
        except (TimeoutError, OSError, smtplib.SMTPException) as exc:
            raise SendError(f"could not send through {self.host}:{port}: {type(exc).__name__}") from None
