"""Numbered schema migrations: `NNNN_name.py` modules, each with `upgrade(conn)`, applied in order once.

A migration is a frozen snapshot of the change it made: never edit one that has shipped, add the next number.
"""
