"""Where messages go: `email` (SMTP) and `webhook` (HTTP POST, Standard Webhooks signed, or Slack-shaped)."""

from __future__ import annotations


class SendError(Exception):
    """A send that failed; `permanent`: retrying cannot help (a refused URL, a revoked target). The message is safe
    to show admins: it names the endpoint's answer, never a secret."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
