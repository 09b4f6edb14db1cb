"""Triage of generative-AI use plans in film and TV production against a studio's partner guidance."""

__version__ = "0.1.0"
