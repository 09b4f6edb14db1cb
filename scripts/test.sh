#!/usr/bin/env bash
# The project's test command: lint, the test suite, and the offline eval as a release gate.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { python3 -m venv .venv; .venv/bin/python -m pip install -q -e ".[dev]"; }
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
# Release gate: the offline eval must escalate every escalate case (exit 1 otherwise). reports/ is git-ignored.
.venv/bin/triage eval evals/cases.jsonl --extractor lexical --json-out reports/eval-lexical.json --html-out reports/eval-lexical.html
.venv/bin/triage eval evals/regressions.jsonl --extractor lexical --json-out reports/eval-regressions.json
.venv/bin/triage eval evals/holdout.jsonl --extractor lexical --json-out reports/eval-holdout.json
for set in unseen-a unseen-b unseen-c unseen-d unseen-e unseen-f unseen-g unseen-h unseen-i unseen-j unseen-k unseen-l \
    unseen-m unseen-n unseen-o unseen-p unseen-q unseen-r unseen-s unseen-t unseen-u unseen-v unseen-w unseen-x unseen-y \
    unseen-z unseen-aa unseen-ab unseen-ac unseen-ad unseen-ae unseen-af unseen-ag unseen-ah unseen-ai; do
  # written by separate authors, each run once (first runs in the README); tuned on since, some only for their recall
  # misses (AJ, AK and AL, the shipped reader's first runs, are not folded and do not gate)
  .venv/bin/triage eval "evals/$set.jsonl" --extractor lexical --json-out "reports/eval-$set.json"
done
# A wheel installed into a fresh virtual environment works from another folder.
bash scripts/check_install.sh
# Load smoke (loopback, bounded): every accepted case stored and triaged, audit chain intact, 0 errors, on both stores.
.venv/bin/python scripts/load.py --db sqlite --workers 2 --requests 150 --duration 40 --vary
.venv/bin/python scripts/load.py --db postgres --workers 2 --requests 150 --duration 40 --vary
# ... and with notifications on: every queued email and signed webhook delivered to loopback sinks.
.venv/bin/python scripts/load.py --db sqlite --workers 2 --requests 150 --duration 40 --vary --notify
