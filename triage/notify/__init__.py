"""Notifications: events reach people by email and signed webhooks, delivered from the outbox by workers.

`triage.store.outbox` writes each event's messages in the event's own transaction; `worker` claims due messages
and sends them with `channels` (email over SMTP, webhooks signed per the Standard Webhooks spec by `signing`),
retrying with exponential backoff; `message` says what a message carries. Nothing here runs inside a triage or a
page: a down or slow server delays only its own messages.
"""
