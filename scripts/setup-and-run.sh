#!/usr/bin/env bash
# Install into .venv, build the policy index, and triage two example plans with the embedded defaults
# (offline lexical extractor, embedded Chroma index, no model download, no network beyond PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
.venv/bin/triage index
echo
echo '$ triage check "We'"'"'ll clone the lead actor'"'"'s voice for ADR; he hasn'"'"'t agreed yet."'
.venv/bin/triage check "We'll clone the lead actor's voice for ADR; he hasn't agreed yet."
echo
echo '$ triage check "Mood boards for the production designer in Midjourney under our enterprise agreement; nothing goes in the final cut."'
.venv/bin/triage check "Mood boards for the production designer in Midjourney under our enterprise agreement; nothing goes in the final cut."
