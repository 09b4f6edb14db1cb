"""Precedents: the earlier decided cases most like a case, found through an index of their plans' vectors.

`index` (the Chroma collection), `sync` (keeping it in step with the store, off the request path), `find` (a
case's precedents, each one read back from the store under the caller's scope before it is shown).
"""
