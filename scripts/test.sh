#!/usr/bin/env bash
# The project's test command: lint, the test suite, and the offline eval as a release gate.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || { python3 -m venv .venv; .venv/bin/python -m pip install -q -e ".[dev]"; }
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
