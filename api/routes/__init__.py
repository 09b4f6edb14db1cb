"""Thin routers: they check who may call, call triage.service (or read the store), and shape the response."""
