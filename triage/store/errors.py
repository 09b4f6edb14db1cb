"""What the store and the service refuse. Every message is safe to show: it never contains partner text.

The API maps each class to one HTTP status (api.deps.http_status), once for every route and page.
"""

from __future__ import annotations


class StoreError(Exception):
    """A request refused; the base class, answered 422 when nothing more specific applies."""


class NotFound(StoreError):
    """No such case, or one the caller may not see (the two are never told apart)."""


class Forbidden(StoreError):
    """The caller may see the case but not do this to it."""


class Conflict(StoreError):
    """The case is not in a state that allows this (e.g. it is being triaged)."""


class TextTooLong(StoreError):
    """The text, as it would be stored, is over the limit."""


class InvalidInput(StoreError):
    """Not plain text a person wrote (empty, over-long, binary, not UTF-8), or a choice not on the list."""
