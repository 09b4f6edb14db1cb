"""Thin routers: they check who may do what, call triage.store, and shape the response."""
