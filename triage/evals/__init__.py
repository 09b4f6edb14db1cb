"""Evals against labeled cases (contracts §3 in, §4 out); `cases` reads labeled case files."""
